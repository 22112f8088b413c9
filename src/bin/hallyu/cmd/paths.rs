//! Chains between people: `path`, `paths`, `bacon`, `neighbours`,
//! `introduce`, `recommend`.

use hallyu::query::AllPathsOptions;
use hallyu::query::answer::{self, Options};
use hallyu::{PersonId, WorkId};
use serde_json::{Value, json};

use super::{Cx, name, print};
use crate::Failure;
use crate::glue::{self, person_json, work_json};
use crate::out::{Align, Table};
use crate::source;

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
