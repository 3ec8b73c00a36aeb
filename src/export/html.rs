//! One self-contained HTML page (`newsgraph export html`): the view as JSON, drawn by
//! cytoscape.js (MIT, embedded from `assets/cytoscape/`, so the page needs no network),
//! with search, and the names, facts and evidence behind a clicked node or edge.

use std::collections::{BTreeMap, HashMap};

use petgraph::visit::EdgeRef;
use rusqlite::Connection;
use serde_json::{json, Value};

use crate::export::dot::type_style;
use crate::view::{group_key, View};

const PAGE: &str = include_str!("../../assets/graph.html");
const CYTOSCAPE: &str = include_str!("../../assets/cytoscape/cytoscape.min.js");

/// Graphviz shape → the nearest cytoscape.js shape.
fn shape(dot_shape: &str) -> &'static str {
    match dot_shape {
        "box" => "rectangle",
        "hexagon" => "hexagon",
        "octagon" => "octagon",
        "box3d" => "barrel",
        "diamond" => "diamond",
        "component" => "round-rectangle",
        "note" => "tag",
        "parallelogram" => "rhomboid",
        _ => "ellipse",
    }
}

/// Aliases of the view's entities (most used first), by entity id.
pub fn load_aliases(conn: &Connection, view: &View) -> rusqlite::Result<HashMap<String, Vec<String>>> {
    let mut st = conn.prepare("SELECT alias FROM alias WHERE entity_id = ?1 ORDER BY seen DESC, alias")?;
    let mut out = HashMap::new();
    for n in view.graph.node_weights() {
        let names: Vec<String> = st.query_map([&n.id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        out.insert(n.id.clone(), names.into_iter().filter(|a| *a != n.name).collect());
    }
    Ok(out)
}

/// The page's data: nodes, edges, the facts behind each edge, and the legend.
/// `focus` (a node id) is selected when the page opens.
pub fn data(view: &View, title: &str, focus: Option<&str>, aliases: &HashMap<String, Vec<String>>) -> Value {
    let g = &view.graph;
    let nodes: Vec<Value> = g
        .node_weights()
        .map(|n| {
            let (s, colour) = type_style(&n.etype);
            json!({"id": n.id, "label": n.label, "name": n.name, "type": n.etype, "mentions": n.mentions,
                   "articles": n.articles, "aliases": aliases.get(&n.id).cloned().unwrap_or_default(),
                   "shape": shape(s), "color": colour})
        })
        .collect();
    let mut edge_of: HashMap<(String, String, String), usize> = HashMap::new();
    let edges: Vec<Value> = g
        .edge_references()
        .enumerate()
        .map(|(i, e)| {
            let (s, t, x) = (&g[e.source()], &g[e.target()], e.weight());
            edge_of.insert((s.id.clone(), x.predicate.clone(), t.id.clone()), i);
            json!({"source": s.id, "target": t.id, "predicate": x.predicate, "role": x.role, "weight": x.weight,
                   "sources": x.sources, "confidence": x.confidence, "symmetric": x.symmetric,
                   "article": x.article, "articles": x.articles, "evidence": x.evidence})
        })
        .collect();
    let facts: Vec<Value> = view
        .facts
        .iter()
        .map(|f| {
            json!({"edge": edge_of.get(&group_key(f)), "article": f.article, "fact": f.fact, "published": f.published,
                   "subject_id": f.subject_id, "subject": f.subject, "predicate": f.predicate,
                   "object_id": f.object_id, "object": f.object, "role": f.role, "confidence": f.confidence,
                   "evidence": f.evidence})
        })
        .collect();
    let mut types: BTreeMap<&str, Value> = BTreeMap::new();
    for n in g.node_weights() {
        let (s, colour) = type_style(&n.etype);
        types.insert(&n.etype, json!({"type": n.etype, "shape": shape(s), "color": colour}));
    }
    json!({"title": title, "focus": focus, "nodes": nodes, "edges": edges, "facts": facts,
           "legend": types.into_values().collect::<Vec<_>>()})
}

/// JSON that can sit inside a `<script>` element: no `</` (nor `<!--`) to end it early.
fn script_safe(s: &str) -> String {
    s.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The whole page.
pub fn to_html(view: &View, title: &str, focus: Option<&str>, aliases: &HashMap<String, Vec<String>>) -> String {
    let json = serde_json::to_string(&data(view, title, focus, aliases)).unwrap_or_else(|_| "{}".into());
    // placeholders filled last-to-first so no inserted text is searched again
    let (head, rest) = PAGE.split_once("__TITLE__").unwrap_or((PAGE, ""));
    let (mid, tail) = rest.split_once("__CYTOSCAPE__").unwrap_or((rest, ""));
    let (lib_to_data, after) = tail.split_once("__DATA__").unwrap_or((tail, ""));
    let mut out = String::with_capacity(PAGE.len() + CYTOSCAPE.len() + json.len() + 64);
    out.push_str(head);
    out.push_str(&html_escape(title));
    out.push_str(mid);
    out.push_str(CYTOSCAPE);
    out.push_str(lib_to_data);
    out.push_str(&script_safe(&json));
    out.push_str(after);
    out
}

#[cfg(test)]
mod tests {
    use super::script_safe;

    #[test]
    fn data_cannot_close_its_script() {
        assert_eq!(script_safe(r#"{"a":"</script><!--"}"#), r#"{"a":"<\/script>\u003c!--"}"#);
    }
}
