//! A fuzzing harness for every reader: `WAYMARK_FUZZ_SECS=N cargo test --release --test core fuzz --
//! --ignored --nocapture` feeds randomized and mutated documents (from the fixtures, the seed plans
//! when present, and generated plans written in every format) to the RON, Markdown, CSV, MS Project
//! XML and `GanttProject` readers for N seconds (default 10). A plan that reads is written back in every format and read again.
//! Every panic is caught, counted and its input printed; the test fails if there was any.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use waymark::io::Format;
use waymark::model::{SplitMix, generate_plan};

const FORMATS: [Format; 5] = [
    Format::Ron,
    Format::Markdown,
    Format::Csv,
    Format::MsProject,
    Format::GanttProject,
];

/// Text that means something to one reader or another, spliced into inputs.
const TOKENS: [&str; 48] = [
    "<Task>",
    "</Task>",
    "<PredecessorLink>",
    "<task id=\"1\">",
    "</task>",
    "<depend id=\"2\"/>",
    "<![CDATA[",
    "&amp;",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "\"",
    "'",
    "|",
    "#",
    "## ",
    "### ",
    "- [ ] ",
    "- [x] ",
    "* ",
    "1. ",
    "> ",
    "```",
    "---",
    "|---|---|",
    ":",
    "\\",
    "Some(",
    "None",
    "format_version: 1",
    "format_version: 99",
    "\u{feff}",
    "âœ…",
    "✅",
    "🚧",
    "-1e999",
    "NaN",
    "T-00001",
    "depends on",
    "\u{0}",
];

/// The documents mutations start from.
fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    let folders = [
        root.join("tests/fixtures"),
        root.join("../shared/seeds"),
        root.join("../../shared/seeds"),
    ];
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        inputs.extend(paths.iter().filter_map(|path| std::fs::read(path).ok()));
    }
    for (tasks, seed) in [(5, 1), (40, 2), (200, 3)] {
        let plan = generate_plan(tasks, tasks * 2, seed);
        inputs.extend(FORMATS.map(|format| format.write(&plan).into_bytes()));
    }
    inputs
}

/// A changed copy of a corpus document: bytes flipped, inserted, removed, repeated or spliced from
/// another document, one to eight times.
fn mutate(corpus: &[Vec<u8>], rng: &mut SplitMix) -> Vec<u8> {
    let mut input = corpus[rng.below(corpus.len())].clone();
    for _ in 0..=rng.below(8) {
        let len = input.len();
        let at = rng.below(len + 1);
        let span = (1 + rng.below(64)).min(len - at.min(len));
        match rng.below(9) {
            0 if at < len => input[at] ^= 1 << rng.below(8),
            1 => input.insert(at, rng.next_u64() as u8),
            2 if at < len => {
                input.drain(at..at + span);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let times = if rng.below(8) == 0 {
                    1 + rng.below(200)
                } else {
                    1
                };
                let inserted: Vec<u8> = token.repeat(times);
                input.splice(at..at, inserted);
            }
            4 if at < len => {
                let copy = input[at..at + span].to_vec();
                for _ in 0..=rng.below(4) {
                    input.splice(at..at, copy.iter().copied());
                }
            }
            5 => {
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                let piece = &other[from..(from + 1 + rng.below(2_000)).min(other.len())];
                input.splice(at..at, piece.iter().copied());
            }
            6 => input.truncate(at),
            7 => {
                let lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
                let mut shuffled: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
                if shuffled.len() > 1 {
                    let a = rng.below(shuffled.len());
                    let b = rng.below(shuffled.len());
                    shuffled.swap(a, b);
                }
                input = shuffled.join(&b'\n');
            }
            _ => input.push(b'\n'),
        }
    }
    input
}

/// Random bytes, mostly printable and from the tokens.
fn random_input(rng: &mut SplitMix) -> Vec<u8> {
    let mut input = Vec::new();
    for _ in 0..rng.below(300) {
        if rng.below(3) == 0 {
            input.extend_from_slice(TOKENS[rng.below(TOKENS.len())].as_bytes());
        } else {
            input.push(if rng.below(10) == 0 {
                rng.next_u64() as u8
            } else {
                b' ' + rng.below(95) as u8
            });
        }
    }
    input
}

/// Reads the input in every format; a plan that reads is written in every format and read again.
fn read_everywhere(input: &[u8]) {
    for format in FORMATS {
        if let Ok(loaded) = format.read(input) {
            for other in FORMATS {
                let text = other.write(&loaded.plan);
                let _ignored = other.read(text.as_bytes());
            }
        }
    }
}

#[test]
#[ignore = "runs for WAYMARK_FUZZ_SECS seconds; see the module docs"]
fn fuzz_every_reader() {
    let seconds: u64 = std::env::var("WAYMARK_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let corpus = corpus();
    let mut rng = SplitMix::new(
        std::env::var("WAYMARK_FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0x00f0_22ed),
    );
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut inputs, mut panics) = (0_u64, 0_u64);
    while Instant::now() < deadline {
        let input = if rng.below(5) == 0 {
            random_input(&mut rng)
        } else {
            mutate(&corpus, &mut rng)
        };
        inputs += 1;
        if catch_unwind(AssertUnwindSafe(|| read_everywhere(&input))).is_err() {
            panics += 1;
            eprintln!(
                "panic on input #{inputs} ({} bytes):\n{:?}",
                input.len(),
                String::from_utf8_lossy(&input)
            );
        }
    }
    println!(
        "fuzz: {inputs} inputs in {seconds} s from {} corpus documents, {panics} panics",
        corpus.len()
    );
    assert_eq!(panics, 0, "a reader panicked; the inputs are printed above");
}
