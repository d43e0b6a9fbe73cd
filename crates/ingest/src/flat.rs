//! A reader for the common JSONL record: one flat object whose values are strings or null.
//!
//! serde_json reads a string byte by byte through its escape table, which was most of the cost
//! of decoding a news record (the text is almost all of the line). This reader finds the next
//! quote, backslash or control byte 16 bytes at a time and copies the runs between them whole.
//! It gives up (`None`) on anything it does not read exactly as serde_json would: a value of
//! another type, a duplicate known key, a lone surrogate, trailing bytes, ... and the caller
//! then takes the serde paths, which also say what is wrong.

use std::borrow::Cow;

/// The known fields of a record, in [`KEYS`] order.
pub(crate) type Fields<'a> = [Option<Cow<'a, str>>; 8];

/// The fields the record reader looks at; every other key is skipped.
pub(crate) const KEYS: [&str; 8] = [
    "text",
    "id",
    "date",
    "published",
    "publish_date",
    "title",
    "url",
    "source",
];

/// Reads `line` if it is a JSON object whose values are all strings or null (a known key at
/// most once), as the serde-derived record would read it.
pub(crate) fn read(line: &str) -> Option<Fields<'_>> {
    let b = line.as_bytes();
    let mut fields: Fields = Default::default();
    let mut seen = 0u8;
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(b, i + 1);
    if b.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let (key, after) = string(line, i + 1)?;
            i = skip_ws(b, after);
            if b.get(i) != Some(&b':') {
                return None;
            }
            i = skip_ws(b, i + 1);
            let value = match b.get(i) {
                Some(b'"') => {
                    let (v, after) = string(line, i + 1)?;
                    i = after;
                    Some(v)
                }
                Some(b'n') if b[i..].starts_with(b"null") => {
                    i += 4;
                    None
                }
                _ => return None,
            };
            if let Some(k) = KEYS.iter().position(|k| *k == key) {
                if seen & (1 << k) != 0 {
                    return None;
                }
                seen |= 1 << k;
                fields[k] = value;
            }
            i = skip_ws(b, i);
            match b.get(i) {
                Some(b',') => i = skip_ws(b, i + 1),
                Some(b'}') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    (skip_ws(b, i) == b.len()).then_some(fields)
}

/// JSON's whitespace from `i` on.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The string whose body starts at byte `at` (just past its opening quote), decoded, and the
/// index past its closing quote. `None` for an unterminated string, a raw control byte, a bad
/// escape or a `\u` escape that is no scalar value (serde_json rejects all of these).
fn string(line: &str, at: usize) -> Option<(Cow<'_, str>, usize)> {
    let b = line.as_bytes();
    let mut i = at;
    let mut out: Option<String> = None;
    loop {
        let j = i + special(&b[i..]);
        match b.get(j) {
            Some(b'"') => {
                let s = match out {
                    None => Cow::Borrowed(&line[at..j]),
                    Some(mut o) => {
                        o.push_str(&line[i..j]);
                        Cow::Owned(o)
                    }
                };
                return Some((s, j + 1));
            }
            Some(b'\\') => {
                // Every special byte is ASCII, so `i..j` lies on character boundaries.
                let o = out.get_or_insert_with(|| String::with_capacity(b.len() - at));
                o.push_str(&line[i..j]);
                let (c, after) = escape(b, j + 1)?;
                o.push(c);
                i = after;
            }
            _ => return None,
        }
    }
}

/// The character of the escape whose letter is at `at` (just past the backslash), and the
/// index past it.
fn escape(b: &[u8], at: usize) -> Option<(char, usize)> {
    let c = match *b.get(at)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let hi = hex4(b, at + 1)?;
            if (0xD800..0xDC00).contains(&hi) {
                // A high surrogate must be followed by an escaped low one.
                if b.get(at + 5) != Some(&b'\\') || b.get(at + 6) != Some(&b'u') {
                    return None;
                }
                let lo = hex4(b, at + 7)?;
                if !(0xDC00..0xE000).contains(&lo) {
                    return None;
                }
                let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                return Some((char::from_u32(c)?, at + 11));
            }
            return Some((char::from_u32(hi)?, at + 5));
        }
        _ => return None,
    };
    Some((c, at + 1))
}

/// Four hex digits at `at`.
fn hex4(b: &[u8], at: usize) -> Option<u32> {
    let digits = b.get(at..at + 4)?;
    let mut v = 0;
    for &d in digits {
        v = v * 16 + (d as char).to_digit(16)?;
    }
    Some(v)
}

/// The first byte of `b` that is a quote, a backslash or below 0x20, or `b.len()`.
fn special(b: &[u8]) -> usize {
    let mut i = 0;
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of every x86-64 processor; each load reads the 16 bytes at
        // `i..i + 16`, inside `b`, unaligned.
        unsafe {
            let quote = _mm_set1_epi8(b'"' as i8);
            let backslash = _mm_set1_epi8(b'\\' as i8);
            let control = _mm_set1_epi8(0x1f);
            while i + 16 <= b.len() {
                let x = _mm_loadu_si128(b.as_ptr().add(i) as *const __m128i);
                // A byte is at most 0x1f exactly when its unsigned minimum with 0x1f is itself.
                let hit = _mm_or_si128(
                    _mm_cmpeq_epi8(_mm_min_epu8(x, control), x),
                    _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                );
                let mask = _mm_movemask_epi8(hit);
                if mask != 0 {
                    return i + mask.trailing_zeros() as usize;
                }
                i += 16;
            }
        }
    }
    while i < b.len() && !matches!(b[i], b'"' | b'\\' | 0..=0x1f) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_json makes of the same line, in the same shape (`None`: not such a record).
    fn by_serde(line: &str) -> Option<Vec<Option<String>>> {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let map = v.as_object()?;
        let mut out = vec![None; KEYS.len()];
        for (k, v) in map {
            match v {
                serde_json::Value::String(s) => {
                    if let Some(p) = KEYS.iter().position(|x| x == k) {
                        out[p] = Some(s.clone());
                    }
                }
                serde_json::Value::Null => {}
                _ => return None,
            }
        }
        Some(out)
    }

    fn owned(f: Fields<'_>) -> Vec<Option<String>> {
        f.into_iter().map(|v| v.map(Cow::into_owned)).collect()
    }

    #[test]
    fn flat_records_read_as_serde_reads_them() {
        let long = "word ".repeat(40);
        let lines = [
            r#"{"id":"a","text":"T1","date":"2016-05-17","title":"Ti","url":"u","source":"s"}"#
                .to_string(),
            r#"  { "text" : "esc \"q\" \\ \/ \b\f\n\r\t \u00e9 \uD83D\uDE00 end" , "id":null }  "#
                .to_string(),
            r#"{}"#.to_string(),
            r#"{"other":"x","text":"y"}"#.to_string(),
            format!(r#"{{"text":"{long}\"{long}\n{long}","x":"{long}"}}"#),
            format!("{{\"text\":\"{long}é漢字{long}\"}}\r\n"),
        ];
        for line in &lines {
            let got = read(line).map(owned);
            assert!(got.is_some(), "{line}");
            assert_eq!(got, by_serde(line), "{line}");
        }
        // serde_json reads these differently or not at all: the reader gives up on each.
        let refused = [
            r#"{"text":"a","text":"b"}"#.to_string(),
            r#"{"text":"T","id":7}"#.to_string(),
            r#"{"text":"T","extra":[1]}"#.to_string(),
            r#"{"text":"T"} x"#.to_string(),
            r#"{"text":"T",}"#.to_string(),
            r#"["T"]"#.to_string(),
            r#"{"text":"lone \uD83D here"}"#.to_string(),
            r#"{"text":"lone \uDE00 here"}"#.to_string(),
            r#"{"text":"bad \x escape"}"#.to_string(),
            r#"{"text":"bad \u12G4 escape"}"#.to_string(),
            format!("{{\"text\":\"raw \t tab {long}\"}}"),
            format!("{{\"text\":\"{long} unterminated"),
            r#"{"text":nul}"#.to_string(),
            r#"{"text":"T""#.to_string(),
        ];
        for line in &refused {
            assert_eq!(read(line).map(owned), None, "{line}");
        }
    }

    #[test]
    fn the_special_byte_scan_finds_the_first_at_every_position() {
        for len in 0..70 {
            for at in 0..=len {
                for special_byte in [b'"', b'\\', 0u8, 0x1f, b'\n'] {
                    let mut b: Vec<u8> = (0..len).map(|k| b"aZ \x7f\x80\xff ~"[k % 8]).collect();
                    if at < len {
                        b[at] = special_byte;
                        if at + 3 < len {
                            b[at + 3] = b'"';
                        }
                    }
                    assert_eq!(special(&b), at, "len {len} at {at} byte {special_byte}");
                }
            }
        }
    }
}
