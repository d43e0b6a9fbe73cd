//! Output formats. The JSONL record is a contract other tools read: add fields, never rename them.

use crate::Format;
use chrono::NaiveDate;
use dyad_coder::{ActorRef, Coded, Event};
use dyad_context::{DocPlaces, DocTokens, Location, Precision};
use dyad_dict::{Dictionaries, Origin, VerbPattern};
use dyad_events::{CameoEntry, Codebook, Plover};
use dyad_ingest::Document;
use serde::Serialize;
use std::io::Write;
use std::ops::Range;
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
pub struct LocationJson<'a> {
    pub name: &'a str,
    pub country: &'a str,
    pub admin1: Option<&'a str>,
    /// Degrees, written to four decimals (about 10 m): the gazetteer's precision, without the
    /// noise of widening its single-precision numbers.
    #[serde(serialize_with = "ser_degrees")]
    pub lat: f32,
    #[serde(serialize_with = "ser_degrees")]
    pub lon: f32,
    pub precision: &'static str,
    pub span: [usize; 2],
}

fn degrees(v: f32) -> f64 {
    (f64::from(v) * 1e4).round() / 1e4
}

fn ser_degrees<S: serde::Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(degrees(*v))
}

impl<'a> LocationJson<'a> {
    fn of(l: &'a Location) -> Self {
        LocationJson {
            name: l.name,
            country: l.country,
            admin1: l.admin1,
            lat: l.lat,
            lon: l.lon,
            precision: l.precision.as_str(),
            span: [l.span.start, l.span.end],
        }
    }
}

#[derive(Serialize)]
pub struct EventJson<'a> {
    pub doc_id: &'a str,
    pub sentence_index: usize,
    pub sentence: &'a str,
    /// The date of the action: the clause's date phrase resolved against the publication date,
    /// else the publication date, else null.
    pub date: Option<Shown<NaiveDate>>,
    /// day, week, month or year; null with a null date.
    pub date_precision: Option<&'static str>,
    /// The date phrase, null when the date is the publication date.
    pub date_text: Option<&'a str>,
    /// The clause's place phrase, else the dateline's place, else null.
    pub location: Option<LocationJson<'a>>,
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

/// A JSON string literal.
fn json_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let n = bytes.len();
    // Most strings are short codes, country codes and names with nothing to escape: written
    // with their quotes into one fixed-size extension of quotes (no pushes, no call to
    // memcpy; a country code's 3 bytes went through memcpy before), then cut to length.
    if n <= 14 && short_clean(bytes) {
        let at = out.len();
        out.extend_from_slice(&[b'"'; 16]);
        let dst = &mut out[at + 1..at + 1 + n];
        if n >= 8 {
            dst[..8].copy_from_slice(&bytes[..8]);
            dst[n - 8..].copy_from_slice(&bytes[n - 8..]);
        } else if n >= 4 {
            dst[..4].copy_from_slice(&bytes[..4]);
            dst[n - 4..].copy_from_slice(&bytes[n - 4..]);
        } else if n > 0 {
            dst[0] = bytes[0];
            dst[n / 2] = bytes[n / 2];
            dst[n - 1] = bytes[n - 1];
        }
        out.truncate(at + n + 2);
        return;
    }
    out.push(b'"');
    json_body(out, s);
    out.push(b'"');
}

/// Whether a string of at most 15 bytes needs no escapes: 8 bytes at a time from 8 bytes up
/// (the last block overlapping), the shortest byte by byte.
#[inline]
fn short_clean(bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n >= 8 {
        let word = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8]));
        !(needs_escape(word(0)) || needs_escape(word(n - 8)))
    } else {
        !bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
    }
}

/// The inside of a JSON string literal. Most text needs no escaping, so it is checked many bytes
/// at a time (16 for long strings, 8 from 8 bytes up, the last block overlapping; the shortest
/// byte by byte) and copied whole; only a string that needs escapes goes the slow way.
fn json_body(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let clean = if n >= 16 {
        clean_long(bytes)
    } else {
        short_clean(bytes)
    };
    if !clean {
        json_escape(out, bytes);
        return;
    }
    // Most strings are codes, names and file names: copied with two overlapping fixed-size
    // copies into a fixed-size extension (no call to memcpy), then cut to length.
    if (4..=16).contains(&n) {
        let at = out.len();
        out.extend_from_slice(&[0u8; 16]);
        let dst = &mut out[at..at + n];
        if n >= 8 {
            dst[..8].copy_from_slice(&bytes[..8]);
            dst[n - 8..].copy_from_slice(&bytes[n - 8..]);
        } else {
            dst[..4].copy_from_slice(&bytes[..4]);
            dst[n - 4..].copy_from_slice(&bytes[n - 4..]);
        }
        out.truncate(at + n);
    } else {
        out.extend_from_slice(bytes);
    }
}

/// Whether a string of at least 16 bytes needs no escapes, 16 bytes at a time with SSE2 (part
/// of every x86-64 processor), the last 16 overlapping.
#[cfg(target_arch = "x86_64")]
fn clean_long(bytes: &[u8]) -> bool {
    use std::arch::x86_64::*;
    let n = bytes.len();
    debug_assert!(n >= 16);
    // SAFETY: SSE2 is always available on x86-64; every load reads 16 bytes inside `bytes`
    // (n >= 16), unaligned.
    unsafe {
        let quote = _mm_set1_epi8(b'"' as i8);
        let backslash = _mm_set1_epi8(b'\\' as i8);
        let control = _mm_set1_epi8(0x1f);
        let bad = |at: usize| {
            let x = _mm_loadu_si128(bytes.as_ptr().add(at) as *const __m128i);
            // A byte is at most 0x1f exactly when the unsigned minimum with 0x1f is itself.
            let low = _mm_cmpeq_epi8(_mm_min_epu8(x, control), x);
            _mm_or_si128(
                low,
                _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
            )
        };
        let mut any = bad(n - 16);
        let mut i = 0;
        while i + 16 <= n {
            any = _mm_or_si128(any, bad(i));
            i += 16;
        }
        _mm_movemask_epi8(any) == 0
    }
}

/// [`clean_long`] elsewhere: eight bytes at a time, the last eight overlapping.
#[cfg(not(target_arch = "x86_64"))]
fn clean_long(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let word = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8]));
    let mut dirty = needs_escape(word(n - 8));
    let mut i = 0;
    while i + 8 <= n {
        dirty |= needs_escape(word(i));
        i += 8;
    }
    !dirty
}

/// The body of a JSON string literal that needs escapes.
fn json_escape(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        if escaped.is_empty() {
            out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
        } else {
            out.extend_from_slice(escaped);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// "00" to "99", for two digits per division.
static PAIRS: [[u8; 2]; 100] = {
    let mut t = [[0u8; 2]; 100];
    let mut i = 0;
    while i < 100 {
        t[i] = [b'0' + (i / 10) as u8, b'0' + (i % 10) as u8];
        i += 1;
    }
    t
};

/// 10^k for every k a `u64`'s digit count needs.
static POW10: [u64; 20] = {
    let mut t = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// A decimal integer without going through `fmt`.
///
/// Inlined: the short path is a dozen instructions, against the call's own saves and restores
/// of registers; longer numbers go to [`json_uint_long`], out of line.
#[inline]
fn json_uint(out: &mut Vec<u8>, n: u64) {
    // Most numbers are byte offsets and sentence indexes below 10,000: their four digits from
    // two pairs as one integer, shifted past the leading zeros, in one 4-byte extension (no
    // digit count from the bit length, no loop).
    if n < 10_000 {
        let n = n as u32;
        let pair = |k: u32| u32::from(u16::from_le_bytes(PAIRS[k as usize]));
        let four = pair(n / 100) | pair(n % 100) << 16;
        let len = 1 + usize::from(n >= 10) + usize::from(n >= 100) + usize::from(n >= 1000);
        let at = out.len();
        out.extend_from_slice(&(four >> (8 * (4 - len))).to_le_bytes());
        out.truncate(at + len);
        return;
    }
    json_uint_long(out, n);
}

/// [`json_uint`] of a number from 10,000 up.
#[inline(never)]
fn json_uint_long(out: &mut Vec<u8>, n: u64) {
    // The number of digits from the number of bits (log10(2) is about 1233 / 4096, which
    // gives the count or one more), then one division per two digits, from the last. (`n | 1`:
    // 0 has one digit, and no power of ten is odd but 1.)
    let bits = 64 - (n | 1).leading_zeros() as usize;
    let guess = (bits * 1233) >> 12;
    let len = guess + 1 - usize::from((n | 1) < POW10[guess]);
    // A fixed-size copy (no call to memcpy), then cut to the digits.
    let mut digits = [0u8; 20];
    let mut m = n;
    let mut end = len;
    while end >= 2 {
        digits[end - 2..end].copy_from_slice(&PAIRS[(m % 100) as usize]);
        m /= 100;
        end -= 2;
    }
    if end == 1 {
        digits[0] = b'0' + m as u8;
    }
    let at = out.len();
    out.extend_from_slice(&digits);
    out.truncate(at + len);
}

/// A number `n / 10^scale` (`scale` at most 4) the way `{:?}` writes the float nearest to it
/// (shortest form that reads back, at least one decimal), when that is sure: the float must be
/// exactly the nearest to such a decimal, and not so small that `{:?}` would switch to an
/// exponent. Returns false, writing nothing, otherwise.
fn json_decimal(out: &mut Vec<u8>, n: i64, scale: u32, negative: bool) -> bool {
    let unit = 10i64.pow(scale);
    let abs = n.unsigned_abs();
    if abs >= 1 << 40 || (abs != 0 && abs * 1000 < unit as u64) {
        return false;
    }
    if negative {
        out.push(b'-');
    }
    json_uint(out, abs / unit as u64);
    out.push(b'.');
    let mut frac = abs % unit as u64;
    let mut width = scale;
    while width > 1 && frac.is_multiple_of(10) {
        frac /= 10;
        width -= 1;
    }
    let at = out.len();
    json_uint(out, frac);
    // Leading zeros of the fraction ("0.05").
    let pad = width as usize - (out.len() - at);
    if pad > 0 {
        out.splice(at..at, std::iter::repeat_n(b'0', pad));
    }
    true
}

/// An `f32` as `{:?}` writes it (the codebook's Goldstein values have one decimal).
fn json_f32(out: &mut Vec<u8>, v: f32) {
    let n = (v * 10.0).round();
    if v.is_finite()
        && n.abs() < 1e6
        && n / 10.0 == v
        && json_decimal(out, n as i64, 1, v.is_sign_negative())
    {
        return;
    }
    json_num(out, format_args!("{v:?}"));
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

/// The two numbers of a `[start, end]` span, without the brackets.
fn json_span(out: &mut Vec<u8>, span: [usize; 2]) {
    json_uint(out, span[0] as u64);
    out.push(b',');
    json_uint(out, span[1] as u64);
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
    json_span(out, a.span);
    out.extend_from_slice(b"]}");
}

/// A date as `"YYYY-MM-DD"` (`Display` of `NaiveDate`), by hand for years 0 to 9999.
fn json_date(out: &mut Vec<u8>, d: NaiveDate) {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        json_num(out, format_args!("\"{d}\""));
        return;
    }
    let y = y as u32;
    let digit = |v: u32| b'0' + (v % 10) as u8;
    out.extend_from_slice(&[
        b'"',
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
        b'"',
    ]);
}

/// A float as `serde_json` writes it: the shortest form that reads back, null when not finite.
fn json_f64(out: &mut Vec<u8>, v: f64) {
    if v.is_finite() {
        // Degrees come rounded to four decimals.
        let n = (v * 1e4).round();
        if n.abs() < 1e12 && n / 1e4 == v && json_decimal(out, n as i64, 4, v.is_sign_negative()) {
            return;
        }
        json_num(out, format_args!("{v:?}"));
    } else {
        out.extend_from_slice(b"null");
    }
}

/// The bytes of a string of up to 7 bytes and its length as one integer (distinct strings,
/// distinct integers): a key that hashes and compares as one word.
fn short_key(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut k = (b.len() as u64) << 56;
    for (i, &x) in b.iter().enumerate() {
        k |= u64::from(x) << (8 * i);
    }
    Some(k)
}

/// JSON pieces that repeat across events, written once per sink: a place's fields up to its
/// span, a pattern's text and origin. Keyed by address: places are `&'static` and patterns
/// live in the dictionaries the sink borrows, so an address cannot come to mean another value.
#[derive(Default)]
struct Pieces {
    places: rustc_hash::FxHashMap<PlaceKey, Box<[u8]>>,
    patterns: rustc_hash::FxHashMap<usize, Box<[u8]>>,
    /// A dictionary file's name as an origin opens with it (`"<file>:`), by file: few files
    /// name every entry. Each holds a clone of the file's `Arc`, so that while it is here no
    /// other name can come to live at the address it is found by.
    files: Vec<(std::sync::Arc<str>, Box<[u8]>)>,
}

/// At most this many files in [`Pieces::files`] (searched one by one); others are written
/// in full each time.
const MAX_FILES: usize = 32;

impl Pieces {
    /// [`origin`], with the file's part from [`Pieces::files`].
    fn origin(&mut self, out: &mut Vec<u8>, o: &Origin) {
        let k = match self
            .files
            .iter()
            .position(|(f, _)| std::sync::Arc::ptr_eq(f, &o.file))
        {
            Some(k) => k,
            None if self.files.len() < MAX_FILES => {
                let mut v = vec![b'"'];
                json_body(&mut v, &o.file);
                v.push(b':');
                self.files.push((o.file.clone(), v.into_boxed_slice()));
                self.files.len() - 1
            }
            None => return origin(out, o),
        };
        out.extend_from_slice(&self.files[k].1);
        json_uint(out, o.line as u64);
        out.push(b'"');
    }
}

/// Addresses and lengths of a location's strings, its coordinates' bits.
type PlaceKey = [usize; 9];

/// `"file:line"` of a dictionary entry (the line number inside the string).
fn origin(out: &mut Vec<u8>, o: &Origin) {
    out.push(b'"');
    json_body(out, &o.file);
    out.push(b':');
    json_uint(out, o.line as u64);
    out.push(b'"');
}

/// From `,"pattern":` to the pattern's own origin, the first of the dictionary entries.
fn pattern_piece(out: &mut Vec<u8>, vp: &VerbPattern, o: &Origin) {
    out.extend_from_slice(b"],\"pattern\":");
    // Code and text form one string: "112 accuse +".
    out.push(b'"');
    json_body(out, &vp.code);
    out.push(b' ');
    json_body(out, &vp.text);
    out.extend_from_slice(b"\",\"dictionary_entries\":[");
    origin(out, o);
}

/// From `,"cameo":` to the plover value: what the CAMEO code decides.
fn cameo_piece(out: &mut Vec<u8>, j: &EventJson) {
    out.extend_from_slice(b",\"cameo\":");
    json_str(out, j.cameo);
    out.extend_from_slice(b",\"cameo_name\":");
    json_opt_str(out, j.cameo_name);
    out.extend_from_slice(b",\"root\":");
    json_str(out, j.root);
    out.extend_from_slice(b",\"goldstein\":");
    match j.goldstein {
        Some(g) => json_f32(out, g),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"quad_class\":");
    match j.quad_class {
        Some(q) => json_uint(out, q as u64),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"plover\":");
    match j.plover {
        Some(p) => {
            out.extend_from_slice(b"{\"event_type\":");
            json_str(out, &p.event_type);
            out.extend_from_slice(b",\"mode\":");
            json_opt_str(out, p.mode.as_deref());
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
}

/// A location's object up to the numbers of its span.
fn location_piece(out: &mut Vec<u8>, l: &LocationJson) {
    out.extend_from_slice(b"{\"name\":");
    json_str(out, l.name);
    out.extend_from_slice(b",\"country\":");
    json_str(out, l.country);
    out.extend_from_slice(b",\"admin1\":");
    json_opt_str(out, l.admin1);
    out.extend_from_slice(b",\"lat\":");
    json_f64(out, degrees(l.lat));
    out.extend_from_slice(b",\"lon\":");
    json_f64(out, degrees(l.lon));
    out.extend_from_slice(b",\"precision\":");
    json_str(out, l.precision);
    out.extend_from_slice(b",\"span\":[");
}

fn json_location(out: &mut Vec<u8>, l: &Option<LocationJson>) {
    let Some(l) = l else {
        out.extend_from_slice(b"null");
        return;
    };
    location_piece(out, l);
    json_span(out, l.span);
    out.extend_from_slice(b"]}");
}

impl<'a> EventJson<'a> {
    /// The event as one JSON line, field for field what `serde_json` writes for this struct, only
    /// without its per-byte formatting machinery (output is a large share of coding time).
    pub fn write_line(&self, out: &mut Vec<u8>) {
        self.write_line_with(out, None, None);
    }

    /// [`EventJson::write_line`] with the pieces that repeat from event to event taken from
    /// `pieces` (written there the first time): `cameo` is this event's run from `,"cameo":` to
    /// the plover value, already written by [`cameo_piece`]. The bytes are the same either way.
    fn write_line_with(
        &self,
        out: &mut Vec<u8>,
        cameo: Option<&[u8]>,
        mut pieces: Option<&mut Pieces>,
    ) {
        out.extend_from_slice(b"{\"doc_id\":");
        json_str(out, self.doc_id);
        out.extend_from_slice(b",\"sentence_index\":");
        json_uint(out, self.sentence_index as u64);
        out.extend_from_slice(b",\"sentence\":");
        json_str(out, self.sentence);
        out.extend_from_slice(b",\"date\":");
        match &self.date {
            Some(d) => json_date(out, d.0),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"date_precision\":");
        json_opt_str(out, self.date_precision);
        out.extend_from_slice(b",\"date_text\":");
        json_opt_str(out, self.date_text);
        out.extend_from_slice(b",\"location\":");
        match (&self.location, pieces.as_deref_mut()) {
            (Some(l), Some(p)) => {
                let key = [
                    l.name.as_ptr() as usize,
                    l.name.len(),
                    l.country.as_ptr() as usize,
                    l.country.len(),
                    l.admin1.map_or(0, |a| a.as_ptr() as usize),
                    l.admin1.map_or(usize::MAX, str::len),
                    l.lat.to_bits() as usize,
                    l.lon.to_bits() as usize,
                    l.precision.as_ptr() as usize,
                ];
                let piece = p.places.entry(key).or_insert_with(|| {
                    let mut v = Vec::new();
                    location_piece(&mut v, l);
                    v.into_boxed_slice()
                });
                out.extend_from_slice(piece);
                json_span(out, l.span);
                out.extend_from_slice(b"]}");
            }
            _ => json_location(out, &self.location),
        }
        match cameo {
            Some(c) => out.extend_from_slice(c),
            None => cameo_piece(out, self),
        }
        out.extend_from_slice(b",\"source\":");
        json_actor(out, &self.source);
        out.extend_from_slice(b",\"target\":");
        json_actor(out, &self.target);
        let ev = &self.evidence;
        out.extend_from_slice(b",\"evidence\":{\"verb\":");
        json_str(out, ev.verb);
        out.extend_from_slice(b",\"span\":[");
        json_span(out, ev.span);
        let entries = &ev.dictionary_entries;
        match pieces.as_deref_mut() {
            Some(p) => {
                // The pattern lives as long as the dictionaries the sink borrows: its address
                // names it.
                let vp = ev.pattern.0 .0;
                let piece = p
                    .patterns
                    .entry(vp as *const VerbPattern as usize)
                    .or_insert_with(|| {
                        let mut v = Vec::new();
                        pattern_piece(&mut v, vp, entries.pattern);
                        v.into_boxed_slice()
                    });
                out.extend_from_slice(piece);
            }
            None => pattern_piece(out, ev.pattern.0 .0, entries.pattern),
        }
        for o in entries
            .actors
            .iter()
            .flatten()
            .flat_map(|a| a.entries.iter())
        {
            out.push(b',');
            match pieces.as_deref_mut() {
                Some(p) => p.origin(out, o),
                None => origin(out, o),
            }
        }
        out.extend_from_slice(b"]},\"attribution\":");
        json_actor(out, &self.attribution);
        out.extend_from_slice(b",\"passive\":");
        out.extend_from_slice(if self.passive { b"true" } else { b"false" });
        out.push(b'}');
    }

    pub fn of(dict: &'a Dictionaries, doc: &'a Document, e: &'a Event) -> Self {
        Self::of_entry(dict, doc, e, Codebook::embedded().get(&e.cameo))
    }

    /// [`EventJson::of`] with the event's codebook entry already looked up.
    fn of_entry(
        dict: &'a Dictionaries,
        doc: &'a Document,
        e: &'a Event,
        entry: Option<&'a CameoEntry>,
    ) -> Self {
        let vp = dict.pattern(e.pattern);
        EventJson {
            doc_id: &doc.id,
            sentence_index: e.sentence_index,
            sentence: &doc.text[e.sentence.0..e.sentence.1],
            date: doc.date.map(Shown),
            date_precision: doc.date.map(|_| Precision::Day.as_str()),
            date_text: None,
            location: None,
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

    /// The event with its context: the date of the action, the place and, for an event coded
    /// from inside a quotation, the quotation's speaker (who said the words is better evidence than
    /// the coder's guess from the sentence around them). Without context ([`EventJson::of`] alone) the date is the publication date.
    pub fn with_context(mut self, text: &'a str, c: &'a EventContext) -> Self {
        self.set_context(text, c);
        self
    }

    /// [`EventJson::with_context`] in place: the sink's events are large enough that moving
    /// each through the builder cost two `memcpy` calls.
    fn set_context(&mut self, text: &'a str, c: &'a EventContext) {
        self.date = c.date.map(Shown);
        self.date_precision = c.precision.map(Precision::as_str);
        self.date_text = c.date_text.clone().map(|r| &text[r]);
        self.location = c.location.as_ref().map(LocationJson::of);
        if let Some(a) = &c.attribution {
            // The speaker is no attribution of their own act.
            if self.source.as_ref().map(|s| s.span) != Some([a.span.0, a.span.1]) {
                self.attribution = Some(ActorJson::of(a));
            }
        }
    }
}

/// What the context layer adds to one event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventContext {
    /// The date of the action (the clause's date phrase, else the publication date).
    pub date: Option<NaiveDate>,
    pub precision: Option<Precision>,
    /// Byte range of the date phrase; `None` when the date is the publication date.
    pub date_text: Option<Range<usize>>,
    pub location: Option<Location>,
    /// The speaker of the quotation the event was coded from.
    pub attribution: Option<ActorRef>,
}

/// Words before a verb that make its clause look forward: modals and "is to", "plans to", ...
fn is_modal(w: &str) -> bool {
    // A `match` compares with constants inline; `contains` on a list calls memcmp for
    // every entry of the same length.
    matches!(
        w,
        "will" | "shall" | "would" | "won't" | "wo" | "'ll" | "wouldn't"
    )
}
/// Words before "to" that make it look forward: "is to", "plans to".
fn is_before_to(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "am"
            | "was"
            | "were"
            | "be"
            | "'s"
            | "'re"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "intend"
            | "intends"
            | "intended"
            | "expect"
            | "expects"
            | "expected"
            | "set"
            | "due"
            | "scheduled"
            | "going"
            | "aim"
            | "aims"
            | "hope"
            | "hopes"
            | "want"
            | "wants"
            | "agree"
            | "agreed"
            | "agrees"
            | "promise"
            | "promised"
            | "promises"
            | "pledge"
            | "pledged"
            | "vow"
            | "vowed"
            | "vows"
            | "threaten"
            | "threatened"
            | "threatens"
            | "ready"
            | "prepared"
            | "preparing"
            | "about"
            | "poised"
            | "decided"
            | "likely"
            | "seek"
            | "seeks"
            | "sought"
    )
}
/// Words that may stand between the future marker and the verb ("will also meet", "will be held").
fn is_between(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "also"
            | "soon"
            | "then"
            | "still"
            | "again"
            | "jointly"
            | "formally"
            | "finally"
            | "never"
            | "likely"
            | "probably"
            | "be"
            | "have"
            | "been"
            | "each"
            | "both"
            | "all"
            | "personally"
            | "officially"
            | "shortly"
            | "once"
            | "now"
            | "first"
    )
}

/// Whether the clause of a verb at `verb` is in the future tense, from the words between the last
/// clause break (comma, semicolon, colon, quotation mark, bracket) before it and the verb.
pub fn is_future(text: &str, clause_start: usize, verb: usize) -> bool {
    if verb <= clause_start || verb > text.len() || !text.is_char_boundary(clause_start) {
        return false;
    }
    let Some(before) = text.get(clause_start..verb) else {
        return false;
    };
    let from = last_break(before.as_bytes());
    // `words` runs backwards from the verb; at most six count.
    let mut words = LastWords::new(&before[from..]).take(6);
    let mut buf = WordBuf::default();
    let mut next = WordBuf::default();
    loop {
        let Some(w) = words.next() else {
            return false;
        };
        let Some(w) = buf.fold(w) else {
            return is_future_words(&before[from..]);
        };
        if is_between(w) {
            continue;
        }
        if is_modal(w) {
            return true;
        }
        if w != "to" {
            return false;
        }
        let Some(p) = words.next() else {
            return false;
        };
        return match next.fold(p) {
            Some(p) => is_before_to(p),
            None => is_future_words(&before[from..]),
        };
    }
}

/// The words of a clause from the last, split at Unicode whitespace like `split_whitespace`:
/// by bytes while the words are ASCII, by `split_whitespace` from the first that is not.
struct LastWords<'a> {
    s: &'a str,
    /// Where the words not yet returned end.
    end: usize,
    slow: Option<std::iter::Rev<std::str::SplitWhitespace<'a>>>,
}

impl<'a> LastWords<'a> {
    fn new(s: &'a str) -> Self {
        LastWords {
            s,
            end: s.len(),
            slow: None,
        }
    }
}

impl<'a> Iterator for LastWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if let Some(words) = &mut self.slow {
            return words.next();
        }
        // The ASCII characters that are Unicode whitespace: tab, line feed, vertical tab, form
        // feed, carriage return and space.
        let space = |c: u8| matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
        let b = self.s.as_bytes();
        let mut end = self.end;
        while end > 0 && space(b[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            self.end = 0;
            return None;
        }
        let mut start = end;
        while start > 0 && !space(b[start - 1]) {
            if b[start - 1] >= 0x80 {
                // `self.end` follows an ASCII byte (or ends the text): a character boundary.
                let mut words = self.s[..self.end].split_whitespace().rev();
                let w = words.next();
                self.slow = Some(words);
                return w;
            }
            start -= 1;
        }
        self.end = start;
        Some(&self.s[start..end])
    }
}

/// Where the words after the last clause break of `before` start (0 without a break): the break is
/// one of `, ; : ( ) "`, a newline, or a curly double quotation mark or guillemet (multi-byte).
fn last_break(b: &[u8]) -> usize {
    for p in (0..b.len()).rev() {
        match b[p] {
            b',' | b';' | b':' | b'(' | b')' | b'"' | b'\n' => return p + 1,
            // U+201C and U+201D are E2 80 9C / E2 80 9D.
            0x9C | 0x9D if p >= 2 && b[p - 2] == 0xE2 && b[p - 1] == 0x80 => return p + 1,
            // U+00AB and U+00BB are C2 AB / C2 BB.
            0xAB | 0xBB if p >= 1 && b[p - 1] == 0xC2 => return p + 1,
            _ => {}
        }
    }
    0
}

/// A word as [`is_future`] compares it, built without allocating: letters and apostrophes
/// (curly ones straightened), lower-cased, and only the clitic of "they'll" or "Russia's".
#[derive(Default)]
struct WordBuf {
    bytes: [u8; 32],
    len: usize,
}

impl WordBuf {
    /// The folded form of `w`, or `None` when it does not fit (the caller then takes the slow
    /// path, so that no word is ever misread).
    fn fold(&mut self, w: &str) -> Option<&str> {
        self.len = 0;
        if w.is_ascii() {
            // Bytes, no char decoding, and the first apostrophe noted on the way.
            let mut apostrophe = None;
            for &b in w.as_bytes() {
                if b.is_ascii_alphabetic() || b == b'\'' {
                    if b == b'\'' && apostrophe.is_none() {
                        apostrophe = Some(self.len);
                    }
                    *self.bytes.get_mut(self.len)? = b.to_ascii_lowercase();
                    self.len += 1;
                }
            }
            // SAFETY: only ASCII bytes were written, and ASCII is UTF-8.
            let w = unsafe { std::str::from_utf8_unchecked(&self.bytes[..self.len]) };
            return Some(match apostrophe {
                Some(p) if p > 0 && w != "won't" && w != "wouldn't" => &w[p..],
                _ => w,
            });
        }
        for c in w.chars() {
            let c = if c == '\u{2019}' { '\'' } else { c };
            if !(c.is_alphabetic() || c == '\'') {
                continue;
            }
            if c.is_ascii() {
                self.push(c.to_ascii_lowercase())?;
            } else {
                for l in c.to_lowercase() {
                    self.push(l)?;
                }
            }
        }
        let w = std::str::from_utf8(&self.bytes[..self.len]).ok()?;
        Some(match w.find('\'') {
            Some(p) if p > 0 && w != "won't" && w != "wouldn't" => &w[p..],
            _ => w,
        })
    }

    fn push(&mut self, c: char) -> Option<()> {
        let n = c.len_utf8();
        let dst = self.bytes.get_mut(self.len..self.len + n)?;
        c.encode_utf8(dst);
        self.len += n;
        Some(())
    }
}

/// [`is_future`] the plain way, for words too long for [`WordBuf`].
fn is_future_words(clause: &str) -> bool {
    let mut words: Vec<String> = Vec::with_capacity(6);
    for w in clause.split_whitespace().rev().take(6) {
        let w: String = w
            .chars()
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .filter(|c| c.is_alphabetic() || *c == '\'')
            .flat_map(char::to_lowercase)
            .collect();
        // "they'll" and "Russia's": the clitic is the word that counts.
        if let Some(p) = w
            .find('\'')
            .filter(|&p| p > 0 && w != "won't" && w != "wouldn't")
        {
            words.push(w[p..].to_string());
        } else {
            words.push(w);
        }
    }
    let i = words
        .iter()
        .position(|w| !is_between(w))
        .unwrap_or(words.len());
    let Some(w) = words.get(i) else {
        return false;
    };
    if is_modal(w) {
        return true;
    }
    w == "to" && words.get(i + 1).is_some_and(|p| is_before_to(p))
}

/// The clause an event's date and place are read from: its sentence, without a dateline that
/// opens it (the dateline's date is when the story was filed; its place is the fallback).
fn clause(e: &Event, dateline: &Option<Range<usize>>) -> Range<usize> {
    let (start, end) = e.sentence;
    match dateline {
        Some(d) if d.start >= start && d.end > start && d.end < end => d.end..end,
        _ => start..end,
    }
}

/// The part of `clause` that belongs to the verb at `anchor`, and the relative and complement
/// clauses inside it that do not: such a clause runs from "that", "which", "who", "whom" or
/// "whose" to the next comma, semicolon, colon, dash or the clause's end. A date or place phrase
/// there belongs to another verb: in "Lavrov said on Tuesday that militants in Syria are armed via
/// Turkey, and urged the group to act", Syria is not where the urging happened. A verb inside
/// such a clause ("De Mistura, who chaired the talks on Friday, said") keeps to its clause.
///
/// This finds the relative and complement clauses, the same for every verb of the clause (so
/// found once per clause); [`split_clause`] picks the verb's part.
fn subordinate_clauses(text: &str, clause: &Range<usize>) -> Vec<Range<usize>> {
    let s = &text[clause.clone()];
    let bytes = s.as_bytes();
    // A word here is a run of ASCII letters, digits and non-ASCII bytes, from its first ASCII
    // letter on. Every opener has an h second, so only the h's need a look.
    let in_run = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let mut found: Vec<Range<usize>> = Vec::new();
    for h in memchr::memchr2_iter(b'h', b'H', bytes) {
        // A sentence-initial "That" or "Who" opens no subordinate clause.
        let Some(start) = h.checked_sub(1).filter(|&w| w > 0) else {
            continue;
        };
        if !matches!(bytes[start] | 0x20, b't' | b'w') {
            continue;
        }
        // The word starts here unless an ASCII letter comes earlier in the same run.
        let mut k = start;
        while k > 0 && in_run(bytes[k - 1]) && !bytes[k - 1].is_ascii_alphabetic() {
            k -= 1;
        }
        if k > 0 && bytes[k - 1].is_ascii_alphabetic() {
            continue;
        }
        let mut i = h + 1;
        while i < bytes.len() && in_run(bytes[i]) && i - start <= 5 {
            i += 1;
        }
        if i < bytes.len() && in_run(bytes[i]) {
            continue;
        }
        let word = &bytes[start..i];
        let opens = [&b"that"[..], b"which", b"who", b"whom", b"whose"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w));
        if !opens {
            continue;
        }
        let end = s[i..]
            .find([',', ';', ':', '\u{2014}', '\u{2013}'])
            .map_or(s.len(), |p| i + p);
        found.push(clause.start + start..clause.start + end);
    }
    found
}

/// The part of the clause that belongs to the verb at `anchor` and the subordinate clauses
/// `found` inside it that do not (see [`subordinate_clauses`]).
fn split_clause(
    clause: &Range<usize>,
    found: &[Range<usize>],
    anchor: usize,
) -> (Range<usize>, Vec<Range<usize>>) {
    // The innermost clause holding the verb, else the whole clause.
    let within = found
        .iter()
        .filter(|r| r.start <= anchor && anchor < r.end)
        .max_by_key(|r| r.start)
        .cloned()
        .unwrap_or_else(|| clause.clone());
    let other = found
        .iter()
        .filter(|r| {
            !(r.start <= anchor && anchor < r.end)
                && r.start >= within.start
                && r.end <= within.end
                && r.start > within.start
        })
        .cloned()
        .collect();
    (within, other)
}

/// Whether `s` may hold a date phrase: a digit, or a word that starts like a month, a weekday,
/// "yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening" or a
/// unit (day, week, month, year). Every phrase `find_dates` knows has one; most clauses have
/// none, and this scan costs far less than finding out the long way.
fn may_date(s: &str) -> bool {
    // Any digit answers at once; otherwise a word starts at a letter after anything but a
    // letter, and its first three bytes are checked as one number, letters lower-cased by
    // `| 0x20` (which turns no other byte into a lower-case letter).
    let b = s.as_bytes();
    let n = b.len();
    let starts_date = |k: usize| match b.get(k..k + 3) {
        Some(&[x, y, z]) => date_start([x | 0x20, y | 0x20, z | 0x20]),
        _ => false,
    };
    let mut i = 0;
    let mut prev_letter = false;
    // 16 bytes at a time: most clauses have no digit, and a word start is about one byte in
    // six, so classifying every byte one by one was most of the cost.
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of every x86-64 processor; each load reads the 16 bytes at
        // `i..i + 16`, inside `b`, unaligned.
        unsafe {
            let zero = _mm_set1_epi8(b'0' as i8);
            let nine = _mm_set1_epi8(9);
            let case = _mm_set1_epi8(0x20);
            let a = _mm_set1_epi8(b'a' as i8);
            let z = _mm_set1_epi8(25);
            // `v` is at most `top` (unsigned) in each byte.
            let within = |v: __m128i, top: __m128i| _mm_cmpeq_epi8(_mm_min_epu8(v, top), v);
            while i + 16 <= n {
                let x = _mm_loadu_si128(b.as_ptr().add(i) as *const __m128i);
                if _mm_movemask_epi8(within(_mm_sub_epi8(x, zero), nine)) != 0 {
                    return true;
                }
                let letters =
                    _mm_movemask_epi8(within(_mm_sub_epi8(_mm_or_si128(x, case), a), z)) as u32;
                let mut starts = letters & !((letters << 1) | u32::from(prev_letter));
                while starts != 0 {
                    if starts_date(i + starts.trailing_zeros() as usize) {
                        return true;
                    }
                    starts &= starts - 1;
                }
                prev_letter = letters & 0x8000 != 0;
                i += 16;
            }
        }
    }
    while i < n {
        let c = b[i];
        if c.is_ascii_digit() {
            return true;
        }
        let letter = c.is_ascii_alphabetic();
        if letter && !prev_letter && starts_date(i) {
            return true;
        }
        prev_letter = letter;
        i += 1;
    }
    false
}

/// Whether a word starting with these three lower-case letters may be part of a date phrase (see
/// [`may_date`]).
fn date_start(w: [u8; 3]) -> bool {
    matches!(
        &w,
        b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"may"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"mon"
            | b"tue"
            | b"wed"
            | b"thu"
            | b"fri"
            | b"sat"
            | b"sun"
            | b"yes"
            | b"tod"
            | b"ton"
            | b"tom"
            | b"nig"
            | b"mor"
            | b"aft"
            | b"eve"
            | b"day"
            | b"wee"
            | b"yea"
    )
}

/// Bytes between a span and a point (0 inside).
fn distance(span: &Range<usize>, at: usize) -> usize {
    if at < span.start {
        span.start - at
    } else {
        at.saturating_sub(span.end)
    }
}

/// A clause as [`context`] keeps it for the events that follow in it: its range, its
/// subordinate clauses (once looked for) and whether it may hold a date phrase.
type SeenClause = (Range<usize>, Option<Vec<Range<usize>>>, bool);

/// The context of every event of a coded document, in event order (empty when it has none).
/// `actors` is the coder's list of actor mentions (`code_document_with_actors`), needed only to
/// attribute events coded from quotations; pass an empty list when the text quotes nobody.
pub fn context(
    text: &str,
    tokens: &[dyad_text::Token],
    publication: Option<NaiveDate>,
    coded: &Coded,
    actors: &[ActorRef],
) -> Vec<EventContext> {
    if coded.events.is_empty() {
        return Vec::new();
    }
    let doc = DocTokens::from_tokens(text, tokens);
    let dateline = dyad_text::dateline(text).map(|d| d.start..d.end);
    let sentences: Vec<Range<usize>> = coded.sentences.iter().map(|&(s, e)| s..e).collect();
    let mut hints: Vec<&str> = Vec::with_capacity(4);
    // The short codes among them (all of ISO alpha-3) as integers: one compare each.
    let mut hint_keys: Vec<u64> = Vec::with_capacity(4);
    let event_actors = coded
        .events
        .iter()
        .flat_map(|e| [e.source.as_ref(), e.target.as_ref()])
        .flatten();
    for a in actors.iter().chain(event_actors) {
        if let Some(c) = a.country.as_deref() {
            let key = short_key(c);
            let seen = match key {
                Some(k) => hint_keys.contains(&k),
                None => hints.contains(&c),
            };
            if !seen {
                hints.push(c);
                hint_keys.extend(key);
            }
        }
    }
    let places = DocPlaces::from_tokens(&doc, &sentences, dateline.clone(), &hints);
    // Speakers matter only for events in a sentence that quotes (each sentence looked at once:
    // events come in sentence order).
    let quoted = || {
        let mut last = None;
        coded.events.iter().any(|e| {
            let fresh = last != Some(e.sentence);
            last = Some(e.sentence);
            fresh && crate::quotes::may_quote(&text[e.sentence.0..e.sentence.1])
        })
    };
    let (quotes, speakers) = if actors.is_empty() || !quoted() {
        (Vec::new(), Vec::new())
    } else {
        // Only a quotation around an event's verb gives an attribution (below).
        let around_event = |q: &dyad_context::Quote| {
            coded
                .events
                .iter()
                .any(|e| q.inner.start <= e.verb.0 && e.verb.0 < q.inner.end)
        };
        crate::quotes::speakers_wanted(&doc, coded, actors, &around_event)
    };
    // The date phrases of a clause, found once for all of its events.
    let mut dates: Vec<(Range<usize>, bool, Vec<dyad_context::DateRef>)> =
        Vec::with_capacity(coded.events.len());
    // The subordinate clauses of the last clause seen (found when first needed), and whether it
    // may hold a date phrase (`may_date`): events come in sentence order.
    let mut subs: Option<SeenClause> = None;
    coded
        .events
        .iter()
        .map(|e| {
            let clause = clause(e, &dateline);
            let anchor = e.verb.0;
            if subs.as_ref().is_none_or(|(c, _, _)| *c != clause) {
                let dated = may_date(&text[clause.clone()]);
                subs = Some((clause.clone(), None, dated));
            }
            let dated = subs.as_ref().is_some_and(|(_, _, d)| *d);
            // The verb's part of the clause matters only to the date and place phrases inside
            // the clause: with none of either, the clause's subordinate clauses are not looked for.
            let placed = places
                .places()
                .iter()
                .any(|l| l.span.start >= clause.start && l.span.end <= clause.end);
            let (within, other) = match subs.as_mut() {
                Some((_, found, _)) if dated || placed => {
                    let found = found.get_or_insert_with(|| subordinate_clauses(text, &clause));
                    split_clause(&clause, found, anchor)
                }
                _ => (clause.clone(), Vec::new()),
            };
            let own = |r: &Range<usize>| {
                r.start >= within.start
                    && r.end <= within.end
                    && !other.iter().any(|o| o.start <= r.start && r.end <= o.end)
            };
            // The tense matters only to the date phrases found, so it is not read for a clause
            // that cannot hold one.
            let k = dated.then(|| {
                let future = is_future(text, clause.start, anchor);
                match dates
                    .iter()
                    .position(|(c, f, _)| *c == clause && *f == future)
                {
                    Some(k) => k,
                    None => {
                        let found =
                            dyad_context::find_dates_in(&doc, clause.clone(), publication, future);
                        dates.push((clause.clone(), future, found));
                        dates.len() - 1
                    }
                }
            });
            let found = k.and_then(|k| {
                dates[k]
                    .2
                    .iter()
                    .filter(|d| own(&d.span))
                    .min_by_key(|d| distance(&d.span, anchor))
                    .cloned()
            });
            let location = places
                .places()
                .iter()
                .filter(|l| own(&l.span))
                .min_by_key(|l| distance(&l.span, anchor))
                .or(places.dateline())
                .cloned();
            let (date, precision, date_text) = match found {
                Some(d) => (Some(d.date), Some(d.precision), Some(d.span)),
                None => (publication, publication.map(|_| Precision::Day), None),
            };
            let attribution = quotes
                .iter()
                .position(|q| q.inner.start <= anchor && anchor < q.inner.end)
                .and_then(|k| speakers.get(k))
                .and_then(|s| s.actor)
                .map(|i| actors[i].clone());
            EventContext {
                date,
                precision,
                date_text,
                location,
                attribution,
            }
        })
        .collect()
}

pub struct Sink<'d, W: Write> {
    dict: &'d Dictionaries,
    line: Vec<u8>,
    format: Format,
    out: W,
    header_done: bool,
    rows: Vec<[String; 8]>,
    /// Codebook entries by CAMEO code: a hash lookup instead of a binary search of string
    /// comparisons for every event; with each, the JSON the code decides ([`cameo_piece`]).
    /// Keyed by the code's bytes as an integer ([`short_key`]; every CAMEO code is short), or
    /// by the code itself in `long_entries`.
    entries: rustc_hash::FxHashMap<u64, (Option<&'static CameoEntry>, Box<[u8]>)>,
    long_entries: rustc_hash::FxHashMap<String, (Option<&'static CameoEntry>, Box<[u8]>)>,
    pieces: Pieces,
}

/// The date as precise as it is known: `2016-05-17`, `2016-W20` (the week of that Monday),
/// `2016-05`, `2016`; `-` for none.
fn table_date(j: &EventJson) -> String {
    let Some(d) = &j.date else {
        return "-".into();
    };
    match j.date_precision {
        Some("week") => d.0.format("%G-W%V").to_string(),
        Some("month") => d.0.format("%Y-%m").to_string(),
        Some("year") => d.0.format("%Y").to_string(),
        _ => d.0.to_string(),
    }
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
            entries: Default::default(),
            long_entries: Default::default(),
            pieces: Pieces::default(),
        }
    }

    /// Writes the events of a document; `context` holds each event's context, in event order
    /// (empty: no context, the publication date stands).
    pub fn write(
        &mut self,
        doc: &Document,
        coded: &Coded,
        context: &[EventContext],
    ) -> std::io::Result<()> {
        let dict = self.dict;
        for (k, e) in coded.events.iter().enumerate() {
            let first_seen = || {
                let entry = Codebook::embedded().get(&e.cameo);
                let mut piece = Vec::new();
                cameo_piece(&mut piece, &EventJson::of_entry(dict, doc, e, entry));
                (entry, piece.into_boxed_slice())
            };
            let (entry, cameo) = match short_key(&e.cameo) {
                Some(key) => {
                    let (entry, piece) = self.entries.entry(key).or_insert_with(first_seen);
                    (*entry, &piece[..])
                }
                None => {
                    if !self.long_entries.contains_key(e.cameo.as_str()) {
                        let v = first_seen();
                        self.long_entries.insert(e.cameo.clone(), v);
                    }
                    match self.long_entries.get(e.cameo.as_str()) {
                        Some((entry, piece)) => (*entry, &piece[..]),
                        None => unreachable!("inserted above"),
                    }
                }
            };
            let mut j = EventJson::of_entry(self.dict, doc, e, entry);
            if let Some(c) = context.get(k) {
                j.set_context(&doc.text, c);
            }
            match self.format {
                Format::Jsonl => {
                    self.line.clear();
                    j.write_line_with(&mut self.line, Some(cameo), Some(&mut self.pieces));
                    self.line.push(b'\n');
                    self.out.write_all(&self.line)?;
                }
                Format::Tsv => {
                    if !self.header_done {
                        writeln!(
                            self.out,
                            "doc_id\tsentence_index\tdate\tsource\tcameo\ttarget\troot\tgoldstein\tquad_class\tsource_name\ttarget_name\tverb\tattribution\tdate_precision\tdate_text\tlocation\tlocation_country\tlocation_admin1\tlat\tlon\tsentence"
                        )?;
                        self.header_done = true;
                    }
                    writeln!(
                        self.out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
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
                        j.date_precision.unwrap_or(""),
                        clean(j.date_text.unwrap_or("")),
                        clean(j.location.as_ref().map(|l| l.name).unwrap_or("")),
                        j.location.as_ref().map(|l| l.country).unwrap_or(""),
                        clean(j.location.as_ref().and_then(|l| l.admin1).unwrap_or("")),
                        j.location
                            .as_ref()
                            .map(|l| degrees(l.lat).to_string())
                            .unwrap_or_default(),
                        j.location
                            .as_ref()
                            .map(|l| degrees(l.lon).to_string())
                            .unwrap_or_default(),
                        clean(j.sentence),
                    )?;
                }
                Format::Table => {
                    let event = format!("{} {}", j.cameo, j.cameo_name.unwrap_or(""));
                    self.rows.push([
                        clean(j.doc_id),
                        j.sentence_index.to_string(),
                        table_date(&j),
                        j.location
                            .as_ref()
                            .map(|l| format!("{}, {}", l.name, l.country))
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
            "doc", "sent", "date", "place", "source", "event", "target", "evidence",
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
        let caps = [18, 5, 10, 20, 14, 44, 14, 60];
        let widths: Vec<usize> = (0..head.len()).map(|i| width(i, caps[i])).collect();
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
    fn last_words_split_like_split_whitespace() {
        for s in [
            "",
            "   ",
            "a",
            " the  talks\twill\n\x0bbe\x0c held\r ",
            "one two three four five six seven eight",
            "non\u{a0}ascii \u{2003}words été",
            "plain words then\u{2003}été and more",
            "été\u{a0}x",
            "x\u{1c}y z",
        ] {
            let got: Vec<&str> = LastWords::new(s).collect();
            let want: Vec<&str> = s.split_whitespace().rev().collect();
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn strings_are_escaped_like_serde_does() {
        // Random strings over `chars` (xorshift, fixed seed).
        fn random(seed: &mut u64, chars: &[char], len: usize) -> String {
            (0..len)
                .map(|_| {
                    *seed ^= *seed << 13;
                    *seed ^= *seed >> 7;
                    *seed ^= *seed << 17;
                    chars[(*seed % chars.len() as u64) as usize]
                })
                .collect()
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let alphabet: Vec<char> = "ab \"\\\n\t\r\u{1}\u{1f}é’“\u{7f}Zz09".chars().collect();
        for len in 0..200 {
            let s = random(&mut seed, &alphabet, len);
            let mut out = Vec::new();
            json_str(&mut out, &s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&s).unwrap()
            );
        }
        // Strings that need no escapes, of every short length, after other output.
        let clean: Vec<char> = "abZz09 é’.".chars().collect();
        for len in 0..40 {
            let s = random(&mut seed, &clean, len);
            let mut out = b"[1,".to_vec();
            json_str(&mut out, &s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                format!("[1,{}", serde_json::to_string(&s).unwrap())
            );
        }
    }

    #[test]
    fn one_byte_that_needs_escaping_is_found_wherever_it_is() {
        for len in 1..80 {
            for at in 0..len {
                for bad in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                    let s: String = (0..len)
                        .map(|i| {
                            if i == at {
                                bad
                            } else {
                                (b'a' + (i % 26) as u8) as char
                            }
                        })
                        .collect();
                    let mut out = Vec::new();
                    json_str(&mut out, &s);
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        serde_json::to_string(&s).unwrap(),
                        "{s:?}"
                    );
                }
            }
            // Bytes just outside the escaped set: space, DEL and non-ASCII.
            let s: String = (0..len).map(|i| [' ', '\u{7f}', 'é', '~'][i % 4]).collect();
            let mut out = Vec::new();
            json_str(&mut out, &s);
            assert_eq!(out, format!("\"{s}\"").into_bytes());
        }
    }

    #[test]
    fn the_fast_writer_writes_what_serde_writes() {
        let dict = dyad_dict::load(&[]).unwrap();
        let text = "GENEVA \"quoted\"\tKabul\u{1}: Russia accused Turkey of \"lying\" \\ today.\nLavrov said on Tuesday that Turkey had attacked Syria near Aleppo, \u{201c}Moscow\u{201d} said.";
        let doc = Document {
            id: "d\"1".into(),
            text: text.into(),
            date: chrono::NaiveDate::from_ymd_opt(2016, 5, 17),
            title: None,
            url: None,
            source: None,
        };
        let mut scratch = Scratch::default();
        let (coded, actors) =
            Coder::new(&dict).code_document_with_actors(&doc.text, doc.date, &mut scratch);
        assert!(coded.events.len() >= 2, "{:?}", coded.events);
        let ctx = context(&doc.text, scratch.tokens(), doc.date, &coded, &actors);
        assert_eq!(ctx.len(), coded.events.len());
        let mut located = 0;
        for (e, c) in coded.events.iter().zip(&ctx) {
            for j in [
                EventJson::of(&dict, &doc, e),
                EventJson::of(&dict, &doc, e).with_context(&doc.text, c),
            ] {
                located += usize::from(j.location.is_some());
                let mut line = Vec::new();
                j.write_line(&mut line);
                let fast: serde_json::Value = serde_json::from_slice(&line).expect("valid JSON");
                let slow = serde_json::to_value(&j).unwrap();
                assert_eq!(fast, slow);
            }
        }
        assert!(located > 0, "the dateline gives a place: {ctx:?}");
    }

    #[test]
    fn numbers_and_dates_are_written_like_fmt_writes_them() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut f32s: Vec<f32> = vec![0.0, -0.0, 10.0, -10.0, 2.8, -7.2, 0.1, 1e-7, 3.4e38];
        let mut f64s: Vec<f64> = vec![0.0, -0.0, 1e-4, 5e-4, -0.0005, 180.0, 1e-9, 123.4567];
        for _ in 0..20_000 {
            let r = next();
            f32s.push((r % 201) as f32 / 10.0 - 10.0);
            f32s.push(f32::from_bits((r >> 16) as u32));
            f64s.push(degrees(((r % 3_600_000) as f32 / 1e4) - 180.0));
            f64s.push(degrees(((r % 20_000) as f32 / 1e4) - 1.0));
        }
        for v in f32s {
            let mut out = Vec::new();
            json_f32(&mut out, v);
            assert_eq!(String::from_utf8(out).unwrap(), format!("{v:?}"));
        }
        for v in f64s {
            let mut out = Vec::new();
            json_f64(&mut out, v);
            let want = if v.is_finite() {
                format!("{v:?}")
            } else {
                "null".into()
            };
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
        // Every number of the short path and past it.
        let mut out = Vec::new();
        for n in 0..20_000u64 {
            out.clear();
            json_uint(&mut out, n);
            assert_eq!(String::from_utf8_lossy(&out), n.to_string());
        }
        for n in [
            0u64,
            7,
            10,
            99,
            100,
            12345,
            9_999_999_999_999_999_999,
            10_000_000_000_000_000_000,
            u64::MAX,
        ] {
            let mut out = Vec::new();
            json_uint(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
        // Around every power of ten and of two, where the digit count changes.
        let mut out = Vec::new();
        let powers = (0..20u32)
            .map(|k| 10u64.pow(k))
            .chain((0..64).map(|k| 1u64 << k));
        for p in powers {
            for n in [p.wrapping_sub(1), p, p + 1] {
                out.clear();
                json_uint(&mut out, n);
                assert_eq!(out, n.to_string().as_bytes());
            }
        }
        // Every length, and every number below 100,000 (the spans and lines written most).
        for n in (0..100_000).chain((0..2_000).map(|_| next() >> (next() % 64))) {
            out.clear();
            json_uint(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
        for (y, m, d) in [
            (2016, 5, 17),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-5, 3, 4),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut out = Vec::new();
            json_date(&mut out, date);
            assert_eq!(String::from_utf8(out).unwrap(), format!("\"{date}\""));
        }
    }

    #[test]
    fn the_sink_writes_what_write_line_writes_from_its_pieces() {
        let dict = dyad_dict::load(&[]).unwrap();
        let coder = Coder::new(&dict);
        let texts = [
            "ALEPPO (Reuters) - Russia accused Turkey of lying on Monday. Syrian troops attacked rebels near Aleppo. Turkey accused Russia of lying.",
            "Syrian troops attacked rebels in Aleppo on Friday. Russia accused Turkey of lying in Aleppo.",
        ];
        let mut sink = Sink::new(&dict, Format::Jsonl, Vec::new());
        let mut expected = Vec::new();
        let (mut events, mut located) = (0, 0);
        // Twice over: the second round takes every piece from the sink's caches.
        for (k, text) in texts.iter().chain(&texts).enumerate() {
            let doc = Document {
                id: format!("d{k}"),
                text: text.to_string(),
                date: chrono::NaiveDate::from_ymd_opt(2016, 5, 17),
                title: None,
                url: None,
                source: None,
            };
            let mut scratch = Scratch::default();
            let (coded, ctx) =
                crate::code::code_with_context(&coder, &doc.text, doc.date, &mut scratch);
            for (e, c) in coded.events.iter().zip(&ctx) {
                let j = EventJson::of(&dict, &doc, e).with_context(&doc.text, c);
                located += usize::from(j.location.is_some());
                j.write_line(&mut expected);
                expected.push(b'\n');
            }
            events += coded.events.len();
            sink.write(&doc, &coded, &ctx).unwrap();
        }
        assert!(
            events >= 8 && located >= 4,
            "{events} events, {located} located"
        );
        assert_eq!(
            String::from_utf8_lossy(&sink.out),
            String::from_utf8_lossy(&expected)
        );
    }

    #[test]
    fn locations_are_written_like_serde_writes_them() {
        for (lat, lon) in [
            (48.2085, 16.3721),
            (0.0, -0.5),
            (-33.86, 151.2),
            (f32::NAN, 1e-7),
            (36.2012, -0.1),
        ] {
            let l = LocationJson {
                name: "Wien \"Vienna\"",
                country: "AUT",
                admin1: None,
                lat,
                lon,
                precision: "city",
                span: [3, 9],
            };
            let mut fast = Vec::new();
            json_location(&mut fast, &Some(l));
            let fast: serde_json::Value = serde_json::from_slice(&fast).expect("valid JSON");
            let l = LocationJson {
                name: "Wien \"Vienna\"",
                country: "AUT",
                admin1: None,
                lat,
                lon,
                precision: "city",
                span: [3, 9],
            };
            assert_eq!(fast, serde_json::to_value(&l).unwrap());
        }
    }

    #[test]
    fn clauses_without_a_date_word_are_skipped_and_no_date_is_missed() {
        for s in [
            "on Tuesday",
            "Sunday's attack",
            "in mid-June",
            "Feb. 27",
            "2016-05-03",
            "yesterday",
            "TODAY",
            "last night",
            "this morning",
            "in recent days",
            "the past few weeks",
            "early next year",
            "the end of the month",
            "in Sept.",
        ] {
            assert!(may_date(s), "{s}");
            let d = NaiveDate::from_ymd_opt(2016, 5, 18);
            assert!(
                !dyad_context::find_dates(s, 0..s.len(), d, false).is_empty(),
                "{s}"
            );
        }
        for s in [
            "Russia accused Turkey of lying.",
            "",
            "Iran and Israel",
            "é ü",
        ] {
            assert!(!may_date(s), "{s}");
        }
    }

    const OTHER: u8 = 0;
    const LETTER: u8 = 1;
    const DIGIT: u8 = 2;
    /// ASCII letters and digits, for [`may_date_bytewise`].
    static CLASS: [u8; 256] = {
        let mut t = [OTHER; 256];
        let mut c = 0;
        while c < 256 {
            let b = c as u8;
            if b.is_ascii_alphabetic() {
                t[c] = LETTER;
            } else if b.is_ascii_digit() {
                t[c] = DIGIT;
            }
            c += 1;
        }
        t
    };

    /// [`may_date`] as it was written before the 16-byte scan, byte by byte: the reference.
    fn may_date_bytewise(s: &str) -> bool {
        let b = s.as_bytes();
        let n = b.len();
        // Words start at a letter after anything but a letter or digit; any digit answers at once.
        // The first three bytes of a word checked as one number: letters lower-cased by `| 0x20`
        // (which turns no other byte into a lower-case letter).
        let mut i = 0;
        while i < n {
            match CLASS[b[i] as usize] {
                DIGIT => return true,
                LETTER => {
                    if let Some(&[x, y, z]) = b.get(i..i + 3) {
                        if date_start([x | 0x20, y | 0x20, z | 0x20]) {
                            return true;
                        }
                    }
                    // The rest of the word, to the first byte that is neither letter nor digit.
                    i += 1;
                    while i < n {
                        match CLASS[b[i] as usize] {
                            LETTER => i += 1,
                            DIGIT => return true,
                            _ => break,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        false
    }

    #[test]
    fn the_date_prefilter_answers_as_the_bytewise_scan() {
        let pieces = [
            "Jan",
            "jun",
            "MAY",
            "mayor",
            "Monday",
            "sat",
            "Saturn",
            "yesterday",
            "tonight",
            "day",
            "week",
            "year",
            "mid",
            "-",
            " ",
            "  ",
            ",",
            ".",
            "\u{e9}",
            "\u{201C}",
            "x",
            "ab",
            "Russia",
            "accused",
            "Turkey",
            "of",
            "\t",
            "7",
            "G7",
            "ever",
            "eve",
            "ma",
            "y",
            "an",
            "ja",
        ];
        let mut x = 3u64;
        for round in 0u32..30_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let mut s = String::new();
            for k in 0..(x >> 58) as usize % 40 {
                let r =
                    x.rotate_left(k as u32 * 7) ^ (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                let piece = pieces[(r >> 40) as usize % pieces.len()];
                // Mostly words without digits or date starts, so that positions late in long
                // strings are reached.
                if !round.is_multiple_of(3)
                    && (piece.bytes().any(|c| c.is_ascii_digit()) || r.is_multiple_of(5))
                {
                    s.push_str("zq");
                } else {
                    s.push_str(piece);
                }
            }
            assert_eq!(may_date(&s), may_date_bytewise(&s), "{s:?}");
        }
    }

    #[test]
    fn future_tense_reads_folded_words_as_the_plain_way_does() {
        // Random runs of words (ASCII and not, with clitics, punctuation and a word too long for
        // the buffer): the folding fast paths must answer as `is_future_words` does.
        let vocab = [
            "will",
            "Will",
            "WON'T",
            "won't",
            "wouldn't",
            "They'll",
            "they\u{2019}ll",
            "to",
            "TO",
            "plans",
            "going",
            "is",
            "also",
            "not",
            "Russia's",
            "n't",
            "said,",
            "(also)",
            "Ünited",
            "\u{c9}MILE",
            "straße",
            "x",
            "be",
            "held",
            "expected",
            "would",
            "may",
            "pneumonoultramicroscopicsilicovolcanoconiosis",
            "--",
            "\"will\"",
            "wi-ll",
        ];
        let mut x = 7u64;
        for _ in 0..20_000 {
            let mut words = Vec::new();
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for k in 0..(x >> 60) as usize % 8 + 1 {
                words.push(vocab[(x >> (k * 5 % 40)) as usize % vocab.len()]);
            }
            let s = words.join(" ");
            let from = last_break(s.as_bytes());
            assert_eq!(
                is_future(&s, 0, s.len()),
                is_future_words(&s[from..]),
                "{s}"
            );
        }
    }

    #[test]
    fn future_tense_is_read_from_the_words_before_the_verb() {
        let at = |s: &str, verb: &str| is_future(s, 0, s.find(verb).unwrap());
        assert!(at("The two sides will meet on Friday.", "meet"));
        assert!(at("They'll meet on Friday.", "meet"));
        assert!(at("Kerry is to visit Moscow.", "visit"));
        assert!(at("Russia plans to send troops.", "send"));
        assert!(at("Russia is going to send troops.", "send"));
        assert!(at("The talks will also be held in Geneva.", "held"));
        assert!(at("He said they would not attend.", "attend"));
        assert!(!at("The two sides met on Friday.", "met"));
        assert!(!at("Russia sent troops to Syria.", "sent"));
        assert!(!at(
            "Turkey, which will host the talks, accused Russia.",
            "accused"
        ));
        assert!(!at("Russia came to help Syria.", "help"));
        assert!(!at("", ""));
        // A curly quotation mark before the verb is three bytes long.
        assert!(at(
            "\u{201C}We will stay,\u{201D} Russia will send troops.",
            "send"
        ));
        assert!(!at("\u{201C}This is a step,\u{201D} Blinken said.", "said"));
    }
}
