//! The command under abuse: hostile names, missing inputs, two writers, queries that try
//! to write or never end.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use rusqlite::Connection;

fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

fn wh() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz/whitehouse.jsonl")
}

/// Every table's rows, sorted, as text.
fn dump(db: &Path) -> String {
    let conn = Connection::open(db).unwrap();
    let tables: Vec<String> =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
    let mut out = String::new();
    for t in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap())).collect::<Vec<_>>().join("\t")))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        rows.sort();
        out.push_str(&format!("## {t}\n{}\n", rows.join("\n")));
    }
    out
}

fn no_escape(out: &[u8]) -> bool {
    !out.contains(&0x1b)
}

#[test]
fn escape_sequences_in_file_and_entity_names_are_printed_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let input = common::copy_of_samples(dir.path());
    std::fs::write(input.join("a\x1b[2Jb.txt"), [0u8, 1, 2]).unwrap();
    let db = dir.path().join("kg.db");
    // without -q: the warnings name the files (-q only counts them)
    let out = newsgraph().args(["build", "--db"]).arg(&db).arg(&input).assert().success().get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("a\\x1b[2Jb.txt"));
    assert!(no_escape(&out.stderr));

    let conn = Connection::open(&db).unwrap();
    let id: String = conn.query_row("SELECT id FROM entity WHERE name = 'Baku'", [], |r| r.get(0)).unwrap();
    conn.execute("UPDATE entity SET name = 'Ba\x1b]0;pwned\x07ku' WHERE id = ?1", [&id]).unwrap();
    conn.execute("UPDATE sentence SET text = text || ' \x1b[31m'", []).unwrap();
    drop(conn);
    for args in [vec!["entities", "Ba"], vec!["explain", id.as_str()], vec!["query", "SELECT name FROM entity"], vec!["stats", "--no-write"]] {
        let out = newsgraph().args(&args).arg("--db").arg(&db).assert().success().get_output().clone();
        assert!(no_escape(&out.stdout), "{args:?}");
        if args[0] != "stats" {
            assert!(String::from_utf8_lossy(&out.stdout).contains("Ba\\x1b]0;pwned\\x07ku"), "{args:?}");
        }
    }
    let out = newsgraph().args(["read", "Jane Roe\x1b[2J met John Doe in Baku."]).assert().success().get_output().clone();
    assert!(no_escape(&out.stdout));
}

#[test]
fn missing_inputs_fail_and_leave_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    newsgraph().args(["build", "/nonexistent", "--db"]).arg(&db).assert().code(1).stderr(predicate::str::contains("/nonexistent: not found")).stderr(predicate::str::contains("nothing was built"));
    assert!(!db.exists());
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("a.txt"), [0u8, 1]).unwrap();
    newsgraph().args(["build", "--db"]).arg(&db).arg(&bad).assert().failure().stderr(predicate::str::contains("no article could be read"));
    assert!(!db.exists());
    newsgraph().args(["bench", "/nonexistent"]).assert().failure().stderr(predicate::str::contains("/nonexistent: not found"));
}

#[test]
fn strict_fails_when_any_input_failed_and_builds_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let input = common::copy_of_samples(dir.path());
    std::fs::write(input.join("empty.txt"), "").unwrap();
    let db = dir.path().join("kg.db");
    newsgraph().args(["build", "--quiet", "--strict", "--db"]).arg(&db).arg(&input).assert().code(1).stderr(predicate::str::contains("--strict: 1 input(s) failed")).stderr(predicate::str::contains("empty.txt"));
    let n: i64 = Connection::open(&db).unwrap().query_row("SELECT count(*) FROM article", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 5);
}

#[test]
fn two_builds_at_once_give_one_whole_build() {
    let dir = tempfile::tempdir().unwrap();
    let single = dir.path().join("single.db");
    let both = dir.path().join("both.db");
    let inputs = [common::articles(), wh()];
    newsgraph().args(["build", "--quiet", "--db"]).arg(&single).args(&inputs).assert().success();
    let bin = assert_cmd::cargo::cargo_bin("newsgraph");
    let start = || Std::new(&bin).args(["build", "--quiet", "--db"]).arg(&both).args(&inputs).stderr(Stdio::piped()).spawn().unwrap();
    let (a, b) = (start(), start());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success(), "{a:?} {b:?}");
    let ok: String = Connection::open(&both).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    assert_eq!(dump(&both), dump(&single));
    assert!(!Path::new(&format!("{}.lock", both.display())).exists());
}

#[test]
fn query_refuses_to_write_and_stops_at_its_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    newsgraph().args(["build", "--quiet", "--db"]).arg(&db).arg(common::articles()).assert().success();
    let copy = dir.path().join("copy.db");
    for sql in [format!("VACUUM INTO '{}'", copy.display()), format!("ATTACH '{}' AS x", copy.display()), "DELETE FROM fact".into(), "SELECT load_extension('x')".into()] {
        newsgraph().args(["query", &sql, "--db"]).arg(&db).assert().failure().stderr(predicate::str::contains("refused: query is read-only"));
    }
    let mut left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    left.sort();
    // the build writes the database and its Datasette metadata; query adds nothing
    assert_eq!(left, ["kg.db", "kg.metadata.json"], "query created nothing");
    newsgraph()
        .args(["query", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c", "--timeout", "0.3", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--timeout"));
}

#[test]
fn articles_over_the_size_limit_are_skipped_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    // two sample articles are over 4 KB, and two of the releases over 4 KB of text
    newsgraph()
        .args(["build", "--max-article-bytes", "4096", "--db"])
        .arg(&db)
        .arg(common::articles())
        .arg(wh())
        .assert()
        .success()
        .stderr(predicate::str::contains("002_80c5309304c231c2.txt: too large (4.5KB, limit 4.0KB)"))
        .stderr(predicate::str::contains("whitehouse.jsonl: JSONL line 1: too large"))
        .stderr(predicate::str::contains("4 failed"));
}

#[test]
fn merge_and_stats_wait_while_a_build_holds_the_database() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    newsgraph().args(["build", "--quiet", "--db"]).arg(&db).arg(common::articles()).assert().success();
    let bin = assert_cmd::cargo::cargo_bin("newsgraph");
    for args in [vec!["stats"], vec!["merge", "Baku", "Astrakhan"]] {
        let lock = newsgraph::writelock::acquire(&db, "build", &|_| {}).unwrap();
        let mut child = Std::new(&bin).args(&args).arg("--db").arg(&db).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stderr.as_mut().unwrap()).read_line(&mut first).unwrap();
        assert!(first.starts_with("waiting: pid ") && first.contains("(build) holds"), "{args:?}: {first}");
        drop(lock);
        assert!(child.wait().unwrap().success(), "{args:?}");
    }
}
