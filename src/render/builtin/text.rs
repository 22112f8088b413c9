//! Text metrics: how wide a line of text is, and where labels wrap.

/// Estimated advance of a character, in em.
pub(super) fn char_em(c: char) -> f64 {
    match c {
        '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' => 0.0,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}' => 1.0,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' => 1.2,
        'i' | 'l' | 'j' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' | ' ' => 0.3,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '"' | '`' => 0.4,
        'm' | 'w' => 0.84,
        'M' | 'W' => 0.9,
        'A'..='Z' => 0.68,
        'a'..='z' => 0.56,
        '0'..='9' => 0.58,
        c if c.is_ascii() => 0.6,
        c if c.is_control() => 0.0,
        _ => 0.64,
    }
}

/// Estimated width of a line of text, in pixels.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size * 1.04
}

/// Splits a label into lines no wider than `max` pixels: at line breaks,
/// then at spaces, then (for a long word) between characters.
pub(super) fn wrap(label: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for raw in label.split('\n') {
        let raw = raw.trim_end_matches('\r');
        if text_width(raw, size) <= max {
            lines.push(raw.to_string());
            continue;
        }
        let mut line = String::new();
        for word in raw.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone; break it if it is still too wide.
            for c in word.chars() {
                line.push(c);
                if text_width(&line, size) > max && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        lines.push(line);
    }
    lines
}
