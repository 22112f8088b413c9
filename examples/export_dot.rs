//! The main job: pictures of the graph, as DOT and SVG (and PNG with
//! `--png`, drawn by Graphviz when it is installed, else by the built-in
//! renderer when built with `--features png`).
//!
//! ```text
//! cargo run --release --example export_dot                 # into out/
//! cargo run --release --example export_dot -- --out pics --engine builtin
//! cargo run --release --example export_dot -- --data my-data/ --person "Someone"
//! cargo run --release --features png --example export_dot -- --png --engine builtin
//! ```
//!
//! It writes the whole article graph (the twelve music videos tagged
//! `collections: ["article"]` and everyone
//! credited on them), the whole catalog, a person's neighbourhood, a path
//! between two people, and one picture per music video. Graphviz is used
//! when `dot` is on `PATH` (or named by `HALLYU_DOT`); otherwise the
//! built-in renderer draws the SVG, so it works on a fresh machine.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use hallyu::export::{Diagram, View, dot};
use hallyu::model::WorkKind;
use hallyu::render::{Engine, Format, RenderOptions, Renderer};
use hallyu::{Catalog, Explorer, Filter};

/// Write pictures of the hallyu graph.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Where to write the files.
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// A RON file or directory to draw instead of the bundled dataset.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Which renderer draws the SVG (and PNG) files.
    #[arg(long, value_enum, default_value_t = EngineArg::Auto)]
    engine: EngineArg,
    /// Also write PNG files (needs Graphviz, or the `png` feature).
    #[arg(long)]
    png: bool,
    /// The person whose neighbourhood is drawn.
    #[arg(long, default_value = "Park Seo-joon")]
    person: String,
    /// The other end of the path that is drawn.
    #[arg(long, default_value = "Choi Woo-shik")]
    to: String,
    /// How many hops the neighbourhood spans.
    #[arg(long, short = 'k', default_value_t = 1)]
    hops: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum EngineArg {
    Auto,
    Graphviz,
    Builtin,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            let lookup = e
                .downcast_ref::<hallyu::Error>()
                .is_some_and(|e| e.is_not_found() || e.is_ambiguous());
            ExitCode::from(if lookup { 2 } else { 1 })
        }
    }
}

fn run(cli: &Cli) -> Result<(), Box<dyn std::error::Error>> {
    let explorer = match &cli.data {
        Some(path) => Explorer::from_path(path)?,
        None => Explorer::bundled(),
    };
    std::fs::create_dir_all(&cli.out).map_err(|e| io_error(&cli.out, e))?;
    let engine = match cli.engine {
        EngineArg::Auto => Engine::Auto,
        EngineArg::Graphviz => Engine::Graphviz,
        EngineArg::Builtin => Engine::Builtin,
    };

    let me = explorer.person(&cli.person)?;
    let other = explorer.person(&cli.to)?;
    let mvs = Filter::new().kinds([WorkKind::MusicVideo]);
    let mut pictures: Vec<(String, Diagram)> = vec![
        (
            "article".into(),
            View::catalog()
                .filter(mvs)
                .title("12 classic K-pop music videos featuring K-drama actors")
                .diagram(&article(&explorer)?)?,
        ),
        ("catalog".into(), View::catalog().diagram(&explorer)?),
        (
            format!("neighbourhood-{}", explorer.get(me).key()),
            View::neighbourhood(me, cli.hops).diagram(&explorer)?,
        ),
        (
            format!(
                "path-{}-{}",
                explorer.get(me).key(),
                explorer.get(other).key()
            ),
            View::path(me, other).context(1).diagram(&explorer)?,
        ),
    ];
    let mut videos: Vec<_> = explorer
        .works()
        .filter(|&w| explorer.get(w).kind() == WorkKind::MusicVideo)
        .collect();
    videos.sort_by_key(|&w| explorer.get(w).released());
    for w in videos {
        pictures.push((
            format!("mv-{}", explorer.get(w).key()),
            View::work(w).diagram(&explorer)?,
        ));
    }

    let svg = Renderer::new(RenderOptions::new().engine(engine).format(Format::Svg));
    // Auto: Graphviz when it is found, else the built-in renderer (with the
    // `png` feature; without it, a clear error).
    let png = Renderer::new(RenderOptions::new().engine(engine).format(Format::Png));
    let mut warned = std::collections::HashSet::new();
    for (name, diagram) in &pictures {
        let dot_path = cli.out.join(format!("{name}.dot"));
        std::fs::write(&dot_path, dot::to_dot(diagram, &dot::DotOptions::new()))
            .map_err(|e| io_error(&dot_path, e))?;
        println!("wrote {}", dot_path.display());
        let svg_path = cli.out.join(format!("{name}.svg"));
        let made = svg.render_to_file(diagram, &svg_path)?;
        println!(
            "wrote {} ({} renderer)",
            svg_path.display(),
            made.engine().name()
        );
        warn(&mut warned, &made);
        if cli.png {
            let png_path = cli.out.join(format!("{name}.png"));
            let made = png.render_to_file(diagram, &png_path)?;
            println!(
                "wrote {} ({} renderer)",
                png_path.display(),
                made.engine().name()
            );
            warn(&mut warned, &made);
        }
    }
    Ok(())
}

/// The catalog restricted to the works tagged with the `article` collection
/// (the article's twelve videos) and the credits between what is left, so
/// that the article picture stays the twelve however many videos are added.
fn article(explorer: &Explorer) -> hallyu::Result<Explorer> {
    let mut records = explorer.to_records();
    let (kept, dropped): (Vec<_>, Vec<_>) = records
        .works
        .into_iter()
        .partition(|w| w.collections.iter().any(|c| c == "article"));
    let dropped: std::collections::HashSet<String> = dropped.into_iter().map(|w| w.id).collect();
    records.works = kept;
    records
        .credits
        .retain(|c| !dropped.contains(&c.from) && !dropped.contains(&c.to));
    Ok(Explorer::new(Catalog::from_records("article", records)?))
}

fn io_error(path: &Path, e: std::io::Error) -> String {
    format!("cannot write {}: {e}", path.display())
}

/// Prints a renderer's warnings, each distinct one once (the fallback to
/// the built-in renderer would otherwise be repeated for every picture).
fn warn(warned: &mut std::collections::HashSet<String>, made: &hallyu::render::Rendered) {
    for w in made.warnings() {
        if warned.insert(w.clone()) {
            eprintln!("  {}: {w}", made.engine().name());
        }
    }
}
