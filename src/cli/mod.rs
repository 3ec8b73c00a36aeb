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
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<csv::Error>().is_some_and(|x| matches!(x.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe))
            || c.downcast_ref::<serde_json::Error>().is_some_and(|x| x.io_error_kind() == Some(BrokenPipe))
    })
}

/// An error from writing rows to stdout says so ("cannot write to standard output: No
/// space left on device"); an error of the query itself is left as it is.
pub fn stdout_context(e: anyhow::Error) -> anyhow::Error {
    let io = e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some() || c.downcast_ref::<csv::Error>().is_some_and(|x| x.is_io_error()) || c.downcast_ref::<serde_json::Error>().is_some_and(|x| x.is_io()));
    if io {
        e.context("cannot write to standard output")
    } else {
        e
    }
}

/// Opens the database for a reading command, warning when its last build did not finish.
pub fn open_db(db: &std::path::Path) -> anyhow::Result<rusqlite::Connection> {
    let conn = newsgraph::store::open_read_only(db)?;
    warn_unfinished(&conn);
    Ok(conn)
}

pub fn warn_unfinished(conn: &rusqlite::Connection) {
    if newsgraph::store::build_unfinished(conn) {
        eprintln!("warning: build unfinished (it was interrupted): facts and entities are missing; run build again");
    }
}

/// Ctrl-C during a build or curation: say what is kept. A transaction cut short is
/// rolled back by SQLite, so exiting at once loses only the batch being written.
pub fn on_interrupt_explain() {
    extern "C" fn handler(_: libc::c_int) {
        const MSG: &[u8] = b"\nnewsgraph: interrupted; the articles stored so far are kept, run build again to finish\n";
        // only async-signal-safe calls here
        unsafe {
            libc::write(2, MSG.as_ptr().cast(), MSG.len());
            libc::_exit(130);
        }
    }
    unsafe {
        libc::signal(libc::SIGINT, handler as extern "C" fn(libc::c_int) as *const () as libc::sighandler_t);
    }
}
