//! `newsgraph::eval` must print exactly what /work/shared/eval/score.py prints.
//!
//! Each folder under tests/data/eval/ holds a fixture database as two TSV files
//! (facts.tsv, aliases.tsv; the first line names the columns, `\N` is NULL) and the
//! output score.py gave on it against tests/data/gold, captured with:
//!
//!     python3 score.py --db NAME.db --gold tests/data/gold --json expected.json > expected.txt
//!     python3 score.py --db NAME.db --gold tests/data/gold --errors > expected_errors.txt
//!
//! where NAME.db is the database this test builds (plain tables `facts` and
//! `entity_aliases` with those columns; score.py reads only them).

use std::fs;
use std::path::{Path, PathBuf};

use newsgraph::eval::{load_gold, score, Score};
use rusqlite::Connection;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// Create `table` from a TSV file whose first line names the columns.
fn load_table(conn: &Connection, table: &str, tsv: &Path) {
    let text = fs::read_to_string(tsv).unwrap();
    let mut lines = text.split('\n');
    let cols: Vec<&str> = lines.next().unwrap().split('\t').collect();
    conn.execute_batch(&format!("CREATE TABLE {table}({})", cols.join(", ")))
        .unwrap();
    let marks = vec!["?"; cols.len()].join(", ");
    let mut insert = conn
        .prepare(&format!("INSERT INTO {table} VALUES ({marks})"))
        .unwrap();
    for line in lines.filter(|l| !l.is_empty()) {
        let vals: Vec<Option<&str>> = line
            .split('\t')
            .map(|v| (v != "\\N").then_some(v))
            .collect();
        assert_eq!(vals.len(), cols.len(), "{}: {line}", tsv.display());
        insert.execute(rusqlite::params_from_iter(vals)).unwrap();
    }
}

/// Build the fixture database in a temporary folder and score it.
fn run(name: &str) -> Score {
    let dir = data().join("eval").join(name);
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join(format!("{name}.db"));
    {
        let mut conn = Connection::open(&db).unwrap();
        let tx = conn.transaction().unwrap(); // one commit, not one fsync per row
        load_table(&tx, "facts", &dir.join("facts.tsv"));
        load_table(&tx, "entity_aliases", &dir.join("aliases.tsv"));
        tx.commit().unwrap();
    }
    let gold = load_gold(&data().join("gold")).unwrap();
    let conn = newsgraph::eval::open_db(&db).unwrap();
    score(&conn, &gold).unwrap()
}

fn check(name: &str) -> Score {
    let res = run(name);
    let dir = data().join("eval").join(name);
    let expected = |file: &str| fs::read_to_string(dir.join(file)).unwrap();
    assert_eq!(
        res.report(false),
        expected("expected.txt"),
        "{name}: report"
    );
    assert_eq!(
        res.report(true),
        expected("expected_errors.txt"),
        "{name}: report with errors"
    );
    assert_eq!(
        res.to_json_text(),
        expected("expected.json"),
        "{name}: json text"
    );
    let json: serde_json::Value = serde_json::from_str(&expected("expected.json")).unwrap();
    assert_eq!(res.to_json(), json, "{name}: json value");
    res
}

#[test]
fn near_perfect_database() {
    let res = check("near_perfect");
    assert_eq!((res.tp, res.fp, res.fn_), (79, 0, 0));
    assert_eq!(res.other_predicates, 1);
}

#[test]
fn noisy_database() {
    let res = check("noisy");
    assert!(res.fp > 0 && res.fn_ > 0);
    assert!(!res.fragmented.is_empty() && !res.overmerged.is_empty());
    assert!(!res.distinct_violations.is_empty());
    assert!(res.hard_aliases_merged < res.hard_aliases_seen);
}

#[test]
fn empty_database() {
    let res = check("empty");
    assert_eq!((res.tp, res.fp, res.fn_), (0, 0, 79));
    assert_eq!(res.role_accuracy, None);
}

#[test]
fn database_without_entity_ids() {
    let res = check("legacy");
    assert_eq!(res.tp, 2);
}

#[test]
fn database_without_views_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("bare.db");
    Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE t(x)")
        .unwrap();
    let gold = load_gold(&data().join("gold")).unwrap();
    let conn = newsgraph::eval::open_db(&db).unwrap();
    let err = score(&conn, &gold).unwrap_err().to_string();
    assert_eq!(err, "cannot read the database: no such table: facts");
}
