//! Views, exports and stats on a small synthetic database.

use std::collections::BTreeSet;

use newsgraph::export::csv_out::{self, CsvOptions};
use newsgraph::export::dot::{self, DotOptions};
use newsgraph::export::{graphml, render};
use newsgraph::stats;
use newsgraph::view::{self, View, ViewError, ViewOptions};
use petgraph::visit::EdgeRef;
use rusqlite::{params, Connection};

const SCHEMA: &str = include_str!("../schema.sql");

/// (id, type, name, aliases)
const ENTITIES: &[(&str, &str, &str, &[&str])] = &[
    (
        "person:jane roe",
        "PERSON",
        "Jane Roe",
        &["Jane Roe", "Roe"],
    ),
    (
        "person:john poe",
        "PERSON",
        "John Poe",
        &["John Poe", "Poe"],
    ),
    (
        "person:edgar poe",
        "PERSON",
        "Edgar Poe",
        &["Edgar Poe", "Poe"],
    ),
    ("org:acme", "ORG", "Acme Corp", &["Acme Corp", "ACME"]),
    ("gpe:ruritania", "GPE", "Ruritania", &["Ruritania"]),
    ("gpe:moskva", "GPE", "Москва", &["Москва", "Moscow"]),
    (
        "event:harbour summit",
        "EVENT",
        "Harbour Summit",
        &["Harbour Summit"],
    ),
    (
        "person:formula",
        "PERSON",
        "=cmd|' /C calc'!A0",
        &["=cmd|' /C calc'!A0"],
    ),
    (
        "org:quoted",
        "ORG",
        "The \"Quoted\" Org\nLtd \\ Co",
        &["The \"Quoted\" Org"],
    ),
    ("org:lonely", "ORG", "Lonely Corp", &["Lonely Corp"]),
];

/// (article, subject, predicate, object (entity id or `date:` value), confidence, role,
/// modality, evidence)
type F = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    Option<&'static str>,
    &'static str,
    &'static str,
);
const FACTS: &[F] = &[
    (
        "a1",
        "person:jane roe",
        "works_for",
        "org:acme",
        0.9,
        Some("director"),
        "asserted",
        "Jane Roe, director of Acme Corp, spoke.",
    ),
    (
        "a1",
        "org:acme",
        "based_in",
        "gpe:ruritania",
        0.8,
        None,
        "asserted",
        "Acme Corp is based in Ruritania.",
    ),
    (
        "a1",
        "event:harbour summit",
        "held_in",
        "gpe:ruritania",
        0.7,
        None,
        "asserted",
        "The Harbour Summit was held in Ruritania.",
    ),
    (
        "a1",
        "event:harbour summit",
        "held_on",
        "date:2023-09-18",
        0.95,
        None,
        "asserted",
        "The summit opened on September 18.",
    ),
    (
        "a1",
        "person:john poe",
        "visited",
        "gpe:ruritania",
        0.6,
        None,
        "hedged",
        "John Poe may have visited Ruritania.",
    ),
    (
        "a2",
        "person:jane roe",
        "attended",
        "event:harbour summit",
        0.6,
        Some("delegate"),
        "asserted",
        "Jane Roe attended the Harbour Summit as a delegate.",
    ),
    (
        "a2",
        "person:john poe",
        "met_with",
        "person:jane roe",
        0.9,
        None,
        "asserted",
        "John Poe met with Jane Roe.",
    ),
    (
        "a3",
        "person:jane roe",
        "met_with",
        "person:john poe",
        0.85,
        None,
        "asserted",
        "Jane Roe met John Poe.",
    ),
    (
        "a3",
        "person:jane roe",
        "attended",
        "event:harbour summit",
        0.65,
        None,
        "asserted",
        "Roe attended the summit.",
    ),
    (
        "a4",
        "person:edgar poe",
        "heads",
        "org:acme",
        0.5,
        None,
        "asserted",
        "Edgar Poe heads Acme.",
    ),
    (
        "a4",
        "person:formula",
        "member_of",
        "org:quoted",
        0.7,
        None,
        "asserted",
        "=cmd|' /C calc'!A0 is a member of the \"Quoted\" Org.",
    ),
    (
        "a4",
        "gpe:moskva",
        "partner_of",
        "gpe:ruritania",
        0.4,
        None,
        "asserted",
        "Москва and Ruritania are partners.",
    ),
    (
        "a5",
        "person:jane roe",
        "works_for",
        "org:acme",
        0.7,
        None,
        "asserted",
        "Acme's Jane Roe said so.",
    ),
];

/// (id, published, duplicate_of)
const ARTICLES: &[(&str, Option<&str>, Option<&str>)] = &[
    ("a1", Some("2023-09-01"), None),
    ("a2", Some("2023-09-10"), None),
    ("a3", Some("2023-10-05"), Some("a2")),
    ("a4", None, None),
    ("a5", Some("2023-11-20"), None),
];

fn local_id(entity: &str) -> i64 {
    ENTITIES
        .iter()
        .position(|e| e.0 == entity)
        .expect("known entity") as i64
}

fn fixture() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(SCHEMA).unwrap();
    for (id, published, dup) in ARTICLES {
        conn.execute(
            "INSERT INTO article (id, hash, path, title, published, source, duplicate_of, text, words)
             VALUES (?1, ?1, ?1, NULL, ?2, NULL, ?3, 'text', 1)",
            params![id, published, dup],
        )
        .unwrap();
    }
    for (id, etype, name, aliases) in ENTITIES {
        conn.execute(
            "INSERT INTO entity (id, type, name, mentions, articles) VALUES (?1, ?2, ?3, 3, 2)",
            params![id, etype, name],
        )
        .unwrap();
        for a in *aliases {
            conn.execute(
                "INSERT INTO alias (entity_id, alias, seen) VALUES (?1, ?2, 1)",
                params![id, a],
            )
            .unwrap();
        }
    }
    for (idx, (article, subject, predicate, object, conf, role, modality, evidence)) in
        FACTS.iter().enumerate()
    {
        conn.execute(
            "INSERT INTO sentence (article, idx, start, end, text) VALUES ((SELECT num FROM article WHERE id = ?1), ?2, 0, 10, ?3)",
            params![article, idx as i64, evidence],
        )
        .unwrap();
        let mut ends = vec![*subject];
        if !object.starts_with("date:") {
            ends.push(object);
        }
        for e in ends {
            let (_, etype, name, _) = ENTITIES[local_id(e) as usize];
            conn.execute(
                "INSERT OR IGNORE INTO local_entity (article, local_id, type, name, key, names)
                 VALUES ((SELECT num FROM article WHERE id = ?1), ?2, ?3, ?4, ?4, '[]')",
                params![article, local_id(e), etype, name],
            )
            .unwrap();
            conn.execute(
                "INSERT OR IGNORE INTO membership (article, local_id, entity_id, rule)
                 VALUES ((SELECT num FROM article WHERE id = ?1), ?2, ?3, 'same name')",
                params![article, local_id(e), e],
            )
            .unwrap();
        }
        let (object_local, object_value) = match object.strip_prefix("date:") {
            Some(d) => (None, Some(d)),
            None => (Some(local_id(object)), None),
        };
        conn.execute(
            "INSERT INTO fact (article, idx, sentence, subject, predicate, object, object_value, role,
                               confidence, rule, modality, start, end, subject_entity, object_entity)
             VALUES ((SELECT num FROM article WHERE id = ?1), ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'test', ?9, 0, 5, ?10, ?11)",
            params![article, idx as i64, local_id(subject), predicate, object_local, object_value, role, conf, modality, subject, object_local.map(|_| *object)],
        )
        .unwrap();
    }
    conn
}

fn build(conn: &Connection, opts: ViewOptions) -> View {
    view::build(conn, &opts).unwrap()
}

fn edges(v: &View) -> Vec<(String, String, String)> {
    let g = &v.graph;
    g.edge_references()
        .map(|e| {
            (
                g[e.source()].id.clone(),
                e.weight().predicate.clone(),
                g[e.target()].id.clone(),
            )
        })
        .collect()
}

/// The ball of `depth` undirected hops around `centre`, by a recursive query over `facts`.
const BALL: &str = "
    WITH RECURSIVE
      e(a, b) AS (
        SELECT subject_id, COALESCE(object_id, 'date:' || object) FROM facts
        UNION SELECT COALESCE(object_id, 'date:' || object), subject_id FROM facts),
      reach(id, d) AS (
        SELECT ?1, 0
        UNION SELECT e.b, reach.d + 1 FROM reach JOIN e ON e.a = reach.id WHERE reach.d < ?2),
      ball(id) AS (SELECT DISTINCT id FROM reach)";

type FactKey = (String, String, String, String);

/// Nodes and facts (article, subject, predicate, object) of the ego network, computed
/// independently of the view code.
fn ego_by_sql(
    conn: &Connection,
    centre: &str,
    depth: i64,
) -> (BTreeSet<String>, BTreeSet<FactKey>) {
    let facts_sql = format!(
        "{BALL}
        SELECT article, subject_id, predicate, COALESCE(object_id, 'date:' || object) FROM facts
        WHERE subject_id IN (SELECT id FROM ball)
          AND COALESCE(object_id, 'date:' || object) IN (SELECT id FROM ball)"
    );
    let mut stmt = conn.prepare(&facts_sql).unwrap();
    let facts = stmt
        .query_map(params![centre, depth], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap()
        .collect::<Result<BTreeSet<_>, _>>()
        .unwrap();
    let mut stmt = conn
        .prepare(&format!("{BALL} SELECT id FROM ball"))
        .unwrap();
    let ball = stmt
        .query_map(params![centre, depth], |r| r.get(0))
        .unwrap()
        .collect::<Result<BTreeSet<String>, _>>()
        .unwrap();
    (ball, facts)
}

#[test]
fn ego_network_matches_recursive_sql() {
    let conn = fixture();
    for (query, centre) in [
        ("jane roe", "person:jane roe"),
        ("ACME", "org:acme"),
        ("Ruritania", "gpe:ruritania"),
    ] {
        for depth in [1usize, 2] {
            let v = build(
                &conn,
                ViewOptions {
                    focus: Some(query.into()),
                    depth,
                    ..Default::default()
                },
            );
            let (ball, expected) = ego_by_sql(&conn, centre, depth as i64);
            let got: BTreeSet<_> = v
                .facts
                .iter()
                .map(|f| {
                    (
                        f.article.clone(),
                        f.subject_id.clone(),
                        f.predicate.clone(),
                        f.object_id.clone(),
                    )
                })
                .collect();
            assert_eq!(got, expected, "facts of {query} at depth {depth}");
            let nodes: BTreeSet<String> = v.graph.node_weights().map(|n| n.id.clone()).collect();
            assert_eq!(nodes, ball, "nodes of {query} at depth {depth}");
        }
    }
    // Depth 1 around Jane: her neighbours only, not Ruritania (two hops away).
    let v = build(
        &conn,
        ViewOptions {
            focus: Some("Roe".into()),
            depth: 1,
            ..Default::default()
        },
    );
    let nodes: Vec<String> = v.graph.node_weights().map(|n| n.id.clone()).collect();
    assert_eq!(
        nodes,
        [
            "event:harbour summit",
            "org:acme",
            "person:jane roe",
            "person:john poe"
        ]
    );
}

#[test]
fn focus_lookup_errors() {
    let conn = fixture();
    match view::build(
        &conn,
        &ViewOptions {
            focus: Some("poe".into()),
            ..Default::default()
        },
    ) {
        Err(ViewError::Ambiguous { candidates, .. }) => {
            let ids: Vec<&str> = candidates.iter().map(|c| c.0.as_str()).collect();
            assert_eq!(ids, ["person:edgar poe", "person:john poe"]);
        }
        other => panic!("expected ambiguity, got {other:?}"),
    }
    let err = view::build(
        &conn,
        &ViewOptions {
            focus: Some("Nobody".into()),
            ..Default::default()
        },
    );
    assert!(matches!(err, Err(ViewError::NotFound(_))));
    assert_eq!(
        view::find_entity(&conn, "person:john poe").unwrap(),
        "person:john poe"
    );
    assert_eq!(view::find_entity(&conn, "moscow").unwrap(), "gpe:moskva");
    assert_eq!(view::find_entity(&conn, "МОСКВА").unwrap(), "gpe:moskva");
}

#[test]
fn collapsed_edges_count_articles_and_sources() {
    let conn = fixture();
    let v = build(&conn, ViewOptions::default());
    let g = &v.graph;
    let met = g
        .edge_references()
        .find(|e| e.weight().predicate == "met_with")
        .unwrap();
    let w = met.weight();
    // Stated in both directions by a2 and its duplicate a3: one undirected edge, one source.
    assert_eq!((w.weight, w.sources, w.symmetric), (2, 1, true));
    assert_eq!(
        (g[met.source()].id.as_str(), g[met.target()].id.as_str()),
        ("person:jane roe", "person:john poe")
    );
    assert_eq!(w.article, "a2");
    assert_eq!(w.confidence, 0.9);
    let works = g
        .edge_references()
        .find(|e| e.weight().predicate == "works_for")
        .unwrap()
        .weight();
    assert_eq!(
        (works.weight, works.sources, works.role.as_deref()),
        (2, 2, Some("director"))
    );
    assert_eq!(works.evidence, "Jane Roe, director of Acme Corp, spoke.");
    // The hedged visit is not a fact; the lonely entity is not drawn.
    assert!(edges(&v).iter().all(|e| e.1 != "visited"));
    assert!(g.node_weights().all(|n| n.id != "org:lonely"));
    assert!(g
        .node_weights()
        .any(|n| n.id == "date:2023-09-18" && n.etype == "DATE"));
    // Edges sorted by (source, target, predicate).
    let mut sorted = edges(&v);
    sorted.sort_by(|a, b| (&a.0, &a.2, &a.1).cmp(&(&b.0, &b.2, &b.1)));
    assert_eq!(edges(&v), sorted);
}

#[test]
fn filters() {
    let conn = fixture();
    let count = |opts: ViewOptions| build(&conn, opts).facts.len();
    let all = count(ViewOptions::default());
    assert_eq!(all, 12);
    assert_eq!(
        count(ViewOptions {
            since: Some("2023-09-05".into()),
            ..Default::default()
        }),
        5
    );
    assert_eq!(
        count(ViewOptions {
            until: Some("2023-09".into()),
            ..Default::default()
        }),
        6
    );
    assert_eq!(
        count(ViewOptions {
            articles: vec!["a4".into()],
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        count(ViewOptions {
            predicates: vec!["met_with".into()],
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(ViewOptions {
            min_confidence: Some(0.8),
            ..Default::default()
        }),
        5
    );
    assert_eq!(
        count(ViewOptions {
            exclude_types: vec!["DATE".into()],
            ..Default::default()
        }),
        11
    );
    assert_eq!(
        count(ViewOptions {
            types: vec!["PERSON".into()],
            ..Default::default()
        }),
        2
    );
    let v = build(
        &conn,
        ViewOptions {
            min_sources: Some(2),
            ..Default::default()
        },
    );
    assert_eq!(
        edges(&v),
        [(
            "person:jane roe".to_string(),
            "works_for".to_string(),
            "org:acme".to_string()
        )]
    );
    let v = build(
        &conn,
        ViewOptions {
            isolated: true,
            ..Default::default()
        },
    );
    assert!(v.graph.node_weights().any(|n| n.id == "org:lonely"));
}

fn csv_cells(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn csv_is_gephi_ready_and_spreadsheet_safe() {
    let conn = fixture();
    let v = build(&conn, ViewOptions::default());
    let dir = tempfile::tempdir().unwrap();
    csv_out::write_dir(&v, dir.path(), CsvOptions::default()).unwrap();
    let nodes = csv_cells(&dir.path().join("nodes.csv"));
    let edges = csv_cells(&dir.path().join("edges.csv"));
    let facts = csv_cells(&dir.path().join("facts.csv"));
    assert_eq!(nodes[0][..3], ["Id", "Label", "Type"]);
    assert_eq!(
        edges[0][..5],
        ["Source", "Target", "Label", "Type", "Weight"]
    );
    assert!(edges[0].contains(&"predicate".to_string()));
    assert_eq!(nodes.len() - 1, v.graph.node_count());
    assert_eq!(edges.len() - 1, v.graph.edge_count());
    assert_eq!(facts.len() - 1, v.facts.len());
    assert!(edges.iter().any(|r| r[3] == "Undirected") && edges.iter().any(|r| r[3] == "Directed"));

    for (name, rows) in [("nodes", &nodes), ("edges", &edges), ("facts", &facts)] {
        assert!(
            rows.iter().flatten().any(|c| c.starts_with("'=cmd|")),
            "{name}.csv should hold the neutralised formula"
        );
        for cell in rows.iter().flatten() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{name}.csv: unsafe cell {cell:?}"
            );
        }
    }
    // Non-Latin text survives as UTF-8.
    assert!(nodes.iter().any(|r| r[1] == "Москва"));
    let raw = std::fs::read(dir.path().join("nodes.csv")).unwrap();
    assert!(raw.starts_with(b"Id,"));

    let excel = tempfile::tempdir().unwrap();
    csv_out::write_dir(&v, excel.path(), CsvOptions { excel: true }).unwrap();
    for f in ["nodes.csv", "edges.csv", "facts.csv"] {
        let bytes = std::fs::read(excel.path().join(f)).unwrap();
        assert!(
            bytes.starts_with("\u{FEFF}".as_bytes()),
            "{f} lacks the BOM"
        );
        // Same bytes after the BOM: exports are deterministic.
        assert_eq!(
            &bytes[3..],
            std::fs::read(dir.path().join(f)).unwrap().as_slice()
        );
    }
}

#[test]
fn graphml_parses_with_declared_keys() {
    use quick_xml::events::Event;
    let conn = fixture();
    let v = build(&conn, ViewOptions::default());
    let text = graphml::to_string(&v);
    assert_eq!(
        text,
        graphml::to_string(&build(&conn, ViewOptions::default()))
    );

    let mut reader = quick_xml::Reader::from_str(&text);
    let (mut keys, mut used) = (Vec::new(), BTreeSet::new());
    let (mut nodes, mut edges, mut types) = (0, 0, BTreeSet::new());
    let mut in_type = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &str| {
                    e.try_get_attribute(name)
                        .unwrap()
                        .map(|a| a.unescape_value().unwrap().into_owned())
                };
                match e.name().as_ref() {
                    b"key" => {
                        keys.push(attr("id").unwrap());
                        let ty = attr("attr.type").unwrap();
                        assert!(["string", "double", "int", "boolean"].contains(&ty.as_str()));
                    }
                    b"node" => nodes += 1,
                    b"edge" => {
                        edges += 1;
                        // networkx refuses directed="false" edges in a directed graph
                        assert!(attr("directed").is_none());
                    }
                    b"data" => {
                        let k = attr("key").unwrap();
                        in_type = k == "n_type";
                        used.insert(k);
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_type => {
                types.insert(t.unescape().unwrap().into_owned());
                in_type = false;
            }
            _ => {}
        }
    }
    let declared: BTreeSet<String> = keys.iter().cloned().collect();
    assert_eq!(declared.len(), keys.len(), "key ids must be unique");
    assert!(used.is_subset(&declared));
    assert_eq!((nodes, edges), (v.graph.node_count(), v.graph.edge_count()));
    assert!(types.contains("DATE") && types.contains("PERSON"));
    assert!(text.contains("The &quot;Quoted&quot; Org") || text.contains("The \"Quoted\" Org"));
    assert!(text.contains(r#"<data key="e_symmetric">true</data>"#));
    networkx_loads(&text, v.graph.node_count(), v.graph.edge_count());
}

/// Loads GraphML with networkx when python3 has it (scripts/setup.sh installs it).
fn networkx_loads(text: &str, nodes: usize, edges: usize) {
    let has = std::process::Command::new("python3").args(["-c", "import networkx"]).output();
    if !has.is_ok_and(|o| o.status.success()) {
        eprintln!("skipping the networkx check: python3 with networkx not found (pip install networkx)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.graphml");
    std::fs::write(&path, text).unwrap();
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); print(g.is_directed(), g.number_of_nodes(), g.number_of_edges())"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "networkx: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("True {nodes} {edges}"));
}

#[test]
fn dot_is_deterministic_and_graphviz_accepts_it() {
    let conn = fixture();
    let v = build(&conn, ViewOptions::default());
    let text = dot::to_dot(&v, &DotOptions::default());
    assert_eq!(
        text,
        dot::to_dot(
            &build(&conn, ViewOptions::default()),
            &DotOptions::default()
        )
    );
    graphviz_rust::parse(&text).expect("graphviz-rust parses its own output");
    assert!(
        text.contains(r#"label="The \"Quoted\" Org\nLtd \\ Co""#),
        "{text}"
    );
    assert!(text.contains("Москва"));
    assert!(text.contains("layout=dot"));

    if !render::dot_available() {
        eprintln!("skipping the Graphviz check: `dot` is not installed (apt-get install graphviz)");
        return;
    }
    let svg = render::render(&text, render::ImageFormat::Svg).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("<svg"));
    // Labels come back as written: quotes, backslash, newline split into two lines, Cyrillic.
    assert!(svg.contains("The &quot;Quoted&quot; Org"), "{svg}");
    assert!(svg.contains("Ltd \\ Co"));
    assert!(svg.contains("Москва"));
    let png = render::render(&text, render::ImageFormat::Png).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn render_refuses_huge_views() {
    let err = render::check_size(2_001, render::MAX_RENDER_NODES)
        .unwrap_err()
        .to_string();
    assert!(err.contains("--focus") && err.contains("GraphML"), "{err}");
    assert!(render::check_size(2_000, render::MAX_RENDER_NODES).is_ok());
}

#[test]
fn dot_snapshot_of_an_ego_network() {
    let conn = fixture();
    let v = build(
        &conn,
        ViewOptions {
            focus: Some("Jane Roe".into()),
            depth: 1,
            ..Default::default()
        },
    );
    insta::assert_snapshot!(dot::to_dot(&v, &DotOptions::default()));
}

#[test]
fn stats_are_computed_and_stored() {
    let conn = fixture();
    let s = stats::compute(&conn).unwrap();
    assert_eq!((s.articles, s.entities, s.facts), (5, 10, 12));
    assert_eq!(
        s.per_entity.len(),
        10,
        "every entity, isolated ones too, and no dates"
    );
    let total: f64 = s.per_entity.iter().map(|e| e.pagerank).sum();
    assert!((total - 1.0).abs() < 1e-9, "{total}");
    // jane-john-acme-ruritania-summit-moskva-edgar | formula-quoted | lonely
    assert_eq!(s.component_sizes, [7, 2, 1]);
    let top = s.top_degree(1);
    assert!(
        top[0].entity_id == "gpe:ruritania"
            || top[0].entity_id == "org:acme"
            || top[0].entity_id == "person:jane roe"
    );
    assert_eq!(top[0].degree, 3);
    assert_eq!(s.facts_by_predicate.iter().map(|p| p.1).sum::<u64>(), 12);
    assert_eq!(s.top_pagerank(1)[0].entity_id, "gpe:ruritania");

    stats::write_entity_stats(&conn, &s).unwrap();
    stats::write_entity_stats(&conn, &s).unwrap();
    let (n, lonely): (i64, i64) = conn
        .query_row(
            "SELECT COUNT(*), (SELECT component FROM entity_stats WHERE entity_id = 'org:lonely') FROM entity_stats",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((n, lonely), (10, 3));
}
