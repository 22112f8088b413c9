//! Every read of a library record goes through these few functions, so a
//! change of the library's record access (`explorer[id]` today) is one edit
//! here. The JSON of records is that of the library's answer records
//! (`hallyu::query::answer`), so that every command writes a person, a work
//! or a shared work the same way.

use hallyu::{Entity, Explorer, PersonId, WorkId};

/// A person by name, as the library finds them; when the name was typed
/// another way (a romanisation, initials, keyboard keys, Western order),
/// says on stderr how it matched and who else came close.
pub fn find_person(ex: &Explorer, query: &str) -> hallyu::Result<PersonId> {
    let id = ex.person(query)?;
    note(ex, query, id.into());
    Ok(id)
}

/// A work by title, with the same note as [`find_person`].
pub fn find_work(ex: &Explorer, query: &str) -> hallyu::Result<WorkId> {
    let id = ex.work(query)?;
    note(ex, query, id.into());
    Ok(id)
}

/// Any record by name, with the same note as [`find_person`].
pub fn find_any(ex: &Explorer, query: &str) -> hallyu::Result<Entity> {
    let e = ex.lookup(query)?;
    note(ex, query, e);
    Ok(e)
}

/// Says how a name matched, unless it was the record's key: a key is
/// found in the key column, and the name index (seconds and hundreds of
/// megabytes on an IMDb import) is not built for it.
fn note(ex: &Explorer, query: &str, found: Entity) {
    if ex.by_key(query.trim()) == Some(found) {
        return;
    }
    let name_of = |e: Entity| ex.name(e).to_owned();
    if let Some(n) = ex.search(query).note(query, found, name_of) {
        eprintln!("note: {}", crate::out::escape_controls(&n));
    }
}
