//! The scorer on the bundled gold of the sample articles (tests/data/gold): loading,
//! resolving names to gold keys, matching symmetric predicates and dates.

use std::collections::BTreeSet;
use std::path::Path;

use newsgraph::eval::{load_gold, score, Counts, Gold};
use rusqlite::Connection;

fn seed_gold() -> Gold {
    load_gold(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gold")).unwrap()
}

fn db(facts: &[[&str; 7]], aliases: &[[&str; 4]]) -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE facts(article, subject, predicate, object, role, subject_type, object_type);
         CREATE TABLE entity_aliases(entity_id, entity, type, alias);",
    )
    .unwrap();
    for f in facts {
        conn.execute("INSERT INTO facts VALUES (?1,?2,?3,?4,?5,?6,?7)", f)
            .unwrap();
    }
    for a in aliases {
        conn.execute("INSERT INTO entity_aliases VALUES (?1,?2,?3,?4)", a)
            .unwrap();
    }
    conn
}

#[test]
fn empty_database_scores_zero() {
    let res = score(&db(&[], &[]), &seed_gold()).unwrap();
    assert_eq!((res.tp, res.fp), (0, 0));
    assert_eq!(res.fn_, 79);
    assert_eq!(res.f1, 0.0);
    assert!(res
        .report(false)
        .ends_with("F1 0.000  P 0.000  R 0.000  (tp 0 fp 0 fn 79; other predicates 0)\n"));
}

#[test]
fn symmetric_and_dates_match() {
    let a = "002_80c5309304c231c2.txt";
    let facts = [
        [a, "Astrakhan", "twinned_with", "Baku", "", "GPE", "GPE"],
        [
            a,
            "Shusha Global Media Forum",
            "held_on",
            "2023-07-20",
            "",
            "EVENT",
            "DATE",
        ],
        [
            a,
            "Caspian Media Forum",
            "held_on",
            "2023-09",
            "",
            "EVENT",
            "DATE",
        ],
        [
            a,
            "Caspian Media Forum",
            "held_on",
            "2023-10-01",
            "",
            "EVENT",
            "DATE",
        ],
    ];
    let res = score(&db(&facts, &[]), &seed_gold()).unwrap();
    assert_eq!(res.per_predicate["twinned_with"].tp, 1);
    assert_eq!(
        res.per_predicate["held_on"],
        Counts {
            tp: 2,
            fp: 1,
            fn_: 2
        }
    );
    assert_eq!(res.type_accuracy, Some(1.0));
}

#[test]
fn missing_table_is_a_database_error() {
    let conn = Connection::open_in_memory().unwrap();
    let err = score(&conn, &seed_gold()).unwrap_err().to_string();
    assert_eq!(err, "cannot read the database: no such table: facts");
}

#[test]
fn loads_seed_gold() {
    let gold = seed_gold();
    assert_eq!(gold.facts.len(), 5);
    assert_eq!(gold.distinct.len(), 4);
    assert!(gold.entities["caspian_forum"]
        .names
        .iter()
        .any(|(n, hard)| *hard && n == "Xerxes Media Forum"));
}

#[test]
fn resolver_prefers_local_keys() {
    let gold = seed_gold();
    let local: BTreeSet<String> = ["az_delegation_ots".to_string()].into();
    assert_eq!(
        gold.resolve("Azerbaijani delegation", &local).as_deref(),
        Some("az_delegation_ots")
    );
    assert_eq!(
        gold.resolve("Azerbaijani delegation", &BTreeSet::new())
            .as_deref(),
        Some("az_delegation_caspian")
    );
    assert_eq!(
        gold.resolve("the Eternal Flame of Glory memorial", &BTreeSet::new())
            .as_deref(),
        Some("eternal_flame")
    );
    assert_eq!(gold.resolve("Somebody Else", &BTreeSet::new()), None);
}
