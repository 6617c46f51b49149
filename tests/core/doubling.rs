//! Doubling tests: doubling an adversarial input (long lines, deep nesting, many columns, many rows,
//! many warnings) at most doubles a reader's time, plus 10%. A reader that goes quadratic on some
//! shape of input fails here.
//!
//! To be steady on a busy machine reads are timed in the thread's CPU time, the input is
//! first grown until a read takes at least 20 ms, the ratio is the median of several rounds that
//! each time the doubled input between two reads of the input ([`paired_ratio`]), and a failing
//! ratio is measured again (up to four more times) before the test fails: work that grows faster
//! than the input fails every time, a busy moment does not.

use std::fmt::Write;
use std::time::{Duration, Instant};
use waymark::io::{Format, plan_to_ron};
use waymark::model::{Plan, Task, generate_plan};

/// The largest ratio of the time for a doubled input to the time for the input.
const LIMIT: f64 = 2.2;
/// Reads of this length or more are long enough to time.
const LONG_ENOUGH: Duration = Duration::from_millis(20);

/// The time this thread has spent running (`CLOCK_THREAD_CPUTIME_ID`): unlike the wall clock, it
/// does not count the time other processes (or the other tests) had the CPU. It is exact to the
/// nanosecond, where `/proc/thread-self/schedstat` may count whole scheduler ticks (4 ms on some
/// kernels), which alone can make a 20 ms read look 20% slower.
fn thread_cpu_time() -> Option<Duration> {
    let time = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    let since_start = Duration::new(
        u64::try_from(time.tv_sec).ok()?,
        u32::try_from(time.tv_nsec).ok()?,
    );
    (!since_start.is_zero()).then_some(since_start)
}

/// How long `read` takes: CPU time where available, else wall-clock time.
pub(crate) fn time_of(read: impl FnOnce()) -> Duration {
    let (wall, cpu) = (Instant::now(), thread_cpu_time());
    read();
    match (cpu, thread_cpu_time()) {
        (Some(before), Some(after)) => after.saturating_sub(before),
        _ => wall.elapsed(),
    }
}

/// The fastest of a few reads of `input` in `format`.
fn fastest(format: Format, input: &[u8], runs: usize) -> Duration {
    (0..runs)
        .map(|_| time_of(|| drop(std::hint::black_box(format.read(input)))))
        .min()
        .unwrap_or_default()
}

/// Inputs are not grown beyond this many bytes.
const MAX_INPUT: usize = 16 << 20;

/// The ratio of the time to read `make(2n)` to the time to read `make(n)`, for an `n` whose read
/// takes at least [`LONG_ENOUGH`]; `None` when even an input of [`MAX_INPUT`] bytes reads faster
/// than that (a reader that stops early, such as at a depth limit: nothing grows).
fn doubling_ratio(format: Format, make: &dyn Fn(usize) -> String) -> Option<(f64, usize)> {
    let mut n = 64;
    loop {
        let input = make(n);
        // The fastest of three, so a busy moment does not stop the growth early: below a few
        // thousand items reads can be much faster than the trend (caches), which says nothing.
        if fastest(format, input.as_bytes(), 3) >= LONG_ENOUGH {
            break;
        }
        if input.len() > MAX_INPUT {
            return None;
        }
        n *= 2;
    }
    let (small, large) = (make(n), make(2 * n));
    let read = |input: &str| drop(std::hint::black_box(format.read(input.as_bytes())));
    Some((paired_ratio(|| read(&small), || read(&large)), n))
}

/// The median, over several rounds, of the time of `large` over the time of the `small` runs on
/// either side of it. This machine's speed can change several times over within seconds (a virtual
/// machine sharing its host), which no least time of each corrects for: one of them may come from
/// a fast moment the other never had. Runs a few milliseconds apart see the same machine, so each
/// round's ratio is fair, and the median drops the rounds a change of speed fell into.
pub(crate) fn paired_ratio(small: impl Fn(), large: impl Fn()) -> f64 {
    const ROUNDS: usize = 9;
    let mut ratios: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let before = time_of(&small);
            let doubled = time_of(&large);
            let after = time_of(&small);
            2.0 * doubled.as_secs_f64() / (before + after).as_secs_f64()
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios[ROUNDS / 2]
}

/// Checks that doubling the input at most doubles the time (plus 10%).
fn assert_linear(what: &str, format: Format, make: &dyn Fn(usize) -> String) {
    let mut best = f64::MAX;
    let mut size = 0;
    for _ in 0..5 {
        let Some((ratio, n)) = doubling_ratio(format, make) else {
            return;
        };
        best = best.min(ratio);
        size = n;
        if best <= LIMIT {
            return;
        }
    }
    panic!("{what}: doubling the input from n = {size} took {best:.2} times as long");
}

fn title_plan(title_len: usize) -> Plan {
    let mut plan = Plan::new("Long line");
    let mut task = Task::new("LONG-1", &"word ".repeat(title_len / 5), "TODO");
    task.notes = "x".repeat(title_len);
    plan.tasks.push(task);
    plan
}

#[test]
#[ignore = "timed: run alone with `cargo test --release --test core doubling -- --ignored`; a parallel test run makes it noisy"]
fn ron_reading_grows_linearly() {
    assert_linear("RON, many tasks", Format::Ron, &|n| {
        plan_to_ron(&generate_plan(n / 8, n / 4, 1))
    });
    assert_linear("RON, one long line", Format::Ron, &|n| {
        plan_to_ron(&title_plan(n * 64))
    });
    assert_linear(
        "RON, deep nesting (refused at a depth limit)",
        Format::Ron,
        &|n| format!("(format_version: 1, plan: {}", "[".repeat(n * 64)),
    );
    assert_linear("RON, a long list of dependencies", Format::Ron, &|n| {
        let mut plan = Plan::new("Wide");
        let mut task = Task::new("W-0", "Wide", "TODO");
        task.depends_on = (0..n * 4).map(|i| format!("W-{i}").into()).collect();
        plan.tasks.push(task);
        plan_to_ron(&plan)
    });
}

#[test]
#[ignore = "timed: run alone with `cargo test --release --test core doubling -- --ignored`; a parallel test run makes it noisy"]
fn markdown_reading_grows_linearly() {
    assert_linear("Markdown, many tasks", Format::Markdown, &|n| {
        Format::Markdown.write(&generate_plan(n / 8, n / 4, 2))
    });
    assert_linear("Markdown, one long line", Format::Markdown, &|n| {
        format!("# Plan\n\n## Tasks\n\n- [ ] {}\n", "long ".repeat(n * 16))
    });
    assert_linear("Markdown, deep nesting", Format::Markdown, &|n| {
        let mut text = String::from("# Plan\n\n## Tasks\n\n");
        // Nested 60 deep, again and again: the input grows with n, not with n squared.
        for line in 0..n / 4 {
            text.push_str(&"  ".repeat(line % 60));
            let _ = writeln!(text, "- [ ] Task {line}");
        }
        text
    });
    assert_linear(
        "Markdown, many warnings (unknown sections)",
        Format::Markdown,
        &|n| {
            let mut text = String::from("# Plan\n\n");
            for i in 0..n / 4 {
                let _ = write!(text, "## Odd section {i}\n\nSomething unusual {i}.\n\n");
            }
            text
        },
    );
    assert_linear("Markdown, a wide table", Format::Markdown, &|n| {
        let columns = n / 4;
        let header: Vec<String> = (0..columns).map(|i| format!("c{i}")).collect();
        let row: Vec<String> = (0..columns).map(|i| format!("v{i}")).collect();
        format!(
            "# Plan\n\n## Tasks\n\n| {} |\n|{}\n| {} |\n| {} |\n",
            header.join(" | "),
            "---|".repeat(columns),
            row.join(" | "),
            row.join(" | ")
        )
    });
}

/// A task table of about `n` rows: ids, statuses of three teams, owners, dates, a dependency on
/// the row before and a sprint row every 25 rows, under a heading.
fn task_table(n: usize) -> String {
    let mut text = String::from(
        "# Plan\n\n## Work\n\n| ID | Task | iOS status | Web status | Owner | Due | Depends on | Area |\n|---|---|---|---|---|---|---|---|\n",
    );
    for row in 0..n {
        if row % 25 == 0 {
            let _ = writeln!(text, "| | **Sprint {}** | | | | | | |", row / 25 + 1);
        }
        let status = ["✅ Done", "🔄 In Progress", "⏳ Pending", "n/a"][row % 4];
        let after = if row == 0 {
            "-".to_owned()
        } else {
            format!("W-{}", row - 1)
        };
        let _ = writeln!(
            text,
            "| W-{row} | Task number {row} | {status} | {} | Owner {} | 2026-02-{:02} | {after} | area {} |",
            ["✅ Done", "⏳ Pending"][row % 2],
            row % 7,
            row % 28 + 1,
            row % 3
        );
    }
    text
}

#[test]
#[ignore = "timed: run alone with `cargo test --release --test core doubling -- --ignored`; a parallel test run makes it noisy"]
fn markdown_task_tables_grow_linearly() {
    assert_linear("Markdown, a task table", Format::Markdown, &task_table);
}

#[test]
fn the_task_table_input_is_read_as_tasks() {
    let imported = Format::Markdown
        .read(task_table(60).as_bytes())
        .expect("reads");
    assert_eq!(imported.plan.tasks.len(), 60);
    assert_eq!(imported.plan.sprints.len(), 3);
    assert_eq!(imported.plan.tasks[59].depends_on.len(), 1);
}

#[test]
#[ignore = "timed: run alone with `cargo test --release --test core doubling -- --ignored`; a parallel test run makes it noisy"]
fn markdown_structures_grow_linearly() {
    assert_linear("Markdown, sprint calendar lines", Format::Markdown, &|n| {
        let mut text = String::from("# Plan\n\nLast Updated: 2026-01-05\n\n## Calendar\n\n");
        for i in 0..n / 4 {
            let _ = write!(
                text,
                "Release {i} (Sprints {i}-{i})\n\n**Sprint {i} (Feb 2-Feb 13):**\n\n- [ ] Task {i}\n\n"
            );
        }
        text
    });
    assert_linear("Markdown, statuses in headings", Format::Markdown, &|n| {
        let mut text = String::from("# Plan\n\n## Phase 1: Build ✅\n\n");
        for i in 0..n / 4 {
            let _ = write!(
                text,
                "### ✅ Feature {i}\n\n- Step {i}\n\n### Feature {i}b 🔄\n\n### Feature {i}c - COMPLETE\n\n"
            );
        }
        text
    });
    assert_linear(
        "Markdown, status words with a rest",
        Format::Markdown,
        &|n| {
            let mut text = String::from("# Plan\n\n## Tasks\n\n");
            for i in 0..n / 4 {
                let _ = write!(
                    text,
                    "- [ ] Task {i}\n  - **Status**: shipped (commit {i:x}) and more words {i}\n"
                );
            }
            text
        },
    );
    assert_linear(
        "Markdown, outlines without list markers",
        Format::Markdown,
        &|n| {
            let mut text = String::from("# Plan 2026\n\n## Yet to complete\n\n");
            // Indented 0 to 30 levels deep, again and again, with dates to read.
            for line in 0..n / 4 {
                text.push_str(&"    ".repeat(line % 31));
                let _ = writeln!(text, "Step {line} (Mar 2 - Mar 20)");
            }
            text
        },
    );
    assert_linear(
        "Markdown, prose and slash dates in outlines",
        Format::Markdown,
        &|n| {
            let mut text = String::from("# Plan\n\n## Done\n\n");
            // One long paragraph of wrapped prose, items and slash dates that decide nothing.
            for line in 0..n / 4 {
                let _ = writeln!(
                    text,
                    "Step {line} was done. Then we went on\nwith step {line}\nCheck step {line} 0{}/03/2026",
                    line % 9 + 1
                );
            }
            text
        },
    );
    assert_linear(
        "Markdown, paragraphs under task items",
        Format::Markdown,
        &|n| {
            let mut text = String::from("# Plan\n\n## Tasks\n\n");
            for i in 0..n / 8 {
                let _ = write!(
                    text,
                    "- [ ] Task {i}\n  First line {i}\nlazy line {i}\n\n  Second paragraph {i}\n"
                );
            }
            text
        },
    );
    assert_linear(
        "Markdown, dependencies written in prose",
        Format::Markdown,
        &|n| {
            let mut text = String::from("# Plan\n\n## Tasks\n\n");
            for i in 0..n / 8 {
                let _ = write!(
                    text,
                    "- [ ] Task {i} (blocked by Task {})\n  - Must complete before Task {}\n  \
                     - Blocked on nothing {i}\n",
                    i / 2,
                    i + 1
                );
            }
            text
        },
    );
}

#[test]
#[ignore = "timed: run alone with `cargo test --release --test core doubling -- --ignored`; a parallel test run makes it noisy"]
fn csv_reading_grows_linearly() {
    assert_linear("CSV, many rows", Format::Csv, &|n| {
        Format::Csv.write(&generate_plan(n / 8, n / 4, 3))
    });
    assert_linear("CSV, many columns", Format::Csv, &|n| {
        let columns = n / 2;
        let header: Vec<String> = (0..columns).map(|i| format!("extra {i}")).collect();
        let row: Vec<String> = (0..columns).map(|i| format!("value {i}")).collect();
        format!(
            "id,task,status,{}\nA-1,First,todo,{}\nA-2,Second,done,{}\n",
            header.join(","),
            row.join(","),
            row.join(",")
        )
    });
    assert_linear("CSV, one long cell", Format::Csv, &|n| {
        format!(
            "id,task,status\nA-1,\"{}\",todo\n",
            "long, \"quoted\" ".repeat(n * 8)
        )
    });
    assert_linear(
        "CSV, many warnings (repeated ids, unknown dependencies, short rows)",
        Format::Csv,
        &|n| {
            let mut text = String::from("id,task,status,dependencies,owner\n");
            for i in 0..n / 4 {
                let _ = write!(
                    text,
                    "DUP,Task {i},todo,NOPE-{i}
DUP,Other {i},weird
"
                );
            }
            text
        },
    );
}

#[test]
fn the_adversarial_inputs_do_produce_warnings() {
    let text = "id,task,status,dependencies,owner\nDUP,Task,todo,NOPE-1\nDUP,Other,weird\n";
    let report = Format::Csv
        .read(text.as_bytes())
        .expect("reads")
        .report
        .expect("an import report");
    assert!(report.warnings.len() >= 3, "{:?}", report.warnings);
    let text = "# Plan\n\n## Odd section\n\nSomething unusual.\n";
    let report = Format::Markdown
        .read(text.as_bytes())
        .expect("reads")
        .report
        .expect("an import report");
    assert!(!report.warnings.is_empty());
}
