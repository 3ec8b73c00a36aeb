//! User decisions about entities, kept in a plain CSV file beside the database
//! (`out/kg.curation.csv` for `out/kg.db`; an older `out/curation.csv` is still read when
//! there is no such file) so they can be reviewed, kept under version control, and
//! applied again by every later build.
//!
//! ```text
//! action,type,name,other
//! merge,PERSON,Jane Roe,J. Roe
//! split,PERSON,Jane Roe,Jane Doe
//! ```
//!
//! `merge`: the entity called `name` and the entity called `other` are one.
//! `split`: the local entities called `other` leave the entity called `name`.
//! `retype`: the entity called `name` has the type `other`.
//! Entities are found by name or alias (folded), so decisions survive rebuilds from
//! scratch. Decisions apply in file order; a later line can undo an earlier one.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use rusqlite::OptionalExtension;

use crate::model::EntityType;
use crate::names::fold;
use crate::resolve::{Cluster, Local};

/// The file name before decisions were kept per database.
pub const FILE_NAME: &str = "curation.csv";
const HEADER: &str = "action,type,name,other\n";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Merge,
    Split,
    Retype,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Merge => "merge",
            Action::Split => "split",
            Action::Retype => "retype",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub action: Action,
    pub etype: EntityType,
    pub name: String,
    pub other: String,
    /// Line in the file, for the merge log.
    pub line: usize,
}

/// The curation file that belongs to a database: `kg.curation.csv` beside `kg.db`, else
/// (while only that exists) the older `curation.csv` shared by the folder.
pub fn path_for(db: &Path) -> PathBuf {
    let dir = db.parent().unwrap_or(Path::new(""));
    let stem = db.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "kg".into());
    let own = dir.join(format!("{stem}.curation.csv"));
    let old = dir.join(FILE_NAME);
    if !own.exists() && old.exists() {
        old
    } else {
        own
    }
}

/// The decisions for the database `conn` has open (none for an in-memory database).
pub fn for_connection(conn: &rusqlite::Connection) -> Result<Vec<Decision>> {
    match conn.path().filter(|p| !p.is_empty()) {
        Some(p) => load(&path_for(Path::new(p))),
        None => Ok(Vec::new()),
    }
}

/// A hash of the curation file of the database `conn` has open (None: no file), stored
/// by the resolve stage so a changed file is noticed.
pub fn fingerprint_for(conn: &rusqlite::Connection) -> Result<Option<String>> {
    let Some(p) = conn.path().filter(|p| !p.is_empty()) else { return Ok(None) };
    let path = path_for(Path::new(p));
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(blake3::hash(&bytes).to_hex().to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// Reads the decisions; a missing file means none.
pub fn load(path: &Path) -> Result<Vec<Decision>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse(&text).with_context(|| format!("in {}", path.display()))
}

pub fn parse(text: &str) -> Result<Vec<Decision>> {
    let mut rd = csv::ReaderBuilder::new().has_headers(false).comment(Some(b'#')).flexible(true).from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in rd.records() {
        let rec = rec?;
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        let f = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        let action = match f(0).to_lowercase().as_str() {
            "merge" => Action::Merge,
            "split" => Action::Split,
            "retype" => Action::Retype,
            "action" | "" => continue,
            other => bail!("line {line}: unknown action {other:?} (merge, split or retype)"),
        };
        let etype: EntityType = f(1).to_uppercase().parse().map_err(|e: String| anyhow::anyhow!("line {line}: {e}"))?;
        let (name, other) = (f(2), f(3));
        if name.is_empty() || other.is_empty() {
            bail!("line {line}: a {} needs two names", f(0));
        }
        if action == Action::Retype {
            other.to_uppercase().parse::<EntityType>().map_err(|e: String| anyhow::anyhow!("line {line}: {e}"))?;
        }
        out.push(Decision { action, etype, name, other, line });
    }
    Ok(out)
}

/// Appends one decision, creating the file with its header; one already there (a merge
/// run again) is not written twice.
pub fn append(path: &Path, action: Action, etype: EntityType, name: &str, other: &str) -> Result<()> {
    let mut text = if path.exists() { std::fs::read_to_string(path)? } else { HEADER.to_string() };
    let same = |d: &Decision| d.action == action && d.etype == etype && fold(&d.name) == fold(name) && fold(&d.other) == fold(other);
    if parse(&text).is_ok_and(|ds| ds.iter().any(same)) {
        return Ok(());
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    w.write_record([action.as_str(), etype.as_str(), name, other])?;
    text.push_str(&String::from_utf8(w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Whether a local entity goes by `name` (its fullest name first, then any alias).
fn called(l: &Local, f: &str, fullest_only: bool) -> bool {
    fold(l.name()) == f || (!fullest_only && l.names.iter().any(|n| fold(n) == f))
}

/// The cluster that goes by `name`: one with a member whose fullest name it is, else one
/// with a member using it as an alias; the biggest wins a tie, then the first.
fn find(clusters: &[Cluster], locals: &[Local], etype: EntityType, name: &str) -> Option<usize> {
    let f = fold(name);
    for fullest in [true, false] {
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| c.members.iter().any(|&i| locals[i].etype == etype && called(&locals[i], &f, fullest)))
            .max_by(|a, b| a.1.members.len().cmp(&b.1.members.len()).then(b.0.cmp(&a.0)));
        if let Some((k, _)) = best {
            return Some(k);
        }
    }
    None
}

/// Applies the decisions to the resolver's clusters, recording the reason on every local
/// entity they move. Decisions that name nothing in the corpus are skipped.
pub fn apply(clusters: &mut Vec<Cluster>, locals: &[Local], decisions: &[Decision]) {
    for d in decisions {
        let Some(a) = find(clusters, locals, d.etype, &d.name) else { continue };
        match d.action {
            Action::Merge => {
                let Some(b) = find(clusters, locals, d.etype, &d.other) else { continue };
                if a == b {
                    continue;
                }
                let moved = std::mem::take(&mut clusters[b]);
                let why = (format!("user merge (curation line {})", d.line), format!("{:?} and {:?} are one entity", d.name, d.other));
                clusters[a].members.extend(moved.members);
                clusters[a].why.extend(moved.why.into_iter().map(|_| Some(Box::new(why.clone()))));
                clusters[a].name = Some(d.name.clone());
            }
            Action::Split => {
                let f = fold(&d.other);
                let c = &mut clusters[a];
                // the parts whose fullest name it is, else those that used it at all
                let mut out: Vec<usize> = (0..c.members.len()).filter(|&k| called(&locals[c.members[k]], &f, true)).collect();
                if out.is_empty() {
                    out = (0..c.members.len()).filter(|&k| called(&locals[c.members[k]], &f, false)).collect();
                }
                if out.is_empty() || out.len() == c.members.len() {
                    continue;
                }
                let why = (format!("user split (curation line {})", d.line), format!("{:?} is not {:?}", d.other, d.name));
                let mut new = Cluster::default();
                for &k in out.iter().rev() {
                    new.members.push(c.members.remove(k));
                    c.why.remove(k);
                    new.why.push(Some(Box::new(why.clone())));
                }
                clusters.push(new);
            }
            Action::Retype => {
                clusters[a].etype = d.other.to_uppercase().parse().ok();
            }
        }
    }
    clusters.retain(|c| !c.members.is_empty());
    for c in clusters.iter_mut() {
        let mut both: Vec<(usize, Option<crate::resolve::Reason>)> = c.members.drain(..).zip(c.why.drain(..)).collect();
        both.sort_by_key(|x| x.0);
        (c.members, c.why) = both.into_iter().unzip();
    }
    crate::resolve::sort_clusters(locals, clusters);
}

/// An entity of the database: (id, type, canonical name).
pub type EntityRef = (String, EntityType, String);

/// Finds the entity a user means: an id, else a canonical name, else an alias (folded);
/// an error lists the candidates when the words fit several.
pub fn find_entity(conn: &rusqlite::Connection, what: &str) -> Result<EntityRef> {
    let row = |r: &rusqlite::Row| -> rusqlite::Result<(String, String, String)> { Ok((r.get(0)?, r.get(1)?, r.get(2)?)) };
    let mut hits: Vec<(String, String, String)> = conn.prepare("SELECT id, type, name FROM entity WHERE id = ?1")?.query_map([what], row)?.collect::<rusqlite::Result<_>>()?;
    if hits.is_empty() {
        let f = fold(what);
        let all: Vec<(String, String, String)> = conn.prepare("SELECT id, type, name FROM entity ORDER BY id")?.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
        hits = all.iter().filter(|e| fold(&e.2) == f).cloned().collect();
        if hits.is_empty() {
            let ids: std::collections::BTreeSet<String> = conn
                .prepare("SELECT entity_id, alias FROM alias")?
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                .filter_map(|x| x.ok())
                .filter(|(_, a)| fold(a) == f)
                .map(|(e, _)| e)
                .collect();
            hits = all.into_iter().filter(|e| ids.contains(&e.0)).collect();
        }
    }
    match hits.len() {
        0 => bail!("no entity is called {what:?} (see `newsgraph entities`)"),
        1 => {
            let (id, t, name) = hits.remove(0);
            Ok((id, t.parse().map_err(|e: String| anyhow::anyhow!(e))?, name))
        }
        _ => bail!("{what:?} fits several entities, use an id: {}", hits.iter().map(|h| h.0.as_str()).collect::<Vec<_>>().join(", ")),
    }
}

/// `newsgraph merge A B`: records that A and B are one entity and resolves again.
/// Returns the id of the merged entity.
pub fn merge(conn: &mut rusqlite::Connection, file: &Path, a: &str, b: &str) -> Result<String> {
    let (ida, ta, na) = find_entity(conn, a)?;
    let (idb, tb, nb) = find_entity(conn, b)?;
    if ida == idb {
        bail!("{a:?} and {b:?} are already one entity ({ida})");
    }
    if ta != tb {
        bail!("{ida} is a {} and {idb} a {}: only entities of one type can be merged", ta.as_str(), tb.as_str());
    }
    // the merged entity is the one a part of A is in afterwards (a name may fit another type)
    let part: (i64, i64) = conn.query_row("SELECT article, local_id FROM membership WHERE entity_id = ?1 LIMIT 1", [&ida], |r| Ok((r.get(0)?, r.get(1)?)))?;
    append(file, Action::Merge, ta, &na, &nb)?;
    crate::store::resolve_all(conn)?;
    let id: Option<String> = conn.query_row("SELECT entity_id FROM membership WHERE article = ?1 AND local_id = ?2", [part.0, part.1], |r| r.get(0)).optional()?;
    id.ok_or_else(|| anyhow::anyhow!("the merge left {ida}'s parts without an entity"))
}

/// `newsgraph split ENTITY ALIAS`: records that the local entities called ALIAS are not
/// ENTITY and resolves again. Returns the id of the entity split off.
pub fn split(conn: &mut rusqlite::Connection, file: &Path, entity: &str, alias: &str) -> Result<String> {
    let (id, t, name) = find_entity(conn, entity)?;
    let f = fold(alias);
    let names: Vec<String> = conn.prepare("SELECT name FROM merge_log WHERE entity_id = ?1")?.query_map([&id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if !names.iter().any(|n| fold(n) == f) {
        let aliases: Vec<String> = conn.prepare("SELECT alias FROM alias WHERE entity_id = ?1 ORDER BY seen DESC, alias")?.query_map([&id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        if !aliases.iter().any(|n| fold(n) == f) {
            bail!("no part of {id} is called {alias:?}; its names: {}", cut(&aliases, 10));
        }
    }
    if names.iter().all(|n| fold(n) == f) {
        bail!("every part of {id} is called {alias:?}: nothing would be left");
    }
    append(file, Action::Split, t, &name, alias)?;
    crate::store::resolve_all(conn)?;
    let mut st = conn.prepare("SELECT entity_id FROM merge_log WHERE name = ?1 ORDER BY entity_id")?;
    let ids: Vec<String> = st.query_map([alias], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    match ids.into_iter().find(|x| *x != id) {
        Some(x) => Ok(x),
        // an alias that was not a part's fullest name: the part that used it
        None => Ok(conn
            .query_row("SELECT entity_id FROM entity_aliases WHERE alias = ?1 AND entity_id != ?2 ORDER BY entity_id LIMIT 1", [alias, &id], |r| r.get(0))
            .unwrap_or_default()),
    }
}

/// A list for a message: the first `n` items and how many more there are.
pub fn cut(items: &[String], n: usize) -> String {
    let mut s = items.iter().take(n).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > n {
        s.push_str(&format!(" … and {} more", items.len() - n));
    }
    s
}

/// `newsgraph retype ENTITY TYPE`: records the entity's type and resolves again. Returns
/// the entity's new id.
pub fn retype(conn: &mut rusqlite::Connection, file: &Path, entity: &str, etype: EntityType) -> Result<String> {
    let (id, t, name) = find_entity(conn, entity)?;
    if t == etype {
        bail!("{id} is already a {}", t.as_str());
    }
    let part: (i64, i64) = conn.query_row("SELECT article, local_id FROM membership WHERE entity_id = ?1 LIMIT 1", [&id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    append(file, Action::Retype, t, &name, etype.as_str())?;
    crate::store::resolve_all(conn)?;
    let new: Option<String> = conn.query_row("SELECT entity_id FROM membership WHERE article = ?1 AND local_id = ?2", [part.0, part.1], |r| r.get(0)).optional()?;
    new.ok_or_else(|| anyhow::anyhow!("the retype left {id}'s parts without an entity"))
}

/// `newsgraph curation undo N`: takes decision N (1 = the first, as `curation list`
/// numbers them) out of the file and resolves again. Returns the decision taken out.
pub fn undo(conn: &mut rusqlite::Connection, file: &Path, n: usize) -> Result<Decision> {
    let ds = load(file)?;
    let Some(d) = n.checked_sub(1).and_then(|i| ds.get(i)).cloned() else {
        bail!("no decision {n} in {} ({} decisions)", file.display(), ds.len());
    };
    let text = std::fs::read_to_string(file)?;
    let kept: Vec<&str> = text.lines().enumerate().filter(|(i, _)| i + 1 != d.line).map(|(_, l)| l).collect();
    std::fs::write(file, kept.join("\n") + "\n").with_context(|| format!("cannot write {}", file.display()))?;
    crate::store::resolve_all(conn)?;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_appends() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(FILE_NAME);
        append(&p, Action::Merge, EntityType::Person, "Jane Roe", "J, Roe").unwrap();
        append(&p, Action::Split, EntityType::Org, "Acme", "Acme Tower").unwrap();
        let d = load(&p).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].other, "J, Roe");
        assert_eq!(d[1].action, Action::Split);
        assert_eq!(d[1].etype, EntityType::Org);
        assert!(parse("frobnicate,PERSON,a,b\n").is_err());
        append(&p, Action::Merge, EntityType::Person, "jane roe", "J, Roe").unwrap();
        assert_eq!(load(&p).unwrap().len(), 2, "the same decision is written once");
    }
}
