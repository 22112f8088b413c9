//! Text for a terminal.

/// Text for a terminal: control characters other than newline and tab (an
/// escape sequence hidden in an imported name, say) are shown as `\u{1b}`
/// instead of being sent to the terminal, where they could recolour it,
/// move the cursor or retitle the window. What the `hallyu` command and the
/// examples print goes through it (JSON escapes control characters itself).
/// Text without control characters is returned as it is, without a copy.
///
/// # Example
///
/// ```
/// use hallyu::export::escape_controls;
///
/// assert_eq!(escape_controls("Kim\u{1b}[31m Red\n"), "Kim\\u{1b}[31m Red\n");
/// assert_eq!(escape_controls("plain\tline\n"), "plain\tline\n");
/// ```
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(bad) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if bad(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}
