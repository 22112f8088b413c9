//! The RON position locator: where each record and each field of a RON
//! text that parsed is written, so that validation errors carry a line and
//! a column; and the positions and messages of RON's own syntax errors.

use std::collections::HashMap;

use crate::error::Location;

/// Finds the positions of records and fields in a RON text that parsed.
///
/// RON's parser reports positions only for its own errors, so validation
/// errors are located by scanning the text once: each record of each
/// top-level section, and within it the first value of each field.
#[derive(Debug, Clone)]
pub(super) struct Locator {
    file: String,
    sections: HashMap<String, Vec<RecordSpan>>,
}

#[derive(Debug, Clone, Default)]
struct RecordSpan {
    start: (usize, usize),
    fields: Vec<(String, (usize, usize))>,
}

impl Locator {
    pub(super) fn new(file: &str, text: &str) -> Locator {
        let mut sections: HashMap<String, Vec<RecordSpan>> = HashMap::new();
        let chars: Vec<char> = text.chars().collect();
        let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
        let mut stack: Vec<char> = Vec::new();
        let mut keys: Vec<Option<String>> = vec![None];
        let mut pending_field: Option<String> = None;
        // Advances over one char, keeping line and column.
        macro_rules! bump {
            () => {{
                if chars[i] == '\n' {
                    line += 1;
                    col = 1;
                } else {
                    col += 1;
                }
                i += 1;
            }};
        }
        while i < chars.len() {
            let c = chars[i];
            let here = (line, col);
            let depth = stack.len();
            // A value token at record level or deeper is attributed to the
            // pending field of the current record.
            let value_at = move |sections: &mut HashMap<String, Vec<RecordSpan>>,
                                 pending: &mut Option<String>,
                                 keys: &[Option<String>]| {
                if depth >= 3
                    && let (Some(Some(section)), Some(field)) = (keys.get(1), pending.take())
                    && let Some(rec) = sections.get_mut(section).and_then(|v| v.last_mut())
                {
                    rec.fields.push((field, here));
                }
            };
            match c {
                '/' if chars.get(i + 1) == Some(&'/') => {
                    while i < chars.len() && chars[i] != '\n' {
                        bump!();
                    }
                }
                '/' if chars.get(i + 1) == Some(&'*') => {
                    let mut level = 0usize;
                    while i < chars.len() {
                        if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                            level += 1;
                            bump!();
                        } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                            level -= 1;
                            bump!();
                            if level == 0 {
                                bump!();
                                break;
                            }
                        }
                        bump!();
                    }
                }
                '#' if depth == 0 => {
                    // An attribute such as #![enable(implicit_some)].
                    let mut level = 0i32;
                    while i < chars.len() {
                        match chars[i] {
                            '[' => level += 1,
                            ']' => {
                                level -= 1;
                                if level == 0 {
                                    bump!();
                                    break;
                                }
                            }
                            _ => {}
                        }
                        bump!();
                    }
                }
                '"' | '\'' => {
                    value_at(&mut sections, &mut pending_field, &keys);
                    let quote = c;
                    bump!();
                    while i < chars.len() && chars[i] != quote {
                        if chars[i] == '\\' {
                            bump!();
                        }
                        if i < chars.len() {
                            bump!();
                        }
                    }
                    if i < chars.len() {
                        bump!();
                    }
                }
                'r' if matches!(chars.get(i + 1), Some('"') | Some('#'))
                    && chars[i + 1..].iter().find(|&&c| c != '#') == Some(&'"') =>
                {
                    value_at(&mut sections, &mut pending_field, &keys);
                    bump!();
                    let mut hashes = 0;
                    while i < chars.len() && chars[i] == '#' {
                        hashes += 1;
                        bump!();
                    }
                    if i < chars.len() {
                        bump!(); // opening quote
                    }
                    while i < chars.len() {
                        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                            for _ in 0..=hashes {
                                bump!();
                            }
                            break;
                        }
                        bump!();
                    }
                }
                'r' if chars.get(i + 1) == Some(&'#') => {
                    // A raw identifier (`r#id`): the word after `r#` is the
                    // key or value.
                    bump!();
                    bump!();
                }
                '(' | '[' | '{' => {
                    if c == '('
                        && depth == 2
                        && stack[1] == '['
                        && let Some(Some(section)) = keys.get(1)
                    {
                        sections
                            .entry(section.clone())
                            .or_default()
                            .push(RecordSpan {
                                start: here,
                                fields: Vec::new(),
                            });
                    }
                    value_at(&mut sections, &mut pending_field, &keys);
                    stack.push(c);
                    keys.truncate(stack.len());
                    keys.push(None);
                    bump!();
                }
                ')' | ']' | '}' => {
                    stack.pop();
                    keys.truncate(stack.len() + 1);
                    bump!();
                }
                c if c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.' => {
                    let start = i;
                    while i < chars.len()
                        && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '-' | '+' | '.'))
                    {
                        bump!();
                    }
                    let word: String = chars[start..i].iter().collect();
                    // Is it a key (followed by ':')?
                    let mut j = i;
                    while j < chars.len() && chars[j].is_whitespace() {
                        j += 1;
                    }
                    if chars.get(j) == Some(&':') {
                        if let Some(slot) = keys.last_mut() {
                            *slot = Some(word.clone());
                        }
                        if depth == 3 {
                            pending_field = Some(word);
                        }
                    } else {
                        value_at(&mut sections, &mut pending_field, &keys);
                    }
                }
                _ => bump!(),
            }
        }
        Locator {
            file: file.to_string(),
            sections,
        }
    }

    /// A locator that knows no positions, for records made in code: every
    /// field is at the file's start (line 1, column 1).
    pub(super) fn without_text(file: &str) -> Locator {
        Locator {
            file: file.to_string(),
            sections: HashMap::new(),
        }
    }

    /// The position of `field` in the `index`-th record of `section`; the
    /// record's start when the field is not written; the file's start when
    /// the record is not found.
    pub(super) fn field(&self, section: &str, index: usize, field: &str) -> Location {
        let (line, column) = self
            .sections
            .get(section)
            .and_then(|records| records.get(index))
            .map(|rec| {
                rec.fields
                    .iter()
                    .find(|(f, _)| f == field)
                    .map_or(rec.start, |(_, pos)| *pos)
            })
            .unwrap_or((1, 1));
        Location {
            file: self.file.clone(),
            line,
            column,
        }
    }
}

/// ron's spans may start on the blanks before the offending value; moves a
/// 1-based (line, column) forward to the first non-blank character.
pub(super) fn skip_blanks(text: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(rest) = text.split('\n').nth(line.saturating_sub(1)) else {
        return (line, column);
    };
    let mut col = column;
    for c in rest.chars().skip(column.saturating_sub(1)) {
        if c == ' ' || c == '\t' {
            col += 1;
        } else {
            return (line, col);
        }
    }
    (line, column)
}

pub(super) fn parse_message(code: &ron::Error) -> String {
    let text = code.to_string();
    // ron's messages start with a capital letter and may end with a period;
    // ours are one lowercase phrase.
    let mut chars = text.chars();
    let first = chars
        .next()
        .map(|c| c.to_lowercase().collect::<String>())
        .unwrap_or_default();
    let rest: String = chars.collect();
    format!("{first}{rest}").trim_end_matches('.').to_string()
}
