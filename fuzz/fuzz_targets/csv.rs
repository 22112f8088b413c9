//! The CSV reader on arbitrary bytes: as an edge list and, when the input
//! holds three parts separated by NUL bytes, as the three-file layout
//! written to a temporary directory. No panic, every error located in its
//! line, every load consistent (see `fuzz/common/csv.rs`).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../common/csv.rs"]
mod csv;
#[path = "../common/reader.rs"]
mod reader;

static DIR: OnceLock<PathBuf> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let dir = DIR.get_or_init(|| {
        std::env::temp_dir().join(format!("hallyu-fuzz-csv-{}", std::process::id()))
    });
    csv::check(dir, data);
    // Leave nothing behind (after a crash the input's files stay, to look at).
    let _ = std::fs::remove_dir_all(dir);
});
