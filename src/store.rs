//! The store stage: SQLite. `schema.sql` (top level) is the schema; this module writes
//! articles with everything read from them, one transaction per batch, and the entity
//! layer after resolution.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::model::{Analysis, Article, FactObject};
use crate::resolve::{self, Local};

pub const SCHEMA: &str = include_str!("../schema.sql");
/// Bump when schema.sql changes in a way old databases cannot follow.
pub const SCHEMA_VERSION: i64 = 4;

/// Page cache of the writing connection (negative: KiB).
const PAGE_CACHE: i64 = -32768;

/// Opens (creating if needed) a database for writing and applies the schema. A file that
/// is not a newsgraph database of this schema is refused before anything is written to it.
pub fn open(path: &Path) -> Result<Connection> {
    check_before_writing(path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let conn = Connection::open(path).with_context(|| format!("cannot open database {}", path.display()))?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")
        .map_err(|e| locked_advice(e.into(), path))?;
    // 32 MB of page cache (default 2 MB): the resolve stage rewrites tables larger than that.
    conn.execute_batch(&format!("PRAGMA cache_size = {PAGE_CACHE};"))?;
    conn.execute_batch(SCHEMA).context("applying schema.sql")?;
    conn.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))?;
    Ok(conn)
}

/// Refuses (with the file untouched) an existing file that is not an empty database or a
/// newsgraph database of this schema: someone else's SQLite file, an older or newer schema.
fn check_before_writing(path: &Path) -> Result<()> {
    if std::fs::metadata(path).map_or(true, |m| m.len() == 0) {
        return Ok(());
    }
    let not_ours = |why: &str| anyhow::anyhow!("{} is not a newsgraph database ({why}); refusing to change it", path.display());
    let conn = read_only_connection(path).map_err(|_| not_ours("cannot be read as SQLite"))?;
    let probe = || -> rusqlite::Result<(i64, i64, bool)> {
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        let ours: bool = conn.query_row("SELECT count(*) = 2 FROM sqlite_schema WHERE type = 'table' AND name IN ('article', 'meta')", [], |r| r.get(0))?;
        Ok((version, objects, ours))
    };
    let (version, objects, ours) = match probe() {
        Ok(p) => p,
        Err(e) if is_busy(&e) => return Err(locked_advice(e.into(), path)),
        Err(_) => return Err(not_ours("not an SQLite database")),
    };
    if version == 0 && objects == 0 {
        return Ok(());
    }
    if !ours {
        return Err(not_ours("it holds other tables"));
    }
    if version > SCHEMA_VERSION {
        bail!("{} was written by a newer newsgraph (schema {version}, this one knows {SCHEMA_VERSION}); left unchanged", path.display());
    }
    if version < SCHEMA_VERSION {
        bail!("{} has an older schema ({version}); left unchanged: delete it and build again", path.display());
    }
    Ok(())
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// Says what a lock error means: another newsgraph process is writing the database.
pub fn locked_advice(e: anyhow::Error, path: &Path) -> anyhow::Error {
    let busy = e.chain().any(|c| c.downcast_ref::<rusqlite::Error>().is_some_and(is_busy));
    if busy {
        anyhow::anyhow!("{} is locked: another newsgraph process (a build, merge or split) is writing it; wait for it to finish and try again", path.display())
    } else {
        e
    }
}

/// A read-only connection that writes nothing: in a place it cannot write (a read-only
/// folder), where SQLite cannot make a WAL database's `-shm` file, the file is read as
/// it stands (`immutable`).
pub fn read_only_connection(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())) {
        Err(e) if matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen)) => {
            drop(conn);
            let mut uri = String::from("file:");
            for c in path.to_string_lossy().chars() {
                match c {
                    '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
                    c => uri.push(c),
                }
            }
            uri.push_str("?immutable=1");
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
        }
        _ => Ok(conn),
    }
}

/// Opens an existing database read-only (for `query`, `export`, `eval`).
pub fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.exists() {
        bail!("no database at {} (run `newsgraph build` first)", path.display());
    }
    let conn = read_only_connection(path).with_context(|| format!("cannot open database {}", path.display()))?;
    conn.execute_batch("PRAGMA query_only = ON;")?;
    Ok(conn)
}

/// What read the stored articles: a fingerprint of the reading code and data (build.rs).
pub const READER: &str = env!("NEWSGRAPH_READER");

/// Content hashes and word counts of the stored articles, by id. Articles stored by another
/// reader come back without a hash, so the build reads them again ("changed").
pub fn article_hashes(conn: &Connection) -> Result<HashMap<String, (String, i64)>> {
    let reader: Option<String> = conn.query_row("SELECT value FROM meta WHERE key = 'reader'", [], |r| r.get(0)).optional()?;
    let same = reader.as_deref() == Some(READER);
    let mut st = conn.prepare("SELECT id, hash, words FROM article")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, (if same { r.get(1)? } else { String::new() }, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Byte offset → character offset, for one text: the count of characters at every 64th
/// byte, then a short scan (a table entry per byte cost more than the inserts).
struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    /// characters before byte 64·k (at the char boundary at or after it)
    marks: Vec<(u32, u32)>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut marks = Vec::new();
        if !ascii {
            let mut next = 0usize;
            for (n, (b, _)) in text.char_indices().enumerate() {
                if b >= next {
                    marks.push((b as u32, n as u32));
                    next = (b / 64 + 1) * 64;
                }
            }
        }
        CharIndex { text, ascii, marks }
    }
    fn at(&self, byte: usize) -> i64 {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte as i64;
        }
        let k = self.marks.partition_point(|&(b, _)| b as usize <= byte);
        let (b, n) = if k == 0 { (0, 0) } else { self.marks[k - 1] };
        // characters that start in [b, byte)
        let extra = self.text.as_bytes()[b as usize..byte].iter().filter(|&&x| (x as i8) >= -0x40).count();
        n as i64 + extra as i64
    }
}

/// An analysed article ready to store.
pub struct Analysed {
    pub article: Article,
    pub analysis: Analysis,
    /// Resolution (key, context) of each local entity.
    pub keys: Vec<(String, String)>,
    /// JSON array of the names each local entity's mentions used.
    pub names: Vec<String>,
    pub fingerprint: crate::dedup::Fingerprint,
}

impl Analysed {
    /// Everything the store needs that can be worked out in the analysis workers.
    pub fn new(article: Article, analysis: Analysis) -> Analysed {
        let keys = crate::resolve::local_keys(&article.id, article.published.as_deref(), &analysis);
        let names = local_names(&analysis).iter().map(|n| serde_json::to_string(n).expect("strings")).collect();
        let text = &article.clean.text;
        let fingerprint = crate::dedup::Fingerprint::of_sentences(analysis.sentences.iter().map(|s| &text[s.start..s.end]));
        Analysed { article, analysis, keys, names, fingerprint }
    }
}

/// The names each local entity goes by: its fullest name first, then the other distinct
/// names, surnames and acronyms its mentions used, in order.
fn local_names(an: &Analysis) -> Vec<Vec<std::borrow::Cow<'_, str>>> {
    use crate::model::{EntityType, MentionKind};
    use std::borrow::Cow;
    let mut out: Vec<Vec<Cow<str>>> = an.entities.iter().map(|e| vec![Cow::Borrowed(e.name.as_str())]).collect();
    for m in &an.mentions {
        if matches!(m.kind, MentionKind::Name | MentionKind::Surname | MentionKind::Acronym) {
            // aliases are names a person would write: the mention's text tidied
            let Some(t) = crate::names::tidy(&m.text) else { continue };
            let t = match an.entities.get(m.entity) {
                Some(e) if e.etype == EntityType::Person => match crate::names::tidy(crate::names::possessor(&t)) {
                    Some(o) => o,
                    None => continue,
                },
                _ => t,
            };
            if let Some(v) = out.get_mut(m.entity) {
                if !v.iter().any(|x| *x == t) {
                    v.push(if t == m.text { Cow::Borrowed(m.text.as_str()) } else { Cow::Owned(t) });
                }
            }
        }
    }
    out
}

/// Writes a batch of analysed articles in one transaction, replacing older versions (which
/// keep their `article.num`).
pub fn write_batch(conn: &mut Connection, batch: &[Analysed]) -> Result<()> {
    let tx = conn.transaction()?;
    {
        let mut del = tx.prepare_cached("DELETE FROM article WHERE id = ?1 RETURNING num")?;
        let mut ins_article = tx.prepare_cached(
            "INSERT INTO article (num, id, hash, path, title, published, source, duplicate_of, text, words) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8, ?9)",
        )?;
        let mut ins_print = tx.prepare_cached("INSERT INTO fingerprint (article, shingles, words, word_count) VALUES (?1, ?2, ?3, ?4)")?;
        let mut ins_sentence = tx.prepare_cached("INSERT INTO sentence (article, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        let mut ins_local = tx.prepare_cached("INSERT INTO local_entity (article, local_id, type, name, key, context, names) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        let mut ins_mention = tx.prepare_cached("INSERT INTO mention (article, idx, local_id, sentence, start, end, text, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        let mut ins_fact = tx.prepare_cached(
            "INSERT INTO fact (article, idx, sentence, subject, predicate, object, object_value, role, detail, confidence, rule, modality, start, end, shown) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1)",
        )?;
        let mut ins_quote = tx.prepare_cached("INSERT INTO quotation (article, idx, speaker, sentence, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        for item in batch {
            let a = &item.article;
            let an = &item.analysis;
            let chars = CharIndex::new(&a.text);
            let orig = |clean_byte: usize| chars.at(a.clean.to_original(clean_byte));
            let old: Option<i64> = del.query_row([&a.id], |r| r.get(0)).optional()?;
            ins_article.execute(params![old, a.id, a.hash, a.path, a.title, a.published, a.source, a.text, a.words as i64])?;
            let num = tx.last_insert_rowid();
            let fp = &item.fingerprint;
            ins_print.execute(params![num, crate::dedup::to_blob(&fp.shingles), crate::dedup::to_blob(&fp.words), fp.word_count as i64])?;
            for s in &an.sentences {
                ins_sentence.execute(params![num, s.idx as i64, orig(s.start), orig(s.end), &a.clean.text[s.start..s.end]])?;
            }
            for (i, e) in an.entities.iter().enumerate() {
                let (key, ctx) = &item.keys[i];
                let ctx = if ctx.is_empty() { None } else { Some(ctx.as_str()) };
                ins_local.execute(params![num, i as i64, e.etype.as_str(), e.name, key, ctx, item.names[i]])?;
            }
            for (i, m) in an.mentions.iter().enumerate() {
                ins_mention.execute(params![num, i as i64, m.entity as i64, m.sentence as i64, orig(m.start), orig(m.end), m.text, m.kind.as_str()])?;
            }
            for (i, f) in an.facts.iter().enumerate() {
                let (obj, val) = match &f.object {
                    FactObject::Entity(o) => (Some(*o as i64), None),
                    FactObject::Date(d) => (None, Some(d.as_str())),
                };
                ins_fact.execute(params![
                    num,
                    i as i64,
                    f.sentence as i64,
                    f.subject as i64,
                    f.predicate.as_str(),
                    obj,
                    val,
                    f.role,
                    f.detail,
                    f.confidence,
                    f.rule,
                    f.modality.as_str(),
                    orig(f.start),
                    orig(f.end)
                ])?;
            }
            for (i, q) in an.quotes.iter().enumerate() {
                ins_quote.execute(params![num, i as i64, q.speaker.map(|s| s as i64), q.sentence as i64, orig(q.start), orig(q.end), q.text])?;
            }
        }
        tx.execute("INSERT INTO meta (key, value) VALUES ('resolved', '0') ON CONFLICT(key) DO UPDATE SET value = '0'", [])?;
    }
    tx.commit()?;
    Ok(())
}

/// Whether a build stored articles but did not finish (interrupted before or while
/// resolving): the facts of those articles are not in the `facts` view yet.
pub fn build_unfinished(conn: &Connection) -> bool {
    let v: rusqlite::Result<Option<String>> = conn.query_row("SELECT value FROM meta WHERE key = 'resolved'", [], |r| r.get(0)).optional();
    matches!(v, Ok(Some(v)) if v == "0")
}

/// Whether articles or the curation file changed since the last resolve.
pub fn needs_resolve(conn: &Connection) -> Result<bool> {
    let v: Option<String> = conn.query_row("SELECT value FROM meta WHERE key = 'resolved'", [], |r| r.get(0)).optional()?;
    let curated: Option<String> = conn.query_row("SELECT value FROM meta WHERE key = 'curation'", [], |r| r.get(0)).optional()?;
    Ok(v.as_deref() == Some("0") || curated != crate::curation::fingerprint_for(conn)?)
}

/// Where the local entities are stored (`article.num` by article id), and for each a hash
/// of what the merge log says of it now.
struct Stored {
    nums: HashMap<Arc<str>, i64>,
    state: Vec<u64>,
}

/// `state_hash` of what the resolver says of a local entity now.
fn state_hash_now(entity: Option<(&str, &resolve::Why)>) -> u64 {
    match entity {
        Some((id, why)) => state_hash(Some(id), Some(why.rule()), why.stored_evidence()),
        None => state_hash(None, None, None),
    }
}

fn state_hash(entity: Option<&str>, rule: Option<&str>, evidence: Option<&str>) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::fasthash::Fnv::default();
    for part in [entity, rule, evidence] {
        match part {
            Some(p) => {
                h.write(&[1]);
                h.write(p.as_bytes());
                h.write(&[0]);
            }
            None => h.write(&[2]),
        }
    }
    h.finish()
}

/// Shares equal strings: a corpus has far fewer distinct names than local entities.
#[derive(Default)]
struct Interner {
    strings: crate::fasthash::FastSet<Arc<str>>,
    lists: crate::fasthash::FastMap<String, Arc<[Arc<str>]>>,
}

impl Interner {
    fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(x) = self.strings.get(s) {
            return x.clone();
        }
        let x: Arc<str> = Arc::from(s);
        self.strings.insert(x.clone());
        x
    }
    /// The names of a local entity, `name` first (as written by `local_names`).
    fn list(&mut self, json: &str, name: &str) -> Result<Arc<[Arc<str>]>> {
        if let Some(x) = self.lists.get(json).filter(|x| x.first().is_some_and(|f| &**f == name)) {
            return Ok(x.clone());
        }
        let names: Vec<String> = serde_json::from_str(json).with_context(|| format!("bad names {json:?} in local_entity"))?;
        let first = std::iter::once(name).chain(names.iter().map(String::as_str).filter(|n| *n != name));
        let x: Arc<[Arc<str>]> = first.map(|n| self.get(n)).collect();
        if names.first().map(String::as_str) == Some(name) {
            self.lists.insert(json.to_string(), x.clone());
        }
        Ok(x)
    }
}

/// The local entities in (article id, local_id) order, with where each is stored and what
/// the merge log says of it now.
fn load_locals_with_state(conn: &Connection) -> Result<(Vec<Local>, Stored)> {
    let n: i64 = conn.query_row("SELECT count(*) FROM local_entity", [], |r| r.get(0))?;
    let mut locals = Vec::with_capacity(n as usize);
    let mut stored = Stored { nums: HashMap::new(), state: Vec::with_capacity(n as usize) };
    let mut intern = Interner::default();
    // in article id order (the resolver's tie-breaks follow it), through the index on
    // article.id: no sorting, no copy
    let mut st = conn.prepare(
        "SELECT a.num, a.id, l.local_id, l.type, l.name, l.key, l.names, m.entity_id, m.rule, m.evidence
         FROM article a JOIN local_entity l ON l.article = a.num
         LEFT JOIN membership m ON m.article = l.article AND m.local_id = l.local_id
         ORDER BY a.id, l.local_id",
    )?;
    let mut rows = st.query([])?;
    let mut article: Option<(i64, Arc<str>)> = None;
    while let Some(r) = rows.next()? {
        let num: i64 = r.get(0)?;
        if article.as_ref().map_or(true, |(n, _)| *n != num) {
            let id: Arc<str> = Arc::from(r.get_ref(1)?.as_str()?);
            stored.nums.insert(id.clone(), num);
            article = Some((num, id));
        }
        let etype = r.get_ref(3)?.as_str()?.parse().map_err(|e: String| anyhow::anyhow!(e))?;
        let opt = |c: usize| -> rusqlite::Result<Option<&str>> { Ok(r.get_ref(c)?.as_str_or_null()?) };
        let state = state_hash(opt(7)?, opt(8)?, opt(9)?);
        locals.push(Local {
            article: article.as_ref().expect("set above").1.clone(),
            local_id: r.get(2)?,
            etype,
            key: intern.get(r.get_ref(5)?.as_str()?),
            names: intern.list(r.get_ref(6)?.as_str()?, r.get_ref(4)?.as_str()?)?,
        });
        stored.state.push(state);
    }
    Ok((locals, stored))
}

/// Runs the resolve stage over the whole corpus and brings the entity layer up to date,
/// writing only the rows whose content changed (a full build writes everything once, in
/// key order; adding an article rewrites little more than that article's rows).
pub fn resolve_all(conn: &mut Connection) -> Result<ResolveTimes> {
    resolve_all_then_write(conn, &|| (), &|| Ok(()))
}

/// `resolve_all`, calling `compared` once articles are compared for copies (the step that
/// keeps every core busy) and `before_write` (which may wait for another connection's
/// writer) before its write transaction begins.
pub fn resolve_all_then_write(conn: &mut Connection, compared: &dyn Fn(), before_write: &dyn Fn() -> Result<()>) -> Result<ResolveTimes> {
    let mut times = ResolveTimes::default();
    let mut clock = std::time::Instant::now();
    let mut peaks: Vec<f64> = Vec::new();
    let mut lap = |slot: &mut std::time::Duration| {
        let now = std::time::Instant::now();
        *slot += now - clock;
        clock = now;
        peaks.push(peak_rss_mb().unwrap_or(0.0));
    };
    // texts first: the ones compared are dropped before the local entities are loaded
    let candidates = crate::dedup::candidates_of(conn)?;
    compared();
    lap(&mut times.dedup);
    let (locals, stored) = load_locals_with_state(conn)?;
    lap(&mut times.load);
    // copies first (their garbled names join the originals'), then the user's decisions
    let mut found = crate::dedup::run(conn, &locals, candidates)?;
    lap(&mut times.dedup);
    let curated = crate::curation::fingerprint_for(conn)?;
    let decisions = crate::curation::for_connection(conn)?;
    let resolved = resolve::resolve_curated(&locals, &found.links, &found.translated, &decisions);
    let pending = std::mem::take(&mut found.pending);
    drop(found);
    lap(&mut times.group);
    // For each local its entity (index into `resolved`; u32::MAX: none), so rows can be
    // rebuilt from `resolved`.
    let mut owner: Vec<u32> = vec![u32::MAX; locals.len()];
    for (e, r) in resolved.iter().enumerate() {
        for (i, _) in &r.members {
            owner[*i] = e as u32;
        }
    }
    let entity_of = |i: usize| -> Option<(&str, &resolve::Why)> {
        let r = resolved.get(owner[i] as usize)?;
        // members are in local order
        let m = r.members.binary_search_by_key(&i, |m| m.0).ok().or_else(|| r.members.iter().position(|m| m.0 == i))?;
        Some((r.id.as_str(), &r.members[m].1))
    };
    let log = |i: usize| -> Option<(&str, &str, Option<&str>)> {
        let (id, why) = entity_of(i)?;
        Some((id, why.rule(), why.stored_evidence()))
    };
    let mut by_id: Vec<usize> = (0..resolved.len()).collect();
    by_id.sort_by(|&a, &b| resolved[a].id.cmp(&resolved[b].id));
    before_write()?;
    let tx = conn.transaction()?;
    crate::dedup::write(&tx, &pending)?;
    drop(pending);
    {
        sync_table(&tx, "entity", &["id"], &["type", "name", "mentions", "articles"], by_id.len(), |k| {
            let r = &resolved[by_id[k]];
            vec![r.id.clone().into(), r.etype.as_str().to_string().into(), r.name.clone().into(), (r.members.len() as i64).into(), (r.articles as i64).into()]
        })?;
        let alias_rows: Vec<(u32, &str)> = by_id.iter().flat_map(|&e| resolved[e].aliases.keys().map(move |a| (e as u32, a.as_str()))).collect();
        sync_table(&tx, "alias", &["entity_id", "alias"], &["seen"], alias_rows.len(), |k| {
            let (e, a) = alias_rows[k];
            let r = &resolved[e as usize];
            vec![r.id.clone().into(), a.to_string().into(), r.aliases[a].into()]
        })?;
        drop(alias_rows);
        // the merge log: write the rows whose entity or reason changed, in storage order
        let num = |i: usize| stored.nums[&locals[i].article];
        let mut changed: Vec<u32> = (0..locals.len() as u32)
            .filter(|&i| {
                let i = i as usize;
                stored.state[i] != state_hash_now(entity_of(i))
            })
            .collect();
        changed.sort_by_key(|&i| (num(i as usize), locals[i as usize].local_id));
        times.rewritten = changed.len();
        let mut set = tx.prepare(
            "INSERT INTO membership (article, local_id, entity_id, rule, evidence) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (article, local_id) DO UPDATE SET entity_id = excluded.entity_id, rule = excluded.rule, evidence = excluded.evidence",
        )?;
        let mut unset = tx.prepare("DELETE FROM membership WHERE article = ?1 AND local_id = ?2")?;
        for i in changed {
            let i = i as usize;
            match log(i) {
                Some((id, rule, evidence)) => set.execute(params![num(i), locals[i].local_id, id, rule, evidence])?,
                None => unset.execute(params![num(i), locals[i].local_id])?,
            };
        }
    }
    lap(&mut times.write);
    // One row per fact per article in `facts`: hide restatements that resolution made equal.
    mark_shown(&tx)?;
    tx.execute("INSERT INTO meta (key, value) VALUES ('resolved', '1') ON CONFLICT(key) DO UPDATE SET value = '1'", [])?;
    tx.execute("INSERT INTO meta (key, value) VALUES ('reader', ?1) ON CONFLICT(key) DO UPDATE SET value = ?1", [READER])?;
    // the curation file as applied: a decision added by hand makes the next build resolve
    match curated {
        Some(h) => tx.execute("INSERT INTO meta (key, value) VALUES ('curation', ?1) ON CONFLICT(key) DO UPDATE SET value = ?1", [h])?,
        None => tx.execute("DELETE FROM meta WHERE key = 'curation'", [])?,
    };
    tx.commit()?;
    lap(&mut times.shown);
    times.entities = resolved.len();
    times.peak_mb = peaks;
    Ok(times)
}

/// Where the resolve stage spent its time (wall).
#[derive(Debug, Clone, Default)]
pub struct ResolveTimes {
    pub entities: usize,
    /// Local entities whose entity or merge-log reason changed (rows rewritten).
    pub rewritten: usize,
    /// Reading the local entities.
    pub load: std::time::Duration,
    /// Finding copies and translated copies.
    pub dedup: std::time::Duration,
    /// Keys, joins, names and ids.
    pub group: std::time::Duration,
    /// Writing entities, aliases and the merge log.
    pub write: std::time::Duration,
    /// Marking restated facts, committing.
    pub shown: std::time::Duration,
    /// Peak memory of the process (MB) at the end of each step above, in the order run.
    pub peak_mb: Vec<f64>,
}

/// Peak resident memory of this process so far (Linux; None elsewhere).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Above this many changed rows (and a quarter of the table), indexes are dropped while
/// writing and rebuilt after: one sort beats many random index updates.
const BULK_ROWS: usize = 5000;

/// Drops the explicit indexes of `table`, returning the SQL that recreates them.
fn drop_indexes(tx: &rusqlite::Transaction, table: &str) -> Result<Vec<(String, String)>> {
    let mut st = tx.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name")?;
    let found: Vec<(String, String)> = st.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    for (name, _) in &found {
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    Ok(found)
}

fn restore_indexes(tx: &rusqlite::Transaction, indexes: &[(String, String)]) -> Result<()> {
    for (_, sql) in indexes {
        tx.execute_batch(sql)?;
    }
    Ok(())
}

/// SQLite's order for the key values used here (INTEGER, TEXT with BINARY collation).
fn cmp_values(a: &[Value], b: &[Value]) -> std::cmp::Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Integer(_) | Value::Real(_) => 1,
            Value::Text(_) => 2,
            Value::Blob(_) => 3,
        }
    }
    for (x, y) in a.iter().zip(b) {
        let o = match (x, y) {
            (Value::Integer(p), Value::Integer(q)) => p.cmp(q),
            (Value::Text(p), Value::Text(q)) => p.as_bytes().cmp(q.as_bytes()),
            (Value::Real(p), Value::Real(q)) => p.total_cmp(q),
            _ => rank(x).cmp(&rank(y)),
        };
        if o != std::cmp::Ordering::Equal {
            return o;
        }
    }
    std::cmp::Ordering::Equal
}

/// Makes `table` hold exactly the `n` rows given by `row(k)` (key columns, then value
/// columns; k in key order), touching only rows that differ. Existing rows are streamed in
/// key order and compared, so neither side is held in memory as a whole.
fn sync_table<F>(tx: &rusqlite::Transaction, table: &str, keys: &[&str], vals: &[&str], n: usize, row: F) -> Result<()>
where
    F: Fn(usize) -> Vec<Value>,
{
    enum Op {
        Put(usize),
        Del(Vec<Value>),
    }
    let cols: Vec<&str> = keys.iter().chain(vals).copied().collect();
    let mut ops: Vec<Op> = Vec::new();
    {
        let mut st = tx.prepare(&format!("SELECT {} FROM {table} ORDER BY {}", cols.join(", "), keys.join(", ")))?;
        let mut rows = st.query([])?;
        let mut k = 0;
        while let Some(r) = rows.next()? {
            let old: Vec<Value> = (0..cols.len()).map(|c| r.get(c)).collect::<rusqlite::Result<_>>()?;
            loop {
                if k == n {
                    ops.push(Op::Del(old[..keys.len()].to_vec()));
                    break;
                }
                let new = row(k);
                match cmp_values(&new[..keys.len()], &old[..keys.len()]) {
                    std::cmp::Ordering::Less => {
                        ops.push(Op::Put(k));
                        k += 1;
                    }
                    std::cmp::Ordering::Equal => {
                        if new != old {
                            ops.push(Op::Put(k));
                        }
                        k += 1;
                        break;
                    }
                    std::cmp::Ordering::Greater => {
                        ops.push(Op::Del(old[..keys.len()].to_vec()));
                        break;
                    }
                }
            }
        }
        ops.extend((k..n).map(Op::Put));
    }
    let bulk = ops.len() > BULK_ROWS && ops.len() * 4 > n;
    let indexes = if bulk { drop_indexes(tx, table)? } else { Vec::new() };
    let place = |from: usize, count: usize| (from..from + count).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let key_match = keys.iter().enumerate().map(|(i, k)| format!("{k} = ?{}", i + 1)).collect::<Vec<_>>().join(" AND ");
    let mut del = tx.prepare(&format!("DELETE FROM {table} WHERE {key_match}"))?;
    let mut put = tx.prepare(&format!(
        "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT ({}) DO UPDATE SET {}",
        cols.join(", "),
        place(1, cols.len()),
        keys.join(", "),
        vals.iter().map(|v| format!("{v} = excluded.{v}")).collect::<Vec<_>>().join(", ")
    ))?;
    for op in ops {
        match op {
            Op::Del(key) => del.execute(rusqlite::params_from_iter(key))?,
            Op::Put(k) => put.execute(rusqlite::params_from_iter(row(k)))?,
        };
    }
    restore_indexes(tx, &indexes)?;
    Ok(())
}

/// Sets `fact.subject_entity` and `fact.object_entity` from the local entities, and
/// `fact.shown`: within an article, of the facts that say the same thing about the same
/// corpus entities, only the most confident (then the first) is shown.
fn mark_shown(tx: &rusqlite::Transaction) -> Result<()> {
    let mut st = tx.prepare(
        "SELECT f.article, f.idx, f.predicate, f.modality, ls.entity_id, lo.entity_id, f.object_value, f.confidence, f.shown,
                f.subject_entity, f.object_entity
         FROM fact f
         LEFT JOIN membership ls ON ls.article = f.article AND ls.local_id = f.subject
         LEFT JOIN membership lo ON lo.article = f.article AND lo.local_id = f.object
         ORDER BY f.article, f.idx",
    )?;
    type Key = (String, String, Option<String>, Option<String>, Option<String>);
    struct Row {
        idx: i64,
        key: Key,
        shown: i64,
        /// (subject, object) entities now, and as stored
        ends: (Option<String>, Option<String>),
        stored: (Option<String>, Option<String>),
    }
    /// (article, idx, shown, (subject entity, object entity)) to write
    type Change = (i64, i64, i64, (Option<String>, Option<String>));
    let mut changes: Vec<Change> = Vec::new();
    let mut current: i64 = -1;
    let mut best: HashMap<Key, (f64, i64)> = HashMap::new();
    let mut rows_of_article: Vec<Row> = Vec::new();
    let flush = |article: i64, rows: &mut Vec<Row>, best: &mut HashMap<Key, (f64, i64)>, changes: &mut Vec<Change>| {
        for row in rows.drain(..) {
            let keep = best.get(&row.key).is_some_and(|&(_, b)| b == row.idx);
            let want = keep as i64;
            if want != row.shown || row.ends != row.stored {
                changes.push((article, row.idx, want, row.ends));
            }
        }
        best.clear();
    };
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let article: i64 = r.get(0)?;
        if article != current {
            flush(current, &mut rows_of_article, &mut best, &mut changes);
            current = article;
        }
        let idx: i64 = r.get(1)?;
        let pred: String = r.get(2)?;
        let (s_id, o_id): (Option<String>, Option<String>) = (r.get(4)?, r.get(5)?);
        let ends = (s_id.clone(), o_id.clone());
        // symmetric predicates hold both ways: one key for both orders
        let (s_id, o_id) = if crate::model::Predicate::ALL.iter().any(|p| p.as_str() == pred && p.is_symmetric()) && o_id < s_id {
            (o_id, s_id)
        } else {
            (s_id, o_id)
        };
        let key: Key = (pred, r.get(3)?, s_id, o_id, r.get(6)?);
        let conf: f64 = r.get(7)?;
        let shown: i64 = r.get(8)?;
        let e = best.entry(key.clone()).or_insert((conf, idx));
        if conf > e.0 {
            *e = (conf, idx);
        }
        rows_of_article.push(Row { idx, key, shown, ends, stored: (r.get(9)?, r.get(10)?) });
    }
    flush(current, &mut rows_of_article, &mut best, &mut changes);
    drop(rows);
    let mut up = tx.prepare("UPDATE fact SET shown = ?3, subject_entity = ?4, object_entity = ?5 WHERE article = ?1 AND idx = ?2")?;
    for (a, i, v, (s, o)) in changes {
        up.execute(params![a, i, v, s, o])?;
    }
    Ok(())
}

/// Bytes of terms FTS5 holds in memory before it writes them out.
const FTS_HASH_BYTES: i64 = 8 << 20;

/// Adds the sentences not yet in `sentence_fts` to it, in one transaction; returns how many.
/// Unindexed sentences all have larger rowids than indexed ones: every build indexes all
/// of them, and new rows get rowids above the largest.
pub fn index_sentences(conn: &Connection) -> Result<usize> {
    const NEW: &str = "SELECT rowid, text FROM sentence WHERE rowid > (SELECT coalesce(max(id), 0) FROM sentence_fts_docsize)";
    // nothing to index: nothing written (each write changes FTS5's structure record)
    if !conn.query_row(&format!("SELECT EXISTS ({NEW})"), [], |r| r.get::<_, bool>(0))? {
        return Ok(0);
    }
    let tx = conn.unchecked_transaction()?;
    // FTS5 writes its pending terms out as a new segment every `hashsize` bytes (1 MB by
    // default) and merges the segments as it goes; with 8 MB the White House corpus (39 MB
    // of sentences) is indexed in 2.0 s instead of 3.1 s
    let hash: Option<i64> = tx.query_row("SELECT v FROM sentence_fts_config WHERE k = 'hashsize'", [], |r| r.get(0)).optional()?;
    if hash != Some(FTS_HASH_BYTES) {
        tx.execute("INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('hashsize', ?1)", [FTS_HASH_BYTES])?;
    }
    let n = tx.execute(&format!("INSERT INTO sentence_fts (rowid, text) {NEW} ORDER BY rowid"), [])?;
    tx.commit()?;
    Ok(n)
}

/// Row counts of the main tables, for summaries and tests.
pub fn counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut out = Vec::new();
    for t in ["article", "sentence", "local_entity", "mention", "fact", "quotation", "entity", "alias"] {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
        out.push((t.to_string(), n));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{state_hash, state_hash_now, CharIndex};
    use crate::resolve::Why;

    #[test]
    fn merge_log_states_differ_when_any_part_does() {
        let joined = Why::Joined(Box::new(("surname, same article".into(), "\"Roe\" in a".into())));
        let all = [
            state_hash_now(None),
            state_hash_now(Some(("person:jane-roe", &Why::SameName))),
            state_hash_now(Some(("person:jane-roe", &Why::SameKey))),
            state_hash_now(Some(("person:jane-roe~2", &Why::SameKey))),
            state_hash_now(Some(("person:jane-roe", &joined))),
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|b| b != a));
        }
        assert_ne!(state_hash(Some("a"), None, None), state_hash(None, Some("a"), None));
    }

    #[test]
    fn char_offsets_match_counting() {
        let text = "Ахмед said “yes” — twice. ".repeat(20) + "end";
        let idx = CharIndex::new(&text);
        for b in 0..=text.len() + 3 {
            let want = text.char_indices().filter(|(i, _)| *i < b.min(text.len())).count() as i64;
            assert_eq!(idx.at(b), want, "byte {b}");
        }
        assert_eq!(CharIndex::new("plain").at(3), 3);
    }
}
