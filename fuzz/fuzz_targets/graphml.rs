//! The GraphML reader on arbitrary bytes: no panic, every error located in
//! its line, every load consistent (see `fuzz/common/graphml.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/graphml.rs"]
mod graphml;
#[path = "../common/reader.rs"]
mod reader;

fuzz_target!(|data: &[u8]| graphml::check(data));
