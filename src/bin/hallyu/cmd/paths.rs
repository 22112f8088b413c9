//! Chains between people: `path`, `paths`, `bacon`, `neighbours`,
//! `introduce`, `recommend`.

use hallyu::Explorer;
use hallyu::query::Avoid;
use hallyu::query::answer::{self, Options};

use super::{Cx, print};
use crate::Failure;
use crate::args::RouteArgs;
use crate::glue;
use crate::source;

/// The people and works of `--avoid` and `--avoid-work`.
fn avoid(ex: &Explorer, route: &RouteArgs) -> Result<Avoid, Failure> {
    let mut avoid = Avoid::new();
    for name in &route.avoid {
        avoid = avoid.person(glue::find_person(ex, name)?);
    }
    for title in &route.avoid_work {
        avoid = avoid.work(glue::find_work(ex, title)?);
    }
    Ok(avoid)
}

pub fn path(
    cx: Cx<'_>,
    merged: Option<&hallyu::import::Merged>,
    a: &str,
    b: &str,
    route: &RouteArgs,
    via: Option<&str>,
    (strongest, in_order): (bool, bool),
) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let (pa, pb) = (glue::find_person(ex, a)?, glue::find_person(ex, b)?);
    let via = via.map(|v| glue::find_person(ex, v)).transpose()?;
    let avoid = avoid(ex, route)?;
    let _busy = source::Busy::new(ex, "searching");
    if let Some(m) = merged {
        if in_order {
            return Err(Failure::Usage(
                "--in-order is not answered on merged sources yet: read one source".into(),
            ));
        }
        // Each hop names the sources that state it.
        let path = if strongest {
            m.strongest_path(pa, pb, filter)
        } else {
            m.path(pa, pb, via, &avoid, filter)
        };
        drop(_busy);
        return print(out, &path);
    }
    let path = {
        if strongest {
            answer::Path::strongest(ex, pa, pb, filter)
        } else if in_order {
            answer::Path::in_order(ex, pa, pb, &avoid, filter)
        } else {
            answer::Path::routed(ex, pa, pb, via, &avoid, filter)
        }
    };
    drop(_busy);
    print(out, &path)
}

pub fn paths(
    cx: Cx<'_>,
    a: &str,
    b: &str,
    limit: usize,
    (k, max_hops): (Option<usize>, Option<usize>),
    route: &RouteArgs,
) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let (pa, pb) = (glue::find_person(ex, a)?, glue::find_person(ex, b)?);
    let avoid = avoid(ex, route)?;
    if let Some(n) = max_hops {
        if !avoid.is_empty() {
            return Err(Failure::Usage(
                "--avoid and --avoid-work go with --k or with `hallyu path`, not --max-hops".into(),
            ));
        }
        let _busy = source::Busy::new(ex, "counting");
        let answer = answer::Paths::simple(ex, pa, pb, n, filter, &Options::new().limit(limit));
        drop(_busy);
        return print(out, &answer);
    }
    match k {
        Some(k) => {
            let _busy = source::Busy::new(ex, "searching");
            let answer = answer::Paths::k_shortest(ex, pa, pb, k, &avoid, filter);
            drop(_busy);
            print(out, &answer)
        }
        None if !avoid.is_empty() => Err(Failure::Usage(
            "--avoid and --avoid-work go with --k (the k shortest paths) or with `hallyu path`"
                .into(),
        )),
        None => {
            let options = Options::new().limit(limit);
            print(out, &answer::Paths::between(ex, pa, pb, filter, &options))
        }
    }
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
