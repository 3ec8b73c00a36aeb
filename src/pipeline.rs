//! `build`: ingest → analyse → extract → store in batches, then resolve. Articles are
//! analysed in parallel; one writer stores them, a batch per transaction, so an
//! interrupted build leaves whole articles only.

use std::collections::{HashMap, HashSet};
use std::sync::mpsc::{Receiver, SyncSender};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::ingest::{self, ReadItem, ReadError};
use crate::model::Article;
use crate::store::{self, Analysed};
use crate::{analyse, extract};

pub struct BuildOptions {
    pub db: PathBuf,
    /// Articles per transaction.
    pub batch: usize,
    /// Worker threads for analysis (None: all cores).
    pub threads: Option<usize>,
    /// Articles larger than this are skipped with a warning (at most, and by default,
    /// `ingest::MAX_ARTICLE_BYTES`).
    pub max_article_bytes: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { db: PathBuf::from("out/kg.db"), batch: 512, threads: None, max_article_bytes: ingest::MAX_ARTICLE_BYTES }
    }
}

/// Progress reported to the caller (the library prints nothing).
#[derive(Debug, Clone)]
pub enum Progress {
    /// Input files found.
    Files(usize),
    /// One more article read (the bytes of its text): progress inside a large JSONL file.
    ArticleRead(u64),
    /// One more file read (its bytes).
    FileDone(u64),
    /// Articles handled so far.
    Articles(usize),
    Resolving,
    /// Another writer holds the database (who: "pid 123 (build)"); waiting for it.
    Waiting(String),
}

/// Time spent in each stage, summed over threads for the parallel ones.
#[derive(Debug, Clone, Default)]
pub struct StageTimes {
    pub read: Duration,
    pub analyse: Duration,
    pub extract: Duration,
    pub store: Duration,
    pub resolve: Duration,
    pub resolve_parts: store::ResolveTimes,
}

#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub files: usize,
    pub read: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub failed: Vec<ReadError>,
    pub words: u64,
    pub bytes: u64,
    pub facts: i64,
    pub entities: i64,
    pub times: StageTimes,
    pub wall: Duration,
    /// Nothing could be read, and the database this build had created was removed again
    /// (or never created: no input file was found).
    pub no_database: bool,
}

/// Analyses and extracts one article.
pub fn analyse_article(article: Article) -> (Analysed, Duration, Duration) {
    let t0 = Instant::now();
    let (doc, mut analysis) = analyse::analyse(&article);
    let t1 = Instant::now();
    extract::extract(&doc, &article.clean.text, &mut analysis);
    let analysed = Analysed::new(article, analysis);
    let t2 = Instant::now();
    (analysed, t1 - t0, t2 - t1)
}

/// Reads every input and hands new and changed articles on in batches (counted in
/// `report`). Runs on a thread of its own, so reading overlaps with analysis.
fn read_all(
    files: &[ingest::Input],
    known: &std::sync::Arc<HashMap<String, (String, i64)>>,
    opts: &BuildOptions,
    report: &mut BuildReport,
    progress: &(dyn Fn(Progress) + Sync),
    send: &SyncSender<(Vec<Article>, usize)>,
) -> Result<()> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut batch: Vec<Article> = Vec::with_capacity(opts.batch);
    let mut waiting = Duration::ZERO;
    let loop_start = Instant::now();
    let mut flush = |batch: &mut Vec<Article>, report: &mut BuildReport| -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let began = Instant::now();
        send.send((std::mem::take(batch), report.read)).map_err(|_| anyhow::anyhow!("the analysis stopped"))?;
        // waiting for the analysis does not count: `read` is reading and cleaning only
        waiting += began.elapsed();
        Ok(())
    };
    // unchanged articles are recognised by the hash of their text before any cleaning
    let stored: ingest::Stored = {
        let known = known.clone();
        std::sync::Arc::new(move |id: &str, hash: &str| known.get(id).is_some_and(|(h, _)| h == hash))
    };
    for file in files {
        let size = std::fs::metadata(&file.path).map(|m| m.len()).unwrap_or(0);
        for item in ingest::read_input(file, Some(stored.clone()), opts.max_article_bytes) {
            let (id, path) = match &item {
                Err(e) => {
                    report.failed.push(e.clone());
                    continue;
                }
                Ok(ReadItem::New(a)) => (a.id.clone(), a.path.clone()),
                Ok(ReadItem::Unchanged { id, path, .. }) => (id.clone(), path.clone()),
            };
            if !seen.insert(id.clone()) {
                report.failed.push(ReadError { path, reason: format!("article id {id:?} was already read from another input; skipped") });
                continue;
            }
            report.read += 1;
            match item {
                Ok(ReadItem::Unchanged { bytes, .. }) => {
                    report.bytes += bytes;
                    progress(Progress::ArticleRead(bytes));
                    report.words += known.get(&id).map_or(0, |(_, w)| *w as u64);
                    report.unchanged += 1;
                }
                Ok(ReadItem::New(article)) => {
                    report.bytes += article.text.len() as u64;
                    progress(Progress::ArticleRead(article.text.len() as u64));
                    report.words += article.words as u64;
                    if known.contains_key(&article.id) {
                        report.replaced += 1;
                    } else {
                        report.added += 1;
                    }
                    batch.push(article);
                    if batch.len() >= opts.batch {
                        flush(&mut batch, report)?;
                    }
                }
                Err(_) => unreachable!("errors were handled above"),
            }
        }
        progress(Progress::FileDone(size));
    }
    flush(&mut batch, report)?;
    report.times.read = loop_start.elapsed().saturating_sub(waiting);
    Ok(())
}

/// Analyses the batches read, in parallel on `pool`, and hands them to the writer in order.
fn analyse_all(
    pool: &rayon::ThreadPool,
    recv: Receiver<(Vec<Article>, usize)>,
    send: &SyncSender<(Vec<Analysed>, usize)>,
    times: &mut StageTimes,
) -> Result<()> {
    for (arts, read) in recv {
        let results: Vec<(Analysed, Duration, Duration)> = pool.install(|| arts.into_par_iter().map(analyse_article).collect());
        let mut analysed = Vec::with_capacity(results.len());
        for (a, ta, te) in results {
            times.analyse += ta;
            times.extract += te;
            analysed.push(a);
        }
        send.send((analysed, read)).map_err(|_| anyhow::anyhow!("the database writer stopped"))?;
    }
    Ok(())
}

/// Reads one text as an article of its own (for `newsgraph read` and tests): cleaning,
/// analysis and extraction, nothing stored.
pub fn read_text(text: &str, date: Option<String>) -> Result<(Article, crate::model::Analysis), ReadError> {
    let article = ingest::make_article("text".into(), "text".into(), text.to_string(), None, date, None)?;
    let (doc, mut analysis) = analyse::analyse(&article);
    extract::extract(&doc, &article.clean.text, &mut analysis);
    Ok((article, analysis))
}

/// Said when a write fails (a full disk, say): what is stored is whole articles only.
fn stopped(db: &std::path::Path) -> String {
    format!("the build stopped writing {}; the articles stored so far are whole, and the next build goes on from there", db.display())
}

pub fn build(paths: &[PathBuf], opts: &BuildOptions, progress: &(dyn Fn(Progress) + Sync)) -> Result<BuildReport> {
    build_locked(paths, opts, progress).map_err(|e| store::locked_advice(e, &opts.db))
}

fn build_locked(paths: &[PathBuf], opts: &BuildOptions, progress: &(dyn Fn(Progress) + Sync)) -> Result<BuildReport> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(opts.threads.unwrap_or(0)).build()?;
    let mut report = BuildReport::default();
    let (files, errors) = ingest::discover_inputs(paths);
    report.failed.extend(errors);
    report.files = files.len();
    progress(Progress::Files(files.len()));
    if files.is_empty() {
        report.no_database = !opts.db.exists();
        report.wall = started.elapsed();
        return Ok(report);
    }
    if let Some(dir) = opts.db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let lock = crate::writelock::acquire(&opts.db, "build", &|who| progress(Progress::Waiting(who.to_string())))?;
    let existed = opts.db.exists();
    let mut conn = store::open(&opts.db)?;
    // No checkpoints while building: each costs two fsyncs (≈ 30 ms each on this machine's
    // disk, 2 s over a corpus). The WAL is copied into the database during the resolve stage
    // and at the end; until then an interrupted build is still whole batches only (the WAL
    // holds committed transactions).
    conn.execute_batch("PRAGMA wal_autocheckpoint = 0;")?;
    let known = std::sync::Arc::new(store::article_hashes(&conn)?);

    // A reader thread reads and cleans batch N+2 while the pool analyses batch N+1 and one
    // writer thread stores batch N. Channels hold one batch each, so a handful of batches
    // are in memory whatever the corpus size, and batches are stored in input order: the
    // database does not depend on the threads.
    let (send_read, recv_read) = std::sync::mpsc::sync_channel::<(Vec<Article>, usize)>(1);
    let (send, recv) = std::sync::mpsc::sync_channel::<(Vec<Analysed>, usize)>(1);
    let conn_ref = &mut conn;
    let mut times = StageTimes::default();
    let (read_result, analysed, written) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<Duration> {
            let mut spent = Duration::ZERO;
            for (batch, read) in recv {
                let t = Instant::now();
                store::write_batch(conn_ref, &batch)?;
                spent += t.elapsed();
                progress(Progress::Articles(read));
            }
            Ok(spent)
        });
        let report = &mut report;
        let files = &files;
        let known = &known;
        let reader = scope.spawn(move || {
            let r = read_all(files, known, opts, report, progress, &send_read);
            drop(send_read);
            r
        });
        let analysed = analyse_all(&pool, recv_read, &send, &mut times);
        drop(send);
        let read_result = reader.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the reader panicked")));
        let written = writer.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the database writer panicked")));
        (read_result, analysed, written)
    });
    report.times.analyse = times.analyse;
    report.times.extract = times.extract;
    // A failed write stops the analysis, which stops the reader (their sends fail): report
    // the write error first.
    report.times.store = written.with_context(|| stopped(&opts.db))?;
    analysed?;
    read_result?;
    drop(known);
    if report.read == 0 && !existed {
        // nothing read into a database this build created: leave none behind
        drop(conn);
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", opts.db.display()));
        }
        drop(lock);
        report.no_database = true;
        report.wall = started.elapsed();
        return Ok(report);
    }

    // The articles just written are copied from the WAL into the database file, and their
    // sentences indexed for full-text search, on a connection of its own while the resolve
    // stage reads and groups; the stage waits for it before writing. The index starts once
    // the stage has compared articles for copies, which keeps both cores busy on its own:
    // the reading and grouping after it are mostly one core's work. What resolving writes
    // is copied at the end.
    let (indexed_tx, indexed_rx) = std::sync::mpsc::channel::<()>();
    let (start_tx, start_rx) = std::sync::mpsc::channel::<()>();
    let copying = std::thread::scope(|scope| -> Result<()> {
        let copier = scope.spawn(move || -> Result<()> {
            let c = rusqlite::Connection::open(&opts.db)?;
            c.execute_batch("PRAGMA busy_timeout = 5000;")?;
            // (a closed channel starts it too: no resolve stage, or one that failed)
            let _ = start_rx.recv();
            let indexed = store::index_sentences(&c);
            drop(indexed_tx);
            indexed?;
            c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
            Ok(())
        });
        // the sender is dropped once the index is written (or failed: the copier says why)
        let wait = || -> Result<()> {
            let _ = indexed_rx.recv();
            Ok(())
        };
        let compared = || {
            let _ = start_tx.send(());
        };
        if store::needs_resolve(&conn)? {
            progress(Progress::Resolving);
            let t = Instant::now();
            report.times.resolve_parts = store::resolve_all_then_write(&mut conn, &compared, &wait).with_context(|| stopped(&opts.db))?;
            report.times.resolve = t.elapsed();
        }
        compared();
        copier.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the WAL copy panicked")))
    });
    copying?;
    report.facts = conn.query_row("SELECT count(*) FROM facts", [], |r| r.get(0))?;
    report.entities = conn.query_row("SELECT count(*) FROM entity", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    drop(conn);
    drop(lock);
    report.wall = started.elapsed();
    Ok(report)
}
