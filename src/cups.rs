//! Printing through CUPS: the printers `lpstat` lists, and jobs sent with `lp`. Used by the app's print
//! dialog (through its effects module) and by `waymark print` / `waymark printers`.

use std::io::Write as _;
use std::process::{Command, Stdio};

/// Why CUPS could not do what was asked.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum CupsError {
    /// The CUPS commands are not installed.
    #[error("CUPS is not installed (no `{0}` command); save as PDF instead")]
    Missing(&'static str),
    /// CUPS answered with an error.
    #[error("CUPS refused: {0}")]
    Refused(String),
    /// No printer is set up.
    #[error("no printer is set up in CUPS; save as PDF instead")]
    NoPrinters,
    /// The named printer does not exist.
    #[error("no printer named \"{name}\" (printers: {known})")]
    UnknownPrinter {
        /// The name asked for.
        name: String,
        /// The printers there are.
        known: String,
    },
}

/// A print queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printer {
    /// The queue's name, as `lp -d` takes it.
    pub name: String,
    /// True for the system's default printer.
    pub default: bool,
}

/// What to print and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintJob {
    /// The queue.
    pub printer: String,
    /// How many copies.
    pub copies: u32,
    /// The CUPS media name ("A4", "Letter").
    pub media: String,
    /// Landscape pages.
    pub landscape: bool,
    /// The job's title in the queue.
    pub title: String,
    /// Which pages ("1-3,5"), all when empty.
    pub pages: String,
}

/// The printers CUPS knows, the default marked.
pub fn printers() -> Result<Vec<Printer>, CupsError> {
    let names = run("lpstat", &["-e"])?;
    let default = run("lpstat", &["-d"]).unwrap_or_default();
    let default = default
        .split_once(':')
        .map(|(_, name)| name.trim().to_owned())
        .unwrap_or_default();
    let printers: Vec<Printer> = names
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|name| Printer {
            name: name.to_owned(),
            default: name == default,
        })
        .collect();
    Ok(printers)
}

/// The printer to use: the named one if it exists, else the default, else the first.
pub fn choose_printer(printers: &[Printer], name: Option<&str>) -> Result<Printer, CupsError> {
    if printers.is_empty() {
        return Err(CupsError::NoPrinters);
    }
    match name {
        Some(name) => printers
            .iter()
            .find(|printer| printer.name == name)
            .cloned()
            .ok_or_else(|| CupsError::UnknownPrinter {
                name: name.to_owned(),
                known: printers
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        None => Ok(printers
            .iter()
            .find(|printer| printer.default)
            .unwrap_or(&printers[0])
            .clone()),
    }
}

/// Sends a PDF to a printer and returns the job id CUPS gives ("PDF-3").
pub fn submit(pdf: &[u8], job: &PrintJob) -> Result<String, CupsError> {
    let copies = job.copies.clamp(1, 999).to_string();
    let media = format!("media={}", job.media);
    let mut args = vec![
        "-d",
        job.printer.as_str(),
        "-n",
        copies.as_str(),
        "-o",
        media.as_str(),
        "-t",
        job.title.as_str(),
    ];
    if job.landscape {
        args.extend(["-o", "landscape"]);
    }
    let page_ranges = format!("page-ranges={}", job.pages);
    if !job.pages.trim().is_empty() {
        args.extend(["-o", page_ranges.as_str()]);
    }
    let mut child = Command::new("lp")
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| spawn_error("lp", &e))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(pdf)
            .map_err(|e| CupsError::Refused(format!("lp stopped reading the document: {e}")))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|e| CupsError::Refused(e.to_string()))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(CupsError::Refused(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ));
    }
    Ok(job_id(&stdout).unwrap_or_else(|| stdout.trim().to_owned()))
}

/// The job id in `lp`'s answer: "request id is PDF-3 (1 file(s))" gives "PDF-3".
pub fn job_id(answer: &str) -> Option<String> {
    let rest = answer.split("request id is").nth(1)?;
    rest.split_whitespace().next().map(str::to_owned)
}

fn run(program: &'static str, args: &[&str]) -> Result<String, CupsError> {
    let output = Command::new(program)
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .map_err(|e| spawn_error(program, &e))?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(CupsError::Refused(if message.is_empty() {
            format!("{program} failed")
        } else {
            message
        }));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn spawn_error(program: &'static str, error: &std::io::Error) -> CupsError {
    if error.kind() == std::io::ErrorKind::NotFound {
        CupsError::Missing(program)
    } else {
        CupsError::Refused(format!("{program}: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_ids_are_read_from_lp() {
        assert_eq!(
            job_id("request id is PDF-3 (1 file(s))\n").as_deref(),
            Some("PDF-3")
        );
        assert_eq!(job_id("nothing"), None);
    }

    #[test]
    fn the_default_printer_is_chosen_unless_one_is_named() {
        let printers = vec![
            Printer {
                name: "Office".to_owned(),
                default: false,
            },
            Printer {
                name: "PDF".to_owned(),
                default: true,
            },
        ];
        assert_eq!(
            choose_printer(&printers, None).expect("a printer").name,
            "PDF"
        );
        assert_eq!(
            choose_printer(&printers, Some("Office"))
                .expect("Office")
                .name,
            "Office"
        );
        assert!(matches!(
            choose_printer(&printers, Some("Nope")),
            Err(CupsError::UnknownPrinter { .. })
        ));
        assert_eq!(choose_printer(&[], None), Err(CupsError::NoPrinters));
    }
}
