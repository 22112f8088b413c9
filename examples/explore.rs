//! The command-line explorer: ask the graph who appeared with whom.
//!
//! ```text
//! cargo run --example explore -- path "Park Seo-joon" "Choi Woo-shik"
//! cargo run --example explore -- costars "Park Seo-joon" --json
//! cargo run --example explore -- list works --kind drama
//! cargo run --example explore -- --data my-data/ info "Someone"
//! ```
//!
//! An unknown or ambiguous name prints the suggestions and exits with
//! status 2; a data file with errors prints them (file:line:column) and
//! exits with status 1.

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use hallyu::model::{Role, WorkKind};
use hallyu::{Entity, Explorer, Filter, PersonId, RoleSet, SharedWork, WorkId};
use serde_json::{Value, json};

/// Explore the hallyu graph of Korean pop culture.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// A RON file or a directory of them to explore instead of the bundled dataset.
    #[arg(long, global = true, value_name = "PATH")]
    data: Option<std::path::PathBuf>,
    /// Print machine-readable JSON.
    #[arg(long, global = true)]
    json: bool,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(subcommand)]
    command: Command,
}

/// Which credits count (every query).
#[derive(clap::Args)]
struct FilterArgs {
    /// Only works released in these years, e.g. 2008..2016.
    #[arg(long, global = true, value_parser = hallyu::parse_years)]
    years: Option<std::ops::RangeInclusive<i32>>,
    /// Only these kinds of work, e.g. mv,drama.
    #[arg(long, global = true, value_delimiter = ',', value_parser = parse_kind)]
    kinds: Vec<WorkKind>,
    /// Which roles count, e.g. lead,cameo or on-screen or any (default: on-screen).
    #[arg(long, global = true, value_parser = parse_roles)]
    roles: Option<RoleSet>,
    /// Count claims marked unverified.
    #[arg(long, global = true)]
    unverified: bool,
    /// Do not count a group's credits for its members.
    #[arg(long, global = true)]
    no_groups: bool,
}

fn parse_kind(s: &str) -> Result<WorkKind, hallyu::Error> {
    s.parse()
}

fn parse_roles(s: &str) -> Result<RoleSet, hallyu::Error> {
    s.parse()
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        let mut f = Filter::new().include_unverified(self.unverified).expand_groups(!self.no_groups);
        if let Some(y) = &self.years {
            f = f.years(y.clone());
        }
        if !self.kinds.is_empty() {
            f = f.kinds(self.kinds.iter().copied());
        }
        if let Some(r) = self.roles {
            f = f.roles(r);
        }
        f
    }
}

#[derive(Subcommand)]
enum Command {
    /// Everything about one person, group, work or organisation.
    Info { name: String },
    /// Everyone who shares a work with a person, strongest first.
    Costars { name: String },
    /// The works two people share.
    Shared { a: String, b: String },
    /// A shortest chain of shared works between two people.
    Path { a: String, b: String },
    /// A person's works in order of release.
    Works { name: String },
    /// Everyone credited on a work.
    Cast { title: String },
    /// List the people, works, groups or organisations.
    List {
        what: ListWhat,
        /// Only works of this kind (mv, drama, film, variety, commercial).
        #[arg(long, value_parser = parse_kind)]
        kind: Option<WorkKind>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ListWhat {
    People,
    Works,
    Groups,
    Organisations,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let explorer = match &cli.data {
        Some(path) => match Explorer::from_path(path) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        },
        None => Explorer::bundled(),
    };
    match run(&cli, &explorer) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if e.is_not_found() || e.is_ambiguous() { 2 } else { 1 })
        }
    }
}

fn run(cli: &Cli, ex: &Explorer) -> hallyu::Result<()> {
    let filter = cli.filter.filter();
    let out = Output { json: cli.json };
    match &cli.command {
        Command::Info { name } => {
            let entity = ex.lookup(name)?;
            out.print(info_json(ex, entity), || info_text(ex, entity));
        }
        Command::Costars { name } => {
            let me = ex.person(name)?;
            let costars = ex.co_appearances(me, &filter);
            let list: Vec<Value> = costars
                .iter()
                .map(|c| {
                    json!({
                        "person": person_json(ex, c.person),
                        "count": c.works.len(),
                        "works": c.works.iter().map(|s| shared_json(ex, s)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            out.print(json!({ "person": person_json(ex, me), "costars": list }), || {
                if costars.is_empty() {
                    format!("{} shares no work with anyone under this filter.\n", ex[me].name)
                } else {
                    format!("Co-stars of {}:\n{costars}", ex.label(me.into()))
                }
            });
        }
        Command::Shared { a, b } => {
            let (pa, pb) = (ex.person(a)?, ex.person(b)?);
            let shared = ex.shared_works(pa, pb, &filter);
            let path = ex.shortest_path(pa, pb, &filter);
            let list: Vec<Value> = shared.iter().map(|s| shared_json(ex, s)).collect();
            out.print(
                json!({ "a": person_json(ex, pa), "b": person_json(ex, pb), "works": list,
                        "distance": path.as_ref().map(|p| p.len()) }),
                || {
                    let mut s = String::new();
                    if shared.is_empty() {
                        s.push_str(&format!("{} and {} share no work", ex[pa].name, ex[pb].name));
                        match &path {
                            Some(p) => s.push_str(&format!("; they are connected in {} hops:\n{p}", p.len())),
                            None => s.push_str(", and no chain of works connects them.\n"),
                        }
                    } else {
                        for w in &shared {
                            s.push_str(&shared_line(ex, w));
                        }
                    }
                    s
                },
            );
        }
        Command::Path { a, b } => {
            let (pa, pb) = (ex.person(a)?, ex.person(b)?);
            let path = ex.shortest_path(pa, pb, &filter);
            let value = match &path {
                Some(p) => json!({
                    "from": person_json(ex, pa), "to": person_json(ex, pb), "length": p.len(),
                    "steps": p.steps().iter().map(|s| json!({
                        "from": person_json(ex, s.from),
                        "from_role": s.from_credit.describe(ex),
                        "work": work_json(ex, s.work),
                        "to_role": s.to_credit.describe(ex),
                        "to": person_json(ex, s.to),
                    })).collect::<Vec<_>>(),
                }),
                None => json!({ "from": person_json(ex, pa), "to": person_json(ex, pb), "length": null }),
            };
            out.print(value, || match &path {
                Some(p) => format!("{} to {}: {} hop{}\n{p}", ex[pa].name, ex[pb].name, p.len(), plural(p.len())),
                None => format!(
                    "No path: no chain of shared works connects {} and {} under this filter.\n",
                    ex[pa].name, ex[pb].name
                ),
            });
        }
        Command::Works { name } => {
            let me = ex.person(name)?;
            let works = ex.works_of(me, &filter);
            out.print(
                json!({ "person": person_json(ex, me), "works": works.iter().map(|(w, c)| {
                    let mut v = work_json(ex, *w);
                    v["role"] = json!(c.describe(ex));
                    v
                }).collect::<Vec<_>>() }),
                || {
                    works
                        .iter()
                        .map(|(w, c)| format!("{} [{}] — {}\n", ex.label((*w).into()), ex[*w].kind.label(), c.describe(ex)))
                        .collect()
                },
            );
        }
        Command::Cast { title } => {
            let work = ex.work(title)?;
            let credits = ex.credits_on(work);
            let list: Vec<Value> = credits
                .iter()
                .map(|&c| {
                    let (from, to) = ex.ends(c);
                    let other = if to == Entity::Work(work) { from } else { to };
                    json!({ "id": ex.key(other), "name": ex.name(other), "role": role_text(&ex[c].role),
                            "confidence": format!("{:?}", ex[c].confidence) })
                })
                .collect();
            out.print(json!({ "work": work_json(ex, work), "credits": list }), || {
                let mut s = format!("{} [{}]\n", ex.label(work.into()), ex[work].kind.label());
                for &c in &credits {
                    let (from, to) = ex.ends(c);
                    let other = if to == Entity::Work(work) { from } else { to };
                    let mark = if ex[c].confidence.is_unverified() { " (unverified)" } else { "" };
                    s.push_str(&format!("  {:<30} {}{mark}\n", ex.label(other), role_text(&ex[c].role)));
                }
                s
            });
        }
        Command::List { what, kind } => {
            let items: Vec<Entity> = match what {
                ListWhat::People => ex.people().map(Entity::Person).collect(),
                ListWhat::Groups => ex.groups().map(Entity::Group).collect(),
                ListWhat::Organisations => ex.organisations().map(Entity::Organisation).collect(),
                ListWhat::Works => {
                    let mut works: Vec<WorkId> =
                        ex.works().filter(|w| kind.is_none_or(|k| ex[*w].kind == k)).collect();
                    works.sort_by_key(|w| (ex[*w].kind, ex[*w].released));
                    works.into_iter().map(Entity::Work).collect()
                }
            };
            out.print(
                json!(items.iter().map(|e| json!({ "id": ex.key(*e), "name": ex.name(*e), "label": ex.label(*e) })).collect::<Vec<_>>()),
                || {
                    items
                        .iter()
                        .map(|e| match e {
                            Entity::Work(w) => format!("{:<34} {:<11} {}\n", ex.key(*e), ex[*w].kind.label(), ex.label(*e)),
                            _ => format!("{:<24} {}\n", ex.key(*e), ex.label(*e)),
                        })
                        .collect()
                },
            );
        }
    }
    Ok(())
}

struct Output {
    json: bool,
}

impl Output {
    fn print(&self, value: Value, text: impl FnOnce() -> String) {
        if self.json {
            println!("{}", serde_json::to_string_pretty(&value).expect("JSON values serialise"));
        } else {
            print!("{}", text());
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn role_text(role: &Role) -> String {
    match role {
        Role::Cast { billing, character } => {
            let b = format!("{billing:?}").to_lowercase();
            match character {
                Some(c) => format!("cast ({b}) as {c}"),
                None => format!("cast ({b})"),
            }
        }
        Role::Member { since, until } => match (since, until) {
            (None, None) => "member".into(),
            (s, u) => format!(
                "member {}–{}",
                s.map_or(String::new(), |y| y.to_string()),
                u.map_or(String::new(), |y| y.to_string())
            ),
        },
        Role::Soundtrack { song: Some(s) } => format!("soundtrack \"{s}\""),
        other => other.name().to_string(),
    }
}

fn person_json(ex: &Explorer, p: PersonId) -> Value {
    json!({ "id": ex[p].id, "name": ex[p].name, "hangul": ex[p].hangul })
}

fn work_json(ex: &Explorer, w: WorkId) -> Value {
    let work = &ex[w];
    json!({ "id": work.id, "title": work.title, "hangul": work.hangul, "kind": work.kind.name(),
            "released": work.released.to_string() })
}

fn shared_json(ex: &Explorer, s: &SharedWork) -> Value {
    let mut v = work_json(ex, s.work);
    v["left_role"] = json!(s.left.describe(ex));
    v["right_role"] = json!(s.right.describe(ex));
    v
}

fn shared_line(ex: &Explorer, s: &SharedWork) -> String {
    format!(
        "{} [{}]: {} / {}\n",
        ex.label(s.work.into()),
        ex[s.work].kind.label(),
        s.left.describe(ex),
        s.right.describe(ex)
    )
}

fn info_json(ex: &Explorer, e: Entity) -> Value {
    let credits: Vec<Value> = ex
        .credits_of(e)
        .iter()
        .map(|&c| {
            let (from, to) = ex.ends(c);
            json!({ "from": ex.key(from), "to": ex.key(to), "role": role_text(&ex[c].role),
                    "confidence": format!("{:?}", ex[c].confidence), "sources": ex[c].sources })
        })
        .collect();
    let record = match e {
        Entity::Person(p) => serde_json::to_value(&ex[p]),
        Entity::Group(g) => serde_json::to_value(&ex[g]),
        Entity::Work(w) => serde_json::to_value(&ex[w]),
        Entity::Organisation(o) => serde_json::to_value(&ex[o]),
    }
    .expect("records serialise");
    json!({ "kind": e.kind().to_string(), "record": record, "credits": credits })
}

fn info_text(ex: &Explorer, e: Entity) -> String {
    let mut s = format!("{} — {} ({})\n", ex.label(e), e.kind(), ex.key(e));
    let (aliases, sources, notes) = match e {
        Entity::Person(p) => (&ex[p].aliases, &ex[p].sources, &ex[p].notes),
        Entity::Group(g) => (&ex[g].aliases, &ex[g].sources, &ex[g].notes),
        Entity::Work(w) => (&ex[w].aliases, &ex[w].sources, &ex[w].notes),
        Entity::Organisation(o) => (&ex[o].aliases, &ex[o].sources, &ex[o].notes),
    };
    if let Entity::Work(w) = e {
        let work = &ex[w];
        s.push_str(&format!("  {} released {}", work.kind.label(), work.released));
        if let Some(n) = &work.network {
            s.push_str(&format!(" on {n}"));
        }
        if let Some(a) = &work.album {
            s.push_str(&format!(", album {a}"));
        }
        s.push('\n');
    }
    if !aliases.is_empty() {
        s.push_str(&format!("  also known as: {}\n", aliases.join(", ")));
    }
    if let Some(n) = notes {
        s.push_str(&format!("  note: {n}\n"));
    }
    for &c in ex.credits_of(e) {
        let (from, to) = ex.ends(c);
        let mark = if ex[c].confidence.is_unverified() { " (unverified)" } else { "" };
        s.push_str(&format!("  {} —{}→ {}{mark}\n", ex.label(from), role_text(&ex[c].role), ex.label(to)));
    }
    for src in sources {
        s.push_str(&format!("  source: {src}\n"));
    }
    s
}
