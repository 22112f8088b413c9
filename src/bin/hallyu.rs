//! `hallyu`: ask the graph of Korean pop culture who appeared with whom,
//! on the bundled dataset, a RON catalog or an IMDb dump.
//!
//! Built with the `cli` feature: `cargo install --path . --features cli`.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

#[path = "hallyu/args.rs"]
mod args;
#[path = "hallyu/cmd/mod.rs"]
mod cmd;
#[path = "hallyu/glue.rs"]
mod glue;
#[path = "hallyu/out.rs"]
mod out;
#[path = "hallyu/source.rs"]
mod source;

use args::{Cli, Command, Shell};
use out::Out;

/// Why a command gave no answer, and so the exit status.
pub enum Failure {
    /// Status 2: bad arguments.
    Usage(String),
    /// Status 2: a name that matches nothing, or several things.
    Lookup(hallyu::Error),
    /// Status 1: bad data, a failed render.
    Data(String),
    /// Status 1, or 0 for a closed pipe.
    Io(io::Error),
    /// Status 130: stopped by Ctrl-C, with what to do next.
    Interrupted(String),
}

impl From<hallyu::Error> for Failure {
    fn from(e: hallyu::Error) -> Failure {
        if e.is_not_found() || e.is_ambiguous() {
            Failure::Lookup(e)
        } else {
            Failure::Data(e.to_string())
        }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Io(e)
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout, errors to stderr; a closed
            // stdout is not an error.
            let _ = e.print();
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let mut out = Out::new(cli.common.json);
    let result = run(&cli, &mut out).and_then(|()| out.flush().map_err(Failure::from));
    let (status, message) = match result {
        Ok(()) => (0, None),
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => (0, None),
        Err(Failure::Io(e)) => (1, Some(e.to_string())),
        Err(Failure::Data(m)) => (1, Some(m)),
        Err(Failure::Usage(m)) => (2, Some(m)),
        Err(Failure::Lookup(e)) => (2, Some(e.to_string())),
        Err(Failure::Interrupted(m)) => (130, Some(m)),
    };
    if let Some(m) = message {
        let what = if status == 130 { "stopped" } else { "error" };
        let _ = writeln!(io::stderr().lock(), "{what}: {}", out::escape_controls(&m));
    }
    ExitCode::from(status)
}

fn run(cli: &Cli, out: &mut Out) -> Result<(), Failure> {
    if let Command::Completions { shell } = cli.command {
        return completions(shell, out);
    }
    if let Command::Diff {
        old,
        new,
        from,
        centre,
        top,
    } = &cli.command
    {
        let c = &cli.common;
        if !c.data.is_empty() || !c.wikidata.is_empty() || c.merge {
            return Err(Failure::Usage(
                "diff reads the two paths it is given: leave out --data, --wikidata and --merge"
                    .into(),
            ));
        }
        let args = cmd::DiffArgs {
            old,
            new,
            korean: cli.common.korean,
            from: from.as_deref(),
            centre: *centre,
            top: top.top,
        };
        return cmd::diff(&args, &cli.common.filter.filter(), out);
    }
    let c = &cli.common;
    let source = source::open(&c.data, &c.wikidata, c.merge, c.korean)?;
    let ex = source.explorer();
    let filter = cli.common.filter.filter();
    let cx = cmd::Cx {
        ex,
        filter: &filter,
        out,
    };
    match &cli.command {
        Command::Info { name } => cmd::info(cx, name),
        Command::Search { query, limit } => cmd::search(cx, query, *limit),
        Command::Costars { name, top } => cmd::costars(cx, name, top.top),
        Command::Shared { a, b } => cmd::shared(cx, a, b),
        Command::Works { name } => cmd::works(cx, name),
        Command::Cast { title } => cmd::cast(cx, title),
        Command::Path {
            a,
            b,
            route,
            via,
            strongest,
            in_order,
        } => cmd::path(
            cx,
            source.merged.as_ref(),
            a,
            b,
            route,
            via.as_deref(),
            (*strongest, *in_order),
        ),
        Command::Paths {
            a,
            b,
            limit,
            k,
            max_hops,
            route,
        } => cmd::paths(
            cx,
            a,
            b,
            *limit,
            (k.map(|k| k as usize), max_hops.map(|n| n as usize)),
            route,
        ),
        Command::Bacon { name } => cmd::bacon(cx, name),
        Command::Centre {
            all: true,
            start,
            out: file,
            ..
        } => cmd::centre_all(cx, *start, file.as_deref()),
        Command::Centre { top, .. } => cmd::centre(cx, top.top),
        Command::Rank {
            by,
            top,
            exact_up_to,
            epsilon,
            delta,
        } => {
            let sampling = hallyu::query::BetweennessOptions::new()
                .epsilon(*epsilon)
                .delta(*delta);
            let options = hallyu::query::answer::RankOptions::new()
                .limit(top.top)
                .exact_up_to(*exact_up_to)
                .betweenness(sampling);
            cmd::rank(cx, *by, &options)
        }
        Command::Components { top } => cmd::components(cx, top.top),
        Command::Cores { top } => cmd::cores(cx, top.top),
        Command::Communities { options, top } => cmd::communities(cx, options.options(), top.top),
        Command::Neighbours { name, hops } => cmd::neighbours(cx, name, *hops),
        Command::Introduce { a, b } => cmd::introduce(cx, a, b),
        Command::Recommend { name, top } => cmd::recommend(cx, name, top.top),
        Command::Projection => cmd::projection(cx),
        Command::List { what } => cmd::list(cx, *what),
        Command::Draw { view, picture } => cmd::draw(cx, view, picture),
        Command::Export {
            format,
            projection,
            links,
            csv_formulas,
            out: file,
        } => cmd::export(
            cx,
            *format,
            (*projection, *links, *csv_formulas),
            file.as_deref(),
        ),
        Command::Html {
            view,
            out: file,
            max_records,
            no_communities,
        } => cmd::html(
            cx,
            view.as_ref(),
            *max_records as usize,
            !*no_communities,
            file.as_deref(),
        ),
        Command::Serve { port, time_limit } => cmd::serve(ex.clone(), &filter, *port, *time_limit),
        Command::Stats => cmd::stats(&source, cx.filter, cx.out),
        Command::Sources => cmd::sources(&source, cx.out),
        Command::Completions { .. } | Command::Diff { .. } => unreachable!("answered above"),
    }
}

fn completions(shell: Shell, out: &mut Out) -> Result<(), Failure> {
    use clap_complete::Shell as S;
    let shell = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
    };
    // clap_complete panics on a failed write: write to memory first.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "hallyu", &mut script);
    Ok(out.bytes(&script)?)
}
