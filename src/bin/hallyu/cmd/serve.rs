//! The page and the server: `html`, `serve`.

use hallyu::{Explorer, Filter};

use super::{Cx, plural, write_result};
use crate::Failure;
use crate::args::ViewCmd;

/// The self-contained page of the graph (`hallyu::html::Page::offline`),
/// and on stderr what it left out.
pub fn html(
    cx: Cx<'_>,
    view: Option<&ViewCmd>,
    max_records: usize,
    communities: bool,
    file: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let Cx { ex, filter, out } = cx;
    let mut options = hallyu::html::PageOptions::new()
        .filter(filter.clone())
        .max_records(max_records)
        .communities(communities);
    if let Some(v) = view {
        options = options.view(super::view(ex, filter, v)?);
    }
    let page = {
        let _busy = communities.then(|| crate::source::Busy::new(ex, "finding communities"));
        hallyu::html::Page::offline(ex, &options)?
    };
    if page.left_out > 0 {
        eprintln!(
            "the page holds {} people and works of {}: {} left out (--max-records {max_records}); \
             `hallyu serve` explores them all, `hallyu html person NAME` another part",
            page.records,
            page.records + page.left_out,
            page.left_out
        );
    }
    write_result(file, page.html.as_bytes(), out)
}

/// Serves the page and the JSON API on 127.0.0.1 until Ctrl-C or SIGTERM
/// (SIGHUP too): then it stops accepting, answers the requests already
/// accepted, says how many it answered and returns (status 0). A second
/// Ctrl-C quits at once (status 130).
pub fn serve(ex: Explorer, filter: &Filter, port: u16, time_limit_ms: u64) -> Result<(), Failure> {
    let options = hallyu::html::ServeOptions::new()
        .filter(filter.clone())
        .timeout(std::time::Duration::from_millis(time_limit_ms));
    let server = hallyu::html::serve(ex, ("127.0.0.1", port), options)?;
    let handle = server.shutdown_handle();
    ctrlc::set_handler(move || {
        if handle.is_stopping() {
            std::process::exit(130);
        }
        eprintln!("stopping: answering the requests at hand (Ctrl-C again quits now)");
        handle.shutdown();
    })
    .map_err(|e| Failure::Data(format!("cannot catch Ctrl-C: {e}")))?;
    eprintln!("serving on http://{}/ (Ctrl-C stops)", server.addr());
    let served = server.join();
    eprintln!(
        "stopped: {served} request{} served",
        plural(served as usize)
    );
    Ok(())
}
