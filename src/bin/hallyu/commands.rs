//! One function per command: run the query, then print it as text or JSON.

use std::io::{self, IsTerminal, Write};

use hallyu::export::{View, dot};
use hallyu::model::WorkKind;
use hallyu::query::answer::{self, Options};
use hallyu::query::{AllPathsOptions, CentreEntry, CentreOptions, Measure};
use hallyu::render::{Engine, Format, RenderOptions, Renderer};
use hallyu::{Entity, Explorer, Filter, PersonId, WorkId};
use serde_json::{Value, json};

use crate::Failure;
use crate::args::{EngineArg, ExportFormat, ListWhat, PictureArgs, PictureFormat, ViewCmd};
use crate::glue::{self, entity_json, person_json, shared_json, work_json};
use crate::out::{Align, Out, Table, escape_controls};
use crate::source;

/// What every command reads: the explorer, the filter the options make,
/// and where the answer goes.
pub struct Cx<'a> {
    pub ex: &'a Explorer,
    pub filter: &'a Filter,
    pub out: &'a mut Out,
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints one of the library's answers: its JSON with `--json`, else its
/// text.
fn print<A: serde::Serialize + std::fmt::Display>(
    out: &mut Out,
    answer: &A,
) -> Result<(), Failure> {
    out.answer(
        || serde_json::to_value(answer).expect("an answer serialises"),
        || answer.to_string(),
    )
}

fn name(ex: &Explorer, p: PersonId) -> String {
    ex.display_name(p.into()).into_owned()
}

pub fn info(cx: Cx<'_>, query: &str) -> Result<(), Failure> {
    let Cx { ex, out, .. } = cx;
    let e = glue::find_any(ex, query)?;
    print(out, &answer::Info::of(ex, e, &Options::new().unlimited()))
}

pub fn search(cx: Cx<'_>, query: &str, limit: usize) -> Result<(), Failure> {
    let Cx { ex, out, .. } = cx;
    // The library's ranked, explained search: names, aliases, Hangul,
    // romanisations, initials, keyboard keys, Western order, typos.
    let found = {
        let _busy = source::Busy::new(ex, "building the name index");
        answer::Search::of(ex, query, &Options::new().limit(limit))
    };
    print(out, &found)
}

pub fn costars(cx: Cx<'_>, who: &str, top: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let me = glue::find_person(ex, who)?;
    print(
        out,
        &answer::CoStars::of(ex, me, filter, &Options::new().limit(top)),
    )
}

fn shared_line(ex: &Explorer, s: &hallyu::query::SharedWork) -> Vec<String> {
    vec![
        ex.label(s.work.into()),
        ex.get(s.work).kind().label().to_string(),
        s.left.describe(ex),
        s.right.describe(ex),
    ]
}

pub fn shared(cx: Cx<'_>, a: &str, b: &str) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let (pa, pb) = (glue::find_person(ex, a)?, glue::find_person(ex, b)?);
    let shared = ex.shared_works(pa, pb, filter);
    let path = if shared.is_empty() {
        ex.shortest_path(pa, pb, filter)
    } else {
        None
    };
    let distance = if shared.is_empty() {
        path.as_ref().map(|p| p.len())
    } else {
        Some(1)
    };
    out.answer(
        || {
            json!({ "a": person_json(ex, pa), "b": person_json(ex, pb),
                    "works": shared.iter().map(|s| shared_json(ex, s)).collect::<Vec<_>>(),
                    "distance": distance })
        },
        || {
            if !shared.is_empty() {
                let mut t = Table::new(&[Align::Left; 4]);
                t.row(vec![
                    "work".into(),
                    "kind".into(),
                    name(ex, pa),
                    name(ex, pb),
                ]);
                for w in &shared {
                    t.row(shared_line(ex, w));
                }
                return t.to_string();
            }
            let mut s = format!("{} and {} share no work", name(ex, pa), name(ex, pb));
            match &path {
                Some(p) => s.push_str(&format!("; they are connected in {} hops:\n{p}", p.len())),
                None => s.push_str(", and no chain of works connects them.\n"),
            }
            s
        },
    )
}

pub fn works(cx: Cx<'_>, who: &str) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let me = glue::find_person(ex, who)?;
    let works = ex.works_of(me, filter);
    out.answer(
        || {
            let list: Vec<Value> = works
                .iter()
                .map(|(w, c)| {
                    let mut v = work_json(ex, *w);
                    v["role"] = json!(c.describe(ex));
                    v
                })
                .collect();
            json!({ "person": person_json(ex, me), "works": list })
        },
        || {
            if works.is_empty() {
                return format!("{} has no work under this filter.\n", name(ex, me));
            }
            let mut t = Table::new(&[Align::Left; 3]);
            for (w, c) in &works {
                t.row(vec![
                    ex.label((*w).into()),
                    ex.get(*w).kind().label().to_string(),
                    c.describe(ex),
                ]);
            }
            t.to_string()
        },
    )
}

pub fn cast(cx: Cx<'_>, title: &str) -> Result<(), Failure> {
    let Cx { ex, out, .. } = cx;
    let work = glue::find_work(ex, title)?;
    let credits = ex.credits_on(work);
    out.answer(
        || {
            let list: Vec<Value> = credits
                .iter()
                .map(|&c| {
                    let other = glue::other_end(ex, c, work.into());
                    let r = ex.get(c);
                    json!({ "id": ex.key(other), "name": ex.name(other), "role": answer::Credit::of(ex, c).role,
                            "unverified": r.is_unverified() })
                })
                .collect();
            json!({ "work": work_json(ex, work), "credits": list })
        },
        || {
            let mut s = format!("{} [{}]\n", ex.label(work.into()), ex.get(work).kind().label());
            let mut t = Table::new(&[Align::Left, Align::Left]).indent("  ");
            for &c in &credits {
                let other = glue::other_end(ex, c, work.into());
                let r = ex.get(c);
                let mark = if r.is_unverified() { " (unverified)" } else { "" };
                t.row(vec![ex.label(other), format!("{}{mark}", answer::Credit::of(ex, c).role)]);
            }
            s.push_str(&t.to_string());
            s
        },
    )
}

pub fn path(cx: Cx<'_>, a: &str, b: &str) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let (pa, pb) = (glue::find_person(ex, a)?, glue::find_person(ex, b)?);
    let path = {
        let _busy = source::Busy::new(ex, "searching");
        answer::Path::between(ex, pa, pb, filter)
    };
    print(out, &path)
}

pub fn paths(cx: Cx<'_>, a: &str, b: &str, limit: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let (pa, pb) = (glue::find_person(ex, a)?, glue::find_person(ex, b)?);
    let all = ex.all_shortest_paths(pa, pb, &AllPathsOptions::new().limit(limit), filter);
    out.answer(
        || {
            json!({ "from": person_json(ex, pa), "to": person_json(ex, pb), "length": all.distance(),
                    "connected": all.distance().is_some(), "count": all.count(),
                    "truncated": all.is_truncated(),
                    "paths": all.iter().map(|p| glue::path_json(ex, p)).collect::<Vec<_>>() })
        },
        || all.to_string(),
    )
}

pub fn bacon(cx: Cx<'_>, who: &str) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let me = glue::find_person(ex, who)?;
    let d = {
        let _busy = source::Busy::new(ex, "measuring distances");
        ex.distances(me, filter)
    };
    const SHOWN: usize = 50;
    let people = |list: &[PersonId]| {
        list.iter()
            .take(SHOWN)
            .map(|&p| person_json(ex, p))
            .collect::<Vec<_>>()
    };
    out.answer(
        || {
            json!({ "person": person_json(ex, me), "histogram": d.histogram(), "reachable": d.reachable(),
                    "mean": d.mean(), "eccentricity": d.eccentricity(),
                    "farthest_count": d.farthest().len(), "farthest": people(d.farthest()),
                    "unreachable_count": d.unreachable().len(), "unreachable": people(d.unreachable()) })
        },
        || {
            let mut s = format!("Distances from {}:\n", name(ex, me));
            let mut t = Table::new(&[Align::Right, Align::Right]).indent("  ");
            for (k, n) in d.histogram().iter().enumerate() {
                t.row(vec![k.to_string(), n.to_string()]);
            }
            s.push_str(&t.to_string());
            match d.mean() {
                Some(m) => s.push_str(&format!("mean {m:.3}, eccentricity {}\n", d.eccentricity())),
                None => s.push_str("nobody else is reachable\n"),
            }
            let names = |list: &[PersonId]| {
                let mut v: Vec<String> = list.iter().take(SHOWN).map(|&p| name(ex, p)).collect();
                if list.len() > SHOWN {
                    v.push(format!("… {} more", list.len() - SHOWN));
                }
                v.join(", ")
            };
            if !d.farthest().is_empty() && d.mean().is_some() {
                s.push_str(&format!("farthest: {}\n", names(d.farthest())));
            }
            s.push_str(&format!("unreachable: {} people", d.unreachable().len()));
            if !d.unreachable().is_empty() {
                s.push_str(&format!(": {}", names(d.unreachable())));
            }
            s.push('\n');
            s
        },
    )
}

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

pub fn neighbours(cx: Cx<'_>, who: &str, hops: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let me = glue::find_person(ex, who)?;
    let options = Options::new().hops(hops).unlimited();
    print(out, &answer::Neighbours::of(ex, me, filter, &options))
}

pub fn introduce(cx: Cx<'_>, a: &str, b: &str) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let (pa, pb) = (glue::find_person(ex, a)?, glue::find_person(ex, b)?);
    let intros = ex.introductions(pa, pb, filter);
    let works = |ws: &[WorkId]| ws.iter().map(|&w| work_json(ex, w)).collect::<Vec<_>>();
    let titles = |ws: &[WorkId]| {
        ws.iter()
            .map(|&w| ex.label(w.into()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.answer(
        || {
            let list: Vec<Value> = intros
                .iter()
                .map(|i| {
                    json!({ "person": person_json(ex, i.person), "strength": i.strength(),
                            "with_a": works(&i.with_a), "with_b": works(&i.with_b) })
                })
                .collect();
            json!({ "a": person_json(ex, pa), "b": person_json(ex, pb), "introductions": list })
        },
        || {
            if intros.is_empty() {
                return format!(
                    "Nobody co-appeared with both {} and {}.\n",
                    name(ex, pa),
                    name(ex, pb)
                );
            }
            let mut t = Table::new(&[Align::Left, Align::Left, Align::Left]);
            t.row(vec![
                "who".into(),
                format!("with {}", name(ex, pa)),
                format!("with {}", name(ex, pb)),
            ]);
            for i in &intros {
                t.row(vec![
                    name(ex, i.person),
                    titles(&i.with_a),
                    titles(&i.with_b),
                ]);
            }
            t.to_string()
        },
    )
}

pub fn recommend(cx: Cx<'_>, who: &str, top: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let me = glue::find_person(ex, who)?;
    let recs = ex.recommendations(me, filter);
    let shown = &recs[..recs.len().min(top)];
    out.answer(
        || {
            let list: Vec<Value> = shown
                .iter()
                .map(|r| {
                    json!({ "person": person_json(ex, r.person), "strength": r.strength(),
                            "through": r.through.iter().map(|&p| person_json(ex, p)).collect::<Vec<_>>() })
                })
                .collect();
            json!({ "person": person_json(ex, me), "recommendations": list })
        },
        || {
            if shown.is_empty() {
                return format!("No one to recommend to {} under this filter.\n", name(ex, me));
            }
            let mut t = Table::new(&[Align::Left, Align::Right, Align::Left]);
            t.row(vec!["who".into(), "strength".into(), "through".into()]);
            for r in shown {
                let names: Vec<String> = r.through.iter().map(|&p| name(ex, p)).collect();
                t.row(vec![name(ex, r.person), r.strength().to_string(), names.join(", ")]);
            }
            t.to_string()
        },
    )
}

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

pub fn list(cx: Cx<'_>, what: ListWhat) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let items: Vec<Entity> = match what {
        ListWhat::People => ex.people().map(Entity::Person).collect(),
        ListWhat::Groups => ex.groups().map(Entity::Group).collect(),
        ListWhat::Organisations => ex.organisations().map(Entity::Organisation).collect(),
        ListWhat::Works => {
            let mut works: Vec<WorkId> = ex.works().filter(|&w| ex.admits(filter, w)).collect();
            works.sort_by_key(|&w| {
                let r = ex.get(w);
                (r.kind(), r.released())
            });
            works.into_iter().map(Entity::Work).collect()
        }
    };
    out.answer(
        || {
            json!(
                items
                    .iter()
                    .map(|&e| entity_json(ex, e))
                    .collect::<Vec<_>>()
            )
        },
        || {
            let mut t = Table::new(&[Align::Left; 3]);
            for &e in &items {
                let kind = match e {
                    Entity::Work(w) => ex.get(w).kind().label().to_string(),
                    other => other.kind().to_string(),
                };
                t.row(vec![ex.key(e).to_string(), kind, ex.label(e)]);
            }
            t.to_string()
        },
    )
}

fn view(ex: &Explorer, filter: &Filter, cmd: &ViewCmd) -> Result<View, Failure> {
    let view = match cmd {
        ViewCmd::Catalog => View::catalog().filter(filter.clone()),
        ViewCmd::Article => View::catalog()
            .filter(filter.clone())
            .collection("article")
            .title("12 classic K-pop music videos featuring K-drama actors"),
        ViewCmd::Person { name, hops } => {
            View::neighbourhood(glue::find_person(ex, name)?, *hops).filter(filter.clone())
        }
        ViewCmd::Path { a, b, context } => {
            View::path(glue::find_person(ex, a)?, glue::find_person(ex, b)?)
                .context(*context)
                .filter(filter.clone())
        }
        ViewCmd::Pair { a, b } => {
            View::pair(glue::find_person(ex, a)?, glue::find_person(ex, b)?).filter(filter.clone())
        }
        ViewCmd::Work { title } => View::work(glue::find_work(ex, title)?).filter(filter.clone()),
    };
    Ok(view)
}

pub fn draw(cx: Cx<'_>, cmd: &ViewCmd, picture: &PictureArgs) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let format = match (picture.format, &picture.out) {
        (Some(f), _) => f,
        (None, Some(path)) => match path
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("dot" | "gv") => PictureFormat::Dot,
            Some("png") => PictureFormat::Png,
            Some("svg") | None => PictureFormat::Svg,
            Some(other) => {
                return Err(Failure::Usage(format!(
                    "unknown picture format .{other}: use --format dot, svg or png"
                )));
            }
        },
        (None, None) => PictureFormat::Svg,
    };
    if format == PictureFormat::Png && picture.out.is_none() && io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "a PNG picture is not for a terminal: give --out FILE or pipe it".into(),
        ));
    }
    let diagram = view(ex, filter, cmd)?.diagram(ex)?;
    let bytes = match format {
        PictureFormat::Dot => dot::to_dot(&diagram, &dot::DotOptions::new()).into_bytes(),
        PictureFormat::Svg | PictureFormat::Png => {
            let engine = match picture.engine {
                EngineArg::Auto => Engine::Auto,
                EngineArg::Graphviz => Engine::Graphviz,
                EngineArg::Builtin => Engine::Builtin,
            };
            let f = if format == PictureFormat::Png {
                Format::Png
            } else {
                Format::Svg
            };
            let made =
                Renderer::new(RenderOptions::new().engine(engine).format(f)).render(&diagram)?;
            let mut err = io::stderr().lock();
            for w in made.warnings() {
                let _ = writeln!(err, "warning: {}: {w}", made.engine().name());
            }
            made.into_bytes()
        }
    };
    write_result(picture.out.as_deref(), &bytes, out)
}

/// Writes a picture or an export to `file` (then says so, in text or
/// JSON), or else to stdout.
fn write_result(
    file: Option<&std::path::Path>,
    bytes: &[u8],
    out: &mut Out,
) -> Result<(), Failure> {
    let Some(path) = file else {
        return Ok(out.bytes(bytes)?);
    };
    std::fs::write(path, bytes)
        .map_err(|e| Failure::Data(format!("cannot write {}: {e}", path.display())))?;
    out.answer(
        || json!({ "wrote": path.display().to_string(), "bytes": bytes.len() }),
        || format!("wrote {} ({} bytes)\n", path.display(), bytes.len()),
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

/// The self-contained page of the graph (`hallyu::html::page`).
pub fn html(
    cx: Cx<'_>,
    view: Option<&ViewCmd>,
    file: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let mut options = hallyu::html::PageOptions::new().filter(filter.clone());
    if let Some(v) = view {
        options = options.view(self::view(ex, filter, v)?);
    }
    let page = hallyu::html::page(ex, &options)?;
    write_result(file, page.as_bytes(), out)
}

/// Serves the page and the JSON API on 127.0.0.1 until Ctrl-C or SIGTERM
/// (SIGHUP too): then it stops accepting, answers the requests already
/// accepted, says how many it answered and returns (status 0). A second
/// Ctrl-C quits at once (status 130).
pub fn serve(ex: Explorer, filter: &Filter, port: u16, time_limit_ms: u64) -> Result<(), Failure> {
    let options = hallyu::html::ServeOptions::new()
        .filter(filter.clone())
        .timeout(std::time::Duration::from_millis(time_limit_ms));
    let server = hallyu::html::serve(ex, ("127.0.0.1", port), options)?;
    let handle = server.shutdown_handle();
    ctrlc::set_handler(move || {
        if handle.is_stopping() {
            std::process::exit(130);
        }
        eprintln!("stopping: answering the requests at hand (Ctrl-C again quits now)");
        handle.shutdown();
    })
    .map_err(|e| Failure::Data(format!("cannot catch Ctrl-C: {e}")))?;
    eprintln!("serving on http://{}/ (Ctrl-C stops)", server.addr());
    let served = server.join();
    eprintln!(
        "stopped: {served} request{} served",
        plural(served as usize)
    );
    Ok(())
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
