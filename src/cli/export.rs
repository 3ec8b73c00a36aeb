//! `newsgraph export FORMAT [view options] [-o FILE]`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use newsgraph::export::csv_out::{self, CsvOptions};
use newsgraph::export::dot::{self, DotOptions, Layout};
use newsgraph::export::render::{self, ImageFormat};
use newsgraph::export::{graphml, html, Format};
use newsgraph::view::{self, View, ViewOptions};
use rusqlite::Connection;

// Which part of the graph to take (shared by commands that show a graph).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ViewArgs {
    /// Centre of an ego network: entity id, canonical name or any alias.
    #[arg(long, value_name = "ENTITY")]
    pub focus: Option<String>,
    /// Hops around --focus (edges followed in both directions).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub depth: usize,
    /// Keep only these predicates (comma-separated or repeated).
    #[arg(long = "predicate", value_delimiter = ',', value_name = "PREDICATE")]
    pub predicates: Vec<String>,
    /// Keep only nodes of these types, e.g. PERSON,ORG (dates are type DATE).
    #[arg(long, value_delimiter = ',', value_name = "TYPE")]
    pub types: Vec<String>,
    /// Drop nodes of these types, e.g. DATE.
    #[arg(long, value_delimiter = ',', value_name = "TYPE")]
    pub exclude_types: Vec<String>,
    /// Keep only facts from these articles (ids, comma-separated or repeated).
    #[arg(long = "article", value_delimiter = ',', value_name = "ID")]
    pub articles: Vec<String>,
    /// Keep facts from articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep facts from articles published on or before this date (YYYY-MM-DD, YYYY-MM, YYYY).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Keep facts with at least this confidence (0 to 1).
    #[arg(long, value_name = "X")]
    pub min_confidence: Option<f64>,
    /// Keep edges stated by at least this many independent articles.
    #[arg(long, value_name = "N")]
    pub min_sources: Option<u32>,
}

impl ViewArgs {
    pub fn to_options(&self) -> ViewOptions {
        ViewOptions {
            focus: self.focus.clone(),
            depth: self.depth,
            predicates: self.predicates.clone(),
            types: self.types.iter().map(|t| t.to_uppercase()).collect(),
            exclude_types: self
                .exclude_types
                .iter()
                .map(|t| t.to_uppercase())
                .collect(),
            articles: self.articles.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            min_confidence: self.min_confidence,
            min_sources: self.min_sources,
            isolated: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LayoutArg {
    /// `dot` up to 150 nodes and 300 edges, `sfdp` above.
    #[default]
    Auto,
    Dot,
    Sfdp,
}

/// Write the graph, or a view of it, as DOT, SVG, PNG, CSV (Gephi), GraphML or an
/// interactive HTML page.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// dot, svg, png, csv, graphml or html (one self-contained page: pan, zoom, search,
    /// click a node or an edge for its facts and evidence).
    #[arg(value_name = "FORMAT")]
    pub format: Format,
    #[command(flatten)]
    pub view: ViewArgs,
    /// Output file (`-` = stdout for dot, svg, graphml, html); for csv, a directory.
    /// Default: out/graph.<ext>, or out/csv/.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// CSV for Excel: start each file with a UTF-8 byte order mark.
    #[arg(long)]
    pub excel: bool,
    /// Graphviz layout engine for dot/svg/png.
    #[arg(long, value_enum, default_value_t = LayoutArg::Auto)]
    pub layout: LayoutArg,
    /// Refuse to draw svg/png views with more nodes than this.
    #[arg(long, default_value_t = render::MAX_RENDER_NODES, value_name = "N")]
    pub max_nodes: usize,
}

fn open_read_only(db: &Path) -> anyhow::Result<Connection> {
    anyhow::ensure!(
        db.exists(),
        "no database at {}; build it first",
        db.display()
    );
    let conn = newsgraph::store::read_only_connection(db).with_context(|| format!("opening {}", db.display()))?;
    super::warn_unfinished(&conn);
    Ok(conn)
}

fn write_output(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        let written = out.write_all(bytes).and_then(|_| out.flush());
        // `| head` closing the pipe early is not an error.
        return match written {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
            _ => Ok(()),
        };
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}

fn describe_short(v: &View) -> String {
    format!("{} nodes, {} edges", v.graph.node_count(), v.graph.edge_count())
}

fn describe(v: &View) -> String {
    let dates = v.graph.node_weights().filter(|n| n.etype == "DATE").count();
    format!(
        "{} nodes ({} entities, {} dates), {} edges, {} facts",
        v.graph.node_count(),
        v.graph.node_count() - dates,
        dates,
        v.graph.edge_count(),
        v.facts.len()
    )
}

pub fn run(args: &ExportArgs, db: &Path) -> anyhow::Result<()> {
    let conn = open_read_only(db)?;
    let v = view::build(&conn, &args.view.to_options())?;
    if v.graph.node_count() == 0 {
        eprintln!("warning: the view is empty (no facts match the filters)");
    }
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(args.format.default_output()));
    let layout = match args.layout {
        LayoutArg::Auto => None,
        LayoutArg::Dot => Some(Layout::Dot),
        LayoutArg::Sfdp => Some(Layout::Sfdp),
    };
    // the focus by its name, whatever the user typed (an id, an alias)
    let focus_id = match &args.view.focus {
        Some(f) => Some(view::find_entity(&conn, f)?),
        None => None,
    };
    let focus_name = focus_id.as_ref().map(|id| v.graph.node_weights().find(|n| &n.id == id).map_or(id.clone(), |n| n.name.clone()));
    let title = focus_name.as_ref().map(|f| {
        format!(
            "{f} (depth {}): {} nodes, {} edges",
            args.view.depth,
            v.graph.node_count(),
            v.graph.edge_count()
        )
    });
    let dot_opts = DotOptions { layout, title: title.clone() };
    match args.format {
        Format::Csv => {
            anyhow::ensure!(
                output != Path::new("-"),
                "csv writes three files: give -o a directory"
            );
            let paths = csv_out::write_dir(&v, &output, CsvOptions { excel: args.excel })?;
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            eprintln!("wrote {} ({})", names.join(", "), describe(&v));
        }
        Format::Dot => {
            write_output(&output, dot::to_dot(&v, &dot_opts).as_bytes())?;
            report(&output, &v);
        }
        Format::Graphml => {
            write_output(&output, graphml::to_string(&v).as_bytes())?;
            report(&output, &v);
        }
        Format::Html => {
            let aliases = html::load_aliases(&conn, &v)?;
            let title = title.clone().unwrap_or_else(|| format!("newsgraph: {}", describe_short(&v)));
            write_output(&output, html::to_html(&v, &title, focus_id.as_deref(), &aliases).as_bytes())?;
            report(&output, &v);
        }
        Format::Svg | Format::Png => {
            let image = if args.format == Format::Svg {
                ImageFormat::Svg
            } else {
                ImageFormat::Png
            };
            render::check_size(v.graph.node_count(), args.max_nodes)?;
            let used =
                layout.unwrap_or_else(|| Layout::auto(v.graph.node_count(), v.graph.edge_count()));
            let started = Instant::now();
            let bytes = render::render(&dot::to_dot(&v, &dot_opts), image)?;
            write_output(&output, &bytes)?;
            if output != Path::new("-") {
                eprintln!(
                    "wrote {} ({}; layout {} in {:.1} s)",
                    output.display(),
                    describe(&v),
                    used.as_str(),
                    started.elapsed().as_secs_f64()
                );
            }
        }
    }
    Ok(())
}

fn report(output: &Path, v: &View) {
    if output != Path::new("-") {
        eprintln!("wrote {} ({})", output.display(), describe(v));
    }
}
