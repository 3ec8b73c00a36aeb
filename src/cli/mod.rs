//! Subcommands with more than a few lines of CLI code, and writing to stdout.

/// `print!` that returns the write error instead of panicking (a closed pipe, a full disk).
macro_rules! out {
    ($($t:tt)*) => { $crate::cli::out(&format!($($t)*))? };
}

/// `println!` that returns the write error instead of panicking.
macro_rules! outln {
    ($($t:tt)*) => { $crate::cli::out(&format!("{}\n", format_args!($($t)*)))? };
}

pub mod curate;
pub mod export;
pub mod stats;

/// Writes `text` to stdout and flushes it, so every failed write becomes an error here.
pub fn out(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    o.write_all(text.as_bytes()).and_then(|_| o.flush()).map_err(|e| anyhow::Error::new(e).context("cannot write to standard output"))
}

/// Whether the reader of stdout went away (`| head`): then the command ends quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
