//! `query`: run SQL on a guarded read-only connection and stream the result as a table,
//! CSV or JSON (rows are written as they come, so memory does not grow with the result).

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, ErrorCode, OpenFlags, Statement};

use crate::export::csv_safe;

/// A query result: column names and rows of displayable values (NULL as None).
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Option<String>>>,
}

/// How `stream` writes rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    /// A drawn table, control characters escaped. It measures its rows before drawing, so
    /// it holds at most `--limit` (default `TABLE_ROWS`, at most `TABLE_MAX`) of them.
    Table,
    /// Spreadsheet-safe CSV, optionally with the byte-order mark Excel needs.
    Csv { excel: bool },
    /// An array of objects, keys in the order of the SELECT.
    Json,
}

/// Rows the table format shows when no `--limit` is given.
pub const TABLE_ROWS: u64 = 1000;
/// Most rows the table format holds whatever `--limit` says (about 80 MB of table).
pub const TABLE_MAX: u64 = 100_000;

/// What `stream` did.
#[derive(Debug, Clone, PartialEq)]
pub struct Streamed {
    pub rows: u64,
    /// The table stopped at its own row limit (not `--limit`) with rows left.
    pub cut: bool,
}

/// SQL given on the command line, or read from a `.sql` file.
pub fn load_sql(arg: &str) -> Result<String> {
    if arg.ends_with(".sql") || std::path::Path::new(arg).is_file() {
        return std::fs::read_to_string(arg).with_context(|| format!("cannot read {arg}"));
    }
    Ok(arg.to_string())
}

/// A connection that can only read: the authorizer refuses writes, ATTACH, schema changes,
/// setting pragmas and `load_extension`, and statements run at most `timeout`.
pub struct Guarded {
    pub conn: Connection,
    denied: Arc<Mutex<Option<String>>>,
    timeout: Option<Duration>,
}

/// Opens `path` read-only and guards it. A database no one has open (no `-wal` beside it)
/// is opened immutable: a plain read-only open of a WAL database leaves `-wal` and `-shm`
/// files behind, and `query` creates nothing on disk. (A build started during such a
/// query may make it fail with an error, never change the database.)
pub fn open(path: &Path, timeout: Option<Duration>) -> Result<Guarded> {
    if !path.exists() {
        bail!("no database at {} (run `newsgraph build` first)", path.display());
    }
    let wal = Path::new(&format!("{}-wal", path.display())).exists();
    let conn = if wal {
        crate::store::open_read_only(path)?
    } else {
        let abs = std::fs::canonicalize(path).with_context(|| format!("cannot open database {}", path.display()))?;
        let uri = format!("file:{}?mode=ro&immutable=1", uri_path(&abs.to_string_lossy()));
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Connection::open_with_flags(uri, flags).with_context(|| format!("cannot open database {}", path.display()))?
    };
    guard(conn, timeout)
}

fn uri_path(p: &str) -> String {
    p.chars().map(|c| if matches!(c, '?' | '#' | '%') || c.is_control() { format!("%{:02X}", c as u32) } else { c.to_string() }).collect()
}

/// Pragmas whose argument names what to read, not a value to set.
const PRAGMAS_READING: &[&str] = &[
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list", "foreign_key_check", "integrity_check",
    "quick_check",
];
/// Pragmas that write even without an argument.
const PRAGMAS_WRITING: &[&str] = &["wal_checkpoint", "optimize", "incremental_vacuum"];

fn allowed(ctx: &AuthContext<'_>) -> Result<(), String> {
    match ctx.action {
        AuthAction::Select | AuthAction::Read { .. } | AuthAction::Recursive | AuthAction::Transaction { .. } | AuthAction::Savepoint { .. } => Ok(()),
        AuthAction::Function { function_name } if function_name.eq_ignore_ascii_case("load_extension") => Err("load_extension".into()),
        AuthAction::Function { .. } => Ok(()),
        AuthAction::Pragma { pragma_name, pragma_value } => {
            let name = pragma_name.to_ascii_lowercase();
            let sets = pragma_value.is_some() && !PRAGMAS_READING.contains(&name.as_str());
            if sets || PRAGMAS_WRITING.contains(&name.as_str()) {
                Err(format!("setting or running PRAGMA {name}"))
            } else {
                Ok(())
            }
        }
        AuthAction::Attach { .. } | AuthAction::Detach { .. } => Err("ATTACH or DETACH".into()),
        AuthAction::Insert { .. } | AuthAction::Update { .. } | AuthAction::Delete { .. } => Err("INSERT, UPDATE or DELETE".into()),
        _ => Err("changing the schema".into()),
    }
}

/// Installs the authorizer and, with a timeout, a progress handler that interrupts a
/// statement running longer (the clock starts now).
pub fn guard(mut conn: Connection, timeout: Option<Duration>) -> Result<Guarded> {
    conn.execute_batch("PRAGMA query_only = ON;")?;
    let denied = Arc::new(Mutex::new(None));
    let slot = denied.clone();
    conn.authorizer(Some(move |ctx: AuthContext<'_>| match allowed(&ctx) {
        Ok(()) => Authorization::Allow,
        Err(what) => {
            *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(what);
            Authorization::Deny
        }
    }))?;
    if let Some(t) = timeout {
        let deadline = Instant::now() + t;
        conn.progress_handler(10_000, Some(move || Instant::now() >= deadline))?;
    }
    Ok(Guarded { conn, denied, timeout })
}

impl Guarded {
    /// An SQLite error said in words: what was refused, or that the time ran out.
    fn explain(&self, e: rusqlite::Error) -> anyhow::Error {
        // a denied function comes back as a plain SQL error: the slot says what was refused
        if let Some(what) = self.denied.lock().unwrap_or_else(|e| e.into_inner()).take() {
            return anyhow!("refused: query is read-only ({what} is not allowed)");
        }
        match e.sqlite_error_code() {
            Some(ErrorCode::OperationInterrupted) => match self.timeout {
                Some(t) => anyhow!("the query ran longer than --timeout {} s and was stopped", t.as_secs_f64()),
                None => anyhow!("the query was interrupted"),
            },
            _ => anyhow::Error::new(e).context("in the SQL"),
        }
    }

    fn prepare(&self, sql: &str, params: &[(String, String)]) -> Result<Statement<'_>> {
        let sql = sql.trim().trim_end_matches(';');
        self.denied.lock().unwrap_or_else(|e| e.into_inner()).take();
        let st = self.conn.prepare(sql).map_err(|e| self.explain(e))?;
        // VACUUM (also VACUUM INTO a new file) passes no authorizer check, but is no read
        if !st.readonly() {
            bail!("refused: query is read-only (VACUUM and other writes are not allowed)");
        }
        bind(st, params)
    }

    /// Runs one statement and collects its rows (for small results: `stream` for the rest).
    pub fn run(&self, sql: &str, params: &[(String, String)]) -> Result<Rows> {
        let mut st = self.prepare(sql, params)?;
        let columns: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
        let mut out = Vec::new();
        let mut rows = st.raw_query();
        while let Some(r) = rows.next().map_err(|e| self.explain(e))? {
            out.push((0..columns.len()).map(|i| r.get_ref(i).map(|v| display(v).map(|c| c.text()))).collect::<rusqlite::Result<_>>()?);
        }
        Ok(Rows { columns, rows: out })
    }

    /// Runs one statement and writes its rows to `out` as they come, at most `limit`.
    pub fn stream(&self, sql: &str, params: &[(String, String)], format: Format, limit: Option<u64>, out: &mut dyn Write) -> Result<Streamed> {
        let mut st = self.prepare(sql, params)?;
        let columns: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
        let cap = match format {
            Format::Table => Some(limit.unwrap_or(TABLE_ROWS).min(TABLE_MAX)),
            _ => limit,
        };
        let mut sink = Sink::new(format, &columns, out)?;
        let mut rows = st.raw_query();
        let mut n = 0u64;
        let mut cut = false;
        while let Some(r) = rows.next().map_err(|e| self.explain(e))? {
            if cap.is_some_and(|c| n >= c) {
                cut = limit.map_or(true, |l| l > n);
                break;
            }
            let cells: Vec<Option<Cell>> = (0..columns.len()).map(|i| r.get_ref(i).map(display)).collect::<rusqlite::Result<_>>()?;
            sink.row(&cells)?;
            n += 1;
        }
        sink.finish(n)?;
        Ok(Streamed { rows: n, cut })
    }
}

fn bind<'c>(mut st: Statement<'c>, params: &[(String, String)]) -> Result<Statement<'c>> {
    for (name, value) in params {
        let key = if name.starts_with([':', '@', '$']) { name.clone() } else { format!(":{name}") };
        let Some(i) = st.parameter_index(&key)? else {
            bail!("the query has no parameter {key}");
        };
        st.raw_bind_parameter(i, value)?;
    }
    for i in 1..=st.parameter_count() {
        if let Some(name) = st.parameter_name(i) {
            if !params.iter().any(|(n, _)| n.trim_start_matches([':', '@', '$']) == name.trim_start_matches([':', '@', '$'])) {
                bail!("the query needs --param {}=VALUE", name.trim_start_matches([':', '@', '$']));
            }
        }
    }
    Ok(st)
}

/// One value as shown: numbers stay numbers for JSON.
enum Cell {
    Number(String),
    Text(String),
}

impl Cell {
    fn text(self) -> String {
        match self {
            Cell::Number(s) | Cell::Text(s) => s,
        }
    }
    fn as_str(&self) -> &str {
        match self {
            Cell::Number(s) | Cell::Text(s) => s,
        }
    }
}

fn display(v: ValueRef<'_>) -> Option<Cell> {
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(Cell::Number(n.to_string())),
        ValueRef::Real(f) if f.is_finite() => Some(Cell::Number(format_real(f))),
        ValueRef::Real(f) => Some(Cell::Text(f.to_string())),
        ValueRef::Text(t) => Some(Cell::Text(String::from_utf8_lossy(t).into_owned())),
        ValueRef::Blob(b) => Some(Cell::Text(format!("<{} bytes>", b.len()))),
    }
}

fn format_real(f: f64) -> String {
    let s = format!("{f:.4}");
    let s = s.trim_end_matches('0');
    s.strip_suffix('.').map(|x| format!("{x}.0")).unwrap_or_else(|| s.to_string())
}

enum Sink<'a> {
    Table { columns: Vec<String>, rows: Vec<Vec<String>>, out: &'a mut dyn Write },
    Csv(Box<csv::Writer<&'a mut dyn Write>>),
    Json { keys: Vec<String>, out: &'a mut dyn Write, first: bool },
}

impl<'a> Sink<'a> {
    fn new(format: Format, columns: &[String], out: &'a mut dyn Write) -> Result<Sink<'a>> {
        Ok(match format {
            Format::Table => Sink::Table { columns: columns.iter().map(|c| crate::terminal::line(c).into_owned()).collect(), rows: Vec::new(), out },
            Format::Csv { excel } => {
                if excel {
                    out.write_all("\u{feff}".as_bytes())?;
                }
                let mut w = csv::Writer::from_writer(out);
                w.write_record(columns)?;
                Sink::Csv(Box::new(w))
            }
            Format::Json => {
                out.write_all(b"[")?;
                Sink::Json { keys: columns.iter().map(|c| serde_json::to_string(c).expect("a string")).collect(), out, first: true }
            }
        })
    }

    fn row(&mut self, cells: &[Option<Cell>]) -> Result<()> {
        match self {
            Sink::Table { rows, .. } => {
                rows.push(cells.iter().map(|c| c.as_ref().map_or_else(|| "NULL".into(), |c| crate::terminal::line(c.as_str()).into_owned())).collect());
            }
            Sink::Csv(w) => w.write_record(cells.iter().map(|c| csv_safe(c.as_ref().map_or("", Cell::as_str)).into_owned()))?,
            Sink::Json { keys, out, first } => {
                // pretty-printed as serde_json would, one object per row
                out.write_all(if *first { b"\n  {\n" } else { b",\n  {\n" })?;
                *first = false;
                for (i, (k, c)) in keys.iter().zip(cells).enumerate() {
                    write!(out, "    {k}: ")?;
                    match c {
                        None => out.write_all(b"null")?,
                        Some(Cell::Number(n)) => out.write_all(n.as_bytes())?,
                        Some(Cell::Text(t)) => serde_json::to_writer(&mut **out, t)?,
                    }
                    out.write_all(if i + 1 < keys.len() { b",\n" } else { b"\n" })?;
                }
                out.write_all(b"  }")?;
            }
        }
        Ok(())
    }

    fn finish(self, n: u64) -> Result<()> {
        match self {
            Sink::Table { columns, rows, out } => {
                let mut t = comfy_table::Table::new();
                t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
                t.set_header(columns);
                for r in rows {
                    t.add_row(r);
                }
                writeln!(out, "{t}\n({n} row{})", if n == 1 { "" } else { "s" })?;
            }
            Sink::Csv(mut w) => w.flush()?,
            Sink::Json { out, .. } => out.write_all(if n == 0 { b"]\n" } else { b"\n]\n" })?,
        }
        Ok(())
    }
}

/// `newsgraph entities [SEARCH]`: the SQL and parameters listing entities whose name or
/// alias contains SEARCH (all when None), most facts first. Facts are counted in one pass
/// over the fact table and aliases gathered for the rows shown only: a count per entity
/// through the `facts` view took minutes on a large graph. `%` and `_` match literally.
/// `with_facts`: only entities some shown fact is about (most entities are mentions only).
pub fn entities_sql(search: Option<&str>, limit: usize, with_facts: bool) -> (String, Vec<(String, String)>) {
    let mut conds: Vec<&str> = Vec::new();
    if search.is_some() {
        conds.push("(e.name LIKE :pat ESCAPE '\\' OR EXISTS (SELECT 1 FROM alias a WHERE a.entity_id = e.id AND a.alias LIKE :pat ESCAPE '\\'))");
    }
    if with_facts {
        conds.push("n.c > 0");
    }
    let filter = if conds.is_empty() { String::new() } else { format!("WHERE {}", conds.join(" AND ")) };
    let sql = format!(
        "WITH n AS (SELECT id, count(*) AS c FROM (
                SELECT subject_entity AS id FROM fact WHERE shown = 1 AND modality = 'asserted' AND subject_entity IS NOT NULL
                UNION ALL
                SELECT object_entity FROM fact WHERE shown = 1 AND modality = 'asserted' AND subject_entity IS NOT NULL
                    AND object_entity IS NOT NULL AND object_entity != subject_entity)
              GROUP BY id),
         hits AS (SELECT e.id, e.name, e.type, e.articles, coalesce(n.c, 0) AS facts
              FROM entity e LEFT JOIN n ON n.id = e.id {filter}
              ORDER BY facts DESC, e.articles DESC, e.id LIMIT :limit)
         SELECT id, name, type, articles, facts,
                (SELECT group_concat(alias, ' | ') FROM (SELECT alias FROM alias WHERE entity_id = hits.id ORDER BY seen DESC, alias)) AS aliases
         FROM hits ORDER BY facts DESC, articles DESC, id"
    );
    let mut params = vec![("limit".to_string(), limit.to_string())];
    if let Some(q) = search {
        let escaped: String = q.chars().flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] }).collect();
        params.push(("pat".into(), format!("%{escaped}%")));
    }
    (sql, params)
}

#[cfg(test)]
mod tests;
