//! Data in and out: `projection`, `export`, `stats`.

use std::io::{IsTerminal as _, Write as _};

use hallyu::Filter;
use hallyu::export::{View, dot};
use hallyu::query::answer::{self, Options};
use hallyu::render::{Format, RenderOptions, Renderer};

use super::{Cx, Pending, print, write_result};
use crate::Failure;
use crate::args::ExportFormat;
use crate::out::Out;
use crate::source;

pub fn projection(cx: Cx<'_>) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let everything = Options::new().unlimited();
    print(out, &answer::Projection::of(ex, filter, &everything)?)
}

/// The format of an export: `--format`, else the extension of `--out`
/// (a directory, or a name ending in `/`, is for Neo4j), else DOT.
fn export_format(
    format: Option<ExportFormat>,
    file: Option<&std::path::Path>,
) -> Result<ExportFormat, Failure> {
    if let Some(f) = format {
        return Ok(f);
    }
    let Some(path) = file else {
        return Ok(ExportFormat::Dot);
    };
    let listed = || {
        let mut names: Vec<String> = ExportFormat::EXTENSIONS
            .iter()
            .map(|(x, _)| format!(".{x}"))
            .collect();
        names.push("a directory (neo4j)".into());
        names.join(", ")
    };
    let text = path.to_string_lossy();
    if path.is_dir() || text.ends_with('/') {
        return Ok(ExportFormat::Neo4j);
    }
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase);
    match ext {
        Some(ext) => ExportFormat::EXTENSIONS
            .iter()
            .find(|(x, _)| *x == ext)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "--out {}: no format has the extension .{ext}; use one of {}, or --format",
                    path.display(),
                    listed()
                ))
            }),
        None => Err(Failure::Usage(format!(
            "--out {}: the name has no extension to tell the format; use one of {}, or --format",
            path.display(),
            listed()
        ))),
    }
}

pub fn export(
    cx: Cx<'_>,
    format: Option<ExportFormat>,
    (projection, links, csv_formulas): (bool, bool, bool),
    file: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    use hallyu::export::{Network, Shape, csv, gexf, graphml, json, neo4j};
    let format = export_format(format, file)?;
    let shape = if projection {
        // Refused before anything is built when a huge cast would make it
        // grow past the limit.
        answer::Projection::check(ex, filter)?;
        Shape::Projection
    } else {
        Shape::Bipartite
    };
    if format == ExportFormat::Neo4j {
        let Some(dir) = file else {
            return Err(Failure::Usage(
                "--format neo4j writes several files: give a directory with --out".into(),
            ));
        };
        if dir.exists() && !dir.is_dir() {
            return Err(Failure::Usage(format!(
                "--format neo4j writes a directory of CSV files, and --out {} is a file: \
                 give a directory (created if needed)",
                dir.display()
            )));
        }
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::Data(format!("cannot create {}: {e}", dir.display())))?;
        let files = neo4j::to_csv_files(&Network::new(ex, filter, shape));
        let mut written = Vec::new();
        for (name, text) in files {
            let path = dir.join(name);
            Pending::create(&path)?.finish(text.as_bytes())?;
            written.push(path);
        }
        return print(out, &answer::Written::of(written));
    }
    if format == ExportFormat::Png && file.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "a PNG picture is not for a terminal: give --out FILE or pipe it".into(),
        ));
    }
    // The file is opened before the work, so that a bad --out fails first.
    let pending = file.map(Pending::create).transpose()?;
    let network = || Network::new(ex, filter, shape);
    let picture = |f: Format| -> Result<Vec<u8>, Failure> {
        let diagram = View::catalog().filter(filter.clone()).diagram(ex)?;
        let made = Renderer::new(RenderOptions::new().format(f)).render(&diagram)?;
        let mut err = std::io::stderr().lock();
        for w in made.warnings() {
            let _ = writeln!(err, "warning: {}: {w}", made.engine().name());
        }
        Ok(made.into_bytes())
    };
    let bytes = match format {
        ExportFormat::Dot => {
            let diagram = View::catalog().filter(filter.clone()).diagram(ex)?;
            dot::to_dot(&diagram, &dot::DotOptions::new()).into_bytes()
        }
        ExportFormat::Graphml => graphml::to_graphml(&network()).into_bytes(),
        ExportFormat::Gexf => gexf::to_gexf(&network()).into_bytes(),
        ExportFormat::Json => json::to_node_link(
            &network(),
            &json::NodeLinkOptions::new().links(links).pretty(true),
        )
        .into_bytes(),
        ExportFormat::Csv => {
            let options = csv::CsvOptions::new().neutralise_formulas(!csv_formulas);
            let net = Network::new(ex, filter, Shape::Bipartite);
            if projection {
                csv::to_edge_list_with(&net, &options).into_bytes()
            } else {
                csv::to_table(&net, &options).into_bytes()
            }
        }
        ExportFormat::Cypher => neo4j::to_cypher(&network(), 500).into_bytes(),
        ExportFormat::Ron => {
            let records = ex.to_records();
            hallyu::Catalog::from_records("export", records)?
                .to_ron()
                .into_bytes()
        }
        ExportFormat::Svg => picture(Format::Svg)?,
        ExportFormat::Png => picture(Format::Png)?,
        ExportFormat::Neo4j => unreachable!("written above"),
    };
    match pending {
        Some(p) => p.commit(&bytes, out),
        None => write_result(None, &bytes, out),
    }
}

pub fn stats(source: &source::Source, filter: &Filter, out: &mut Out) -> Result<(), Failure> {
    let (kind, path) = (source.kind_name(), source.path.as_deref());
    let import = source.report.as_ref().map(answer::ImportCounts::from);
    print(
        out,
        &answer::Stats::of(source.explorer(), filter, kind, path, import),
    )
}

/// `sources`: what each merged source brought, and the conflicts.
pub fn sources(source: &source::Source, out: &mut Out) -> Result<(), Failure> {
    match &source.merged {
        Some(merged) => print(out, &merged.provenance()),
        None => Err(Failure::Usage(
            "one source, nothing merged: give several (--data A --data B), or --merge to add \
             them to the bundled dataset"
                .into(),
        )),
    }
}
