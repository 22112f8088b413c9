//! The check behind the `gexf` fuzz target, shared with the seed replay
//! in `tests/fuzz_seeds.rs` (both include this file with `#[path]`, and
//! `reader.rs` as the module `reader`).
//!
//! The input is read as GEXF (`Gexf::from_reader`): no panic, an
//! error is located in its line and column (see `reader::check_error`), a
//! load is consistent (`reader::check_loaded`).

use hallyu::import::Gexf;

use crate::reader::{check_error, check_loaded};

/// Reads `data` and checks the result.
pub fn check(data: &[u8]) {
    match Gexf::new().from_reader("fuzz.gexf", data) {
        Ok(loaded) => check_loaded(&loaded),
        Err(e) => check_error(&e, &[("fuzz.gexf", data)]),
    }
}
