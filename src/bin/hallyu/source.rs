//! Opening `--data` through the library's [`Open`], which tells the kind
//! of data a path holds; a progress bar while IMDb files load.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use hallyu::Explorer;
use hallyu::import::{DataKind, Open, OpenReport, Progress, ReadReport, Report};

/// A loaded data source.
pub struct Source {
    pub explorer: Explorer,
    pub kind: DataKind,
    /// Where it came from (`None` for the bundled dataset).
    pub path: Option<PathBuf>,
    /// The importer's account of the rows, for IMDb data.
    pub report: Option<Report>,
}

/// Opens `path`, or the bundled dataset when there is none.
pub fn open(path: Option<&Path>, korean: bool) -> hallyu::Result<Source> {
    let Some(path) = path else {
        return Ok(Source {
            explorer: Explorer::bundled(),
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
        explorer: opened.explorer,
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
