//! The GEXF reader on arbitrary bytes: no panic, every error located in
//! its line, every load consistent (see `fuzz/common/gexf.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/gexf.rs"]
mod gexf;
#[path = "../common/reader.rs"]
mod reader;

fuzz_target!(|data: &[u8]| gexf::check(data));
