//! Pages made on a worker thread: the print dialog's preview (page count and thumbnails), PDFs sent to
//! CUPS, and exports written to files. Nothing here blocks a frame; a newer request cancels an older one.

use crate::cups::{self, CupsError, PrintJob, Printer};
use crate::export::page::{PageSummary, PrintContext};
use crate::export::views::{ExportDays, ExportView, ViewSettings, view_pages_with};
use crate::export::{PageFormat, png, write_pages};
use crate::files::{numbered_paths, write_atomic};
use crate::model::{PageSetup, Plan};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

/// A file format a view is exported in, as the export dialog offers it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PageFile {
    /// A vector PDF of every page.
    #[default]
    Pdf,
    /// One SVG per page.
    Svg,
    /// One PNG per page.
    Png,
}

impl PageFile {
    /// Every format, in the dialog's order.
    pub const ALL: [Self; 3] = [Self::Pdf, Self::Svg, Self::Png];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }

    /// The name in the dialog.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Svg => "SVG",
            Self::Png => "PNG",
        }
    }
}

/// Everything a page job draws from: a copy of the plan and the view's settings.
#[derive(Clone, Debug)]
pub struct PageRequest {
    /// The plan, as it was when the job started.
    pub plan: Arc<Plan>,
    /// Which view.
    pub view: ExportView,
    /// Paper, scale and what is printed.
    pub setup: PageSetup,
    /// Header and footer facts.
    pub print: PrintContext,
    /// Today and the start date.
    pub days: ExportDays,
    /// The views' on-screen settings.
    pub settings: ViewSettings,
}

/// What a page job does with the pages.
#[derive(Clone, Debug)]
pub enum PageAction {
    /// Count the pages and render small thumbnails of the first few, this many pixels wide.
    Preview {
        /// Thumbnail width in pixels.
        width: u32,
        /// Most thumbnails rendered.
        most: usize,
    },
    /// Send a PDF to a printer.
    Print(PrintJob),
    /// Write files: one PDF, or one SVG or PNG per page (numbered when there are several).
    Export {
        /// The file chosen.
        path: PathBuf,
        /// The format.
        format: PageFormat,
    },
}

/// A thumbnail: premultiplied RGBA pixels.
#[derive(Clone, Debug)]
pub struct Thumbnail {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels, four bytes each.
    pub rgba: Vec<u8>,
}

/// What a page job came to.
#[derive(Debug)]
pub enum PageOutcome {
    /// The preview: how the pages fell and the thumbnails.
    Preview {
        /// Page grid, scale and text size.
        summary: PageSummary,
        /// Pages in the document.
        pages: usize,
        /// Thumbnails of the first pages.
        thumbnails: Vec<Thumbnail>,
    },
    /// The job reached the printer.
    Printed {
        /// The printer.
        printer: String,
        /// CUPS's job id.
        job: String,
        /// Pages sent.
        pages: usize,
    },
    /// The files were written.
    Exported {
        /// The files.
        paths: Vec<PathBuf>,
    },
    /// It failed; `offer_pdf` when printing is impossible and saving a PDF is the way out.
    Failed {
        /// What went wrong.
        message: String,
        /// True when CUPS is missing or refused.
        offer_pdf: bool,
    },
    /// Cancelled before it finished.
    Cancelled,
}

/// One page job at a time on a worker thread, with progress and Cancel.
#[derive(Debug, Default)]
pub struct PageWork {
    receiver: Option<Receiver<PageOutcome>>,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
}

impl PageWork {
    /// Starts a job, cancelling the one running.
    pub fn start(&mut self, ctx: &egui::Context, request: PageRequest, action: PageAction) {
        self.cancel();
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        self.receiver = Some(receiver);
        self.cancel = Arc::clone(&cancel);
        self.done = Arc::clone(&done);
        self.total = Arc::clone(&total);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let progress = Progress {
                cancel: &cancel,
                done: &done,
                total: &total,
            };
            let outcome = run(&request, &action, &progress);
            // The dialog may have closed; then nobody is listening.
            let _ignored = sender.send(outcome);
            ctx.request_repaint();
        });
    }

    /// Asks the running job to stop; its outcome is dropped.
    pub fn cancel(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.receiver = None;
    }

    /// True while a job runs.
    pub fn running(&self) -> bool {
        self.receiver.is_some()
    }

    /// Steps done and steps in all, while a job runs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.running().then(|| {
            (
                self.done.load(Ordering::Relaxed),
                self.total.load(Ordering::Relaxed),
            )
        })
    }

    /// The outcome of the job, once it has finished.
    pub fn poll(&mut self) -> Option<PageOutcome> {
        let outcome = self.receiver.as_ref()?.try_recv().ok()?;
        self.receiver = None;
        Some(outcome)
    }
}

struct Progress<'a> {
    cancel: &'a AtomicBool,
    done: &'a AtomicUsize,
    total: &'a AtomicUsize,
}

impl Progress<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
}

fn run(request: &PageRequest, action: &PageAction, progress: &Progress<'_>) -> PageOutcome {
    let document = view_pages_with(
        &request.plan,
        request.view,
        &request.setup,
        &request.print,
        request.days,
        &request.settings,
    );
    if progress.cancelled() {
        return PageOutcome::Cancelled;
    }
    let pages = document.pages.len();
    match action {
        PageAction::Preview { width, most } => {
            progress.total.store(pages.min(*most), Ordering::Relaxed);
            let mut thumbnails = Vec::new();
            for page in document.pages.iter().take(*most) {
                if progress.cancelled() {
                    return PageOutcome::Cancelled;
                }
                let dpi = (*width as f32 / page.width.max(1.0) * 72.0).max(9.0);
                if let Ok((width, height, rgba)) = png::to_rgba(page, dpi) {
                    thumbnails.push(Thumbnail {
                        width,
                        height,
                        rgba,
                    });
                }
                progress.step();
            }
            PageOutcome::Preview {
                summary: document.summary,
                pages,
                thumbnails,
            }
        }
        PageAction::Print(job) => {
            progress.total.store(2, Ordering::Relaxed);
            let pdf = match write_pages(&document, PageFormat::Pdf) {
                Ok(mut files) => files.pop().unwrap_or_default(),
                Err(error) => return failed(error.to_string(), false),
            };
            progress.step();
            if progress.cancelled() {
                return PageOutcome::Cancelled;
            }
            match cups::submit(&pdf, job) {
                Ok(id) => PageOutcome::Printed {
                    printer: job.printer.clone(),
                    job: id,
                    pages,
                },
                Err(error) => failed(error.to_string(), true),
            }
        }
        PageAction::Export { path, format } => {
            progress.total.store(pages + 1, Ordering::Relaxed);
            let files = match write_pages(&document, *format) {
                Ok(files) => files,
                Err(error) => return failed(error.to_string(), false),
            };
            progress.step();
            let paths = numbered_paths(path, files.len());
            for (path, bytes) in paths.iter().zip(&files) {
                if progress.cancelled() {
                    return PageOutcome::Cancelled;
                }
                if let Err(error) = write_atomic(path, bytes) {
                    return failed(error.to_string(), false);
                }
                progress.step();
            }
            PageOutcome::Exported { paths }
        }
    }
}

fn failed(message: String, offer_pdf: bool) -> PageOutcome {
    PageOutcome::Failed { message, offer_pdf }
}

/// Reads the CUPS printers on a worker thread; the answer arrives on the receiver.
pub fn load_printers(ctx: &egui::Context) -> Receiver<Result<Vec<Printer>, CupsError>> {
    let (sender, receiver) = channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let _ignored = sender.send(cups::printers());
        ctx.request_repaint();
    });
    receiver
}
