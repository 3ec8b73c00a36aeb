//! CSV output that Gephi imports as it is (`nodes.csv`: Id,Label,...; `edges.csv`:
//! Source,Target,Label,Type,Weight,...) plus `facts.csv` with the evidence of every fact.
//! Every text cell goes through `csv_safe` so a spreadsheet never runs it as a formula.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use petgraph::visit::EdgeRef;

use crate::view::View;

/// Neutralises a cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`,
/// `@`, tab or carriage return) by prefixing `'`; anything else is returned as is.
pub fn csv_safe(cell: &str) -> Cow<'_, str> {
    // Numbers too ("-2"): spreadsheets evaluate "+1" and "-2+3" alike, so no exception.
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// UTF-8 byte order mark, which Excel needs to read UTF-8 CSV correctly.
pub const BOM: &str = "\u{FEFF}";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start each file with a BOM for Excel.
    pub excel: bool,
}

fn writer<W: Write>(mut out: W, opts: CsvOptions) -> std::io::Result<csv::Writer<W>> {
    if opts.excel {
        out.write_all(BOM.as_bytes())?;
    }
    Ok(csv::WriterBuilder::new().from_writer(out))
}

fn safe_row<'a, I: IntoIterator<Item = &'a str>>(cells: I) -> Vec<Cow<'a, str>> {
    cells.into_iter().map(csv_safe).collect()
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// `Id,Label,Type,mentions,articles,name`: one row per node (Type = entity type; Label is
/// the name, told apart from another node's of the same name by a bracket).
pub fn write_nodes<W: Write>(view: &View, out: W, opts: CsvOptions) -> anyhow::Result<()> {
    let mut w = writer(out, opts)?;
    w.write_record(["Id", "Label", "Type", "mentions", "articles", "name"])?;
    for n in view.graph.node_weights() {
        let mentions = n.mentions.map(|m| m.to_string()).unwrap_or_default();
        let articles = n.articles.map(|m| m.to_string()).unwrap_or_default();
        let mut row = safe_row([n.id.as_str(), &n.label, &n.etype]);
        row.push(mentions.into());
        row.push(articles.into());
        row.push(csv_safe(&n.name));
        w.write_record(row.iter().map(|c| c.as_ref()))?;
    }
    w.flush()?;
    Ok(())
}

/// `Source,Target,Label,Type,Weight,predicate,role,confidence,sources,article,evidence,articles`:
/// one row per collapsed edge; Label is the predicate, Type Gephi's Directed/Undirected,
/// Weight the number of articles, `articles` all of them (space-separated; `article` and
/// `evidence` are the first).
pub fn write_edges<W: Write>(view: &View, out: W, opts: CsvOptions) -> anyhow::Result<()> {
    let mut w = writer(out, opts)?;
    w.write_record([
        "Source",
        "Target",
        "Label",
        "Type",
        "Weight",
        "predicate",
        "role",
        "confidence",
        "sources",
        "article",
        "evidence",
        "articles",
    ])?;
    let g = &view.graph;
    for e in g.edge_references() {
        let (s, t, x) = (&g[e.source()], &g[e.target()], e.weight());
        let all = x.articles.join(" ");
        let kind = if x.symmetric {
            "Undirected"
        } else {
            "Directed"
        };
        let row = [
            csv_safe(&s.id),
            csv_safe(&t.id),
            csv_safe(&x.predicate),
            kind.into(),
            x.weight.to_string().into(),
            csv_safe(&x.predicate),
            csv_safe(opt(&x.role)),
            format!("{:.3}", x.confidence).into(),
            x.sources.to_string().into(),
            csv_safe(&x.article),
            csv_safe(&x.evidence),
            csv_safe(&all).into_owned().into(),
        ];
        w.write_record(row.iter().map(|c| c.as_ref()))?;
    }
    w.flush()?;
    Ok(())
}

/// One row per fact behind the edges, with its article, date and evidence sentence.
/// `subject_id`/`object_id` are node ids (`date:<ISO>` for dates), as in nodes.csv.
pub fn write_facts<W: Write>(view: &View, out: W, opts: CsvOptions) -> anyhow::Result<()> {
    let mut w = writer(out, opts)?;
    w.write_record([
        "article",
        "published",
        "subject_id",
        "subject",
        "subject_type",
        "predicate",
        "object_id",
        "object",
        "object_type",
        "role",
        "detail",
        "confidence",
        "evidence",
    ])?;
    for f in &view.facts {
        let mut row = safe_row([
            f.article.as_str(),
            opt(&f.published),
            &f.subject_id,
            &f.subject,
            &f.subject_type,
            &f.predicate,
            &f.object_id,
            &f.object,
            &f.object_type,
            opt(&f.role),
            opt(&f.detail),
        ]);
        row.push(format!("{:.3}", f.confidence).into());
        row.push(csv_safe(&f.evidence));
        w.write_record(row.iter().map(|c| c.as_ref()))?;
    }
    w.flush()?;
    Ok(())
}

/// Writes nodes.csv, edges.csv and facts.csv into `dir` (created if missing); returns the
/// paths written.
pub fn write_dir(view: &View, dir: &Path, opts: CsvOptions) -> anyhow::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let paths: Vec<PathBuf> = ["nodes.csv", "edges.csv", "facts.csv"]
        .iter()
        .map(|f| dir.join(f))
        .collect();
    let open = |p: &PathBuf| -> anyhow::Result<std::io::BufWriter<std::fs::File>> {
        Ok(std::io::BufWriter::new(std::fs::File::create(p)?))
    };
    write_nodes(view, open(&paths[0])?, opts)?;
    write_edges(view, open(&paths[1])?, opts)?;
    write_facts(view, open(&paths[2])?, opts)?;
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_safe(bad), format!("'{bad}"));
        }
        assert!(matches!(csv_safe("Jane Doe"), Cow::Borrowed("Jane Doe")));
        assert_eq!(csv_safe(""), "");
        assert_eq!(csv_safe("a=b"), "a=b");
    }
}
