//! Data in and out: `projection`, `export`, `stats`.

use hallyu::export::{View, dot};
use hallyu::model::WorkKind;
use hallyu::{Explorer, Filter, PersonId, WorkId};
use serde_json::json;

use super::{Cx, plural, write_result};
use crate::Failure;
use crate::args::ExportFormat;
use crate::glue::person_json;
use crate::out::{Align, Out, Table};
use crate::source;

pub fn projection(cx: Cx<'_>) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let projection = ex.projection(filter);
    let key = |p: PersonId| ex.key(p.into()).into_owned();
    let keys = |ws: &[WorkId]| {
        ws.iter()
            .map(|&w| ex.get(w).key().into_owned())
            .collect::<Vec<_>>()
    };
    out.answer(
        || {
            json!({ "nodes": projection.graph().node_weights().map(|&p| key(p)).collect::<Vec<_>>(),
                    "edges": projection.edges().map(|(a, b, ws)| json!([key(a), key(b), keys(ws)])).collect::<Vec<_>>() })
        },
        || {
            projection
                .edges()
                .map(|(a, b, ws)| format!("{}\t{}\t{}\n", key(a), key(b), keys(ws).join(",")))
                .collect()
        },
    )
}

pub fn export(
    cx: Cx<'_>,
    format: ExportFormat,
    (projection, links): (bool, bool),
    file: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    use hallyu::export::{Network, Shape, csv, gexf, graphml, json, neo4j};
    let shape = if projection {
        Shape::Projection
    } else {
        Shape::Bipartite
    };
    let network = || Network::new(ex, filter, shape);
    let text = match format {
        ExportFormat::Dot => {
            let diagram = View::catalog().filter(filter.clone()).diagram(ex)?;
            dot::to_dot(&diagram, &dot::DotOptions::new())
        }
        ExportFormat::Graphml => graphml::to_graphml(&network()),
        ExportFormat::Gexf => gexf::to_gexf(&network()),
        ExportFormat::Json => json::to_node_link(
            &network(),
            &json::NodeLinkOptions::new().links(links).pretty(true),
        ),
        ExportFormat::Csv => csv::to_edge_list(&network(), b','),
        ExportFormat::Cypher => neo4j::to_cypher(&network(), 500),
        ExportFormat::Neo4j => {
            let Some(dir) = file else {
                return Err(Failure::Usage(
                    "--format neo4j writes several files: give a directory with --out".into(),
                ));
            };
            let written = neo4j::write_dir(&network(), dir)?;
            let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            return out.answer(
                || json!({ "written": names }),
                || names.iter().map(|n| format!("wrote {n}\n")).collect(),
            );
        }
    };
    write_result(file, text.as_bytes(), out)
}

/// The person with the most works under the filter (the first among ties).
fn most_credited(ex: &Explorer, filter: &Filter) -> Option<(PersonId, usize)> {
    ex.people()
        .map(|p| (p, ex.works_of(p, filter).len()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
}

pub fn stats(source: &source::Source, filter: &Filter, out: &mut Out) -> Result<(), Failure> {
    let ex = &source.explorer;
    let mut by_kind: Vec<(WorkKind, usize)> = Vec::new();
    for w in ex.works() {
        let kind = ex.get(w).kind();
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => by_kind.push((kind, 1)),
        }
    }
    by_kind.sort();
    let busiest = most_credited(ex, filter);
    let report = source.report.as_ref();
    out.answer(
        || {
            let mut v = json!({
                "source": source.kind.name(),
                "path": source.path.as_ref().map(|p| p.display().to_string()),
                "people": ex.people().len(), "groups": ex.groups().len(), "works": ex.works().len(),
                "organisations": ex.organisations().len(), "credits": ex.credits().len(),
                "works_by_kind": by_kind.iter().map(|(k, n)| (k.name().to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
                "most_credited": busiest.map(|(p, n)| json!({ "person": person_json(ex, p), "works": n })),
            });
            if let Some(r) = report {
                v["import"] = json!({
                    "names_read": r.names, "titles_read": r.titles, "principals_read": r.principals,
                    "skipped_titles": r.skipped_titles, "skipped_principals": r.skipped_principals,
                    "dangling": r.dangling, "duplicates": r.duplicates,
                    "duplicate_keys": r.duplicate_keys, "bad_rows": r.bad_rows,
                });
            }
            v
        },
        || {
            let mut t = Table::new(&[Align::Left, Align::Right]);
            let from = match &source.path {
                Some(p) => format!("{} ({})", p.display(), source.kind.name()),
                None => "the bundled dataset".to_string(),
            };
            t.row(vec!["people".into(), ex.people().len().to_string()]);
            t.row(vec!["groups".into(), ex.groups().len().to_string()]);
            t.row(vec!["works".into(), ex.works().len().to_string()]);
            for (k, n) in &by_kind {
                t.row(vec![format!("  {}", k.label()), n.to_string()]);
            }
            t.row(vec!["organisations".into(), ex.organisations().len().to_string()]);
            t.row(vec!["credits".into(), ex.credits().len().to_string()]);
            if let Some(r) = report {
                for (label, n) in [
                    ("names read", r.names),
                    ("titles read", r.titles),
                    ("principals read", r.principals),
                    ("skipped titles", r.skipped_titles),
                    ("skipped principals", r.skipped_principals),
                    ("dangling", r.dangling),
                    ("duplicate credits", r.duplicates),
                    ("duplicate keys", r.duplicate_keys),
                    ("bad rows", r.bad_rows),
                ] {
                    t.row(vec![label.into(), n.to_string()]);
                }
            }
            let mut s = format!("{from}\n{t}");
            if let Some((p, n)) = busiest {
                s.push_str(&format!("most credited: {} ({n} work{})\n", ex.label(p.into()), plural(n)));
            }
            s
        },
    )
}
