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
    // the worst cases of the audit (tests/data/wh_entity_audit.tsv), fixed by issue 11
    let conn = Connection::open(&db).unwrap();
    let entity_of = |alias: &str, t: &str| -> Vec<String> {
        let mut st = conn.prepare("SELECT DISTINCT entity_id FROM entity_aliases WHERE alias = ?1 AND type = ?2 ORDER BY 1").unwrap();
        st.query_map([alias, t], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    assert_eq!(entity_of("Joe Biden", "PERSON"), entity_of("Joseph R. Biden", "PERSON"), "nickname and formal name are one person");
    assert_eq!(entity_of("Joe Biden", "PERSON").len(), 1);
    let biden = &entity_of("Joe Biden", "PERSON")[0];
    let has = |e: &str, alias: &str| all.iter().any(|(_, a)| a == alias) && conn.query_row("SELECT count(*) FROM alias WHERE entity_id = ?1 AND alias = ?2", [e, alias], |r| r.get::<_, i64>(0)).unwrap() > 0;
    assert!(!has(biden, "Bowden"), "a cited author is not Biden");
    let jake = &entity_of("Jake Sullivan", "PERSON")[0];
    assert!(!has(jake, "John Sullivan"), "Jake is not John");
    assert!(entity_of("Kamala Harris", "GPE").is_empty(), "one type per name");
    let investing: i64 = conn.query_row("SELECT count(*) FROM entity WHERE type = 'PERSON' AND name LIKE '%’s %'", [], |r| r.get(0)).unwrap();
    assert_eq!(investing, 0, "possessive phrases are not people");
    // an event without a year is the edition of its article's year: never one across years
    let olympics: i64 = conn.query_row("SELECT count(*) FROM entity WHERE type = 'EVENT' AND name = 'Olympic Games'", [], |r| r.get(0)).unwrap();
    assert!(olympics != 1, "every Olympic Games joined into one");
}

/// The judged audit of the 300 entities with the most facts: well formed, and the share
/// judged right (87.7% at issue 11, 96.3% after the h51 resolution work) never falls below
/// what was measured.
#[test]
fn the_white_house_entity_audit_is_complete() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/wh_entity_audit.tsv")).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("rank\t")).map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 300);
    let kinds = ["right", "fragment", "merges_several", "not_entity", "wrong_type"];
    assert!(rows.iter().all(|r| r.len() == 8 && kinds.contains(&r[6])), "bad rows");
    let right = rows.iter().filter(|r| r[6] == "right").count();
    assert!(right >= 289, "{right}/300 right");
}
