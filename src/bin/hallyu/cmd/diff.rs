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
    pub top: usize,
}

/// Opens both sources (one after the other, each as `--data` would) and
/// prints what changed from the first to the second.
pub fn diff(args: &DiffArgs<'_>, filter: &Filter, out: &mut Out) -> Result<(), Failure> {
    let open = |path: &Path| source::open(&[path.to_path_buf()], &[], false, args.korean);
    let old = open(args.old)?;
    let new = open(args.new)?;
    let mut options = DiffOptions::new().limit(args.top);
    if let Some(from) = args.from {
        options = options.from(from);
    }
    let answer = {
        let _busy = source::Busy::new(new.explorer(), "comparing");
        old.explorer().diff(new.explorer(), &options, filter)?
    };
    print(out, &answer)
}
