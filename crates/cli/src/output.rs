//! Output formats. The JSONL record is a contract other tools read: add fields, never rename them.

use crate::Format;
use dyad_coder::{ActorRef, Coded, Event};
use dyad_dict::{Dictionaries, Origin, VerbPattern};
use dyad_events::{Codebook, Plover};
use dyad_ingest::Document;
use serde::Serialize;
use std::io::Write;
use std::time::Instant;

#[derive(Default)]
pub struct Summary {
    pub documents: usize,
    pub sentences: usize,
    pub events: usize,
    pub skipped: usize,
}

impl Summary {
    pub fn print(&self, started: Instant) {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "dyad: {} documents, {} sentences, {} events, {} skipped in {:.2} s ({:.0} sentences/s)",
            self.documents,
            self.sentences,
            self.events,
            self.skipped,
            secs,
            self.sentences as f64 / secs.max(1e-9)
        );
    }
}

#[derive(Serialize)]
pub struct ActorJson<'a> {
    pub code: &'a str,
    pub country: Option<&'a str>,
    pub name: &'a str,
    pub span: [usize; 2],
}

impl<'a> ActorJson<'a> {
    fn of(a: &'a ActorRef) -> Self {
        ActorJson {
            code: &a.code,
            country: a.country.as_deref(),
            name: &a.name,
            span: [a.span.0, a.span.1],
        }
    }
}

/// Serialises through `Display` without building a `String` first.
pub struct Shown<T>(pub T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// `file:line` of the pattern and of every actor entry, written straight into the output.
pub struct Entries<'a> {
    pattern: &'a Origin,
    actors: [Option<&'a ActorRef>; 2],
}

impl Serialize for Entries<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(None)?;
        seq.serialize_element(&Shown(self.pattern))?;
        for a in self.actors.iter().flatten() {
            for o in &a.entries {
                seq.serialize_element(&Shown(o))?;
            }
        }
        seq.end()
    }
}

pub struct PatternText<'a>(&'a VerbPattern);

impl std::fmt::Display for PatternText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.0.code, self.0.text)
    }
}

#[derive(Serialize)]
pub struct EvidenceJson<'a> {
    pub verb: &'a str,
    pub span: [usize; 2],
    pub pattern: Shown<PatternText<'a>>,
    pub dictionary_entries: Entries<'a>,
}

#[derive(Serialize)]
pub struct EventJson<'a> {
    pub doc_id: &'a str,
    pub sentence_index: usize,
    pub sentence: &'a str,
    pub date: Option<Shown<chrono::NaiveDate>>,
    pub cameo: &'a str,
    pub cameo_name: Option<&'a str>,
    pub root: &'a str,
    pub goldstein: Option<f32>,
    pub quad_class: Option<u8>,
    pub plover: Option<&'a Plover>,
    pub source: Option<ActorJson<'a>>,
    pub target: Option<ActorJson<'a>>,
    pub evidence: EvidenceJson<'a>,
    pub attribution: Option<ActorJson<'a>>,
    pub passive: bool,
}

/// Whether any of the 8 bytes in `x` needs escaping in JSON: below 0x20, `"` or `\\`.
#[inline]
fn needs_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_in = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    below_space | zero_in(x ^ (ONES * b'"' as u64)) | zero_in(x ^ (ONES * b'\\' as u64)) != 0
}

/// A JSON string literal. Most text needs no escaping, so it is scanned eight bytes at a time and
/// copied in runs.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if i + 8 <= bytes.len() {
            let chunk = u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8]));
            if !needs_escape(chunk) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let escaped: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[start..i]);
        if escaped.is_empty() {
            out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
        } else {
            out.extend_from_slice(escaped);
        }
        i += 1;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// A decimal integer without going through `fmt`.
fn json_uint(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[k..]);
}

fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn json_num(out: &mut Vec<u8>, n: impl std::fmt::Display) {
    use std::io::Write as _;
    let _ = write!(out, "{n}");
}

fn json_actor(out: &mut Vec<u8>, a: &Option<ActorJson>) {
    let Some(a) = a else {
        out.extend_from_slice(b"null");
        return;
    };
    out.extend_from_slice(b"{\"code\":");
    json_str(out, a.code);
    out.extend_from_slice(b",\"country\":");
    json_opt_str(out, a.country);
    out.extend_from_slice(b",\"name\":");
    json_str(out, a.name);
    out.extend_from_slice(b",\"span\":[");
    json_uint(out, a.span[0] as u64);
    out.push(b',');
    json_uint(out, a.span[1] as u64);
    out.extend_from_slice(b"]}");
}

impl<'a> EventJson<'a> {
    /// The event as one JSON line, field for field what `serde_json` writes for this struct, only
    /// without its per-byte formatting machinery (output is a large share of coding time).
    pub fn write_line(&self, out: &mut Vec<u8>) {
        use std::io::Write as _;
        out.extend_from_slice(b"{\"doc_id\":");
        json_str(out, self.doc_id);
        out.extend_from_slice(b",\"sentence_index\":");
        json_uint(out, self.sentence_index as u64);
        out.extend_from_slice(b",\"sentence\":");
        json_str(out, self.sentence);
        out.extend_from_slice(b",\"date\":");
        match &self.date {
            Some(d) => {
                let _ = write!(out, "\"{}\"", d.0);
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"cameo\":");
        json_str(out, self.cameo);
        out.extend_from_slice(b",\"cameo_name\":");
        json_opt_str(out, self.cameo_name);
        out.extend_from_slice(b",\"root\":");
        json_str(out, self.root);
        out.extend_from_slice(b",\"goldstein\":");
        match self.goldstein {
            Some(g) => json_num(out, format_args!("{g:?}")),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"quad_class\":");
        match self.quad_class {
            Some(q) => json_uint(out, q as u64),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"plover\":");
        match self.plover {
            Some(p) => {
                out.extend_from_slice(b"{\"event_type\":");
                json_str(out, &p.event_type);
                out.extend_from_slice(b",\"mode\":");
                json_opt_str(out, p.mode.as_deref());
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"source\":");
        json_actor(out, &self.source);
        out.extend_from_slice(b",\"target\":");
        json_actor(out, &self.target);
        let ev = &self.evidence;
        out.extend_from_slice(b",\"evidence\":{\"verb\":");
        json_str(out, ev.verb);
        out.extend_from_slice(b",\"span\":[");
        json_uint(out, ev.span[0] as u64);
        out.push(b',');
        json_uint(out, ev.span[1] as u64);
        out.extend_from_slice(b"],\"pattern\":");
        json_str(out, &ev.pattern.0 .0.code);
        out.pop(); // code and text form one string: "112 accuse +"
        out.push(b' ');
        let text_start = out.len();
        json_str(out, &ev.pattern.0 .0.text);
        out.remove(text_start); // its opening quote
        out.extend_from_slice(b",\"dictionary_entries\":[");
        let entries = &ev.dictionary_entries;
        let origins = std::iter::once(entries.pattern).chain(
            entries
                .actors
                .iter()
                .flatten()
                .flat_map(|a| a.entries.iter()),
        );
        for (i, o) in origins.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            json_str(out, &o.file);
            out.pop(); // the closing quote: the line number goes inside the string
            out.push(b':');
            json_uint(out, o.line as u64);
            out.push(b'"');
        }
        out.extend_from_slice(b"]},\"attribution\":");
        json_actor(out, &self.attribution);
        out.extend_from_slice(b",\"passive\":");
        out.extend_from_slice(if self.passive { b"true" } else { b"false" });
        out.push(b'}');
    }

    pub fn of(dict: &'a Dictionaries, doc: &'a Document, e: &'a Event) -> Self {
        let entry = Codebook::embedded().get(&e.cameo);
        let vp = dict.pattern(e.pattern);
        EventJson {
            doc_id: &doc.id,
            sentence_index: e.sentence_index,
            sentence: &doc.text[e.sentence.0..e.sentence.1],
            date: doc.date.map(Shown),
            cameo: &e.cameo,
            cameo_name: entry.map(|c| c.name.as_str()),
            root: &e.cameo[..2],
            goldstein: entry.map(|c| c.goldstein),
            quad_class: dyad_events::quad_class(&e.cameo[..2]),
            plover: entry.and_then(|c| c.plover.as_ref()),
            source: e.source.as_ref().map(ActorJson::of),
            target: e.target.as_ref().map(ActorJson::of),
            evidence: EvidenceJson {
                verb: &doc.text[e.verb.0..e.verb.1],
                span: [e.evidence.0, e.evidence.1],
                pattern: Shown(PatternText(vp)),
                dictionary_entries: Entries {
                    pattern: &vp.origin,
                    actors: [e.source.as_ref(), e.target.as_ref()],
                },
            },
            attribution: e.attribution.as_ref().map(ActorJson::of),
            passive: e.passive,
        }
    }
}

pub struct Sink<'d, W: Write> {
    dict: &'d Dictionaries,
    line: Vec<u8>,
    format: Format,
    out: W,
    header_done: bool,
    rows: Vec<[String; 7]>,
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl<'d, W: Write> Sink<'d, W> {
    pub fn new(dict: &'d Dictionaries, format: Format, out: W) -> Self {
        Sink {
            dict,
            line: Vec::with_capacity(2048),
            format,
            out,
            header_done: false,
            rows: Vec::new(),
        }
    }

    pub fn write(&mut self, doc: &Document, coded: &Coded) -> std::io::Result<()> {
        for e in &coded.events {
            let j = EventJson::of(self.dict, doc, e);
            match self.format {
                Format::Jsonl => {
                    self.line.clear();
                    j.write_line(&mut self.line);
                    self.line.push(b'\n');
                    self.out.write_all(&self.line)?;
                }
                Format::Tsv => {
                    if !self.header_done {
                        writeln!(
                            self.out,
                            "doc_id\tsentence_index\tdate\tsource\tcameo\ttarget\troot\tgoldstein\tquad_class\tsource_name\ttarget_name\tverb\tattribution\tsentence"
                        )?;
                        self.header_done = true;
                    }
                    writeln!(
                        self.out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        clean(j.doc_id),
                        j.sentence_index,
                        j.date.as_ref().map(|d| d.0.to_string()).unwrap_or_default(),
                        j.source.as_ref().map(|a| a.code).unwrap_or(""),
                        j.cameo,
                        j.target.as_ref().map(|a| a.code).unwrap_or(""),
                        j.root,
                        j.goldstein.map(|g| g.to_string()).unwrap_or_default(),
                        j.quad_class.map(|q| q.to_string()).unwrap_or_default(),
                        clean(j.source.as_ref().map(|a| a.name).unwrap_or("")),
                        clean(j.target.as_ref().map(|a| a.name).unwrap_or("")),
                        clean(j.evidence.verb),
                        j.attribution.as_ref().map(|a| a.code).unwrap_or(""),
                        clean(j.sentence),
                    )?;
                }
                Format::Table => {
                    let event = format!("{} {}", j.cameo, j.cameo_name.unwrap_or(""));
                    self.rows.push([
                        clean(j.doc_id),
                        j.sentence_index.to_string(),
                        j.date
                            .as_ref()
                            .map(|d| d.0.to_string())
                            .unwrap_or_else(|| "-".into()),
                        j.source
                            .as_ref()
                            .map(|a| a.code.to_string())
                            .unwrap_or_else(|| "-".into()),
                        event,
                        j.target
                            .as_ref()
                            .map(|a| a.code.to_string())
                            .unwrap_or_else(|| "-".into()),
                        clean(&doc.text[e.evidence.0..e.evidence.1]),
                    ]);
                }
            }
        }
        if self.format == Format::Table && self.rows.len() >= 4096 {
            self.flush_table()?;
        }
        Ok(())
    }

    fn flush_table(&mut self) -> std::io::Result<()> {
        let head = [
            "doc", "sent", "date", "source", "event", "target", "evidence",
        ];
        let width = |i: usize, cap: usize| {
            self.rows
                .iter()
                .map(|r| r[i].chars().count())
                .chain([head[i].len()])
                .max()
                .unwrap_or(0)
                .min(cap)
        };
        let caps = [18, 5, 10, 14, 44, 14, 60];
        let widths: Vec<usize> = (0..7).map(|i| width(i, caps[i])).collect();
        let cut = |s: &str, n: usize| -> String {
            if s.chars().count() <= n {
                format!("{s:<n$}")
            } else {
                let t: String = s.chars().take(n.saturating_sub(1)).collect();
                format!("{t}…")
            }
        };
        if !self.header_done {
            let line: Vec<String> = head
                .iter()
                .enumerate()
                .map(|(i, h)| cut(h, widths[i]))
                .collect();
            writeln!(self.out, "{}", line.join("  ").trim_end())?;
            self.header_done = true;
        }
        for r in std::mem::take(&mut self.rows) {
            let line: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(i, c)| cut(c, widths[i]))
                .collect();
            writeln!(self.out, "{}", line.join("  ").trim_end())?;
        }
        Ok(())
    }

    pub fn finish(&mut self) -> std::io::Result<()> {
        if self.format == Format::Table {
            self.flush_table()?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_coder::{Coder, Scratch};

    #[test]
    fn strings_are_escaped_like_serde_does() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let alphabet: Vec<char> = "ab \"\\\n\t\r\u{1}\u{1f}é’“\u{7f}Zz09".chars().collect();
        for len in 0..200 {
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let mut out = Vec::new();
            json_str(&mut out, &s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&s).unwrap()
            );
        }
    }

    #[test]
    fn the_fast_writer_writes_what_serde_writes() {
        let dict = dyad_dict::load(&[]).unwrap();
        let text = "GENEVA \"quoted\"\tKabul\u{1}: Russia accused Turkey of \"lying\" \\ today.\nLavrov said on Tuesday that Turkey had attacked Syria, \u{201c}Moscow\u{201d} said.";
        let doc = Document {
            id: "d\"1".into(),
            text: text.into(),
            date: chrono::NaiveDate::from_ymd_opt(2016, 5, 17),
            title: None,
            url: None,
            source: None,
        };
        let coded = Coder::new(&dict).code_document(&doc.text, doc.date, &mut Scratch::default());
        assert!(coded.events.len() >= 2, "{:?}", coded.events);
        for e in &coded.events {
            let j = EventJson::of(&dict, &doc, e);
            let mut line = Vec::new();
            j.write_line(&mut line);
            let fast: serde_json::Value = serde_json::from_slice(&line).expect("valid JSON");
            let slow = serde_json::to_value(&j).unwrap();
            assert_eq!(fast, slow);
        }
    }
}
