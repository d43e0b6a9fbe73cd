//! dyad-ingest: turn input files into [`Document`]s with metadata.
//!
//! Three input formats are supported (see [`InputFormat`]):
//!
//! * **Text** – the whole file is one document; its id is the file stem.
//! * **JSONL** – one JSON object per line with a required string `text` and
//!   optional `id` (string or number; missing, null or empty gives
//!   `"<file stem>:<line>"`), `date` (falling back to `published`, then
//!   `publish_date`; null/empty fields are treated as absent), `title`, `url`,
//!   `source` (non-string or empty values are ignored). Unknown fields are
//!   ignored and blank lines skipped. The file is streamed line by line, so
//!   arbitrarily large files are processed in memory proportional to the
//!   longest line. Malformed lines yield a [`RecordError`] with the 1-based
//!   line number and the stream continues; an I/O error ends the stream
//!   after one final error. A whole-file JSON array is *not* supported.
//! * **HTML** – one document per page; the main text is extracted with a small
//!   hand-written scanner (see [`html_to_document`]).
//!
//! ```no_run
//! let opts = dyad_ingest::Options::default();
//! let mut stream = dyad_ingest::open("news.jsonl", &opts).unwrap();
//! for item in stream.by_ref() {
//!     match item {
//!         Ok(doc) => println!("{} {:?}", doc.id, doc.date),
//!         Err(e) => eprintln!("{e}"),
//!     }
//! }
//! for w in stream.warnings() {
//!     eprintln!("warning: {w}");
//! }
//! ```
//!
//! Invalid UTF-8 is decoded lossily with a warning (HTML pages that declare a
//! Latin-1/Windows-1252 charset are decoded as Windows-1252 instead). A UTF-8
//! BOM is removed. Dates are parsed with [`parse_date`], which keeps the
//! calendar date as written. No input makes the library panic.

mod date;
mod entities;
mod flat;
mod html;

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

pub use date::parse_date;
pub use html::html_to_document;

/// At most this many warnings are kept per stream; one final warning notes
/// that further ones were suppressed.
const MAX_WARNINGS: usize = 10_000;

/// A JSONL line buffer grown beyond this is released after use.
const MAX_RETAINED_LINE_CAPACITY: usize = 16 << 20;

/// One input document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// Input file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Jsonl,
    Html,
}

impl InputFormat {
    /// Parse a format name (case-insensitive): `text`/`txt`,
    /// `jsonl`/`ndjson`/`json`, `html`/`htm`.
    pub fn from_name(name: &str) -> Option<InputFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(InputFormat::Text),
            "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
            "html" | "htm" => Some(InputFormat::Html),
            _ => None,
        }
    }

    /// Guess the format from the file extension (case-insensitive):
    /// `.jsonl`/`.ndjson`/`.json` → Jsonl, `.html`/`.htm` → Html, anything
    /// else (and `-`, stdin) → Text.
    pub fn detect(path: &str) -> InputFormat {
        if path == "-" {
            return InputFormat::Text;
        }
        let ext = Path::new(path)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("jsonl" | "ndjson" | "json") => InputFormat::Jsonl,
            Some("html" | "htm") => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }
}

/// A record that could not be turned into a document.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordError {
    pub file: String,
    /// 1-based line number (always 1 for single-document formats).
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for RecordError {}

/// Failure to open an input.
#[derive(Debug)]
pub enum OpenError {
    /// The path does not exist.
    NotFound(String),
    /// Any other I/O failure (permission denied, directory, read error, ...).
    Io(String, io::Error),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NotFound(p) => write!(f, "{p}: no such file"),
            OpenError::Io(p, e) => write!(f, "{p}: {e}"),
        }
    }
}

impl std::error::Error for OpenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OpenError::NotFound(_) => None,
            OpenError::Io(_, e) => Some(e),
        }
    }
}

/// Options for [`open`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Force a format instead of detecting it from the extension.
    pub format: Option<InputFormat>,
    /// Date for documents that carry none themselves.
    pub default_date: Option<NaiveDate>,
}

/// Open a path (`"-"` = stdin) and stream its documents.
///
/// The format is `opts.format`, else [`InputFormat::detect`]. Text and HTML
/// inputs are read completely here (they form one document); JSONL is read
/// lazily, one line per [`Iterator::next`] call.
pub fn open(path: &str, opts: &Options) -> Result<DocumentStream, OpenError> {
    let format = opts.format.unwrap_or_else(|| InputFormat::detect(path));
    let is_stdin = path == "-";
    let label = if is_stdin {
        "<stdin>".to_string()
    } else {
        path.to_string()
    };
    let stem = if is_stdin {
        "stdin".to_string()
    } else {
        file_stem(path)
    };
    let reader: Box<dyn BufRead + Send> = if is_stdin {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let file = File::open(path).map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                OpenError::NotFound(path.to_string())
            } else {
                OpenError::Io(path.to_string(), e)
            }
        })?;
        match file.metadata() {
            Ok(m) if m.is_dir() => {
                return Err(OpenError::Io(
                    path.to_string(),
                    io::Error::other("is a directory"),
                ))
            }
            _ => {}
        }
        Box::new(BufReader::with_capacity(256 * 1024, file))
    };
    match format {
        InputFormat::Jsonl => Ok(DocumentStream::jsonl(
            reader,
            label,
            stem,
            opts.default_date,
        )),
        InputFormat::Text | InputFormat::Html => {
            let mut bytes = Vec::new();
            let mut reader = reader;
            reader
                .read_to_end(&mut bytes)
                .map_err(|e| OpenError::Io(path.to_string(), e))?;
            let mut warnings = Vec::new();
            let doc = if format == InputFormat::Text {
                let text = decode_text(&bytes, &label, &mut warnings);
                Document {
                    id: stem,
                    text: text.into_owned(),
                    date: opts.default_date,
                    title: None,
                    url: None,
                    source: None,
                }
            } else {
                let text = decode_html(&bytes, &label, &mut warnings);
                html_to_document(&stem, &text, opts.default_date)
            };
            Ok(DocumentStream {
                inner: Inner::Single(Some(doc)),
                warnings,
            })
        }
    }
}

fn file_stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "document".to_string())
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn decode_text<'a>(bytes: &'a [u8], label: &str, warnings: &mut Vec<String>) -> Cow<'a, str> {
    let bytes = strip_bom(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            warnings.push(format!("{label}: invalid UTF-8 decoded lossily"));
            String::from_utf8_lossy(bytes)
        }
    }
}

/// Like [`decode_text`], but pages that are not valid UTF-8 and declare a
/// Latin-1 family charset are decoded as Windows-1252 without a warning.
fn decode_html<'a>(bytes: &'a [u8], label: &str, warnings: &mut Vec<String>) -> Cow<'a, str> {
    let bytes = strip_bom(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(s);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let latin1 = [
        "iso-8859-1",
        "windows-1252",
        "latin1",
        "latin-1",
        "cp1252",
        "us-ascii",
    ]
    .iter()
    .any(|cs| {
        head.contains(&format!("charset={cs}"))
            || head.contains(&format!("charset=\"{cs}"))
            || head.contains(&format!("charset='{cs}"))
    });
    if latin1 {
        return Cow::Owned(bytes.iter().map(|&b| entities::cp1252_char(b)).collect());
    }
    warnings.push(format!("{label}: invalid UTF-8 decoded lossily"));
    String::from_utf8_lossy(bytes)
}

/// A stream of documents (or per-record errors) from one input.
pub struct DocumentStream {
    inner: Inner,
    warnings: Vec<String>,
}

enum Inner {
    Single(Option<Document>),
    Jsonl(JsonlState),
}

struct JsonlState {
    reader: Box<dyn BufRead + Send>,
    label: String,
    stem: String,
    default_date: Option<NaiveDate>,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl DocumentStream {
    fn jsonl(
        reader: Box<dyn BufRead + Send>,
        label: String,
        stem: String,
        default_date: Option<NaiveDate>,
    ) -> Self {
        DocumentStream {
            inner: Inner::Jsonl(JsonlState {
                reader,
                label,
                stem,
                default_date,
                line: 0,
                buf: Vec::new(),
                done: false,
            }),
            warnings: Vec::new(),
        }
    }

    /// Stream JSONL records from any reader. `name` is used in error
    /// messages and warnings, and its stem for fallback ids.
    pub fn from_jsonl_reader<R: BufRead + Send + 'static>(
        reader: R,
        name: &str,
        default_date: Option<NaiveDate>,
    ) -> Self {
        DocumentStream::jsonl(
            Box::new(reader),
            name.to_string(),
            file_stem(name),
            default_date,
        )
    }

    /// Warnings collected so far (e.g. `"news.jsonl:12: invalid UTF-8 decoded
    /// lossily"`). For JSONL they accumulate while iterating.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

impl fmt::Debug for DocumentStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("DocumentStream");
        match &self.inner {
            Inner::Single(doc) => d.field("kind", &"single").field("pending", &doc.is_some()),
            Inner::Jsonl(st) => d
                .field("kind", &"jsonl")
                .field("file", &st.label)
                .field("line", &st.line)
                .field("done", &st.done),
        };
        d.field("warnings", &self.warnings.len()).finish()
    }
}

impl std::iter::FusedIterator for DocumentStream {}

fn push_warning(warnings: &mut Vec<String>, w: String) {
    match warnings.len() {
        n if n < MAX_WARNINGS => warnings.push(w),
        n if n == MAX_WARNINGS => warnings.push("further warnings suppressed".to_string()),
        _ => {}
    }
}

impl Iterator for DocumentStream {
    type Item = Result<Document, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::Single(doc) => doc.take().map(Ok),
            Inner::Jsonl(st) => st.next_record(&mut self.warnings),
        }
    }
}

/// `BufRead::read_until(b'\n', buf)`, with the newline found by `memchr`'s vectorised search
/// (std's is a plain word-at-a-time loop, a measurable share of reading a large JSONL file).
fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let (done, used) = {
            let available = match r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            match memchr::memchr(b'\n', available) {
                Some(i) => {
                    buf.extend_from_slice(&available[..=i]);
                    (true, i + 1)
                }
                None => {
                    buf.extend_from_slice(available);
                    (false, available.len())
                }
            }
        };
        r.consume(used);
        read += used;
        if done || used == 0 {
            return Ok(read);
        }
    }
}

impl JsonlState {
    fn next_record(&mut self, warnings: &mut Vec<String>) -> Option<Result<Document, RecordError>> {
        loop {
            if self.done {
                return None;
            }
            if self.buf.capacity() > MAX_RETAINED_LINE_CAPACITY {
                self.buf = Vec::new();
            }
            self.buf.clear();
            match read_line(&mut *self.reader, &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => self.line += 1,
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    return Some(Err(RecordError {
                        file: self.label.clone(),
                        line: self.line,
                        message: format!("read error: {e}"),
                    }));
                }
            }
            let mut bytes: &[u8] = &self.buf;
            if self.line == 1 {
                bytes = strip_bom(bytes);
            }
            while let [rest @ .., b'\n' | b'\r'] = bytes {
                bytes = rest;
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line_text = match std::str::from_utf8(bytes) {
                Ok(s) => Cow::Borrowed(s),
                Err(_) => {
                    push_warning(
                        warnings,
                        format!(
                            "{}:{}: invalid UTF-8 decoded lossily",
                            self.label, self.line
                        ),
                    );
                    String::from_utf8_lossy(bytes)
                }
            };
            let result = parse_record(&line_text, &self.stem, self.line, self.default_date);
            return Some(result.map_err(|message| RecordError {
                file: self.label.clone(),
                line: self.line,
                message,
            }));
        }
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The fields a record may have, as [`parse_record_fast`] reads them: strings or null only.
#[derive(serde::Deserialize)]
struct PlainRecord<'a> {
    text: Option<String>,
    id: Option<String>,
    #[serde(borrow)]
    date: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    published: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow)]
    publish_date: Option<std::borrow::Cow<'a, str>>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// [`parse_record`] for the common record, straight into its fields instead of through a
/// `serde_json::Value` map (which allocates every key and value). `None` when the record is
/// anything else (a field of another type, a duplicate key, a bad date, no text ...): the
/// general path then reads it and says what is wrong.
fn parse_record_fast(
    line: &str,
    stem: &str,
    line_no: usize,
    default_date: Option<NaiveDate>,
) -> Option<Document> {
    let r = match flat::read(line) {
        Some([text, id, date, published, publish_date, title, url, source]) => {
            let own = |s: Option<Cow<str>>| s.map(Cow::into_owned);
            PlainRecord {
                text: own(text),
                id: own(id),
                date,
                published,
                publish_date,
                title: own(title),
                url: own(url),
                source: own(source),
            }
        }
        None => {
            // A derived struct would also read a JSON array by position.
            if !line.trim_start().starts_with('{') {
                return None;
            }
            serde_json::from_str(line).ok()?
        }
    };
    let text = r.text?;
    let id = match r.id {
        Some(s) if !s.trim().is_empty() => s,
        _ => format!("{stem}:{line_no}"),
    };
    let mut date = None;
    for s in [r.date, r.published, r.publish_date].into_iter().flatten() {
        if s.trim().is_empty() {
            continue;
        }
        date = Some(parse_date(&s)?);
        break;
    }
    let nonblank = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    Some(Document {
        id,
        text,
        date: date.or(default_date),
        title: nonblank(r.title),
        url: nonblank(r.url),
        source: nonblank(r.source),
    })
}

fn parse_record(
    line: &str,
    stem: &str,
    line_no: usize,
    default_date: Option<NaiveDate>,
) -> Result<Document, String> {
    match parse_record_fast(line, stem, line_no, default_date) {
        Some(doc) => Ok(doc),
        None => parse_record_value(line, stem, line_no, default_date),
    }
}

/// [`parse_record`] through a `serde_json::Value`: every record, with a message for every fault.
fn parse_record_value(
    line: &str,
    stem: &str,
    line_no: usize,
    default_date: Option<NaiveDate>,
) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let mut map = match value {
        Value::Object(m) => m,
        other => {
            return Err(format!(
                "expected a JSON object, found {}",
                json_kind(&other)
            ))
        }
    };
    let text = match map.remove("text") {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => return Err("missing required field \"text\"".to_string()),
        Some(other) => {
            return Err(format!(
                "field \"text\" must be a string, found {}",
                json_kind(&other)
            ))
        }
    };
    let id = match map.remove("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) | Some(Value::String(_)) => format!("{stem}:{line_no}"),
        Some(other) => {
            return Err(format!(
                "field \"id\" must be a string or number, found {}",
                json_kind(&other)
            ))
        }
    };
    let mut date = None;
    for key in ["date", "published", "publish_date"] {
        match map.get(key) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) if s.trim().is_empty() => continue,
            Some(Value::String(s)) => match parse_date(s) {
                Some(d) => {
                    date = Some(d);
                    break;
                }
                None => return Err(format!("unparseable date {s:?} in field \"{key}\"")),
            },
            Some(other) => {
                return Err(format!(
                    "field \"{key}\" must be a date string, found {}",
                    json_kind(other)
                ))
            }
        }
    }
    let mut opt_string = |key: &str| match map.remove(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    };
    Ok(Document {
        id,
        text,
        date: date.or(default_date),
        title: opt_string("title"),
        url: opt_string("url"),
        source: opt_string("source"),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_are_read_as_read_until_reads_them() {
        use std::io::{BufRead, BufReader};
        let text: &[u8] =
            b"{\"a\":1}\n\n  \r\nlong line without an end in the first buffer\nx\r\nlast";
        for cap in [1, 2, 3, 7, 16, 1024] {
            let mut ours = BufReader::with_capacity(cap, text);
            let mut std_ = BufReader::with_capacity(cap, text);
            loop {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let n = super::read_line(&mut ours, &mut a).unwrap();
                let m = std_.read_until(b'\n', &mut b).unwrap();
                assert_eq!((n, &a), (m, &b), "capacity {cap}");
                if n == 0 {
                    break;
                }
            }
        }
    }

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn stream(data: &[u8]) -> DocumentStream {
        DocumentStream::from_jsonl_reader(
            io::Cursor::new(data.to_vec()),
            "news.jsonl",
            d(2000, 1, 1),
        )
    }

    #[test]
    fn formats() {
        assert_eq!(InputFormat::from_name("TXT"), Some(InputFormat::Text));
        assert_eq!(InputFormat::from_name("ndjson"), Some(InputFormat::Jsonl));
        assert_eq!(InputFormat::from_name("json"), Some(InputFormat::Jsonl));
        assert_eq!(InputFormat::from_name("htm"), Some(InputFormat::Html));
        assert_eq!(InputFormat::from_name("xml"), None);
        assert_eq!(InputFormat::detect("a/b.JSONL"), InputFormat::Jsonl);
        assert_eq!(InputFormat::detect("a.ndjson"), InputFormat::Jsonl);
        assert_eq!(InputFormat::detect("a.json"), InputFormat::Jsonl);
        assert_eq!(InputFormat::detect("a.html"), InputFormat::Html);
        assert_eq!(InputFormat::detect("a.htm"), InputFormat::Html);
        assert_eq!(InputFormat::detect("a.txt"), InputFormat::Text);
        assert_eq!(InputFormat::detect("noext"), InputFormat::Text);
        assert_eq!(InputFormat::detect("-"), InputFormat::Text);
    }

    #[test]
    fn jsonl_records() {
        let data = b"{\"id\":\"a\",\"text\":\"T1\",\"date\":\"2016-05-17T10:00:00+03:00\",\"title\":\"Ti\",\"url\":\"u\",\"source\":\"s\",\"extra\":[1]}\n\
\n\
{\"id\":7,\"text\":\"T2\",\"published\":\"2016-05-18\"}\r\n\
not json\n\
[1,2]\n\
{\"text\":5}\n\
{\"id\":\"x\"}\n\
{\"text\":\"T3\",\"date\":\"yesterday\"}\n\
{\"text\":\"T4\",\"publish_date\":\"2016-05-19 10:00:00\"}\n\
{\"text\":\"T5\",\"id\":true}\n\
{\"text\":\"T6\"}";
        let items: Vec<_> = stream(data).collect();
        assert_eq!(items.len(), 10);
        let a = items[0].as_ref().unwrap();
        assert_eq!(
            a,
            &Document {
                id: "a".into(),
                text: "T1".into(),
                date: d(2016, 5, 17),
                title: Some("Ti".into()),
                url: Some("u".into()),
                source: Some("s".into())
            }
        );
        let b = items[1].as_ref().unwrap();
        assert_eq!((b.id.as_str(), b.date), ("7", d(2016, 5, 18)));
        let errs: Vec<usize> = items
            .iter()
            .filter_map(|r| r.as_ref().err().map(|e| e.line))
            .collect();
        assert_eq!(errs, vec![4, 5, 6, 7, 8, 10]);
        let e = items[2].as_ref().unwrap_err();
        assert_eq!(e.file, "news.jsonl");
        assert!(
            e.to_string().starts_with("news.jsonl:4: invalid JSON"),
            "{e}"
        );
        assert!(items[3].as_ref().unwrap_err().message.contains("array"));
        assert!(items[4].as_ref().unwrap_err().message.contains("\"text\""));
        assert!(items[5].as_ref().unwrap_err().message.contains("missing"));
        assert!(items[6].as_ref().unwrap_err().message.contains("yesterday"));
        let t4 = items[7].as_ref().unwrap();
        assert_eq!((t4.id.as_str(), t4.date), ("news:9", d(2016, 5, 19)));
        let t6 = items[9].as_ref().unwrap();
        assert_eq!((t6.id.as_str(), t6.date), ("news:11", d(2000, 1, 1)));
    }

    #[test]
    fn fast_records_read_as_the_general_path_reads_them() {
        let lines = [
            r#"{"id":"a","text":"T1","date":"2016-05-17T10:00:00+03:00","title":"Ti","url":"u","source":"s","extra":[1,{"x":null}]}"#,
            r#"  {"text":"esc \"q\" \u00e9 \n","id":"  ","published":"2016-05-18","date":"  "}"#,
            r#"{"text":"T","date":null,"publish_date":"2016-05-19 10:00:00","title":" ","url":null}"#,
            r#"{"text":"T","id":7}"#,
            r#"{"text":"T","title":5,"source":["s"]}"#,
            r#"{"text":"T","date":"yesterday"}"#,
            r#"{"text":"T","date":5}"#,
            r#"{"text":"a","text":"b"}"#,
            r#"{"text":null}"#,
            r#"{"id":"x"}"#,
            r#"["T1","a"]"#,
            r#"{"text":"T"} x"#,
        ];
        let mut fast = 0;
        for line in lines {
            let general = parse_record_value(line, "f", 3, d(2000, 1, 1));
            if let Some(doc) = parse_record_fast(line, "f", 3, d(2000, 1, 1)) {
                fast += 1;
                assert_eq!(Ok(doc), general, "{line}");
            }
            assert_eq!(parse_record(line, "f", 3, d(2000, 1, 1)), general, "{line}");
        }
        assert_eq!(fast, 3);
    }

    #[test]
    fn jsonl_lossy_utf8_and_bom() {
        let mut s = stream(b"\xEF\xBB\xBF{\"text\":\"ok\"}\n{\"text\":\"bad \xFF byte\"}\n");
        let first = s.next().unwrap().unwrap();
        assert_eq!(first.text, "ok");
        assert!(s.warnings().is_empty());
        let second = s.next().unwrap().unwrap();
        assert_eq!(second.text, "bad \u{FFFD} byte");
        assert_eq!(
            s.warnings(),
            ["news.jsonl:2: invalid UTF-8 decoded lossily"]
        );
        assert!(s.next().is_none());
        assert!(s.next().is_none());
    }

    #[test]
    fn jsonl_read_error_ends_stream() {
        struct Failing(usize);
        impl Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0 == 0 {
                    self.0 = 1;
                    let data = b"{\"text\":\"a\"}\n";
                    buf[..data.len()].copy_from_slice(data);
                    Ok(data.len())
                } else {
                    Err(io::Error::other("boom"))
                }
            }
        }
        let mut s = DocumentStream::from_jsonl_reader(BufReader::new(Failing(0)), "f.jsonl", None);
        assert!(s.next().unwrap().is_ok());
        let e = s.next().unwrap().unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("boom"));
        assert!(s.next().is_none());
    }

    #[test]
    fn stream_is_send_and_debug() {
        fn assert_send<T: Send>(_: &T) {}
        let s = stream(b"");
        assert_send(&s);
        assert!(format!("{s:?}").contains("jsonl"));
    }

    #[test]
    fn warnings_are_capped() {
        let mut w = Vec::new();
        for i in 0..MAX_WARNINGS + 5 {
            push_warning(&mut w, i.to_string());
        }
        assert_eq!(w.len(), MAX_WARNINGS + 1);
    }
}
