//! Readers for dyad's own dictionary files (`*.actors`, `*.agents`, `*.verbs`, `*.discards`,
//! `*.issues`, irregular verbs).
//! The syntax is documented in `docs/dictionary-format.md`.

use crate::model::*;
use chrono::NaiveDate;
use std::sync::Arc;

/// What a file holds, decided by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Actors,
    Agents,
    Verbs,
    Discards,
    Issues,
    Irregular,
}

impl FileKind {
    pub fn of(name: &str) -> Option<FileKind> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        if base.ends_with(".actors") {
            Some(FileKind::Actors)
        } else if base.ends_with(".agents") {
            Some(FileKind::Agents)
        } else if base.ends_with(".verbs") {
            Some(FileKind::Verbs)
        } else if base.ends_with(".discards") {
            Some(FileKind::Discards)
        } else if base.ends_with(".issues") {
            Some(FileKind::Issues)
        } else if base.starts_with("irregular") && base.ends_with(".txt") {
            Some(FileKind::Irregular)
        } else {
            None
        }
    }
}

struct Cursor<'a> {
    file: &'a Arc<str>,
    line_no: usize,
}

impl Cursor<'_> {
    fn err(&self, column: usize, message: impl Into<String>) -> DictError {
        DictError {
            file: self.file.to_string(),
            line: self.line_no,
            column,
            message: message.into(),
        }
    }
    fn origin(&self) -> Origin {
        Origin {
            file: self.file.clone(),
            line: self.line_no,
        }
    }
}

/// The lines of `text` exactly as `str::lines` cuts them (a final `\r` dropped, no empty last
/// line), found with a vectorised search: dictionary files have tens of thousands of short lines.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // Like `str::lines`, a `\r` goes only with a following `\n`.
        let line = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(k) => {
                let line = &rest[..k];
                rest = &rest[k + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut rest),
        };
        Some(line)
    })
}

/// The lines of `text` that hold more than a comment: (index from 0, the line without its comment
/// and trailing blanks).
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // The next `#` or `"` of the whole text at or after a line's start, found again only once
    // a line has passed it: most lines have neither, and a search of each line on its own cost
    // more than the rest of its cutting (46,000 lines in the embedded files).
    let base = text.as_ptr() as usize;
    let mut mark: Option<usize> = None;
    lines(text).enumerate().filter_map(move |(i, raw)| {
        let start = raw.as_ptr() as usize - base;
        let next = match mark {
            Some(m) if m >= start => m,
            _ => {
                let m = memchr::memchr2(b'"', b'#', &text.as_bytes()[start..])
                    .map_or(text.len(), |k| start + k);
                mark = Some(m);
                m
            }
        };
        // (A line with neither mark is its own comment-free part.)
        let line = if next >= start + raw.len() {
            raw
        } else {
            strip_comment(raw)
        };
        // Most lines end in a printable ASCII byte, which no trimming removes (every ASCII
        // character that `char::is_whitespace` takes is below `!`). A line trimmed at its end is
        // empty after a full trim only when it is empty.
        let line = match line.as_bytes().last() {
            Some(b'!'..=b'~') => line,
            _ => line.trim_end(),
        };
        (!line.is_empty()).then_some((i, line))
    })
}

/// The line without its comment; a `#` inside double quotes does not start one.
fn strip_comment(line: &str) -> &str {
    // Both marks are ASCII, so a byte scan cannot stop inside a multi-byte character; most
    // lines have neither, and `memchr2` passes over them many bytes at a time.
    let mut in_quotes = false;
    for i in memchr::memchr2_iter(b'"', b'#', line.as_bytes()) {
        if line.as_bytes()[i] == b'"' {
            in_quotes = !in_quotes;
        } else if !in_quotes {
            return &line[..i];
        }
    }
    line
}

/// The first `->` in `body`: `str::find` with a two-byte pattern sets up a substring searcher
/// for every phrase line, which cost more than the search.
fn arrow_at(body: &str) -> Option<usize> {
    let b = body.as_bytes();
    memchr::memchr_iter(b'-', b).find(|&i| b.get(i + 1) == Some(&b'>'))
}

/// Splits a header into words, keeping a double-quoted string as one word; yields (column, word).
fn header_words<'a>(cur: &Cursor, line: &'a str) -> Result<Vec<(usize, &'a str)>, DictError> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if bytes[i] == b'"' {
            match line[i + 1..].find('"') {
                Some(close) => i = i + 1 + close + 1,
                None => return Err(cur.err(start + 1, "unterminated quoted name")),
            }
        } else {
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
        }
        out.push((start + 1, &line[start..i]));
    }
    Ok(out)
}

/// An actor, agent or role code: an upper-case letter, then 2 to 14 upper-case letters or digits
/// (`NGOCHRPRO214`); any other code in double quotes (`"---"`, `"pse"`), kept as written.
fn check_code(cur: &Cursor, col: usize, code: &str) -> Result<String, DictError> {
    if bare_code(code) {
        return Ok(code.to_string());
    }
    if let Some(inner) = code
        .strip_prefix('"')
        .and_then(|c| c.strip_suffix('"'))
        .filter(|c| !c.is_empty() && !c.contains('"') && !c.contains(char::is_whitespace))
    {
        return Ok(inner.to_string());
    }
    Err(cur.err(
        col,
        format!("`{code}` is not an actor code (3 to 15 upper-case letters or digits, the first a letter; any other code in double quotes)"),
    ))
}

/// Whether an actor code is written without quotes.
pub(crate) fn bare_code(code: &str) -> bool {
    (3..=15).contains(&code.len())
        && code.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn unquote(cur: &Cursor, col: usize, word: &str) -> Result<String, DictError> {
    if word.len() >= 2 && word.starts_with('"') && word.ends_with('"') {
        Ok(word[1..word.len() - 1].to_string())
    } else {
        Err(cur.err(col, format!("expected a quoted name, found `{word}`")))
    }
}

/// (`col` gives the column for the error: working it out costs a substring search.)
fn parse_date(
    cur: &Cursor,
    col: impl FnOnce() -> usize,
    s: &str,
) -> Result<Option<NaiveDate>, DictError> {
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(d) = plain_date(s) {
        return Ok(Some(d));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| cur.err(col(), format!("`{s}` is not a date (YYYY-MM-DD)")))
}

/// A date written exactly `YYYY-MM-DD`, read by hand: chrono's format parser costs over a
/// thousand instructions a date, and the embedded dictionaries hold thousands. Anything else
/// (other widths, an impossible day) is left to chrono, which also words the error.
fn plain_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |v, &c| {
            c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

fn parse_phrase(cur: &Cursor, indent: usize, body: &str) -> Result<Phrase, DictError> {
    let (text, code) = match arrow_at(body) {
        Some(arrow) => {
            let code = body[arrow + 2..].trim();
            let col = indent
                + arrow
                + 3
                + (body[arrow + 2..].len() - body[arrow + 2..].trim_start().len());
            (body[..arrow].trim(), Some(check_code(cur, col, code)?))
        }
        None => (body.trim(), None),
    };
    let (text, case_sensitive) = match text.strip_prefix('!') {
        Some(rest) => (rest.trim(), true),
        None => (text, false),
    };
    if text.is_empty() {
        return Err(cur.err(indent + 1, "empty phrase"));
    }
    if text.contains('"') && !text.contains(char::is_alphanumeric) {
        return Err(cur.err(indent + 1, "a phrase needs at least one letter or digit"));
    }
    Ok(Phrase {
        text: text.to_string(),
        case_sensitive,
        code,
        origin: cur.origin(),
    })
}

enum Block {
    None,
    Actor(Actor),
    Person(Person),
    Agent(Agent),
}

fn flush(block: &mut Block, set: &mut DictionarySet, file: &Arc<str>) -> Result<(), DictError> {
    let empty = |origin: &Origin, what: &str| DictError {
        file: file.to_string(),
        line: origin.line,
        column: 1,
        message: format!("{what} has no phrases"),
    };
    match std::mem::replace(block, Block::None) {
        Block::None => {}
        Block::Actor(a) => {
            if a.phrases.is_empty() {
                return Err(empty(&a.origin, &format!("actor {}", a.code)));
            }
            set.actors.push(a)
        }
        Block::Person(p) => {
            if p.phrases.is_empty() {
                return Err(empty(&p.origin, &format!("person \"{}\"", p.name)));
            }
            if p.roles.is_empty() {
                return Err(DictError {
                    file: file.to_string(),
                    line: p.origin.line,
                    column: 1,
                    message: format!("person \"{}\" has no role lines", p.name),
                });
            }
            set.persons.push(p)
        }
        Block::Agent(a) => {
            if a.phrases.is_empty() {
                return Err(empty(&a.origin, &format!("agent {}", a.code)));
            }
            set.agents.push(a)
        }
    }
    Ok(())
}

/// Applies a set-wide directive written at column 0 (`conventions petrarch`, `standalone`);
/// `Ok(false)` when the line is not one.
fn directive(cur: &Cursor, line: &str, set: &mut DictionarySet) -> Result<bool, DictError> {
    // Nearly every line is an entry: reject those without splitting them into words.
    if !line.starts_with("conventions") && !line.starts_with("standalone") {
        return Ok(false);
    }
    let words = columns(line);
    match words.first().map(|w| w.1) {
        Some("conventions") => match words.get(1) {
            Some((_, "petrarch")) if words.len() == 2 => {
                set.petrarch = true;
                Ok(true)
            }
            Some(&(col, w)) if words.len() == 2 => Err(cur.err(
                col,
                format!("unknown conventions `{w}` (only `petrarch` can be chosen)"),
            )),
            _ => Err(cur.err(1, "expected `conventions petrarch`")),
        },
        Some("standalone") => {
            if let Some(&(col, w)) = words.get(1) {
                return Err(cur.err(col, format!("unexpected `{w}` after `standalone`")));
            }
            set.standalone = true;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Parses one `*.actors` or `*.agents` file into `set`.
pub fn parse_blocks(
    file: &str,
    text: &str,
    kind: FileKind,
    set: &mut DictionarySet,
) -> Result<(), DictError> {
    let file: Arc<str> = Arc::from(file);
    let mut block = Block::None;
    for (i, line) in content_lines(text) {
        let cur = Cursor {
            file: &file,
            line_no: i + 1,
        };
        let indent = line.len() - line.trim_start().len();
        if indent == 0 {
            flush(&mut block, set, &file)?;
            if directive(&cur, line, set)? {
                continue;
            }
            let words = header_words(&cur, line)?;
            let (col0, keyword) = words[0];
            block = match (kind, keyword) {
                (FileKind::Actors, "actor") | (FileKind::Agents, "agent") => {
                    if words.len() < 3 {
                        return Err(cur.err(
                            line.len() + 1,
                            format!("expected `{keyword} CODE \"Name\"`"),
                        ));
                    }
                    let code = check_code(&cur, words[1].0, words[1].1)?;
                    let name = unquote(&cur, words[2].0, words[2].1)?;
                    let mut country = None;
                    let mut prefix = false;
                    for &(col, w) in &words[3..] {
                        if kind == FileKind::Agents && w == "prefix" && !prefix {
                            prefix = true;
                            continue;
                        }
                        match w.strip_prefix("country=") {
                            Some(c) if kind == FileKind::Actors => {
                                if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                                    return Err(cur.err(
                                        col + 8,
                                        format!("`{c}` is not an ISO 3166 alpha-3 code"),
                                    ));
                                }
                                country = Some(c.to_string());
                            }
                            _ => return Err(cur.err(col, format!("unexpected `{w}`"))),
                        }
                    }
                    if kind == FileKind::Actors {
                        Block::Actor(Actor {
                            code,
                            name,
                            country,
                            phrases: Vec::new(),
                            origin: cur.origin(),
                        })
                    } else {
                        Block::Agent(Agent {
                            code,
                            name,
                            phrases: Vec::new(),
                            prefix,
                            origin: cur.origin(),
                        })
                    }
                }
                (FileKind::Actors, "person") => {
                    if words.len() != 2 {
                        return Err(cur.err(col0, "expected `person \"Name\"`"));
                    }
                    Block::Person(Person {
                        name: unquote(&cur, words[1].0, words[1].1)?,
                        phrases: Vec::new(),
                        roles: Vec::new(),
                        origin: cur.origin(),
                    })
                }
                _ => {
                    let expected = if kind == FileKind::Agents {
                        "`agent`"
                    } else {
                        "`actor` or `person`"
                    };
                    return Err(cur.err(
                        col0,
                        format!("expected {expected} at the start of a block, found `{keyword}`"),
                    ));
                }
            };
            continue;
        }
        let body = &line[indent..];
        if let Some(rest) = body.strip_prefix("role ") {
            let Block::Person(p) = &mut block else {
                return Err(cur.err(indent + 1, "`role` lines belong to `person` blocks"));
            };
            let rest_col = indent + 6;
            let mut parts = rest.split_whitespace();
            let code_str = parts.next().unwrap_or("");
            let code = check_code(&cur, rest_col, code_str)?;
            let (from, to) = match parts.next() {
                None => (None, None),
                Some(range) => {
                    // The range's column is only needed for an error: `find` sets up a substring
                    // searcher, which cost more than the rest of a role line (5,576 of them).
                    let col = || rest_col + rest.find(range).unwrap_or(0);
                    let Some((a, b)) = range.split_once("..") else {
                        return Err(
                            cur.err(col(), format!("`{range}` is not a date range FROM..TO"))
                        );
                    };
                    let from = parse_date(&cur, col, a)?;
                    let to = parse_date(&cur, || col() + a.len() + 2, b)?;
                    if let (Some(f), Some(t)) = (from, to) {
                        if f > t {
                            return Err(cur.err(col(), "the range ends before it starts"));
                        }
                    }
                    (from, to)
                }
            };
            if let Some(extra) = parts.next() {
                let col = rest_col + rest.rfind(extra).unwrap_or(0);
                return Err(cur.err(col, format!("unexpected `{extra}`")));
            }
            p.roles.push(Role {
                code,
                from,
                to,
                origin: cur.origin(),
            });
            continue;
        }
        let phrase = parse_phrase(&cur, indent, body)?;
        match &mut block {
            Block::None => {
                return Err(cur.err(indent + 1, "indented phrase outside any block"));
            }
            Block::Actor(a) => a.phrases.push(phrase),
            Block::Person(p) => {
                if phrase.code.is_some() {
                    return Err(cur.err(
                        indent + 1,
                        "a person's phrases take their code from `role` lines",
                    ));
                }
                p.phrases.push(phrase)
            }
            Block::Agent(a) => {
                if phrase.code.is_some() {
                    return Err(cur.err(indent + 1, "agent phrases cannot carry a code"));
                }
                a.phrases.push(phrase)
            }
        }
    }
    flush(&mut block, set, &file)
}

/// Plain lower-case words are by far the most common: they are their own single key.
fn plain_word(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Normalised words of a pattern word: the text tokenizer may split `cease-fire,` into several.
fn literal_keys(word: &str) -> Vec<String> {
    if plain_word(word) {
        return vec![word.to_string()];
    }
    normalized_words(word)
        .into_iter()
        .map(|(_, norm)| norm)
        .collect()
}

/// Each token of a dictionary text as written and normalised, cut exactly as the coder cuts text.
pub(crate) fn normalized_words(text: &str) -> Vec<(&str, String)> {
    let mut toks = Vec::new();
    dyad_text::tokenize(text, 0, &mut toks);
    toks.iter()
        .map(|t| {
            let raw = &text[t.start..t.end];
            let mut norm = String::new();
            dyad_text::normalize_into(raw, &mut norm);
            (raw, norm)
        })
        .collect()
}

/// Whitespace-separated words with their 1-based columns.
fn columns(line: &str) -> Vec<(usize, &str)> {
    // Most lines have a handful of columns: one allocation instead of three growths.
    let mut out = Vec::with_capacity(8);
    columns_into(line, &mut out);
    out
}

/// `columns` into a buffer that the caller reuses from line to line.
fn columns_into<'a>(line: &'a str, out: &mut Vec<(usize, &'a str)>) {
    out.clear();
    let b = line.as_bytes();
    let mut i = 0;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == b.len() {
            return;
        }
        let start = i;
        i = word_end(b, i + 1);
        // Cuts fall next to ASCII whitespace, so they are character boundaries.
        out.push((start + 1, &line[start..i]));
    }
}

/// The first ASCII whitespace byte of `b` from `i` on (`b.len()` when none). Eight bytes at a
/// time: every whitespace byte is below 0x21, and `(x - 0x21..) & !x & 0x80..` marks the
/// lowest byte below 0x21 exactly (a borrow only reaches the bytes above it; bytes from 0x80 up
/// are cleared by `!x`). A control byte that is no whitespace is passed over. (Byte by byte,
/// the verbs' 30,000 lines cost 12 M instructions.)
fn word_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(&chunk) = b.get(i..).and_then(|r| r.first_chunk::<8>()) {
        let x = u64::from_le_bytes(chunk);
        let low = x.wrapping_sub(ONES * 0x21) & !x & HIGH;
        if low == 0 {
            i += 8;
            continue;
        }
        let k = i + (low.trailing_zeros() / 8) as usize;
        if b[k].is_ascii_whitespace() {
            return k;
        }
        i = k + 1;
    }
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Parses one `*.verbs` file into `set`.
pub fn parse_verbs(file: &str, text: &str, set: &mut DictionarySet) -> Result<(), DictError> {
    parse_verbs_from(&Arc::from(file), text, 1, set)
}

/// Parses verb lines of `file` that start at line `first_line` (so a big file can be parsed in
/// chunks, in parallel, with the right line numbers; a chunk must not cut a `set` block).
pub fn parse_verbs_from(
    file: &Arc<str>,
    text: &str,
    first_line: usize,
    set: &mut DictionarySet,
) -> Result<(), DictError> {
    // The synset whose indented phrase lines are being read, as an index into `set.synsets`.
    let mut open_set: Option<usize> = None;
    let mut words = Vec::with_capacity(16);
    // Nearly every line is a pattern: growing the list of large entries would copy it again and again.
    // (Counted with the vectorised search: a byte-by-byte filter cost 2.2 M instructions over
    // the embedded verbs.)
    set.verbs
        .reserve(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    for (i, line) in content_lines(text) {
        let cur = Cursor {
            file,
            line_no: first_line + i,
        };
        let indent = line.len() - line.trim_start().len();
        if indent > 0 {
            if let Some(k) = open_set {
                set.synsets[k].phrases.push(line.trim().to_string());
                continue;
            }
        } else {
            open_set = None;
            if directive(&cur, line, set)? {
                continue;
            }
        }
        columns_into(line, &mut words);
        if words[0].1 == "set" && indent == 0 {
            let Some(&(col, name)) = words.get(1) else {
                return Err(cur.err(line.len() + 1, "expected `set &NAME`"));
            };
            if !synset_name_ok(name) {
                return Err(cur.err(
                    col,
                    format!("`{name}` is not a set name (`&` and letters, digits or `_`)"),
                ));
            }
            if let Some(&(col, w)) = words.get(2) {
                return Err(cur.err(col, format!("unexpected `{w}` after the set's name")));
            }
            open_set = Some(set.synsets.len());
            set.synsets.push(Synset {
                name: name.to_string(),
                phrases: Vec::new(),
                origin: cur.origin(),
            });
            continue;
        }
        let (code_col, code_field) = words[0];
        // `(172)`: coded only when it is all the sentence reports.
        let (alone, code_col, code_field) = match code_field
            .strip_prefix('(')
            .and_then(|c| c.strip_suffix(')'))
        {
            Some(inner) => (true, code_col + 1, inner),
            None => (false, code_col, code_field),
        };
        let (code, reverse) = match code_field.bytes().position(|b| b == b':') {
            Some(k) => (&code_field[..k], Some(&code_field[k + 1..])),
            None => (code_field, None),
        };
        if alone && code == "---" {
            return Err(cur.err(code_col, "`(---)` would code nothing: write `---`"));
        }
        let code = event_code(&cur, code_col, code, true)?;
        let reverse = match reverse {
            Some(r) => Some(event_code(
                &cur,
                code_col + code_field.len() - r.len(),
                r,
                false,
            )?),
            None => None,
        };
        let pattern = &words[1..];
        if pattern.is_empty() {
            return Err(cur.err(line.len() + 1, "a pattern must follow the event code"));
        }
        // `=verb` marks the verb when words must stand before it; otherwise the first word is it.
        let mut marked =
            (0..pattern.len()).filter(|&k| pattern[k].1.len() > 1 && pattern[k].1.starts_with('='));
        let v = marked.next().unwrap_or(0);
        if let Some(second) = marked.next() {
            return Err(cur.err(pattern[second].0, "a pattern has one `=` verb"));
        }
        let (verb_col, verb) = pattern[v];
        let verb = verb.strip_prefix('=').unwrap_or(verb);
        if !verb.chars().all(|c| c.is_alphabetic() || c == '-') {
            return Err(cur.err(
                verb_col,
                format!("the pattern must start with a verb, found `{verb}`"),
            ));
        }
        let mut slots = (0, 0);
        let before = pattern_elements(&cur, &pattern[..v], &mut slots)?;
        let elements = pattern_elements(&cur, &pattern[v + 1..], &mut slots)?;
        let mut lemma = String::with_capacity(verb.len());
        dyad_text::normalize_into(verb, &mut lemma);
        set.verbs.push(VerbPattern {
            code,
            reverse,
            alone,
            lemma,
            before,
            elements,
            text: join_words(pattern),
            origin: cur.origin(),
        });
    }
    Ok(())
}

/// The words of a pattern separated by single spaces.
fn join_words(words: &[(usize, &str)]) -> String {
    let len = words.iter().map(|w| w.1.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(len);
    for (k, (_, w)) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A synset's name: `&` then letters, digits, `_` or `-`.
pub(crate) fn synset_name_ok(name: &str) -> bool {
    name.strip_prefix('&').is_some_and(|n| {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    })
}

/// An event code as written: 2 to 4 digits, `---` (match but code nothing, not for a reverse
/// code) or any other code in double quotes (`"075A"`: kept as is, `dyad dict lint` flags it).
fn event_code(cur: &Cursor, col: usize, code: &str, null_ok: bool) -> Result<String, DictError> {
    if (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(code.to_string());
    }
    if code == "---" {
        if null_ok {
            return Ok(code.to_string());
        }
        return Err(cur.err(col, "a reverse code cannot be `---` (leave `:CODE` out)"));
    }
    if let Some(inner) = code
        .strip_prefix('"')
        .and_then(|c| c.strip_suffix('"'))
        .filter(|c| !c.is_empty() && !c.contains('"'))
    {
        return Ok(inner.to_string());
    }
    Err(cur.err(
        col,
        format!("`{code}` is not a CAMEO event code (2 to 4 digits, `---`, or any code in double quotes)"),
    ))
}

/// The elements of one side of a pattern; `slots` counts the `+` and `$` of the whole pattern.
fn pattern_elements(
    cur: &Cursor,
    words: &[(usize, &str)],
    slots: &mut (usize, usize),
) -> Result<Vec<Element>, DictError> {
    let mut elements = Vec::with_capacity(words.len());
    for &(col, w) in words {
        if w == "+" {
            slots.0 += 1;
            if slots.0 > 1 {
                return Err(cur.err(col, "a pattern has at most one `+` target"));
            }
            elements.push(Element::Target);
        } else if w == "$" {
            slots.1 += 1;
            if slots.1 > 1 {
                return Err(cur.err(col, "a pattern has at most one `$` source"));
            }
            elements.push(Element::Source);
        } else if w == "%" {
            elements.push(Element::Compound);
        } else if w == "_" {
            elements.push(Element::Next);
        } else if w == "^" {
            elements.push(Element::Skip);
        } else if w.starts_with('&') {
            if !synset_name_ok(w) {
                return Err(cur.err(col, format!("`{w}` is not a set name")));
            }
            elements.push(Element::Set(w.to_string()));
        } else if let Some(stem) = w.strip_suffix('*') {
            // "cyber-attack*": every token but the last is literal, the last is the prefix.
            let mut keys = literal_keys(stem);
            let Some(last) = keys.pop() else {
                return Err(cur.err(col, format!("`{w}`: a prefix needs at least one letter")));
            };
            elements.extend(keys.into_iter().map(Element::Word));
            elements.push(Element::Prefix(last));
        } else if plain_word(w) {
            elements.push(Element::Word(w.to_string()));
        } else {
            let keys = literal_keys(w);
            if keys.is_empty() || w.contains(['$', '%', '^', '&', '{', '}', '[', ']', '=']) {
                return Err(cur.err(col, format!("`{w}` is not a word")));
            }
            elements.extend(keys.into_iter().map(Element::Word));
        }
    }
    Ok(elements)
}

/// Parses a `*.discards` file: `sentence PHRASE` or `story PHRASE`, a final `*` for a stem.
pub fn parse_discards(file: &str, text: &str, set: &mut DictionarySet) -> Result<(), DictError> {
    parse_lists(file, text, true, set)
}

/// Parses a `*.issues` file: `CODE PHRASE`, code `-` for a phrase that cancels issue coding.
pub fn parse_issues(file: &str, text: &str, set: &mut DictionarySet) -> Result<(), DictError> {
    parse_lists(file, text, false, set)
}

fn parse_lists(
    file: &str,
    text: &str,
    discards: bool,
    set: &mut DictionarySet,
) -> Result<(), DictError> {
    let file: Arc<str> = Arc::from(file);
    for (i, line) in content_lines(text) {
        let cur = Cursor {
            file: &file,
            line_no: i + 1,
        };
        if discards && !line.starts_with(char::is_whitespace) && directive(&cur, line, set)? {
            continue;
        }
        let words = columns(line);
        let (head_col, head) = words[0];
        let Some(&(phrase_col, _)) = words.get(1) else {
            return Err(cur.err(
                line.len() + 1,
                if discards {
                    "expected `sentence PHRASE` or `story PHRASE`"
                } else {
                    "expected `CODE PHRASE`"
                },
            ));
        };
        let phrase = line[phrase_col - 1..].trim();
        if discards {
            let story = match head {
                "story" => true,
                "sentence" => false,
                _ => {
                    return Err(cur.err(
                        head_col,
                        format!("expected `sentence` or `story`, found `{head}`"),
                    ))
                }
            };
            let (phrase, whole_word) = match phrase.strip_suffix('*') {
                Some(p) => (p.trim_end(), false),
                None => (phrase, true),
            };
            if phrase.is_empty() {
                return Err(cur.err(phrase_col, "empty phrase"));
            }
            set.discards.push(Discard {
                phrase: phrase.to_string(),
                story,
                whole_word,
                origin: cur.origin(),
            });
        } else {
            set.issues.push(IssuePhrase {
                phrase: phrase.to_string(),
                code: if head == "-" {
                    String::new()
                } else {
                    head.to_string()
                },
                origin: cur.origin(),
            });
        }
    }
    Ok(())
}

/// Parses `irregular-verbs.txt`: `lemma past participle [ing]`, alternatives separated by `/`.
pub fn parse_irregular(file: &str, text: &str, set: &mut DictionarySet) -> Result<(), DictError> {
    let file: Arc<str> = Arc::from(file);
    for (i, line) in content_lines(text) {
        let cur = Cursor {
            file: &file,
            line_no: i + 1,
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        if !(3..=4).contains(&words.len()) {
            let col = line.len() - line.trim_start().len() + 1;
            return Err(cur.err(col, "expected `lemma past participle [ing]`"));
        }
        let alts = |s: &str| s.split('/').map(|w| w.to_lowercase()).collect::<Vec<_>>();
        set.irregular.push((
            words[0].to_lowercase(),
            IrregularForms {
                past: alts(words[1]),
                participle: alts(words[2]),
                ing: words.get(3).map(|w| alts(w)).unwrap_or_default(),
                third: Vec::new(),
            },
        ));
    }
    Ok(())
}

/// Parses a file of any kind into `set`; files whose name has no known kind are an error.
pub fn parse_file(name: &str, text: &str, set: &mut DictionarySet) -> Result<(), DictError> {
    let kind = FileKind::of(name).ok_or_else(|| DictError {
        file: name.to_string(),
        line: 0,
        column: 0,
        message:
            "unknown dictionary file kind (expected *.actors, *.agents, *.verbs, *.discards, *.issues or irregular*.txt)"
                .into(),
    })?;
    set.files.push(name.to_string());
    match kind {
        FileKind::Actors | FileKind::Agents => parse_blocks(name, text, kind, set),
        FileKind::Verbs => parse_verbs(name, text, set),
        FileKind::Discards => parse_discards(name, text, set),
        FileKind::Issues => parse_issues(name, text, set),
        FileKind::Irregular => parse_irregular(name, text, set),
    }
}

#[cfg(test)]
mod tests {
    /// `content_lines` keeps the lines, and cuts them, as the full trims it replaced did: lines
    /// with ASCII and Unicode whitespace at either end, comments and quotes.
    #[test]
    fn content_lines_are_the_trimmed_lines() {
        let alphabet = [
            " ", "\t", "\x0b", "\x0c", "\r", "\u{a0}", "\u{85}", "\u{2003}", "\u{3000}", "#", "\"",
            "a", "~", "!", "\x7f", "é", "\n", "\n", "word",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..30 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(alphabet[(seed >> 40) as usize % alphabet.len()]);
            }
            let old: Vec<(usize, &str)> = lines(&text)
                .enumerate()
                .filter_map(|(i, raw)| {
                    let line = strip_comment(raw).trim_end();
                    (!line.trim().is_empty()).then_some((i, line))
                })
                .collect();
            assert_eq!(content_lines(&text).collect::<Vec<_>>(), old, "{text:?}");
        }
    }

    /// `columns_into` cuts every line where the byte-by-byte scan it replaced cut it: lines of
    /// words, every kind of ASCII whitespace, control bytes inside words, multi-byte characters.
    #[test]
    fn columns_are_the_bytewise_cut() {
        fn bytewise(line: &str) -> Vec<(usize, &str)> {
            let b = line.as_bytes();
            let (mut out, mut i) = (Vec::new(), 0);
            loop {
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i == b.len() {
                    return out;
                }
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                out.push((start + 1, &line[start..i]));
            }
        }
        let alphabet = [
            " ",
            " ",
            "\t",
            "\n",
            "\r",
            "\x0c",
            "\x0b",
            "\x01",
            "\x1f",
            "\x00",
            "!",
            "a",
            "Z",
            "0",
            "+",
            "_",
            "é",
            "—",
            "\u{7f}",
            "abcdefgh",
            "verylongword",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let mut line = String::new();
            let mut r = seed;
            for _ in 0..len {
                r = r
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                line.push_str(alphabet[(r >> 33) as usize % alphabet.len()]);
            }
            let mut words = vec![(0, "stale")];
            columns_into(&line, &mut words);
            assert_eq!(words, bytewise(&line), "{line:?}");
        }
    }

    use super::*;

    fn parse(name: &str, text: &str) -> Result<DictionarySet, DictError> {
        let mut set = DictionarySet::default();
        parse_file(name, text, &mut set)?;
        Ok(set)
    }

    #[test]
    fn lines_cut_like_str_lines() {
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb",
            "\n\nx\r\n",
            "a\rb\n\r\n",
            "é\nü",
            "a\r",
            "b\na\r",
        ] {
            let ours: Vec<&str> = lines(text).collect();
            let std: Vec<&str> = text.lines().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn actors_persons_and_roles() {
        let set = parse(
            "t.actors",
            "# comment\nactor RUS \"Russia\" country=RUS\n  Russia\n  !RF\n  the Kremlin -> RUSGOV  # seat\n\nperson \"Sergei Lavrov\"\n  Lavrov\n  role RUSELI ..2004-03-08\n  role RUSGOV 2004-03-09..\n",
        )
        .unwrap();
        assert_eq!(set.actors.len(), 1);
        let a = &set.actors[0];
        assert_eq!(a.country.as_deref(), Some("RUS"));
        assert_eq!(a.phrases.len(), 3);
        assert!(a.phrases[1].case_sensitive);
        assert_eq!(a.phrases[1].text, "RF");
        assert_eq!(a.phrases[2].code.as_deref(), Some("RUSGOV"));
        assert_eq!(a.phrases[2].text, "the Kremlin");
        let p = &set.persons[0];
        assert_eq!(p.roles.len(), 2);
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(p.role_at(Some(d("2003-01-01"))).unwrap().code, "RUSELI");
        assert_eq!(p.role_at(Some(d("2016-05-17"))).unwrap().code, "RUSGOV");
        assert_eq!(p.role_at(None).unwrap().code, "RUSGOV");
    }

    #[test]
    fn comments_and_arrows_are_found_as_the_plain_scans_find_them() {
        let pieces = [
            "#", "\"", "-", ">", "->", "-->", "a", " ", "é", "x#y", "\"#\"",
        ];
        let mut x = 11u64;
        for _ in 0..20_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let line: String = (0..(x >> 60) as usize)
                .map(|k| pieces[(x >> (k * 4 + 3)) as usize % pieces.len()])
                .collect();
            let mut in_quotes = false;
            let mut want = line.as_str();
            for (i, c) in line.char_indices() {
                match c {
                    '"' => in_quotes = !in_quotes,
                    '#' if !in_quotes => {
                        want = &line[..i];
                        break;
                    }
                    _ => {}
                }
            }
            assert_eq!(strip_comment(&line), want, "{line:?}");
            assert_eq!(arrow_at(&line), line.find("->"), "{line:?}");
        }
    }

    #[test]
    fn plain_dates_read_as_chrono_reads_them() {
        let mut cases: Vec<String> = [
            "2015-07-20",
            "0001-01-01",
            "9999-12-31",
            "2016-02-29",
            "2015-02-29",
            "2015-13-01",
            "2015-00-10",
            "2015-04-31",
            "2015-4-01",
            "2015-04-1",
            "15-04-01",
            "+2015-04-01",
            "2015/04/01",
            "2015-04-01 ",
            "20a5-04-01",
            "2015-04-0x",
            "",
            "-001-01-01",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut x = 12345u64;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let y = (x >> 33) % 10000;
            cases.push(format!(
                "{:04}-{:02}-{:02}",
                y,
                (x >> 20) % 14,
                (x >> 8) % 33
            ));
        }
        for s in &cases {
            let chrono = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            match plain_date(s) {
                Some(d) => assert_eq!(Some(d), chrono, "{s}"),
                // Of the exact form, only impossible dates are left to chrono.
                None => {
                    let exact = s.len() == 10
                        && s.bytes().enumerate().all(|(k, c)| {
                            if k == 4 || k == 7 {
                                c == b'-'
                            } else {
                                c.is_ascii_digit()
                            }
                        });
                    assert!(!exact || chrono.is_none(), "{s}");
                }
            }
        }
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse(
            "x.actors",
            "actor RUS \"Russia\"\n  Russia\nactor rus \"Bad\"\n",
        )
        .unwrap_err();
        assert_eq!((e.file.as_str(), e.line, e.column), ("x.actors", 3, 7));
        let e = parse("x.actors", "person \"P\"\n  P\n  role PGOV 2020-13-01..\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 13), "{e}");
        let e = parse("x.actors", "  orphan\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 3));
        let e = parse("x.actors", "actor ABC \"unterminated\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 11));
        let e = parse("x.verbs", "112 accuse +\n1x2 blame +\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        let e = parse("x.verbs", "112 accuse + of +\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 17));
        let e = parse(
            "x.agents",
            "agent GOV \"government\"\n  minister -> RUSGOV\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("x.agents:2:"), "{e}");
    }

    #[test]
    fn verbs_and_irregulars() {
        let set = parse(
            "v.verbs",
            "112  accuse + of   # comment\n190 open fire on +\n173 arrest militant*\n",
        )
        .unwrap();
        assert_eq!(set.verbs.len(), 3);
        let v = &set.verbs[0];
        assert_eq!((v.code.as_str(), v.lemma.as_str()), ("112", "accuse"));
        assert_eq!(
            v.elements,
            vec![Element::Target, Element::Word("of".into())]
        );
        assert_eq!(v.literal_count(), 2);
        assert_eq!(set.verbs[1].literal_count(), 3);
        assert_eq!(
            set.verbs[2].elements,
            vec![Element::Prefix("militant".into())]
        );
        let set = parse(
            "irregular-verbs.txt",
            "hold held held\nlie lay lain lying\nburn burned/burnt burned/burnt\n",
        )
        .unwrap();
        assert_eq!(set.irregular[2].1.past, vec!["burned", "burnt"]);
        assert_eq!(set.irregular[1].1.ing, vec!["lying"]);
        assert!(parse("irregular-verbs.txt", "go went\n").is_err());
    }

    #[test]
    fn sets_codes_sources_and_words_before_the_verb() {
        let set = parse(
            "v.verbs",
            "conventions petrarch\nstandalone\n070 give &CUR to +\nset &CUR\n  dollar\n  swiss franc\n--- give up\n082:083 said =attend $\n\"075A\" assure +\n",
        )
        .unwrap();
        assert!(set.petrarch && set.standalone);
        assert_eq!(set.synsets[0].phrases, vec!["dollar", "swiss franc"]);
        assert_eq!(set.verbs[0].elements[0], Element::Set("&CUR".into()));
        assert_eq!(set.verbs[1].code, "---");
        let v = &set.verbs[2];
        assert_eq!(
            (v.code.as_str(), v.reverse.as_deref()),
            ("082", Some("083"))
        );
        assert_eq!(v.lemma, "attend");
        assert_eq!(v.before, vec![Element::Word("said".into())]);
        assert_eq!(v.elements, vec![Element::Source]);
        assert_eq!(set.verbs[3].code, "075A");
        let e = parse("x.verbs", "082 said =attend =go\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 18), "{e}");
        let e = parse("x.verbs", "082:--- attend\n").unwrap_err();
        assert_eq!(e.column, 5, "{e}");
        let e = parse("x.verbs", "075A attend\n").unwrap_err();
        assert_eq!(e.column, 1, "{e}");
        let e = parse("x.verbs", "conventions tabari\n").unwrap_err();
        assert_eq!(e.column, 13, "{e}");
        let e = parse("x.verbs", "070 give $ to $\n").unwrap_err();
        assert_eq!(e.column, 15, "{e}");
    }

    #[test]
    fn a_code_in_brackets_is_coded_only_alone() {
        let set = parse(
            "v.verbs",
            "(172) seize power
172 topple +
",
        )
        .unwrap();
        assert!(set.verbs[0].alone && !set.verbs[1].alone);
        assert_eq!(set.verbs[0].code, "172");
        // The column of a bad code inside the brackets is the code's own.
        let e = parse(
            "x.verbs",
            "(1x2) seize power
",
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (1, 2), "{e}");
        let e = parse(
            "x.verbs",
            "(---) seize power
",
        )
        .unwrap_err();
        assert_eq!(e.column, 2, "{e}");
    }

    #[test]
    fn prefix_agents_quoted_codes_discards_and_issues() {
        let set = parse("x.agents", "agent NGO \"aid group\" prefix\n  aid group\n").unwrap();
        assert!(set.agents[0].prefix);
        assert!(parse("x.agents", "agent NGO \"aid group\" suffix\n  aid\n").is_err());
        let set = parse(
            "x.actors",
            "actor \"---\" \"Nobody\"\n  nobody\nactor NGOCHR214 \"C\"\n  charity -> \"pse\"\n",
        )
        .unwrap();
        assert_eq!(set.actors[0].code, "---");
        assert_eq!(set.actors[1].code, "NGOCHR214");
        assert_eq!(set.actors[1].phrases[0].code.as_deref(), Some("pse"));
        let set = parse("x.discards", "story World Cup\nsentence basketball*\n").unwrap();
        assert!(set.discards[0].story && set.discards[0].whole_word);
        assert!(!set.discards[1].whole_word);
        assert_eq!(set.discards[1].phrase, "basketball");
        let set = parse("x.issues", "NUCLEAR nuclear weapons\n- nuclear family\n").unwrap();
        assert_eq!(set.issues[0].code, "NUCLEAR");
        assert_eq!(set.issues[1].code, "");
        let e = parse("x.discards", "match World Cup\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
    }
}
