//! Leading news datelines: `VIENNA (Reuters) -`, `MOSCOW, May 17 (AP) —`,
//! `KABUL —`, `GENEVA:`.

use crate::tokenize::decode;
use crate::{is_space_like, Dateline};

/// Longest place name we accept, in bytes.
const MAX_PLACE: usize = 60;
/// Words that look like an all-caps place but introduce a headline tag. (The parser asks
/// [`stop_word`]; its test holds it to this list.)
#[cfg(test)]
const STOP_WORDS: &[&str] = &[
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "ANALYSIS",
    "CORRECTED",
    "CORRECTION",
    "URGENT",
    "FLASH",
    "WATCH",
    "VIDEO",
    "PHOTOS",
    "NOTE",
    "EDITORS",
    "EDITOR'S",
    "FACTBOX",
    "TIMELINE",
    "REFILE",
    "RPT",
    "LIVE",
    "OPINION",
    "COMMENTARY",
    "ADVISORY",
    "WARNING",
    "FEATURE",
    "INTERVIEW",
    "REVIEW",
    "SPECIAL",
    "NEWS",
    "Q&A",
];

/// `w` is one of [`STOP_WORDS`]: a `match` over the bytes (a switch on the length and integer
/// compares), where `contains` on the list was a loop of 30 string compares.
fn stop_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"BREAKING"
            | b"UPDATE"
            | b"UPDATED"
            | b"EXCLUSIVE"
            | b"ANALYSIS"
            | b"CORRECTED"
            | b"CORRECTION"
            | b"URGENT"
            | b"FLASH"
            | b"WATCH"
            | b"VIDEO"
            | b"PHOTOS"
            | b"NOTE"
            | b"EDITORS"
            | b"EDITOR'S"
            | b"FACTBOX"
            | b"TIMELINE"
            | b"REFILE"
            | b"RPT"
            | b"LIVE"
            | b"OPINION"
            | b"COMMENTARY"
            | b"ADVISORY"
            | b"WARNING"
            | b"FEATURE"
            | b"INTERVIEW"
            | b"REVIEW"
            | b"SPECIAL"
            | b"NEWS"
            | b"Q&A"
    )
}

/// Detect a dateline at the start of the document (after leading
/// whitespace), or at the start of its first paragraph when the document
/// opens with a one-line headline followed by a blank line.
///
/// The span covers the whole dateline including its dash or colon; `place`
/// is the place name as written (`"VIENNA"`, `"ST. PETERSBURG"`).
pub fn dateline(doc: &str) -> Option<Dateline> {
    let p = skip_space(doc, 0);
    if let Some(d) = parse_at(doc, p) {
        return Some(d);
    }
    // Headline line, blank line, then the dateline.
    let line_end = p + doc[p..].find('\n')?;
    let line = doc[p..line_end].trim_end();
    if line.is_empty() || line.len() > 300 || line.ends_with(['.', '?', '!', ':', ';', ',']) {
        return None;
    }
    let q = skip_space(doc, line_end);
    let blank = doc[line_end..q].bytes().filter(|&c| c == b'\n').count() >= 2;
    if !blank {
        return None;
    }
    parse_at(doc, q)
}

fn skip_space(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() {
        if b[i] < 0x80 {
            if !b[i].is_ascii_whitespace() && b[i] != 0x0b {
                break;
            }
            i += 1;
        } else {
            let (ch, len) = decode(s, i);
            if !is_space_like(ch) {
                break;
            }
            i += len;
        }
    }
    i
}

/// Skip spaces and tabs (and no-break spaces) on the same line.
fn skip_inline(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' => i += 1,
            0xC2 if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => break,
        }
    }
    i
}

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    if i < s.len() {
        Some(decode(s, i).0)
    } else {
        None
    }
}

/// One place word starting at `i`. In caps mode all letters must be
/// uppercase; in title mode the first is uppercase and the rest lowercase.
/// Returns the end of the word and its letter count.
fn place_word(s: &str, i: usize, caps: bool) -> Option<(usize, usize)> {
    let first = char_at(s, i)?;
    if !first.is_uppercase() {
        return None;
    }
    let mut k = i + first.len_utf8();
    let mut letters = 1;
    while let Some(c) = char_at(s, k) {
        if c.is_alphabetic() {
            let ok = if caps {
                !c.is_lowercase()
            } else {
                !c.is_uppercase()
            };
            if !ok {
                return None;
            }
            letters += 1;
            k += c.len_utf8();
        } else if matches!(c, '-' | '\'' | '\u{2019}' | '/')
            && char_at(s, k + c.len_utf8()).is_some_and(|d| d.is_alphabetic())
        {
            k += c.len_utf8();
        } else if c == '.' {
            k += 1;
            if !char_at(s, k).is_some_and(|d| d.is_alphabetic()) {
                break;
            }
        } else {
            break;
        }
    }
    Some((k, letters))
}

/// The place: up to five all-caps words, or up to three Title-case words.
/// Returns (end, title_mode).
fn parse_place(s: &str, p: usize) -> Option<(usize, bool)> {
    let second = char_at(s, p + char_at(s, p)?.len_utf8());
    let caps = !second.is_some_and(|c| c.is_lowercase());
    let (mut end, mut letters) = place_word(s, p, caps)?;
    let max_words = if caps { 5 } else { 3 };
    let mut words = 1;
    while words < max_words {
        let b = s.as_bytes();
        if b.get(end) != Some(&b' ') {
            break;
        }
        match place_word(s, end + 1, caps) {
            Some((e, l)) if e - p <= MAX_PLACE => {
                end = e;
                letters += l;
                words += 1;
            }
            _ => break,
        }
    }
    if letters < 2 || end - p > MAX_PLACE {
        return None;
    }
    // The first word without its final periods, as bytes (no string search for the space).
    let mut first_word = &s.as_bytes()[p..end];
    if let Some(k) = first_word.iter().position(|&c| c == b' ') {
        first_word = &first_word[..k];
    }
    while let [rest @ .., b'.'] = first_word {
        first_word = rest;
    }
    if caps && stop_word(first_word) {
        return None;
    }
    Some((end, !caps))
}

/// A comma segment such as `May 17`, `Jan. 5`, `Lebanon`, `Gaza Strip`:
/// one to four words, each starting with an uppercase letter or digit.
fn parse_segment(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut k = i;
    let mut words = 0;
    loop {
        let c = char_at(s, k)?;
        if !(c.is_uppercase() || c.is_ascii_digit()) {
            break;
        }
        let mut e = k;
        while let Some(d) = char_at(s, e) {
            if d.is_alphanumeric() || matches!(d, '.' | '\'' | '\u{2019}' | '-') {
                e += d.len_utf8();
            } else {
                break;
            }
        }
        if e - k > 25 {
            return None;
        }
        words += 1;
        k = e;
        if words >= 4 || b.get(k) != Some(&b' ') {
            break;
        }
        if !char_at(s, k + 1).is_some_and(|d| d.is_uppercase() || d.is_ascii_digit()) {
            break;
        }
        k += 1;
    }
    if words == 0 {
        None
    } else {
        Some(k)
    }
}

/// The separator at `i`: a dash or colon followed by whitespace (or the end).
fn separator(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    let (len, dash) = if rest.starts_with("--") {
        (2, false)
    } else if rest.starts_with(['-', '_', ':']) {
        (1, false)
    } else if rest.starts_with(['\u{2014}', '\u{2013}', '\u{2015}']) {
        (3, true)
    } else {
        return None;
    };
    let end = i + len;
    match char_at(s, end) {
        None => Some(end),
        Some(c) if is_space_like(c) => Some(end),
        // Unspaced em dash: "KABUL—The".
        Some(c) if dash && (c.is_alphabetic() || matches!(c, '"' | '\u{201C}')) => Some(end),
        _ => None,
    }
}

fn parse_at(s: &str, p: usize) -> Option<Dateline> {
    let b = s.as_bytes();
    let (place_end, title) = parse_place(s, p)?;
    let mut k = place_end;
    // Optional ", Region", ", May 17" segments.
    let mut segs = 0;
    while b.get(k) == Some(&b',') && segs < 3 {
        let m = skip_inline(s, k + 1);
        if m == k + 1 {
            return None;
        }
        k = parse_segment(s, m)?;
        segs += 1;
    }
    // Optional "(Reuters)".
    let mut m = skip_inline(s, k);
    let mut agency = false;
    if b.get(m) == Some(&b'(') {
        let close = s[m..]
            .bytes()
            .take(60)
            .position(|c| c == b')' || c == b'\n')?;
        if b[m + close] != b')' || close < 2 || !char_at(s, m + 1)?.is_alphabetic() {
            return None;
        }
        agency = true;
        m = skip_inline(s, m + close + 1);
    }
    if title && !agency {
        return None;
    }
    let end = separator(s, m)?;
    Some(Dateline {
        start: p,
        end,
        place: s[p..place_end].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_word_is_the_stop_list() {
        // Every stop word, with a byte taken off or added at either end, in lower case: yes to
        // exactly the list's words.
        let mut words: Vec<String> = ["", "A", "Q&", "RPTS", "VIENNA", "NEW YORK"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for w in STOP_WORDS {
            let n = w.len();
            words.extend([
                w.to_string(),
                w[1..].to_string(),
                w[..n - 1].to_string(),
                format!("{w}S"),
                format!("A{w}"),
                format!("{w}."),
                w.to_lowercase(),
            ]);
        }
        for w in &words {
            assert_eq!(
                stop_word(w.as_bytes()),
                STOP_WORDS.contains(&w.as_str()),
                "{w:?}"
            );
        }
    }

    #[test]
    fn a_stop_word_with_periods_starts_no_dateline() {
        assert_eq!(dl("UPDATE. VIENNA (Reuters) - Iran said"), None);
        assert_eq!(dl("BREAKING.. - Iran said"), None);
        assert_eq!(parse_place("RPT... MOSCOW - x", 0), None);
        assert_eq!(parse_place("NOTE NOTE - x", 0), None);
        assert_eq!(parse_place("NOTES - x", 0), Some((5, false)));
    }

    fn dl(doc: &str) -> Option<(&str, String)> {
        dateline(doc).map(|d| (&doc[d.start..d.end], d.place))
    }

    #[test]
    fn styles() {
        assert_eq!(
            dl("VIENNA (Reuters) - Iran said"),
            Some(("VIENNA (Reuters) -", "VIENNA".into()))
        );
        assert_eq!(
            dl("MOSCOW, May 17 (AP) — Russia said"),
            Some(("MOSCOW, May 17 (AP) —", "MOSCOW".into()))
        );
        assert_eq!(dl("KABUL — A bomb"), Some(("KABUL —", "KABUL".into())));
        assert_eq!(
            dl("GENEVA: Talks resumed"),
            Some(("GENEVA:", "GENEVA".into()))
        );
        assert_eq!(
            dl("  WASHINGTON (AP) -- The Senate"),
            Some(("WASHINGTON (AP) --", "WASHINGTON".into()))
        );
        assert_eq!(
            dl("BEIRUT, Lebanon (AP) — Hezbollah"),
            Some(("BEIRUT, Lebanon (AP) —", "BEIRUT".into()))
        );
        assert_eq!(
            dl("ST. PETERSBURG, Russia - Putin"),
            Some(("ST. PETERSBURG, Russia -", "ST. PETERSBURG".into()))
        );
        assert_eq!(
            dl("UNITED NATIONS, Jan. 5 (Reuters) - The council"),
            Some((
                "UNITED NATIONS, Jan. 5 (Reuters) -",
                "UNITED NATIONS".into()
            ))
        );
        assert_eq!(
            dl("PORT-AU-PRINCE, Haiti – Protesters"),
            Some(("PORT-AU-PRINCE, Haiti –", "PORT-AU-PRINCE".into()))
        );
        assert_eq!(
            dl("Kabul (Reuters) - Taliban fighters"),
            Some(("Kabul (Reuters) -", "Kabul".into()))
        );
        assert_eq!(
            dl("SÃO PAULO (Reuters) - Brazil"),
            Some(("SÃO PAULO (Reuters) -", "SÃO PAULO".into()))
        );
        assert_eq!(dl("KABUL—The bomb"), Some(("KABUL—", "KABUL".into())));
        assert_eq!(
            dl("HONG KONG/BEIJING, Nov 3 (Reuters) - China"),
            Some((
                "HONG KONG/BEIJING, Nov 3 (Reuters) -",
                "HONG KONG/BEIJING".into()
            ))
        );
        assert_eq!(
            dl("BERLIN (dpa) - Germany"),
            Some(("BERLIN (dpa) -", "BERLIN".into()))
        );
        assert_eq!(
            dl("\u{FEFF}\n  LONDON, Nov. 3 (Reuters) - Britain"),
            Some(("LONDON, Nov. 3 (Reuters) -", "LONDON".into()))
        );
    }

    #[test]
    fn first_paragraph() {
        let doc = "Rebels seize town\n\nDAMASCUS (Reuters) - Rebels seized a town.";
        assert_eq!(dl(doc), Some(("DAMASCUS (Reuters) -", "DAMASCUS".into())));
        // Not after a normal sentence.
        assert_eq!(dl("Rebels seized a town.\n\nDAMASCUS - x"), None);
    }

    #[test]
    fn negatives() {
        assert_eq!(dl("The talks - which failed - resumed."), None);
        assert_eq!(dl("Kabul - the capital"), None);
        assert_eq!(dl("BREAKING: Something happened"), None);
        assert_eq!(dl("UPDATE 2-Russia says"), None);
        assert_eq!(dl("A - B"), None);
        assert_eq!(dl("NATO-led troops arrived."), None);
        assert_eq!(dl(""), None);
        assert_eq!(dl("VIENNA"), None);
        assert_eq!(dl("Iran said on Monday."), None);
    }
}
