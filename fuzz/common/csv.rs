//! The check behind the `csv` fuzz target, shared with the seed replay in
//! `tests/fuzz_seeds.rs` (both include this file with `#[path]`, and
//! `reader.rs` as the module `reader`).
//!
//! The input is read as one edge-list file (`Csv::from_reader`); when it
//! holds two NUL bytes, the three parts are also written to `dir` as
//! `people.csv`, `works.csv` and `credits.csv` and read as the three-file
//! layout (`Csv::from_dir`). Either way: no panic, an error is located in
//! its file and line (see `reader::check_error`), a load is consistent
//! (`reader::check_loaded`).

use std::path::Path;

use hallyu::import::Csv;

use crate::reader::{check_error, check_loaded};

/// The three files of the layout, in the order the input gives them.
pub const FILES: [&str; 3] = ["people.csv", "works.csv", "credits.csv"];

/// Reads `data` as an edge list and, when it has three parts, as the
/// three-file layout in `dir` (created if needed), and checks both.
pub fn check(dir: &Path, data: &[u8]) {
    match Csv::new().from_reader("fuzz.csv", data) {
        Ok(loaded) => check_loaded(&loaded),
        Err(e) => check_error(&e, &[("fuzz.csv", data)]),
    }

    let parts: Vec<&[u8]> = data.splitn(3, |&b| b == 0).collect();
    if parts.len() < 3 {
        return;
    }
    std::fs::create_dir_all(dir).expect("temporary directory");
    let names: Vec<String> = FILES
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    for (name, bytes) in names.iter().zip(&parts) {
        std::fs::write(name, bytes).expect("write the input");
    }
    let inputs: Vec<(&str, &[u8])> = names.iter().map(String::as_str).zip(parts).collect();
    match Csv::new().from_dir(dir) {
        Ok(loaded) => check_loaded(&loaded),
        Err(e) => check_error(&e, &inputs),
    }
}
