//! Opening `--data` through the library's [`Open`], which tells the kind
//! of data a path holds; several sources merged ([`Merge`]); a progress
//! bar while IMDb files load.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use hallyu::Explorer;

use crate::Failure;
use hallyu::import::{
    DataKind, Dump, Merge, Merged, Open, OpenReport, Progress, ReadReport, Report, Sparql,
    WikidataReport,
};

/// A loaded data source: one, or several merged.
pub struct Source {
    explorer: Option<Explorer>,
    /// The merged explorer with its sources, for merged data.
    pub merged: Option<Merged>,
    pub kind: DataKind,
    /// Where it came from (`None` for the bundled dataset).
    pub path: Option<PathBuf>,
    /// The importer's account of the rows, for IMDb data.
    pub report: Option<Report>,
}

impl Source {
    /// The explorer every command asks.
    pub fn explorer(&self) -> &Explorer {
        match &self.merged {
            Some(m) => &m.explorer,
            None => self.explorer.as_ref().expect("one source or merged"),
        }
    }

    /// The kind's name for `stats`: `merged` for merged data.
    pub fn kind_name(&self) -> &'static str {
        if self.merged.is_some() {
            "merged"
        } else {
            self.kind.name()
        }
    }
}

/// Opens the `--data` and `--wikidata` sources: the bundled dataset when
/// there are none, one source alone, or several merged (also one Wikidata
/// file, so that its records keep their source).
pub fn open(
    data: &[PathBuf],
    wikidata: &[PathBuf],
    merge: bool,
    korean: bool,
) -> Result<Source, Failure> {
    let single = match (data, wikidata, merge) {
        ([], [], false) => return one(None, korean).map_err(data_error),
        ([path], [], false) => Some(path),
        _ => None,
    };
    if let Some(path) = single {
        let kind = Open::detect(path).map_err(data_error)?;
        if !matches!(kind, DataKind::Sparql | DataKind::WikidataDump) {
            return one(Some(path), korean).map_err(data_error);
        }
    }
    merged(data, wikidata, merge, korean)
}

/// A data error: status 1, whatever the library's error.
fn data_error(e: hallyu::Error) -> Failure {
    Failure::Data(e.to_string())
}

/// Several sources in one explorer ([`Merge`]): the RON records first
/// (the bundled ones with `--merge`, or one RON `--data`), then the
/// Wikidata files, then the IMDb directories.
fn merged(
    data: &[PathBuf],
    wikidata: &[PathBuf],
    merge: bool,
    korean: bool,
) -> Result<Source, Failure> {
    let mut ron: Option<(String, hallyu::model::Records)> = merge.then(|| {
        (
            "bundled".to_string(),
            hallyu::Catalog::bundled().into_records(),
        )
    });
    let mut wiki: Vec<(String, hallyu::import::Wikidata)> = Vec::new();
    let mut imdb: Vec<(String, Explorer)> = Vec::new();
    let sources = data
        .iter()
        .map(|p| Open::detect(p).map(|k| (p, k)).map_err(data_error))
        .chain(wikidata.iter().map(|p| Ok((p, wikidata_kind(p)?))));
    for source in sources {
        let (path, kind) = source?;
        let label = path.display().to_string();
        match kind {
            DataKind::Ron => {
                if let Some((first, _)) = &ron {
                    return Err(merge_error(
                        path,
                        &format!("one RON source at a time ({first} is already one)"),
                    ));
                }
                let catalog = hallyu::Catalog::from_path(path).map_err(data_error)?;
                ron = Some((label, catalog.into_records()));
            }
            DataKind::Sparql | DataKind::WikidataDump => {
                let read = if kind == DataKind::Sparql {
                    Sparql::new().from_path(path)
                } else {
                    Dump::new().from_path(path)
                }
                .map_err(data_error)?;
                for line in wikidata_report(path, &read.report) {
                    eprintln!("{line}");
                }
                wiki.push((label, read));
            }
            DataKind::Imdb => {
                let source = one(Some(path), korean).map_err(data_error)?;
                imdb.push((label, source.explorer.expect("one source")));
            }
            other => {
                return Err(merge_error(
                    path,
                    &format!("{} data does not merge", other.name()),
                ));
            }
        }
    }
    let mut m = match ron {
        Some((label, records)) => Merge::new(records).label(label),
        None => Merge::default().label("(no RON records)"),
    };
    for (label, read) in wiki {
        m = m.wikidata(read).label(label);
    }
    for (label, ex) in &imdb {
        m = m.imdb(ex).label(label.clone());
    }
    let merged = m.build().map_err(data_error)?;
    let n = merged.conflicts.len();
    eprintln!(
        "note: merged {} sources: {} records matched by cross-identifiers, {} credits stated \
         by two sources or more; {n} conflict{} (`hallyu sources` lists {})",
        merged.report.sources.len(),
        merged.report.matched,
        merged.report.corroborated,
        if n == 1 { "" } else { "s" },
        if n == 1 { "it" } else { "them" },
    );
    Ok(Source {
        explorer: None,
        merged: Some(merged),
        kind: DataKind::Bundled,
        path: None,
        report: None,
    })
}

/// The kind of a `--wikidata` file: SPARQL results or a dump, whatever
/// its name says.
fn wikidata_kind(path: &Path) -> Result<DataKind, Failure> {
    let kind = Open::detect(path).unwrap_or(DataKind::Sparql);
    Ok(match kind {
        DataKind::WikidataDump => kind,
        _ if path.to_string_lossy().ends_with(".gz") => DataKind::WikidataDump,
        // Not a regular file (a FIFO would block): the reader refuses it.
        _ if !path.is_file() => DataKind::Sparql,
        _ => {
            // A name that says nothing: the first character tells.
            let mut head = [0u8; 64];
            let n = std::fs::File::open(path)
                .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
                .map_err(|e| Failure::Data(format!("{}: {e}", path.display())))?;
            let text = String::from_utf8_lossy(&head[..n]);
            if text.trim_start().starts_with('[') {
                DataKind::WikidataDump
            } else {
                DataKind::Sparql
            }
        }
    })
}

/// A source that cannot be merged: a usage error.
fn merge_error(path: &Path, why: &str) -> Failure {
    Failure::Usage(format!(
        "{}: {why}; merged sources are RON, IMDb directories and Wikidata's SPARQL \
         results or dumps",
        path.display()
    ))
}

/// What a Wikidata reader left out, for stderr.
fn wikidata_report(path: &Path, r: &WikidataReport) -> Vec<String> {
    let mut lines = vec![format!(
        "note: {}: {} rows or entities read, {} memberships and {} credits kept, {} left out",
        path.display(),
        r.rows,
        r.members,
        r.credits,
        r.skipped.len()
    )];
    if let Some((at, why)) = r.skipped.first() {
        lines.push(format!("note:   the first left out, at {at}: {why}"));
    }
    for (at, what) in &r.conflicts {
        lines.push(format!("note:   rows disagree at {at}: {what}"));
    }
    lines
}

/// One source, or the bundled dataset when there is none.
fn one(path: Option<&Path>, korean: bool) -> hallyu::Result<Source> {
    let Some(path) = path else {
        return Ok(Source {
            explorer: Some(Explorer::bundled()),
            merged: None,
            kind: DataKind::Bundled,
            path: None,
            report: None,
        });
    };
    let bar = progress_bar("loading {wide_bar} {bytes}/{total_bytes} ({eta})");
    let mut open = Open::new().korean(korean);
    if let Some(bar) = &bar {
        let bar = bar.clone();
        open = open.progress(move |p: Progress| {
            bar.set_length(p.total);
            bar.set_position(p.read);
        });
    }
    let opened = open.open(path);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let opened = opened?;
    if let OpenReport::Read(r) = &opened.report {
        for line in read_report(path, r) {
            eprintln!("{line}");
        }
    }
    if let (true, OpenReport::Imdb(r)) = (korean, &opened.report) {
        // Every row left out is counted, and said.
        eprintln!(
            "korean: {} titles selected from {} akas rows; {} title rows and {} principals \
             left out as not Korean; {} works, {} people kept",
            r.korean_titles, r.akas, r.not_korean, r.not_korean_principals, r.works, r.people
        );
    }
    Ok(Source {
        explorer: Some(opened.explorer),
        merged: None,
        kind: opened.kind,
        path: Some(path.to_path_buf()),
        report: match opened.report {
            OpenReport::Imdb(report) => Some(report),
            _ => None,
        },
    })
}

/// A progress bar on stderr drawn with `template` (indicatif's), when
/// stderr is a terminal; its length is set later.
pub fn progress_bar(template: &str) -> Option<indicatif::ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(indicatif::ProgressStyle::with_template(template).expect("a valid template"));
        bar
    })
}

/// A spinner on stderr while a query runs on a large dataset (where it can
/// take seconds), when stderr is a terminal.
pub struct Busy(Option<indicatif::ProgressBar>);

impl Busy {
    pub fn new(explorer: &Explorer, message: &str) -> Busy {
        let large = explorer.people().len() > 20_000;
        Busy((large && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_message(message.to_string());
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        }))
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// What a CSV, JSON or GraphML reader left out, for stderr: nothing when
/// it kept everything, else a line of counts and a line per kind of skip
/// (the reason with its names left out, how many, and where the first
/// was).
pub fn read_report(path: &Path, r: &ReadReport) -> Vec<String> {
    if r.skipped.is_empty()
        && r.collisions.is_empty()
        && r.generic_roles == 0
        && r.generic_kinds == 0
    {
        return Vec::new();
    }
    let mut lines = vec![format!(
        "note: {}: kept {} people, {} groups, {} works, {} organisations, {} credits; \
         skipped {}; {} id collisions; {} roles and {} kinds kept as generic",
        path.display(),
        r.people,
        r.groups,
        r.works,
        r.organisations,
        r.credits,
        r.skipped.len(),
        r.collisions.len(),
        r.generic_roles,
        r.generic_kinds,
    )];
    // Skips by reason, names left out (`edge "a" – "b" is a self-loop`).
    let mut kinds: Vec<(String, usize, String)> = Vec::new();
    for (at, why) in &r.skipped {
        let mut reason = String::new();
        let mut quoted = false;
        for c in why.chars() {
            if c == '"' {
                if !quoted {
                    reason.push('…');
                }
                quoted = !quoted;
            } else if !quoted {
                reason.push(c);
            }
        }
        match kinds.iter_mut().find(|(r, _, _)| *r == reason) {
            Some(k) => k.1 += 1,
            None => kinds.push((reason, 1, at.to_string())),
        }
    }
    for (reason, n, first) in kinds {
        lines.push(format!("note:   {n} × {reason} (first at {first})"));
    }
    lines
}
