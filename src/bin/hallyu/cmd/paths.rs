//! Chains between people: `path`, `paths`, `bacon`, `neighbours`,
//! `introduce`, `recommend`.

use hallyu::query::answer::{self, Options};

use super::{Cx, print};
use crate::Failure;
use crate::glue;
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
    let options = Options::new().limit(limit);
    print(out, &answer::Paths::between(ex, pa, pb, filter, &options))
}

/// How many of the farthest and of the unreachable people `bacon` names.
const BACON_SHOWN: usize = 50;

pub fn bacon(cx: Cx<'_>, who: &str) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let me = glue::find_person(ex, who)?;
    let distances = {
        let _busy = source::Busy::new(ex, "measuring distances");
        answer::Bacon::of(ex, me, filter, &Options::new().limit(BACON_SHOWN))
    };
    print(out, &distances)
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
    let options = Options::new().unlimited();
    print(
        out,
        &answer::Introductions::between(ex, pa, pb, filter, &options),
    )
}

pub fn recommend(cx: Cx<'_>, who: &str, top: usize) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let me = glue::find_person(ex, who)?;
    let options = Options::new().limit(top);
    print(out, &answer::Recommendations::of(ex, me, filter, &options))
}
