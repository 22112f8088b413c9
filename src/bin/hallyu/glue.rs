//! Every read of a library record goes through these few functions, so a
//! change of the library's record access (`explorer[id]` today) is one edit
//! here. The JSON shapes below would be `Serialize` impls on the library's
//! result types; they live here until the library has them.

use hallyu::model::{Credit, Group, Organisation, Person, Role, Work};
use hallyu::{
    CreditId, Entity, Explorer, GroupId, OrganisationId, Path, PersonId, SharedWork, WorkId,
};
use serde_json::{Value, json};

pub fn person(ex: &Explorer, p: PersonId) -> &Person {
    &ex[p]
}

pub fn work(ex: &Explorer, w: WorkId) -> &Work {
    &ex[w]
}

pub fn group(ex: &Explorer, g: GroupId) -> &Group {
    &ex[g]
}

pub fn organisation(ex: &Explorer, o: OrganisationId) -> &Organisation {
    &ex[o]
}

pub fn credit(ex: &Explorer, c: CreditId) -> &Credit {
    &ex[c]
}

/// The aliases, sources and notes of any record.
pub fn about(ex: &Explorer, e: Entity) -> (&[String], &[String], Option<&str>) {
    match e {
        Entity::Person(p) => {
            let r = person(ex, p);
            (&r.aliases, &r.sources, r.notes.as_deref())
        }
        Entity::Group(g) => {
            let r = group(ex, g);
            (&r.aliases, &r.sources, r.notes.as_deref())
        }
        Entity::Work(w) => {
            let r = work(ex, w);
            (&r.aliases, &r.sources, r.notes.as_deref())
        }
        Entity::Organisation(o) => {
            let r = organisation(ex, o);
            (&r.aliases, &r.sources, r.notes.as_deref())
        }
    }
}

/// The Hangul name of any record.
pub fn hangul(ex: &Explorer, e: Entity) -> Option<&str> {
    match e {
        Entity::Person(p) => person(ex, p).hangul.as_deref(),
        Entity::Group(g) => group(ex, g).hangul.as_deref(),
        Entity::Work(w) => work(ex, w).hangul.as_deref(),
        Entity::Organisation(o) => organisation(ex, o).hangul.as_deref(),
    }
}

/// The whole record of any entity, as JSON.
pub fn record_json(ex: &Explorer, e: Entity) -> Value {
    match e {
        Entity::Person(p) => serde_json::to_value(person(ex, p)),
        Entity::Group(g) => serde_json::to_value(group(ex, g)),
        Entity::Work(w) => serde_json::to_value(work(ex, w)),
        Entity::Organisation(o) => serde_json::to_value(organisation(ex, o)),
    }
    .unwrap_or(Value::Null)
}

/// A role in words: `cast (lead) as Kim Tan`, `member 2006–`, ….
pub fn role_text(role: &Role) -> String {
    match role {
        Role::Cast { billing, character } => {
            let b = format!("{billing:?}").to_lowercase();
            match character {
                Some(c) => format!("cast ({b}) as {c}"),
                None => format!("cast ({b})"),
            }
        }
        Role::Member { since, until } => match (since, until) {
            (None, None) => "member".into(),
            (s, u) => format!(
                "member {}–{}",
                s.map_or(String::new(), |y| y.to_string()),
                u.map_or(String::new(), |y| y.to_string())
            ),
        },
        Role::Soundtrack { song: Some(s) } => format!("soundtrack \"{s}\""),
        other => other.name().to_string(),
    }
}

pub fn person_json(ex: &Explorer, p: PersonId) -> Value {
    let r = person(ex, p);
    json!({ "id": r.id, "name": r.name, "hangul": r.hangul })
}

pub fn work_json(ex: &Explorer, w: WorkId) -> Value {
    let r = work(ex, w);
    json!({ "id": r.id, "title": r.title, "hangul": r.hangul, "kind": r.kind.name(),
            "released": r.released.to_string() })
}

pub fn entity_json(ex: &Explorer, e: Entity) -> Value {
    json!({ "id": ex.key(e), "kind": e.kind().to_string(), "name": ex.name(e), "label": ex.label(e) })
}

pub fn shared_json(ex: &Explorer, s: &SharedWork) -> Value {
    let mut v = work_json(ex, s.work);
    v["left_role"] = json!(s.left.describe(ex));
    v["right_role"] = json!(s.right.describe(ex));
    v
}

pub fn path_json(ex: &Explorer, p: &Path<'_>) -> Value {
    json!({
        "length": p.len(),
        "people": p.people().iter().map(|&q| person_json(ex, q)).collect::<Vec<_>>(),
        "steps": p.steps().iter().map(|s| json!({
            "from": person_json(ex, s.from),
            "from_role": s.from_credit.describe(ex),
            "work": work_json(ex, s.work),
            "to_role": s.to_credit.describe(ex),
            "to": person_json(ex, s.to),
        })).collect::<Vec<_>>(),
    })
}

/// The other end of a credit, seen from `me`.
pub fn other_end(ex: &Explorer, c: CreditId, me: Entity) -> Entity {
    let (from, to) = ex.ends(c);
    if to == me { from } else { to }
}
