//! Print and export: the SVG, PDF and PNG back-ends, page tiling and the `export` command.
//! PDF checks use poppler (`pdfinfo`, `pdffonts`, `pdftotext`) and say "skipped" where it is absent.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::Command;
use waymark::export::page::{PagedDocument, PrintContext};
use waymark::export::views::{ExportDays, ExportView, view_pages};
use waymark::export::{PageFormat, png, svg, write_pages};
use waymark::io::Format;
use waymark::model::{PageSetup, Plan, PrintRange, PrintScale, Task, generate_plan};

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

fn sample() -> Plan {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample.ron");
    let bytes = std::fs::read(path).expect("the sample is readable");
    Format::Ron.read(&bytes).expect("the sample loads").plan
}

fn context(view: ExportView) -> PrintContext {
    PrintContext {
        title: "Waymark 1.0 launch".to_owned(),
        view: view.title().to_owned(),
        file_name: "sample.ron".to_owned(),
        printed: day("2026-02-02"),
        visible: None,
    }
}

fn pages(plan: &Plan, view: ExportView, setup: &PageSetup) -> PagedDocument {
    view_pages(
        plan,
        view,
        setup,
        &context(view),
        ExportDays {
            today: day("2026-02-02"),
            start: None,
        },
    )
}

fn a4_landscape(wide: u32, tall: u32) -> PageSetup {
    PageSetup {
        scale: PrintScale::FitPages { wide, tall },
        ..PageSetup::default()
    }
}

fn poppler(tool: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok();
    if !found {
        println!("skipped: no poppler ({tool})");
    }
    found
}

fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().expect("tool runs");
    assert!(output.status.success(), "{tool} {args:?} failed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    path
}

#[test]
fn svg_parses_and_holds_every_visible_title() {
    let plan = sample();
    let document = pages(&plan, ExportView::Roadmap, &a4_landscape(1, 1));
    assert_eq!(document.pages.len(), 1);
    let text = svg::to_svg(&document.pages[0]);
    let tree = roxmltree::Document::parse(&text).expect("the SVG is XML");
    let texts: Vec<String> = tree
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .filter_map(|node| node.text().map(str::to_owned))
        .collect();
    for phase in &plan.phases {
        assert!(
            texts.iter().any(|t| t.contains(&phase.name)),
            "{} missing from {texts:?}",
            phase.name
        );
    }
    assert!(texts.iter().any(|t| t.contains("Waymark 1.0 launch")));
    assert!(texts.iter().any(|t| t == "Page 1 of 1"));
    assert!(text.contains(r#"font-family="DejaVu Sans""#));
    // Same scene, same bytes.
    assert_eq!(text, svg::to_svg(&document.pages[0]));
}

#[test]
fn two_pages_wide_on_a4_landscape_give_two_a4_landscape_pages() {
    let plan = sample();
    let document = pages(&plan, ExportView::Timeline, &a4_landscape(2, 1));
    assert_eq!(document.summary.pages_wide, 2);
    assert_eq!(document.summary.pages_tall, 1);
    assert_eq!(document.pages.len(), 2);
    for page in &document.pages {
        assert!((page.width - 841.89).abs() < 0.01 && (page.height - 595.28).abs() < 0.01);
    }
    if !poppler("pdfinfo") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pages(&document, PageFormat::Pdf)
        .expect("a PDF")
        .remove(0);
    let path = write_temp(dir.path(), "gantt.pdf", &pdf);
    let path = path.to_str().expect("utf-8 path");
    let info = run("pdfinfo", &["-l", "2", path]);
    assert!(info.contains("Pages:           2"), "{info}");
    assert_eq!(
        info.matches("size:  841.89 x 595.276 pts (A4)").count(),
        2,
        "{info}"
    );
    assert!(
        info.contains("Title:           Waymark 1.0 launch — Gantt chart"),
        "{info}"
    );
    let fonts = run("pdffonts", &[path]);
    for face in ["DejaVuSans ", "DejaVuSans-Bold "] {
        let embedded: Vec<&str> = fonts.lines().filter(|l| l.contains(face)).collect();
        assert_eq!(embedded.len(), 1, "one {face}subset for all pages: {fonts}");
        assert!(
            embedded[0].contains("yes yes yes"),
            "embedded, subset, unicode: {fonts}"
        );
    }
    // Every page repeats the task names.
    let first_task = &plan.tasks[0].title;
    for page in ["1", "2"] {
        let text = run("pdftotext", &["-f", page, "-l", page, path, "-"]);
        assert!(text.contains(first_task.as_str()), "page {page}: {text}");
        assert!(
            text.contains(&format!("Page {page} of 2")),
            "page {page}: {text}"
        );
    }
}

#[test]
fn png_pixels_are_paper_times_dpi() {
    let plan = sample();
    let document = pages(&plan, ExportView::Roadmap, &a4_landscape(1, 1));
    for dpi in [96.0, 192.0] {
        let bytes = png::to_png(&document.pages[0], dpi).expect("a PNG");
        assert_eq!(&bytes[1..4], b"PNG");
        let width = u32::from_be_bytes(bytes[16..20].try_into().expect("4 bytes"));
        let height = u32::from_be_bytes(bytes[20..24].try_into().expect("4 bytes"));
        let expect = |points: f32| (points * dpi / 72.0).round() as u32;
        assert_eq!(
            (width, height),
            (expect(841.89), expect(595.28)),
            "{dpi} dpi"
        );
    }
    // The picture is not blank: the title's dark text sits in the top margin.
    let (width, _, pixels) = png::to_rgba(&document.pages[0], 72.0).expect("pixels");
    let dark_in_header = (30..45)
        .flat_map(|y| (28..200).map(move |x| (y * width + x) as usize * 4))
        .filter(|&at| pixels[at] < 100 && pixels[at + 3] > 200)
        .count();
    assert!(dark_in_header > 20, "the title is drawn: {dark_in_header}");
}

/// A plan with work in January and in June, and nothing between.
fn two_clusters() -> Plan {
    let mut plan = Plan::new("Two seasons");
    plan.meta.start = Some(day("2026-01-05"));
    for (n, start) in [(1, "2026-01-05"), (2, "2026-06-01")] {
        let mut task = Task::new(&format!("T-{n}"), &format!("Season {n} work"), "TODO");
        task.start = Some(day(start));
        task.estimate.hours = Some(40.0);
        plan.tasks.push(task);
    }
    plan
}

#[test]
fn pages_with_nothing_on_them_are_left_out_and_counted() {
    let plan = two_clusters();
    let setup = PageSetup {
        scale: PrintScale::WeekWidth { cm: 2.0 },
        range: PrintRange::Dates {
            from: day("2026-01-05"),
            to: day("2026-06-12"),
        },
        ..PageSetup::default()
    };
    let document = pages(&plan, ExportView::Timeline, &setup);
    let summary = &document.summary;
    assert!(summary.pages_wide >= 3, "{summary:?}");
    assert!(summary.empty_skipped >= 1, "{summary:?}");
    assert_eq!(
        document.pages.len(),
        (summary.pages_wide * summary.pages_tall) as usize - summary.empty_skipped
    );
    assert!(
        summary
            .describe(document.pages.len())
            .contains("empty page")
    );
    // Every page that is printed shows a bar of the plan.
    for (at, page) in document.pages.iter().enumerate() {
        assert!(
            page.texts().iter().any(|t| t.contains("Season")),
            "page {at} is empty"
        );
    }
}

#[test]
fn a_large_plan_on_one_page_warns_and_offers_more_pages() {
    let plan = generate_plan(400, 300, 7);
    let document = pages(&plan, ExportView::Timeline, &a4_landscape(1, 1));
    let summary = &document.summary;
    assert!(summary.too_small(), "{summary:?}");
    let advice = summary.advice.as_deref().expect("advice");
    assert!(
        advice.contains("pages") && advice.contains("pt"),
        "{advice}"
    );
    assert!(summary.legibility().contains("too small"));
    // Following the advice gives readable text.
    let readable = pages(&plan, ExportView::Timeline, &a4_landscape(8, 8));
    assert!(readable.summary.smallest_text > summary.smallest_text);
}

#[test]
fn rows_break_only_between_rows() {
    let plan = generate_plan(120, 60, 3);
    let document = pages(&plan, ExportView::Timeline, &a4_landscape(1, 3));
    assert_eq!(document.summary.pages_tall, 3);
    // Each task id appears on exactly one page's table (a row is never split across pages).
    for task in &plan.tasks {
        let holders = document
            .pages
            .iter()
            .filter(|page| page.texts().iter().any(|t| *t == task.id.as_str()))
            .count();
        assert!(holders <= 1, "{} on {holders} pages", task.id.as_str());
    }
}

#[test]
fn page_setup_is_kept_in_the_plan_file() {
    let mut plan = sample();
    let old_text = Format::Ron.write(&plan);
    assert!(!old_text.contains("page_setup"), "left out when not set");
    plan.meta.page_setup = Some(Box::new(PageSetup {
        paper: waymark::model::Paper::A3,
        scale: PrintScale::FitPages { wide: 2, tall: 1 },
        ..PageSetup::default()
    }));
    let text = Format::Ron.write(&plan);
    let again = Format::Ron.read(text.as_bytes()).expect("loads").plan;
    assert_eq!(again.meta.page_setup, plan.meta.page_setup);
    assert_eq!(Format::Ron.write(&again), text, "deterministic");
}

fn waymark(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .output()
        .expect("waymark runs")
}

#[test]
fn export_command_writes_pdf_svg_and_png_and_refuses_bad_options() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample.ron");
    let plan = plan.to_str().expect("utf-8");
    for name in ["roadmap.pdf", "roadmap.svg", "roadmap.png"] {
        let out = dir.path().join(name);
        let output = waymark(&[
            "export",
            plan,
            "--view",
            "roadmap",
            "--today",
            "2026-02-02",
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert!(output.status.success(), "{output:?}");
        assert!(std::fs::metadata(&out).expect("written").len() > 1000);
    }
    let bad = [
        vec!["--view", "calendar"],
        vec!["--paper", "B7"],
        vec!["--from", "2026-03-01", "--to", "2026-01-01"],
    ];
    for extra in bad {
        let out = dir.path().join("bad.pdf");
        let mut args = vec!["export", plan, "-o", out.to_str().expect("utf-8")];
        args.extend(extra.iter().copied());
        let output = waymark(&args);
        assert!(!output.status.success(), "{extra:?} accepted");
        assert!(!String::from_utf8_lossy(&output.stderr).trim().is_empty());
        assert!(!out.exists(), "no file for {extra:?}");
    }
    // An unwritable output leaves nothing behind.
    let blocked = dir.path().join("missing-folder").join("out.pdf");
    let output = waymark(&["export", plan, "-o", blocked.to_str().expect("utf-8")]);
    assert!(!output.status.success());
    assert!(!blocked.exists());
}

#[test]
fn printing_without_cups_says_so_in_one_line() {
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample.ron");
    let empty = tempfile::tempdir().expect("temp dir");
    for args in [
        vec!["printers"],
        vec!["print", plan.to_str().expect("utf-8"), "--view", "roadmap"],
    ] {
        // No lpstat or lp on the PATH: as on a machine without CUPS.
        let output = Command::new(env!("CARGO_BIN_EXE_waymark"))
            .args(&args)
            .env("PATH", empty.path())
            .output()
            .expect("waymark runs");
        assert!(!output.status.success(), "{args:?}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(said.lines().count(), 1, "{said}");
        assert!(said.contains("CUPS is not installed"), "{said}");
        assert!(said.contains("save as PDF"), "{said}");
    }
}

#[test]
fn several_pages_as_svg_or_png_are_numbered_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample.ron");
    for extension in ["svg", "png"] {
        let out = dir.path().join(format!("gantt.{extension}"));
        let output = waymark(&[
            "export",
            plan.to_str().expect("utf-8"),
            "--pages-wide",
            "2",
            "--dpi",
            "72",
            "--today",
            "2026-02-02",
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert!(output.status.success(), "{output:?}");
        assert!(!out.exists(), "several pages are numbered, not one file");
        for n in [1, 2] {
            let page = dir.path().join(format!("gantt-{n}.{extension}"));
            assert!(page.exists(), "{} is written", page.display());
        }
        assert!(!dir.path().join(format!("gantt-3.{extension}")).exists());
    }
}
