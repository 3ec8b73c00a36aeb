//! `explain`: why the graph says what it says — for a fact, its sentence, offsets, rule
//! and confidence; for an entity, its names, why they were merged, and its facts.

use std::fmt::Write;

use anyhow::{bail, Result};
use rusqlite::{params, Connection, OptionalExtension};

use crate::extract;

/// Finds entities by id, canonical name or any alias (case-insensitive).
pub fn find_entities(conn: &Connection, what: &str) -> Result<Vec<(String, String, String)>> {
    let mut st = conn.prepare(
        "SELECT DISTINCT e.id, e.name, e.type FROM entity e LEFT JOIN alias a ON a.entity_id = e.id
         WHERE e.id = ?1 OR e.name = ?1 COLLATE NOCASE OR a.alias = ?1 COLLATE NOCASE ORDER BY e.articles DESC, e.id",
    )?;
    let rows = st.query_map([what], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Explains one fact given as `ARTICLE#INDEX` (the form `explain` prints for each fact).
pub fn fact(conn: &Connection, article: &str, idx: i64) -> Result<String> {
    let row = conn
        .query_row(
            "SELECT subject, predicate, object, role, detail, confidence, rule, modality, shown, start, end,
                    sentence, sentence_start, sentence_end, evidence, subject_id, object_id
             FROM fact_evidence WHERE article = ?1 AND fact = ?2",
            params![article, idx],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, f64>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, i64>(8)?,
                    (r.get::<_, i64>(9)?, r.get::<_, i64>(10)?),
                    (r.get::<_, i64>(11)?, r.get::<_, i64>(12)?, r.get::<_, i64>(13)?),
                    r.get::<_, String>(14)?,
                    (r.get::<_, String>(15)?, r.get::<_, Option<String>>(16)?),
                ))
            },
        )
        .optional()?;
    let Some((s, p, o, role, detail, conf, rule, modality, shown, (start, end), (sent, ss, se), evidence, (sid, oid))) = row else {
        bail!("no fact {article}#{idx}");
    };
    let matched: Option<String> = conn
        .query_row("SELECT substr(text, ?2 + 1, ?3 - ?2) FROM article WHERE id = ?1", params![article, start, end], |r| r.get(0))
        .optional()?;
    let mut out = String::new();
    writeln!(out, "fact {article}#{idx}: ({s}, {p}, {})", o.as_deref().unwrap_or("?"))?;
    writeln!(out, "  subject id: {sid}; object id: {}", oid.as_deref().unwrap_or("(a date value)"))?;
    if let Some(r) = role {
        writeln!(out, "  role: {r}")?;
    }
    if let Some(d) = detail {
        writeln!(out, "  detail: {d}")?;
    }
    writeln!(out, "  confidence: {conf:.2}; modality: {modality}{}", if shown == 0 { "; hidden in `facts` (the article says the same elsewhere with more confidence)" } else { "" })?;
    writeln!(out, "  sentence {sent} (characters {ss}..{se} of {article}):")?;
    writeln!(out, "    {evidence}")?;
    if let Some(m) = matched {
        writeln!(out, "  matched words (characters {start}..{end}): {m}")?;
    }
    match extract::rule(&rule) {
        Some(info) => {
            writeln!(out, "  rule {rule}: reads \"{}\"", info.reads)?;
            writeln!(out, "    e.g. {}", info.example)?;
        }
        None => writeln!(out, "  rule {rule}")?,
    }
    if modality != "asserted" {
        writeln!(out, "  not in `facts`: the sentence says it is {modality}, not that it happened")?;
    }
    Ok(out)
}

/// Explains an entity: names, merges, facts (with ARTICLE#INDEX to explain each).
pub fn entity(conn: &Connection, what: &str, predicate: Option<&str>) -> Result<String> {
    let found = find_entities(conn, what)?;
    if found.is_empty() {
        bail!("no entity is called {what:?} (try `newsgraph entities {what}`)");
    }
    let mut out = String::new();
    if found.len() > 1 {
        writeln!(out, "{} entities answer to {what:?}:", found.len())?;
    }
    for (id, name, etype) in &found {
        writeln!(out, "{name} [{etype}] id {id}")?;
        let mut st = conn.prepare("SELECT alias, seen FROM alias WHERE entity_id = ?1 ORDER BY seen DESC, alias")?;
        let aliases: Vec<String> = st.query_map([id], |r| Ok(format!("{} ({}×)", r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?.collect::<rusqlite::Result<_>>()?;
        writeln!(out, "  names: {}", aliases.join(", "))?;
        let mut st = conn.prepare("SELECT rule, count(*), min(name), min(article) FROM merge_log WHERE entity_id = ?1 GROUP BY rule ORDER BY rule")?;
        let merges: Vec<String> = st
            .query_map([id], |r| Ok(format!("{} ×{} (e.g. {:?} in {})", r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        writeln!(out, "  merged by: {}", merges.join("; "))?;
        let mut st = conn.prepare(
            "SELECT article, fact, subject, predicate, object, role, confidence, rule, modality FROM fact_evidence
             WHERE (subject_id = ?1 OR object_id = ?1) AND shown = 1 AND (?2 IS NULL OR predicate = ?2)
             ORDER BY article, fact",
        )?;
        let facts: Vec<String> = st
            .query_map(params![id, predicate], |r| {
                let role: Option<String> = r.get(5)?;
                let modality: String = r.get(8)?;
                Ok(format!(
                    "  {}#{}  ({}, {}, {}){}  {:.2} {}{}",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    role.map(|x| format!(" as {x}")).unwrap_or_default(),
                    r.get::<_, f64>(6)?,
                    r.get::<_, String>(7)?,
                    if modality == "asserted" { String::new() } else { format!(" [{modality}]") }
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        writeln!(out, "  facts ({}):", facts.len())?;
        for f in facts {
            writeln!(out, "{f}")?;
        }
    }
    writeln!(out, "Explain one fact with `newsgraph explain ARTICLE#INDEX`.")?;
    Ok(out)
}

/// How a text is read, sentence by sentence: `[TYPE mention]`, `<role>`, then the facts.
pub fn reading(text: &str, date: Option<String>) -> Result<String> {
    let article = crate::ingest::make_article("text".into(), "text".into(), text.to_string(), None, date, None)
        .map_err(|e| anyhow::anyhow!("{}", e.reason))?;
    // the analysed document is needed too (to show the items), so the stages run here
    let (doc, mut a) = crate::analyse::analyse(&article);
    crate::extract::extract(&doc, &article.clean.text, &mut a);
    let mut out = String::new();
    for si in 0..doc.items.len() {
        writeln!(out, "S{si}: {}", crate::analyse::describe_items(&doc, &article.clean.text, si))?;
    }
    for f in &a.facts {
        let (s, p, o) = crate::model::fact_names(&a, f);
        writeln!(
            out,
            "S{}: ({s}, {p}, {o}){}{} {:.2} {} [{}]",
            f.sentence,
            f.role.as_ref().map(|r| format!(" as {r}")).unwrap_or_default(),
            f.detail.as_ref().map(|d| format!(" ({d})")).unwrap_or_default(),
            f.confidence,
            f.rule,
            f.modality.as_str()
        )?;
    }
    Ok(out)
}
