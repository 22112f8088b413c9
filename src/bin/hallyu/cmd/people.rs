//! Records and the people around them: `info`, `search`, `costars`, `shared`,
//! `works`, `cast`, `list`.

use hallyu::model::RecordKind;
use hallyu::query::answer::{self, Options};

use super::{Cx, print};
use crate::Failure;
use crate::args::ListWhat;
use crate::glue;
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

pub fn shared(cx: Cx<'_>, a: &str, b: &str) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let (pa, pb) = (glue::find_person(ex, a)?, glue::find_person(ex, b)?);
    let options = Options::new().unlimited();
    print(
        out,
        &answer::SharedWorks::between(ex, pa, pb, filter, &options),
    )
}

pub fn works(cx: Cx<'_>, who: &str) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let me = glue::find_person(ex, who)?;
    print(
        out,
        &answer::Works::of(ex, me, filter, &Options::new().unlimited()),
    )
}

pub fn cast(cx: Cx<'_>, title: &str) -> Result<(), Failure> {
    let Cx { ex, out, .. } = cx;
    let work = glue::find_work(ex, title)?;
    print(
        out,
        &answer::Cast::of(ex, work, &Options::new().unlimited()),
    )
}

pub fn list(cx: Cx<'_>, what: ListWhat) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let kind = match what {
        ListWhat::People => RecordKind::Person,
        ListWhat::Groups => RecordKind::Group,
        ListWhat::Organisations => RecordKind::Organisation,
        ListWhat::Works => RecordKind::Work,
    };
    print(
        out,
        &answer::List::of(ex, kind, filter, &Options::new().unlimited()),
    )
}
