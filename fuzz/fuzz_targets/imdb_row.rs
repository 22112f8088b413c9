//! The IMDb importer on arbitrary rows: up to three files separated by NUL
//! bytes (`name.basics`, `title.basics`, `title.principals`), written to a
//! temporary directory and imported strictly and with bad rows skipped. No
//! panic, every error located, every row accounted for (see
//! `fuzz/common/imdb_row.rs`).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../common/imdb_row.rs"]
mod imdb_row;

static DIR: OnceLock<PathBuf> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let dir = DIR.get_or_init(|| {
        std::env::temp_dir().join(format!("hallyu-fuzz-imdb-{}", std::process::id()))
    });
    imdb_row::check(dir, data);
    // Leave nothing behind (after a crash the input's files stay, to look at).
    let _ = std::fs::remove_dir_all(dir);
});
