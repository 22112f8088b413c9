//! The HTTP server of `hallyu::html::serve` on arbitrary request bytes,
//! sent over loopback TCP to one server started for the whole run: no
//! panic, no hang, every response a whole HTTP/1.x response with a 2xx,
//! 4xx or 5xx status (see `fuzz/common/http.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/http.rs"]
mod http;

fuzz_target!(|data: &[u8]| http::check(data));
