//! The check behind the `json` fuzz target, shared with the seed replay in
//! `tests/fuzz_seeds.rs` (both include this file with `#[path]`, and
//! `reader.rs` as the module `reader`).
//!
//! The input is read as node-link JSON (`NodeLink::from_reader`), with the
//! edges taken from `edges` or `links` and from `links` only: no panic, an
//! error is located in its line and column (see `reader::check_error`), a
//! load is consistent (`reader::check_loaded`).

use hallyu::import::NodeLink;

use crate::reader::{check_error, check_loaded};

/// Reads `data` and checks the result.
pub fn check(data: &[u8]) {
    for reader in [NodeLink::new(), NodeLink::new().edges_key("links")] {
        match reader.from_reader("fuzz.json", data) {
            Ok(loaded) => check_loaded(&loaded),
            Err(e) => check_error(&e, &[("fuzz.json", data)]),
        }
    }
}
