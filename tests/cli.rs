//! End-to-end tests of the `newsgraph` command on the bundled sample articles.

mod common;

use common::articles;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use rusqlite::Connection;


fn gold() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gold")
}

fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

fn build(db: &Path, inputs: &[&Path], extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut cmd = newsgraph();
    cmd.arg("build").args(inputs).arg("--db").arg(db).args(extra);
    cmd.assert()
}

/// Every table's rows, sorted, as text: equal dumps mean equal content.
fn dump(db: &Path) -> String {
    let conn = Connection::open(db).unwrap();
    let mut out = String::new();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                let mut s = String::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    s.push_str(&format!("{v:?}\t"));
                }
                Ok(s)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.push_str(&format!("## {t} ({} rows)\n{}\n", rows.len(), rows.join("\n")));
    }
    out
}

fn has_fact(db: &Path, s: &str, p: &str, o: &str) -> bool {
    let conn = Connection::open(db).unwrap();
    conn.query_row(
        "SELECT count(*) FROM facts WHERE subject LIKE ?1 AND predicate = ?2 AND object LIKE ?3",
        [s, p, o],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        > 0
}

#[test]
fn builds_the_sample_articles_with_the_design_card_facts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    build(&db, &[&articles()], &["--quiet"])
        .success()
        .stderr(predicate::str::contains("5 articles read (5 new"));
    assert!(has_fact(&db, "Azerbaijani delegation", "attended", "%Caspian Media Forum%"));
    assert!(has_fact(&db, "A%Ismayilov", "heads", "%Media Development Agency%"));
    assert!(
        has_fact(&db, "Baku", "twinned_with", "Astrakhan") || has_fact(&db, "Astrakhan", "twinned_with", "Baku")
    );
    // articles view: dates and agencies found in the text
    let conn = Connection::open(&db).unwrap();
    let (published, source): (Option<String>, Option<String>) = conn
        .query_row("SELECT published, source FROM articles WHERE id = '004_17285699cba6f95f.txt'", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(published.as_deref(), Some("2023-05-23"));
    assert_eq!(source.as_deref(), Some("TASS"));
    // every fact has evidence, a rule and offsets inside its article
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM fact f JOIN article a ON a.num = f.article
             WHERE f.rule = '' OR f.start < 0 OR f.end > length(a.text) OR f.start >= f.end
                OR f.confidence <= 0 OR f.confidence > 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
}

#[test]
fn building_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    build(&db, &[&articles()], &["--quiet"]).success();
    let first = dump(&db);
    build(&db, &[&articles()], &["--quiet"])
        .success()
        .stderr(predicate::str::contains("5 unchanged"));
    assert_eq!(first, dump(&db));
}

#[test]
fn a_newer_reader_reads_stored_articles_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    build(&db, &[&articles()], &["--quiet"]).success();
    let facts = |db: &Path| -> Vec<String> {
        let c = Connection::open(db).unwrap();
        let mut st = c.prepare("SELECT article || subject || predicate || object FROM facts ORDER BY 1").unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let first = facts(&db);
    // as if an older newsgraph had built it: its facts must not be kept as they are
    let conn = Connection::open(&db).unwrap();
    conn.execute("UPDATE meta SET value = 'older' WHERE key = 'reader'", []).unwrap();
    let stale: i64 = conn.query_row("SELECT count(*) FROM meta WHERE value = 'older'", [], |r| r.get(0)).unwrap();
    assert_eq!(stale, 1);
    drop(conn);
    build(&db, &[&articles()], &["--quiet"]).success().stderr(predicate::str::contains("5 changed, 0 unchanged"));
    assert_eq!(first, facts(&db));
    build(&db, &[&articles()], &["--quiet"]).success().stderr(predicate::str::contains("5 unchanged"));
}

#[test]
fn a_changed_article_has_its_facts_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "BAKU, May 3. Jane Roe, the director of the Caspian Energy Agency, met with John Doe.").unwrap();
    let db = dir.path().join("kg.db");
    build(&db, &[&input], &["--quiet"]).success();
    assert!(has_fact(&db, "Jane Roe", "heads", "Caspian Energy Agency"));
    std::fs::write(input.join("a.txt"), "BAKU, May 3. Jane Roe, the spokeswoman of the Caspian Energy Agency, met with John Doe.").unwrap();
    build(&db, &[&input], &["--quiet"]).success().stderr(predicate::str::contains("1 changed"));
    assert!(!has_fact(&db, "Jane Roe", "heads", "Caspian Energy Agency"));
    assert!(has_fact(&db, "Jane Roe", "works_for", "Caspian Energy Agency"));
    let conn = Connection::open(&db).unwrap();
    let n: i64 = conn.query_row("SELECT count(*) FROM article", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
}

#[test]
fn bad_inputs_are_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = common::copy_of_samples(dir.path());
    std::fs::write(input.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0]).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("latin1.txt"), b"Caf\xe9 au lait in Baku.").unwrap();
    let db = dir.path().join("kg.db");
    build(&db, &[&input], &[])
        .success()
        .stderr(predicate::str::contains("binary.txt"))
        .stderr(predicate::str::contains("empty.txt"))
        .stderr(predicate::str::contains("latin1.txt"))
        .stderr(predicate::str::contains("5 articles read"))
        .stderr(predicate::str::contains("3 failed"));
    let conn = Connection::open(&db).unwrap();
    let n: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 5);
    // -q: the same failures are counted, not named again on every rebuild
    build(&db, &[&input], &["--quiet"])
        .success()
        .stderr(predicate::str::contains("3 failed"))
        .stderr(predicate::str::contains("binary.txt").not());
}

#[test]
fn the_same_database_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.db");
    let two = dir.path().join("two.db");
    build(&one, &[&articles()], &["--quiet", "--threads", "1", "--batch", "2"]).success();
    build(&two, &[&articles()], &["--quiet", "--threads", "2"]).success();
    assert_eq!(dump(&one), dump(&two));
}

#[test]
fn query_formats_and_parameters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    build(&db, &[&articles()], &["--quiet"]).success();
    let q = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/entity.sql");
    newsgraph()
        .args(["query"])
        .arg(&q)
        .arg("--db")
        .arg(&db)
        .args(["--param", "name=Baku", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("article,subject,predicate,object,role,detail,confidence,evidence"))
        .stdout(predicate::str::contains("twinned_with"));
    newsgraph()
        .args(["query", "SELECT count(*) AS n FROM articles", "--format", "json", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"n\": 5"));
    // every ready-made query runs
    for f in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries")).unwrap() {
        let f = f.unwrap().path();
        let sql = std::fs::read_to_string(&f).unwrap();
        let mut cmd = newsgraph();
        cmd.arg("query").arg(&f).arg("--db").arg(&db);
        if sql.contains(":name") {
            cmd.args(["--param", "name=Baku"]);
        }
        if sql.contains(":article") {
            cmd.args(["--param", "article=004_17285699cba6f95f.txt"]);
        }
        cmd.assert().success();
    }
    // the connection is read-only
    newsgraph().args(["query", "DELETE FROM article", "--db"]).arg(&db).assert().failure();
}

#[test]
fn eval_scores_the_samples_above_the_floor() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    build(&db, &[&articles()], &["--quiet"]).success();
    // The floor only rises: raise it when extraction improves.
    newsgraph()
        .args(["eval", "--min-f1", "0.95", "--gold"])
        .arg(gold())
        .arg("--db")
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("F1 "));
}

#[test]
fn explain_shows_rule_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    build(&db, &[&articles()], &["--quiet"]).success();
    let out = newsgraph().args(["explain", "Baku", "--db"]).arg(&db).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("twinned_with"), "{out}");
    let fact_ref = out.lines().find(|l| l.contains("twinned_with")).unwrap().split_whitespace().next().unwrap().to_string();
    newsgraph()
        .args(["explain", &fact_ref, "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("rule twinned.sister_cities"))
        .stdout(predicate::str::contains("sister cities"));
}

#[test]
fn missing_database_is_a_clear_error() {
    newsgraph()
        .args(["query", "SELECT 1", "--db", "/nonexistent/kg.db"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("run `newsgraph build` first"));
}

#[test]
fn entities_and_stats_can_leave_out_entities_without_facts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    build(&db, &[&articles()], &[]).success();
    let count = |extra: &[&str]| -> usize {
        let out = newsgraph().args(["entities", "--format", "csv", "--limit", "10000", "--db"]).arg(&db).args(extra).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap().lines().count() - 1
    };
    let (all, with) = (count(&[]), count(&["--with-facts"]));
    assert!(with > 0 && with < all, "{with} of {all}");
    let facts_of: Vec<String> = {
        let out = newsgraph().args(["entities", "--format", "csv", "--limit", "10000", "--with-facts", "--db"]).arg(&db).output().unwrap();
        String::from_utf8(out.stdout).unwrap().lines().skip(1).map(|l| l.to_string()).collect()
    };
    assert!(facts_of.iter().all(|l| !l.contains(",0,")), "{facts_of:?}");
    newsgraph().args(["stats", "--no-write", "--with-facts", "--db"]).arg(&db).assert().success().stdout(predicate::str::contains(format!("{with} entities")));
}
