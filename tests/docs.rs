//! Every public item of the library is documented with an example: a
//! `pub` function, type, trait or constant of `src/` (the command in
//! `src/bin/` aside) has a doc comment holding a code block, which
//! `cargo test --doc` runs. Items that are `pub` but unreachable from outside
//! are caught by the `unreachable_pub` lint, denied in `src/lib.rs`, so every
//! `pub` item here is one a user can name.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().unwrap() != "bin" {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The public items of a file's text (before its unit tests) whose doc
/// comment holds no code block, as `line: item`.
fn without_example(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let kinds = [
        "fn ",
        "const fn ",
        "struct ",
        "enum ",
        "trait ",
        "const ",
        "type ",
        "static ",
    ];
    let mut missing = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") && lines.get(i + 1).is_some_and(|l| l.contains("mod ")) {
            break;
        }
        let Some(rest) = t.strip_prefix("pub ") else {
            continue;
        };
        if !kinds.iter().any(|k| rest.starts_with(k)) {
            continue;
        }
        // The doc comment above, across attributes (one line or several:
        // a line ending in `]` that does not open one closes one above).
        let mut doc = String::new();
        let mut in_attribute = false;
        for above in lines[..i].iter().rev() {
            let a = above.trim_start();
            if in_attribute {
                in_attribute = !a.starts_with("#[");
            } else if let Some(d) = a.strip_prefix("///") {
                doc.push_str(d);
                doc.push('\n');
            } else if a.starts_with("#[doc") {
                doc.push_str(a);
            } else if a.starts_with("#[") {
                continue;
            } else if a.ends_with(']') {
                in_attribute = true;
            } else {
                break;
            }
        }
        if !doc.contains("```") {
            let name: String = rest
                .chars()
                .take_while(|&c| c != '(' && c != '<' && c != ':' && c != '{' && c != ';')
                .collect();
            missing.push(format!("{}: pub {}", i + 1, name.trim()));
        }
    }
    missing
}

#[test]
fn every_public_item_has_an_example() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut missing = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let rel = file.strip_prefix(&src).unwrap().display().to_string();
        missing.extend(
            without_example(&text)
                .into_iter()
                .map(|m| format!("src/{rel}:{m}")),
        );
    }
    assert!(
        missing.is_empty(),
        "{} public items without an example:\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
}

#[test]
fn the_check_sees_a_missing_example() {
    let text = "/// Documented.\n///\n/// ```\n/// assert!(true);\n/// ```\n#[inline]\npub fn a() {}\n\
                /// Documented, no example.\npub struct B;\npub(crate) fn c() {}\n\
                /// ```\n/// let e = 1;\n/// ```\n#[cfg_attr(\n    feature = \"serde\",\n    derive(Serialize)\n)]\n\
                pub enum E {}\n\
                #[cfg(test)]\nmod tests {\n    pub fn d() {}\n}\n";
    assert_eq!(without_example(text), ["9: pub struct B"]);
}
