use super::*;

fn db(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("t.db");
    let c = Connection::open(&p).unwrap();
    c.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t(a TEXT, b REAL); INSERT INTO t VALUES ('x', 0.5), ('=y', 1.0), ('e\x1b[2J', NULL);").unwrap();
    p
}

fn stream(g: &Guarded, sql: &str, format: Format, limit: Option<u64>) -> Result<(String, Streamed)> {
    let mut out = Vec::new();
    let s = g.stream(sql, &[], format, limit, &mut out)?;
    Ok((String::from_utf8(out).unwrap(), s))
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

#[test]
fn runs_with_named_parameters() {
    let dir = tempfile::tempdir().unwrap();
    let g = open(&db(dir.path()), None).unwrap();
    let r = g.run("SELECT a, b FROM t WHERE a = :name", &[("name".into(), "=y".into())]).unwrap();
    assert_eq!(r.rows, vec![vec![Some("=y".into()), Some("1.0".into())]]);
    let mut out = Vec::new();
    g.stream("SELECT a FROM t WHERE a = :name", &[("name".into(), "=y".into())], Format::Csv { excel: false }, None, &mut out).unwrap();
    assert!(String::from_utf8(out).unwrap().contains("'=y"));
    assert!(g.run("SELECT * FROM t WHERE a = :name", &[]).is_err());
}

#[test]
fn json_streams_in_select_order_and_parses() {
    let dir = tempfile::tempdir().unwrap();
    let g = open(&db(dir.path()), None).unwrap();
    let (j, s) = stream(&g, "SELECT b, a, 3 AS n FROM t ORDER BY a", Format::Json, None).unwrap();
    assert_eq!(s.rows, 3);
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert_eq!(v[0]["a"], "=y");
    assert_eq!(v[0]["b"], 1.0);
    assert_eq!(v[1]["b"], serde_json::Value::Null);
    assert_eq!(v[1]["a"], "e\x1b[2J");
    assert_eq!(v[1]["n"], 3);
    assert!(j.find("\"b\"").unwrap() < j.find("\"a\"").unwrap(), "{j}");
    let (empty, _) = stream(&g, "SELECT a FROM t WHERE 0", Format::Json, None).unwrap();
    assert_eq!(empty, "[]\n");
}

#[test]
fn table_escapes_and_stops_at_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    let g = open(&db(dir.path()), None).unwrap();
    let (t, s) = stream(&g, "SELECT a FROM t", Format::Table, None).unwrap();
    assert!(t.contains("e\\x1b[2J") && !t.contains('\x1b'), "{t}");
    assert!(!s.cut);
    let (t, s) = stream(&g, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c", Format::Table, None).unwrap();
    assert_eq!((s.rows, s.cut), (TABLE_ROWS, true));
    assert!(t.contains("(1000 rows)"));
    let (_, s) = stream(&g, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c", Format::Table, Some(TABLE_MAX + 1)).unwrap();
    assert_eq!((s.rows, s.cut), (TABLE_MAX, true));
    let (_, s) = stream(&g, "SELECT a FROM t", Format::Csv { excel: false }, Some(2)).unwrap();
    assert_eq!((s.rows, s.cut), (2, false));
}

#[test]
fn refuses_writes_attach_vacuum_and_extensions_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = db(dir.path());
    let before = files(dir.path());
    let g = open(&p, None).unwrap();
    let into = dir.path().join("copy.db");
    for sql in [
        format!("VACUUM INTO '{}'", into.display()),
        "VACUUM".into(),
        format!("ATTACH '{}' AS x", into.display()),
        "INSERT INTO t VALUES ('z', 2)".into(),
        "DELETE FROM t".into(),
        "CREATE TABLE u(x)".into(),
        "CREATE TEMP TABLE u(x)".into(),
        "SELECT load_extension('/nonexistent/ext')".into(),
        "PRAGMA query_only = OFF".into(),
        "PRAGMA user_version = 9".into(),
    ] {
        let e = g.run(&sql, &[]).expect_err(&sql).to_string();
        assert!(e.starts_with("refused: query is read-only ("), "{sql}: {e}");
    }
    assert!(g.run("PRAGMA table_info(t)", &[]).is_ok());
    assert!(g.run("SELECT count(*) FROM pragma_table_info('t')", &[]).is_ok());
    drop(g);
    assert_eq!(files(dir.path()), before, "nothing created beside the database");
}

#[test]
fn a_timeout_stops_a_runaway_statement() {
    let dir = tempfile::tempdir().unwrap();
    let g = open(&db(dir.path()), Some(Duration::from_millis(200))).unwrap();
    let e = stream(&g, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c", Format::Json, None).unwrap_err();
    assert!(e.to_string().contains("--timeout"), "{e}");
}
