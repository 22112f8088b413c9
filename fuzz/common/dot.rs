//! The check behind the `dot` fuzz target, shared with the seed replay in
//! `tests/fuzz_seeds.rs` (both include this file with `#[path]`).
//!
//! The input, read as UTF-8 (lossily), is a title and then node labels,
//! separated by U+0001; consecutive nodes are joined by an edge labelled
//! like the later node. The DOT text must parse back with graphviz-rust's
//! parser, with every node label intact.

use graphviz_rust::dot_structures::{Graph, Stmt};
use hallyu::export::{Diagram, NodeKind, dot};
use hallyu::model::{RoleKind, WorkKind};

/// Builds the diagram of `data`, exports it and checks the text.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\u{1}');
    let mut diagram = Diagram::new(parts.next().unwrap_or_default());
    let mut labels = Vec::new();
    for (i, label) in parts.enumerate() {
        let key = format!("n{i}-{label}");
        let kind = if i % 2 == 0 {
            NodeKind::Person
        } else {
            NodeKind::Work(WorkKind::Drama)
        };
        let n = diagram.add_node(&key, kind, label);
        if n == diagram.nodes.len() - 1 {
            labels.push(label.replace('\u{0}', "\u{fffd}"));
        }
        if i > 0 {
            diagram.add_edge(n - 1, n, RoleKind::Lead, label);
        }
    }
    let text = dot::to_dot(&diagram, &dot::DotOptions::new().legend(false));
    let parsed = graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let Graph::DiGraph { stmts, .. } = parsed else {
        panic!("not a digraph")
    };
    let mut found = Vec::new();
    for stmt in stmts {
        if let Stmt::Node(node) = stmt {
            for attr in node.attributes {
                if dot::unquote(&attr.0) == "label" {
                    found.push(dot::unquote(&attr.1));
                }
            }
        }
    }
    for label in &labels {
        assert!(found.contains(label), "label {label:?} lost in\n{text}");
    }
}
