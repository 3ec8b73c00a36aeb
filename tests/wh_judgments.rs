//! A handful of judgments made by reading the graph of White House briefing-room releases
//! (public domain; never tuned on before the judging): sentences from those releases, the
//! facts a careful reader finds in them, and the wrong facts an earlier version produced.
//! The full judged sample is tests/data/wh_judged.tsv.

use newsgraph::model::Predicate;

/// (subject, predicate, object) strings of the asserted facts read from one text.
fn facts_of(text: &str, date: &str) -> Vec<(String, Predicate, String)> {
    let (_, a) = newsgraph::pipeline::read_text(text, Some(date.into())).unwrap();
    a.facts.iter().filter(|f| f.modality == newsgraph::model::Modality::Asserted).map(|f| newsgraph::model::fact_names(&a, f)).collect()
}

fn has(facts: &[(String, Predicate, String)], s: &str, p: Predicate, o: &str) -> bool {
    facts.iter().any(|(a, b, c)| a == s && *b == p && c == o)
}

#[test]
fn right_facts_are_found() {
    let f = facts_of("President Joseph R. Biden, Jr. met today with President Emmanuel Macron on the margins of the G7 Summit.", "2021-06-12");
    assert!(has(&f, "Joseph R. Biden", Predicate::MetWith, "Emmanuel Macron"), "{f:?}");

    let f = facts_of("RATE Coalition Executive Director Dan Combs: “Today’s vote is an historic step.”", "2025-05-22");
    assert!(has(&f, "Dan Combs", Predicate::Heads, "RATE Coalition"), "{f:?}");

    let f = facts_of("National Cattlemen’s Beef Association President Buck Wehrbein: “Cattle farmers need Congress.”", "2025-05-22");
    assert!(has(&f, "Buck Wehrbein", Predicate::Heads, "National Cattlemen’s Beef Association"), "{f:?}");

    // a statement about the future does not make geography uncertain
    let f = facts_of("National Security Advisor Jake Sullivan will travel to Cairo, Egypt for official meetings tomorrow.", "2021-09-28");
    assert!(has(&f, "Cairo", Predicate::LocatedIn, "Egypt"), "{f:?}");

    let f = facts_of("He welcomed the visit by Israeli Prime Minister Naftali Bennett to Egypt earlier this month.", "2021-09-28");
    assert!(has(&f, "Naftali Bennett", Predicate::Heads, "Israel"), "{f:?}");
}

#[test]
fn wrong_facts_stay_out() {
    // a title's portfolio is not an organisation
    let f = facts_of("National Security Advisor Jake Sullivan met today with Frederic Bernard.", "2021-09-28");
    assert!(!f.iter().any(|(s, p, o)| s == "Jake Sullivan" && *p == Predicate::WorksFor && o == "National Security"), "{f:?}");
    let f = facts_of("Transportation Secretary Pete Buttigieg spoke about the bill.", "2021-09-28");
    assert!(!f.iter().any(|(_, _, o)| o == "Transportation"), "{f:?}");

    // a bare generic noun before a title is not an organisation
    let f = facts_of("County Commissioner Natalia Macker (D-WY)\n\nSchool Board Member Carrie Douglass (D-OR)", "2023-01-01");
    assert!(!f.iter().any(|(_, _, o)| o == "County" || o == "School"), "{f:?}");

    // in a list of "Name, Title, Name, Title" a title belongs to the name before it
    let f = facts_of(
        "Attending were Tom Perez, Director of the Office of Intergovernmental Affairs, Stefanie Feldman, Staff Secretary, and Director of the Office of Gun Violence Prevention, Gene Sperling, Senior Advisor.",
        "2023-09-22",
    );
    assert!(!has(&f, "Gene Sperling", Predicate::Heads, "Office of Gun Violence Prevention"), "{f:?}");
}

#[test]
fn judged_in_session_four_stay_fixed() {
    // the head of a federal agency's office in one state works for the agency
    let f = facts_of("Maria Dunmore, State Executive Director, Farm Service Agency, Nebraska", "2021-08-01");
    assert!(has(&f, "Maria Dunmore", Predicate::WorksFor, "Farm Service Agency"), "{f:?}");
    assert!(!has(&f, "Maria Dunmore", Predicate::Heads, "Farm Service Agency"), "{f:?}");
    // "Nominee for ..." is a title, not a body
    let f = facts_of("Clara Whitcomb, Nominee for Assistant Secretary for Water, Department of the Interior", "2021-08-01");
    assert!(!f.iter().any(|(_, _, o)| o == "Nominee"), "{f:?}");
    // a state governor still leads the state
    let f = facts_of("The state governor, Paul Odede, opened the road.", "2021-08-01");
    assert!(!f.iter().any(|(s, p, _)| s == "Paul Odede" && *p == Predicate::WorksFor), "{f:?}");
}

