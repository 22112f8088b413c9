//! The RON catalog loader on arbitrary bytes: it must never panic, and every
//! error must carry a position.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(err) = hallyu::Catalog::from_str("fuzz.ron", text) {
            for e in err.iter() {
                assert!(e.location().is_some(), "unlocated error: {e}");
            }
        }
    }
});
