//! One file per family of commands; each command runs a query and prints
//! the library's answer as text or JSON.

use hallyu::export::View;
use hallyu::{Explorer, Filter};

use crate::Failure;
use crate::args::ViewCmd;
use crate::glue::{self};
use crate::out::Out;

mod data;
mod diff;
mod paths;
mod people;
mod pictures;
mod rankings;
mod serve;

pub use data::*;
pub use diff::*;
pub use paths::*;
pub use people::*;
pub use pictures::*;
pub use rankings::*;
pub use serve::*;

/// What every command reads: the explorer, the filter the options make,
/// and where the answer goes.
pub struct Cx<'a> {
    pub ex: &'a Explorer,
    pub filter: &'a Filter,
    pub out: &'a mut Out,
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints one of the library's answers: its JSON with `--json`, else its
/// text.
pub(crate) fn print<A: serde::Serialize + std::fmt::Display>(
    out: &mut Out,
    answer: &A,
) -> Result<(), Failure> {
    out.answer(
        || serde_json::to_value(answer).expect("an answer serialises"),
        || answer.to_string(),
    )
}

pub(crate) fn view(ex: &Explorer, filter: &Filter, cmd: &ViewCmd) -> Result<View, Failure> {
    let view = match cmd {
        ViewCmd::Catalog => View::catalog().filter(filter.clone()),
        ViewCmd::Article => View::catalog()
            .filter(filter.clone())
            .collection("article")
            .title("12 classic K-pop music videos featuring K-drama actors"),
        ViewCmd::Person { name, hops } => {
            View::neighbourhood(glue::find_person(ex, name)?, *hops).filter(filter.clone())
        }
        ViewCmd::Path { a, b, context } => {
            View::path(glue::find_person(ex, a)?, glue::find_person(ex, b)?)
                .context(*context)
                .filter(filter.clone())
        }
        ViewCmd::Pair { a, b } => {
            View::pair(glue::find_person(ex, a)?, glue::find_person(ex, b)?).filter(filter.clone())
        }
        ViewCmd::Work { title } => View::work(glue::find_work(ex, title)?).filter(filter.clone()),
        ViewCmd::Communities {
            options,
            top,
            max_people,
        } => View::communities(options.options())
            .top(*top as usize)
            .max_people(*max_people as usize)
            .filter(filter.clone()),
    };
    Ok(view)
}

/// Writes a picture or an export to `file` (then says so, in text or
/// JSON), or else to stdout.
pub(crate) fn write_result(
    file: Option<&std::path::Path>,
    bytes: &[u8],
    out: &mut Out,
) -> Result<(), Failure> {
    let Some(path) = file else {
        return Ok(out.bytes(bytes)?);
    };
    Pending::create(path)?.commit(bytes, out)
}

/// A file being written: a temporary file beside the target, renamed over
/// it when complete, so that an interrupted command leaves the previous
/// file whole (a symlink at the target is replaced, not followed).
/// Created before the work, so that a bad `--out` fails first.
pub(crate) struct Pending {
    path: std::path::PathBuf,
    file: tempfile::NamedTempFile,
}

impl Pending {
    pub(crate) fn create(path: &std::path::Path) -> Result<Pending, Failure> {
        let shown = path.display();
        if path.is_dir() {
            return Err(Failure::Usage(format!(
                "--out {shown} is a directory: give a file name"
            )));
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => std::path::Path::new("."),
        };
        if path.file_name().is_none() {
            return Err(Failure::Usage(format!(
                "--out {shown} names no file: give a file name"
            )));
        }
        if !dir.is_dir() {
            return Err(Failure::Usage(format!(
                "--out {shown}: the directory {} does not exist",
                dir.display()
            )));
        }
        let file = tempfile::Builder::new()
            .prefix(".hallyu-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| Failure::Data(format!("cannot write in {}: {e}", dir.display())))?;
        Ok(Pending {
            path: path.to_path_buf(),
            file,
        })
    }

    /// The temporary file, to write to before [`Pending::persist`].
    pub(crate) fn file(&mut self) -> &mut std::fs::File {
        self.file.as_file_mut()
    }

    /// Writes the bytes and renames the file over the target.
    pub(crate) fn finish(mut self, bytes: &[u8]) -> Result<(), Failure> {
        use std::io::Write as _;
        let fail =
            |e: std::io::Error| Failure::Data(format!("cannot write {}: {e}", self.path.display()));
        self.file.write_all(bytes).map_err(fail)?;
        self.persist()
    }

    /// Renames the file, as written so far, over the target.
    pub(crate) fn persist(self) -> Result<(), Failure> {
        let path = self.path;
        let fail =
            |e: std::io::Error| Failure::Data(format!("cannot write {}: {e}", path.display()));
        self.file.as_file().sync_all().map_err(fail)?;
        // The permissions of the file replaced, else those of a new file
        // (the temporary file is private).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::symlink_metadata(&path)
                .ok()
                .filter(|m| m.is_file())
                .map_or(0o644, |m| m.permissions().mode() & 0o777);
            let _ =
                std::fs::set_permissions(self.file.path(), std::fs::Permissions::from_mode(mode));
        }
        self.file.persist(&path).map_err(|e| fail(e.error))?;
        Ok(())
    }

    /// [`Pending::finish`], then says what was written.
    pub(crate) fn commit(self, bytes: &[u8], out: &mut Out) -> Result<(), Failure> {
        let path = self.path.clone();
        self.finish(bytes)?;
        print(out, &hallyu::query::answer::Wrote::of(&path, bytes.len()))
    }
}
