//! What every example shares: `say!`, its way of printing.

/// Prints to stdout, control characters of names escaped
/// ([`hallyu::export::escape_controls`]: an escape sequence in an imported
/// name is shown, not sent to the terminal). A closed pipe (`| head`) ends
/// the program quietly, with status 0, instead of panicking as `println!`
/// does; any other failure to write (a full disk) ends it with status 1
/// and a message on stderr.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($t)*);
        let text = hallyu::export::escape_controls(&text);
        if let Err(e) = std::io::stdout().write_all(text.as_bytes()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0)
            }
            eprintln!("error: cannot write the answer: {e}");
            std::process::exit(1)
        }
    }};
}
