//! Entity resolution: folding, keeping apart, near-duplicate articles, translated copies,
//! and user curation that survives a rebuild.

mod common;

use common::articles;
use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use newsgraph::dedup::{align, similar, FactRow, Story};
use newsgraph::model::EntityType;
use newsgraph::resolve::{gpe_key, person_key, resolve, Local};
use rusqlite::Connection;

fn local(article: &str, id: i64, t: EntityType, name: &str, key: &str) -> Local {
    Local { article: article.into(), local_id: id, etype: t, key: key.into(), names: vec![name.into()].into() }
}

fn person(article: &str, id: i64, name: &str) -> Local {
    local(article, id, EntityType::Person, name, &person_key(name))
}

#[test]
fn romanisations_diacritics_and_titles_fold_to_one_key() {
    assert_eq!(person_key("Ahmed Ismayilov"), person_key("Akhmad Ismailov"));
    assert_eq!(person_key("Ahmad Ismayilov"), person_key("Ahmed Ismayilov"));
    assert_eq!(person_key("Sergey Mikhailov"), person_key("Sergei Mikhailov"));
    assert_eq!(person_key("Ilgar Guseynov"), person_key("Ilgar Huseynov"));
    assert_eq!(person_key("Heydər Əliyev"), person_key("Heydar Aliyev"));
    assert_eq!(person_key("President Jane Roe"), person_key("Jane Roe"));
    assert_eq!(person_key("Dr. Jane Roe"), person_key("Jane Roe"));
    assert_eq!(gpe_key("Republic of Kazakhstan"), gpe_key("Kazakhstan"));
    assert_eq!(gpe_key("the Russian Federation"), gpe_key("Russia"));
    assert_eq!(gpe_key("Astrakhan province"), gpe_key("Astrakhan Oblast"));
    assert_eq!(gpe_key("city of Astrakhan"), gpe_key("Astrakhan"));
}

#[test]
fn different_given_names_and_a_city_and_its_region_stay_apart() {
    assert_ne!(person_key("Ilham Aliyev"), person_key("Heydar Aliyev"));
    assert_ne!(person_key("Vugar Aliyev"), person_key("Ilham Aliyev"));
    assert_ne!(gpe_key("Astrakhan"), gpe_key("Astrakhan region"));
    let locals = vec![
        person("a", 0, "Ilham Aliyev"),
        person("a", 1, "Heydar Aliyev"),
        person("b", 0, "Vugar Aliyev"),
        // a bare surname shared by three people joins none of them
        person("c", 0, "Aliyev"),
        local("d", 0, EntityType::Org, "TASS", "org:tass@"),
        local("d", 1, EntityType::Fac, "TASS office", "fac:tass office"),
        local("e", 0, EntityType::Group, "Azerbaijani delegation", "group:azerbaijani delegation@caspian media forum"),
        local("f", 0, EntityType::Group, "Azerbaijani delegation", "group:azerbaijani delegation@meeting of ministers"),
    ];
    assert_eq!(resolve(&locals).len(), locals.len());
}

#[test]
fn surname_initial_and_patronymic_join_when_unambiguous() {
    // a bare surname joins only inside its article: "Roe" of article b stays apart
    let locals = vec![person("a", 0, "Jane Roe"), person("b", 0, "Roe"), person("c", 0, "J. Roe"), person("d", 0, "Ivan Petrov"), person("d", 1, "Ivan Sergeyevich")];
    let r = resolve(&locals);
    assert_eq!(r.len(), 3, "{r:#?}");
    let jane = r.iter().find(|e| e.name == "Jane Roe").unwrap();
    assert_eq!(jane.members.len(), 2);
    let ivan = r.iter().find(|e| e.name == "Ivan Petrov").unwrap();
    assert!(ivan.members.iter().any(|m| m.1.rule().contains("patronymic")));
}

const STORY: &str = "The regional council approved a new water plan on Tuesday after months of talks with farmers, \
    who had warned that the drought would ruin the harvest. The council chair, Mara Lind, said the plan would \
    fund three reservoirs and repair the old canal network before the summer. Farmers welcomed the decision but \
    asked for faster payments.";

#[test]
fn near_duplicates_are_found_and_different_stories_are_not() {
    let syndicated = format!("{STORY} The agency contributed to this report.");
    let translated = "The regional council adopted a new water plan on Tuesday after months of negotiations with \
        farmers, who had cautioned that the drought would destroy the harvest. The council chairwoman, Mara Lindt, \
        said that the plan will finance three reservoirs and repair the old canal network before summer. Farmers \
        welcomed the decision but asked for quicker payments.";
    let other = "A storm knocked out power to thousands of homes along the coast overnight, and crews expect to \
        restore service by Thursday, the utility said. Schools in two districts will stay closed while roads are \
        cleared of fallen trees.";
    let (copies, translations) = similar(&[STORY, &syndicated, translated, other]);
    let pairs = |v: &[(usize, usize, f64)]| v.iter().map(|p| (p.0, p.1)).collect::<BTreeSet<_>>();
    assert_eq!(pairs(&copies), BTreeSet::from([(0, 1)]));
    assert!(pairs(&translations).contains(&(0, 2)) || pairs(&translations).contains(&(1, 2)), "{translations:?}");
    assert!(!pairs(&copies).iter().chain(pairs(&translations).iter()).any(|p| p.0 == 3 || p.1 == 3));
}

fn fact(s: i64, p: &str, o: i64, sentence: i64) -> FactRow {
    FactRow { subject: s, predicate: p.into(), object: Some(o), role: None, sentence }
}

#[test]
fn a_translated_copy_aligns_its_garbled_names_with_the_original() {
    let locals = vec![
        local("orig", 0, EntityType::Group, "Nordic delegation", "group:nordic delegation@baltic press forum"),
        local("orig", 1, EntityType::Event, "Baltic Press Forum", "event:baltic press forum"),
        local("orig", 2, EntityType::Gpe, "Riga", "gpe:riga"),
        local("orig", 3, EntityType::Gpe, "Latvia", "gpe:latvia"),
        person("orig", 4, "Jonas Berg"),
        local("copy", 0, EntityType::Group, "Nordic delegation", "group:nordic delegation@baltic print forum"),
        local("copy", 1, EntityType::Event, "Baltic Print Forum", "event:baltic print forum"),
        local("copy", 2, EntityType::Gpe, "Rigga", "gpe:rigga"),
        local("copy", 3, EntityType::Gpe, "Latvia", "gpe:latvia"),
        person("copy", 4, "Jan Berg"),
    ];
    let orig = Story { locals: (0..5).collect(), facts: vec![fact(0, "attended", 1, 0), fact(1, "held_in", 2, 0), fact(2, "located_in", 3, 0), fact(4, "heads", 0, 2)], sentences: 4 };
    let copy = Story { locals: (5..10).collect(), facts: vec![fact(0, "attended", 1, 0), fact(1, "held_in", 2, 0), fact(2, "located_in", 3, 0), fact(4, "heads", 0, 2)], sentences: 4 };
    let (links, lined) = align(&locals, &copy, &orig).expect("the stories line up");
    assert_eq!(lined, 4);
    let pairs: BTreeSet<(usize, usize)> = links.iter().map(|l| (l.from, l.to)).collect();
    for p in [(5, 0), (6, 1), (7, 2), (9, 4)] {
        assert!(pairs.contains(&p), "{p:?} missing from {links:#?}");
    }
    // a story with other people and places does not line up
    let stranger = vec![
        local("x", 0, EntityType::Person, "Karl Holm", &person_key("Karl Holm")),
        local("x", 1, EntityType::Gpe, "Oslo", "gpe:oslo"),
    ];
    let mut all = locals.clone();
    all.extend(stranger);
    let other = Story { locals: vec![10, 11], facts: vec![fact(0, "visited", 1, 0)], sentences: 3 };
    assert!(align(&all, &other, &orig).is_none());
}


fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

fn entity_of(db: &Path, name: &str) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut st = conn.prepare("SELECT DISTINCT entity_id FROM merge_log WHERE name = ?1 ORDER BY 1").unwrap();
    st.query_map([name], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn the_sample_copy_is_found_and_its_facts_have_one_source() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    newsgraph().arg("build").arg(articles()).arg("--db").arg(&db).arg("-q").assert().success();
    let conn = Connection::open(&db).unwrap();
    let dup: Option<String> = conn.query_row("SELECT duplicate_of FROM articles WHERE id LIKE '001%'", [], |r| r.get(0)).unwrap();
    assert!(dup.is_some_and(|d| d.starts_with("000")));
    let others: i64 = conn.query_row("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL", [], |r| r.get(0)).unwrap();
    assert_eq!(others, 1);
    // facts told only by 000 and its copy 001 have one source
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM fact_sources s WHERE s.articles = 2 AND s.sources != 1 AND NOT EXISTS (
               SELECT 1 FROM facts f WHERE f.subject_id = s.subject_id AND f.predicate = s.predicate
                 AND f.object IS s.object AND f.article NOT LIKE '000%' AND f.article NOT LIKE '001%')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
    assert_eq!(entity_of(&db, "Alejandro Ismailov"), entity_of(&db, "Ahmed Ismayilov"));
}

#[test]
fn merge_and_split_survive_a_rebuild_from_scratch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    let build = || newsgraph().arg("build").arg(articles()).arg("--db").arg(&db).arg("-q").assert().success();
    build();
    assert_ne!(entity_of(&db, "Igor Babushkin"), entity_of(&db, "Polad Bulbuloglu"));
    assert_eq!(entity_of(&db, "Alejandro Ismailov"), entity_of(&db, "Ahmed Ismayilov"));
    newsgraph().args(["merge", "Igor Babushkin", "Polad Bulbuloglu", "--db"]).arg(&db).assert().success();
    newsgraph().args(["split", "Ahmed Ismayilov", "Alejandro Ismailov", "--db"]).arg(&db).assert().success();
    let check = || {
        assert_eq!(entity_of(&db, "Igor Babushkin"), entity_of(&db, "Polad Bulbuloglu"));
        assert_ne!(entity_of(&db, "Alejandro Ismailov"), entity_of(&db, "Ahmed Ismayilov"));
    };
    check();
    let file = std::fs::read_to_string(dir.path().join("kg.curation.csv")).unwrap();
    assert!(file.contains("merge,PERSON,Igor Babushkin,Polad Bulbuloglu"), "{file}");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    build();
    check();
    let conn = Connection::open(&db).unwrap();
    let rule: String = conn.query_row("SELECT rule FROM merge_log WHERE name = 'Polad Bulbuloglu'", [], |r| r.get(0)).unwrap();
    assert!(rule.starts_with("user merge"), "{rule}");
}

#[test]
fn exact_copies_and_an_added_copy_are_found_and_comparisons_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = common::copy_of_samples(dir.path());
    let first = std::fs::read_dir(articles()).unwrap().map(|f| f.unwrap().path()).min().unwrap();
    std::fs::copy(&first, input.join("zz-exact-copy.txt")).unwrap();
    let db = dir.path().join("kg.db");
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).arg("-q").assert().success();
    let conn = Connection::open(&db).unwrap();
    let dup: Option<String> = conn.query_row("SELECT duplicate_of FROM articles WHERE id = 'zz-exact-copy.txt'", [], |r| r.get(0)).unwrap();
    assert_eq!(dup.as_deref(), first.file_name().unwrap().to_str());
    let compared: i64 = conn.query_row("SELECT count(*) FROM similarity", [], |r| r.get(0)).unwrap();
    assert!(compared > 0, "the sample copy 001 was compared with 000");
    // a second copy added later: found, and only its own pairs are compared anew
    std::fs::copy(&first, input.join("zz-later-copy.txt")).unwrap();
    newsgraph().arg("build").arg(&input).arg("--db").arg(&db).arg("-q").assert().success();
    let dup: Option<String> = conn.query_row("SELECT duplicate_of FROM articles WHERE id = 'zz-later-copy.txt'", [], |r| r.get(0)).unwrap();
    assert_eq!(dup.as_deref(), first.file_name().unwrap().to_str());
    let after: i64 = conn.query_row("SELECT count(*) FROM similarity", [], |r| r.get(0)).unwrap();
    assert_eq!(after, compared, "identical texts are compared once, through their first copy");
    // resolving again with nothing new rewrites no local entity: stored and new merge-log
    // states compare equal
    let mut again = newsgraph::store::open(&db).unwrap();
    let times = newsgraph::store::resolve_all(&mut again).unwrap();
    assert_eq!(times.rewritten, 0);
    assert!(times.entities > 0);
    // the facts view reads the same whether or not the entity columns of facts were used
    let direct: i64 = conn.query_row("SELECT count(*) FROM facts", [], |r| r.get(0)).unwrap();
    let through_locals: i64 = conn
        .query_row(
            "SELECT count(*) FROM fact f
             JOIN membership ls ON ls.article = f.article AND ls.local_id = f.subject
             JOIN entity es ON es.id = ls.entity_id
             WHERE f.shown = 1 AND f.modality = 'asserted' AND f.subject_entity = ls.entity_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(direct, through_locals);
}

#[test]
fn curation_per_database_split_of_a_single_mention_alias_retype_list_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    let build = || newsgraph().arg("build").arg(articles()).arg("--db").arg(&db).arg("-q").assert().success();
    build();
    let type_of = |name: &str| -> String {
        Connection::open(&db).unwrap().query_row("SELECT e.type FROM entity e JOIN alias a ON a.entity_id = e.id WHERE a.alias = ?1", [name], |r| r.get(0)).unwrap()
    };
    // "Xerxes Media Forum" is an alias (seen once), not the fullest name of any part
    newsgraph().args(["split", "Caspian Media Forum", "Xerxes Media Forum", "--db"]).arg(&db).assert().success();
    newsgraph().args(["retype", "Baku", "LOC", "--db"]).arg(&db).assert().success();
    let check = || {
        let conn = Connection::open(&db).unwrap();
        let apart: i64 = conn
            .query_row("SELECT count(DISTINCT entity_id) FROM entity_aliases WHERE alias IN ('Xerxes Media Forum', 'Caspian Media Forum')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(apart, 2);
        assert_eq!(type_of("Baku"), "LOC");
    };
    check();
    // decisions belong to this database: kg.curation.csv beside kg.db
    assert!(!dir.path().join("curation.csv").exists());
    let file = std::fs::read_to_string(dir.path().join("kg.curation.csv")).unwrap();
    assert!(file.contains("retype,GPE,Baku,LOC"), "{file}");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    build();
    check();
    newsgraph().args(["curation", "list", "--db"]).arg(&db).assert().success().stdout(predicates::str::contains("2\tretype\tGPE\tBaku\tLOC"));
    newsgraph().args(["curation", "undo", "2", "--db"]).arg(&db).assert().success();
    assert_eq!(type_of("Baku"), "GPE");
    newsgraph().args(["curation", "undo", "9", "--db"]).arg(&db).assert().failure();
    // an unknown alias: the names are listed, cut with a count
    newsgraph().args(["split", "Russia", "Nowhere At All", "--db"]).arg(&db).assert().failure().stderr(predicates::str::contains("its names"));
}

// ---- issue 11, one entity per real thing: classes of joins and splits (invented names) ----

fn named(article: &str, id: i64, t: EntityType, names: &[&str], key: &str) -> Local {
    Local { article: article.into(), local_id: id, etype: t, key: key.into(), names: names.iter().map(|n| std::sync::Arc::from(*n)).collect::<Vec<_>>().into() }
}

/// The entity that holds local (article, id).
fn holder<'a>(r: &'a [newsgraph::resolve::Resolved], locals: &[Local], article: &str, id: i64) -> &'a newsgraph::resolve::Resolved {
    r.iter().find(|e| e.members.iter().any(|(i, _)| &*locals[*i].article == article && locals[*i].local_id == id)).unwrap()
}

#[test]
fn a_join_made_inside_one_article_does_not_carry_every_namesake_of_the_corpus() {
    // "Quorvel" typed as a place beside two different Quorvels: each article's joins its own
    let locals = vec![
        person("a", 0, "Jane Quorvel"),
        local("a", 1, EntityType::Gpe, "Quorvel", "gpe:quorvel"),
        person("b", 0, "Mark Quorvel"),
        local("b", 1, EntityType::Gpe, "Quorvel", "gpe:quorvel"),
        local("c", 0, EntityType::Gpe, "Quorvel", "gpe:quorvel"),
    ];
    let r = resolve(&locals);
    assert_ne!(holder(&r, &locals, "a", 0).id, holder(&r, &locals, "b", 0).id, "{r:?}");
    assert_eq!(holder(&r, &locals, "a", 1).id, holder(&r, &locals, "a", 0).id);
    assert_eq!(holder(&r, &locals, "b", 1).id, holder(&r, &locals, "b", 0).id);
    // an acronym spelt out two ways: the bodies stay apart, and a bare "NPA" goes to the
    // one most articles spell out
    let npa = |a: &str| named(a, 1, EntityType::Org, &["NPA"], "org:npa@");
    let port = |a: &str| named(a, 0, EntityType::Org, &["Nordvik Port Authority"], "org:nordvik port authority@");
    let locals = vec![
        port("a"), npa("a"),
        named("b", 0, EntityType::Org, &["Nordvik Pickle Association"], "org:nordvik pickle association@"), npa("b"),
        port("c"), npa("c"),
        port("d"), npa("d"),
        npa("e"),
    ];
    let r = resolve(&locals);
    assert_ne!(holder(&r, &locals, "a", 0).id, holder(&r, &locals, "b", 0).id, "{r:?}");
    assert_eq!(holder(&r, &locals, "b", 1).id, holder(&r, &locals, "b", 0).id);
    assert_eq!(holder(&r, &locals, "e", 1).id, holder(&r, &locals, "a", 0).id);
}

#[test]
fn the_canonical_name_is_one_in_common_use() {
    let mut locals: Vec<Local> = (0..12).map(|i| named(&format!("a{i}"), 0, EntityType::Org, &["Nordvik Port Authority"], "org:nordvik port authority@")).collect();
    locals.push(named("z", 0, EntityType::Org, &["Counsel of the Nordvik Port Authority"], "org:nordvik port authority@"));
    let r = resolve(&locals);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].name, "Nordvik Port Authority");
}

#[test]
fn a_body_of_three_common_words_joins_its_country_but_a_ministry_does_not() {
    let locals = vec![
        named("a", 0, EntityType::Org, &["Rural Water Safety Administration"], "org:rural water safety administration@"),
        named("b", 0, EntityType::Org, &["U.S. Rural Water Safety Administration"], "org:rural water safety administration@united states"),
        named("c", 0, EntityType::Org, &["Interior Ministry"], "org:interior ministry@"),
        named("d", 0, EntityType::Org, &["Skarnian Interior Ministry"], "org:interior ministry@skarnia"),
    ];
    let r = resolve(&locals);
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!(holder(&r, &locals, "a", 0).id, holder(&r, &locals, "b", 0).id);
}

#[test]
fn same_article_short_names_join_their_full_name() {
    use EntityType::*;
    let locals = vec![
        // the bare word a department is of
        named("a", 0, Org, &["Department of Beekeeping"], "org:beekeeping department@"),
        named("a", 1, Org, &["Beekeeping"], "org:beekeeping@"),
        // leading words of one name; a modifier is not a name
        named("b", 0, Org, &["Skarn Quiltworks"], "org:skarn quiltworks@"),
        named("b", 1, Loc, &["Skarn"], "loc:skarn"),
        named("b", 2, Org, &["XR Cloud"], "org:xr cloud@"),
        named("b", 3, Org, &["XR"], "org:xr@"),
        // the common words that end one name
        named("c", 0, Org, &["Vennick Heritage Center"], "org:vennick heritage center@"),
        named("c", 1, Org, &["Heritage Centre"], "org:heritage center@"),
        // a name run together from another's words
        named("f", 0, Org, &["Power Dynamics Vennland Ltd"], "org:power dynamics vennland@"),
        named("f", 1, Org, &["Powerdyn Vennland"], "org:powerdyn vennland@"),
        // one letter apart
        named("d", 0, Gpe, &["Hollowbrane"], "gpe:hollowbrane"),
        named("d", 1, Gpe, &["Hollowbranne"], "gpe:hollowbranne"),
        // a mission and the mission named by whom it is to
        named("e", 0, Org, &["Mission to the Skarn Union"], "org:mission to the skarn union@"),
        named("e", 1, Org, &["Vennish Mission"], "org:vennish mission@"),
    ];
    let r = resolve(&locals);
    let same = |a: &str, x: i64, y: i64| holder(&r, &locals, a, x).id == holder(&r, &locals, a, y).id;
    assert!(same("a", 0, 1), "{r:?}");
    assert!(same("b", 0, 1), "{r:?}");
    assert!(!same("b", 2, 3), "a modifier is not a short name: {r:?}");
    assert!(same("c", 0, 1), "{r:?}");
    assert!(same("d", 0, 1), "{r:?}");
    assert!(same("e", 0, 1), "{r:?}");
    assert!(same("f", 0, 1), "{r:?}");
}

#[test]
fn events_join_their_descriptions_and_shorter_names_of_the_same_edition() {
    use EntityType::Event;
    let locals = vec![
        named("a", 0, Event, &["Skarn Gala Reception"], "event:skarn gala reception #2024"),
        named("a", 1, Event, &["banquet reception"], "event:banquet reception@article a"),
        named("a", 2, Event, &["Vennick Leaders Meeting"], "event:vennick leaders meeting #2024"),
        named("a", 3, Event, &["trilateral meeting"], "event:trilateral meeting@article a"),
        named("b", 0, Event, &["Skarn Forum 2024"], "event:skarn forum #2024"),
        named("b", 1, Event, &["Skarn Forum 2024 Annual Meeting"], "event:skarn forum meeting #2024"),
        named("c", 0, Event, &["Skarnex Summit"], "event:skarnex summit #2015"),
        named("d", 0, Event, &["Skarnex Investment Summit"], "event:skarnex investment summit #2015"),
        named("e", 0, Event, &["Skarnex Summit"], "event:skarnex summit #2016"),
    ];
    let r = resolve(&locals);
    let id = |a: &str, x: i64| holder(&r, &locals, a, x).id.clone();
    assert_eq!(id("a", 1), id("a", 0), "{r:?}");
    assert_ne!(id("a", 3), id("a", 2), "a trilateral meeting is not the leaders' meeting");
    assert_eq!(id("b", 0), id("b", 1));
    assert_eq!(id("c", 0), id("d", 0));
    assert_ne!(id("e", 0), id("d", 0), "another year is another edition");
}

#[test]
fn names_of_bodies_read_whole_and_people_of_bodies_apart() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Skarn Notes\n\nThe Food and Fodder Administration approved the feed on Monday. Mr. Tobias R. Quellan of the Nordvik Port Authority (NPA) will coordinate. \
         The Vennick Administration’s Investing in Roads agenda goes on. She served in the Office of the U.S. Trade Representative and later at the Skarnian Mission to the Vennick League.\n",
    )
    .unwrap();
    let db = dir.path().join("kg.db");
    newsgraph().args(["build", "-q", "--db"]).arg(&db).arg(&input).assert().success();
    let conn = Connection::open(&db).unwrap();
    let mut st = conn.prepare("SELECT type, name FROM local_entity").unwrap();
    let got: Vec<(String, String)> = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
    let has = |t: &str, n: &str| got.iter().any(|(a, b)| a == t && b == n);
    assert!(has("ORG", "Food and Fodder Administration"), "{got:?}");
    assert!(has("PERSON", "Tobias R. Quellan"), "{got:?}");
    assert!(has("ORG", "Nordvik Port Authority"), "{got:?}");
    assert!(!got.iter().any(|(_, n)| n.contains("Investing")), "{got:?}");
    assert!(has("ORG", "Office of the U.S. Trade Representative"), "{got:?}");
    assert!(has("ORG", "Skarnian Mission to the Vennick League"), "{got:?}");
}

#[test]
fn white_house_bodies_governments_and_bracketed_acronyms_of_places() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Council Notes\n\nThe White House Rural Policy Council met on Monday in Washington.\n").unwrap();
    std::fs::write(input.join("b.txt"), "Council Plans\n\nThe Rural Policy Council will meet again in May.\n").unwrap();
    std::fs::write(
        input.join("c.txt"),
        "Campus Notes\n\nShe studied at the University of Skarn, Leeds (USL) and taught at USL. The Government of the Republic of Malawi welcomed her.\n",
    )
    .unwrap();
    let db = dir.path().join("kg.db");
    newsgraph().args(["build", "-q", "--db"]).arg(&db).arg(&input).assert().success();
    let a = entity_of(&db, "White House Rural Policy Council");
    assert_eq!(a.len(), 1);
    assert_eq!(a, entity_of(&db, "Rural Policy Council"), "the White House's council is the council");
    let conn = Connection::open(&db).unwrap();
    let leeds: Vec<String> = conn.prepare("SELECT alias FROM entity_aliases WHERE entity = 'Leeds'").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
    assert!(!leeds.iter().any(|x| x == "USL"), "a university's acronym is not its city's: {leeds:?}");
    let gov: Vec<String> = conn.prepare("SELECT type FROM entity_aliases WHERE alias = 'Government of the Republic of Malawi'").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(gov, ["GPE"], "a government is its country");
}

#[test]
fn places_written_with_a_typographic_apostrophe_are_known() {
    use newsgraph::gazetteer::place;
    assert_eq!(place("Cote d’Ivoire").map(|p| p.canonical), place("Cote d'Ivoire").map(|p| p.canonical));
    assert!(place("’s-Hertogenbosch").is_some());
}

#[test]
fn a_bare_body_every_country_has_joins_the_country_the_corpus_names_it_for() {
    let body = |a: String, ctx: &str| named(&a, 0, EntityType::Org, &["Water Board"], &format!("org:water board@{ctx}"));
    let mut locals: Vec<Local> = (0..12).map(|i| body(format!("s{i}"), "skarnia")).collect();
    locals.push(body("bare".into(), ""));
    let r = resolve(&locals);
    assert_eq!(r.len(), 1, "{r:?}");
    // two countries' boards: the bare one is neither
    locals.extend((0..3).map(|i| body(format!("v{i}"), "vennland")));
    assert_eq!(resolve(&locals).len(), 3);
    // articles that name both say which country's it is
    let mut locals = Vec::new();
    for i in 0..3 {
        locals.push(named(&format!("a{i}"), 0, EntityType::Org, &["Senate"], "org:senate@"));
        locals.push(named(&format!("a{i}"), 1, EntityType::Org, &["Skarnian Senate"], "org:senate@skarnia"));
    }
    locals.push(named("v", 0, EntityType::Org, &["Vennish Senate"], "org:senate@vennland"));
    locals.push(named("b", 0, EntityType::Org, &["Senate"], "org:senate@"));
    let r = resolve(&locals);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(holder(&r, &locals, "b", 0).id, holder(&r, &locals, "a0", 1).id);
}
