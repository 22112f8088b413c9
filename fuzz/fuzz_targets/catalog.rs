//! The RON catalog loader on arbitrary bytes: it must never panic, every
//! error must carry a position, and at most `Catalog::MAX_ERRORS` are listed
//! (then one `Omitted`, last).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(err) = hallyu::Catalog::from_str("fuzz.ron", text) {
            let all: Vec<&hallyu::Error> = err.iter().collect();
            assert!(
                all.len() <= hallyu::Catalog::MAX_ERRORS + 1,
                "{} errors listed",
                all.len()
            );
            for (i, e) in all.iter().enumerate() {
                assert!(e.location().is_some(), "unlocated error: {e}");
                let omitted = matches!(e.kind(), hallyu::ErrorKind::Omitted { .. });
                assert_eq!(omitted, i == hallyu::Catalog::MAX_ERRORS, "{e}");
            }
        }
    }
});
