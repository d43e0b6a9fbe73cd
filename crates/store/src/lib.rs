//! dyad's embedded event store: a SQLite file (bundled build, WAL mode) holding documents, the
//! sentences that carry events, deduplicated events, one mention per coded occurrence, and actors.
//!
//! The store knows nothing of the coder: it takes plain records ([`DocumentRecord`],
//! [`EventRecord`]) and gives back rows ([`EventRow`], [`MentionRow`], [`StatsRow`]).
//!
//! ```no_run
//! use dyad_store::{Filter, Store};
//! let store = Store::open_existing("events.db".as_ref()).unwrap();
//! let filter = Filter { source: Some("RUS".into()), target: Some("TUR".into()), ..Filter::default() };
//! store.for_each_event(&filter, |e| { println!("{} {}", e.event_id, e.cameo); Ok(()) }).unwrap();
//! ```
//!
//! Deduplication: one event per (event date, source code, target code, CAMEO code, location key),
//! counted as GDELT counts (`num_mentions`, `num_articles`, `num_sources`) and recomputed from the
//! mentions after every batch, so replacing or re-ingesting a document keeps the counts exact.
//! Every batch of documents is one transaction: a crash loses only the batch in progress.

mod browse;
mod error;
mod export;
mod read;
mod schema;
mod write;

pub use browse::{ActorMatch, Cursor, DocumentView, Interrupt};
pub use error::Error;
pub use export::{gdelt_columns, parquet_schema, ExportFormat, TextWriter, EVENT_COLUMNS};
pub use read::{Filter, MentionRow, Period, StatsRow};
pub use schema::SCHEMA_VERSION;
pub use write::BatchStats;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One document as the store keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRecord {
    /// The document's own id; `None` when it has none, and then the content hash identifies it.
    pub id: Option<String>,
    /// Hex SHA-256 of the text and metadata ([`content_hash`]): tells a changed document apart.
    pub content_hash: String,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The outlet ("Reuters"); distinct values make an event's `num_sources`.
    pub source: Option<String>,
    pub text: String,
}

impl DocumentRecord {
    /// A record whose content hash is computed from the other fields.
    pub fn new(
        id: Option<String>,
        date: Option<NaiveDate>,
        title: Option<String>,
        url: Option<String>,
        source: Option<String>,
        text: String,
    ) -> Self {
        let content_hash = content_hash(
            &text,
            date,
            title.as_deref(),
            url.as_deref(),
            source.as_deref(),
        );
        DocumentRecord {
            id,
            content_hash,
            date,
            title,
            url,
            source,
            text,
        }
    }

    /// The key the store identifies the document by: its id, else `#` and its content hash.
    pub fn key(&self) -> String {
        match &self.id {
            Some(id) => id.clone(),
            None => format!("#{}", self.content_hash),
        }
    }
}

/// Hex SHA-256 over the text and the metadata that change what is coded or counted. Each field is
/// length-prefixed so that moving bytes between fields changes the hash.
pub fn content_hash(
    text: &str,
    date: Option<NaiveDate>,
    title: Option<&str>,
    url: Option<&str>,
    source: Option<&str>,
) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let date = date.map(|d| d.to_string());
    for field in [Some(text), date.as_deref(), title, url, source] {
        match field {
            Some(s) => {
                h.update([1u8]);
                h.update((s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update([0u8]),
        }
    }
    let digest = h.finalize();
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// An actor as coded: CAMEO code, country (ISO alpha-3), the name as written and its byte span.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorRecord {
    pub code: String,
    pub country: Option<String>,
    pub name: String,
    pub span: (usize, usize),
}

/// What justifies an event: the verb as written, the byte span of the matched pattern, the pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceRecord {
    pub verb: String,
    pub span: (usize, usize),
    pub pattern: String,
}

/// Where an event happened (filled by a later context layer; the columns exist already).
#[derive(Clone, Debug, PartialEq)]
pub struct LocationRecord {
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// How exact the place is: "country", "admin1", "city", ...
    pub precision: Option<String>,
}

impl LocationRecord {
    /// The part of the deduplication key that says where: country, admin1 and name, case-folded.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.country.as_deref().unwrap_or("").to_lowercase(),
            self.admin1.as_deref().unwrap_or("").to_lowercase(),
            self.name.trim().to_lowercase()
        )
    }
}

/// One coded occurrence of an event in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRecord {
    pub sentence_index: usize,
    /// Byte span `[start, end)` of the sentence in the document text.
    pub sentence_span: (usize, usize),
    pub sentence: String,
    /// The event's date (today: the publication date; later: resolved from the text).
    pub date: Option<NaiveDate>,
    /// "day", "week", "month", "year", or `None` when not resolved.
    pub date_precision: Option<String>,
    pub cameo: String,
    pub root: String,
    pub goldstein: Option<f64>,
    pub quad_class: Option<u8>,
    pub source: Option<ActorRecord>,
    pub target: Option<ActorRecord>,
    pub evidence: EvidenceRecord,
    pub attribution: Option<ActorRecord>,
    pub location: Option<LocationRecord>,
}

/// A document with the events coded from it: the unit of ingestion.
#[derive(Clone, Debug, PartialEq)]
pub struct CodedDocument {
    pub document: DocumentRecord,
    pub events: Vec<EventRecord>,
}

/// One deduplicated event, as queries and exports return it. Field names are the column names of
/// the CSV, JSONL and Parquet exports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    pub event_id: i64,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub source_code: Option<String>,
    pub source_country: Option<String>,
    pub source_name: Option<String>,
    pub target_code: Option<String>,
    pub target_country: Option<String>,
    pub target_name: Option<String>,
    pub cameo: String,
    pub root: String,
    pub goldstein: Option<f64>,
    pub quad_class: Option<u8>,
    pub location_name: Option<String>,
    pub location_country: Option<String>,
    pub location_admin1: Option<String>,
    pub location_lat: Option<f64>,
    pub location_lon: Option<f64>,
    pub location_precision: Option<String>,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    /// Earliest and latest publication date of the documents that report the event.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The URL of the earliest report (GDELT's SOURCEURL).
    pub url: Option<String>,
    /// Whether some report has the event in its first sentence (GDELT's IsRootEvent).
    pub lead: bool,
    /// When the event was first stored, UTC, `YYYY-MM-DD HH:MM:SS`.
    pub added: String,
}

/// Row counts of every table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub documents: i64,
    pub sentences: i64,
    pub events: i64,
    pub mentions: i64,
    pub actors: i64,
}

/// How to open a store.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// Create the file when it does not exist.
    pub create: bool,
    /// How long to wait for another process's write lock before giving up.
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            create: true,
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// An open event store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    busy_timeout: Duration,
    /// (code, country, name) -> actors.id; cleared whenever a transaction fails.
    actors: HashMap<(String, Option<String>, String), i64>,
}

impl Store {
    /// Opens the store at `path`, creating it (and upgrading an older schema) as needed.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &OpenOptions::default())
    }

    /// Opens an existing store; a missing file is an error rather than a new empty store.
    pub fn open_existing(path: &Path) -> Result<Store> {
        Store::open_with(
            path,
            &OpenOptions {
                create: false,
                ..OpenOptions::default()
            },
        )
    }

    pub fn open_with(path: &Path, opts: &OpenOptions) -> Result<Store> {
        let conn = schema::open(path, opts)?;
        // The writer alone cycles through about twenty statements per document.
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            busy_timeout: opts.busy_timeout,
            actors: HashMap::new(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Row counts of every table.
    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .map_err(|e| self.err(e))
        };
        Ok(Counts {
            documents: n("documents")?,
            sentences: n("sentences")?,
            events: n("events")?,
            mentions: n("mentions")?,
            actors: n("actors")?,
        })
    }

    /// SQLite's `PRAGMA integrity_check` plus a foreign-key check and a check that every event's
    /// counts agree with its mentions. Returns the problems found (empty when all is well).
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        for r in rows {
            let r = r.map_err(|e| self.err(e))?;
            if r != "ok" {
                problems.push(r);
            }
        }
        let mut stmt = self
            .conn
            .prepare("PRAGMA foreign_key_check")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "foreign key: row {} of {} points to a missing {} row",
                    r.get::<_, Option<i64>>(1)?.unwrap_or(-1),
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(2)?
                ))
            })
            .map_err(|e| self.err(e))?;
        for r in rows {
            problems.push(r.map_err(|e| self.err(e))?);
        }
        let bad: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM events e WHERE num_mentions <> \
                 (SELECT count(*) FROM mentions m WHERE m.event = e.id) \
                 OR num_articles <> (SELECT count(DISTINCT doc) FROM mentions m WHERE m.event = e.id) \
                 OR num_mentions = 0",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        if bad > 0 {
            problems.push(format!(
                "{bad} events whose counts disagree with their mentions"
            ));
        }
        // Actor filters find codes through the actors table, so every event code must be there.
        let unlisted: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM events WHERE source_code NOT IN (SELECT code FROM actors) \
                 OR target_code NOT IN (SELECT code FROM actors)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        if unlisted > 0 {
            problems.push(format!(
                "{unlisted} events whose actor codes are not in actors"
            ));
        }
        let fts: std::result::Result<(), rusqlite::Error> = self.conn.execute_batch(
            "INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)",
        );
        if let Err(e) = fts {
            problems.push(format!("full-text index: {e}"));
        }
        Ok(problems)
    }

    /// Refreshes the statistics the query planner chooses indexes by (a sampled `ANALYZE`, which
    /// takes well under a second even on millions of events). Worth running after an ingest.
    pub fn optimize(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")
            .map_err(|e| self.err(e))
    }

    /// Gives a rusqlite error the context of this store's path.
    fn err(&self, e: rusqlite::Error) -> Error {
        Error::from_sqlite(&self.path, self.busy_timeout, e)
    }

    /// Limits the database to `pages` pages, as a full disk would (for tests of that path).
    #[doc(hidden)]
    pub fn limit_pages_for_test(&self, pages: u64) -> Result<()> {
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
            .map_err(|e| self.err(e))
    }
}
