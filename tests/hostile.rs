//! The defects a hostile probe found (issue 14): closed pipes, clashing file names,
//! other people's databases, read-only places, FIFOs, bad dates, curation, interruptions.

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
        assert!(!err.contains("panicked") && err.is_empty(), "{err}");
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
