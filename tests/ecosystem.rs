//! The database and exports in the tools people open them with: Datasette metadata, full-text
//! search, foreign keys, sqlite-utils, networkx (GraphML) and a real browser (HTML page).
//! Tools that are missing are skipped with a message; scripts/setup.sh installs them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use rusqlite::Connection;

fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

/// The sample articles built into `dir/kg.db`.
fn built(dir: &Path) -> PathBuf {
    let db = dir.join("kg.db");
    newsgraph().arg("build").arg(common::articles()).arg("--db").arg(&db).arg("-q").assert().success();
    db
}

fn have(program: &str, args: &[&str]) -> bool {
    Process::new(program).args(args).output().is_ok_and(|o| o.status.success())
}

#[test]
fn datasette_metadata_names_what_exists() {
    let dir = tempfile::tempdir().unwrap();
    let db = built(dir.path());
    let text = std::fs::read_to_string(dir.path().join("kg.metadata.json")).unwrap();
    let meta: serde_json::Value = serde_json::from_str(&text).unwrap();
    let tables = meta["databases"]["kg"]["tables"].as_object().unwrap();
    let conn = Connection::open(&db).unwrap();
    for (table, described) in tables {
        let cols: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(!cols.is_empty(), "metadata names {table}, which the database lacks");
        for c in described["columns"].as_object().into_iter().flat_map(|m| m.keys()) {
            assert!(cols.contains(c), "{table}.{c} is described but does not exist");
        }
        for f in described["facets"].as_array().into_iter().flatten() {
            assert!(cols.contains(&f.as_str().unwrap().to_string()), "facet {table}.{f}");
        }
    }
    // every column of the public views is described
    for view in ["facts", "entity_aliases", "articles"] {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM pragma_table_info('{view}')"), [], |r| r.get(0)).unwrap();
        assert_eq!(tables[view]["columns"].as_object().unwrap().len() as i64, n, "{view}");
    }
    assert_eq!(tables["sentence"]["fts_table"], "sentence_fts");
}

#[test]
fn foreign_keys_and_full_text_search() {
    let dir = tempfile::tempdir().unwrap();
    let input = common::copy_of_samples(dir.path());
    let db = dir.path().join("kg.db");
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).arg("-q").assert().success();
    let conn = Connection::open(&db).unwrap();
    let fks = |table: &str| -> Vec<(String, String)> {
        conn.prepare(&format!("SELECT \"from\", \"table\" FROM pragma_foreign_key_list('{table}')"))
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let fact = fks("fact");
    assert!(fact.contains(&("subject_entity".into(), "entity".into())), "{fact:?}");
    assert!(fact.contains(&("object_entity".into(), "entity".into())), "{fact:?}");
    assert!(fks("entity_stats").contains(&("entity_id".into(), "entity".into())));
    let violations: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(violations, 0);
    for t in ["sentence", "fact", "mention"] {
        conn.query_row(&format!("SELECT rowid FROM {t} LIMIT 1"), [], |r| r.get::<_, i64>(0)).unwrap();
    }
    let search = |c: &Connection| -> i64 {
        c.query_row("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'forum'", [], |r| r.get(0)).unwrap()
    };
    let hits = search(&conn);
    assert!(hits > 0);
    let text: String = conn
        .query_row("SELECT text FROM sentence_fts WHERE sentence_fts MATCH 'forum' ORDER BY rank LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert!(text.to_lowercase().contains("forum"));
    drop(conn);

    // a changed article: its old sentences leave the index, its new ones join it
    let first = std::fs::read_dir(&input).unwrap().map(|e| e.unwrap().path()).min().unwrap();
    std::fs::write(&first, "BAKU, May 3. Jane Roe attended the Quokka Summit in Baku.").unwrap();
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).arg("-q").assert().success();
    let conn = Connection::open(&db).unwrap();
    conn.execute("INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
    let quokka: i64 = conn.query_row("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'quokka'", [], |r| r.get(0)).unwrap();
    assert_eq!(quokka, 1);
    assert!(search(&conn) < hits, "the replaced article's sentences are still found");
    let (indexed, sentences): (i64, i64) = conn
        .query_row("SELECT (SELECT count(*) FROM sentence_fts_docsize), (SELECT count(*) FROM sentence)", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(indexed, sentences);
}

#[test]
fn sqlite_utils_can_add_search_to_the_rowid_tables() {
    if !have("sqlite-utils", &["--version"]) {
        eprintln!("skipping: sqlite-utils not found (pip install sqlite-utils)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = built(dir.path());
    for args in [&["mention", "text"][..], &["sentence", "text", "--replace"][..]] {
        let out = Process::new("sqlite-utils").arg("enable-fts").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "sqlite-utils enable-fts {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let conn = Connection::open(&db).unwrap();
    let n: i64 = conn.query_row("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'forum'", [], |r| r.get(0)).unwrap();
    assert!(n > 0);
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|c| have(c, &["--version"]))
}

#[test]
fn html_export_opens_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let db = built(dir.path());
    let page = dir.path().join("graph.html");
    let out = newsgraph().args(["export", "html", "--exclude-types", "DATE", "-o"]).arg(&page).arg("--db").arg(&db).assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    // "wrote PATH (N nodes ..."
    let nodes: usize = said.split(" (").nth(1).and_then(|s| s.split(' ').next()).and_then(|n| n.parse().ok()).unwrap();
    assert!(nodes > 10, "{said}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"), "the page must not need the network");
    assert!(html.contains("Cytoscape Consortium"));

    let Some(browser) = chromium() else {
        eprintln!("skipping the browser check: chromium not found (scripts/setup.sh installs it)");
        return;
    };
    let profile = tempfile::tempdir().unwrap();
    let run = Process::new(browser)
        .args(["--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&run.stdout);
    let log = String::from_utf8_lossy(&run.stderr);
    let body = dom.split("<body").nth(1).and_then(|b| b.split('>').next()).unwrap_or_else(|| panic!("no body in {dom:.300}\n{log}"));
    assert!(body.contains(&format!("data-nodes=\"{nodes}\"")), "{body}\n{log}");
    assert!(body.contains("data-errors=\"\""), "errors in the page: {body}");
    for line in log.lines().filter(|l| l.contains("CONSOLE")) {
        assert!(!line.contains("Uncaught") && !line.contains("rror"), "console: {line}");
    }
}

fn csv_rows(path: &Path) -> Vec<csv::StringRecord> {
    csv::Reader::from_path(path).unwrap().records().map(|r| r.unwrap()).collect()
}

#[test]
fn exports_keep_detail_and_agree_with_stats() {
    let dir = tempfile::tempdir().unwrap();
    let db = built(dir.path());
    let csv_dir = dir.path().join("csv");
    newsgraph().args(["export", "csv", "-o"]).arg(&csv_dir).arg("--db").arg(&db).assert().success();
    let nodes = csv_rows(&csv_dir.join("nodes.csv"));
    let edges = csv_rows(&csv_dir.join("edges.csv"));
    // two delegations of the same name, told apart by where they went
    let delegations: Vec<&str> = nodes.iter().filter(|r| &r[5] == "Azerbaijani delegation").map(|r| &r[1]).collect();
    assert_eq!(delegations.len(), 2);
    assert_ne!(delegations[0], delegations[1]);
    assert!(delegations.iter().all(|l| l.starts_with("Azerbaijani delegation (")), "{delegations:?}");
    assert!(nodes.iter().any(|r| r[0].len() > 64), "ids are whole");
    for e in &edges {
        let weight: usize = e[4].parse().unwrap();
        assert_eq!(e[11].split(' ').count(), weight, "every article of {e:?}");
        assert!(!e[10].contains('\n'), "evidence on one line");
    }
    assert!(edges.iter().any(|e| &e[4] != "1"));

    // stats says how its counts relate to the export's
    let stats = newsgraph().arg("stats").arg("--db").arg(&db).assert().success();
    let said = String::from_utf8_lossy(&stats.get_output().stdout).into_owned();
    let want = format!("draws {} nodes and {} edges", nodes.len(), edges.len());
    assert!(said.contains(&want), "{want} in\n{said}");
    assert!(said.contains('┆'), "the same table style as `query`");

    // the picture: a legend in real shapes, the focus by name
    let dot = newsgraph()
        .args(["export", "dot", "--focus", "person:ahmed-ismayilov", "--depth", "2", "-o", "-", "--db"])
        .arg(&db)
        .assert()
        .success();
    let dot = String::from_utf8_lossy(&dot.get_output().stdout).into_owned();
    assert!(dot.contains("subgraph cluster_legend") && dot.contains(r#""legend:EVENT"[label="EVENT" shape=diamond"#), "{dot}");
    assert!(dot.contains("line width"));
    assert!(dot.contains(r#"label="Ahmed Ismayilov (depth 2)"#), "{dot}");
}

#[test]
fn every_command_has_an_example() {
    let help = newsgraph().arg("--help").assert().success();
    let text = String::from_utf8_lossy(&help.get_output().stdout).into_owned();
    let commands: Vec<String> = text
        .split("Commands:")
        .nth(1)
        .unwrap()
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() >= 10, "{commands:?}");
    for c in commands {
        let out = newsgraph().args([&c, "--help"]).assert().success();
        let h = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(h.contains("Example"), "`newsgraph {c} --help` has no example");
        assert!(!h.contains("eval/seeds"));
    }
    let q = newsgraph().args(["query", "--help"]).assert().success();
    let q = String::from_utf8_lossy(&q.get_output().stdout).into_owned();
    for view in ["facts", "entity_aliases", "articles"] {
        assert!(q.contains(view), "query --help names {view}");
    }
}

#[test]
fn a_database_of_an_older_schema_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    Connection::open(&db).unwrap().execute_batch("PRAGMA user_version = 2; CREATE TABLE article(x); CREATE TABLE meta(x);").unwrap();
    newsgraph()
        .arg("build")
        .arg(common::articles())
        .arg("--db")
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicates::str::contains("older schema (2)"))
        .stderr(predicates::str::contains("delete it and build again"));
}
