//! Writes a synthetic Wikidata entity dump (the `latest-all.json` shape: a
//! JSON array, one entity per line) and times `hallyu::import::Dump` on it:
//! throughput and peak memory.
//!
//! ```text
//! cargo run --release --example wikidata_dump -- target/wikidata 1000000
//! ```
//!
//! The entities are made up (ids from Q1000000000 up, which no Wikidata item
//! has yet, and names like "Person 42"): about 2% are Korean films, series
//! and music videos with cast and performers, 0.5% Korean groups with parts
//! and membership years, 30% people (some naming a group with P463), the
//! rest other items with unrelated statements and labels in several
//! languages.

#[cfg(feature = "serde")]
fn main() -> std::process::ExitCode {
    use std::io::Write;
    use std::time::Instant;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(n)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: wikidata_dump DIR ENTITIES");
        return std::process::ExitCode::from(2);
    };
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).expect("the directory");
    let path = dir.join("latest-all.json");
    let base = 1_000_000_000u64;
    let q = |i: u64| format!("Q{}", base + i);
    let item = |i: u64| {
        format!(
            r#"{{"entity-type":"item","numeric-id":{},"id":"{}"}}"#,
            base + i,
            q(i)
        )
    };
    let claim = |p: &str, value: String, kind: &str, quals: &str| {
        format!(
            r#"{{"mainsnak":{{"snaktype":"value","property":"{p}","datavalue":{{"value":{value},"type":"{kind}"}},"datatype":"wikibase-item"}},"type":"statement","id":"X","rank":"normal"{quals}}}"#
        )
    };
    let time = |y: u64| {
        format!(
            r#"{{"time":"+{y}-01-01T00:00:00Z","timezone":0,"before":0,"after":0,"precision":9,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"}}"#
        )
    };
    let labels = |en: &str, ko: Option<&str>| {
        let mut s = format!(
            r#""labels":{{"en":{{"language":"en","value":"{en}"}},"fr":{{"language":"fr","value":"{en}"}},"de":{{"language":"de","value":"{en}"}}"#
        );
        if let Some(ko) = ko {
            s.push_str(&format!(r#","ko":{{"language":"ko","value":"{ko}"}}"#));
        }
        s.push('}');
        s
    };
    let korea = item(0)
        .replace(&q(0), "Q884")
        .replace(&format!("{base}"), "884");
    if !path.exists() {
        let start = Instant::now();
        let mut out = std::io::BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(&path).expect("create"),
        );
        writeln!(out, "[").unwrap();
        let people = (n * 3 / 10).max(1);
        let groups_from = people;
        let groups = (n / 200).max(1);
        let works_from = groups_from + groups;
        let works = (n / 50).max(1);
        for i in 0..n {
            let mut claims: Vec<String> = Vec::new();
            let name;
            let mut ko = None;
            if i < people {
                name = format!("Person {i}");
                ko = (i % 3 == 0).then(|| "사람".to_string());
                claims.push(format!(
                    r#""P31":[{}]"#,
                    claim("P31", item_q5(), "wikibase-entityid", "")
                ));
                if i % 7 == 0 {
                    claims.push(format!(
                        r#""P345":[{}]"#,
                        claim("P345", format!("\"nm{:07}\"", i), "string", "")
                    ));
                }
                if i % 11 == 0 {
                    let g = groups_from + i % groups;
                    let quals = format!(
                        r#","qualifiers":{{"P580":[{{"snaktype":"value","property":"P580","datavalue":{{"value":{},"type":"time"}}}}]}}"#,
                        time(2000 + i % 20)
                    );
                    claims.push(format!(
                        r#""P463":[{}]"#,
                        claim("P463", item(g), "wikibase-entityid", &quals)
                    ));
                }
            } else if i < works_from {
                name = format!("Group {i}");
                ko = Some("그룹".to_string());
                claims.push(format!(
                    r#""P495":[{}]"#,
                    claim("P495", korea.clone(), "wikibase-entityid", "")
                ));
                let parts: Vec<String> = (0..4)
                    .map(|k| {
                        let quals = format!(r#","qualifiers":{{"P580":[{{"snaktype":"value","property":"P580","datavalue":{{"value":{},"type":"time"}}}}]}}"#, time(2005 + k));
                        claim("P527", item((i * 31 + k * 7) % people), "wikibase-entityid", &quals)
                    })
                    .collect();
                claims.push(format!(r#""P527":[{}]"#, parts.join(",")));
            } else if i < works_from + works {
                name = format!("Work {i}");
                ko = Some("작품".to_string());
                let class = ["Q11424", "Q5398426", "Q193977"][(i % 3) as usize];
                let class = item(0).replace(&q(0), class);
                claims.push(format!(
                    r#""P31":[{}]"#,
                    claim("P31", class, "wikibase-entityid", "")
                ));
                claims.push(format!(
                    r#""P495":[{}]"#,
                    claim("P495", korea.clone(), "wikibase-entityid", "")
                ));
                claims.push(format!(
                    r#""P577":[{}]"#,
                    claim("P577", time(1990 + i % 35), "time", "")
                ));
                let cast: Vec<String> = (0..3)
                    .map(|k| {
                        claim(
                            "P161",
                            item((i * 13 + k * 101) % people),
                            "wikibase-entityid",
                            "",
                        )
                    })
                    .collect();
                claims.push(format!(r#""P161":[{}]"#, cast.join(",")));
                if i % 3 == 2 {
                    claims.push(format!(
                        r#""P175":[{}]"#,
                        claim(
                            "P175",
                            item(groups_from + i % groups),
                            "wikibase-entityid",
                            ""
                        )
                    ));
                }
            } else {
                name = format!("Thing {i}");
                claims.push(format!(
                    r#""P17":[{}]"#,
                    claim("P17", item(i % 1000), "wikibase-entityid", "")
                ));
                claims.push(format!(
                    r#""P571":[{}]"#,
                    claim("P571", time(1800 + i % 200), "time", "")
                ));
            }
            writeln!(
                out,
                r#"{{"type":"item","id":"{}",{},"descriptions":{{"en":{{"language":"en","value":"a synthetic entity"}}}},"aliases":{{}},"claims":{{{}}},"sitelinks":{{}}}}{}"#,
                q(i),
                labels(&name, ko.as_deref()),
                claims.join(","),
                if i + 1 < n { "," } else { "" }
            )
            .unwrap();
        }
        writeln!(out, "]").unwrap();
        out.flush().unwrap();
        eprintln!("wrote {n} entities in {:.1?}", start.elapsed());
    }
    let size = std::fs::metadata(&path).expect("the dump").len();
    let start = Instant::now();
    let read = match hallyu::import::Dump::new().from_path(&path) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let elapsed = start.elapsed().as_secs_f64();
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_string)
        })
        .unwrap_or_default();
    let mb = size as f64 / 1e6;
    println!(
        "{} entities, {mb:.0} MB: {:.2} s, {:.0} MB/s of dump ({:.0} MB/s read, two passes); {peak}",
        read.report.rows,
        elapsed,
        mb / elapsed,
        2.0 * mb / elapsed
    );
    let r = &read.records;
    println!(
        "kept {} people, {} groups, {} works, {} credits ({} memberships); {} skipped",
        r.people.len(),
        r.groups.len(),
        r.works.len(),
        r.credits.len(),
        read.report.members,
        read.report.skipped.len()
    );
    std::process::ExitCode::SUCCESS
}

#[cfg(feature = "serde")]
fn item_q5() -> String {
    r#"{"entity-type":"item","numeric-id":5,"id":"Q5"}"#.to_string()
}

#[cfg(not(feature = "serde"))]
fn main() {
    eprintln!("this example needs the serde feature");
}
