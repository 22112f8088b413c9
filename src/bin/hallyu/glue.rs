//! Every read of a library record goes through these few functions, so a
//! change of the library's record access (`explorer[id]` today) is one edit
//! here. The JSON shapes below would be `Serialize` impls on the library's
//! result types; they live here until the library has them.

use hallyu::query::{Path, SharedWork};
use hallyu::{CreditId, Entity, Explorer, PersonId, WorkId};
use serde_json::{Value, json};

/// A person by name, as the library finds them; when the name was typed
/// another way (a romanisation, initials, keyboard keys, Western order),
/// says on stderr how it matched and who else came close.
pub fn find_person(ex: &Explorer, query: &str) -> hallyu::Result<PersonId> {
    let id = ex.person(query)?;
    note(ex, query);
    Ok(id)
}

/// A work by title, with the same note as [`find_person`].
pub fn find_work(ex: &Explorer, query: &str) -> hallyu::Result<WorkId> {
    let id = ex.work(query)?;
    note(ex, query);
    Ok(id)
}

/// Any record by name, with the same note as [`find_person`].
pub fn find_any(ex: &Explorer, query: &str) -> hallyu::Result<Entity> {
    let e = ex.lookup(query)?;
    note(ex, query);
    Ok(e)
}

fn note(ex: &Explorer, query: &str) {
    if let Some(n) = ex.search(query).note(query) {
        eprintln!("note: {}", crate::out::escape_controls(&n));
    }
}

pub fn person_json(ex: &Explorer, p: PersonId) -> Value {
    let r = ex.get(p);
    json!({ "id": r.key(), "name": r.name(), "hangul": r.hangul() })
}

pub fn work_json(ex: &Explorer, w: WorkId) -> Value {
    let r = ex.get(w);
    json!({ "id": r.key(), "title": r.title(), "hangul": r.hangul(), "kind": r.kind().name(),
            "released": r.released().map(|d| d.to_string()) })
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
