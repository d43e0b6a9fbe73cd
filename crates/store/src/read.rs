//! Queries: filters over deduplicated events, their mentions, and time-series aggregates.

use crate::{Error, EventRow, Result, Store};
use chrono::NaiveDate;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// Which events a query, an aggregate or an export covers. Every field narrows; `None` is "any".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Source actor code or prefix: "RUS" matches RUS, RUSGOV, RUSMIL.
    pub source: Option<String>,
    /// Target actor code or prefix.
    pub target: Option<String>,
    /// Either actor's code or prefix.
    pub actor: Option<String>,
    /// Either actor's country (ISO alpha-3).
    pub country: Option<String>,
    /// CAMEO code and the codes below it: "112" matches 112 and 1121.
    pub cameo: Option<String>,
    /// CAMEO root, two digits.
    pub root: Option<String>,
    /// QuadClass, 1 to 4.
    pub quad: Option<u8>,
    pub goldstein_min: Option<f64>,
    pub goldstein_max: Option<f64>,
    /// Event date range, both ends included.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The event location's country.
    pub location_country: Option<String>,
    /// An SQLite FTS5 query over the sentences that report the event.
    pub text: Option<String>,
    pub limit: Option<u64>,
}

/// One report of an event: the document, the sentence and the spans that justify the coding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionRow {
    pub mention_id: i64,
    pub event_id: i64,
    pub doc_id: String,
    pub doc_date: Option<String>,
    pub doc_source: Option<String>,
    pub doc_url: Option<String>,
    pub sentence_index: i64,
    pub sentence_start: i64,
    pub sentence_end: i64,
    pub sentence: String,
    pub event_date: Option<String>,
    pub date_precision: Option<String>,
    pub source_code: Option<String>,
    pub source_name: Option<String>,
    pub source_start: Option<i64>,
    pub source_end: Option<i64>,
    pub target_code: Option<String>,
    pub target_name: Option<String>,
    pub target_start: Option<i64>,
    pub target_end: Option<i64>,
    pub attribution_code: Option<String>,
    pub attribution_name: Option<String>,
    pub attribution_start: Option<i64>,
    pub attribution_end: Option<i64>,
    pub verb: String,
    pub evidence_start: i64,
    pub evidence_end: i64,
    pub pattern: String,
}

/// The time unit of an aggregate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO weeks, labelled by their Monday (`2016-05-16`).
    Week,
    /// `2016-05`
    Month,
    /// `2016`
    Year,
}

/// One period of an aggregate. Counts are of deduplicated events; `mentions` adds their reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatsRow {
    pub period: String,
    pub events: i64,
    pub mentions: i64,
    /// Mean Goldstein score of the events.
    pub goldstein_mean: Option<f64>,
    /// Mean Goldstein score weighted by mentions, as GDELT-based indexes usually weigh it.
    pub goldstein_weighted: Option<f64>,
    pub quad1: i64,
    pub quad2: i64,
    pub quad3: i64,
    pub quad4: i64,
}

/// An actor code given as a filter: letters and digits, compared in upper case.
fn code(flag: &str, s: &str) -> Result<String> {
    let s = s.trim().to_ascii_uppercase();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Error::BadFilter(format!(
            "{flag} {s:?}: an actor code or prefix is letters and digits (RUS, RUSGOV, IGOUNO)"
        )));
    }
    Ok(s)
}

/// The smallest string above every string that starts with `prefix` (ASCII letters and digits).
fn after_prefix(prefix: &str) -> String {
    let mut b = prefix.as_bytes().to_vec();
    if let Some(last) = b.last_mut() {
        *last += 1;
    }
    String::from_utf8(b).unwrap_or_default()
}

impl Filter {
    /// Checks every value and returns the SQL condition and its parameters.
    pub(crate) fn to_sql(&self) -> Result<(String, Vec<Value>)> {
        let mut conds: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        let prefix = |col: &str, p: &str, conds: &mut Vec<String>, params: &mut Vec<Value>| {
            params.push(Value::Text(p.to_string()));
            params.push(Value::Text(after_prefix(p)));
            let n = params.len();
            conds.push(format!("({col} >= ?{} AND {col} < ?{n})", n - 1));
        };
        // An actor prefix becomes the list of codes it covers, taken from the small actors table
        // (which holds every code an event carries): the index on (source_code, target_code,
        // date) is then probed once per pair of codes instead of scanning every code in the
        // source range for matching targets.
        let actor_codes = |col: &str, p: &str, conds: &mut Vec<String>, params: &mut Vec<Value>| {
            params.push(Value::Text(p.to_string()));
            params.push(Value::Text(after_prefix(p)));
            let n = params.len();
            conds.push(format!(
                "{col} IN (SELECT code FROM actors WHERE code >= ?{} AND code < ?{n})",
                n - 1
            ));
        };
        if let Some(s) = &self.source {
            let c = code("--source", s)?;
            actor_codes("source_code", &c, &mut conds, &mut params);
        }
        if let Some(s) = &self.target {
            let c = code("--target", s)?;
            actor_codes("target_code", &c, &mut conds, &mut params);
        }
        if let Some(s) = &self.actor {
            let c = code("--actor", s)?;
            let mut either = Vec::new();
            actor_codes("source_code", &c, &mut either, &mut params);
            actor_codes("target_code", &c, &mut either, &mut params);
            conds.push(format!("({})", either.join(" OR ")));
        }
        if let Some(c) = &self.country {
            let c = country("--country", c)?;
            params.push(Value::Text(c));
            let n = params.len();
            conds.push(format!("(source_country = ?{n} OR target_country = ?{n})"));
        }
        if let Some(c) = &self.cameo {
            let c = c.trim();
            if !(2..=4).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::BadFilter(format!(
                    "--cameo {c:?}: a CAMEO code is 2 to 4 digits (19, 190, 1951)"
                )));
            }
            prefix("cameo", c, &mut conds, &mut params);
        }
        if let Some(r) = &self.root {
            let r = r.trim();
            let ok = r.len() == 2
                && r.bytes().all(|b| b.is_ascii_digit())
                && (1..=20).contains(&r.parse::<u8>().unwrap_or(0));
            if !ok {
                return Err(Error::BadFilter(format!(
                    "--root {r:?}: a CAMEO root is two digits from 01 to 20"
                )));
            }
            params.push(Value::Text(r.to_string()));
            conds.push(format!("root = ?{}", params.len()));
        }
        if let Some(q) = self.quad {
            if !(1..=4).contains(&q) {
                return Err(Error::BadFilter(format!(
                    "--quad {q}: QuadClass is 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)"
                )));
            }
            params.push(Value::Integer(q.into()));
            conds.push(format!("quad_class = ?{}", params.len()));
        }
        for (flag, v, op) in [
            ("--goldstein-min", self.goldstein_min, ">="),
            ("--goldstein-max", self.goldstein_max, "<="),
        ] {
            if let Some(g) = v {
                if !(-10.0..=10.0).contains(&g) {
                    return Err(Error::BadFilter(format!(
                        "{flag} {g}: Goldstein scores run from -10 to 10"
                    )));
                }
                params.push(Value::Real(g));
                conds.push(format!("goldstein {op} ?{}", params.len()));
            }
        }
        if let (Some(lo), Some(hi)) = (self.goldstein_min, self.goldstein_max) {
            if lo > hi {
                return Err(Error::BadFilter(format!(
                    "--goldstein-min {lo} is above --goldstein-max {hi}"
                )));
            }
        }
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from > to {
                return Err(Error::BadFilter(format!(
                    "--from {from} is after --to {to}"
                )));
            }
        }
        if let Some(d) = self.from {
            params.push(Value::Text(d.to_string()));
            conds.push(format!("date >= ?{}", params.len()));
        }
        if let Some(d) = self.to {
            params.push(Value::Text(d.to_string()));
            conds.push(format!("date <= ?{}", params.len()));
        }
        if let Some(c) = &self.location_country {
            params.push(Value::Text(country("--location-country", c)?));
            conds.push(format!("location_country = ?{}", params.len()));
        }
        if let Some(t) = &self.text {
            if t.trim().is_empty() {
                return Err(Error::BadFilter("--text: the search text is empty".into()));
            }
            params.push(Value::Text(t.clone()));
            conds.push(format!(
                "id IN (SELECT m.event FROM mentions m WHERE m.sentence IN \
                 (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?{}))",
                params.len()
            ));
        }
        let sql = if conds.is_empty() {
            "1".to_string()
        } else {
            conds.join(" AND ")
        };
        Ok((sql, params))
    }
}

fn country(flag: &str, c: &str) -> Result<String> {
    let c = c.trim().to_ascii_uppercase();
    if !(2..=3).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::BadFilter(format!(
            "{flag} {c:?}: a country is an ISO 3166 code of 2 or 3 letters (RUS, TUR)"
        )));
    }
    Ok(c)
}

pub(crate) const EVENT_SELECT: &str =
    "SELECT id, date, date_precision, source_code, source_country, \
    source_name, target_code, target_country, target_name, cameo, root, goldstein, quad_class, \
    location_name, location_country, location_admin1, location_lat, location_lon, \
    location_precision, num_mentions, num_sources, num_articles, first_seen, last_seen, url, lead, \
    added FROM events";

pub(crate) fn event_row(r: &rusqlite::Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        event_id: r.get(0)?,
        date: r.get(1)?,
        date_precision: r.get(2)?,
        source_code: r.get(3)?,
        source_country: r.get(4)?,
        source_name: r.get(5)?,
        target_code: r.get(6)?,
        target_country: r.get(7)?,
        target_name: r.get(8)?,
        cameo: r.get(9)?,
        root: r.get(10)?,
        goldstein: r.get(11)?,
        quad_class: r.get(12)?,
        location_name: r.get(13)?,
        location_country: r.get(14)?,
        location_admin1: r.get(15)?,
        location_lat: r.get(16)?,
        location_lon: r.get(17)?,
        location_precision: r.get(18)?,
        num_mentions: r.get(19)?,
        num_sources: r.get(20)?,
        num_articles: r.get(21)?,
        first_seen: r.get(22)?,
        last_seen: r.get(23)?,
        url: r.get(24)?,
        lead: r.get(25)?,
        added: r.get(26)?,
    })
}

pub(crate) const MENTION_SELECT: &str =
    "SELECT m.id, m.event, d.id, d.date, d.source, d.url, s.idx, s.start, s.end, s.text, \
                 m.event_date, m.date_precision, \
                 sa.code, sa.name, m.source_start, m.source_end, \
                 ta.code, ta.name, m.target_start, m.target_end, \
                 aa.code, aa.name, m.attribution_start, m.attribution_end, \
                 m.verb, m.evidence_start, m.evidence_end, m.pattern \
                 FROM mentions m JOIN documents d ON d.doc = m.doc \
                 JOIN sentences s ON s.id = m.sentence \
                 LEFT JOIN actors sa ON sa.id = m.source_actor \
                 LEFT JOIN actors ta ON ta.id = m.target_actor \
                 LEFT JOIN actors aa ON aa.id = m.attribution_actor";

pub(crate) fn mention_row(r: &rusqlite::Row) -> rusqlite::Result<MentionRow> {
    Ok(MentionRow {
        mention_id: r.get(0)?,
        event_id: r.get(1)?,
        doc_id: r.get(2)?,
        doc_date: r.get(3)?,
        doc_source: r.get(4)?,
        doc_url: r.get(5)?,
        sentence_index: r.get(6)?,
        sentence_start: r.get(7)?,
        sentence_end: r.get(8)?,
        sentence: r.get(9)?,
        event_date: r.get(10)?,
        date_precision: r.get(11)?,
        source_code: r.get(12)?,
        source_name: r.get(13)?,
        source_start: r.get(14)?,
        source_end: r.get(15)?,
        target_code: r.get(16)?,
        target_name: r.get(17)?,
        target_start: r.get(18)?,
        target_end: r.get(19)?,
        attribution_code: r.get(20)?,
        attribution_name: r.get(21)?,
        attribution_start: r.get(22)?,
        attribution_end: r.get(23)?,
        verb: r.get(24)?,
        evidence_start: r.get(25)?,
        evidence_end: r.get(26)?,
        pattern: r.get(27)?,
    })
}

impl Store {
    /// Runs the full-text query alone first, so that a syntax error in it is reported as a bad
    /// `--text` value rather than as a database error.
    pub(crate) fn check_text(&self, filter: &Filter) -> Result<()> {
        let Some(t) = &filter.text else { return Ok(()) };
        let probe: rusqlite::Result<i64> = self.conn.query_row(
            "SELECT count(*) FROM (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1 LIMIT 1)",
            [t],
            |r| r.get(0),
        );
        match probe {
            Ok(_) => Ok(()),
            Err(rusqlite::Error::SqliteFailure(f, msg))
                if f.code == rusqlite::ffi::ErrorCode::Unknown =>
            {
                Err(Error::BadFilter(format!(
                    "--text {t:?}: not a valid full-text query ({}); put phrases and words with punctuation in double quotes",
                    msg.unwrap_or_else(|| f.to_string())
                )))
            }
            Err(e) => Err(self.err(e)),
        }
    }

    /// Calls `f` with every event the filter selects, by date then event id. Returns how many.
    pub fn for_each_event(
        &self,
        filter: &Filter,
        mut f: impl FnMut(&EventRow) -> Result<()>,
    ) -> Result<u64> {
        let (cond, mut params) = filter.to_sql()?;
        self.check_text(filter)?;
        let mut sql = format!("{EVENT_SELECT} WHERE {cond} ORDER BY date, id");
        if let Some(n) = filter.limit {
            params.push(Value::Integer(i64::try_from(n).unwrap_or(i64::MAX)));
            sql.push_str(&format!(" LIMIT ?{}", params.len()));
        }
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let ev = event_row(row).map_err(|e| self.err(e))?;
            f(&ev)?;
            n += 1;
        }
        Ok(n)
    }

    /// All events the filter selects, in query order.
    pub fn events(&self, filter: &Filter) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e.clone());
            Ok(())
        })?;
        Ok(out)
    }

    /// The reports of one event, in document then sentence order.
    pub fn mentions(&self, event_id: i64) -> Result<Vec<MentionRow>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "{MENTION_SELECT} WHERE m.event = ?1 ORDER BY d.date, d.id, s.idx, m.id"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([event_id], mention_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Counts, mean Goldstein and the QuadClass mix per period over the events the filter
    /// selects (its `limit` caps the number of periods). Events without a date are left out.
    pub fn stats(&self, filter: &Filter, by: Period) -> Result<Vec<StatsRow>> {
        let (cond, mut params) = filter.to_sql()?;
        self.check_text(filter)?;
        let period = match by {
            Period::Day => "date",
            // 'weekday 0' moves forward to Sunday (or stays there); six days back is the Monday.
            Period::Week => "date(date, 'weekday 0', '-6 days')",
            Period::Month => "substr(date, 1, 7)",
            Period::Year => "substr(date, 1, 4)",
        };
        let mut sql = format!(
            "SELECT {period} AS p, count(*), sum(num_mentions), avg(goldstein), \
             sum(goldstein * num_mentions) / sum(CASE WHEN goldstein IS NOT NULL THEN num_mentions END), \
             sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4) \
             FROM events WHERE date IS NOT NULL AND {cond} GROUP BY p ORDER BY p"
        );
        if let Some(n) = filter.limit {
            params.push(Value::Integer(i64::try_from(n).unwrap_or(i64::MAX)));
            sql.push_str(&format!(" LIMIT ?{}", params.len()));
        }
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(StatsRow {
                    period: r.get(0)?,
                    events: r.get(1)?,
                    mentions: r.get(2)?,
                    goldstein_mean: r.get(3)?,
                    goldstein_weighted: r.get(4)?,
                    quad1: r.get::<_, Option<i64>>(5)?.unwrap_or(0),
                    quad2: r.get::<_, Option<i64>>(6)?.unwrap_or(0),
                    quad3: r.get::<_, Option<i64>>(7)?.unwrap_or(0),
                    quad4: r.get::<_, Option<i64>>(8)?.unwrap_or(0),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }
}
