//! One file per family of commands; each command runs a query and prints
//! the library's answer as text or JSON.

use hallyu::export::View;
use hallyu::{Explorer, Filter};

use crate::Failure;
use crate::args::ViewCmd;
use crate::glue::{self};
use crate::out::Out;

mod data;
mod paths;
mod people;
mod pictures;
mod rankings;
mod serve;

pub use data::*;
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
    std::fs::write(path, bytes)
        .map_err(|e| Failure::Data(format!("cannot write {}: {e}", path.display())))?;
    print(out, &hallyu::query::answer::Wrote::of(path, bytes.len()))
}
