//! Print and export at 2,000 tasks: laying the Gantt chart out on pages, and each back-end writing
//! the pages (PDF through krilla, SVG, PNG through resvg).
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use waymark::export::page::PrintContext;
use waymark::export::views::{ExportDays, ExportView, view_pages};
use waymark::export::{PageFormat, write_pages};
use waymark::model::{PageSetup, PrintScale, generate_plan};

fn export(c: &mut Criterion) {
    let plan = generate_plan(2_000, 3_000, 11);
    let today = "2026-03-02".parse().expect("a date");
    let print = PrintContext {
        title: plan.meta.title.clone(),
        view: "Gantt chart".to_owned(),
        file_name: "plan.ron".to_owned(),
        printed: today,
        visible: None,
    };
    // Readable pages: 4 pages across, the rows running down as far as they need.
    let setup = PageSetup {
        scale: PrintScale::WeekWidth { cm: 1.5 },
        ..PageSetup::default()
    };
    let days = ExportDays { today, start: None };
    let pages = || view_pages(&plan, ExportView::Timeline, &setup, &print, days);
    let document = pages();
    println!(
        "2,000 tasks: {}",
        document.summary.describe(document.pages.len())
    );

    let mut group = c.benchmark_group("export_2000_tasks");
    group.sample_size(10);
    group.bench_function("pages", |b| b.iter(|| black_box(pages())));
    group.bench_function("pdf", |b| {
        b.iter(|| black_box(write_pages(&document, PageFormat::Pdf).expect("pdf")));
    });
    group.bench_function("svg", |b| {
        b.iter(|| black_box(write_pages(&document, PageFormat::Svg).expect("svg")));
    });
    let first_page = waymark::export::page::PagedDocument {
        pages: document.pages[..1].to_vec(),
        ..document.clone()
    };
    group.bench_function("png_first_page_192_dpi", |b| {
        b.iter(|| {
            black_box(write_pages(&first_page, PageFormat::Png { dpi: 192.0 }).expect("png"))
        });
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
