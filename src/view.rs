//! Graph views of the database: the whole graph, or a filtered part of it, or the ego
//! network around one entity, as a petgraph `DiGraph` built in a fixed order (nodes by id,
//! edges by (source, target, predicate)) so every export written from it is deterministic.
//!
//! A node is an entity, or a date (`date:<ISO>`, type DATE) that a fact points at.
//! An edge is every fact with the same (subject, predicate, object), collapsed: its weight is
//! the number of articles stating it. Symmetric predicates (`met_with`, ...) are collapsed
//! regardless of direction and point from the smaller id to the larger.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::str::FromStr;

use petgraph::graph::{DiGraph, NodeIndex};
use rusqlite::{params, Connection, OptionalExtension};

use crate::model::Predicate;

/// What to keep. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewOptions {
    /// Entity id, canonical name or alias of the centre of an ego network.
    pub focus: Option<String>,
    /// Hops (undirected) from the focus; used only with `focus`.
    pub depth: usize,
    /// Keep only these predicates (empty = all).
    pub predicates: Vec<String>,
    /// Keep only nodes of these types (empty = all); an edge needs both ends kept.
    pub types: Vec<String>,
    /// Drop nodes of these types.
    pub exclude_types: Vec<String>,
    /// Keep only facts from these articles (empty = all).
    pub articles: Vec<String>,
    /// Keep facts from articles published on or after this ISO date.
    pub since: Option<String>,
    /// Keep facts from articles published on or before this ISO date (`2023-09` = whole month).
    pub until: Option<String>,
    pub min_confidence: Option<f64>,
    /// Keep edges stated by at least this many independent articles (duplicates count once).
    pub min_sources: Option<u32>,
    /// Also keep entities without any kept fact (used by stats).
    pub isolated: bool,
}

/// A graph node: an entity or a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// `entity.id`, or `date:<ISO>`.
    pub id: String,
    /// The name, made unique within the view when two nodes share it (`disambiguate`).
    pub label: String,
    /// The canonical name (or the date).
    pub name: String,
    /// PERSON, ORG, ..., DATE.
    pub etype: String,
    /// From the entity table; None for dates.
    pub mentions: Option<i64>,
    pub articles: Option<i64>,
}

/// Facts with the same (subject, predicate, object), collapsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub predicate: String,
    /// Holds both ways (Gephi "Undirected").
    pub symmetric: bool,
    /// The first role given, by article id.
    pub role: Option<String>,
    /// Number of articles stating it.
    pub weight: u32,
    /// Number of independent articles (near-duplicates counted once).
    pub sources: u32,
    /// Highest confidence among the facts.
    pub confidence: f64,
    /// Evidence sentence of the first article (by id), and that article.
    pub evidence: String,
    pub article: String,
    /// Every article stating it, by id (`weight` of them).
    pub articles: Vec<String>,
}

/// One row of the `facts` view with its article's date, as kept by the filters.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRow {
    pub article: String,
    /// `fact.idx`: `newsgraph explain ARTICLE#FACT`.
    pub fact: i64,
    pub published: Option<String>,
    /// The article this one copies, or its own id: what counts as one source.
    pub source_key: String,
    /// Node ids (`date:<ISO>` for dates).
    pub subject_id: String,
    pub subject: String,
    pub subject_type: String,
    pub predicate: String,
    pub object_id: String,
    pub object: String,
    pub object_type: String,
    pub role: Option<String>,
    pub detail: Option<String>,
    pub confidence: f64,
    pub evidence: String,
}

/// A view: the graph plus the facts behind its edges (sorted by subject, object,
/// predicate, article).
#[derive(Debug, Clone)]
pub struct View {
    pub graph: DiGraph<Node, Edge>,
    pub facts: Vec<FactRow>,
}

#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    #[error("no entity has the id, name or alias {0:?}")]
    NotFound(String),
    #[error("{query:?} names several entities; use one of these ids with --focus:\n{}",
        candidates.iter().map(|(id, name, t)| format!("  {id}  {name} ({t})")).collect::<Vec<_>>().join("\n"))]
    Ambiguous {
        query: String,
        candidates: Vec<(String, String, String)>,
    },
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

/// Graph node id of a `facts` object: the entity id, or `date:<ISO>` for dates.
pub fn object_node_id(object_id: Option<&str>, object: &str) -> String {
    match object_id {
        Some(id) => id.to_string(),
        None => format!("date:{object}"),
    }
}

/// Whether a predicate holds both ways (unknown predicates do not).
pub fn is_symmetric(predicate: &str) -> bool {
    Predicate::from_str(predicate)
        .map(|p| p.is_symmetric())
        .unwrap_or(false)
}

/// Finds the entity meant by `query`: an entity id, a `date:` node id, an exact canonical
/// name or an alias (both case-insensitive). Several matches → `ViewError::Ambiguous`.
pub fn find_entity(conn: &Connection, query: &str) -> Result<String, ViewError> {
    if query.starts_with("date:") {
        return Ok(query.to_string());
    }
    let by_id: Option<String> = conn
        .query_row("SELECT id FROM entity WHERE id = ?1", [query], |r| r.get(0))
        .optional()?;
    if let Some(id) = by_id {
        return Ok(id);
    }
    let lookups = [
        "SELECT id, name, type FROM entity WHERE name = ?1 COLLATE NOCASE ORDER BY id",
        "SELECT DISTINCT e.id, e.name, e.type FROM alias a JOIN entity e ON e.id = a.entity_id
         WHERE a.alias = ?1 COLLATE NOCASE ORDER BY e.id",
    ];
    for sql in lookups {
        let mut stmt = conn.prepare(sql)?;
        let found = stmt
            .query_map([query], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<Vec<(String, String, String)>, _>>()?;
        match found.len() {
            0 => continue,
            1 => return Ok(found.into_iter().next().map(|c| c.0).unwrap_or_default()),
            _ => {
                return Err(ViewError::Ambiguous {
                    query: query.to_string(),
                    candidates: found,
                })
            }
        }
    }
    // SQLite's NOCASE folds ASCII only: compare other scripts ("москва") here.
    if !query.is_ascii() {
        let folded = query.to_lowercase();
        let mut stmt = conn.prepare(
            "SELECT DISTINCT e.id, e.name, e.type, a.alias FROM alias a
             JOIN entity e ON e.id = a.entity_id ORDER BY e.id",
        )?;
        let mut found: Vec<(String, String, String)> = Vec::new();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        for row in rows {
            let (id, name, etype, alias): (String, String, String, String) = row?;
            let hit = alias.to_lowercase() == folded || name.to_lowercase() == folded;
            if hit && found.last().map_or(true, |f| f.0 != id) {
                found.push((id, name, etype));
            }
        }
        match found.len() {
            0 => {}
            1 => return Ok(found.remove(0).0),
            _ => {
                return Err(ViewError::Ambiguous {
                    query: query.to_string(),
                    candidates: found,
                })
            }
        }
    }
    Err(ViewError::NotFound(query.to_string()))
}

/// Builds the view the options ask for.
pub fn build(conn: &Connection, opts: &ViewOptions) -> Result<View, ViewError> {
    let focus = match &opts.focus {
        Some(q) => Some(find_entity(conn, q)?),
        None => None,
    };
    let mut facts = load_facts(conn, opts)?;
    facts.sort_by(|a, b| fact_order(a).cmp(&fact_order(b)));

    let mut groups = group_facts(&facts);
    if let Some(min) = opts.min_sources {
        groups.retain(|_, e| e.sources >= min);
    }
    if let Some(centre) = &focus {
        let ball = within_hops(&groups, centre, opts.depth);
        groups.retain(|(s, _, o), _| ball.contains(s) && ball.contains(o));
    }

    // Nodes: the ends of kept edges, the focus, and (on request) every entity of a kept type.
    let entities = load_entities(conn)?;
    let mut labels: BTreeMap<String, (String, String)> = BTreeMap::new();
    for f in &facts {
        labels
            .entry(f.subject_id.clone())
            .or_insert((f.subject.clone(), f.subject_type.clone()));
        labels
            .entry(f.object_id.clone())
            .or_insert((f.object.clone(), f.object_type.clone()));
    }
    let mut node_ids: BTreeSet<String> = BTreeSet::new();
    for (s, _, o) in groups.keys() {
        node_ids.insert(s.clone());
        node_ids.insert(o.clone());
    }
    if let Some(centre) = &focus {
        node_ids.insert(centre.clone());
    }
    if opts.isolated && focus.is_none() {
        for (id, (_, etype, _, _)) in &entities {
            if type_kept(opts, etype) {
                node_ids.insert(id.clone());
            }
        }
    }

    let mut graph = DiGraph::with_capacity(node_ids.len(), groups.len());
    let mut index: HashMap<String, NodeIndex> = HashMap::with_capacity(node_ids.len());
    for id in node_ids {
        let node = make_node(&id, &entities, &labels);
        index.insert(id, graph.add_node(node));
    }
    // BTreeMap order = (source, predicate, target); the brief wants (source, target, predicate).
    let mut edges: Vec<_> = groups.into_iter().collect();
    edges.sort_by(|((s1, p1, o1), _), ((s2, p2, o2), _)| (s1, o1, p1).cmp(&(s2, o2, p2)));
    let kept: BTreeSet<Key> = edges.iter().map(|(k, _)| k.clone()).collect();
    for ((s, _, o), edge) in edges {
        graph.add_edge(index[&s], index[&o], edge);
    }
    facts.retain(|f| kept.contains(&group_key(f)));
    disambiguate(&mut graph);
    Ok(View { graph, facts })
}

/// Line breaks and runs of spaces in a sentence become one space (one-line CSV cells).
pub fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Nodes that share a name get labels that tell them apart: the name and, in brackets, a
/// neighbour only that node has (an event first: two delegations differ by where they
/// went), else the id.
fn disambiguate(graph: &mut DiGraph<Node, Edge>) {
    let mut by_label: BTreeMap<String, Vec<NodeIndex>> = BTreeMap::new();
    for i in graph.node_indices() {
        by_label.entry(graph[i].label.clone()).or_default().push(i);
    }
    for (label, nodes) in by_label.into_iter().filter(|(_, n)| n.len() > 1) {
        // (is not an event, name) of each node's neighbours, in order
        let near: Vec<BTreeSet<(bool, String)>> = nodes
            .iter()
            .map(|&i| graph.neighbors_undirected(i).map(|j| (graph[j].etype != "EVENT", graph[j].label.clone())).collect())
            .collect();
        let mut labels: Vec<String> = Vec::with_capacity(nodes.len());
        for (k, &i) in nodes.iter().enumerate() {
            let own = near[k].iter().find(|n| near.iter().enumerate().all(|(m, other)| m == k || !other.contains(*n)));
            let tag = match own {
                Some((_, name)) => name.clone(),
                None => graph[i].id.clone(),
            };
            labels.push(format!("{label} ({tag})"));
        }
        // two nodes with the same distinguishing neighbour: fall back to the ids
        for (k, &i) in nodes.iter().enumerate() {
            let unique = labels.iter().filter(|l| **l == labels[k]).count() == 1;
            graph[i].label = if unique { labels[k].clone() } else { format!("{label} ({})", graph[i].id) };
        }
    }
}

/// Node ids within `depth` undirected hops of `centre` over the collapsed edges.
fn within_hops(groups: &BTreeMap<Key, Edge>, centre: &str, depth: usize) -> BTreeSet<String> {
    let mut adj: HashMap<&str, Vec<&str>> = HashMap::new();
    for (s, _, o) in groups.keys() {
        adj.entry(s).or_default().push(o);
        adj.entry(o).or_default().push(s);
    }
    let mut seen: BTreeSet<String> = BTreeSet::from([centre.to_string()]);
    let mut queue = VecDeque::from([(centre.to_string(), 0usize)]);
    while let Some((id, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for next in adj.get(id.as_str()).into_iter().flatten() {
            if seen.insert(next.to_string()) {
                queue.push_back((next.to_string(), d + 1));
            }
        }
    }
    seen
}

pub type Key = (String, String, String);

/// (source, predicate, target) node ids of the edge a fact belongs to.
pub fn group_key(f: &FactRow) -> Key {
    let (mut s, mut o) = (f.subject_id.clone(), f.object_id.clone());
    if is_symmetric(&f.predicate) && o < s {
        std::mem::swap(&mut s, &mut o);
    }
    (s, f.predicate.clone(), o)
}

/// Collapses facts into edges. "First" means smallest article id, checked explicitly since
/// the facts of a symmetric edge come sorted in two runs (one per direction).
fn group_facts(facts: &[FactRow]) -> BTreeMap<Key, Edge> {
    struct Acc<'a> {
        edge: Edge,
        role_article: Option<&'a str>,
        articles: BTreeSet<&'a str>,
        sources: BTreeSet<&'a str>,
    }
    let mut groups: BTreeMap<Key, Acc> = BTreeMap::new();
    for f in facts {
        let acc = groups.entry(group_key(f)).or_insert_with(|| Acc {
            edge: Edge {
                predicate: f.predicate.clone(),
                symmetric: is_symmetric(&f.predicate),
                role: None,
                weight: 0,
                sources: 0,
                confidence: f.confidence,
                evidence: f.evidence.clone(),
                article: f.article.clone(),
                articles: Vec::new(),
            },
            role_article: None,
            articles: BTreeSet::new(),
            sources: BTreeSet::new(),
        });
        if f.article < acc.edge.article {
            acc.edge.article = f.article.clone();
            acc.edge.evidence = f.evidence.clone();
        }
        if f.role.is_some() && acc.role_article.map_or(true, |a| f.article.as_str() < a) {
            acc.edge.role = f.role.clone();
            acc.role_article = Some(&f.article);
        }
        acc.edge.confidence = acc.edge.confidence.max(f.confidence);
        acc.articles.insert(&f.article);
        acc.sources.insert(&f.source_key);
    }
    groups
        .into_iter()
        .map(|(k, mut acc)| {
            acc.edge.weight = acc.articles.len() as u32;
            acc.edge.articles = acc.articles.iter().map(|a| a.to_string()).collect();
            acc.edge.sources = acc.sources.len() as u32;
            (k, acc.edge)
        })
        .collect()
}

/// Sort key of facts: (subject, object, predicate, article), then the rest for ties.
fn fact_order(f: &FactRow) -> (&str, &str, &str, &str, &str, Option<&str>, Option<&str>) {
    (
        &f.subject_id,
        &f.object_id,
        &f.predicate,
        &f.article,
        &f.evidence,
        f.role.as_deref(),
        f.detail.as_deref(),
    )
}

fn type_kept(opts: &ViewOptions, etype: &str) -> bool {
    let listed = |list: &[String]| list.iter().any(|t| t.eq_ignore_ascii_case(etype));
    (opts.types.is_empty() || listed(&opts.types)) && !listed(&opts.exclude_types)
}

/// Rows of `facts` with their article, filtered by everything but sources and focus.
fn load_facts(conn: &Connection, opts: &ViewOptions) -> Result<Vec<FactRow>, ViewError> {
    let mut stmt = conn.prepare(
        "SELECT f.article, a.published, COALESCE(a.duplicate_of, a.id),
                f.subject_id, f.subject, f.subject_type, f.predicate,
                f.object_id, f.object, f.object_type, f.role, f.detail, f.confidence, f.evidence, f.fact
         FROM facts f JOIN article a ON a.id = f.article
         WHERE f.confidence >= ?1
           AND (?2 IS NULL OR a.published >= ?2)
           AND (?3 IS NULL OR substr(a.published, 1, length(?3)) <= ?3)",
    )?;
    let min_conf = opts.min_confidence.unwrap_or(f64::NEG_INFINITY);
    let rows = stmt.query_map(params![min_conf, opts.since, opts.until], |r| {
        let object_id: Option<String> = r.get(7)?;
        let object: String = r.get(8)?;
        Ok(FactRow {
            article: r.get(0)?,
            fact: r.get(14)?,
            published: r.get(1)?,
            source_key: r.get(2)?,
            subject_id: r.get(3)?,
            subject: r.get(4)?,
            subject_type: r.get(5)?,
            predicate: r.get(6)?,
            object_id: object_node_id(object_id.as_deref(), &object),
            object,
            object_type: r.get(9)?,
            role: r.get(10)?,
            detail: r.get(11)?,
            confidence: r.get(12)?,
            evidence: fold_whitespace(&r.get::<_, String>(13)?),
        })
    })?;
    let mut out = Vec::new();
    for row in rows {
        let f = row?;
        let predicate_ok = opts.predicates.is_empty() || opts.predicates.contains(&f.predicate);
        let article_ok = opts.articles.is_empty() || opts.articles.contains(&f.article);
        if predicate_ok
            && article_ok
            && type_kept(opts, &f.subject_type)
            && type_kept(opts, &f.object_type)
        {
            out.push(f);
        }
    }
    Ok(out)
}

/// id → (name, type, mentions, articles) for every entity.
type EntityInfo = (String, String, i64, i64);

fn load_entities(conn: &Connection) -> Result<BTreeMap<String, EntityInfo>, ViewError> {
    let mut stmt = conn.prepare("SELECT id, name, type, mentions, articles FROM entity")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn make_node(
    id: &str,
    entities: &BTreeMap<String, EntityInfo>,
    labels: &BTreeMap<String, (String, String)>,
) -> Node {
    if let Some((name, etype, mentions, articles)) = entities.get(id) {
        return Node {
            id: id.to_string(),
            label: name.clone(),
            name: name.clone(),
            etype: etype.clone(),
            mentions: Some(*mentions),
            articles: Some(*articles),
        };
    }
    let (label, etype) = match labels.get(id) {
        Some((l, t)) => (l.clone(), t.clone()),
        None => (
            id.strip_prefix("date:").unwrap_or(id).to_string(),
            "DATE".to_string(),
        ),
    };
    Node {
        id: id.to_string(),
        name: label.clone(),
        label,
        etype,
        mentions: None,
        articles: None,
    }
}
