//! Runs a Python checker of `tests/` on a JSON file of cases: shared by the
//! tests that compare their answers with NetworkX.

use std::process::Command;

use serde_json::Value;

/// The answers of `script` (a path under `tests/`) to `cases`, written to
/// a temporary `what.json`. Without python3 and NetworkX the test fails
/// with why, unless `HALLYU_SKIP_NETWORKX` is set (then `None`).
pub fn answers(script: &str, what: &str, cases: &Value) -> Option<Value> {
    let name = script.rsplit('/').next().unwrap_or(script);
    let dir = std::env::temp_dir().join(format!(
        "hallyu-{}-{}",
        name.trim_end_matches(".py"),
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{what}.json"));
    std::fs::write(&file, cases.to_string()).unwrap();
    let script = format!("{}/tests/{script}", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3").arg(script).arg(&file).output();
    match out {
        Ok(o) if o.status.success() => Some(serde_json::from_slice(&o.stdout).unwrap()),
        Ok(o) if std::env::var_os("HALLYU_SKIP_NETWORKX").is_some() => {
            eprintln!("SKIPPED: {}", String::from_utf8_lossy(&o.stderr));
            None
        }
        Ok(o) => panic!("{name} failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => panic!("python3: {e}"),
    }
}
