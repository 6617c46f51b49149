//! Waymark: a desktop planning application.
//!
//! The pure core ([`model`], [`edit`], [`history`], [`analysis`], [`io`], [`export`]) knows nothing of windows or
//! files: it takes strings and bytes. [`app`] and [`views`] are the egui shell, [`cli`] the headless
//! commands, [`files`] the one place outside the app that touches the file system, and [`cups`] the one that
//! talks to printers.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod cups;
pub mod edit;
pub mod export;
pub mod files;
pub mod history;
pub mod io;
pub mod model;
pub mod recovery;
pub mod views;
