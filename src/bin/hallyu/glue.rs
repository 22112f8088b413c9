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
