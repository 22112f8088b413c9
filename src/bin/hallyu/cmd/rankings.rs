//! Whole-graph rankings: `centre` (and `--all`), `rank`, `components`.

use std::io::{self, IsTerminal, Write};

use hallyu::query::{CentreEntry, CentreOptions, Measure};
use serde_json::{Value, json};

use super::{Cx, name, plural};
use crate::Failure;
use crate::glue::person_json;
use crate::out::{Align, Table, escape_controls};
use crate::source;

pub fn centre(cx: Cx<'_>, top: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let (shown, how) = {
        let _busy = source::Busy::new(ex, "searching for the centre");
        let best = ex.centre_top(filter, top, CentreOptions::new());
        if best.entries().len() < top && best.component_size() < ex.people().len() {
            // More than the main component: the others follow, by size.
            let ranking = ex.centre_ranking(filter);
            let shown: Vec<CentreEntry> = ranking.iter().take(top).cloned().collect();
            (
                shown,
                json!({ "exact": true, "searches": "one per person" }),
            )
        } else {
            let how = json!({ "exact": best.is_exact(), "complete_searches": best.complete_searches(),
                              "pruned_searches": best.pruned_searches(), "component_size": best.component_size() });
            (best.entries().to_vec(), how)
        }
    };
    out.answer(
        || {
            let list: Vec<Value> = shown
                .iter()
                .map(|c| json!({ "person": person_json(ex, c.person), "component_size": c.component_size,
                                  "mean_distance": c.mean_distance, "eccentricity": c.eccentricity }))
                .collect();
            json!({ "centre": list, "method": how })
        },
        || {
            let mut t = Table::new(&[Align::Right, Align::Left, Align::Right, Align::Right, Align::Right]);
            t.row(vec!["".into(), "person".into(), "mean".into(), "eccentricity".into(), "component".into()]);
            for (i, c) in shown.iter().enumerate() {
                t.row(vec![
                    format!("{}.", i + 1),
                    name(ex, c.person),
                    c.mean_distance.map_or("-".to_string(), |m| format!("{m:.3}")),
                    c.eccentricity.to_string(),
                    c.component_size.to_string(),
                ]);
            }
            let note = match how["complete_searches"].as_u64() {
                Some(complete) => format!(
                    "exact: {complete} complete search{}, {} stopped early by a bound\n",
                    if complete == 1 { "" } else { "es" },
                    how["pruned_searches"]
                ),
                None => "exact: one search per person\n".to_string(),
            };
            format!("{t}{note}")
        },
    )
}

/// The rows of `centre --all`: CSV with a header (unless resuming into a
/// file), or JSON lines; every row is written as its pass of searches ends,
/// so that an interrupted run keeps them all.
pub fn centre_all(cx: Cx<'_>, start: usize, file: Option<&std::path::Path>) -> Result<(), Failure> {
    use std::sync::atomic::{AtomicBool, Ordering};
    static STOP: AtomicBool = AtomicBool::new(false);
    let Cx { ex, filter, out } = cx;
    let json_lines = out.is_json();
    let mut to_file = match file {
        Some(path) => Some(io::BufWriter::new(
            std::fs::OpenOptions::new()
                .create(true)
                .write(true)
                .append(start > 0)
                .truncate(start == 0)
                .open(path)
                .map_err(|e| Failure::Data(format!("cannot write {}: {e}", path.display())))?,
        )),
        None => None,
    };
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
    let run = ex.centre_all(filter, options, |row| {
        let r = ex.get(row.person);
        let mean = row.mean_distance();
        let written = if json_lines {
            let line = json!({ "position": row.position, "id": r.key(), "name": r.name(), "mean_distance": mean,
                               "eccentricity": row.eccentricity(), "histogram": row.histogram });
            serde_json::to_writer(&mut *w, &line)
                .map_err(io::Error::from)
                .and_then(|()| w.write_all(b"\n"))
        } else {
            let histogram: Vec<String> = row.histogram.iter().map(|c| c.to_string()).collect();
            writeln!(
                w,
                "{},{},{},{},{},{}",
                row.position,
                hallyu::export::csv::field(&escape_controls(&r.key()), b','),
                hallyu::export::csv::field(&escape_controls(r.name()), b','),
                mean.map_or(String::new(), |m| format!("{m:.6}")),
                row.eccentricity(),
                histogram.join(" ")
            )
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

pub fn rank(cx: Cx<'_>, by: Measure, top: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let c = {
        let _busy = source::Busy::new(ex, "computing centralities");
        ex.centrality(filter)
    };
    let ranked = c.ranked(by);
    let shown = &ranked[..ranked.len().min(top)];
    out.answer(
        || {
            let list: Vec<Value> = shown
                .iter()
                .map(|s| {
                    json!({ "person": person_json(ex, s.person), "degree": s.degree, "shared_works": s.shared_works,
                            "closeness": s.closeness, "betweenness": s.betweenness })
                })
                .collect();
            json!({ "by": by.name(), "ranking": list })
        },
        || {
            let mut t = Table::new(&[Align::Right, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right]);
            t.row(vec!["".into(), "person".into(), "degree".into(), "works".into(), "closeness".into(), "betweenness".into()]);
            for (i, p) in shown.iter().enumerate() {
                t.row(vec![
                    format!("{}.", i + 1),
                    name(ex, p.person),
                    p.degree.to_string(),
                    p.shared_works.to_string(),
                    format!("{:.4}", p.closeness),
                    format!("{:.4}", p.betweenness),
                ]);
            }
            t.to_string()
        },
    )
}

pub fn components(cx: Cx<'_>, top: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let components = {
        let _busy = source::Busy::new(ex, "finding components");
        ex.components(filter)
    };
    let shown: Vec<_> = components.iter().take(top).collect();
    let people: usize = components.iter().map(|c| c.people.len()).sum();
    out.answer(
        || {
            json!({ "components": components.len(), "people": people,
                    "left_out": components.left_out(),
                    "largest": components.sizes().into_iter().take(top).collect::<Vec<_>>(),
                    "list": shown.iter().map(|c| json!({
                        "people": c.people.iter().map(|&p| person_json(ex, p)).collect::<Vec<_>>(),
                        "works": c.works.iter().map(|&w| ex.get(w).key().into_owned()).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>() })
        },
        || {
            let mut t = Table::new(&[Align::Right, Align::Right, Align::Right, Align::Left]);
            t.row(vec!["".into(), "people".into(), "works".into(), "".into()]);
            for (i, c) in shown.iter().enumerate() {
                let mut names: Vec<String> = c.people.iter().take(5).map(|&p| name(ex, p)).collect();
                if c.people.len() > 5 {
                    names.push("…".into());
                }
                t.row(vec![format!("{}.", i + 1), c.people.len().to_string(), c.works.len().to_string(), names.join(", ")]);
            }
            let mut s = format!(
                "{} component{} over {people} people\n{t}",
                components.len(),
                plural(components.len())
            );
            if components.len() > shown.len() {
                s.push_str(&format!("… and {} more (--top)\n", components.len() - shown.len()));
            }
            if components.left_out() > 0 {
                s.push_str(&format!(
                    "{} people left out: no credit the filter counts\n",
                    components.left_out()
                ));
            }
            s
        },
    )
}
