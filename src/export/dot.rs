//! DOT output through graphviz-rust's AST and printer. Nodes are shaped and coloured by
//! entity type (a legend draws each shape), edges labelled with predicate and role, and
//! tooltips carry the evidence sentence. The layout engine is written into the file
//! (`layout=dot` or `layout=sfdp`), so `dot -Tsvg file.dot` lays it out the same way.

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::visit::EdgeRef;

use crate::view::View;

/// Hierarchical `dot` is slow on big or tangled graphs: its time goes into edge crossings,
/// and every edge label is a virtual node. Measured here (random news-like graphs, labelled
/// edges): 150 nodes / 293 edges 0.6 s, 100 / 285 0.8 s, but 150 / 430 9-37 s, 300 / 574
/// 28 s, 1,000 / 1,344 34 s. Larger views go to the force-directed `sfdp` (2,000 nodes 3 s).
pub const DOT_LAYOUT_MAX_NODES: usize = 150;
pub const DOT_LAYOUT_MAX_EDGES: usize = 300;

/// Graphviz layout engines we use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Hierarchical, left to right: readable for ego networks and small views.
    Dot,
    /// Force-directed multiscale: fast for overviews of thousands of nodes.
    Sfdp,
}

impl Layout {
    /// The engine that suits a graph of this size.
    pub fn auto(nodes: usize, edges: usize) -> Layout {
        if nodes <= DOT_LAYOUT_MAX_NODES && edges <= DOT_LAYOUT_MAX_EDGES {
            Layout::Dot
        } else {
            Layout::Sfdp
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Sfdp => "sfdp",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DotOptions {
    /// None = `Layout::auto` by graph size.
    pub layout: Option<Layout>,
    /// First line of the legend, e.g. what the view shows.
    pub title: Option<String>,
}

/// (shape, fill colour) of an entity type; unknown types get a plain white ellipse.
pub fn type_style(etype: &str) -> (&'static str, &'static str) {
    match etype {
        "PERSON" => ("ellipse", "#8dd3c7"),
        "ORG" => ("box", "#80b1d3"),
        "GPE" => ("hexagon", "#b3de69"),
        "LOC" => ("octagon", "#ccebc5"),
        "FAC" => ("box3d", "#fdb462"),
        "EVENT" => ("diamond", "#fb8072"),
        "GROUP" => ("component", "#bebada"),
        "WORK" => ("note", "#ffffb3"),
        "DATE" => ("parallelogram", "#d9d9d9"),
        _ => ("ellipse", "#ffffff"),
    }
}

/// A DOT quoted string whose value Graphviz reads back as `s` in labels and tooltips
/// (escString): quotes and backslashes escaped, newlines as `\n`, other controls dropped.
/// Non-Latin text passes through as UTF-8 (Graphviz's default charset).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), Id::Escaped(quote(value)))
}

fn plain(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), Id::Plain(value.to_string()))
}

fn node_id(id: &str) -> NodeId {
    NodeId(Id::Escaped(quote(id)), None)
}

/// What edge thickness means (penwidth below).
pub const WIDTH_NOTE: &str = "line width: 1 + ln(articles stating it); no arrow: holds both ways";

/// The legend as an HTML table in the graph label, naming the shapes: for `sfdp`, which
/// ignores clusters.
fn legend_table(types: &[String], title: &str) -> Id {
    let mut rows = format!(
        "<tr><td colspan=\"2\"><b>{}</b></td></tr>",
        html_escape(title)
    );
    for t in types {
        let (shape, colour) = type_style(t);
        rows.push_str(&format!(
            "<tr><td bgcolor=\"{colour}\">{}</td><td>{shape}</td></tr>",
            html_escape(t)
        ));
    }
    rows.push_str(&format!("<tr><td colspan=\"2\">{}</td></tr>", html_escape(WIDTH_NOTE)));
    Id::Html(format!(
        "<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\">{rows}</table>>"
    ))
}

/// The legend as a cluster of one node per type present, drawn in that type's shape and
/// colour, and a note on edge thickness (for `dot`).
fn legend_cluster(types: &[String]) -> Stmt {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::Attribute(attr("label", "legend")),
        Stmt::Attribute(attr("color", "#aaaaaa")),
        Stmt::Attribute(attr("fontsize", "10")),
    ];
    for t in types {
        let (shape, colour) = type_style(t);
        stmts.push(
            DotNode::new(
                node_id(&format!("legend:{t}")),
                vec![attr("label", t), plain("shape", shape), attr("fillcolor", colour), attr("fontsize", "9"), attr("tooltip", t)],
            )
            .into(),
        );
    }
    stmts.push(
        DotNode::new(
            node_id("legend:width"),
            vec![attr("label", &WIDTH_NOTE.replace("; ", "\n")), plain("shape", "plaintext"), attr("style", ""), attr("fontsize", "9")],
        )
        .into(),
    );
    // one rank: with rankdir=LR, one column
    let nodes: Vec<Stmt> = stmts.split_off(3);
    let mut column = vec![Stmt::Attribute(plain("rank", "same"))];
    column.extend(nodes);
    stmts.push(Stmt::Subgraph(Subgraph { id: Id::Plain("legend_column".into()), stmts: column }));
    Stmt::Subgraph(Subgraph { id: Id::Plain("cluster_legend".into()), stmts })
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Breaks a long name into lines of about `width` characters so nodes stay compact.
fn wrap(label: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for w in label.split(' ') {
        if line > 0 && line + 1 + w.chars().count() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += w.chars().count();
    }
    out
}

fn edge_label(predicate: &str, role: Option<&str>) -> String {
    match role {
        Some(r) if !r.is_empty() => format!("{predicate}\n({r})"),
        _ => predicate.to_string(),
    }
}

/// Builds the graphviz-rust AST of a view.
pub fn to_graph(view: &View, opts: &DotOptions) -> Graph {
    let g = &view.graph;
    let layout = opts
        .layout
        .unwrap_or_else(|| Layout::auto(g.node_count(), g.edge_count()));
    let mut types: Vec<String> = g.node_weights().map(|n| n.etype.clone()).collect();
    types.sort();
    types.dedup();
    let title = opts.title.clone().unwrap_or_else(|| {
        format!(
            "newsgraph: {}, {}",
            plural(g.node_count(), "node"),
            plural(g.edge_count(), "edge")
        )
    });

    let label = match layout {
        Layout::Dot => Id::Escaped(quote(&title)),
        Layout::Sfdp => legend_table(&types, &title),
    };
    let mut graph_attrs = vec![
        plain("layout", layout.as_str()),
        Attribute(Id::Plain("label".into()), label),
        plain("labelloc", "t"),
        plain("labeljust", "l"),
        attr("fontname", "Helvetica"),
        attr("fontsize", "10"),
        attr("charset", "UTF-8"),
    ];
    match layout {
        Layout::Dot => {
            graph_attrs.push(plain("rankdir", "LR"));
            graph_attrs.push(attr("nodesep", "0.3"));
        }
        Layout::Sfdp => {
            // Straight lines and overlap removal keep sfdp fast and the nodes legible.
            graph_attrs.push(plain("overlap", "prism"));
            graph_attrs.push(plain("splines", "false"));
            graph_attrs.push(plain("outputorder", "edgesfirst"));
        }
    }
    let mut stmts: Vec<Stmt> = vec![
        GraphAttributes::Graph(graph_attrs).into(),
        GraphAttributes::Node(vec![
            plain("style", "filled"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "11"),
        ])
        .into(),
        GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
            attr("color", "#555555"),
        ])
        .into(),
    ];

    if layout == Layout::Dot && !types.is_empty() {
        stmts.push(legend_cluster(&types));
    }
    for n in g.node_weights() {
        let (shape, colour) = type_style(&n.etype);
        let tooltip = format!("{} ({})\n{}", n.label, n.etype, n.id);
        stmts.push(
            DotNode::new(
                node_id(&n.id),
                vec![
                    attr("label", &wrap(&n.label, 28)),
                    plain("shape", shape),
                    attr("fillcolor", colour),
                    attr("tooltip", &tooltip),
                ],
            )
            .into(),
        );
    }

    for e in g.edge_references() {
        let (s, t, w) = (&g[e.source()], &g[e.target()], e.weight());
        let tooltip = format!(
            "{}\n[{}; {} article(s), {} source(s), confidence {:.2}]",
            w.evidence, w.article, w.weight, w.sources, w.confidence
        );
        let mut attrs = vec![
            attr("label", &edge_label(&w.predicate, w.role.as_deref())),
            attr("tooltip", &tooltip),
            attr("penwidth", &format!("{:.2}", 1.0 + (w.weight as f64).ln())),
        ];
        if w.symmetric {
            attrs.push(plain("dir", "none"));
        }
        stmts.push(
            DotEdge {
                ty: EdgeTy::Pair(Vertex::N(node_id(&s.id)), Vertex::N(node_id(&t.id))),
                attributes: attrs,
            }
            .into(),
        );
    }
    Graph::DiGraph {
        id: Id::Plain("newsgraph".into()),
        strict: false,
        stmts,
    }
}

/// The DOT text of a view, ending with a newline.
pub fn to_dot(view: &View, opts: &DotOptions) -> String {
    let mut ctx = PrinterContext::default();
    let mut text = to_graph(view, opts).print(ctx.with_semi());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_what_graphviz_reads() {
        assert_eq!(quote(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(quote("a\\b"), r#""a\\b""#);
        assert_eq!(quote("line1\r\nline2"), r#""line1\nline2""#);
        assert_eq!(quote("Москва 北京"), "\"Москва 北京\"");
        assert_eq!(quote("x\u{7}y"), "\"x y\"");
    }

    #[test]
    fn layout_by_size() {
        assert_eq!(Layout::auto(10, 20), Layout::Dot);
        assert_eq!(Layout::auto(151, 160), Layout::Sfdp);
        assert_eq!(Layout::auto(100, 400), Layout::Sfdp);
    }
}
