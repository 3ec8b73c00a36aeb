//! Robustness: each construction's sentence, varied the ways news varies it (a modifier
//! inserted, names from other cultures, a hard line break inside a name, a title chain
//! before the name, an adverb inside the verb phrase, a leading clause), must give the
//! same fact. The test prints how many variants pass and fails below a floor, so a change
//! that makes the reading layer more brittle shows up. Sentences are written for this test.

use newsgraph::model::{Modality, Predicate as P};

/// A sentence with slots: {A} and {B} people, {ADJ} a modifier before a noun, {ADV} an
/// adverb inside the verb phrase, {TITLE} a title chain before {A}.
struct Case {
    text: &'static str,
    subject: &'static str,
    predicate: P,
    object: &'static str,
}

const CASES: &[Case] = &[
    Case { text: "{TITLE}{A} {ADV}met with the {ADJ}delegation of Estonia in Tallinn.", subject: "{A}", predicate: P::MetWith, object: "delegation of Estonia" },
    Case { text: "{A}, the executive director of the {ADJ}Nordvik Wildlife Service, said the park would reopen.", subject: "{A}", predicate: P::Heads, object: "Nordvik Wildlife Service" },
    Case { text: "{TITLE}{A} {ADV}arrived in Vilnius on a three-day {ADJ}visit.", subject: "{A}", predicate: P::Visited, object: "Vilnius" },
    Case { text: "{TITLE}{A} {ADV}took part in the 3rd Black Sea Energy Summit.", subject: "{A}", predicate: P::Attended, object: "3rd Black Sea Energy Summit" },
    Case { text: "{A}, Director General of the Kenya News Agency, {ADV}met {B} at the {ADJ}headquarters.", subject: "{A}", predicate: P::Heads, object: "Kenya News Agency" },
    Case { text: "{A}, Director General of the Kenya News Agency, {ADV}met with {B}.", subject: "{A}", predicate: P::MetWith, object: "{B}" },
    Case { text: "Nordvik Director General {A} {ADV}said the {ADJ}agency would open an office in Oslo.", subject: "{A}", predicate: P::Heads, object: "Nordvik" },
    Case { text: "The Estonian delegation was headed by {TITLE}{A}.", subject: "{A}", predicate: P::Heads, object: "Estonian delegation" },
    Case { text: "{TITLE}{A} {ADV}visited the Tver region, where {B} showed the {ADJ}factory.", subject: "{A}", predicate: P::Visited, object: "Tver Oblast" },
    Case { text: "Kazakh President {A} {ADV}held talks with {B} in Astana.", subject: "{A}", predicate: P::MetWith, object: "{B}" },
    Case { text: "{A}, President and CEO of the {ADJ}Nordvik Shipping Company, spoke to reporters.", subject: "{A}", predicate: P::Heads, object: "Nordvik Shipping Company" },
    Case { text: "The {ADJ}Black Sea Media Forum, which is taking place in the city of Varna, brings together 300 guests.", subject: "Black Sea Media Forum", predicate: P::HeldIn, object: "Varna" },
];

const BASE_A: &str = "Paul Renard";
const BASE_B: &str = "Maria Keller";
/// Names of other cultures, none of them in any word list's top entries on purpose.
const NAMES: &[&str] = &["Oluwaseun Adeyemi", "Sigrid Halvorsen", "Tomasz Wojcik", "Aigerim Sadykova", "Kwame Mensah", "Nguyen Thi Lan"];

fn fill(text: &str, a: &str, b: &str, adj: &str, adv: &str, title: &str) -> String {
    text.replace("{A}", a).replace("{B}", b).replace("{ADJ}", adj).replace("{ADV}", adv).replace("{TITLE}", title)
}

fn holds(text: &str, case: &Case, a: &str, b: &str) -> bool {
    let (_, an) = newsgraph::pipeline::read_text(text, Some("2024-03-05".into())).unwrap();
    let want_s = case.subject.replace("{A}", a).replace("{B}", b);
    let want_o = case.object.replace("{A}", a).replace("{B}", b);
    an.facts.iter().filter(|f| f.modality == Modality::Asserted && f.predicate == case.predicate).any(|f| {
        let (s, _, o) = newsgraph::model::fact_names(&an, f);
        let (s, o) = (s.split_whitespace().collect::<Vec<_>>().join(" "), o.split_whitespace().collect::<Vec<_>>().join(" "));
        let same = |x: &str, y: &str| x == y || x.ends_with(&format!(" {y}")) && !y.contains(' ') || y.ends_with(x);
        same(&s, &want_s) && same(&o, &want_o) || case.predicate == P::MetWith && same(&o, &want_s) && same(&s, &want_o)
    })
}

#[test]
fn facts_survive_the_variations_of_news_wording() {
    let kinds: &[(&str, &dyn Fn(&Case) -> Vec<(String, String, String)>)] = &[
        ("as written", &|c| vec![(fill(c.text, BASE_A, BASE_B, "", "", ""), BASE_A.into(), BASE_B.into())]),
        ("modifier inserted", &|c| {
            if c.text.contains("{ADJ}") {
                vec![(fill(c.text, BASE_A, BASE_B, "official ", "", ""), BASE_A.into(), BASE_B.into())]
            } else {
                vec![]
            }
        }),
        ("names of other cultures", &|c| {
            NAMES.iter().enumerate().map(|(i, n)| (fill(c.text, n, NAMES[(i + 1) % NAMES.len()], "", "", ""), n.to_string(), NAMES[(i + 1) % NAMES.len()].to_string())).collect()
        }),
        ("line break inside a name", &|c| vec![(fill(c.text, "Paul\nRenard", BASE_B, "", "", ""), BASE_A.into(), BASE_B.into())]),
        ("adverb in the verb phrase", &|c| {
            if c.text.contains("{ADV}") {
                vec![(fill(c.text, BASE_A, BASE_B, "", "today ", ""), BASE_A.into(), BASE_B.into())]
            } else {
                vec![]
            }
        }),
        ("title chain before the name", &|c| {
            if c.text.contains("{TITLE}") {
                vec![(fill(c.text, BASE_A, BASE_B, "", "", "Deputy Head of the Office of the Prime Minister "), BASE_A.into(), BASE_B.into())]
            } else {
                vec![]
            }
        }),
        ("leading clause", &|c| vec![(format!("In a statement issued on Tuesday in the capital, {}", lower_first(&fill(c.text, BASE_A, BASE_B, "", "", ""))), BASE_A.into(), BASE_B.into())]),
    ];
    let (mut pass, mut total) = (0, 0);
    let mut report = String::new();
    let mut failures = Vec::new();
    for (kind, make) in kinds {
        let (mut p, mut t) = (0, 0);
        for case in CASES {
            for (text, a, b) in make(case) {
                t += 1;
                if holds(&text, case, &a, &b) {
                    p += 1;
                } else {
                    failures.push(format!("[{kind}] {text}"));
                }
            }
        }
        report.push_str(&format!("{kind:<30} {p:>3}/{t:<3}\n"));
        pass += p;
        total += t;
    }
    report.push_str(&format!("{:<30} {pass:>3}/{total:<3}\n", "all"));
    println!("{report}");
    for f in &failures {
        println!("failed: {f}");
    }
    // the floor measured when this test was written (QUALITY.md); it only rises
    assert!(pass * 100 >= total * 95, "{pass}/{total} variants hold\n{report}");
}

fn lower_first(s: &str) -> String {
    // keep names capitalised: only a leading "The" is lowered
    if let Some(rest) = s.strip_prefix("The ") {
        format!("the {rest}")
    } else {
        s.to_string()
    }
}
