//! Ingestion: one transaction per batch of documents, idempotent, with exact dedup counts.

use crate::{ActorRecord, CodedDocument, EventRecord, Result, Store};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use std::collections::{BTreeSet, HashMap};

/// What one batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Documents not seen before.
    pub added: usize,
    /// Documents whose content changed: their old mentions were replaced.
    pub replaced: usize,
    /// Documents already stored with the same content: nothing was written for them.
    pub unchanged: usize,
    /// Mentions written.
    pub mentions: usize,
    /// Events created (the others were already there and gained mentions).
    pub new_events: usize,
}

impl BatchStats {
    pub fn add(&mut self, o: &BatchStats) {
        self.added += o.added;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
        self.mentions += o.mentions;
        self.new_events += o.new_events;
    }
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

fn day(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Store {
    /// Which of these documents are already stored with exactly this content (so they need not
    /// be coded again). Reads only; the authoritative check happens again in [`Store::write_batch`].
    pub fn unchanged(&self, docs: &[(String, String)]) -> Result<Vec<bool>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT content_hash FROM documents WHERE id = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(docs.len());
        for (key, hash) in docs {
            let stored: Option<String> = stmt
                .query_row([key], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?;
            out.push(stored.as_deref() == Some(hash.as_str()));
        }
        Ok(out)
    }

    /// Stores a batch of coded documents in one transaction: all of it or, on any error, none.
    ///
    /// A document already stored with the same key and content hash is skipped; one with the same
    /// key and another hash replaces the stored version (its mentions, sentences and their events'
    /// counts). Events are deduplicated on (date, source code, target code, CAMEO, location key).
    pub fn write_batch(&mut self, batch: &[CodedDocument]) -> Result<BatchStats> {
        let result = self.try_write_batch(batch);
        if result.is_err() {
            // Ids cached during a rolled-back transaction may now belong to nothing.
            self.actors.clear();
        }
        result
    }

    fn try_write_batch(&mut self, batch: &[CodedDocument]) -> Result<BatchStats> {
        let path = self.path.clone();
        let waited = self.busy_timeout;
        let err = |e| crate::Error::from_sqlite(&path, waited, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut stats = BatchStats::default();
        let mut touched = BTreeSet::new();
        let mut sentences = Vec::new();
        let added = now();
        for cd in batch {
            let mut w = Writing {
                tx: &tx,
                actors: &mut self.actors,
                added: &added,
                stats: &mut stats,
                touched: &mut touched,
                sentences: &mut sentences,
            };
            w.document(cd).map_err(err)?;
        }
        index_sentences(&tx, &sentences).map_err(err)?;
        recount(&tx, &touched).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(stats)
    }
}

/// The state of one batch's transaction.
struct Writing<'a, 't> {
    tx: &'a Transaction<'t>,
    actors: &'a mut HashMap<(String, Option<String>, String), i64>,
    added: &'a str,
    stats: &'a mut BatchStats,
    /// Events whose counts must be recomputed at the end of the batch.
    touched: &'a mut BTreeSet<i64>,
    /// Sentences inserted by the batch, for the full-text index.
    sentences: &'a mut Vec<i64>,
}

impl Writing<'_, '_> {
    fn document(&mut self, cd: &CodedDocument) -> rusqlite::Result<()> {
        let tx = self.tx;
        let added = self.added;
        let d = &cd.document;
        let key = d.key();
        let existing: Option<(i64, String)> = tx
            .prepare_cached("SELECT doc, content_hash FROM documents WHERE id = ?1")?
            .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let doc = match existing {
            Some((_, hash)) if hash == d.content_hash => {
                self.stats.unchanged += 1;
                return Ok(());
            }
            Some((doc, _)) => {
                // The events the old version reported lose its mentions; recount them afterwards.
                let mut stmt =
                    tx.prepare_cached("SELECT DISTINCT event FROM mentions WHERE doc = ?1")?;
                for ev in stmt.query_map([doc], |r| r.get::<_, i64>(0))? {
                    self.touched.insert(ev?);
                }
                tx.prepare_cached("DELETE FROM mentions WHERE doc = ?1")?
                    .execute([doc])?;
                tx.prepare_cached(
                    "INSERT INTO sentences_fts (sentences_fts, rowid, text) \
                 SELECT 'delete', id, text FROM sentences WHERE doc = ?1",
                )?
                .execute([doc])?;
                tx.prepare_cached("DELETE FROM sentences WHERE doc = ?1")?
                    .execute([doc])?;
                tx.prepare_cached(
                    "UPDATE documents SET content_hash = ?2, date = ?3, title = ?4, url = ?5, \
                 source = ?6, text = ?7, ingested = ?8 WHERE doc = ?1",
                )?
                .execute(params![
                    doc,
                    d.content_hash,
                    day(d.date),
                    d.title,
                    d.url,
                    d.source,
                    d.text,
                    added
                ])?;
                self.stats.replaced += 1;
                doc
            }
            None => {
                tx.prepare_cached(
                "INSERT INTO documents (id, content_hash, date, title, url, source, text, ingested) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                key,
                d.content_hash,
                day(d.date),
                d.title,
                d.url,
                d.source,
                d.text,
                added
            ])?;
                self.stats.added += 1;
                tx.last_insert_rowid()
            }
        };
        let mut sentences: HashMap<usize, i64> = HashMap::new();
        for e in &cd.events {
            let sentence = match sentences.get(&e.sentence_index) {
                Some(&id) => id,
                None => {
                    tx.prepare_cached(
                    "INSERT INTO sentences (doc, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    doc,
                    int(e.sentence_index),
                    int(e.sentence_span.0),
                    int(e.sentence_span.1),
                    e.sentence
                ])?;
                    let id = tx.last_insert_rowid();
                    sentences.insert(e.sentence_index, id);
                    self.sentences.push(id);
                    id
                }
            };
            let (event, created) = find_or_create_event(tx, e, added)?;
            if created {
                self.stats.new_events += 1;
            }
            self.touched.insert(event);
            let source = actor_id(tx, self.actors, e.source.as_ref())?;
            let target = actor_id(tx, self.actors, e.target.as_ref())?;
            let attribution = actor_id(tx, self.actors, e.attribution.as_ref())?;
            let span = |a: &Option<ActorRecord>| {
                (
                    a.as_ref().map(|a| int(a.span.0)),
                    a.as_ref().map(|a| int(a.span.1)),
                )
            };
            let (ss, se) = span(&e.source);
            let (ts, te) = span(&e.target);
            let (as_, ae) = span(&e.attribution);
            tx.prepare_cached(
            "INSERT INTO mentions (event, doc, sentence, event_date, date_precision, \
             source_actor, source_start, source_end, target_actor, target_start, target_end, \
             attribution_actor, attribution_start, attribution_end, verb, evidence_start, \
             evidence_end, pattern) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        )?
        .execute(params![
            event,
            doc,
            sentence,
            day(e.date),
            e.date_precision,
            source,
            ss,
            se,
            target,
            ts,
            te,
            attribution,
            as_,
            ae,
            e.evidence.verb,
            int(e.evidence.span.0),
            int(e.evidence.span.1),
            e.evidence.pattern
        ])?;
            self.stats.mentions += 1;
        }
        Ok(())
    }
}

/// Adds the batch's new sentences to the full-text index in one statement.
fn index_sentences(tx: &Transaction, ids: &[i64]) -> rusqlite::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    tx.prepare_cached(
        "INSERT INTO sentences_fts (rowid, text) \
         SELECT id, text FROM sentences WHERE id IN (SELECT value FROM json_each(?1))",
    )?
    .execute([list])?;
    Ok(())
}

fn find_or_create_event(
    tx: &Transaction,
    e: &EventRecord,
    added: &str,
) -> rusqlite::Result<(i64, bool)> {
    let date = day(e.date);
    let loc_key = e.location.as_ref().map(|l| l.key()).unwrap_or_default();
    let source = e.source.as_ref().map(|a| a.code.as_str());
    let target = e.target.as_ref().map(|a| a.code.as_str());
    // The expressions match the events_key index exactly, so this is one index probe.
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM events WHERE ifnull(date, '') = ?1 AND ifnull(source_code, '') = ?2 \
             AND ifnull(target_code, '') = ?3 AND cameo = ?4 AND location_key = ?5",
        )?
        .query_row(
            params![
                date.as_deref().unwrap_or(""),
                source.unwrap_or(""),
                target.unwrap_or(""),
                e.cameo,
                loc_key
            ],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return Ok((id, false));
    }
    let loc = e.location.as_ref();
    tx.prepare_cached(
        "INSERT INTO events (date, date_precision, source_code, source_country, source_name, \
         target_code, target_country, target_name, cameo, root, goldstein, quad_class, \
         location_key, location_name, location_country, location_admin1, location_lat, \
         location_lon, location_precision, added) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?
    .execute(params![
        date,
        e.date_precision,
        source,
        e.source.as_ref().and_then(|a| a.country.as_deref()),
        e.source.as_ref().map(|a| a.name.as_str()),
        target,
        e.target.as_ref().and_then(|a| a.country.as_deref()),
        e.target.as_ref().map(|a| a.name.as_str()),
        e.cameo,
        e.root,
        e.goldstein,
        e.quad_class,
        loc_key,
        loc.map(|l| l.name.as_str()),
        loc.and_then(|l| l.country.as_deref()),
        loc.and_then(|l| l.admin1.as_deref()),
        loc.and_then(|l| l.lat),
        loc.and_then(|l| l.lon),
        loc.and_then(|l| l.precision.as_deref()),
        added
    ])?;
    Ok((tx.last_insert_rowid(), true))
}

fn actor_id(
    tx: &Transaction,
    cache: &mut HashMap<(String, Option<String>, String), i64>,
    a: Option<&ActorRecord>,
) -> rusqlite::Result<Option<i64>> {
    let Some(a) = a else { return Ok(None) };
    let key = (a.code.clone(), a.country.clone(), a.name.clone());
    if let Some(&id) = cache.get(&key) {
        return Ok(Some(id));
    }
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM actors WHERE code = ?1 AND name = ?2 AND ifnull(country, '') = ?3",
        )?
        .query_row(
            params![a.code, a.name, a.country.as_deref().unwrap_or("")],
            |r| r.get(0),
        )
        .optional()?;
    let id = match found {
        Some(id) => id,
        None => {
            tx.prepare_cached("INSERT INTO actors (code, country, name) VALUES (?1, ?2, ?3)")?
                .execute(params![a.code, a.country, a.name])?;
            tx.last_insert_rowid()
        }
    };
    cache.insert(key, id);
    Ok(Some(id))
}

/// Recomputes the counts of every event a batch touched from its mentions, and drops events left
/// without any (a replaced document was their only report). The aggregation is done here rather
/// than with `count(DISTINCT ...)` in SQL: SQLite builds two temporary b-trees per event for that,
/// which made this step most of the ingest time.
fn recount(tx: &Transaction, touched: &BTreeSet<i64>) -> rusqlite::Result<()> {
    let mut rows = tx.prepare_cached(
        "SELECT m.id, m.doc, d.source, d.date, d.url, s.idx, sa.name, ta.name \
         FROM mentions m JOIN documents d ON d.doc = m.doc JOIN sentences s ON s.id = m.sentence \
         LEFT JOIN actors sa ON sa.id = m.source_actor LEFT JOIN actors ta ON ta.id = m.target_actor \
         WHERE m.event = ?1",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE events SET num_mentions = ?2, num_articles = ?3, num_sources = ?4, \
         first_seen = ?5, last_seen = ?6, lead = ?7, url = ?8, \
         source_name = ifnull(?9, source_name), target_name = ifnull(?10, target_name) \
         WHERE id = ?1",
    )?;
    let mut delete = tx.prepare_cached("DELETE FROM events WHERE id = ?1")?;
    for &id in touched {
        let mut c = Count::default();
        let mut q = rows.query([id])?;
        while let Some(r) = q.next()? {
            c.add(
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            );
        }
        if c.mentions == 0 {
            delete.execute([id])?;
            continue;
        }
        let url = c.earliest.and_then(|(_, url)| url);
        let (source_name, target_name) = c.names;
        update.execute(params![
            id,
            c.mentions,
            int(c.docs.len()),
            int(c.sources.len()),
            c.first_seen,
            c.last_seen,
            c.lead,
            url,
            source_name,
            target_name
        ])?;
    }
    Ok(())
}

/// Reports ordered by publication date (undated last), then by mention id.
type ReportOrder = (bool, Option<String>, i64);

/// The counts of one event, gathered from its mentions.
#[derive(Default)]
struct Count {
    mentions: i64,
    docs: std::collections::HashSet<i64>,
    /// A document without an outlet counts as one unknown outlet.
    sources: std::collections::HashSet<Option<String>>,
    first_seen: Option<String>,
    last_seen: Option<String>,
    lead: bool,
    /// The order key and URL of the earliest report.
    earliest: Option<(ReportOrder, Option<String>)>,
    /// Actor names of the first mention (the lowest mention id).
    first_mention: Option<i64>,
    names: (Option<String>, Option<String>),
}

impl Count {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        mention: i64,
        doc: i64,
        source: Option<String>,
        date: Option<String>,
        url: Option<String>,
        sentence_index: i64,
        source_name: Option<String>,
        target_name: Option<String>,
    ) {
        self.mentions += 1;
        self.docs.insert(doc);
        self.sources.insert(source);
        if let Some(d) = &date {
            if self.first_seen.as_ref().is_none_or(|f| d < f) {
                self.first_seen = Some(d.clone());
            }
            if self.last_seen.as_ref().is_none_or(|l| d > l) {
                self.last_seen = Some(d.clone());
            }
        }
        self.lead |= sentence_index == 0;
        let key = (date.is_none(), date, mention);
        if self.earliest.as_ref().is_none_or(|(k, _)| key < *k) {
            self.earliest = Some((key, url));
        }
        if self.first_mention.is_none_or(|m| mention < m) {
            self.first_mention = Some(mention);
            self.names = (source_name, target_name);
        }
    }
}
