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
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fixed_mmap_threshold();
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

/// Keeps glibc's malloc from holding a dropped version's memory. By default
/// it raises its mmap threshold each time a large block is freed (up to 32
/// MiB), so that once the first explorer is dropped the next one's arrays
/// are carved from the heap instead of mapped on their own, and the freed
/// ones are not given back: on the large synthetic set the command peaked at
/// 1.8 times one load, and at 1.0 times with a fixed threshold (what
/// `MALLOC_MMAP_THRESHOLD_=131072` in the environment also does). Large
/// arrays then have mappings of their own, returned to the system when
/// dropped.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fixed_mmap_threshold() {
    /// `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`.
    const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
    unsafe extern "C" {
        fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
    }
    // SAFETY: `mallopt` only sets a parameter of glibc's allocator, which
    // this target links; 128 KiB is its default threshold, fixed.
    unsafe {
        mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    }
}
