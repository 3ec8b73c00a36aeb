//! The `newsgraph` command: parses arguments, calls the library, prints.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

#[macro_use]
mod cli;

use newsgraph::pipeline::{self, BuildOptions, Progress};
use newsgraph::{eval, explain, query, store, terminal};

#[derive(Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "Turn news articles into a knowledge graph you can query, draw and trust",
    after_help = "Start with:\n  newsgraph build examples/articles\n  newsgraph query \"SELECT subject, predicate, object FROM facts LIMIT 10\"\n  newsgraph export html -o out/graph.html\n\nEvery command reads and writes out/kg.db unless --db says otherwise; `newsgraph help COMMAND` has examples."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles (files, folders, JSONL) and build or update the graph database.
    #[command(after_help = "Examples:\n  newsgraph build examples/articles\n  newsgraph build news/ more.jsonl --db out/news.db -q\n\nAlso writes out/kg.metadata.json for Datasette: datasette out/kg.db -m out/kg.metadata.json")]
    Build {
        /// Files or folders of articles (.txt, .md, .html, .jsonl).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, default_value = "out/kg.db")]
        db: PathBuf,
        /// No progress bar, and no warning per unreadable file (the summary still counts
        /// them), so a rebuild does not repeat them.
        #[arg(long, short)]
        quiet: bool,
        /// Analysis threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Articles per transaction.
        #[arg(long, default_value_t = 512)]
        batch: usize,
        /// Exit non-zero when any input failed (the others are still built).
        #[arg(long)]
        strict: bool,
        /// Skip (with a warning) articles larger than this many bytes; 16 MiB at most.
        #[arg(long, value_name = "BYTES", default_value_t = newsgraph::ingest::MAX_ARTICLE_BYTES)]
        max_article_bytes: usize,
    },
    /// Run SQL (text or a .sql file) on the graph, read-only.
    #[command(after_help = "Public views (columns in schema.sql): facts, entity_aliases, articles; also fact_evidence, merge_log, quotations, fact_sources, and the tables entity, entity_stats, sentence_fts (full-text search).\n\nExamples:\n  newsgraph query \"SELECT subject, predicate, object, role FROM facts WHERE predicate = 'heads'\"\n  newsgraph query queries/entity.sql --param name=Springfield --format csv\n  newsgraph query \"SELECT text FROM sentence_fts WHERE sentence_fts MATCH 'agreement'\" --format json")]
    Query {
        /// The SQL text, or a .sql file holding it (one statement; :name parameters).
        #[arg(value_name = "SQL")]
        sql: String,
        #[arg(long, default_value = "out/kg.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Named parameter for the SQL: --param name=value fills :name.
        #[arg(long = "param", value_parser = parse_param)]
        params: Vec<(String, String)>,
        /// With --format csv: add the byte-order mark Excel needs.
        #[arg(long)]
        excel: bool,
        /// At most this many rows (the table format shows 1000 unless told, 100000 at most).
        #[arg(long)]
        limit: Option<u64>,
        /// Stop a statement that runs longer than this many seconds.
        #[arg(long, value_name = "SECS")]
        timeout: Option<f64>,
    },
    /// Score the graph against gold facts: precision, recall and F1 of its facts.
    #[command(after_help = "Examples:\n  newsgraph eval --gold tests/data/gold\n  newsgraph eval --gold tests/data/gold --errors --min-f1 0.9")]
    Eval {
        /// Folder of hand-made gold facts: entities.tsv, facts.tsv and optionally er.tsv (see
        /// tests/data/gold for the format; it holds the gold facts of examples/articles).
        #[arg(long, value_name = "FOLDER")]
        gold: PathBuf,
        #[arg(long, default_value = "out/kg.db")]
        db: PathBuf,
        /// List every false positive and miss.
        #[arg(long)]
        errors: bool,
        /// Also write the full result as JSON here.
        #[arg(long)]
        json: Option<PathBuf>,
        /// Exit 1 when F1 is below this.
        #[arg(long)]
        min_f1: Option<f64>,
    },
    /// Say why: an entity's names, merges and facts, or one fact (ARTICLE#INDEX).
    #[command(after_help = "Examples:\n  newsgraph explain \"Jane Roe\"\n  newsgraph explain \"Jane Roe\" heads\n  newsgraph explain report-17.txt#16   # ARTICLE#FACT: the article and fact columns of the facts view")]
    Explain {
        /// An entity (id, name or alias) or a fact as ARTICLE#INDEX.
        what: String,
        /// Only facts with this predicate.
        predicate: Option<String>,
        #[arg(long, default_value = "out/kg.db")]
        db: PathBuf,
    },
    /// Draw or export the graph (or a view of it): dot, svg, png, csv, graphml, html.
    #[command(after_help = "Examples:\n  newsgraph export html -o out/graph.html                     # interactive page, opens in any browser\n  newsgraph export svg --focus \"Jane Roe\" --depth 2 -o out/ego.svg\n  newsgraph export csv --excel                                # out/csv/{nodes,edges,facts}.csv for Gephi\n  newsgraph export graphml --exclude-types DATE -o out/graph.graphml")]
    Export {
        #[command(flatten)]
        args: Box<cli::export::ExportArgs>,
        #[arg(long, default_value = "out/kg.db")]
        db: PathBuf,
    },
    /// Counts per type and predicate, most connected entities, PageRank, components
    /// (also written to the entity_stats table).
    #[command(after_help = "Examples:\n  newsgraph stats\n  newsgraph stats --top 20 --no-write")]
    Stats {
        #[command(flatten)]
        args: cli::stats::StatsArgs,
        #[arg(long, default_value = "out/kg.db")]
        db: PathBuf,
    },
    /// Build from scratch into a fresh database and report throughput, memory and the time
    /// spent in each stage (see BENCHMARKS.md).
    #[command(after_help = "Example:\n  newsgraph bench ../shared/corpora/whitehouse-briefing-room/articles.jsonl --rebuild")]
    Bench {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to build (deleted first). Default: a file in the system's temp folder.
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        threads: Option<usize>,
        #[arg(long, default_value_t = 512)]
        batch: usize,
        /// Then build again unchanged, and report that too.
        #[arg(long)]
        rebuild: bool,
    },
    /// Make two entities one; recorded in curation.csv next to the database, so every
    /// later build does the same.
    #[command(after_help = "A and B are entity ids, names or aliases (see `newsgraph entities`).\n\nExample:\n  newsgraph merge \"Jane Roe\" \"J. Roe\"")]
    Merge {
        #[command(flatten)]
        args: cli::curate::MergeArgs,
    },
    /// Take the parts called ALIAS out of an entity; recorded in the database's curation file
    /// (out/kg.curation.csv for out/kg.db), so every later build does the same.
    #[command(after_help = "ENTITY is an entity id, name or alias; ALIAS one of the names it goes by (see `newsgraph explain ENTITY`): the local entities that use that name become an entity of their own.\n\nExample:\n  newsgraph split \"Michael Day\" \"Michael D\"")]
    Split {
        #[command(flatten)]
        args: cli::curate::SplitArgs,
    },
    /// Give an entity another type (PERSON ORG GPE LOC FAC EVENT GROUP WORK); recorded in
    /// the database's curation file, so every later build does the same.
    #[command(after_help = "Example:\n  newsgraph retype \"Jane Roe\" PERSON")]
    Retype {
        #[command(flatten)]
        args: cli::curate::RetypeArgs,
    },
    /// List the database's curation decisions, or undo one.
    #[command(after_help = "Examples:\n  newsgraph curation list\n  newsgraph curation undo 2")]
    Curation {
        #[command(subcommand)]
        cmd: cli::curate::CurationCmd,
    },
    /// Show how a text is read: the mentions and roles found in each sentence, and the facts
    /// with their rules. TEXT is the text itself or a file.
    #[command(after_help = "Examples:\n  newsgraph read \"Acme Corp spokeswoman Jane Roe met with John Doe, the mayor of Springfield.\"\n  newsgraph read report-17.txt --date 2023-09-19")]
    Read {
        text: String,
        /// Publication date for resolving "on Monday" (ISO).
        #[arg(long, value_parser = parse_date)]
        date: Option<String>,
    },
    /// List entities whose name or alias contains SEARCH (without it: all), most facts first.
    #[command(after_help = "Examples:\n  newsgraph entities Roe\n  newsgraph entities --limit 10 --format csv")]
    Entities {
        search: Option<String>,
        #[arg(long, default_value = "out/kg.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Only entities some fact is about (the others are kept: they are mentions).
        #[arg(long)]
        with_facts: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
}

fn parse_param(s: &str) -> Result<(String, String), String> {
    s.split_once('=').map(|(a, b)| (a.to_string(), b.to_string())).ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))
}

fn parse_date(s: &str) -> Result<String, String> {
    newsgraph::ingest::normalize_date(s).ok_or_else(|| format!("not a date: {s:?} (expected a day such as 2023-05-23)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // like other Unix tools: output cut short by its reader (`| head`) is no error
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsgraph: {}", terminal::text(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if matches!(cli.command, Command::Build { .. } | Command::Merge { .. } | Command::Split { .. } | Command::Retype { .. } | Command::Curation { .. }) {
        cli::on_interrupt_explain();
    }
    match cli.command {
        Command::Build { paths, db, quiet, threads, batch, strict, max_article_bytes } => build(paths, BuildOptions { db, batch, threads, max_article_bytes }, quiet, strict),
        Command::Query { sql, db, format, params, excel, limit, timeout } => {
            let timeout = match timeout {
                Some(t) if !(t > 0.0 && t.is_finite()) => bail!("--timeout must be a positive number of seconds"),
                t => t.map(std::time::Duration::from_secs_f64),
            };
            let sql = query::load_sql(&sql)?;
            let g = query::open(&db, timeout)?;
            cli::warn_unfinished(&g.conn);
            print_rows(&g, &sql, &params, format, excel, limit)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { gold, db, errors, json, min_f1 } => {
            let g = match eval::load_gold(&gold) {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("{e:#}");
                    return Ok(ExitCode::from(1));
                }
            };
            let score = match eval::open_db(&db).and_then(|c| {
                cli::warn_unfinished(&c);
                eval::score(&c, &g)
            }) {
                Ok(s) => s,
                Err(e) => {
                    outln!("{e:#}");
                    return Ok(ExitCode::from(2));
                }
            };
            if let Some(j) = json {
                std::fs::write(&j, score.to_json_text()).with_context(|| format!("cannot write {}", j.display()))?;
            }
            out!("{}", score.report(errors));
            if min_f1.is_some_and(|m| score.below(m)) {
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { what, predicate, db } => {
            let conn = cli::open_db(&db)?;
            if let Some((article, idx)) = what.rsplit_once('#').and_then(|(a, i)| i.parse::<i64>().ok().map(|i| (a, i))) {
                out!("{}", terminal::text(&explain::fact(&conn, article, idx)?));
            } else {
                out!("{}", terminal::text(&explain::entity(&conn, &what, predicate.as_deref())?));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { paths, db, threads, batch, rebuild } => bench(paths, db, threads, batch, rebuild),
        Command::Read { text, date } => {
            let body = if std::path::Path::new(&text).is_file() {
                let max = newsgraph::ingest::MAX_ARTICLE_BYTES as u64;
                if std::fs::metadata(&text)?.len() > max {
                    bail!("{}: larger than an article may be ({max} bytes)", terminal::line(&text));
                }
                std::fs::read_to_string(&text)?
            } else {
                text
            };
            out!("{}", terminal::text(&newsgraph::explain::reading(&body, date)?));
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { args, db } => {
            cli::export::run(&args, &db)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { args, db } => {
            cli::stats::run(&args, &db)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge { args } => {
            cli::curate::merge(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Split { args } => {
            cli::curate::split(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Retype { args } => {
            cli::curate::retype(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Curation { cmd } => {
            cli::curate::curation(&cmd)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Entities { search, db, format, limit, with_facts } => {
            let g = query::open(&db, None)?;
            cli::warn_unfinished(&g.conn);
            let (sql, params) = query::entities_sql(search.as_deref(), limit, with_facts);
            print_rows(&g, &sql, &params, format, false, None)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Streams a query's rows to stdout.
fn print_rows(g: &query::Guarded, sql: &str, params: &[(String, String)], format: Format, excel: bool, limit: Option<u64>) -> Result<()> {
    let format = match format {
        Format::Table => query::Format::Table,
        Format::Csv => query::Format::Csv { excel },
        Format::Json => query::Format::Json,
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let done = g.stream(sql, params, format, limit, &mut out).map_err(cli::stdout_context)?;
    std::io::Write::flush(&mut out).map_err(|e| cli::stdout_context(e.into()))?;
    if done.cut {
        eprintln!("note: the table stops at {} rows (--limit can raise that to {}); --format csv or json streams every row", done.rows, query::TABLE_MAX);
    }
    Ok(())
}

fn build(paths: Vec<PathBuf>, opts: BuildOptions, quiet: bool, strict: bool) -> Result<ExitCode> {
    let db = opts.db.clone();
    if opts.batch == 0 {
        bail!("--batch must be at least 1");
    }
    let show = !quiet && std::io::stderr().is_terminal();
    let bar = if show { ProgressBar::new(0) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}, {eta} left {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let size: u64 = newsgraph::ingest::discover(&paths).0.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    bar.set_length(size);
    // The reader runs ahead of the analysis: the bar shows what is stored, by remembering
    // where reading stood (bytes) after each article read.
    let read = std::sync::Mutex::new((0u64, 0u64, 0u64, std::collections::VecDeque::<(u64, u64)>::new()));
    let on_progress = |p: Progress| {
        let Ok(mut r) = read.lock() else { return };
        let (articles, pos, files, marks) = &mut *r;
        match p {
            Progress::Files(_) => {}
            Progress::ArticleRead(bytes) => {
                *articles += 1;
                *pos = (*pos + bytes).min(size);
                marks.push_back((*articles, *pos));
            }
            // a finished file puts reading at the files' sizes
            Progress::FileDone(bytes) => {
                *files += bytes;
                *pos = (*files).min(size);
                if let Some(last) = marks.back_mut() {
                    last.1 = *pos;
                }
            }
            Progress::Articles(n) => {
                let mut at = None;
                while marks.front().is_some_and(|m| m.0 <= n as u64) {
                    at = marks.pop_front().map(|m| m.1);
                }
                if let Some(at) = at {
                    bar.set_position(at);
                }
                bar.set_message(format!("{n} articles"));
            }
            Progress::Resolving => {
                bar.set_position(size);
                bar.set_message("resolving entities");
            }
            Progress::Waiting(who) => bar.suspend(|| eprintln!("waiting: {} holds {}; this build goes on when it is done", terminal::line(&who), terminal::line(&db.display().to_string()))),
        }
    };
    let report = pipeline::build(&paths, &opts, &on_progress)?;
    bar.finish_and_clear();
    // -q: the summary's count only (a rebuild would repeat the same warnings every time)
    if !quiet {
        for f in &report.failed {
            eprintln!("warning: {}: {}", terminal::line(&f.path), terminal::line(&f.reason));
        }
    }
    if report.read == 0 {
        let what = if report.files == 0 { "no input file was found" } else { "no article could be read" };
        let db_note = if report.no_database { "no database written" } else { "the database was not changed" };
        eprintln!("newsgraph: {what} ({} failed); nothing was built, {db_note}", report.failed.len());
        return Ok(ExitCode::from(1));
    }
    let meta = newsgraph::datasette::metadata_path(&db);
    let name = db.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "kg".into());
    let text = serde_json::to_string_pretty(&newsgraph::datasette::metadata(&name))? + "\n";
    std::fs::write(&meta, text).with_context(|| format!("cannot write {}", meta.display()))?;
    eprintln!(
        "{} articles read ({} new, {} changed, {} unchanged), {} failed; {} facts, {} entities in {} ({:.2}s)",
        report.read,
        report.added,
        report.replaced,
        report.unchanged,
        report.failed.len(),
        report.facts,
        report.entities,
        terminal::line(&db.display().to_string()),
        report.wall.as_secs_f64()
    );
    if strict && !report.failed.is_empty() {
        let names: Vec<String> = report.failed.iter().map(|f| terminal::line(&f.path).into_owned()).collect();
        eprintln!("newsgraph: --strict: {} input(s) failed: {}", names.len(), names.join(", "));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

use newsgraph::store::peak_rss_mb;

fn resolve_parts(p: &newsgraph::store::ResolveTimes) -> String {
    format!(
        "load {:.2} s, duplicates {:.2} s, group {:.2} s, write {:.2} s ({} local entities rewritten), shown+commit {:.2} s; peak MB after each step: {}",
        p.load.as_secs_f64(),
        p.dedup.as_secs_f64(),
        p.group.as_secs_f64(),
        p.write.as_secs_f64(),
        p.rewritten,
        p.shown.as_secs_f64(),
        p.peak_mb.iter().map(|m| format!("{m:.0}")).collect::<Vec<_>>().join(" → ")
    )
}

fn bench(paths: Vec<PathBuf>, db: Option<PathBuf>, threads: Option<usize>, batch: usize, rebuild: bool) -> Result<ExitCode> {
    let db = db.unwrap_or_else(|| std::env::temp_dir().join(format!("newsgraph-bench-{}.db", std::process::id())));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    let opts = BuildOptions { db: db.clone(), batch, threads, ..Default::default() };
    let r = pipeline::build(&paths, &opts, &|_| {})?;
    if r.read == 0 {
        let why: Vec<String> = r.failed.iter().map(|f| format!("{}: {}", f.path, f.reason)).collect();
        bail!("nothing to benchmark: no article could be read ({})", why.join("; "));
    }
    let secs = r.wall.as_secs_f64();
    let threads_used = threads.unwrap_or_else(rayon::current_num_threads);
    outln!("full build: {} articles ({} failed), {} words, {:.1} MB in {:.2} s on {} threads", r.read, r.failed.len(), r.words, r.bytes as f64 / 1e6, secs, threads_used);
    outln!("  {:.0} articles/s, {:.0} words/s, {:.2} MB/s", r.read as f64 / secs, r.words as f64 / secs, r.bytes as f64 / 1e6 / secs);
    outln!("  {} facts, {} entities", r.facts, r.entities);
    let t = &r.times;
    outln!(
        "  stages: read+clean {:.2} s (wall), analyse {:.2} s + extract {:.2} s (CPU, summed over threads), store {:.2} s, resolve {:.2} s",
        t.read.as_secs_f64(),
        t.analyse.as_secs_f64(),
        t.extract.as_secs_f64(),
        t.store.as_secs_f64(),
        t.resolve.as_secs_f64()
    );
    outln!("  resolve: {}", resolve_parts(&t.resolve_parts));
    if let Some(mb) = peak_rss_mb() {
        outln!("  peak memory (RSS) of the full build: {mb:.0} MB");
    }
    if rebuild {
        let r2 = pipeline::build(&paths, &opts, &|_| {})?;
        outln!("unchanged rebuild: {} unchanged in {:.2} s ({:.1}% of the full build)", r2.unchanged, r2.wall.as_secs_f64(), 100.0 * r2.wall.as_secs_f64() / secs);
        // One new article (a stored one under a new id) built into the existing database.
        let conn = store::open_read_only(&db)?;
        let (title, text): (Option<String>, String) = conn.query_row("SELECT title, text FROM article ORDER BY id LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
        drop(conn);
        let one = std::env::temp_dir().join(format!("newsgraph-bench-{}-one.jsonl", std::process::id()));
        std::fs::write(&one, format!("{}\n", serde_json::json!({"id": "bench/added-article", "title": title, "text": text})))?;
        let r3 = pipeline::build(std::slice::from_ref(&one), &opts, &|_| {})?;
        let _ = std::fs::remove_file(&one);
        outln!("adding one article: {} new in {:.2} s (resolve {:.2} s)", r3.added, r3.wall.as_secs_f64(), r3.times.resolve.as_secs_f64());
        outln!("  resolve: {}", resolve_parts(&r3.times.resolve_parts));
        // The most connected entity: its ego network (depth 2) to DOT, and all facts about it.
        let conn = store::open_read_only(&db)?;
        let hub: String = conn.query_row(
            "SELECT id FROM (SELECT subject_id AS id FROM facts UNION ALL SELECT object_id FROM facts WHERE object_id IS NOT NULL) GROUP BY id ORDER BY count(*) DESC, id LIMIT 1",
            [],
            |r| r.get(0),
        )?;
        let t = std::time::Instant::now();
        let v = newsgraph::view::build(&conn, &newsgraph::view::ViewOptions { focus: Some(hub.clone()), depth: 2, ..Default::default() })?;
        let dot = newsgraph::export::dot::to_dot(&v, &newsgraph::export::dot::DotOptions { layout: None, title: None });
        let out = std::env::temp_dir().join(format!("newsgraph-bench-{}.dot", std::process::id()));
        std::fs::write(&out, dot)?;
        let ego = t.elapsed().as_secs_f64();
        let _ = std::fs::remove_file(&out);
        outln!("ego network of {hub} (depth 2): {} nodes, {} edges to DOT in {:.3} s", v.graph.node_count(), v.graph.edge_count(), ego);
        let t = std::time::Instant::now();
        let rows = query::guard(conn, None)?.run("SELECT * FROM facts WHERE subject_id = :id OR object_id = :id", &[("id".to_string(), hub.clone())])?;
        outln!("query of all facts about {hub}: {} rows in {:.1} ms", rows.rows.len(), t.elapsed().as_secs_f64() * 1000.0);
    }
    outln!("database: {}", db.display());
    Ok(ExitCode::SUCCESS)
}
