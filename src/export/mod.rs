//! Writing views out: DOT, SVG/PNG (through Graphviz), Gephi-ready CSV, GraphML, and an
//! interactive HTML page.

pub mod csv_out;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod render;

pub use csv_out::csv_safe;

use std::str::FromStr;

/// The formats `newsgraph export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Svg,
    Png,
    Csv,
    Graphml,
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Dot,
        Format::Svg,
        Format::Png,
        Format::Csv,
        Format::Graphml,
        Format::Html,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Csv => "csv",
            Format::Graphml => "graphml",
            Format::Html => "html",
        }
    }

    /// Where the output goes when `-o` is not given: a directory for CSV, a file otherwise.
    pub fn default_output(self) -> &'static str {
        match self {
            Format::Dot => "out/graph.dot",
            Format::Svg => "out/graph.svg",
            Format::Png => "out/graph.png",
            Format::Csv => "out/csv/",
            Format::Graphml => "out/graph.graphml",
            Format::Html => "out/graph.html",
        }
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown export format {s:?} (dot, svg, png, csv, graphml, html)"))
    }
}
