//! The node-link JSON reader on arbitrary bytes: no panic, every error
//! located in its line, every load consistent (see `fuzz/common/json.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/json.rs"]
mod json;
#[path = "../common/reader.rs"]
mod reader;

fuzz_target!(|data: &[u8]| json::check(data));
