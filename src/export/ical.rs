//! iCalendar (RFC 5545) export: milestones as all-day events on their dates, dated tasks as to-dos from
//! their first day and due on their last, both from the dated schedule. UIDs come from the plan's ids, so importing the file
//! again into a calendar updates the entries instead of duplicating them.

use crate::analysis::DatedSchedule;
use crate::model::{Plan, StatusCategory};
use chrono::{Duration, NaiveDate};
use std::fmt::Write as _;

/// Writes a plan's milestones and dated tasks as an iCalendar document (CRLF lines, folded at 75 octets).
/// `DTSTAMP` is the schedule's "today", so the same plan on the same day gives the same bytes.
pub fn to_ical(plan: &Plan, schedule: &DatedSchedule) -> String {
    let stamp = format!("{}T000000Z", compact(schedule.today));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Waymark//Waymark plan//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", escape(plan.meta.title.trim())),
    ];
    for (milestone, dates) in plan.milestones.iter().zip(&schedule.milestones) {
        let Some(dates) = dates else { continue };
        let mut description = String::new();
        if dates.late
            && let Some(forecast) = dates.forecast
        {
            let _ = write!(description, "Late: its work finishes {forecast}. ");
        }
        for item in &milestone.criteria {
            let _ = writeln!(
                description,
                "[{}] {}",
                if item.done { "x" } else { " " },
                item.text
            );
        }
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}", uid("milestone", milestone.id.as_str())),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", compact(dates.date)),
            format!(
                "DTEND;VALUE=DATE:{}",
                compact(dates.date + Duration::days(1))
            ),
            format!("SUMMARY:{}", escape(&milestone.name)),
            "TRANSP:TRANSPARENT".to_owned(),
            "CATEGORIES:Milestone".to_owned(),
        ]);
        if !description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(description.trim_end())));
        }
        lines.push("END:VEVENT".to_owned());
    }
    for (task, dates) in plan.tasks.iter().zip(&schedule.tasks) {
        let Some(dates) = dates else { continue };
        let category = plan
            .status(&task.status)
            .map_or(StatusCategory::NotStarted, |s| s.category);
        let status = match category {
            StatusCategory::Done => "COMPLETED",
            StatusCategory::Dropped => "CANCELLED",
            StatusCategory::Active | StatusCategory::Blocked => "IN-PROCESS",
            StatusCategory::NotStarted => "NEEDS-ACTION",
        };
        lines.extend([
            "BEGIN:VTODO".to_owned(),
            format!("UID:{}", uid("task", task.id.as_str())),
            format!("DTSTAMP:{stamp}"),
        ]);
        // DUE is the last day; a start is given when it is earlier (RFC 5545 wants DUE after DTSTART).
        if dates.start < dates.finish {
            lines.push(format!("DTSTART;VALUE=DATE:{}", compact(dates.start)));
        }
        lines.extend([
            format!("DUE;VALUE=DATE:{}", compact(dates.finish)),
            format!(
                "SUMMARY:{}",
                escape(&format!("{} {}", task.id.as_str(), task.title))
            ),
            format!("STATUS:{status}"),
        ]);
        if category == StatusCategory::Done {
            lines.push("PERCENT-COMPLETE:100".to_owned());
            lines.push(format!("COMPLETED:{}T170000Z", compact(dates.finish)));
        }
        if !task.owner.is_empty() {
            lines.push(format!("X-WAYMARK-OWNER:{}", escape(&task.owner)));
        }
        lines.push("END:VTODO".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in &lines {
        fold(line, &mut out);
    }
    out
}

/// `YYYYMMDD`.
fn compact(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// A UID from a kind and a plan id: letters, digits, `-`, `_` and `.` kept, everything else hex-coded,
/// so the same id always gives the same UID.
fn uid(kind: &str, id: &str) -> String {
    let mut safe = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            safe.push(c);
        } else {
            let _ = write!(safe, "%{:X}", u32::from(c));
        }
    }
    format!("{kind}-{safe}@waymark")
}

/// Escapes a TEXT value: backslash, semicolon, comma and newline.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (never inside a character), ending in CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let octets = c.len_utf8();
        if width + octets > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += octets;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_without_splitting_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(60))
        );
    }

    #[test]
    fn uids_and_text_are_safe() {
        assert_eq!(uid("task", "PAY-001"), "task-PAY-001@waymark");
        assert_eq!(uid("task", "a b"), "task-a%20b@waymark");
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
