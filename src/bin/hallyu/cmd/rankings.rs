//! Whole-graph rankings: `centre` (and `--all`), `rank`, `components`, `cores`, `communities`.

use std::io::{self, IsTerminal, Write};

use hallyu::export::csv;
use hallyu::query::answer::{self, Options};
use hallyu::query::{CentreOptions, Measure};

use super::{Cx, plural, print};
use crate::Failure;
use crate::out::escape_controls;
use crate::source;

pub fn centre(cx: Cx<'_>, top: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let centre = {
        let _busy = source::Busy::new(ex, "searching for the centre");
        answer::Centre::of(ex, filter, &Options::new().limit(top))
    };
    print(out, &centre)
}

/// The rows of `centre --all`: CSV with a header (unless resuming into a
/// file), or JSON lines; on stdout every row is written as its pass of
/// searches ends. With `--out`, the rows go to a temporary file beside it
/// (after the file's rows when resuming), renamed over it when the run
/// ends or is stopped by Ctrl-C, so that the file is never half written.
pub fn centre_all(cx: Cx<'_>, start: usize, file: Option<&std::path::Path>) -> Result<(), Failure> {
    use std::sync::atomic::{AtomicBool, Ordering};
    static STOP: AtomicBool = AtomicBool::new(false);
    let Cx { ex, filter, out } = cx;
    let json_lines = out.is_json();
    let mut pending = match file {
        Some(path) => {
            let mut pending = super::Pending::create(path)?;
            if start > 0 && path.is_file() {
                let mut before = std::fs::File::open(path)
                    .map_err(|e| Failure::Data(format!("cannot read {}: {e}", path.display())))?;
                io::copy(&mut before, pending.file())
                    .map_err(|e| Failure::Data(format!("cannot copy {}: {e}", path.display())))?;
            }
            Some(pending)
        }
        None => None,
    };
    let mut to_file = pending.as_mut().map(|p| io::BufWriter::new(p.file()));
    let w: &mut dyn Write = match to_file.as_mut() {
        Some(f) => f,
        None => out.writer(),
    };
    if !json_lines && (start == 0 || file.is_none()) {
        writeln!(w, "position,id,name,mean_distance,eccentricity,histogram")?;
    }
    ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::Relaxed) {
            std::process::exit(130);
        }
        eprintln!("stopping at the end of the passes under way (Ctrl-C again quits now)");
    })
    .map_err(|e| Failure::Data(format!("cannot catch Ctrl-C: {e}")))?;
    let bar = source::progress_bar("centre: {pos}/{len} people, {elapsed} (about {eta} left)");
    let mut failed: Option<io::Error> = None;
    let began = std::time::Instant::now();
    let lanes = CentreOptions::new().get_lanes();
    let options = CentreOptions::new()
        .start(start)
        .cancel(&STOP)
        .progress(|p| {
            if let Some(bar) = &bar {
                bar.set_length((start + p.total) as u64);
                bar.set_position((start + p.done) as u64);
            }
            std::ops::ControlFlow::Continue(())
        });
    let run = ex.centre_all(options, filter, |row| {
        let line = answer::CentreRow::of(ex, &row);
        let written = if json_lines {
            serde_json::to_writer(&mut *w, &line)
                .map_err(io::Error::from)
                .and_then(|()| w.write_all(b"\n"))
        } else {
            writeln!(w, "{}", csv_line(&line))
        };
        // A pass's rows reach the file when it ends.
        let pass_ends = (row.position + 1 - start).is_multiple_of(lanes);
        match written.and_then(|()| if pass_ends { w.flush() } else { Ok(()) }) {
            Ok(()) => std::ops::ControlFlow::Continue(()),
            Err(e) => {
                failed = Some(e);
                std::ops::ControlFlow::Break(())
            }
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(e) = failed {
        return Err(Failure::Io(e));
    }
    w.flush()?;
    drop(to_file);
    if let Some(pending) = pending {
        pending.persist()?;
    }
    let rows = run.next - run.start;
    if run.stopped {
        return Err(Failure::Interrupted(format!(
            "{rows} row{} written, positions {}..{} of {}; resume with --start {}",
            plural(rows),
            run.start,
            run.next,
            run.component_size,
            run.next
        )));
    }
    if io::stderr().is_terminal() || file.is_some() {
        eprintln!(
            "centre: {rows} row{} for the main component of {} people in {:.1?}",
            plural(rows),
            run.component_size,
            began.elapsed()
        );
    }
    Ok(())
}

/// A row of `centre --all` as CSV.
fn csv_line(row: &answer::CentreRow) -> String {
    let field = |s: &str| csv::field(&escape_controls(s), b',').into_owned();
    let histogram: Vec<String> = row.histogram.iter().map(|c| c.to_string()).collect();
    format!(
        "{},{},{},{},{},{}",
        row.position,
        field(&row.id),
        field(&row.name),
        row.mean_distance
            .map_or(String::new(), |m| format!("{m:.6}")),
        row.eccentricity,
        histogram.join(" ")
    )
}

pub fn rank(cx: Cx<'_>, by: Measure, options: &answer::RankOptions) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let rank = if by == Measure::Closeness {
        let bar =
            source::progress_bar("closeness: {pos}/{len} people, {elapsed} (about {eta} left)");
        let rank = answer::Rank::with_progress(ex, filter, by, options, |p| {
            if let Some(bar) = &bar {
                bar.set_length(p.total as u64);
                bar.set_position(p.done as u64);
            }
        });
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        rank?
    } else {
        let _busy = source::Busy::new(ex, "computing centralities");
        answer::Rank::of(ex, filter, by, options)?
    };
    print(out, &rank)
}

pub fn components(cx: Cx<'_>, top: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let components = {
        let _busy = source::Busy::new(ex, "finding components");
        answer::Components::of(ex, filter, &Options::new().limit(top))
    };
    print(out, &components)
}

pub fn cores(cx: Cx<'_>, top: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let cores = {
        let _busy = source::Busy::new(ex, "finding cores");
        answer::Cores::of(ex, filter, &Options::new().limit(top))
    };
    print(out, &cores)
}

pub fn communities(
    cx: Cx<'_>,
    options: hallyu::query::CommunityOptions,
    top: usize,
) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let communities = {
        let _busy = source::Busy::new(ex, "finding communities");
        answer::Communities::of(ex, &options, filter, &Options::new().limit(top))?
    };
    print(out, &communities)
}
