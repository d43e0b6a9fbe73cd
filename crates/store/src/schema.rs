//! The schema, its version and its migrations.
//!
//! `PRAGMA user_version` holds the schema version and `PRAGMA application_id` marks the file as a
//! dyad store. Migration `n` (1-based) takes a store from version `n - 1` to `n`; all pending
//! migrations run in one transaction, so a store is never left half-upgraded.

use crate::{Error, OpenOptions, Result};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::Path;

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// "dyad" in ASCII: lets a dyad store be told apart from any other SQLite file.
const APPLICATION_ID: i64 = 0x6479_6164;

const MIGRATIONS: &[&str] = &[V1];

const V1: &str = r#"
CREATE TABLE documents (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,          -- the document's id, or '#' and the content hash when it has none
    content_hash TEXT NOT NULL,
    date TEXT,                        -- publication date, YYYY-MM-DD
    title TEXT,
    url TEXT,
    source TEXT,                      -- the outlet
    text TEXT NOT NULL,
    ingested TEXT NOT NULL            -- UTC, YYYY-MM-DD HH:MM:SS
);

-- Only sentences that carry at least one event; start/end are byte offsets into documents.text.
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (doc, idx)
);

-- Kept in step with sentences by the writer, once per batch (see write.rs), not by triggers:
-- FTS5 flushes its pending terms at every statement savepoint a trigger would open.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content = 'sentences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    country TEXT,
    name TEXT NOT NULL
);
CREATE UNIQUE INDEX actors_key ON actors(code, name, ifnull(country, ''));

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    date TEXT,
    date_precision TEXT,
    source_code TEXT,
    source_country TEXT,
    source_name TEXT,
    target_code TEXT,
    target_country TEXT,
    target_name TEXT,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    goldstein REAL,
    quad_class INTEGER,
    location_key TEXT NOT NULL DEFAULT '',
    location_name TEXT,
    location_country TEXT,
    location_admin1 TEXT,
    location_lat REAL,
    location_lon REAL,
    location_precision TEXT,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT,
    url TEXT,
    lead INTEGER NOT NULL DEFAULT 0,
    added TEXT NOT NULL
);
-- The deduplication key; NULL date or actor counts as a value of its own.
CREATE UNIQUE INDEX events_key ON events(
    ifnull(date, ''), ifnull(source_code, ''), ifnull(target_code, ''), cameo, location_key
);
-- Dyad time series read this index alone (it covers the aggregated columns).
CREATE INDEX events_dyad ON events(source_code, target_code, date, quad_class, goldstein, num_mentions);
CREATE INDEX events_target ON events(target_code, date);
CREATE INDEX events_date ON events(date);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    event INTEGER NOT NULL REFERENCES events(id),
    doc INTEGER NOT NULL REFERENCES documents(doc),
    sentence INTEGER NOT NULL REFERENCES sentences(id),
    event_date TEXT,
    date_precision TEXT,
    source_actor INTEGER REFERENCES actors(id),
    source_start INTEGER,
    source_end INTEGER,
    target_actor INTEGER REFERENCES actors(id),
    target_start INTEGER,
    target_end INTEGER,
    attribution_actor INTEGER REFERENCES actors(id),
    attribution_start INTEGER,
    attribution_end INTEGER,
    verb TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    pattern TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event, doc);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_sentence ON mentions(sentence);
"#;

fn header(conn: &Connection) -> rusqlite::Result<(i64, i64, i64)> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok((version, app, objects))
}

/// Opens (or creates) the database, refuses files that are not dyad stores or are newer than this
/// build, and runs pending migrations. Nothing is written before those checks pass.
pub(crate) fn open(path: &Path, opts: &OpenOptions) -> Result<Connection> {
    let err = |e| Error::from_sqlite(path, opts.busy_timeout, e);
    if !opts.create && !path.exists() {
        return Err(Error::Missing {
            path: path.to_path_buf(),
        });
    }
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if opts.create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let mut conn = Connection::open_with_flags(path, flags).map_err(err)?;
    conn.busy_timeout(opts.busy_timeout).map_err(err)?;
    let (version, app, objects) = header(&conn).map_err(err)?;
    check(path, version, app, objects)?;
    // synchronous=NORMAL in WAL mode: a committed batch survives a killed process (only a power
    // cut can lose the last few commits), at a fraction of the cost of FULL.
    // A page cache of up to 256 MB keeps the indexes an ingest batch touches in memory (a store
    // of a million events has about 200 MB of index pages). Checkpoints every 64 MB of WAL rather
    // than SQLite's 4 MB: each one syncs the database file, and pages rewritten by several
    // batches are copied back once.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; \
         PRAGMA wal_autocheckpoint = 16384;",
    )
    .map_err(err)?;
    if version < SCHEMA_VERSION {
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Other(format!(
                "{}: could not switch to WAL mode (journal mode is {mode})",
                path.display()
            )));
        }
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        // Another process may have created or upgraded the store while this one waited.
        let (version, app, objects) = header(&tx).map_err(err)?;
        check(path, version, app, objects)?;
        for sql in &MIGRATIONS[version as usize..] {
            tx.execute_batch(sql).map_err(err)?;
        }
        tx.execute_batch(&format!(
            "PRAGMA user_version = {SCHEMA_VERSION}; PRAGMA application_id = {APPLICATION_ID};"
        ))
        .map_err(err)?;
        tx.commit().map_err(err)?;
    }
    Ok(conn)
}

fn check(path: &Path, version: i64, app: i64, objects: i64) -> Result<()> {
    if app != 0 && app != APPLICATION_ID || app == 0 && objects > 0 {
        return Err(Error::NotDyad {
            path: path.to_path_buf(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}
