//! The main job: pictures of the graph, as DOT and SVG (and PNG with
//! `--png`, drawn by Graphviz when it is installed, else by the built-in
//! renderer when built with `--features png`).
//!
//! ```text
//! cargo run --release --example export_dot                 # into out/
//! cargo run --release --example export_dot -- --out pics --engine builtin
//! cargo run --release --example export_dot -- --data my-data/ --person "Someone" --to "Another"
//! cargo run --release --features png --example export_dot -- --png --engine builtin
//! ```
//!
//! It writes the article graph (the twelve music videos and everyone
//! credited on them), the whole catalog, a person's neighbourhood, a path
//! between two people, and one picture per music video. A `--data` set
//! without the default people skips the neighbourhood and the path.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

use hallyu::Explorer;
use hallyu::export::{Diagram, View, dot};
use hallyu::model::WorkKind;
use hallyu::render::{Engine, Format, RenderOptions, Renderer};

#[macro_use]
mod common;

const HELP: &str = "\
Write pictures of the hallyu graph (DOT and SVG, optionally PNG).

Usage: export_dot [OPTIONS]

Options:
  --out DIR         where to write the files [default: out]
  --data PATH       a RON file or directory instead of the bundled dataset
  --engine ENGINE   auto, graphviz or builtin [default: auto]
  --png             also write PNG files (Graphviz, or the `png` feature)
  --person NAME     whose neighbourhood is drawn [default: Park Seo-joon]
  --to NAME         the other end of the drawn path [default: Choi Woo-shik]
  -k, --hops K      how many hops the neighbourhood spans [default: 1]
  -h, --help        print this help";

struct Args {
    out: PathBuf,
    data: Option<PathBuf>,
    engine: Engine,
    png: bool,
    person: Option<String>,
    to: Option<String>,
    hops: usize,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let (mut out, mut data, mut engine, mut png) =
        (PathBuf::from("out"), None, Engine::Auto, false);
    let (mut person, mut to, mut hops) = (None, None, 1);
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("out") => out = parser.value()?.into(),
            Long("data") => data = Some(parser.value()?.into()),
            Long("engine") => engine = parse_engine(&parser.value()?.string()?)?,
            Long("png") => png = true,
            Long("person") => person = Some(parser.value()?.string()?),
            Long("to") => to = Some(parser.value()?.string()?),
            Short('k') | Long("hops") => {
                let value = parser.value()?.string()?;
                hops = match value.parse::<usize>() {
                    Ok(k) if k <= hallyu::query::NeighbourhoodOptions::MAX_HOPS => k,
                    _ => {
                        return Err(format!(
                            "--hops must be a whole number from 0 to {}, not {value:?}",
                            hallyu::query::NeighbourhoodOptions::MAX_HOPS
                        )
                        .into());
                    }
                };
            }
            Short('h') | Long("help") => {
                say!("{HELP}\n");
                std::process::exit(0);
            }
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Args {
        out,
        data,
        engine,
        png,
        person,
        to,
        hops,
    })
}

fn parse_engine(name: &str) -> Result<Engine, lexopt::Error> {
    Ok(match name {
        "auto" => Engine::Auto,
        "graphviz" => Engine::Graphviz,
        "builtin" => Engine::Builtin,
        _ => return Err(format!("unknown engine {name:?}: auto, graphviz or builtin").into()),
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
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

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let explorer = args
        .data
        .as_ref()
        .map_or_else(|| Ok(Explorer::bundled()), Explorer::from_path)?;
    // The works tagged `article`: the twelve videos of the seed article,
    // however many other videos the data holds.
    let article = View::catalog()
        .collection("article")
        .title("12 classic K-pop music videos featuring K-drama actors");
    let mut pictures: Vec<(String, Diagram)> = vec![
        ("article".into(), article.diagram(&explorer)?),
        ("catalog".into(), View::catalog().diagram(&explorer)?),
    ];
    // Other data may lack the default people: then their pictures are skipped.
    let person = |name: &Option<String>, default: &str| match name {
        Some(n) => explorer.person(n).map(Some),
        None => Ok(explorer.person(default).ok()),
    };
    let me = person(&args.person, "Park Seo-joon")?;
    let other = person(&args.to, "Choi Woo-shik")?;
    if let Some(me) = me {
        let key = explorer.key(me.into());
        pictures.push((
            format!("neighbourhood-{key}"),
            View::neighbourhood(me, args.hops).diagram(&explorer)?,
        ));
        if let Some(other) = other {
            let name = format!("path-{key}-{}", explorer.key(other.into()));
            pictures.push((name, View::path(me, other).context(1).diagram(&explorer)?));
        }
    }
    let mut videos: Vec<_> = explorer
        .works()
        .filter(|&w| explorer.get(w).kind() == WorkKind::MusicVideo)
        .collect();
    videos.sort_by_key(|&w| explorer.get(w).released());
    for w in videos {
        pictures.push((
            format!("mv-{}", explorer.key(w.into())),
            View::work(w).diagram(&explorer)?,
        ));
    }

    if args.out.exists() && !args.out.is_dir() {
        return Err(format!(
            "{} is a file: --out names the directory the pictures are written into",
            args.out.display()
        )
        .into());
    }
    std::fs::create_dir_all(&args.out).map_err(|e| io_error(&args.out, e))?;
    let svg = Renderer::new(RenderOptions::new().engine(args.engine).format(Format::Svg));
    let png = Renderer::new(RenderOptions::new().engine(args.engine).format(Format::Png));
    let mut warned = HashSet::new();
    for (name, diagram) in &pictures {
        let dot_path = args.out.join(format!("{name}.dot"));
        std::fs::write(&dot_path, dot::to_dot(diagram, &dot::DotOptions::new()))
            .map_err(|e| io_error(&dot_path, e))?;
        say!("wrote {}\n", dot_path.display());
        for renderer in [Some(&svg), args.png.then_some(&png)].into_iter().flatten() {
            let path = args.out.join(format!(
                "{name}.{}",
                renderer.options().get_format().extension()
            ));
            let made = renderer.render_to_file(diagram, &path)?;
            say!(
                "wrote {} ({} renderer)\n",
                path.display(),
                made.engine().name()
            );
            // Each distinct warning once (a fallback would repeat for every picture).
            for w in made.warnings() {
                if warned.insert(w.clone()) {
                    eprintln!("  {}: {w}", made.engine().name());
                }
            }
        }
    }
    Ok(())
}

fn io_error(path: &std::path::Path, e: std::io::Error) -> String {
    format!("cannot write {}: {e}", path.display())
}
