//! The layering of `src/`, checked from the code: every `crate::` path of
//! every file is resolved to the file it names, and an import that runs from
//! a lower layer to a higher one, or closes a circle of files, fails. The
//! layers and the reasons for them are in ARCHITECTURE.md ("Layers"); this
//! test is where they are kept true (as rust-analyzer keeps its invariants in
//! `xtask/src/tidy.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may import from its own layer and
/// those below, never from one above. Keys are module paths under `src/`
/// (`graph` is `src/graph.rs` or `src/graph/`); the longest key that is a
/// prefix of a file's module path gives its layer.
const LAYERS: &[(&str, &[&str])] = &[
    ("foundation", &["search", "error", "model", "id", "filter"]),
    ("storage", &["graph"]),
    ("algorithms", &["algo"]),
    ("explorer", &["explorer", "records"]),
    ("queries", &["query"]),
    ("readers", &["catalog", "import"]),
    ("front ends", &["export", "render", "html"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A file of `src/`.
struct File {
    text: String,
}

/// Every `.rs` file under `src/`, by module path; `src/bin/` is a crate of
/// its own and is left out.
fn files() -> BTreeMap<Vec<String>, File> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().unwrap() != "bin" {
                    walk(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&src(), &mut paths);
    paths
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(src()).unwrap().with_extension("");
            let mut module: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let text = fs::read_to_string(&p).unwrap();
            (module, File { text })
        })
        .collect()
}

/// The layer of a module path: its index in [`LAYERS`], `None` for the
/// crate root (which only declares and re-exports).
fn layer(module: &[String]) -> Option<usize> {
    let first = module.first()?;
    let found = LAYERS
        .iter()
        .position(|(_, mods)| mods.contains(&first.as_str()));
    Some(found.unwrap_or_else(|| {
        panic!("src/{first}: a module of no layer; add it to LAYERS and to ARCHITECTURE.md")
    }))
}

/// The code of a file without comments (doc comments name paths in links,
/// which are not imports) and without string literals.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !in_str && c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' && prev != '\\' && prev != '\'' {
                in_str = !in_str;
            } else if !in_str {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}

/// The module paths a file names through `crate::…` (in `use` trees and in
/// code), each as written: `crate::{a::b, c}` gives `a::b` and `c`.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    paths_after(code, "crate::", &[])
}

/// The paths after each `start` (`crate::` or `super::`) in `code`, below
/// `prefix`.
fn paths_after(code: &str, start: &str, prefix: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while let Some(at) = find(&bytes, i, start) {
        let before = at.checked_sub(1).map(|j| bytes[j]);
        i = at + start.len();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        expand(&bytes, &mut i, prefix.to_vec(), &mut found);
    }
    found
}

/// Every module path a file names, `crate::…` and `super::…` alike, as
/// paths from the crate root.
fn named_paths(module: &[String], file: &File) -> Vec<Vec<String>> {
    let code = code(&file.text);
    let mut paths = crate_paths(&code);
    // `super` of `a/b/c.rs` and of `a/b/c/mod.rs` alike is `a::b`.
    let parent = &module[..module.len().saturating_sub(1)];
    paths.extend(paths_after(&code, "super::", parent));
    paths
}

fn find(s: &[char], from: usize, pat: &str) -> Option<usize> {
    let pat: Vec<char> = pat.chars().collect();
    (from..s.len().saturating_sub(pat.len() - 1)).find(|&i| s[i..i + pat.len()] == pat[..])
}

/// Reads a path (or a `{…}` group of paths) at `s[*i..]` below `prefix`.
fn expand(s: &[char], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let skip_ws = |i: &mut usize| {
        while *i < s.len() && s[*i].is_whitespace() {
            *i += 1;
        }
    };
    let mut path = prefix;
    loop {
        skip_ws(i);
        if *i < s.len() && s[*i] == '{' {
            *i += 1;
            loop {
                skip_ws(i);
                if *i >= s.len() || s[*i] == '}' {
                    *i += 1;
                    return;
                }
                expand(s, i, path.clone(), out);
                skip_ws(i);
                if *i < s.len() && s[*i] == ',' {
                    *i += 1;
                }
            }
        }
        let start = *i;
        while *i < s.len() && (s[*i].is_alphanumeric() || s[*i] == '_') {
            *i += 1;
        }
        if start == *i {
            break;
        }
        path.push(s[start..*i].iter().collect());
        if s.get(*i) == Some(&':') && s.get(*i + 1) == Some(&':') {
            *i += 2;
        } else {
            break;
        }
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// The file a path names: the longest prefix of it that is a module of
/// `src/`. (A name only the crate root knows is caught before, in
/// [`edges`].)
fn resolve(path: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
}

/// The crate root's `pub use a::b::{C, D}` lines, as name → path.
fn root_reexports(lib: &str) -> BTreeMap<String, Vec<String>> {
    let mut map = BTreeMap::new();
    let code = code(lib);
    for stmt in code.split(';') {
        let stmt = stmt.trim();
        let Some(rest) = stmt.strip_prefix("pub use ") else {
            continue;
        };
        let bytes: Vec<char> = rest.chars().collect();
        let mut paths = Vec::new();
        expand(&bytes, &mut 0, Vec::new(), &mut paths);
        for p in paths {
            if let Some(last) = p.last() {
                map.insert(last.clone(), p.clone());
            }
        }
    }
    map
}

/// Every import edge between two files of `src/`, as (from, to).
fn edges() -> Vec<(Vec<String>, Vec<String>)> {
    let files = files();
    let modules: BTreeSet<Vec<String>> = files.keys().cloned().collect();
    let mut edges = Vec::new();
    for (module, file) in &files {
        for path in named_paths(module, file) {
            // A name that only the crate root knows (a re-export such as
            // `crate::Explorer`, or a module written inside lib.rs) is an
            // import of the root, which stands above every module.
            if !module.is_empty() && !modules.iter().any(|m| !m.is_empty() && m[0] == path[0]) {
                edges.push((module.clone(), Vec::new()));
                continue;
            }
            if let Some(target) = resolve(&path, &modules)
                && &target != module
            {
                edges.push((module.clone(), target));
            }
        }
    }
    edges.sort();
    edges.dedup();
    edges
}

fn show(module: &[String]) -> String {
    format!("src/{}", module.join("/"))
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let mut wrong = Vec::new();
    for (from, to) in edges() {
        if to.is_empty() && !from.is_empty() {
            wrong.push(format!("{} names the crate root (lib.rs)", show(&from)));
            continue;
        }
        let (Some(a), Some(b)) = (layer(&from), layer(&to)) else {
            continue;
        };
        if b > a {
            wrong.push(format!(
                "{} ({}) imports {} ({})",
                show(&from),
                LAYERS[a].0,
                show(&to),
                LAYERS[b].0
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run up a layer:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn no_import_circles_between_files() {
    // An import between a file and a module folder that holds it (a
    // child's `use super::…`) stays inside one module and is no circle.
    let inside = |a: &[String], b: &[String]| a.starts_with(b) || b.starts_with(a);
    let mut next: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (from, to) in edges() {
        if !from.is_empty() && !to.is_empty() && !inside(&from, &to) {
            next.entry(from).or_default().insert(to);
        }
    }
    let mut circles = Vec::new();
    for start in next.keys() {
        // A search from `start` back to itself, through files after it in
        // order only, finds each circle once (from its first file).
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            for to in next.get(&at).into_iter().flatten() {
                if to == start {
                    let names: Vec<String> = trail.iter().map(|m| show(m)).collect();
                    circles.push(names.join(" → "));
                } else if to > start && seen.insert(to.clone()) {
                    let mut t = trail.clone();
                    t.push(to.clone());
                    stack.push((to.clone(), t));
                }
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n  {}",
        circles.join("\n  ")
    );
}

/// The checker itself finds an upward import and a circle: a storage file
/// that names a query is caught, and so is a pair that names each other.
#[test]
fn the_checks_catch_what_they_are_for() {
    let p = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    let code = code(
        "use crate::query::{costars::Credited, path};\n\
         // use crate::html::page;\n\
         let s = \"crate::render\"; crate::algo::levels(x);",
    );
    assert_eq!(
        crate_paths(&code),
        vec![
            p("query::costars::Credited"),
            p("query::path"),
            p("algo::levels")
        ]
    );
    let modules: BTreeSet<Vec<String>> = [p("graph"), p("graph::csr"), p("query::costars")]
        .into_iter()
        .collect();
    let target = resolve(&p("query::costars::Credited"), &modules);
    assert_eq!(target, Some(p("query::costars")));
    assert!(layer(&p("graph::csr")) < layer(&p("query::costars")));
}

/// Front ends (exports, renderers, the page and the server, the command)
/// never walk the graph: they name neither the storage nor the algorithms,
/// and read no field of the graph; they call the queries.
#[test]
fn front_ends_call_queries_and_never_walk_the_graph() {
    let mut wrong = Vec::new();
    for (module, file) in files() {
        if !matches!(layer(&module), Some(l) if LAYERS[l].0 == "front ends") {
            continue;
        }
        for path in named_paths(&module, &file) {
            if matches!(path.first().map(String::as_str), Some("graph" | "algo")) {
                wrong.push(format!(
                    "{} names crate::{}",
                    show(&module),
                    path.join("::")
                ));
            }
        }
        if code(&file.text).contains(".graph.") {
            wrong.push(format!("{} reads the graph's fields", show(&module)));
        }
    }
    for (path, text) in command_files() {
        if code(&text).contains(".graph.") {
            wrong.push(format!("{} reads the graph's fields", path.display()));
        }
    }
    assert!(
        wrong.is_empty(),
        "front ends that walk:\n  {}",
        wrong.join("\n  ")
    );
}

/// The graph's fields are private to `graph/`: every other layer reads it
/// through its methods (the traversal index through `Graph::index`, which
/// the layers above hand to `algo/`), so the compiler refuses a direct read
/// of its columns anywhere else.
#[test]
fn the_graph_keeps_its_fields_to_itself() {
    let text = fs::read_to_string(src().join("graph/mod.rs")).unwrap();
    let start = text
        .find("pub(crate) struct Graph {")
        .expect("the graph's struct");
    let body = &text[start..start + text[start..].find("\n}").unwrap()];
    let fields: Vec<&str> = body.lines().skip(1).map(str::trim).collect();
    assert!(
        fields.iter().any(|f| f.starts_with("index:")),
        "the struct is read"
    );
    let public: Vec<&&str> = fields.iter().filter(|f| f.starts_with("pub")).collect();
    assert!(public.is_empty(), "public fields of Graph: {public:?}");
}

/// Queries turn positions into answers: they read the traversal index one
/// row at a time through its row API (`of_person`, `in_work`) and leave
/// every walk over its columns to `algo/`.
#[test]
fn queries_leave_walks_to_the_algorithms() {
    const COLUMNS: &[&str] = &[
        "work_row(",
        "work_rows(",
        "person_row(",
        "person_rows(",
        "work_app_ids(",
        "work_apps(",
        "person_apps(",
        "person_app_range(",
        ".credited(",
        "Compiled::",
    ];
    let mut wrong = Vec::new();
    for (module, file) in files() {
        if module.first().map(String::as_str) != Some("query") {
            continue;
        }
        let code = code(&file.text);
        for column in COLUMNS {
            if code.contains(column) {
                wrong.push(format!("{} reads {column}…", show(&module)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "queries that walk:\n  {}",
        wrong.join("\n  ")
    );
}

/// The page, the server and the command print the library's answers: they
/// build no JSON of their own (no `json!` anywhere in `src/html/` or
/// `src/bin/`, doc examples included).
#[test]
fn front_ends_build_no_json_of_their_own() {
    let mut front = command_files();
    for (module, file) in files() {
        if module.first().map(String::as_str) == Some("html") {
            front.push((src().join(module.join("/")), file.text));
        }
    }
    let wrong: Vec<String> = front
        .iter()
        .filter(|(_, text)| text.contains("json!"))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(front.len() > 10, "the command and the page are read");
    assert!(wrong.is_empty(), "json! in:\n  {}", wrong.join("\n  "));
}

/// The files of the `hallyu` command (`src/bin/`), with their text.
fn command_files() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&src().join("bin"), &mut out);
    out
}

/// The crate root holds the core (the explorer, the filter, ids, the error,
/// the record views, the catalog) and the modules: at most 30 public items.
#[test]
fn the_crate_root_is_small() {
    let lib = code(&fs::read_to_string(src().join("lib.rs")).unwrap());
    let mut names: Vec<String> = root_reexports(&lib).into_keys().collect();
    for line in lib.lines() {
        if let Some(rest) = line.trim().strip_prefix("pub mod ") {
            names.push(rest.trim_end_matches([';', '{', ' ']).to_string());
        }
    }
    names.sort();
    names.dedup();
    assert!(
        names.len() <= 30,
        "{} public items at the crate root: {names:?}",
        names.len()
    );
    for core in [
        "Explorer",
        "Filter",
        "Error",
        "PersonId",
        "PersonRef",
        "query",
        "petgraph",
    ] {
        assert!(names.iter().any(|n| n == core), "{core} is not at the root");
    }
}
