//! A build into a full disk or a read-only folder stops with a clear error, leaves a
//! consistent database, and the next build where there is room finishes the job. Needs a
//! small tmpfs (root); skipped, saying so, where it cannot be mounted.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;
use predicates::prelude::*;
use rusqlite::Connection;

struct Mount(PathBuf);

impl Mount {
    fn new(dir: &Path, opts: &str) -> Option<Mount> {
        let ok = Std::new("mount").args(["-t", "tmpfs", "-o", opts, "tmpfs"]).arg(dir).status().is_ok_and(|s| s.success());
        ok.then(|| Mount(dir.to_path_buf()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Std::new("umount").arg(&self.0).status();
    }
}

fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

fn inputs() -> [PathBuf; 2] {
    [common::articles(), Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz/whitehouse.jsonl")]
}

/// The public views, sorted: what a user sees.
fn views(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut out = Vec::new();
    for v in ["facts", "entity_aliases", "articles"] {
        let mut st = conn.prepare(&format!("SELECT * FROM {v}")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<String> =
            st.query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap())).collect::<String>())).unwrap().map(|r| r.unwrap()).collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

#[test]
fn a_full_disk_stops_the_build_cleanly_and_the_next_build_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let Some(mount) = Mount::new(&small, "size=600k") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let db = small.join("kg.db");
    newsgraph()
        .args(["build", "--quiet", "--batch", "1", "--db"])
        .arg(&db)
        .args(inputs())
        .assert()
        .failure()
        .stderr(predicate::str::contains("disk is full"))
        .stderr(predicate::str::contains("the next build goes on from there"));
    let conn = Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    drop(conn);
    // carried to a disk with room, the same database is finished by the next build
    let roomy = dir.path().join("roomy");
    std::fs::create_dir(&roomy).unwrap();
    for f in std::fs::read_dir(&small).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, roomy.join(f.file_name().unwrap())).unwrap();
    }
    drop(mount);
    newsgraph().args(["build", "--quiet", "--batch", "1", "--db"]).arg(roomy.join("kg.db")).args(inputs()).assert().success();
    let clean = dir.path().join("clean.db");
    newsgraph().args(["build", "--quiet", "--batch", "1", "--db"]).arg(&clean).args(inputs()).assert().success();
    assert_eq!(views(&roomy.join("kg.db")), views(&clean));
}

#[test]
fn a_read_only_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let Some(_mount) = Mount::new(dir.path(), "ro,size=64k") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    newsgraph().args(["build", "--quiet", "--db"]).arg(dir.path().join("kg.db")).arg(common::articles()).assert().failure().stderr(predicate::str::contains("is the folder writable?"));
}
