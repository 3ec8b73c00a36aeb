//! Aliases hold names a person would write: no line breaks, no-break spaces, possessives
//! or stray punctuation, and no fragments such as "'s Office".

use assert_cmd::Command;
use rusqlite::Connection;
use std::path::Path;

fn aliases(db: &Path) -> Vec<(String, String)> {
    let conn = Connection::open(db).unwrap();
    let mut st = conn.prepare("SELECT type, alias FROM entity_aliases ORDER BY alias").unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect()
}

fn dirty(alias: &str) -> bool {
    alias.chars().any(|c| c.is_control() || c == '\u{a0}') || alias.contains("  ") || alias != alias.trim()
}

#[test]
fn names_broken_over_lines_and_possessives_become_one_clean_alias() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Acme Board Meets\n\nPresident Jane Roe met the Acme Rescue\nBoard in Lisbon on Monday. The Acme\u{a0}Rescue Board said Roe’s Investing in Lisbon plan works.\nRoe’s Office said the\n    Acme Rescue   Board will meet again.\n",
    )
    .unwrap();
    let db = dir.path().join("kg.db");
    Command::cargo_bin("newsgraph").unwrap().args(["build", "-q", "--db"]).arg(&db).arg(&input).assert().success();
    let all = aliases(&db);
    assert!(all.iter().all(|(_, a)| !dirty(a)), "dirty aliases: {all:?}");
    assert!(all.iter().any(|(_, a)| a == "Acme Rescue Board"), "{all:?}");
    assert!(!all.iter().any(|(t, a)| a.starts_with("’s") || t == "PERSON" && a.contains("’s")), "possessive fragments: {all:?}");
    assert!(!all.iter().any(|(t, a)| t == "PERSON" && a.contains("Investing")), "{all:?}");
}

/// The whole White House corpus: no alias has a control character or line break.
/// `cargo test --release --test alias_names -- --ignored` (about a minute).
#[test]
#[ignore]
fn white_house_aliases_are_clean() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/whitehouse-briefing-room/articles.jsonl");
    if !corpus.exists() {
        eprintln!("skipped: {} not found", corpus.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wh.db");
    Command::cargo_bin("newsgraph").unwrap().args(["build", "-q", "--db"]).arg(&db).arg(&corpus).assert().success();
    let all = aliases(&db);
    assert!(all.len() > 10_000);
    let bad: Vec<_> = all.iter().filter(|(_, a)| dirty(a)).take(20).collect();
    assert!(bad.is_empty(), "dirty aliases: {bad:?}");
    let frag: Vec<_> = all.iter().filter(|(_, a)| a.starts_with("’s ") || a.starts_with("'s ")).take(20).collect();
    assert!(frag.is_empty(), "fragments: {frag:?}");
}
