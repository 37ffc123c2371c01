-- warta store. One row per article in `documents` holds the whole Analysis as JSON (the
-- record is the source of truth); the other tables are indexes derived from it for
-- queries, rewritten with the document in one transaction. The version below is the
-- schema version; store/schema.py migrates older stores up to it when they are opened.
PRAGMA user_version = 3;

CREATE TABLE IF NOT EXISTS documents (
    id          TEXT PRIMARY KEY,
    url         TEXT UNIQUE,
    text_hash   TEXT NOT NULL UNIQUE,
    title       TEXT,
    outlet      TEXT,
    published   TEXT,
    section     TEXT,
    category    TEXT,
    origin      TEXT,
    tone        REAL,
    ingested_at TEXT NOT NULL,
    duplicate_of TEXT,
    minhash     BLOB,
    analysis    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);

-- Near-duplicate lookup: each article's LSH band keys (warta.dedup.band_keys), queried
-- in the write transaction that stores an article, so concurrent writers see each other.
CREATE TABLE IF NOT EXISTS minhash_bands (
    key    INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS minhash_bands_doc ON minhash_bands(doc_id);

CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS entities (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    type      TEXT,
    name      TEXT NOT NULL,
    kb_id     TEXT,
    cameo     TEXT,
    country   TEXT,
    mentions  INTEGER NOT NULL,
    tone      REAL,
    -- the cross-article identity of an entity: its KB id, else its name
    key       TEXT GENERATED ALWAYS AS (COALESCE(kb_id, name)) VIRTUAL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS entities_kb ON entities(kb_id);
CREATE INDEX IF NOT EXISTS entities_key ON entities(key, doc_id);

-- Per-entity totals over the whole store, kept in step with `entities` on every write
-- (the dashboard lists entities by mentions without grouping 100,000s of rows).
CREATE TABLE IF NOT EXISTS entity_stats (
    key       TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    type      TEXT,
    kb_id     TEXT,
    cameo     TEXT,
    country   TEXT,
    articles  INTEGER NOT NULL,
    mentions  INTEGER NOT NULL,
    tone_sum  REAL NOT NULL DEFAULT 0,
    tone_n    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entity_stats_type ON entity_stats(type, mentions);
CREATE INDEX IF NOT EXISTS entity_stats_mentions ON entity_stats(mentions);
CREATE INDEX IF NOT EXISTS entity_stats_name ON entity_stats(name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n            INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    text         TEXT NOT NULL,
    speaker      TEXT,
    speaker_kb   TEXT,
    via          TEXT,
    confidence   REAL,
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS events (
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id     TEXT NOT NULL,
    cameo        TEXT NOT NULL,
    root         TEXT NOT NULL,
    quad_class   INTEGER,
    goldstein    REAL,
    plover       TEXT,
    source_code  TEXT,
    source_text  TEXT,
    source_key   TEXT,
    target_code  TEXT,
    target_text  TEXT,
    target_key   TEXT,
    date         TEXT,
    negated      INTEGER,
    modality     TEXT,
    confidence   REAL,
    place        TEXT,
    lat          REAL,
    lon          REAL,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX IF NOT EXISTS events_key ON events(source_code, target_code, cameo, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_source_key ON events(source_key);
CREATE INDEX IF NOT EXISTS events_target_key ON events(target_key);
CREATE INDEX IF NOT EXISTS events_geo ON events(place, lat, lon, goldstein) WHERE lat IS NOT NULL AND negated = 0;

CREATE TABLE IF NOT EXISTS places (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name      TEXT NOT NULL,
    lat       REAL,
    lon       REAL,
    country   TEXT,
    kind      TEXT,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX IF NOT EXISTS places_geo ON places(name, lat, lon, mentions, doc_id, country, kind);

CREATE TABLE IF NOT EXISTS themes (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    theme    TEXT NOT NULL,
    gdelt    TEXT,
    mentions INTEGER NOT NULL,
    score    REAL,
    PRIMARY KEY (doc_id, theme)
);
CREATE INDEX IF NOT EXISTS themes_theme ON themes(theme);

-- GDELT-style de-duplication across articles: one row per (source, target, code, date),
-- with NumMentions / NumArticles / NumSources. Every mention stays in `events`.
-- Near-duplicate articles (re-published copies) count once in mentions and articles;
-- NumSources still counts every outlet that carried the story.
CREATE VIEW IF NOT EXISTS event_clusters AS
SELECT e.source_code, e.target_code, e.cameo, e.date,
       MIN(e.root) AS root, MIN(e.quad_class) AS quad_class, AVG(e.goldstein) AS goldstein,
       SUM(d.duplicate_of IS NULL) AS num_mentions,
       COUNT(DISTINCT COALESCE(d.duplicate_of, d.id)) AS num_articles,
       COUNT(DISTINCT COALESCE(d.outlet, d.url, d.id)) AS num_sources,
       MIN(e.doc_id) AS first_doc
FROM events e JOIN documents d ON d.id = e.doc_id
WHERE e.negated = 0
GROUP BY e.source_code, e.target_code, e.cameo, e.date;
