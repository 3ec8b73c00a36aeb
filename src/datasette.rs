//! Datasette metadata for a newsgraph database (`datasette kg.db -m kg.metadata.json`):
//! titles, what each public view and its columns mean, facets, full-text search on
//! sentences, and the internal tables hidden. `build` writes it next to the database.

use serde_json::{json, Map, Value};

/// (table or view, title, description, facets, [(column, meaning)]).
type Described = (&'static str, &'static str, &'static str, &'static [&'static str], &'static [(&'static str, &'static str)]);

const FACT_COLUMNS: &[(&str, &str)] = &[
    ("article", "id of the article that states it (articles.id)"),
    ("subject_id", "entity id of the subject (entity.id)"),
    ("subject", "canonical name of the subject"),
    ("subject_type", "PERSON, ORG, GPE, LOC, FAC, EVENT, GROUP or WORK"),
    ("predicate", "what the fact says, e.g. heads, works_for, met_with, attended"),
    ("object_id", "entity id of the object; empty when the object is a date"),
    ("object", "canonical name of the object, or an ISO date"),
    ("object_type", "type of the object (DATE for dates)"),
    ("role", "the role or title the sentence gives, e.g. director general"),
    ("detail", "more from the sentence, e.g. what was signed"),
    ("confidence", "0 to 1, calibrated on hand-judged facts"),
    ("evidence", "the sentence that says it"),
    ("fact", "index of the fact in its article: `newsgraph explain ARTICLE#FACT`"),
    ("published", "publication date of the article (ISO), if known"),
];

const VIEWS: &[Described] = &[
    ("facts", "Facts", "One row per fact an article asserts (planned, hedged and negated statements are in fact_evidence).", &["predicate", "subject_type", "object_type"], FACT_COLUMNS),
    ("entity_aliases", "Entity names", "Every name an entity goes by.", &["type"], &[
        ("entity_id", "entity.id"),
        ("entity", "canonical name"),
        ("type", "entity type"),
        ("alias", "a name used for it in some article"),
    ]),
    ("articles", "Articles", "The articles read.", &["source"], &[
        ("id", "file name or JSONL id"),
        ("title", "title, if found"),
        ("published", "publication date (ISO), if found"),
        ("source", "news agency, if found"),
        ("duplicate_of", "the article this one copies (syndicated or machine-translated), if any"),
    ]),
    ("fact_evidence", "Fact provenance", "Every fact with its rule, modality and character offsets.", &["predicate", "rule", "modality"], &[
        ("rule", "id of the extraction rule (src/extract/rules.rs)"),
        ("modality", "asserted, planned, hedged or negated"),
        ("shown", "0 when another fact of the same article says the same"),
        ("start", "character offset of the matched words in the article text"),
        ("end", "end offset (exclusive)"),
    ]),
    ("merge_log", "Merge log", "Why each local mention group joined its entity.", &["rule"], &[
        ("entity_id", "entity.id"),
        ("rule", "the resolution rule that joined it"),
        ("evidence", "what the rule saw"),
    ]),
    ("quotations", "Quotations", "Who said what.", &["speaker"], &[("speaker", "canonical name of the speaker, if known"), ("text", "the quoted words")]),
    ("fact_sources", "Fact sources", "Independent sources per fact: a story and its copies count once.", &["predicate"], &[
        ("sources", "independent articles"),
        ("articles", "all articles"),
    ]),
    ("entity", "Entities", "One row per person, organisation, place, event... across the corpus.", &["type"], &[
        ("id", "stable id: type and folded name"),
        ("name", "canonical name"),
        ("mentions", "local mention groups joined into it"),
        ("articles", "articles that mention it"),
    ]),
    ("entity_stats", "Graph measures", "Degree, PageRank and component of every entity, written by `newsgraph stats`.", &["component"], &[
        ("degree", "collapsed edges touching it (dates left out)"),
        ("pagerank", "PageRank (damping 0.85)"),
        ("component", "connected component, 1 = the largest"),
    ]),
    ("fact", "Fact rows", "The table behind the facts view; subject_entity and object_entity link to entity.", &["predicate", "modality"], &[
        ("article", "article.num"),
        ("idx", "index of the fact in its article"),
        ("subject_entity", "entity of the subject"),
        ("object_entity", "entity of the object (empty for dates)"),
        ("object_value", "ISO date or interval for DATE objects"),
    ]),
    ("sentence", "Sentences", "Every sentence read; search them (full-text index sentence_fts).", &[], &[
        ("article", "article.num"),
        ("idx", "sentence index in the article"),
        ("text", "the cleaned sentence"),
    ]),
];

/// Internal tables Datasette need not list.
const HIDDEN: &[&str] = &["fingerprint", "similarity", "meta"];

/// The metadata for a database Datasette calls `name` (the file name without `.db`).
pub fn metadata(name: &str) -> Value {
    let mut tables = Map::new();
    for (table, title, description, facets, columns) in VIEWS {
        let cols: Map<String, Value> = columns.iter().map(|(c, d)| (c.to_string(), json!(d))).collect();
        let mut t = json!({"title": title, "description": description, "columns": cols});
        if !facets.is_empty() {
            t["facets"] = json!(facets);
        }
        tables.insert(table.to_string(), t);
    }
    tables["entity"]["label_column"] = json!("name");
    tables.insert("article".into(), json!({"label_column": "id", "description": "The articles, with their text; other tables refer to them by num."}));
    tables["sentence"]["fts_table"] = json!("sentence_fts");
    tables["sentence"]["fts_pk"] = json!("rowid");
    tables["sentence"]["searchmode"] = json!("raw");
    for h in HIDDEN {
        tables.insert(h.to_string(), json!({"hidden": true}));
    }
    json!({
        "title": "newsgraph knowledge graph",
        "description": "Facts read from news articles, with the sentence behind each. Start with the facts view; search sentences in the sentence table.",
        "source": "newsgraph",
        "databases": {name: {"tables": tables}},
    })
}

/// The tables and views the metadata describes, with their columns (for tests).
pub fn described() -> Vec<(&'static str, Vec<&'static str>)> {
    VIEWS.iter().map(|(t, _, _, _, cols)| (*t, cols.iter().map(|c| c.0).collect())).collect()
}

/// Where `build` writes the metadata for a database: `kg.db` → `kg.metadata.json`.
pub fn metadata_path(db: &std::path::Path) -> std::path::PathBuf {
    db.with_extension("metadata.json")
}
