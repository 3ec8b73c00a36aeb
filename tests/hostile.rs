//! The defects a hostile probe found (issue 14): closed pipes, clashing file names,
//! other people's databases, read-only places, FIFOs, bad dates, curation, interruptions.

#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
#[allow(unused_imports)]
use predicates::prelude::*;

fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

/// The sample articles built into `dir/kg.db`.
fn sample_db(dir: &Path) -> PathBuf {
    let db = dir.join("kg.db");
    newsgraph().arg("build").arg(common::articles()).arg("--db").arg(&db).arg("-q").assert().success();
    db
}

/// A query whose output is far larger than a pipe's buffer.
const BIG: &str = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT i, 'some padding text' FROM n";

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    for args in [vec!["query", BIG, "--format", "csv"], vec!["query", BIG]] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"))
            .args(&args)
            .arg("--db")
            .arg(&db)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // read a little, then close the pipe like `head -1`
        let mut first = [0u8; 16];
        std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
        // the table format may still say where it stopped; nothing else is said
        assert!(!err.contains("panicked") && (err.is_empty() || err.starts_with("note: the table stops")), "{err}");
    }
}

#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    for args in [vec!["explain", "TASS"], vec!["stats", "--no-write"], vec!["query", "SELECT * FROM facts", "--format", "csv"]] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"))
            .args(&args)
            .arg("--db")
            .arg(&db)
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("cannot write to standard output") && !err.contains("panicked"), "{err}");
    }
}

fn article_ids(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn.prepare("SELECT id FROM article ORDER BY id").unwrap();
    let ids = st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    ids
}

const STORY: &str = "Jane Roe, the mayor of Springfield, met John Doe on Monday.\n";

#[test]
fn files_with_the_same_name_in_different_folders_are_both_stored() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for sub in ["x", "y"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
        std::fs::write(root.join(sub).join("a.txt"), format!("{STORY}From folder {sub}.\n")).unwrap();
    }
    std::fs::write(root.join("a.txt"), STORY).unwrap();
    let db = dir.path().join("kg.db");
    newsgraph().arg("build").arg(&root).arg("--db").arg(&db).assert().success().stderr(predicate::str::contains("3 articles read (3 new"));
    // a file directly in the folder keeps its plain name as id
    assert_eq!(article_ids(&db), ["a.txt", "x/a.txt", "y/a.txt"]);
    // two folders named on the command line with files of the same name: both stored
    let db2 = dir.path().join("kg2.db");
    newsgraph().arg("build").arg(root.join("x")).arg(root.join("y")).arg("--db").arg(&db2).assert().success();
    assert_eq!(article_ids(&db2).len(), 2);
}

#[test]
fn a_fifo_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("a.txt"), STORY).unwrap();
    let fifo = root.join("pipe.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let db = dir.path().join("kg.db");
    for input in [&root, &fifo] {
        let run = newsgraph()
            .arg("build")
            .arg(input)
            .arg("--db")
            .arg(&db)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .stderr(predicate::str::contains("pipe.txt: a FIFO, skipped"));
        // the FIFO alone is no input at all: that build fails (and changes nothing)
        if input == &root {
            run.success();
        } else {
            run.code(1);
        }
    }
}

fn md5(path: &Path) -> String {
    let out = std::process::Command::new("md5sum").arg(path).output().unwrap();
    String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_string()
}

#[test]
fn other_databases_are_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, STORY).unwrap();
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO accounts VALUES (1, 'x');").unwrap();
    let older = dir.path().join("older.db");
    let newer = dir.path().join("newer.db");
    for (db, version) in [(&older, 1), (&newer, 99)] {
        newsgraph().arg("build").arg(&input).arg("--db").arg(db).arg("-q").assert().success();
        rusqlite::Connection::open(db).unwrap().execute_batch(&format!("PRAGMA journal_mode = DELETE; PRAGMA user_version = {version};")).unwrap();
    }
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database at all\n").unwrap();
    for (db, says) in [(&foreign, "not a newsgraph database"), (&older, "older schema"), (&newer, "newer newsgraph"), (&text, "not a newsgraph database")] {
        let before = md5(db);
        for cmd in [vec!["build", input.to_str().unwrap()], vec!["merge", "Jane Roe", "John Doe"], vec!["split", "Jane Roe", "Roe"]] {
            newsgraph().args(&cmd).arg("--db").arg(db).assert().failure().stderr(predicate::str::contains(says));
            assert_eq!(md5(db), before, "{} changed by {cmd:?}", db.display());
            assert!(!Path::new(&format!("{}-wal", db.display())).exists());
        }
    }
}

/// Runs newsgraph as an unprivileged user when the tests run as root (root may write anywhere).
fn as_user(args: &[&str]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("newsgraph");
    let mut cmd = if is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(bin);
        c
    } else {
        std::process::Command::new(bin)
    };
    cmd.args(args).output().unwrap()
}

fn is_root() -> bool {
    let out = std::process::Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

#[test]
fn reading_commands_work_in_a_read_only_folder_and_write_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let db = sample_db(&ro);
    let before = md5(&db);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let d = db.to_str().unwrap();
    for args in [
        vec!["query", "SELECT count(*) AS n FROM facts", "--db", d],
        vec!["explain", "TASS", "--db", d],
        vec!["entities", "Aliyev", "--db", d],
        vec!["stats", "--no-write", "--db", d],
        vec!["export", "dot", "-o", "-", "--db", d],
    ] {
        let out = as_user(&args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    let out = as_user(&["query", "SELECT count(*) AS n FROM facts", "--db", d, "--format", "csv"]);
    assert_ne!(String::from_utf8_lossy(&out.stdout).trim(), "n\n0");
    // stats without --no-write cannot write there: a warning, the figures still shown
    let out = as_user(&["stats", "--db", d]);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stderr).contains("entity_stats not written"));
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(md5(&db), before);
    let left: Vec<_> = std::fs::read_dir(&ro).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n != "kg.metadata.json").collect();
    assert_eq!(left.len(), 1, "only kg.db (and the build's Datasette metadata) in the folder: {left:?}");
}

#[test]
fn a_locked_database_says_who_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE; DELETE FROM entity_stats;").unwrap();
    newsgraph()
        .arg("build")
        .arg(common::articles())
        .arg("--db")
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("another newsgraph process").and(predicate::str::contains("try again")));
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn impossible_dates_are_not_facts_and_a_bad_date_option_is_refused() {
    newsgraph()
        .args(["read", "The Caspian Media Forum was held on 31 February 2023 in Baku."])
        .assert()
        .success()
        .stdout(predicate::str::contains("held_in, Baku").and(predicate::str::contains("2023-02-31").not()));
    newsgraph().args(["read", "Jane Roe spoke on Monday.", "--date", "garbage"]).assert().failure().stderr(predicate::str::contains("not a date"));
    newsgraph().args(["read", "Jane Roe spoke on Monday.", "--date", "2023-02-30"]).assert().failure();
    newsgraph().args(["read", "Jane Roe spoke on Monday.", "--date", "2023-05-23"]).assert().success();
}

/// Two short articles: a person Georgia Smith, the country Georgia, Jane Roe.
fn georgia(dir: &Path) -> (PathBuf, PathBuf) {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Georgia Smith, the mayor of Springfield, met John Doe on Monday in Tbilisi, the capital of Georgia.\nGeorgia Smith said the talks were useful.\n").unwrap();
    std::fs::write(input.join("b.txt"), "Georgia Smith's office said on Tuesday that the mayor would travel to Georgia again.\nJane Roe, the spokeswoman, confirmed the trip.\n").unwrap();
    let db = dir.join("kg.db");
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).arg("-q").assert().success();
    (input, db)
}

fn entity_ids(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn.prepare("SELECT id FROM entity ORDER BY id").unwrap();
    let ids = st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    ids
}

#[test]
fn merge_reports_the_entity_of_its_type_not_a_namesake() {
    let dir = tempfile::tempdir().unwrap();
    let (input, db) = georgia(dir.path());
    // a place that goes by the person's name, in an article of its own (inside one article
    // one name with two types is one thing, and resolution joins it)
    std::fs::write(input.join("c.txt"), "Farmers in Georgia said on Friday that the harvest was good.\n").unwrap();
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).arg("-q").assert().success();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE local_entity SET name = 'Georgia Smith', key = 'gpe:georgia smith', names = '[\"Georgia Smith\"]' WHERE type = 'GPE' AND name = 'Georgia' AND article = (SELECT num FROM article WHERE id = 'c.txt')", []).unwrap();
    drop(conn);
    newsgraph()
        .args(["merge", "person:georgia-smith", "person:jane-roe", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("into person:georgia-smith;"));
    let ids = entity_ids(&db);
    assert!(ids.iter().any(|i| i.starts_with("gpe:georgia")) && !ids.contains(&"person:jane-roe".to_string()), "{ids:?}");
}

#[test]
fn a_decision_added_by_hand_is_applied_by_the_next_build_and_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let (input, db) = georgia(dir.path());
    assert!(entity_ids(&db).contains(&"person:jane-roe".to_string()));
    let csv = dir.path().join("curation.csv");
    std::fs::write(&csv, "action,type,name,other\nmerge,PERSON,Georgia Smith,Jane Roe\n").unwrap();
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).assert().success().stderr(predicate::str::contains("0 new, 0 changed, 2 unchanged"));
    assert!(!entity_ids(&db).contains(&"person:jane-roe".to_string()), "the decision was applied");
    // taken out by hand again: the next build undoes it
    std::fs::write(&csv, "action,type,name,other\n").unwrap();
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).assert().success();
    assert!(entity_ids(&db).contains(&"person:jane-roe".to_string()));
    // a decision in the file but not yet in the database (a merge killed midway), run again
    std::fs::write(&csv, "action,type,name,other\nmerge,PERSON,Georgia Smith,Jane Roe\n").unwrap();
    newsgraph().args(["merge", "Georgia Smith", "Jane Roe", "--db"]).arg(&db).assert().success();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().filter(|l| l.starts_with("merge")).count(), 1, "{text}");
}

#[test]
fn entities_lists_without_a_term_and_counts_facts_like_the_facts_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    let out = newsgraph().args(["entities", "--format", "csv", "--limit", "5", "--db"]).arg(&db).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 6, "{text}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let n: i64 = conn.query_row("SELECT count(*) FROM facts WHERE subject_id = ?1 OR object_id = ?1", [f[0]], |r| r.get(0)).unwrap();
        assert_eq!(f[4].parse::<i64>().unwrap(), n, "{line}");
    }
    // a common term, and one with LIKE's wildcards taken literally
    newsgraph().args(["entities", "a", "--db"]).arg(&db).assert().success().stdout(predicate::str::contains("(50 rows)"));
    newsgraph().args(["entities", "%", "--format", "csv", "--db"]).arg(&db).assert().success().stdout("id,name,type,articles,facts,aliases\n");
}

#[test]
fn an_interrupted_build_says_so_and_reading_commands_warn() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    // Ctrl-C while the build waits for a lock another process holds
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE; DELETE FROM entity_stats;").unwrap();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"))
        .arg("build")
        .arg(common::articles())
        .arg("--db")
        .arg(&db)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    std::process::Command::new("kill").arg("-INT").arg(child.id().to_string()).status().unwrap();
    let out = child.wait_with_output().unwrap();
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted; the articles stored so far are kept"));
    // articles stored, not yet resolved: what an interrupted build leaves
    rusqlite::Connection::open(&db).unwrap().execute("UPDATE meta SET value = '0' WHERE key = 'resolved'", []).unwrap();
    for args in [vec!["query", "SELECT count(*) FROM facts"], vec!["entities"], vec!["stats", "--no-write"], vec!["explain", "TASS"]] {
        newsgraph().args(&args).arg("--db").arg(&db).assert().stderr(predicate::str::contains("build unfinished").and(predicate::str::contains("run build again")));
    }
    newsgraph().arg("build").arg(common::articles()).arg("--db").arg(&db).assert().success();
    newsgraph().args(["query", "SELECT count(*) FROM facts", "--db"]).arg(&db).assert().success().stderr("");
}

#[test]
fn a_long_text_without_stops_is_read_in_bounded_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("long.txt");
    // 28,000 words, no stop: once one sentence whose analysis grew with its square
    std::fs::write(&input, "he met her and they said it ".repeat(4000)).unwrap();
    let db = dir.path().join("kg.db");
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).arg("-q").assert().success();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (n, longest): (i64, i64) = conn.query_row("SELECT count(*), max(end - start) FROM sentence", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert!(n >= 28_000 / 400, "{n} sentences");
    assert!(longest <= 400 * 12, "longest sentence {longest} characters");
}

#[test]
fn merge_keeps_the_name_of_its_first_entity() {
    let dir = tempfile::tempdir().unwrap();
    let (input, db) = georgia(dir.path());
    newsgraph().args(["merge", "Jane Roe", "Georgia Smith", "--db"]).arg(&db).assert().success().stdout(predicate::str::contains("into person:jane-roe;"));
    let ids = entity_ids(&db);
    assert!(ids.contains(&"person:jane-roe".to_string()) && !ids.contains(&"person:georgia-smith".to_string()), "{ids:?}");
    // and so does the next build from scratch
    std::fs::remove_file(&db).unwrap();
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).arg("-q").assert().success();
    assert_eq!(entity_ids(&db), ids);
}
