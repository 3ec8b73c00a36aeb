//! The store stage: SQLite. `schema.sql` (top level) is the schema; this module writes
//! articles with everything read from them, one transaction per batch, and the entity
//! layer after resolution.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::model::{Analysis, Article, FactObject};
use crate::resolve::{self, Local};

pub const SCHEMA: &str = include_str!("../schema.sql");
/// Bump when schema.sql changes in a way old databases cannot follow.
pub const SCHEMA_VERSION: i64 = 1;

/// Opens (creating if needed) a database for writing and applies the schema.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let conn = Connection::open(path).with_context(|| format!("cannot open database {}", path.display()))?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        bail!("{} was written by a newer newsgraph (schema {version}, this one knows {SCHEMA_VERSION})", path.display());
    }
    if version != 0 && version < SCHEMA_VERSION {
        bail!("{} has an older schema ({version}); delete it and build again", path.display());
    }
    conn.execute_batch(SCHEMA).context("applying schema.sql")?;
    conn.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))?;
    Ok(conn)
}

/// Opens an existing database read-only (for `query`, `export`, `eval`).
pub fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.exists() {
        bail!("no database at {} (run `newsgraph build` first)", path.display());
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_context(|| format!("cannot open database {}", path.display()))?;
    conn.execute_batch("PRAGMA query_only = ON;")?;
    Ok(conn)
}

/// Content hashes of the stored articles, by id.
pub fn article_hashes(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut st = conn.prepare("SELECT id, hash FROM article")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Byte offset → character offset, for one text.
struct CharIndex {
    /// chars before each byte boundary (valid at char boundaries)
    before: Vec<u32>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        let mut before = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        let mut last = 0;
        for (b, _) in text.char_indices() {
            for x in before.iter_mut().take(b + 1).skip(last) {
                *x = n;
            }
            n += 1;
            last = b + 1;
        }
        for x in before.iter_mut().skip(last) {
            *x = n;
        }
        CharIndex { before }
    }
    fn at(&self, byte: usize) -> i64 {
        self.before[byte.min(self.before.len() - 1)] as i64
    }
}

/// An analysed article ready to store.
pub struct Analysed {
    pub article: Article,
    pub analysis: Analysis,
    pub keys: Vec<(String, String)>,
}

/// Writes a batch of analysed articles in one transaction, replacing older versions.
pub fn write_batch(conn: &mut Connection, batch: &[Analysed]) -> Result<()> {
    let tx = conn.transaction()?;
    {
        let mut del = tx.prepare_cached("DELETE FROM article WHERE id = ?1")?;
        let mut ins_article = tx.prepare_cached(
            "INSERT INTO article (id, hash, path, title, published, source, duplicate_of, text, words) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8)",
        )?;
        let mut ins_sentence = tx.prepare_cached("INSERT INTO sentence (article, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        let mut ins_local = tx.prepare_cached("INSERT INTO local_entity (article, local_id, type, name, key, context, entity_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL)")?;
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
            del.execute([&a.id])?;
            let words = a.clean.text.split_whitespace().count() as i64;
            ins_article.execute(params![a.id, a.hash, a.path, a.title, a.published, a.source, a.text, words])?;
            for s in &an.sentences {
                ins_sentence.execute(params![a.id, s.idx as i64, orig(s.start), orig(s.end), &a.clean.text[s.start..s.end]])?;
            }
            for (i, e) in an.entities.iter().enumerate() {
                let (key, ctx) = &item.keys[i];
                let ctx = if ctx.is_empty() { None } else { Some(ctx.as_str()) };
                ins_local.execute(params![a.id, i as i64, e.etype.as_str(), e.name, key, ctx])?;
            }
            for (i, m) in an.mentions.iter().enumerate() {
                ins_mention.execute(params![a.id, i as i64, m.entity as i64, m.sentence as i64, orig(m.start), orig(m.end), m.text, m.kind.as_str()])?;
            }
            for (i, f) in an.facts.iter().enumerate() {
                let (obj, val) = match &f.object {
                    FactObject::Entity(o) => (Some(*o as i64), None),
                    FactObject::Date(d) => (None, Some(d.as_str())),
                };
                ins_fact.execute(params![
                    a.id,
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
                ins_quote.execute(params![a.id, i as i64, q.speaker.map(|s| s as i64), q.sentence as i64, orig(q.start), orig(q.end), q.text])?;
            }
        }
        tx.execute("INSERT INTO meta (key, value) VALUES ('resolved', '0') ON CONFLICT(key) DO UPDATE SET value = '0'", [])?;
    }
    tx.commit()?;
    Ok(())
}

/// Whether articles changed since the last resolve.
pub fn needs_resolve(conn: &Connection) -> Result<bool> {
    let v: Option<String> = conn.query_row("SELECT value FROM meta WHERE key = 'resolved'", [], |r| r.get(0)).optional()?;
    Ok(v.as_deref() == Some("0"))
}

/// Reads every local entity with the names its mentions used.
pub fn load_locals(conn: &Connection) -> Result<Vec<Local>> {
    let mut names: HashMap<(String, i64), Vec<String>> = HashMap::new();
    let mut st = conn.prepare("SELECT article, local_id, text FROM mention WHERE kind IN ('name', 'surname', 'acronym') ORDER BY article, idx")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let key: (String, i64) = (r.get(0)?, r.get(1)?);
        let t: String = r.get(2)?;
        let v = names.entry(key).or_default();
        if !v.contains(&t) {
            v.push(t);
        }
    }
    let mut st = conn.prepare("SELECT article, local_id, type, name, key FROM local_entity ORDER BY article, local_id")?;
    let mut rows = st.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let article: String = r.get(0)?;
        let local_id: i64 = r.get(1)?;
        let t: String = r.get(2)?;
        let etype = t.parse().map_err(|e: String| anyhow::anyhow!(e))?;
        let name: String = r.get(3)?;
        let mut n = names.remove(&(article.clone(), local_id)).unwrap_or_default();
        if !n.contains(&name) {
            n.insert(0, name.clone());
        }
        out.push(Local { article, local_id, etype, name, key: r.get(4)?, names: n });
    }
    Ok(out)
}

/// Runs the resolve stage over the whole corpus and rewrites the entity layer.
pub fn resolve_all(conn: &mut Connection) -> Result<usize> {
    let locals = load_locals(conn)?;
    let resolved = resolve::resolve(&locals);
    let tx = conn.transaction()?;
    tx.execute_batch("DELETE FROM alias; DELETE FROM merge_log; DELETE FROM entity;")?;
    {
        let mut ins_e = tx.prepare("INSERT INTO entity (id, type, name, mentions, articles) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        let mut ins_a = tx.prepare("INSERT INTO alias (entity_id, alias, seen) VALUES (?1, ?2, ?3)")?;
        let mut ins_m = tx.prepare("INSERT INTO merge_log (entity_id, article, local_id, name, rule, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        let mut set = tx.prepare("UPDATE local_entity SET entity_id = ?1 WHERE article = ?2 AND local_id = ?3 AND entity_id IS NOT ?1")?;
        for r in &resolved {
            ins_e.execute(params![r.id, r.etype.as_str(), r.name, r.members.len() as i64, r.articles as i64])?;
            for (alias, seen) in &r.aliases {
                ins_a.execute(params![r.id, alias, seen])?;
            }
            for (i, rule, evidence) in &r.members {
                let l = &locals[*i];
                set.execute(params![r.id, l.article, l.local_id])?;
                ins_m.execute(params![r.id, l.article, l.local_id, l.name, rule, evidence])?;
            }
        }
    }
    // One row per fact per article in `facts`: hide restatements that resolution made equal.
    mark_shown(&tx)?;
    tx.execute("INSERT INTO meta (key, value) VALUES ('resolved', '1') ON CONFLICT(key) DO UPDATE SET value = '1'", [])?;
    tx.commit()?;
    Ok(resolved.len())
}

/// Sets `fact.shown`: within an article, of the facts that say the same thing about the same
/// corpus entities, only the most confident (then the first) is shown.
fn mark_shown(tx: &rusqlite::Transaction) -> Result<()> {
    let mut st = tx.prepare(
        "SELECT f.article, f.idx, f.predicate, f.modality, ls.entity_id, lo.entity_id, f.object_value, f.confidence, f.shown
         FROM fact f
         JOIN local_entity ls ON ls.article = f.article AND ls.local_id = f.subject
         LEFT JOIN local_entity lo ON lo.article = f.article AND lo.local_id = f.object
         ORDER BY f.article, f.idx",
    )?;
    type Key = (String, String, Option<String>, Option<String>, Option<String>);
    let mut changes: Vec<(String, i64, i64)> = Vec::new();
    let mut current = String::new();
    let mut best: HashMap<Key, (f64, i64)> = HashMap::new();
    let mut rows_of_article: Vec<(i64, Key, f64, i64)> = Vec::new();
    let mut flush = |article: &str, rows: &mut Vec<(i64, Key, f64, i64)>, best: &mut HashMap<Key, (f64, i64)>, changes: &mut Vec<(String, i64, i64)>| {
        for (idx, key, _, shown) in rows.iter() {
            let keep = best.get(key).is_some_and(|&(_, b)| b == *idx);
            let want = keep as i64;
            if want != *shown {
                changes.push((article.to_string(), *idx, want));
            }
        }
        rows.clear();
        best.clear();
    };
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let article: String = r.get(0)?;
        if article != current {
            flush(&current, &mut rows_of_article, &mut best, &mut changes);
            current = article;
        }
        let idx: i64 = r.get(1)?;
        let pred: String = r.get(2)?;
        let (s_id, o_id): (Option<String>, Option<String>) = (r.get(4)?, r.get(5)?);
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
        rows_of_article.push((idx, key, conf, shown));
    }
    flush(&current, &mut rows_of_article, &mut best, &mut changes);
    drop(rows);
    let mut up = tx.prepare("UPDATE fact SET shown = ?3 WHERE article = ?1 AND idx = ?2")?;
    for (a, i, v) in changes {
        up.execute(params![a, i, v])?;
    }
    Ok(())
}

/// Row counts of the main tables, for summaries and tests.
pub fn counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut out = Vec::new();
    for t in ["article", "sentence", "local_entity", "mention", "fact", "quotation", "entity", "alias", "merge_log"] {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
        out.push((t.to_string(), n));
    }
    Ok(out)
}
