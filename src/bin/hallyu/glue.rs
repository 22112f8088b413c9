//! Every read of a library record goes through these few functions, so a
//! change of the library's record access (`explorer[id]` today) is one edit
//! here. The JSON of records is that of the library's answer records
//! (`hallyu::query::answer`), so that every command writes a person, a work
//! or a shared work the same way.

use hallyu::{Entity, Explorer, PersonId, WorkId};

/// A person by name, as the library finds them; when the name was typed
/// another way (a romanisation, initials, keyboard keys, Western order),
/// says on stderr how it matched and who else came close.
/// A group named where a person is expected says it is a group and offers
/// its members and its works.
pub fn find_person(ex: &Explorer, query: &str) -> Result<PersonId, crate::Failure> {
    match ex.person(query) {
        Ok(id) => {
            note(ex, query, id.into());
            Ok(id)
        }
        Err(e) if e.is_not_found() => match ex.lookup(query) {
            Ok(Entity::Group(g)) => {
                let members: Vec<&str> = ex
                    .members(g)
                    .iter()
                    .map(|&(p, _)| ex.name(p.into()))
                    .collect();
                let name = ex.name(g.into());
                let mut msg = format!("{name} is a group, not a person");
                if let Some(first) = members.first() {
                    msg.push_str(&format!(
                        ": its members are {}; ask for one of them (`hallyu costars \"{first}\"`)",
                        members.join(", ")
                    ));
                }
                msg.push_str(&format!(", or see its works with `hallyu info \"{name}\"`"));
                Err(crate::Failure::Usage(
                    crate::out::escape_controls(&msg).into_owned(),
                ))
            }
            _ => Err(e.into()),
        },
        Err(e) => Err(e.into()),
    }
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
