//! Ranked search and the strict lookups on arbitrary text over the bundled
//! data: no panic, candidates ranked best first with sane scores and
//! explanations, lookups that agree with the search (see
//! `fuzz/common/search.rs`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../common/search.rs"]
mod search;

static EXPLORER: OnceLock<hallyu::Explorer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let explorer = EXPLORER.get_or_init(hallyu::Explorer::bundled);
    search::check(explorer, data);
});
