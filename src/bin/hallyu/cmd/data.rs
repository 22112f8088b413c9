//! Data in and out: `projection`, `export`, `stats`.

use hallyu::Filter;
use hallyu::export::{View, dot};
use hallyu::query::answer::{self, Options};

use super::{Cx, print, write_result};
use crate::Failure;
use crate::args::ExportFormat;
use crate::out::Out;
use crate::source;

pub fn projection(cx: Cx<'_>) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let everything = Options::new().unlimited();
    print(out, &answer::Projection::of(ex, filter, &everything)?)
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
        // Refused before anything is built when a huge cast would make it
        // grow past the limit.
        answer::Projection::check(ex, filter)?;
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
            return print(out, &answer::Written::of(written));
        }
    };
    write_result(file, text.as_bytes(), out)
}

pub fn stats(source: &source::Source, filter: &Filter, out: &mut Out) -> Result<(), Failure> {
    let (kind, path) = (source.kind.name(), source.path.as_deref());
    let import = source.report.as_ref().map(answer::ImportCounts::from);
    print(
        out,
        &answer::Stats::of(&source.explorer, filter, kind, path, import),
    )
}
