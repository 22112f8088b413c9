//! The nodes and edges of graph files (node-link JSON, GraphML, GEXF) and
//! their attributes, turned into records one at a time ([`GraphReader`]).

use std::collections::HashMap;

use super::Loaded;
use super::files::{at, parse_error};
use super::records::{Provenance, Staged, duplicate};
use super::words::{article, billing_of_word, kind_of_word, norm, role_of_kind, role_of_word};
use crate::error::{ErrorKind, Location};
use crate::model::columns::{PROVENANCE_COLUMNS, ROLE_COLUMNS, joined};
use crate::model::{Confidence, GroupKind, OrganisationKind, PartialDate, RecordKind, WorkKind};

/// An attribute value of a graph file.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Attr {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    List(Vec<String>),
}

impl Attr {
    fn text(&self) -> String {
        match self {
            Attr::Text(s) => s.clone(),
            Attr::Int(i) => i.to_string(),
            Attr::Float(f) => f.to_string(),
            Attr::Bool(b) => b.to_string(),
            Attr::List(l) => l.join("; "),
        }
    }

    fn int(&self) -> Option<i64> {
        match self {
            Attr::Int(i) => Some(*i),
            Attr::Float(f) if f.fract() == 0.0 => Some(*f as i64),
            Attr::Float(_) => None,
            Attr::Text(s) => s.trim().parse().ok(),
            Attr::Bool(b) => Some(i64::from(*b)),
            Attr::List(_) => None,
        }
    }

    fn list(&self) -> Vec<String> {
        match self {
            Attr::List(l) => l.clone(),
            other => other
                .text()
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        }
    }
}

/// A node of a graph file.
#[derive(Clone, Debug)]
pub(crate) struct GraphNode {
    pub(crate) id: String,
    pub(crate) attrs: HashMap<String, Attr>,
    pub(crate) location: Location,
}

/// An edge of a graph file.
#[derive(Clone, Debug)]
pub(crate) struct GraphEdge {
    pub(crate) source: String,
    pub(crate) target: String,
    pub(crate) attrs: HashMap<String, Attr>,
    pub(crate) location: Location,
    /// Where the source and target ids are written.
    pub(crate) ends: [Location; 2],
}

/// Undoes the escape of the XML exports (`\u{HEX}` for a character XML 1.0
/// forbids, `\\` for a backslash before such an escape): see
/// `export::graphml`.
pub(crate) fn unescape_forbidden(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\\') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(tail) = after.strip_prefix('\\') {
            out.push('\\');
            rest = tail;
        } else if let Some(tail) = after.strip_prefix("u{")
            && let Some(end) = tail.find('}')
            && let Ok(code) = u32::from_str_radix(&tail[..end], 16)
            && let Some(c) = char::from_u32(code)
        {
            out.push(c);
            rest = &tail[end + 1..];
        } else {
            out.push('\\');
            rest = after;
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

const NODE_READ: [&str; 17] = [
    "kind",
    "bipartite",
    "label",
    "name",
    "title",
    "hangul",
    "aliases",
    "work_kind",
    "group_kind",
    "organisation_kind",
    "year",
    "start",
    "released",
    "born",
    "confidence",
    "sources",
    "notes",
];
const EDGE_READ: [&str; 17] = joined(&[
    &ROLE_COLUMNS,
    &["unverified"],
    &PROVENANCE_COLUMNS,
    &["weight", "year", "key", "id", "via", "start"],
]);
/// Fills the records from the nodes and edges of a NetworkX-style graph
/// file, node by node and edge by edge as the streaming readers give them
/// (each is turned into records at once): people and works told apart by
/// `bipartite` (0 or 1) or `kind` (`person`, `group`, `work`,
/// `organisation` or a work kind). Edges with a `role_kind` keep their
/// exact role (a membership with its years, a contract, a link between
/// works); others are read as a person's (or group's) credit on a work by
/// their `role` word. An edge whose role does not fit its ends, a
/// self-loop and an exact repeat are skipped and counted. An edge whose ends are not known yet (an edge written
/// before its nodes) waits until the end of the file.
#[derive(Default)]
pub(crate) struct GraphReader {
    s: Staged,
    /// Attributes no reader reads, reported once each (what the exports
    /// write for other programs, such as `weight`, is not reported).
    /// By owner: nodes, then edges.
    unread: [std::collections::BTreeMap<String, Location>; 2],
    /// Edges read before one of their nodes.
    waiting: Vec<GraphEdge>,
}

impl GraphReader {
    /// The record with id `id` (ids are unique across kinds), with where
    /// it was defined: the staged records' own keys, not a copy.
    fn record(&self, id: &str) -> Option<(RecordKind, usize, &Location)> {
        let s = &self.s;
        [
            (RecordKind::Person, &s.people_by_key),
            (RecordKind::Group, &s.groups_by_key),
            (RecordKind::Work, &s.works_by_key),
            (RecordKind::Organisation, &s.organisations_by_key),
        ]
        .into_iter()
        .find_map(|(kind, by_key)| by_key.get(id).map(|(i, l)| (kind, *i, l)))
    }

    /// The kind of the record with id `id`, when it has been read.
    pub(crate) fn kind_of(&self, id: &str) -> Option<RecordKind> {
        self.record(id).map(|(kind, _, _)| kind)
    }

    /// Where the record with id `id` was defined.
    fn defined_at(&self, id: &str) -> Option<&Location> {
        self.record(id).map(|(_, _, l)| l)
    }

    /// Adds a node: a person, group, work or organisation.
    pub(crate) fn node(&mut self, n: GraphNode) -> crate::error::Result<()> {
        for name in n.attrs.keys().filter(|k| !NODE_READ.contains(&k.as_str())) {
            note_unread(&mut self.unread[0], name, &n.location);
        }
        if let Some(first) = self.defined_at(&n.id) {
            return Err(duplicate(&n.id, first, n.location.clone()));
        }
        let s = &mut self.s;
        let kind = n.attrs.get("kind").map(Attr::text).map(|k| norm(&k));
        let bipartite = n.attrs.get("bipartite").and_then(Attr::int);
        let record_kind = match (kind.as_deref(), bipartite) {
            (Some("person"), _) => RecordKind::Person,
            (Some("group"), _) => RecordKind::Group,
            (Some("organisation" | "organization"), _) => RecordKind::Organisation,
            (Some("work"), _) => RecordKind::Work,
            (Some(k), None) if kind_of_word(Some(k)).0 != WorkKind::Other || k == "other" => {
                RecordKind::Work
            }
            (_, Some(0)) => RecordKind::Person,
            (_, Some(1)) => RecordKind::Work,
            (_, Some(b)) => {
                return Err(at(
                    ErrorKind::InvalidValue {
                        what: "bipartite",
                        value: b.to_string(),
                        expected: vec!["0 (people)".into(), "1 (works)".into()],
                    },
                    n.location.clone(),
                ));
            }
            (Some(k), None) => {
                return Err(at(
                    ErrorKind::InvalidValue {
                        what: "node kind",
                        value: k.to_string(),
                        expected: vec![
                            "person".into(),
                            "group".into(),
                            "work".into(),
                            "organisation".into(),
                            "a work kind".into(),
                        ],
                    },
                    n.location.clone(),
                ));
            }
            (None, None) => {
                return Err(parse_error(
                    format!(
                        "node \"{}\" has neither a \"bipartite\" nor a \"kind\" attribute",
                        n.id
                    ),
                    n.location.clone(),
                ));
            }
        };
        let label = n
            .attrs
            .get("label")
            .or_else(|| n.attrs.get("name"))
            .or_else(|| n.attrs.get("title"))
            .map(Attr::text)
            .unwrap_or_else(|| n.id.clone());
        let hangul = n.attrs.get("hangul").map(Attr::text);
        let aliases = n.attrs.get("aliases").map(Attr::list).unwrap_or_default();
        let number = |name: &'static str| -> crate::error::Result<Option<i32>> {
            number_attr(&n.attrs, name, &n.location)
        };
        let provenance = provenance_of(&n.attrs, &n.location)?;
        let i = match record_kind {
            RecordKind::Work => {
                let word = n
                    .attrs
                    .get("work_kind")
                    .map(Attr::text)
                    .or_else(|| kind.clone().filter(|k| k != "work"));
                let (wk, generic) = kind_of_word(word.as_deref());
                s.report.generic_kinds += usize::from(generic);
                let year = match number("year")? {
                    Some(y) => Some(y),
                    None => number("start")?,
                };
                let i = s.work(&n.id, &label, wk, year, hangul, aliases, n.location.clone())?;
                if let Some(d) = n.attrs.get("released").map(Attr::text)
                    && let Ok(date) = d.trim().parse::<PartialDate>()
                    && Some(date.year) == year
                {
                    s.records.works[i].released = date;
                }
                i
            }
            RecordKind::Person => {
                let born = number("born")?;
                s.person(&n.id, &label, hangul, aliases, born, n.location.clone())?
            }
            RecordKind::Group => {
                let word = n.attrs.get("group_kind").map(Attr::text);
                let kind = word.as_deref().and_then(GroupKind::from_word);
                s.report.generic_kinds += usize::from(kind.is_none());
                let kind = kind.unwrap_or(GroupKind::Band);
                s.group(&n.id, &label, kind, hangul, aliases, n.location.clone())?
            }
            RecordKind::Organisation => {
                let word = n.attrs.get("organisation_kind").map(Attr::text);
                let kind = word.as_deref().and_then(OrganisationKind::from_word);
                s.report.generic_kinds += usize::from(kind.is_none());
                let kind = kind.unwrap_or(OrganisationKind::Label);
                s.organisation(&n.id, &label, kind, hangul, aliases, n.location.clone())?
            }
        };
        s.provenance(record_kind, i, provenance);
        Ok(())
    }

    /// Adds an edge, or keeps it for the end when one of its ends is not
    /// known yet.
    pub(crate) fn edge(&mut self, e: GraphEdge) -> crate::error::Result<()> {
        if self.record(&e.source).is_none() || self.record(&e.target).is_none() {
            self.waiting.push(e);
            return Ok(());
        }
        self.known_edge(e)
    }

    fn known_edge(&mut self, e: GraphEdge) -> crate::error::Result<()> {
        for name in e.attrs.keys().filter(|k| !EDGE_READ.contains(&k.as_str())) {
            note_unread(&mut self.unread[1], name, &e.location);
        }
        let end = |id: &str| self.record(id).map(|(kind, i, _)| (kind, i));
        let (Some(a), Some(b)) = (end(&e.source), end(&e.target)) else {
            return Ok(()); // not reached: the caller checks both ends
        };
        let s = &mut self.s;
        if e.source == e.target {
            s.skip(
                e.location.clone(),
                format!("edge \"{}\" – \"{}\" is a self-loop", e.source, e.target),
            );
            return Ok(());
        }
        let billing = match e.attrs.get("billing").map(Attr::text) {
            None => None,
            Some(b) => billing_of_word(&b).ok_or_else(|| {
                at(
                    ErrorKind::InvalidValue {
                        what: "billing",
                        value: b.clone(),
                        expected: ["lead", "supporting", "cameo"].map(String::from).to_vec(),
                    },
                    e.location.clone(),
                )
            })?,
        };
        let word = e.attrs.get("role").map(Attr::text);
        let character = e.attrs.get("character").map(Attr::text);
        let exact = role_of_kind(
            e.attrs.get("role_kind").map(Attr::text).as_deref(),
            word.as_deref(),
            character.clone(),
            e.attrs.get("song").map(Attr::text),
            number_attr(&e.attrs, "since", &e.location)?,
            number_attr(&e.attrs, "until", &e.location)?,
        );
        let (role, generic) = match exact {
            Some(role) => (role, false),
            None => role_of_word(word.as_deref(), billing, character),
        };
        // The ends in the order the role takes them (the file's edges are
        // undirected).
        let ends = if role.fits(a.0, b.0) {
            [a, b]
        } else if role.fits(b.0, a.0) {
            [b, a]
        } else {
            s.skip(
                e.location.clone(),
                format!(
                    "edge \"{}\" – \"{}\" links {} and {}: a {} role links {}",
                    e.source,
                    e.target,
                    article(a.0),
                    article(b.0),
                    role.word(),
                    role.expected_ends()
                ),
            );
            return Ok(());
        };
        let mut provenance = provenance_of(&e.attrs, &e.location)?;
        if !e.attrs.contains_key("confidence") {
            let unverified = matches!(e.attrs.get("unverified"), Some(Attr::Bool(true)))
                || matches!(e.attrs.get("unverified"), Some(Attr::Text(t)) if t == "true");
            if unverified {
                provenance.confidence = Confidence::Unverified;
            }
        }
        s.link(ends, role, generic, provenance, e.location.clone());
        Ok(())
    }

    /// The edges that waited for their nodes, then the records and the
    /// graph; the attributes not read are reported first.
    pub(crate) fn finish(mut self) -> crate::error::Result<Loaded> {
        for e in std::mem::take(&mut self.waiting) {
            for (end, loc) in [(&e.source, &e.ends[0]), (&e.target, &e.ends[1])] {
                if self.record(end).is_none() {
                    let s = &self.s;
                    let ids = (s.people_by_key.keys())
                        .chain(s.groups_by_key.keys())
                        .chain(s.works_by_key.keys())
                        .chain(s.organisations_by_key.keys())
                        .map(String::as_str);
                    let suggestion = crate::search::closest(end, ids).map(str::to_string);
                    return Err(at(
                        ErrorKind::UnknownReference {
                            id: end.clone(),
                            suggestion,
                        },
                        loc.clone(),
                    ));
                }
            }
            self.known_edge(e)?;
        }
        let [nodes, edges] = std::mem::take(&mut self.unread);
        let mut skipped: Vec<(Location, String)> = (nodes.into_iter().map(|n| ("node", n)))
            .chain(edges.into_iter().map(|e| ("edge", e)))
            .map(|(owner, (name, location))| {
                let why = format!("{owner} attribute \"{name}\" is not read");
                (location, why)
            })
            .collect();
        skipped.append(&mut self.s.report.skipped);
        self.s.report.skipped = skipped;
        Ok(self.s.finish())
    }
}

/// Notes where an attribute no reader reads first appears.
fn note_unread(
    unread: &mut std::collections::BTreeMap<String, Location>,
    name: &str,
    at: &Location,
) {
    if unread.get(name).is_none() {
        unread.insert(name.to_string(), at.clone());
    }
}

/// A whole-number attribute, `None` when absent or empty.
fn number_attr(
    attrs: &HashMap<String, Attr>,
    name: &'static str,
    location: &Location,
) -> crate::error::Result<Option<i32>> {
    match attrs.get(name) {
        None => Ok(None),
        Some(Attr::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(a) => a
            .int()
            .and_then(|i| i32::try_from(i).ok())
            .map(Some)
            .ok_or_else(|| {
                at(
                    ErrorKind::InvalidValue {
                        what: name,
                        value: a.text(),
                        expected: vec!["a whole number".into()],
                    },
                    location.clone(),
                )
            }),
    }
}

/// The `confidence`, `sources` and `notes` attributes.
fn provenance_of(
    attrs: &HashMap<String, Attr>,
    location: &Location,
) -> crate::error::Result<Provenance> {
    let confidence = match attrs.get("confidence").map(Attr::text) {
        None => Confidence::Confirmed,
        Some(w) => Confidence::from_word(&w).ok_or_else(|| {
            at(
                ErrorKind::InvalidValue {
                    what: "confidence",
                    value: w.clone(),
                    expected: ["confirmed", "secondary", "unverified"]
                        .map(String::from)
                        .to_vec(),
                },
                location.clone(),
            )
        })?,
    };
    Ok(Provenance {
        confidence,
        sources: attrs.get("sources").map(Attr::list).unwrap_or_default(),
        notes: attrs.get("notes").map(Attr::text),
    })
}
