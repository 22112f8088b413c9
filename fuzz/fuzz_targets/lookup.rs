//! Name lookup on arbitrary text: an answer or a clear error, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static EXPLORER: OnceLock<hallyu::Explorer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let explorer = EXPLORER.get_or_init(hallyu::Explorer::bundled);
    let text = String::from_utf8_lossy(data);
    match explorer.lookup(&text) {
        Ok(entity) => assert!(!explorer.key(entity).is_empty()),
        Err(e) => assert!(e.is_not_found() || e.is_ambiguous(), "{e}"),
    }
    let _ = explorer.person(&text);
    let _ = explorer.work(&text);
});
