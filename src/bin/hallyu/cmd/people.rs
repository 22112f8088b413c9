//! Records and the people around them: `info`, `search`, `costars`, `shared`,
//! `works`, `cast`, `list`.

use hallyu::query::answer::{self, Options};
use hallyu::{Entity, Explorer, WorkId};
use serde_json::{Value, json};

use super::{Cx, name, print};
use crate::Failure;
use crate::args::ListWhat;
use crate::glue::{self, entity_json, person_json, shared_json, work_json};
use crate::out::{Align, Table};
use crate::source;

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
