//! MS Project XML (MSPDI): the XML file MS Project saves and `ProjectLibre`, `GanttProject` and MPXJ read.
//!
//! What it carries: the plan's title, start date and working hours per day; phases as summary tasks
//! (outline level 1) with their tasks and subtasks nested under them; tasks with title, hour estimate
//! (Work and Duration), priority, owner (a resource and an assignment), notes, start ("start no
//! earlier than" constraint), due date (deadline), completion date (actual finish), status (percent
//! complete, and the status key in a custom text field), dependencies (finish-to-start links); milestones
//! as zero-length tasks with their date and the tasks they gather as links. Waymark's ids, kinds and
//! status keys ride in the custom fields Text1 to Text3, so an export reads back to the same plan.
//!
//! What it cannot carry: sprints, velocity, status history, registers, notes sections, the legend's
//! labels and colours, descriptions, checklists, tags, artifacts, task fields, graph positions, a
//! milestone's phases. Reading, link types other than finish-to-start and lags are kept as plain
//! dependencies with a warning.

mod read;
mod write;

pub use read::import_mspdi;
pub use write::export_mspdi;

/// MSPDI's field id of the custom task field Text1, which holds the Waymark id.
const FIELD_ID: &str = "188743731";
/// Text2: what the row is in Waymark (`phase`, `task`, `milestone`).
const FIELD_KIND: &str = "188743734";
/// Text3: the Waymark status key.
const FIELD_STATUS: &str = "188743737";

/// The aliases the custom fields get, which is how a reader finds them again.
const ALIAS_ID: &str = "Waymark ID";
/// See [`ALIAS_ID`].
const ALIAS_KIND: &str = "Waymark kind";
/// See [`ALIAS_ID`].
const ALIAS_STATUS: &str = "Waymark status";

/// MSPDI's number for a finish-to-start link.
const LINK_FS: u8 = 1;

/// An ISO 8601 duration as MSPDI writes it (`PT16H0M0S`), from hours.
fn format_duration(hours: f64) -> String {
    let minutes = (hours * 60.0).round().max(0.0) as u64;
    format!("PT{}H{}M0S", minutes / 60, minutes % 60)
}

/// Hours from an ISO 8601 duration (`PT16H0M0S`, `P2DT4H`, `PT7.5H`); days count `hours_per_day`.
fn parse_duration(text: &str, hours_per_day: f64) -> Option<f64> {
    let text = text.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let body = text.strip_prefix('P')?;
    let mut hours = 0.0;
    let mut number = String::new();
    let mut in_time = false;
    for c in body.chars() {
        match c {
            'T' => in_time = true,
            '0'..='9' | '.' | ',' => number.push(if c == ',' { '.' } else { c }),
            unit => {
                let value: f64 = number.parse().ok()?;
                number.clear();
                hours += match (in_time, unit) {
                    (false, 'Y') => value * 12.0 * 20.0 * hours_per_day,
                    (false, 'M') => value * 20.0 * hours_per_day,
                    (false, 'W') => value * 5.0 * hours_per_day,
                    (false, 'D') => value * hours_per_day,
                    (true, 'H') => value,
                    (true, 'M') => value / 60.0,
                    (true, 'S') => value / 3600.0,
                    _ => return None,
                };
            }
        }
    }
    if !number.is_empty() {
        return None;
    }
    Some(if negative { -hours } else { hours })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_hours() {
        assert_eq!(parse_duration("PT16H0M0S", 8.0), Some(16.0));
        assert_eq!(parse_duration("PT7H30M0S", 8.0), Some(7.5));
        assert_eq!(parse_duration("P2DT4H", 8.0), Some(20.0));
        assert_eq!(parse_duration("PT0.5H", 8.0), Some(0.5));
        assert_eq!(parse_duration("16 hours", 8.0), None);
        assert_eq!(format_duration(7.5), "PT7H30M0S");
        assert_eq!(parse_duration(&format_duration(12.25), 8.0), Some(12.25));
    }
}
