//! SVG and PNG through Graphviz's `dot` program (Debian package `graphviz`). The layout
//! engine is already named in the DOT text (see `dot::Layout`); here we only refuse graphs
//! too large to draw legibly and keep PNGs to a sane pixel size.

use std::io::{ErrorKind, Write};
use std::process::{Command, Stdio};

/// Above this many nodes a drawing is a hairball that takes minutes: refuse with advice.
pub const MAX_RENDER_NODES: usize = 2_000;

/// Largest PNG side in inches at 96 dpi (about 4,800 pixels); Graphviz scales down to fit.
const PNG_SIZE: &str = "50,50";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("Graphviz's `dot` was not found on PATH; install the Debian package `graphviz` (apt-get install graphviz)")]
    DotMissing,
    #[error("the view has {nodes} nodes, more than {limit} can be drawn legibly; narrow it with --focus ENTITY --depth N, --min-confidence, --min-sources or --types, or export GraphML (`newsgraph export graphml`) and lay it out in Gephi")]
    TooLarge { nodes: usize, limit: usize },
    #[error("Graphviz's `dot` failed ({status}): {stderr}")]
    Failed { status: String, stderr: String },
    #[error("running Graphviz's `dot`: {0}")]
    Io(#[from] std::io::Error),
}

/// Checks the node limit before any work is done.
pub fn check_size(nodes: usize, limit: usize) -> Result<(), RenderError> {
    if nodes > limit {
        return Err(RenderError::TooLarge { nodes, limit });
    }
    Ok(())
}

/// Runs `dot -T<format>` on DOT text and returns the image bytes.
pub fn render(dot_text: &str, format: ImageFormat) -> Result<Vec<u8>, RenderError> {
    let mut cmd = Command::new("dot");
    cmd.arg(format!("-T{}", format.as_str()));
    if format == ImageFormat::Png {
        cmd.arg(format!("-Gsize={PNG_SIZE}")).arg("-Gdpi=96");
    }
    let mut child = match cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(RenderError::DotMissing),
        Err(e) => return Err(e.into()),
    };
    // Feed stdin from a thread so a large output cannot deadlock against a full pipe.
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| std::io::Error::other("no stdin"))?;
    let input = dot_text.to_string();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output()?;
    let fed = feeder
        .join()
        .map_err(|_| std::io::Error::other("stdin writer panicked"))?;
    if !output.status.success() {
        return Err(RenderError::Failed {
            status: output.status.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    fed?;
    Ok(output.stdout)
}

/// Whether `dot` can be run (for tests and `--help`-style diagnostics).
pub fn dot_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}
