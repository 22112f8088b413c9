//! DOT export of arbitrary names and titles: the output must parse back with
//! graphviz-rust's parser, with every label intact (see `fuzz/common/dot.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/dot.rs"]
mod dot;

fuzz_target!(|data: &[u8]| dot::check(data));
