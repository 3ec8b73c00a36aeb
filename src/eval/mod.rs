//! `newsgraph eval`: score a database against hand-made gold facts. A faithful port of
//! /work/shared/eval/score.py: same matching rules, same numbers, same report text.

mod er;
mod gold;
mod json;
mod text;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use anyhow::{anyhow, Result};
use rusqlite::types::ValueRef;
use rusqlite::Connection;

pub use gold::{load_gold, Gold, GoldEntity, GoldFact};
pub use text::{date_span, jaccard, norm, overlaps, role_match, role_tokens, tokens};

use gold::{PREDICATES, SYMMETRIC};
use text::{py_float, py_list, round4};

/// An `entity_aliases.entity_id` value as read (TEXT in our schema; others kept apart).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityId {
    Null,
    Int(i64),
    Text(String),
}

/// Counts for one predicate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

/// The result of scoring, with score.py's rounding (ratios rounded to 4 places).
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// Facts of gold articles with predicates outside the ontology.
    pub other_predicates: usize,
    pub per_predicate: BTreeMap<String, Counts>,
    pub role_accuracy: Option<f64>,
    pub roles_checked: usize,
    pub type_accuracy: Option<f64>,
    /// Gold entities some system entity holds a plain (non-garbled) unique name of.
    pub entities_seen: usize,
    /// Gold keys spread over several system entities (sorted).
    pub fragmented: Vec<String>,
    /// System entities holding names of several gold entities (sorted).
    pub overmerged: Vec<(EntityId, Vec<String>)>,
    /// Entities merging keys that er.tsv says must stay apart.
    pub distinct_violations: Vec<(EntityId, Vec<String>)>,
    pub hard_aliases_seen: usize,
    pub hard_aliases_merged: usize,
    /// article -> "  FP  ..." / "  FN  ..." lines, articles sorted, lines in finding order.
    pub errors: Vec<(String, Vec<String>)>,
}

/// Open a database read-only, as score.py does.
pub fn open_db(path: &Path) -> Result<Connection> {
    crate::store::read_only_connection(path).map_err(|err| {
        // rusqlite appends ": PATH" to open errors; score.py's message has no path
        let err = db_error(err).to_string();
        let suffix = format!(": {}", path.display());
        anyhow!("{}", err.strip_suffix(&suffix).unwrap_or(&err))
    })
}

fn db_error(err: rusqlite::Error) -> anyhow::Error {
    match &err {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => anyhow!("cannot read the database: {msg}"),
        _ => anyhow!("cannot read the database: {err}"),
    }
}

/// Python's `str(value)` for an SQLite value (NULL reads as "None").
fn value_text(v: ValueRef) -> String {
    match v {
        ValueRef::Null => "None".to_string(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => py_float(f),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

/// Python's `value or ""`.
fn value_or_empty(v: ValueRef) -> String {
    match v {
        ValueRef::Null | ValueRef::Integer(0) => String::new(),
        ValueRef::Real(0.0) => String::new(),
        v => value_text(v),
    }
}

fn entity_id(v: ValueRef) -> EntityId {
    match v {
        ValueRef::Null => EntityId::Null,
        ValueRef::Integer(i) => EntityId::Int(i),
        v => EntityId::Text(value_text(v)),
    }
}

/// One system fact as score.py keeps it: names, role, resolved keys and types.
struct Seen {
    s: String,
    o: String,
    role: String,
    sk: String,
    st: String,
    ok: String,
    ot: String,
}

fn read_facts(conn: &Connection) -> rusqlite::Result<HashMap<String, Vec<[String; 6]>>> {
    let mut stmt = conn.prepare(
        "SELECT article, subject, predicate, object, role, subject_type, object_type FROM facts",
    )?;
    let mut rows = stmt.query([])?;
    let mut by_article: HashMap<String, Vec<[String; 6]>> = HashMap::new();
    while let Some(row) = rows.next()? {
        let v = |i| row.get_ref(i).map(value_or_empty);
        let fact = [v(1)?, v(2)?, v(3)?, v(4)?, v(5)?, v(6)?];
        by_article
            .entry(value_text(row.get_ref(0)?))
            .or_default()
            .push(fact);
    }
    Ok(by_article)
}

/// (entity_id, entity, alias) rows; without an entity_id column the canonical name is
/// the identity, as in score.py.
fn read_aliases(conn: &Connection) -> rusqlite::Result<Vec<(EntityId, String, String)>> {
    let read = |sql: &str| -> rusqlite::Result<Vec<(EntityId, String, String)>> {
        let mut stmt = conn.prepare(sql)?;
        let n = stmt.column_count();
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let id = entity_id(row.get_ref(0)?);
            out.push((
                id,
                value_or_empty(row.get_ref(n - 2)?),
                value_or_empty(row.get_ref(n - 1)?),
            ));
        }
        Ok(out)
    };
    read("SELECT entity_id, entity, alias FROM entity_aliases")
        .or_else(|_| read("SELECT entity, alias FROM entity_aliases"))
}

/// Score the views `facts` and `entity_aliases` of `conn` against `gold`.
pub fn score(conn: &Connection, gold: &Gold) -> Result<Score> {
    let by_article = read_facts(conn).map_err(db_error)?;
    let mut res = Score::default();
    let (mut role_hits, mut types_right, mut types_checked) = (0usize, 0usize, 0usize);
    let no_rows = Vec::new();
    for (article, gfacts) in &gold.facts {
        let local = gold.local_keys(gfacts);
        let mut errors = Vec::new();
        // (subject key, predicate, object key) -> the system facts saying it, first seen first
        let mut seen: Vec<((String, String, String), Vec<Seen>)> = Vec::new();
        let mut index: HashMap<(String, String, String), usize> = HashMap::new();
        for [s, p, o, role, st, ot] in by_article.get(article).unwrap_or(&no_rows) {
            if !PREDICATES.contains(&p.as_str()) {
                res.other_predicates += 1;
                continue;
            }
            let sk = gold.resolve(s, &local).unwrap_or_else(|| format!("?{s}"));
            let ok = if p == "held_on" && date_span(o).is_some() {
                o.clone()
            } else {
                gold.resolve(o, &local).unwrap_or_else(|| format!("?{o}"))
            };
            let key = ordered(p, &sk, &ok);
            let item = Seen {
                s: s.clone(),
                o: o.clone(),
                role: role.clone(),
                sk,
                st: st.clone(),
                ok,
                ot: ot.clone(),
            };
            match index.get(&key) {
                Some(&i) => seen[i].1.push(item),
                None => {
                    index.insert(key.clone(), seen.len());
                    seen.push((key, vec![item]));
                }
            }
        }
        let mut matched = BTreeSet::new();
        for ((a, p, b), names) in &seen {
            let hit = gfacts.iter().position(|f| {
                if &f.p != p {
                    return false;
                }
                let (fa, _, fb) = ordered(p, &f.s, &f.o);
                if &fa != a {
                    return false;
                }
                if p == "held_on" {
                    overlaps(date_span(b).as_ref(), date_span(&fb).as_ref())
                } else {
                    &fb == b
                }
            });
            let counts = res.per_predicate.entry(p.clone());
            match hit {
                None => {
                    res.fp += 1;
                    counts.or_default().fp += 1;
                    errors.push(format!("  FP  {} | {} | {}", names[0].s, p, names[0].o));
                }
                Some(i) if !gfacts[i].optional && matched.insert(i) => {
                    res.tp += 1;
                    counts.or_default().tp += 1;
                    for (key, typ) in [(&names[0].sk, &names[0].st), (&names[0].ok, &names[0].ot)] {
                        if let Some(entity) = gold.entities.get(key) {
                            types_checked += 1;
                            types_right += usize::from(entity.etype == typ.to_uppercase());
                        }
                    }
                    let want = &gfacts[i].role;
                    if !want.is_empty() {
                        res.roles_checked += 1;
                        if names
                            .iter()
                            .any(|n| !n.role.is_empty() && role_match(want, &n.role))
                        {
                            role_hits += 1;
                        }
                    }
                }
                Some(_) => {}
            }
        }
        for (i, f) in gfacts.iter().enumerate() {
            if !f.optional && !matched.contains(&i) {
                res.fn_ += 1;
                res.per_predicate.entry(f.p.clone()).or_default().fn_ += 1;
                errors.push(format!("  FN  {} | {} | {}", f.s, f.p, f.o));
            }
        }
        if !errors.is_empty() {
            res.errors.push((article.clone(), errors));
        }
    }
    let aliases = read_aliases(conn).map_err(db_error)?;
    er::entity_stats(&mut res, gold, &aliases);

    let (tp, fp, fn_) = (res.tp as f64, res.fp as f64, res.fn_ as f64);
    let p = if res.tp + res.fp > 0 {
        tp / (tp + fp)
    } else {
        0.0
    };
    let r = if res.tp + res.fn_ > 0 {
        tp / (tp + fn_)
    } else {
        0.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    res.precision = round4(p);
    res.recall = round4(r);
    res.f1 = round4(f1);
    res.role_accuracy =
        (res.roles_checked > 0).then(|| round4(role_hits as f64 / res.roles_checked as f64));
    res.type_accuracy =
        (types_checked > 0).then(|| round4(types_right as f64 / types_checked as f64));
    Ok(res)
}

/// (subject, predicate, object), with the pair sorted for symmetric predicates.
fn ordered(p: &str, s: &str, o: &str) -> (String, String, String) {
    if SYMMETRIC.contains(&p) && o < s {
        (o.to_string(), p.to_string(), s.to_string())
    } else {
        (s.to_string(), p.to_string(), o.to_string())
    }
}

impl Score {
    /// The text score.py prints (with `--errors` when `errors`), ending in a newline.
    pub fn report(&self, errors: bool) -> String {
        let mut out = format!("{:<24} {:>4} {:>4} {:>4}\n", "predicate", "tp", "fp", "fn");
        for (p, c) in &self.per_predicate {
            out += &format!("{:<24} {:>4} {:>4} {:>4}\n", p, c.tp, c.fp, c.fn_);
        }
        if errors {
            for (article, lines) in &self.errors {
                let mut lines = lines.clone();
                lines.sort();
                out += &format!("{article}\n{}\n", lines.join("\n"));
            }
        }
        out += &format!(
            "entities: {} gold entities found; fragmented {} {}; over-merged {}; must-stay-apart violations {}; garbled names merged {}/{}\n",
            self.entities_seen,
            self.fragmented.len(),
            py_list(&self.fragmented),
            self.overmerged.len(),
            self.distinct_violations.len(),
            self.hard_aliases_merged,
            self.hard_aliases_seen
        );
        if let Some(roles) = self.role_accuracy {
            let types = self.type_accuracy.map_or("None".to_string(), py_float);
            out += &format!(
                "roles right: {roles:.3} of {}; entity types right: {types}\n",
                self.roles_checked
            );
        }
        out += &format!(
            "F1 {:.3}  P {:.3}  R {:.3}  (tp {} fp {} fn {}; other predicates {})\n",
            self.f1, self.precision, self.recall, self.tp, self.fp, self.fn_, self.other_predicates
        );
        out
    }

    /// score.py's `--min-f1` test: true when F1 is below `min`.
    pub fn below(&self, min: f64) -> bool {
        self.f1 < min
    }

    /// The result as JSON (keys as score.py names them).
    pub fn to_json(&self) -> serde_json::Value {
        json::to_value(self)
    }

    /// The text score.py writes with `--json FILE` (indent 2, no final newline).
    pub fn to_json_text(&self) -> String {
        json::to_text(self)
    }
}
