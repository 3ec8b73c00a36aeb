//! GraphML with typed attributes (`<key attr.type=...>`), written with quick-xml. Key ids
//! are unique across nodes and edges (petgraph-graphml repeats them, which Gephi rejects);
//! `label` and `weight` are the attribute names Gephi, yEd and Cytoscape pick up. Every
//! edge is directed (networkx refuses a graph that mixes `directed="false"` edges into a
//! directed one); a symmetric edge (`met_with`, ...) says so in its `symmetric` attribute.

use std::io::Write;

use petgraph::visit::EdgeRef;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use crate::view::View;

/// (id, for, attr.name, attr.type) of every declared key.
pub const KEYS: [(&str, &str, &str, &str); 15] = [
    ("n_label", "node", "label", "string"),
    ("n_name", "node", "name", "string"),
    ("n_type", "node", "type", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_articles", "node", "articles", "int"),
    ("e_label", "edge", "label", "string"),
    ("e_predicate", "edge", "predicate", "string"),
    ("e_role", "edge", "role", "string"),
    ("e_weight", "edge", "weight", "double"),
    ("e_sources", "edge", "sources", "int"),
    ("e_confidence", "edge", "confidence", "double"),
    ("e_symmetric", "edge", "symmetric", "boolean"),
    ("e_article", "edge", "article", "string"),
    ("e_articles", "edge", "articles", "string"),
    ("e_evidence", "edge", "evidence", "string"),
];

/// Characters XML 1.0 forbids (most C0 controls) become spaces.
fn xml_clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => ' ',
            c => c,
        })
        .collect()
}

fn data<W: Write>(w: &mut Writer<W>, key: &str, value: &str) -> std::io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&xml_clean(value)))?;
    Ok(())
}

/// Writes the view as GraphML (UTF-8, indented, deterministic).
pub fn write<W: Write>(view: &View, out: W) -> std::io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("graphml").with_attributes([
        ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        (
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
        ),
    ])))?;
    for (id, domain, name, ty) in KEYS {
        w.create_element("key")
            .with_attributes([
                ("id", id),
                ("for", domain),
                ("attr.name", name),
                ("attr.type", ty),
            ])
            .write_empty()?;
    }
    w.write_event(Event::Start(
        BytesStart::new("graph")
            .with_attributes([("id", "newsgraph"), ("edgedefault", "directed")]),
    ))?;

    let g = &view.graph;
    for n in g.node_weights() {
        let id = xml_clean(&n.id);
        w.create_element("node")
            .with_attribute(("id", id.as_str()))
            .write_inner_content(|w| {
                data(w, "n_label", &n.label)?;
                data(w, "n_name", &n.name)?;
                data(w, "n_type", &n.etype)?;
                if let Some(m) = n.mentions {
                    data(w, "n_mentions", &m.to_string())?;
                }
                if let Some(a) = n.articles {
                    data(w, "n_articles", &a.to_string())?;
                }
                Ok(())
            })?;
    }
    for (i, e) in g.edge_references().enumerate() {
        let (s, t, x) = (&g[e.source()], &g[e.target()], e.weight());
        let (id, source, target) = (format!("e{i}"), xml_clean(&s.id), xml_clean(&t.id));
        let el = w.create_element("edge").with_attributes([
            ("id", id.as_str()),
            ("source", source.as_str()),
            ("target", target.as_str()),
        ]);
        el.write_inner_content(|w| {
            data(w, "e_label", &x.predicate)?;
            data(w, "e_predicate", &x.predicate)?;
            if let Some(r) = &x.role {
                data(w, "e_role", r)?;
            }
            data(w, "e_weight", &format!("{:.1}", x.weight as f64))?;
            data(w, "e_sources", &x.sources.to_string())?;
            data(w, "e_confidence", &format!("{:.3}", x.confidence))?;
            data(w, "e_symmetric", if x.symmetric { "true" } else { "false" })?;
            data(w, "e_article", &x.article)?;
            data(w, "e_articles", &x.articles.join(" "))?;
            data(w, "e_evidence", &x.evidence)?;
            Ok(())
        })?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    w.get_mut().write_all(b"\n")?;
    Ok(())
}

/// The GraphML text of a view.
pub fn to_string(view: &View) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write(view, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}
