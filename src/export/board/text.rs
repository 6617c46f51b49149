//! The board's header texts (column counts, lane headers) and the units cards show.

use super::index::{BoardIndex, ColumnFacts, LaneFacts};

/// Formats hours without a needless decimal: "12 h", "2.5 h".
pub fn format_hours(hours: f64) -> String {
    if (hours - hours.round()).abs() < 1e-9 {
        format!("{hours:.0} h")
    } else {
        format!("{hours:.1} h")
    }
}

/// The count a column header shows: "12" or "12 of 40" when filtered, with "/4" for a WIP limit.
pub fn column_count_text(column: &ColumnFacts, filtered: bool, limit: Option<u32>) -> String {
    let count = if filtered {
        format!("{} of {}", column.shown, column.total)
    } else {
        column.total.to_string()
    };
    match limit {
        Some(limit) => format!("{count}/{limit}"),
        None => count,
    }
}

/// A lane's card counts as its header shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaneCounts {
    /// Cards shown.
    pub shown: usize,
    /// Cards in the lane before filtering.
    pub total: usize,
    /// Whether a filter is on.
    pub filtered: bool,
    /// The lane's own WIP limit.
    pub limit: Option<u32>,
}

/// The header text: "▼ Sprint 2 · 3 tasks · 25 h", with "2 of 3" when filtered, "3/2" and a leading
/// ⚠ when the lane has its own limit and is over it, and "⚠ over a WIP limit" at the end when a
/// status in the lane holds more cards than its column's limit.
pub fn lane_header_text(
    title: &str,
    counts: LaneCounts,
    hours: &str,
    collapsed: bool,
    over_column_limit: bool,
) -> String {
    let mut count = if counts.filtered {
        format!("{} of {}", counts.shown, counts.total)
    } else {
        counts.total.to_string()
    };
    if let Some(limit) = counts.limit {
        count = format!("{count}/{limit}");
    }
    let over = counts.limit.is_some_and(|l| counts.total > l as usize);
    format!(
        "{} {}{title} · {count} tasks · {hours}{}",
        if collapsed { "▶" } else { "▼" },
        if over { "⚠ " } else { "" },
        if over_column_limit {
            " · ⚠ over a WIP limit"
        } else {
            ""
        }
    )
}

/// True when a lane holds more cards of a status than that column's WIP limit allows: the limit holds
/// within each lane as well as for the whole column, so the header points at the lane that is over.
pub fn lane_over_column_limit(
    index: &BoardIndex,
    lane: &LaneFacts,
    limits: &[Option<u32>],
) -> bool {
    index.columns.len() == limits.len()
        && lane
            .totals
            .iter()
            .zip(limits)
            .any(|(count, limit)| limit.is_some_and(|l| *count > l as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(total: usize, limit: Option<u32>) -> LaneCounts {
        LaneCounts {
            shown: total,
            total,
            filtered: false,
            limit,
        }
    }

    #[test]
    fn the_header_counts_against_the_lanes_own_limit() {
        assert_eq!(
            lane_header_text("Sprint 2", counts(3, None), "25 h", false, false),
            "▼ Sprint 2 · 3 tasks · 25 h"
        );
        assert_eq!(
            lane_header_text("Sprint 2", counts(3, Some(4)), "25 h", false, false),
            "▼ Sprint 2 · 3/4 tasks · 25 h"
        );
        assert_eq!(
            lane_header_text("Sprint 2", counts(5, Some(4)), "25 h", true, true),
            "▶ ⚠ Sprint 2 · 5/4 tasks · 25 h · ⚠ over a WIP limit"
        );
        let filtered = LaneCounts {
            shown: 2,
            total: 5,
            filtered: true,
            limit: Some(4),
        };
        assert_eq!(
            lane_header_text("Sprint 2", filtered, "25 h", false, false),
            "▼ ⚠ Sprint 2 · 2 of 5/4 tasks · 25 h"
        );
    }
}
