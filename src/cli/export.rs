//! `waymark export`, `waymark print` and `waymark printers`: a view on pages, written as PDF, SVG or
//! PNG, or sent to a CUPS printer.

use super::{load_reporting, today};
use crate::cups::{self, PrintJob};
use crate::export::page::{PagedDocument, PrintContext};
use crate::export::views::{ExportDays, ExportView, view_pages};
use crate::export::{PageFormat, write_pages};
use crate::files::{numbered_paths, write_atomic};
use crate::model::{LegendPages, PageSetup, Paper, Plan, PrintRange, PrintScale};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A view as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ViewArg {
    /// The Gantt chart.
    Timeline,
    /// The roadmap.
    Roadmap,
    /// The velocity chart.
    Velocity,
    /// The dependency graph.
    Graph,
    /// The board.
    Board,
}

impl From<ViewArg> for ExportView {
    fn from(view: ViewArg) -> Self {
        match view {
            ViewArg::Timeline => Self::Timeline,
            ViewArg::Roadmap => Self::Roadmap,
            ViewArg::Velocity => Self::Velocity,
            ViewArg::Graph => Self::Graph,
            ViewArg::Board => Self::Board,
        }
    }
}

/// Where the legend goes, as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LegendArg {
    /// On the first page.
    First,
    /// On every page.
    Every,
    /// Nowhere.
    None,
}

/// Page options shared by `export` and `print`; anything left out comes from the plan's saved page
/// setup, or the defaults (A4 landscape, one page).
#[derive(Debug, clap::Args)]
pub struct PageArgs {
    /// Which view.
    #[arg(long, value_enum, default_value = "timeline")]
    pub view: ViewArg,
    /// Paper: A4, Letter, Legal, Tabloid, A3, A2, A1, A0, or a custom size such as 200x300mm.
    #[arg(long, value_parser = parse_paper)]
    pub paper: Option<Paper>,
    /// Landscape pages.
    #[arg(long, conflicts_with = "portrait")]
    pub landscape: bool,
    /// Portrait pages.
    #[arg(long)]
    pub portrait: bool,
    /// Fit onto this many pages across.
    #[arg(long)]
    pub pages_wide: Option<u32>,
    /// Fit onto this many pages down.
    #[arg(long)]
    pub pages_tall: Option<u32>,
    /// Fit the width onto one page; rows run onto as many pages as they need.
    #[arg(long, conflicts_with_all = ["pages_wide", "pages_tall", "week_cm"])]
    pub fit_width: bool,
    /// A fixed time scale: centimetres per week.
    #[arg(long, conflicts_with_all = ["pages_wide", "pages_tall"])]
    pub week_cm: Option<f32>,
    /// First day to print (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last day to print (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Margin in millimetres.
    #[arg(long)]
    pub margin_mm: Option<f32>,
    /// Where the legend goes.
    #[arg(long, value_enum)]
    pub legend: Option<LegendArg>,
    /// Count weeks from this start date instead of the plan's (YYYY-MM-DD).
    #[arg(long)]
    pub start: Option<NaiveDate>,
    /// The day to schedule from and mark as today (YYYY-MM-DD); the real date when left out.
    #[arg(long)]
    pub today: Option<NaiveDate>,
}

/// The arguments of `waymark export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The plan.
    pub file: PathBuf,
    /// The file to write: .pdf, .svg or .png (SVG and PNG of several pages are numbered: out-1.png…),
    /// or .ics for the milestones and dated tasks as iCalendar.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Page options.
    #[command(flatten)]
    pub page: PageArgs,
    /// PNG resolution in dots per inch.
    #[arg(long, default_value_t = crate::export::png::DEFAULT_DPI)]
    pub dpi: f32,
}

/// The arguments of `waymark print`.
#[derive(Debug, clap::Args)]
pub struct PrintArgs {
    /// The plan.
    pub file: PathBuf,
    /// The CUPS printer; the default printer when left out.
    #[arg(long)]
    pub printer: Option<String>,
    /// How many copies.
    #[arg(long, default_value_t = 1)]
    pub copies: u32,
    /// Page options.
    #[command(flatten)]
    pub page: PageArgs,
}

fn parse_paper(text: &str) -> Result<Paper, String> {
    Paper::parse(text).ok_or_else(|| {
        format!(
            "unknown paper {text:?}: use A4, Letter, Legal, Tabloid, A3, A2, A1, A0 or WIDTHxHEIGHTmm"
        )
    })
}

impl PageArgs {
    /// The plan's page setup with these options applied.
    fn setup(&self, plan: &Plan) -> Result<PageSetup, String> {
        let mut setup = plan.meta.page_setup.as_deref().cloned().unwrap_or_default();
        if let Some(paper) = self.paper {
            setup.paper = paper;
        }
        if self.landscape {
            setup.landscape = true;
        }
        if self.portrait {
            setup.landscape = false;
        }
        if self.pages_wide.is_some() || self.pages_tall.is_some() {
            let (wide, tall) = match setup.scale {
                PrintScale::FitPages { wide, tall } => (wide, tall),
                _ => (1, 1),
            };
            let wide = self.pages_wide.unwrap_or(wide);
            let tall = self.pages_tall.unwrap_or(tall);
            if !(1..=100).contains(&wide) || !(1..=100).contains(&tall) {
                return Err("pages wide and tall must be between 1 and 100".to_owned());
            }
            setup.scale = PrintScale::FitPages { wide, tall };
        }
        if self.fit_width {
            setup.scale = PrintScale::FitWidth;
        }
        if let Some(cm) = self.week_cm {
            if !(0.1..=100.0).contains(&cm) {
                return Err(format!("--week-cm {cm} is outside 0.1–100 cm"));
            }
            setup.scale = PrintScale::WeekWidth { cm };
        }
        match (self.from, self.to) {
            (Some(from), Some(to)) if to < from => {
                return Err(format!("--to {to} is before --from {from}"));
            }
            (Some(from), Some(to)) => setup.range = PrintRange::Dates { from, to },
            (Some(_), None) | (None, Some(_)) => {
                return Err("give both --from and --to".to_owned());
            }
            (None, None) => {}
        }
        if let Some(margin) = self.margin_mm {
            setup.margin_mm = margin;
        }
        if let Some(legend) = self.legend {
            setup.legend = match legend {
                LegendArg::First => LegendPages::First,
                LegendArg::Every => LegendPages::Every,
                LegendArg::None => LegendPages::None,
            };
        }
        Ok(setup)
    }

    /// The view of a plan on pages.
    fn pages(&self, file: &Path, plan: &Plan) -> Result<PagedDocument, String> {
        let setup = self.setup(plan)?;
        let view = ExportView::from(self.view);
        let on = self.today.unwrap_or_else(today);
        let print = PrintContext {
            title: plan.meta.title.clone(),
            view: view.title().to_owned(),
            file_name: file
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            printed: today(),
            visible: None,
        };
        let document = view_pages(
            plan,
            view,
            &setup,
            &print,
            ExportDays {
                today: on,
                start: self.start,
            },
        );
        if document.summary.too_small() {
            eprintln!("waymark: warning: {}", document.summary.legibility());
        }
        Ok(document)
    }
}

/// `waymark export`.
pub fn export(args: &ExportArgs) -> Result<ExitCode, String> {
    if super::is_ical(&args.output) {
        let plan = load_reporting(&args.file)?.plan;
        return super::write_ical(&plan, &args.output);
    }
    let extension = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let format = match PageFormat::from_extension(extension) {
        Some(PageFormat::Png { .. }) => PageFormat::Png { dpi: args.dpi },
        Some(format) => format,
        None => {
            return Err(format!(
                "{}: unknown export format {extension:?}: use .pdf, .svg, .png or .ics",
                args.output.display()
            ));
        }
    };
    let plan = load_reporting(&args.file)?.plan;
    let document = args.page.pages(&args.file, &plan)?;
    let files = write_pages(&document, format).map_err(|e| e.to_string())?;
    let paths = numbered_paths(&args.output, files.len());
    for (path, bytes) in paths.iter().zip(&files) {
        write_atomic(path, bytes).map_err(|e| e.to_string())?;
    }
    let written = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    println!(
        "wrote {written}: {}, {}",
        document.summary.describe(document.pages.len()),
        document.summary.legibility()
    );
    Ok(ExitCode::SUCCESS)
}

/// `waymark print`.
pub fn print(args: &PrintArgs) -> Result<ExitCode, String> {
    let printers = cups::printers().map_err(|e| e.to_string())?;
    let printer =
        cups::choose_printer(&printers, args.printer.as_deref()).map_err(|e| e.to_string())?;
    let plan = load_reporting(&args.file)?.plan;
    let document = args.page.pages(&args.file, &plan)?;
    let setup = args.page.setup(&plan)?;
    let pdf = write_pages(&document, PageFormat::Pdf)
        .map_err(|e| e.to_string())?
        .pop()
        .unwrap_or_default();
    let job = PrintJob {
        printer: printer.name.clone(),
        copies: args.copies,
        media: setup.paper.cups_media(),
        landscape: setup.landscape,
        // Plain ASCII: CUPS back-ends make file names of it.
        title: format!(
            "{} - {}",
            plan.meta.title.trim(),
            ExportView::from(args.page.view).title()
        ),
        pages: String::new(),
    };
    let id = cups::submit(&pdf, &job).map_err(|e| e.to_string())?;
    println!(
        "sent to {}: job {id}, {}",
        printer.name,
        document.summary.describe(document.pages.len())
    );
    Ok(ExitCode::SUCCESS)
}

/// `waymark printers`.
pub fn list_printers() -> Result<ExitCode, String> {
    let printers = cups::printers().map_err(|e| e.to_string())?;
    if printers.is_empty() {
        println!("no printers are set up in CUPS");
    }
    for printer in &printers {
        if printer.default {
            println!("{} (default)", printer.name);
        } else {
            println!("{}", printer.name);
        }
    }
    Ok(ExitCode::SUCCESS)
}
