//! `diff`: what changed between two sources of any kind.

use std::path::Path;

use hallyu::Filter;
use hallyu::query::DiffOptions;

use super::print;
use crate::Failure;
use crate::out::Out;
use crate::source;

/// What `hallyu diff` compares and how much it shows.
pub struct DiffArgs<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
    pub korean: bool,
    pub from: Option<&'a str>,
    pub centre: usize,
    pub top: usize,
}

/// Reads NEW and summarises it, drops it, reads OLD and compares it with
/// the summary, drops it, reads NEW again to finish (each as `--data`
/// would): one version held at a time. Prints what changed from OLD to NEW.
pub fn diff(args: &DiffArgs<'_>, filter: &Filter, out: &mut Out) -> Result<(), Failure> {
    let open = |path: &Path| source::open(&[path.to_path_buf()], &[], false, args.korean);
    let mut options = DiffOptions::new().limit(args.top).centre(args.centre);
    if let Some(from) = args.from {
        options = options.from(from);
    }
    let base = {
        let new = open(args.new)?;
        let _busy = source::Busy::new(new.explorer(), "summarising the new version");
        new.explorer().diff_base(&options, filter)?
    };
    let pending = {
        let old = open(args.old)?;
        let _busy = source::Busy::new(old.explorer(), "comparing the old version");
        base.compare(old.explorer())?
    };
    let new = open(args.new)?;
    let answer = {
        let _busy = source::Busy::new(new.explorer(), "finishing with the new version");
        pending.finish(new.explorer())?
    };
    print(out, &answer)
}
