-- newsgraph database schema: the one source of truth.
-- Embedded in the binary and applied on open; PRAGMA user_version records SCHEMA_VERSION
-- (src/store.rs). Offsets are character (Unicode scalar) offsets into article.text, the
-- original text as read, so `substr(text, start + 1, end - start)` gives the span back.
--
-- Layers:
--   article, sentence                 what was read
--   local_entity, mention             who/what each article speaks of (coreference inside it)
--   membership                        the corpus entity of each local entity, and why
--   fact, quotation                   what each article says, with evidence
--   entity, alias                     one row per real thing across the corpus (rebuilt by
--                                      the resolve stage from local_entity after every change,
--                                      with membership)
--   fingerprint                       per-article MinHash signatures for near-duplicate search
--
-- Articles are known to the other tables by `article.num`, a small integer given when the
-- article is first stored and kept while it is: a 140-character id repeated in every
-- sentence, mention and fact row made the database twice as large and slow to write.
-- The views below give the article's `id` back.
--   entity_stats                      graph measures written by `newsgraph stats`

CREATE TABLE IF NOT EXISTS article (
    num          INTEGER PRIMARY KEY,       -- internal key of the other tables
    id           TEXT NOT NULL UNIQUE,      -- file name, or the `id` field of a JSONL record
    hash         TEXT NOT NULL,             -- blake3 of the original text: the content key
    path         TEXT NOT NULL,             -- where it was read from (file, or file:line)
    title        TEXT,
    published    TEXT,                      -- ISO date or NULL
    source       TEXT,                      -- news agency or NULL
    duplicate_of TEXT,                      -- id of the article this one copies, or NULL
    text         TEXT NOT NULL,             -- the original text, as read
    words        INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS article_hash ON article(hash);

CREATE TABLE IF NOT EXISTS sentence (
    article INTEGER NOT NULL REFERENCES article(num) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,                  -- the cleaned sentence
    PRIMARY KEY (article, idx)
) STRICT;

-- One thing an article speaks of: all its mentions (names, surnames, pronouns, "the forum").
CREATE TABLE IF NOT EXISTS local_entity (
    article   INTEGER NOT NULL REFERENCES article(num) ON DELETE CASCADE,
    local_id  INTEGER NOT NULL,
    type      TEXT NOT NULL,                -- PERSON ORG GPE LOC FAC EVENT GROUP WORK
    name      TEXT NOT NULL,                -- the fullest name the article uses
    key       TEXT NOT NULL,                -- folded name used for resolution
    context   TEXT,                         -- what ties it down (a delegation's event key)
    names     TEXT NOT NULL,                -- JSON array: the names its mentions used
    PRIMARY KEY (article, local_id)
) STRICT, WITHOUT ROWID;

-- The corpus entity of each local entity and why (the merge log), written by the resolve
-- stage. A table of its own: filling these columns in on `local_entity` after a full build
-- grew every row in place (0.85 s of the White House build's one-core tail against 0.23 s
-- appending here), and left `local_entity` untouched by resolving.
CREATE TABLE IF NOT EXISTS membership (
    article   INTEGER NOT NULL REFERENCES article(num) ON DELETE CASCADE,
    local_id  INTEGER NOT NULL,             -- local_entity.local_id
    entity_id TEXT NOT NULL,                -- the corpus entity
    rule      TEXT NOT NULL,                -- why it joined that entity (merge_log view)
    evidence  TEXT,                         -- a join's evidence; NULL when the key alone did
    PRIMARY KEY (article, local_id)
) STRICT, WITHOUT ROWID;
-- No index on entity_id: facts carry their entities (fact.subject_entity), and the merge
-- log of one entity is read rarely (`explain`), where a scan costs tens of milliseconds;
-- keeping the index costs every resolve a sort of all local entities.

CREATE TABLE IF NOT EXISTS mention (
    article   INTEGER NOT NULL REFERENCES article(num) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    local_id  INTEGER NOT NULL,
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    kind      TEXT NOT NULL,                -- name, surname, acronym, pronoun, description
    PRIMARY KEY (article, idx)
) STRICT;

CREATE TABLE IF NOT EXISTS fact (
    article      INTEGER NOT NULL REFERENCES article(num) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    sentence     INTEGER NOT NULL,
    subject      INTEGER NOT NULL,          -- local_entity.local_id
    predicate    TEXT NOT NULL,
    object       INTEGER,                   -- local_entity.local_id, NULL for a DATE
    object_value TEXT,                      -- ISO date or interval for DATE objects
    role         TEXT,
    detail       TEXT,
    confidence   REAL NOT NULL,
    rule         TEXT NOT NULL,             -- id of the extraction rule that fired
    modality     TEXT NOT NULL DEFAULT 'asserted', -- asserted, planned, hedged, negated
    start        INTEGER NOT NULL,          -- span of the words the rule matched
    end          INTEGER NOT NULL,
    shown        INTEGER NOT NULL DEFAULT 1, -- 0 when another row of the article says the same
    -- the corpus entities of subject and object, set by the resolve stage (from
    -- membership.entity_id); deferred so the stage can replace entities within one commit
    subject_entity TEXT REFERENCES entity(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    object_entity  TEXT REFERENCES entity(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (article, idx)
) STRICT;
CREATE INDEX IF NOT EXISTS fact_predicate ON fact(predicate);
CREATE INDEX IF NOT EXISTS fact_subject_entity ON fact(subject_entity);
CREATE INDEX IF NOT EXISTS fact_object_entity ON fact(object_entity);

-- Full-text search over sentences (external content: the text is stored once, in
-- `sentence`; `content="sentence"` in double quotes is how Datasette finds it). The build
-- indexes new sentences in one statement at its end (store::index_sentences), on a second
-- core while entities are resolved: a trigger per row made the build 45% slower. Indexed
-- sentences are the rows of sentence_fts_docsize; deleting one takes it out of the index.
CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts USING fts5(text, content="sentence", content_rowid="rowid");
CREATE TRIGGER IF NOT EXISTS sentence_fts_delete AFTER DELETE ON sentence
WHEN EXISTS (SELECT 1 FROM sentence_fts_docsize WHERE id = old.rowid) BEGIN
    INSERT INTO sentence_fts (sentence_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TABLE IF NOT EXISTS quotation (
    article  INTEGER NOT NULL REFERENCES article(num) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    speaker  INTEGER,                       -- local_entity.local_id, NULL when unknown
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (article, idx)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entity (
    id       TEXT PRIMARY KEY,              -- stable: type and folded key, never a row number
    type     TEXT NOT NULL,
    name     TEXT NOT NULL,                 -- canonical name
    mentions INTEGER NOT NULL,
    articles INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS entity_name ON entity(name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS alias (
    entity_id TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    seen      INTEGER NOT NULL,             -- how many local entities used this name
    PRIMARY KEY (entity_id, alias)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alias_alias ON alias(alias COLLATE NOCASE);

-- Exact similarity of article pairs (a < b in id order) that near-duplicate search
-- proposed, kept so that a later build compares only pairs with a new or changed article.
CREATE TABLE IF NOT EXISTS similarity (
    a         INTEGER NOT NULL REFERENCES article(num) ON DELETE CASCADE,
    b         INTEGER NOT NULL REFERENCES article(num) ON DELETE CASCADE,
    shingles  REAL NOT NULL,                -- Jaccard of word 5-shingles
    contained REAL NOT NULL,                -- share of the shorter text's shingles in the longer
    words     REAL NOT NULL,                -- Jaccard of content words
    PRIMARY KEY (a, b)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS similarity_b ON similarity(b);

-- MinHash signatures of an article's words (5-word shingles and content words), computed
-- when it is analysed, so that finding near-duplicates does not read every text again.
CREATE TABLE IF NOT EXISTS fingerprint (
    article  INTEGER PRIMARY KEY REFERENCES article(num) ON DELETE CASCADE,
    shingles BLOB NOT NULL,                 -- little-endian u64 values
    words    BLOB NOT NULL,
    word_count INTEGER NOT NULL
) STRICT;

-- Build state: `resolved` is 0 while articles changed since the last resolve stage ran.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS entity_stats (
    entity_id  TEXT PRIMARY KEY REFERENCES entity(id) ON DELETE CASCADE,
    degree     INTEGER NOT NULL,
    pagerank   REAL NOT NULL,
    component  INTEGER NOT NULL
) STRICT;

-- Public interface (spec/ontology.md): column names are a contract.
DROP VIEW IF EXISTS facts;
CREATE VIEW facts AS
SELECT a.id                 AS article,
       es.id                AS subject_id,
       es.name              AS subject,
       es.type              AS subject_type,
       f.predicate          AS predicate,
       eo.id                AS object_id,
       COALESCE(eo.name, f.object_value) AS object,
       COALESCE(eo.type, 'DATE')         AS object_type,
       f.role               AS role,
       f.detail             AS detail,
       f.confidence         AS confidence,
       s.text               AS evidence,
       f.idx                AS fact,       -- `newsgraph explain ARTICLE#FACT`
       a.published          AS published
FROM fact f
JOIN article a       ON a.num = f.article
JOIN entity es       ON es.id = f.subject_entity
LEFT JOIN entity eo  ON eo.id = f.object_entity
JOIN sentence s      ON s.article = f.article AND s.idx = f.sentence
WHERE f.shown = 1 AND f.modality = 'asserted';

-- Everything about a fact, for `explain` and for users who want provenance in SQL,
-- including planned, hedged and negated statements that `facts` leaves out.
DROP VIEW IF EXISTS fact_evidence;
CREATE VIEW fact_evidence AS
SELECT a.id AS article, f.idx AS fact, f.sentence, es.id AS subject_id, es.name AS subject,
       f.predicate, eo.id AS object_id, COALESCE(eo.name, f.object_value) AS object,
       f.role, f.detail, f.confidence, f.rule, f.modality, f.shown,
       f.start, f.end, s.start AS sentence_start, s.end AS sentence_end, s.text AS evidence
FROM fact f
JOIN article a       ON a.num = f.article
JOIN entity es       ON es.id = f.subject_entity
LEFT JOIN entity eo  ON eo.id = f.object_entity
JOIN sentence s      ON s.article = f.article AND s.idx = f.sentence;

DROP VIEW IF EXISTS entity_aliases;
CREATE VIEW entity_aliases AS
SELECT e.id AS entity_id, e.name AS entity, e.type AS type, a.alias AS alias
FROM entity e JOIN alias a ON a.entity_id = e.id;

-- Why each local entity was put into its corpus entity.
DROP VIEW IF EXISTS merge_log;
CREATE VIEW merge_log AS
SELECT m.entity_id, a.id AS article, l.local_id, l.name, m.rule,
       COALESCE(m.evidence, json_quote(l.name) || ' has key ' || json_quote(l.key)) AS evidence
FROM membership m
JOIN local_entity l ON l.article = m.article AND l.local_id = m.local_id
JOIN article a ON a.num = m.article;

-- Who said what: quotations with the article id and the speaker's corpus entity.
DROP VIEW IF EXISTS quotations;
CREATE VIEW quotations AS
SELECT a.id AS article, q.idx AS quotation, q.sentence, m.entity_id AS speaker_id,
       e.name AS speaker, q.start, q.end, q.text
FROM quotation q
JOIN article a ON a.num = q.article
LEFT JOIN membership m ON m.article = q.article AND m.local_id = q.speaker
LEFT JOIN entity e ON e.id = m.entity_id;

DROP VIEW IF EXISTS articles;
CREATE VIEW articles AS
SELECT id, title, published, source, duplicate_of FROM article;

-- Independent sources per fact: a story and its copies (article.duplicate_of, set by the
-- dedup step of the resolve stage) count as one source.
DROP VIEW IF EXISTS fact_sources;
CREATE VIEW fact_sources AS
SELECT f.subject_id, f.subject, f.predicate, f.object_id, f.object,
       COUNT(DISTINCT COALESCE(a.duplicate_of, a.id)) AS sources,
       COUNT(DISTINCT f.article)                     AS articles
FROM facts f JOIN article a ON a.id = f.article
GROUP BY f.subject_id, f.subject, f.predicate, f.object_id, f.object;
