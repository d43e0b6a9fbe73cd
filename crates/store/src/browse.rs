//! Reads for interactive use (the HTTP API): event pages with a resumable cursor, actor search,
//! a document with its coded events, and a way to interrupt a query that runs too long.

use crate::read::{event_row, mention_row, EVENT_SELECT, MENTION_SELECT};
use crate::{Error, EventRow, Filter, MentionRow, Result, Store};
use rusqlite::types::Value;
use serde::Serialize;
use std::fmt;

/// Where a page of events ended: the (date, id) of its last event. Events are ordered by date
/// (undated first, as SQLite sorts NULL) then id, so a page resumes after its cursor even while
/// new events are stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub date: Option<String>,
    pub id: i64,
}

impl fmt::Display for Cursor {
    /// `2016-05-17.42`, or `.42` for an undated event.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.date.as_deref().unwrap_or(""), self.id)
    }
}

impl std::str::FromStr for Cursor {
    type Err = Error;
    fn from_str(s: &str) -> Result<Cursor> {
        let bad = || {
            Error::BadFilter(format!(
                "cursor {s:?}: not a cursor (pass the `next` value of the previous page as it is)"
            ))
        };
        let (date, id) = s.rsplit_once('.').ok_or_else(bad)?;
        let id: i64 = id.parse().map_err(|_| bad())?;
        let date = if date.is_empty() {
            None
        } else {
            chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| bad())?;
            Some(date.to_string())
        };
        Ok(Cursor { date, id })
    }
}

/// An actor code as stored, with how often it appears and the names it was written as.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorMatch {
    pub code: String,
    pub country: Option<String>,
    /// Up to five of the names the code was found as.
    pub names: Vec<String>,
    /// Deduplicated events with this code as source, and as target.
    pub as_source: i64,
    pub as_target: i64,
}

/// A stored document with every report coded from it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentView {
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub text: String,
    pub mentions: Vec<MentionRow>,
}

/// Stops the query running on a store's connection from another thread; the query then fails
/// with [`Error::Interrupted`]. Harmless when nothing runs.
pub struct Interrupt(rusqlite::InterruptHandle);

impl Interrupt {
    pub fn interrupt(&self) {
        self.0.interrupt()
    }
}

impl Store {
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }

    /// Up to `size` events the filter selects, after `after`, in the order of
    /// [`Store::for_each_event`]; with the cursor of the next page when there may be one. The
    /// filter's own `limit` is ignored.
    pub fn events_page(
        &self,
        filter: &Filter,
        after: Option<&Cursor>,
        size: u64,
    ) -> Result<(Vec<EventRow>, Option<Cursor>)> {
        let (cond, mut params) = filter.to_sql()?;
        self.check_text(filter)?;
        let mut sql = format!("{EVENT_SELECT} WHERE {cond}");
        if let Some(c) = after {
            params.push(Value::Integer(c.id));
            let id = params.len();
            match &c.date {
                None => sql.push_str(&format!(
                    " AND (date IS NOT NULL OR (date IS NULL AND id > ?{id}))"
                )),
                Some(d) => {
                    params.push(Value::Text(d.clone()));
                    let d = params.len();
                    sql.push_str(&format!(
                        " AND (date > ?{d} OR (date = ?{d} AND id > ?{id}))"
                    ));
                }
            }
        }
        // One row more than asked tells whether a next page exists.
        params.push(Value::Integer(
            i64::try_from(size.saturating_add(1)).unwrap_or(i64::MAX),
        ));
        sql.push_str(&format!(" ORDER BY date, id LIMIT ?{}", params.len()));
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows: Vec<EventRow> = stmt
            .query_map(rusqlite::params_from_iter(params), event_row)
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        let next = if rows.len() as u64 > size {
            rows.truncate(size as usize);
            rows.last().map(|e| Cursor {
                date: e.date.clone(),
                id: e.event_id,
            })
        } else {
            None
        };
        Ok((rows, next))
    }

    /// One event by id.
    pub fn event(&self, id: i64) -> Result<Option<EventRow>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{EVENT_SELECT} WHERE id = ?1"))
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([id]).map_err(|e| self.err(e))?;
        match rows.next().map_err(|e| self.err(e))? {
            Some(r) => Ok(Some(event_row(r).map_err(|e| self.err(e))?)),
            None => Ok(None),
        }
    }

    /// Actors whose code starts with `q` or whose name contains it (case-insensitive), most
    /// frequent first; an empty `q` lists the most frequent actors.
    pub fn search_actors(&self, q: &str, limit: u64) -> Result<Vec<ActorMatch>> {
        let q = q.trim();
        let code_prefix = q.to_ascii_uppercase();
        // LIKE's wildcards in the query are taken literally.
        let name_like = format!(
            "%{}%",
            q.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let mut stmt = self
            .conn
            .prepare_cached(
                "WITH codes AS (SELECT DISTINCT code FROM actors \
                   WHERE ?1 = '' OR substr(code, 1, length(?1)) = ?1 OR name LIKE ?2 ESCAPE '\\'), \
                 counted AS (SELECT code, \
                   (SELECT count(*) FROM events WHERE source_code = codes.code) AS s, \
                   (SELECT count(*) FROM events WHERE target_code = codes.code) AS t FROM codes) \
                 SELECT code, s, t FROM counted ORDER BY s + t DESC, code LIMIT ?3",
            )
            .map_err(|e| self.err(e))?;
        let rows: Vec<(String, i64, i64)> = stmt
            .query_map(
                rusqlite::params![
                    code_prefix,
                    name_like,
                    i64::try_from(limit).unwrap_or(i64::MAX)
                ],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        let mut names = self
            .conn
            .prepare_cached(
                "SELECT name, country FROM actors WHERE code = ?1 ORDER BY name LIMIT 5",
            )
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(rows.len());
        for (code, as_source, as_target) in rows {
            let found: Vec<(String, Option<String>)> = names
                .query_map([&code], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(|e| self.err(e))?
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e))?;
            let country = found.iter().find_map(|(_, c)| c.clone());
            out.push(ActorMatch {
                code,
                country,
                names: found.into_iter().map(|(n, _)| n).collect(),
                as_source,
                as_target,
            });
        }
        Ok(out)
    }

    /// A document by its id (or `#` and its content hash), with its reports in text order.
    pub fn document(&self, id: &str) -> Result<Option<DocumentView>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT doc, id, date, title, url, source, text FROM documents WHERE id = ?1",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([id]).map_err(|e| self.err(e))?;
        let Some(r) = rows.next().map_err(|e| self.err(e))? else {
            return Ok(None);
        };
        let get = |r: &rusqlite::Row| -> rusqlite::Result<(i64, DocumentView)> {
            Ok((
                r.get(0)?,
                DocumentView {
                    id: r.get(1)?,
                    date: r.get(2)?,
                    title: r.get(3)?,
                    url: r.get(4)?,
                    source: r.get(5)?,
                    text: r.get(6)?,
                    mentions: Vec::new(),
                },
            ))
        };
        let (doc, mut view) = get(r).map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "{MENTION_SELECT} WHERE m.doc = ?1 ORDER BY s.idx, m.evidence_start, m.id"
            ))
            .map_err(|e| self.err(e))?;
        view.mentions = stmt
            .query_map([doc], mention_row)
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        Ok(Some(view))
    }
}
