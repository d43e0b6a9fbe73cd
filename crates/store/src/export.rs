//! Exports of the deduplicated events: Parquet (typed), CSV, JSONL and GDELT 2.0's event table.

use crate::read::Filter;
use crate::{Error, EventRow, Result, Store};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, Int8Builder, StringBuilder,
    TimestampMillisecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::io::Write;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Parquet,
    Csv,
    Jsonl,
    /// GDELT 2.0 event table: 61 tab-separated columns, no header.
    Gdelt,
}

/// The columns of the CSV, JSONL and Parquet exports, in order (the fields of [`EventRow`]).
pub const EVENT_COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "date_precision",
    "source_code",
    "source_country",
    "source_name",
    "target_code",
    "target_country",
    "target_name",
    "cameo",
    "root",
    "goldstein",
    "quad_class",
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "location_precision",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_seen",
    "last_seen",
    "url",
    "lead",
    "added",
];

/// The 61 columns of the GDELT 2.0 event table, in GDELT's order.
pub fn gdelt_columns() -> Vec<String> {
    let mut cols: Vec<String> = [
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for a in ["Actor1", "Actor2"] {
        for c in [
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        ] {
            cols.push(format!("{a}{c}"));
        }
    }
    for c in [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ] {
        cols.push(c.to_string());
    }
    for g in ["Actor1Geo", "Actor2Geo", "ActionGeo"] {
        for c in [
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        ] {
            cols.push(format!("{g}_{c}"));
        }
    }
    cols.push("DATEADDED".into());
    cols.push("SOURCEURL".into());
    cols
}

/// Row-at-a-time CSV or JSONL output of any serialisable row ([`EventRow`], a mention, a stats row).
pub struct TextWriter<W: Write> {
    inner: TextInner<W>,
}

enum TextInner<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Jsonl(W, Vec<u8>),
}

impl<W: Write> TextWriter<W> {
    /// CSV with a header line taken from the row's field names.
    pub fn csv(out: W) -> Self {
        TextWriter {
            inner: TextInner::Csv(Box::new(csv::Writer::from_writer(out))),
        }
    }

    /// One JSON object per line.
    pub fn jsonl(out: W) -> Self {
        TextWriter {
            inner: TextInner::Jsonl(out, Vec::with_capacity(1024)),
        }
    }

    pub fn write<T: Serialize>(&mut self, row: &T) -> Result<()> {
        match &mut self.inner {
            TextInner::Csv(w) => w.serialize(row).map_err(csv_err),
            TextInner::Jsonl(w, buf) => {
                buf.clear();
                serde_json::to_writer(&mut *buf, row)
                    .map_err(|e| Error::Io(std::io::Error::other(e)))?;
                buf.push(b'\n');
                w.write_all(buf)?;
                Ok(())
            }
        }
    }

    pub fn finish(self) -> Result<W> {
        match self.inner {
            TextInner::Csv(w) => w
                .into_inner()
                .map_err(|e| Error::Io(std::io::Error::other(e.to_string()))),
            TextInner::Jsonl(mut w, _) => {
                w.flush()?;
                Ok(w)
            }
        }
    }
}

fn csv_err(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::Io(e),
        other => Error::Io(std::io::Error::other(format!("csv: {other:?}"))),
    }
}

impl Store {
    /// Writes the events the filter selects in `format`, in query order. Returns how many.
    pub fn export<W: Write + Send>(
        &self,
        filter: &Filter,
        format: ExportFormat,
        out: W,
    ) -> Result<u64> {
        match format {
            ExportFormat::Csv | ExportFormat::Jsonl => {
                let mut w = if format == ExportFormat::Csv {
                    TextWriter::csv(out)
                } else {
                    TextWriter::jsonl(out)
                };
                let n = self.for_each_event(filter, |e| w.write(e))?;
                w.finish()?;
                Ok(n)
            }
            ExportFormat::Gdelt => {
                let mut out = std::io::BufWriter::new(out);
                let mut line = String::with_capacity(512);
                let n = self.for_each_event(filter, |e| {
                    line.clear();
                    gdelt_line(e, &mut line);
                    out.write_all(line.as_bytes())?;
                    Ok(())
                })?;
                out.flush()?;
                Ok(n)
            }
            ExportFormat::Parquet => self.export_parquet(filter, out),
        }
    }

    fn export_parquet<W: Write + Send>(&self, filter: &Filter, out: W) -> Result<u64> {
        use parquet::arrow::ArrowWriter;
        use parquet::basic::Compression;
        use parquet::file::properties::WriterProperties;
        let schema = parquet_schema();
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let perr = |e: parquet::errors::ParquetError| Error::Parquet(e.to_string());
        let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(perr)?;
        let mut cols = Columns::default();
        let n = self.for_each_event(filter, |e| {
            cols.push(e)?;
            if cols.len == BATCH_ROWS {
                writer.write(&cols.finish(&schema)?).map_err(perr)?;
            }
            Ok(())
        })?;
        if cols.len > 0 {
            writer.write(&cols.finish(&schema)?).map_err(perr)?;
        }
        let mut out = writer.into_inner().map_err(perr)?;
        out.flush()?;
        Ok(n)
    }
}

const BATCH_ROWS: usize = 8192;

/// The Parquet schema: one field per [`EVENT_COLUMNS`] entry, typed.
pub fn parquet_schema() -> SchemaRef {
    let s = |name: &str, nullable| Field::new(name, DataType::Utf8, nullable);
    let i = |name: &str| Field::new(name, DataType::Int64, false);
    let d = |name: &str| Field::new(name, DataType::Date32, true);
    let f = |name: &str| Field::new(name, DataType::Float64, true);
    Arc::new(Schema::new(vec![
        i("event_id"),
        d("date"),
        s("date_precision", true),
        s("source_code", true),
        s("source_country", true),
        s("source_name", true),
        s("target_code", true),
        s("target_country", true),
        s("target_name", true),
        s("cameo", false),
        s("root", false),
        f("goldstein"),
        Field::new("quad_class", DataType::Int8, true),
        s("location_name", true),
        s("location_country", true),
        s("location_admin1", true),
        f("location_lat"),
        f("location_lon"),
        s("location_precision", true),
        i("num_mentions"),
        i("num_sources"),
        i("num_articles"),
        d("first_seen"),
        d("last_seen"),
        s("url", true),
        Field::new("lead", DataType::Boolean, false),
        Field::new(
            "added",
            DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
            false,
        ),
    ]))
}

fn days(s: &Option<String>) -> Result<Option<i32>> {
    let Some(s) = s else { return Ok(None) };
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| Error::Parquet(format!("stored date {s:?}: {e}")))?;
    Ok(Some(d.num_days_from_ce() - EPOCH_DAYS_FROM_CE))
}

/// 1970-01-01 counted from 0001-01-01 (chrono's `num_days_from_ce`).
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

#[derive(Default)]
struct Columns {
    len: usize,
    event_id: Int64Builder,
    date: Date32Builder,
    date_precision: StringBuilder,
    source_code: StringBuilder,
    source_country: StringBuilder,
    source_name: StringBuilder,
    target_code: StringBuilder,
    target_country: StringBuilder,
    target_name: StringBuilder,
    cameo: StringBuilder,
    root: StringBuilder,
    goldstein: Float64Builder,
    quad_class: Int8Builder,
    location_name: StringBuilder,
    location_country: StringBuilder,
    location_admin1: StringBuilder,
    location_lat: Float64Builder,
    location_lon: Float64Builder,
    location_precision: StringBuilder,
    num_mentions: Int64Builder,
    num_sources: Int64Builder,
    num_articles: Int64Builder,
    first_seen: Date32Builder,
    last_seen: Date32Builder,
    url: StringBuilder,
    lead: BooleanBuilder,
    added: TimestampMillisecondBuilder,
}

impl Columns {
    fn push(&mut self, e: &EventRow) -> Result<()> {
        let added = NaiveDateTime::parse_from_str(&e.added, "%Y-%m-%d %H:%M:%S")
            .map_err(|err| Error::Parquet(format!("stored time {:?}: {err}", e.added)))?;
        self.event_id.append_value(e.event_id);
        self.date.append_option(days(&e.date)?);
        self.date_precision.append_option(e.date_precision.as_ref());
        self.source_code.append_option(e.source_code.as_ref());
        self.source_country.append_option(e.source_country.as_ref());
        self.source_name.append_option(e.source_name.as_ref());
        self.target_code.append_option(e.target_code.as_ref());
        self.target_country.append_option(e.target_country.as_ref());
        self.target_name.append_option(e.target_name.as_ref());
        self.cameo.append_value(&e.cameo);
        self.root.append_value(&e.root);
        self.goldstein.append_option(e.goldstein);
        self.quad_class
            .append_option(e.quad_class.and_then(|q| i8::try_from(q).ok()));
        self.location_name.append_option(e.location_name.as_ref());
        self.location_country
            .append_option(e.location_country.as_ref());
        self.location_admin1
            .append_option(e.location_admin1.as_ref());
        self.location_lat.append_option(e.location_lat);
        self.location_lon.append_option(e.location_lon);
        self.location_precision
            .append_option(e.location_precision.as_ref());
        self.num_mentions.append_value(e.num_mentions);
        self.num_sources.append_value(e.num_sources);
        self.num_articles.append_value(e.num_articles);
        self.first_seen.append_option(days(&e.first_seen)?);
        self.last_seen.append_option(days(&e.last_seen)?);
        self.url.append_option(e.url.as_ref());
        self.lead.append_value(e.lead);
        self.added.append_value(added.and_utc().timestamp_millis());
        self.len += 1;
        Ok(())
    }

    /// The rows pushed so far as one record batch; the builders start over empty.
    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch> {
        let cols: Vec<ArrayRef> = vec![
            Arc::new(self.event_id.finish()),
            Arc::new(self.date.finish()),
            Arc::new(self.date_precision.finish()),
            Arc::new(self.source_code.finish()),
            Arc::new(self.source_country.finish()),
            Arc::new(self.source_name.finish()),
            Arc::new(self.target_code.finish()),
            Arc::new(self.target_country.finish()),
            Arc::new(self.target_name.finish()),
            Arc::new(self.cameo.finish()),
            Arc::new(self.root.finish()),
            Arc::new(self.goldstein.finish()),
            Arc::new(self.quad_class.finish()),
            Arc::new(self.location_name.finish()),
            Arc::new(self.location_country.finish()),
            Arc::new(self.location_admin1.finish()),
            Arc::new(self.location_lat.finish()),
            Arc::new(self.location_lon.finish()),
            Arc::new(self.location_precision.finish()),
            Arc::new(self.num_mentions.finish()),
            Arc::new(self.num_sources.finish()),
            Arc::new(self.num_articles.finish()),
            Arc::new(self.first_seen.finish()),
            Arc::new(self.last_seen.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.lead.finish()),
            Arc::new(self.added.finish().with_timezone("UTC")),
        ];
        self.len = 0;
        RecordBatch::try_new(schema.clone(), cols).map_err(|e| Error::Parquet(e.to_string()))
    }
}

/// CAMEO actor role (type) codes, as GDELT splits them into Type1..3Code.
const ROLES: &[&str] = &[
    "AGR", "BUS", "CIV", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
    "IGO", "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP",
    "PTY", "RAD", "REB", "REF", "SEP", "SET", "SPY", "UAF",
];

/// CAMEO religion codes, as GDELT splits them into Religion1/2Code ("REL": clergy of no
/// named faith, dyad's agent for clerics).
const RELIGIONS: &[&str] = &[
    "ADR", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "HIN", "ITR", "JAN", "JEW",
    "JHW", "LDS", "MOS", "MRN", "NRM", "PAG", "PRO", "REL", "SFI", "SHI", "SHN", "SIK", "SUN",
    "TAO", "UDI", "ZRO",
];

/// An actor code split as GDELT splits it: known group, religions and up to three types.
#[derive(Default)]
struct ActorParts<'a> {
    group: Option<&'a str>,
    religion: Vec<&'a str>,
    types: Vec<&'a str>,
}

fn actor_parts<'a>(code: &'a str, country: Option<&str>) -> ActorParts<'a> {
    let mut parts = ActorParts::default();
    let rest = match country {
        Some(c) if code.starts_with(c) => &code[c.len()..],
        _ => code,
    };
    if !rest.is_ascii() {
        return parts;
    }
    let mut i = 0;
    while i + 3 <= rest.len() {
        let chunk = &rest[i..i + 3];
        if ROLES.contains(&chunk) {
            if parts.types.len() < 3 {
                parts.types.push(chunk);
            }
        } else if RELIGIONS.contains(&chunk) {
            if parts.religion.len() < 2 {
                parts.religion.push(chunk);
            }
        } else if parts.group.is_none() {
            parts.group = Some(chunk);
        }
        i += 3;
    }
    parts
}

/// Tabs and line breaks would break the tab-separated layout.
fn field(out: &mut String, s: Option<&str>) {
    if let Some(s) = s {
        out.extend(s.chars().map(|c| if c.is_control() { ' ' } else { c }));
    }
    out.push('\t');
}

/// GDELT's ActionGeo_Type from a location precision.
fn geo_type(precision: Option<&str>, country: Option<&str>) -> Option<&'static str> {
    let us = country == Some("USA");
    match precision? {
        "country" => Some("1"),
        "admin" | "admin1" | "state" | "region" => Some(if us { "2" } else { "5" }),
        "city" | "town" | "place" | "point" => Some(if us { "3" } else { "4" }),
        _ => None,
    }
}

/// One event as a GDELT 2.0 event-table line (61 tab-separated fields and a newline).
fn gdelt_line(e: &EventRow, out: &mut String) {
    use std::fmt::Write as _;
    let date = e
        .date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let num = |out: &mut String, v: Option<String>| field(out, v.as_deref());
    num(out, Some(e.event_id.to_string()));
    num(out, date.map(|d| d.format("%Y%m%d").to_string()));
    num(out, date.map(|d| d.format("%Y%m").to_string()));
    num(out, date.map(|d| d.year().to_string()));
    num(
        out,
        date.map(|d| {
            let len = if d.leap_year() { 366.0 } else { 365.0 };
            format!("{:.4}", d.year() as f64 + d.ordinal() as f64 / len)
        }),
    );
    for (code, name, country) in [
        (&e.source_code, &e.source_name, &e.source_country),
        (&e.target_code, &e.target_name, &e.target_country),
    ] {
        let parts = code
            .as_deref()
            .map(|c| actor_parts(c, country.as_deref()))
            .unwrap_or_default();
        field(out, code.as_deref());
        field(out, name.as_deref().map(|n| n.to_uppercase()).as_deref());
        field(out, country.as_deref());
        field(out, parts.group);
        field(out, None); // ethnic code: dyad does not code ethnicity
        field(out, parts.religion.first().copied());
        field(out, parts.religion.get(1).copied());
        for k in 0..3 {
            field(out, parts.types.get(k).copied());
        }
    }
    field(out, Some(if e.lead { "1" } else { "0" }));
    field(out, Some(&e.cameo));
    field(out, Some(&e.cameo[..e.cameo.len().min(3)]));
    field(out, Some(&e.root));
    num(out, e.quad_class.map(|q| q.to_string()));
    num(out, e.goldstein.map(|g| format!("{g:.1}")));
    num(out, Some(e.num_mentions.to_string()));
    num(out, Some(e.num_sources.to_string()));
    num(out, Some(e.num_articles.to_string()));
    field(out, None); // AvgTone: dyad does not score tone
    for _ in 0..2 {
        // Actor1Geo and Actor2Geo: dyad places the event, not each actor.
        for _ in 0..8 {
            field(out, None);
        }
    }
    field(
        out,
        geo_type(
            e.location_precision.as_deref(),
            e.location_country.as_deref(),
        ),
    );
    field(out, e.location_name.as_deref());
    field(out, None); // GDELT uses FIPS 10-4 country codes; dyad keeps ISO codes (location_country)
    field(out, None); // ADM1Code: FIPS-based in GDELT
    field(out, None); // ADM2Code
    num(out, e.location_lat.map(|v| format!("{v:.4}")));
    num(out, e.location_lon.map(|v| format!("{v:.4}")));
    field(out, None); // FeatureID: a GNS/GNIS id
    let added: String = e.added.chars().filter(|c| c.is_ascii_digit()).collect();
    field(out, Some(&added));
    if let Some(url) = &e.url {
        let _ = write!(
            out,
            "{}",
            url.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect::<String>()
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdelt_has_61_columns() {
        assert_eq!(gdelt_columns().len(), 61);
        let e = EventRow {
            event_id: 7,
            date: Some("2016-05-17".into()),
            date_precision: None,
            source_code: Some("RUSGOV".into()),
            source_country: Some("RUS".into()),
            source_name: Some("Lavrov".into()),
            target_code: Some("TUR".into()),
            target_country: Some("TUR".into()),
            target_name: Some("Ankara".into()),
            cameo: "1121".into(),
            root: "11".into(),
            goldstein: Some(-2.0),
            quad_class: Some(3),
            location_name: Some("Vienna".into()),
            location_country: Some("AUT".into()),
            location_admin1: None,
            location_lat: Some(48.2082),
            location_lon: Some(16.3738),
            location_precision: Some("city".into()),
            num_mentions: 3,
            num_sources: 2,
            num_articles: 3,
            first_seen: Some("2016-05-17".into()),
            last_seen: Some("2016-05-18".into()),
            url: Some("https://example.org/a".into()),
            lead: true,
            added: "2026-11-25 10:11:12".into(),
        };
        let mut line = String::new();
        gdelt_line(&e, &mut line);
        let fields: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
        assert_eq!(fields.len(), 61, "{line}");
        let cols = gdelt_columns();
        let get = |name: &str| fields[cols.iter().position(|c| c == name).unwrap()];
        assert_eq!(get("GLOBALEVENTID"), "7");
        assert_eq!(get("SQLDATE"), "20160517");
        assert_eq!(get("MonthYear"), "201605");
        assert_eq!(get("FractionDate"), "2016.3770");
        assert_eq!(get("Actor1Code"), "RUSGOV");
        assert_eq!(get("Actor1Name"), "LAVROV");
        assert_eq!(get("Actor1Type1Code"), "GOV");
        assert_eq!(get("Actor2CountryCode"), "TUR");
        assert_eq!(get("Actor2Type1Code"), "");
        assert_eq!(get("IsRootEvent"), "1");
        assert_eq!(get("EventCode"), "1121");
        assert_eq!(get("EventBaseCode"), "112");
        assert_eq!(get("EventRootCode"), "11");
        assert_eq!(get("GoldsteinScale"), "-2.0");
        assert_eq!(get("NumSources"), "2");
        assert_eq!(get("ActionGeo_Type"), "4");
        assert_eq!(get("ActionGeo_Lat"), "48.2082");
        assert_eq!(get("DATEADDED"), "20261125101112");
        assert_eq!(get("SOURCEURL"), "https://example.org/a");
    }

    #[test]
    fn actor_codes_split_like_gdelt() {
        let p = actor_parts("IGOUNOMIL", None);
        assert_eq!(p.types, vec!["IGO", "MIL"]);
        assert_eq!(p.group, Some("UNO"));
        let p = actor_parts("SYRREBMOSSUN", Some("SYR"));
        assert_eq!(p.types, vec!["REB"]);
        assert_eq!(p.religion, vec!["MOS", "SUN"]);
        assert_eq!(p.group, None);
        // Clergy of no named faith.
        let p = actor_parts("NICREL", Some("NIC"));
        assert_eq!(p.religion, vec!["REL"]);
        assert_eq!(p.group, None);
    }
}
