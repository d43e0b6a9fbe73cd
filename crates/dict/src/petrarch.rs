//! PETRARCH and TABARI dictionaries, read as their curators wrote them and turned into dyad's model.
//!
//! A folder holds one file per role, the role taken from the file name: `*verbs*` or `CAMEO*`
//! (verb patterns), `*actors*`, `*agents*`, `*discard*`, `*issue*` and `*preposition*`. Every
//! construct the shipped files use is read; what dyad cannot use is reported as a warning with its
//! file and line rather than dropped in silence.
//!
//! How PETRARCH's syntax maps onto the model:
//! - an actor with one undated code is an `Actor`; one with date restrictions (`[CODE >date]`,
//!   `[CODE <date]`, `[CODE from-to]`) is a `Person` whose roles are the restrictions, the undated
//!   code (if any) coming last as the fallback;
//! - an agent `PHRASE {PLURALS} [~CODE]` is an `Agent` (`CODE~` puts the code first: `prefix`);
//! - every verb of a `--- NAME [CODE] ---` block takes every pattern of the block; `PRE * POST`
//!   becomes `before` and `elements`; `+`/`$` are the target/source slots; `&SYN` a `Set`;
//!   `{...}` and `(...)` only group words, so they are read as the words they hold.

use crate::model::*;
use crate::LoadError;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// What a PETRARCH dictionary file holds, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Verbs,
    Actors,
    Agents,
    Discards,
    Issues,
    Prepositions,
}

impl Role {
    pub fn of(file_name: &str) -> Option<Role> {
        let l = file_name.to_ascii_lowercase();
        if l.contains("verbs") || l.starts_with("cameo") {
            Some(Role::Verbs)
        } else if l.contains("actors") {
            Some(Role::Actors)
        } else if l.contains("agents") {
            Some(Role::Agents)
        } else if l.contains("discard") {
            Some(Role::Discards)
        } else if l.contains("issue") {
            Some(Role::Issues)
        } else if l.contains("preposition") {
            Some(Role::Prepositions)
        } else {
            None
        }
    }
}

/// A loaded PETRARCH dictionary set and what could not be used from it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub set: DictionarySet,
    pub warnings: Vec<DictError>,
    pub prepositions: Vec<String>,
}

/// Loads every PETRARCH dictionary file in `dir` (sorted by name, so the result does not depend on
/// the file system's order).
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Io(shown.clone(), e))?;
    let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
    for e in entries {
        let e = e.map_err(|e| LoadError::Io(shown.clone(), e))?;
        let path = e.path();
        if path.is_file() {
            let name = e.file_name().to_string_lossy().into_owned();
            files.push((name, path));
        }
    }
    files.sort();
    let mut out = Loaded::default();
    // Verbs reach the coder through dyad's own irregular forms too: PETRARCH only lists them for
    // verbs whose block spells them out, and raw text needs them all.
    for (name, text) in crate::EMBEDDED {
        if name.starts_with("irregular") {
            crate::parse_file(&format!("<embedded>/{name}"), text, &mut out.set)?;
        }
    }
    let mut any = false;
    for (name, path) in &files {
        let Some(role) = Role::of(name) else {
            continue;
        };
        let bytes =
            std::fs::read(path).map_err(|e| LoadError::Io(path.display().to_string(), e))?;
        // The strict check is a fast scan; the lossy decoder walks valid text in slower chunks.
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => String::from_utf8_lossy(&bytes),
        };
        let shown = path.display().to_string();
        load_text(role, &shown, &text, &mut out);
        out.set.files.push(shown);
        any = true;
    }
    if !any {
        return Err(LoadError::Empty(format!(
            "{shown} (PETRARCH: no *verbs*, CAMEO*, *actors*, *agents*, *discard*, *issue* files)"
        )));
    }
    assign_countries(&mut out.set);
    // PETRARCH2 matches its patterns on the parse tree, where `_` joins nothing more than a
    // space does; only PETRARCH-1 and TABARI sets (no transformations) keep the joins.
    if !out.set.transforms.is_empty() {
        for v in &mut out.set.verbs {
            v.before.retain(|e| *e != Element::Next);
            v.elements.retain(|e| *e != Element::Next);
        }
    }
    out.set.petrarch = true;
    // A PETRARCH set is complete in itself: it never goes on top of dyad's defaults.
    out.set.standalone = true;
    Ok(out)
}

/// Reads one file's text in the given role into `out`.
pub fn load_text(role: Role, file: &str, text: &str, out: &mut Loaded) {
    let file: Arc<str> = Arc::from(file);
    let lines = clean_lines(text, role == Role::Actors);
    let mut r = Reader {
        file: file.clone(),
        warnings: &mut out.warnings,
    };
    match role {
        Role::Verbs => r.verbs(&lines, &mut out.set),
        Role::Actors => r.actors(&lines, &mut out.set),
        Role::Agents => r.agents(&lines, &mut out.set),
        Role::Discards => {
            for (line, l) in &lines {
                let (story, rest) = match l.strip_prefix('+') {
                    Some(r) => (true, r),
                    None => (false, &**l),
                };
                let whole_word = rest.trim_end().ends_with('_');
                let phrase = phrase_text(rest);
                if phrase.is_empty() {
                    continue;
                }
                out.set.discards.push(Discard {
                    phrase,
                    story,
                    whole_word,
                    origin: Origin {
                        file: file.clone(),
                        line: *line,
                    },
                });
            }
        }
        Role::Issues => r.issues(&lines, &mut out.set),
        Role::Prepositions => {
            for (_, l) in &lines {
                out.prepositions
                    .extend(l.split_whitespace().map(|w| w.to_ascii_lowercase()));
            }
        }
    }
}

/// The bytes for which `char::is_whitespace` holds on ASCII text.
fn ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Lines without comments: `<!-- ... -->` (also across lines), `#` to the end of the line and, in
/// actor files, TABARI's `;`. Blank lines are dropped; line numbers are 1-based.
fn clean_lines(text: &str, semicolon: bool) -> Vec<(usize, Cow<'_, str>)> {
    // Sized once: the list grows to some 55,000 lines in an actor file.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut in_comment = false;
    // The next `<` of the whole text at or after the current line (`usize::MAX`: none), found
    // with one vectorised search per `<` instead of a scan of every line.
    let base = text.as_ptr() as usize;
    let mut next_lt = memchr::memchr(b'<', text.as_bytes()).unwrap_or(usize::MAX);
    for (i, raw) in crate::parse::lines(text).enumerate() {
        let at = raw.as_ptr() as usize - base;
        if next_lt < at {
            next_lt = memchr::memchr(b'<', &text.as_bytes()[at..]).map_or(usize::MAX, |k| at + k);
        }
        // Most lines hold no `<` at all: cut them in place, without searching for comment marks.
        if !in_comment && next_lt >= at + raw.len() {
            // The first `#` (or `;`) ends the line: `;` after a `#` is cut away with it.
            let cut = if semicolon {
                memchr::memchr2(b'#', b';', raw.as_bytes())
            } else {
                memchr::memchr(b'#', raw.as_bytes())
            };
            let l = cut.map_or(raw, |h| &raw[..h]);
            // Borrowed from the file's text: no copy for the lines outside comments.
            let t = l.trim();
            if !t.is_empty() {
                out.push((i + 1, Cow::Borrowed(t)));
            }
            continue;
        }
        if let Some(t) = comment_line(raw, &mut in_comment, semicolon) {
            out.push((i + 1, Cow::Owned(t)));
        }
    }
    out
}

/// A line that may open, close or hold `<!-- ... -->` comments: its text outside them and before
/// `#` (or `;`), trimmed, or `None` when nothing is left. `in_comment` carries across lines.
fn comment_line(raw: &str, in_comment: &mut bool, semicolon: bool) -> Option<String> {
    let mut line = String::new();
    let mut rest = raw;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(e) => {
                    rest = &rest[e + 3..];
                    *in_comment = false;
                }
                None => break,
            }
        } else {
            match rest.find("<!--") {
                Some(s) => {
                    line.push_str(&rest[..s]);
                    rest = &rest[s + 4..];
                    *in_comment = true;
                }
                None => {
                    line.push_str(rest);
                    break;
                }
            }
        }
    }
    if let Some(h) = line.find('#') {
        line.truncate(h);
    }
    if semicolon {
        if let Some(h) = line.find(';') {
            line.truncate(h);
        }
    }
    let t = line.trim();
    // "<! -- ... -->" and other malformed openers: PETRARCH skips any line starting "<!".
    if t.starts_with("<!") {
        *in_comment = !t.contains("-->");
        return None;
    }
    (!t.is_empty()).then(|| t.to_string())
}

/// The first `b` (an ASCII byte, so a char boundary) in `s`. Dictionary lines are short: a plain
/// loop costs less than `str::find`'s searcher set up for each of some 300,000 calls.
fn byte_pos(s: &str, b: u8) -> Option<usize> {
    s.bytes().position(|c| c == b)
}

/// A PETRARCH phrase as dyad writes it: underscores are spaces, runs of space collapse.
fn phrase_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // The same cut by bytes: the ASCII chars for which `char::is_whitespace` holds are
        // ' ' and '\t' to '\r'.
        let b = s.as_bytes();
        let sep = |c: u8| c == b'_' || c == b' ' || (b'\t'..=b'\r').contains(&c);
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && sep(b[i]) {
                i += 1;
            }
            let start = i;
            while i < b.len() && !sep(b[i]) {
                i += 1;
            }
            if i > start {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
            }
        }
        return out;
    }
    for w in s
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// PETRARCH dates: YYYYMMDD, or YYMMDD with 00-30 read as 20YY.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if !b.iter().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // All digits: read by hand (what `parse` gives, without its checks).
    let num = |d: &[u8]| d.iter().fold(0u32, |n, &c| n * 10 + u32::from(c - b'0'));
    let (y, rest) = match b.len() {
        8 => (num(&b[..4]) as i32, &b[4..]),
        6 => {
            let yy = num(&b[..2]) as i32;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &b[2..])
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, num(&rest[..2]), num(&rest[2..]))
}

/// The regular plural PETRARCH generates for nouns.
fn plural(word: &str) -> String {
    let up = word.to_ascii_uppercase();
    let vowel_y = up.len() > 1 && matches!(up.as_bytes()[up.len() - 2], b'A' | b'E' | b'O' | b'U');
    let lower = word.bytes().last().is_some_and(|b| b.is_ascii_lowercase());
    let suffix = |s: &str| {
        if lower {
            s.to_ascii_lowercase()
        } else {
            s.to_string()
        }
    };
    if up.ends_with('Y') && !vowel_y {
        format!("{}{}", &word[..word.len() - 1], suffix("IES"))
    } else if ["SS", "X", "Z", "CH", "SH"].iter().any(|e| up.ends_with(e)) {
        format!("{word}{}", suffix("ES"))
    } else if up.ends_with('S') {
        // "forces", "talks": already plural (or the same in both).
        word.to_string()
    } else {
        format!("{word}{}", suffix("S"))
    }
}

struct Reader<'w> {
    file: Arc<str>,
    warnings: &'w mut Vec<DictError>,
}

/// One `[CODE dates]` restriction.
struct Restriction {
    code: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    dated: bool,
    line: usize,
}

/// A verb of a block: `GIVE {GAVE GIVEN} [070]`, `+CORDON_OFF`, `RE_+ARREST`.
struct VerbDecl {
    lemma: String,
    pre: Vec<Element>,
    post: Vec<Element>,
    code: Option<String>,
    reverse: Option<String>,
    forms: Vec<String>,
    text: String,
    line: usize,
}

struct PatternDecl {
    before: Vec<Element>,
    after: Vec<Element>,
    code: String,
    reverse: Option<String>,
    text: String,
    line: usize,
}

impl Reader<'_> {
    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.file.clone(),
            line,
        }
    }

    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(DictError {
            file: self.file.to_string(),
            line,
            column: 1,
            message: message.into(),
        });
    }

    /// Every `[...]` group of `s`, parsed as a code restriction.
    fn restrictions(&mut self, s: &str, line: usize, out: &mut Vec<Restriction>) {
        let mut rest = s;
        while let Some(open) = byte_pos(rest, b'[') {
            let Some(close) = byte_pos(&rest[open..], b']') else {
                self.warn(line, format!("unclosed '[' in {s:?}"));
                return;
            };
            let inner = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            let ascii = inner.is_ascii();
            let t = inner.trim_start();
            // On ASCII text, the bytes for which `char::is_whitespace` holds, without decoding.
            let end = if ascii {
                t.bytes().position(ascii_space)
            } else {
                t.find(char::is_whitespace)
            }
            .unwrap_or(t.len());
            let (code, tail) = t.split_at(end);
            if code.is_empty() {
                self.warn(line, "empty code []");
                continue;
            }
            let mut r = Restriction {
                code: code.to_string(),
                from: None,
                to: None,
                dated: false,
                line,
            };
            // Dates may be written with spaces: "[HOB < 950601]", "[X 19950601 - 19990815]";
            // most are not, and are read in place.
            let tail = tail.trim();
            let spaced = if ascii {
                tail.bytes().any(ascii_space)
            } else {
                tail.contains(char::is_whitespace)
            };
            let spec: Cow<'_, str> = if spaced {
                Cow::Owned(tail.split_whitespace().collect())
            } else {
                Cow::Borrowed(tail)
            };
            if !spec.is_empty() {
                let d = &*spec;
                r.dated = true;
                let ok = if let Some(d) = d.strip_prefix('>') {
                    r.from = parse_date(d);
                    r.from.is_some()
                } else if let Some(d) = d.strip_prefix('<') {
                    r.to = parse_date(d);
                    r.to.is_some()
                } else if let Some((a, b)) = byte_pos(d, b'-').map(|m| (&d[..m], &d[m + 1..])) {
                    r.from = parse_date(a);
                    r.to = parse_date(b);
                    r.from.is_some() && r.to.is_some()
                } else {
                    false
                };
                if !ok {
                    self.warn(
                        line,
                        format!("bad date restriction {d:?} in [{inner}]: restriction ignored"),
                    );
                    continue;
                }
            }
            out.push(r);
        }
    }

    fn actors(&mut self, lines: &[(usize, Cow<'_, str>)], set: &mut DictionarySet) {
        // Every entry becomes an actor or a person: both lists are reserved for all of them
        // (the pages of the unused part are never touched) instead of being copied as they
        // double.
        let entries = lines
            .iter()
            .filter(|(_, l)| !l.starts_with(['[', '+']))
            .count();
        set.actors.reserve(entries);
        set.persons.reserve(entries);
        let mut cur: Option<(usize, Vec<Phrase>)> = None;
        // The current entry's restrictions: one buffer for every entry of the file.
        let mut rs: Vec<Restriction> = Vec::new();
        for (line, l) in lines {
            let line = *line;
            if l.starts_with('[') {
                match cur.as_mut() {
                    Some(_) => self.restrictions(l, line, &mut rs),
                    None => self.warn(line, "code restriction before any actor"),
                }
                continue;
            }
            if let Some(syn) = l.strip_prefix('+') {
                let (text, codes) = split_code(syn);
                let phrase = Phrase {
                    text: phrase_text(text),
                    case_sensitive: false,
                    code: None,
                    origin: self.origin(line),
                };
                match cur.as_mut() {
                    Some((_, ps)) => {
                        if !phrase.text.is_empty() {
                            ps.push(phrase);
                        }
                        if !codes.is_empty() {
                            self.restrictions(codes, line, &mut rs);
                        }
                    }
                    None => self.warn(line, "synonym (+) before any actor"),
                }
                continue;
            }
            if let Some(done) = cur.take() {
                self.finish_actor(done, &mut rs, set);
            }
            let (text, codes) = split_code(l);
            rs.clear();
            self.restrictions(codes, line, &mut rs);
            let text = phrase_text(text);
            if text.is_empty() {
                self.warn(line, "actor entry without a phrase");
                continue;
            }
            let first = Phrase {
                text,
                case_sensitive: false,
                code: None,
                origin: self.origin(line),
            };
            cur = Some((line, vec![first]));
        }
        if let Some(done) = cur.take() {
            self.finish_actor(done, &mut rs, set);
        }
    }

    fn finish_actor(
        &mut self,
        (line, phrases): (usize, Vec<Phrase>),
        rs: &mut Vec<Restriction>,
        set: &mut DictionarySet,
    ) {
        let name = phrases[0].text.clone();
        if rs.is_empty() {
            self.warn(line, format!("actor {name:?} has no code: ignored"));
            return;
        }
        if rs.len() == 1 && !rs[0].dated {
            set.actors.push(Actor {
                code: std::mem::take(&mut rs[0].code),
                name,
                country: None,
                phrases,
                origin: self.origin(line),
            });
            return;
        }
        // Dated codes first so that they win where they apply; undated ones are the fallback
        // (a stable sort keeps the file order within each).
        rs.sort_by_key(|r| !r.dated);
        let mut roles: Vec<Role_> = rs
            .drain(..)
            .map(|r| Role_ {
                code: r.code,
                from: r.from,
                to: r.to,
                origin: self.origin(r.line),
            })
            .collect();
        roles.dedup_by(|a, b| a.code == b.code && a.from == b.from && a.to == b.to);
        set.persons.push(Person {
            name,
            phrases,
            roles,
            origin: self.origin(line),
        });
    }

    fn agents(&mut self, lines: &[(usize, Cow<'_, str>)], set: &mut DictionarySet) {
        let mut subs: HashMap<String, Vec<String>> = HashMap::new();
        for (line, l) in lines {
            let line = *line;
            if l.starts_with('!') {
                if let Some((name, list)) = l.split_once('=') {
                    let name = name.trim();
                    if name.len() > 2 && name.ends_with('!') {
                        subs.insert(
                            name.to_string(),
                            list.split(',')
                                .map(|s| s.trim().to_string())
                                .filter(|s| !s.is_empty())
                                .collect(),
                        );
                        continue;
                    }
                }
            }
            let (head, codes) = split_code(l);
            let code_spec = codes
                .trim()
                .trim_start_matches('[')
                .split([']', '}'])
                .next()
                .unwrap_or("")
                .trim();
            if code_spec.is_empty() {
                self.warn(
                    line,
                    format!("agent {:?} has no [~CODE]: ignored", head.trim()),
                );
                continue;
            }
            let (code, prefix) = if let Some(c) = code_spec.strip_prefix('~') {
                (c, false)
            } else if let Some(c) = code_spec.strip_suffix('~') {
                (c, true)
            } else {
                self.warn(
                    line,
                    format!("agent code {code_spec:?} has no '~'; read as ~{code_spec}"),
                );
                (code_spec, false)
            };
            let (phrase, plurals) = match head.find('{') {
                Some(b) => {
                    let inner = head[b + 1..].split('}').next().unwrap_or("");
                    (
                        head[..b].trim(),
                        Some(
                            inner
                                .split_whitespace()
                                .map(String::from)
                                .collect::<Vec<_>>(),
                        ),
                    )
                }
                None => (head.trim(), None),
            };
            let mut texts: Vec<String> = Vec::new();
            match subs.iter().find(|(k, _)| phrase.contains(k.as_str())) {
                Some((marker, items)) => {
                    for it in items {
                        texts.push(phrase.replace(marker.as_str(), it));
                    }
                }
                None if phrase.contains('!') => {
                    self.warn(line, format!("undefined substitution marker in {phrase:?}"));
                    continue;
                }
                None => {
                    texts.push(phrase.to_string());
                    match plurals {
                        Some(ps) => texts.extend(ps),
                        None => texts.push(plural(phrase.trim_end_matches('_'))),
                    }
                }
            }
            let phrases = texts
                .iter()
                .map(|t| phrase_text(t))
                .filter(|t| !t.is_empty())
                .map(|text| Phrase {
                    text,
                    case_sensitive: false,
                    code: None,
                    origin: self.origin(line),
                })
                .collect::<Vec<_>>();
            if phrases.is_empty() {
                continue;
            }
            set.agents.push(Agent {
                code: code.to_string(),
                name: phrases[0].text.to_lowercase(),
                phrases,
                prefix,
                origin: self.origin(line),
            });
        }
    }

    fn issues(&mut self, lines: &[(usize, Cow<'_, str>)], set: &mut DictionarySet) {
        for (line, l) in lines {
            let line = *line;
            if l.starts_with('<') {
                continue; // <ISSUE CATEGORY="..."> grouping tags
            }
            let (ignore, body) = match l.strip_prefix('~') {
                Some(b) => (true, b.trim_start_matches('~')),
                None => (false, &**l),
            };
            let (text, codes) = split_code(body);
            // Only the first [CODE] counts; a second entry on the same line is reported.
            let code = codes
                .trim()
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            if codes.matches('[').count() > 1 {
                self.warn(
                    line,
                    "more than one [CODE] on an issue line: only the first is used",
                );
            }
            if !ignore && code.is_empty() {
                self.warn(
                    line,
                    format!("issue phrase {:?} has no [CODE]: ignored", text.trim()),
                );
                continue;
            }
            for phrase in expand_issue(text) {
                set.issues.push(IssuePhrase {
                    phrase,
                    code: if ignore { String::new() } else { code.clone() },
                    origin: self.origin(line),
                });
            }
        }
    }

    fn verbs(&mut self, lines: &[(usize, Cow<'_, str>)], set: &mut DictionarySet) {
        // Synsets may be used before they are defined, so they are collected first.
        // Only looked up, never iterated: Fx hashing instead of SipHash.
        let mut defined: FxHashMap<String, usize> = FxHashMap::default();
        let mut i = 0;
        while i < lines.len() {
            let (line, l) = &lines[i];
            i += 1;
            if !l.starts_with('&') {
                continue;
            }
            let label = l.split_whitespace().next().unwrap_or("");
            let (name, no_plural) = match label.strip_suffix('_') {
                Some(n) => (n, true),
                None => (label, false),
            };
            let mut phrases = Vec::new();
            while i < lines.len() && lines[i].1.starts_with('+') {
                let term = lines[i].1[1..].trim();
                let exact = term.ends_with('_');
                let text = phrase_text(term);
                if !text.is_empty() {
                    let plural_form = (!(no_plural || exact)).then(|| {
                        let mut words: Vec<&str> = text.split(' ').collect();
                        let last = plural(words.pop().unwrap_or(""));
                        words.push(&last);
                        words.join(" ")
                    });
                    phrases.push(text);
                    phrases.extend(plural_form);
                }
                i += 1;
            }
            if defined.contains_key(name) {
                self.warn(
                    *line,
                    format!("synset {name} defined twice: the first is kept"),
                );
                continue;
            }
            defined.insert(name.to_string(), set.synsets.len());
            set.synsets.push(Synset {
                name: name.to_string(),
                phrases,
                origin: self.origin(*line),
            });
        }

        // The patterns the blocks will make, at most (each verb alone and with each pattern of
        // its block): `set.verbs` is reserved once instead of being copied as it doubles.
        let mut most = 0;
        let (mut nv, mut np) = (0, 0);
        let mut synset = false;
        for (_, l) in lines {
            match l.as_bytes().first() {
                Some(b'-') if l.starts_with("---") => {
                    most += nv * (np + 1);
                    (nv, np, synset) = (0, 0, false);
                }
                Some(b'&') => synset = true,
                Some(b'+') if synset => {}
                Some(b'~') => synset = false,
                Some(b'-') => (np, synset) = (np + 1, false),
                _ => (nv, synset) = (nv + 1, false),
            }
        }
        set.verbs.reserve(most + nv * (np + 1));

        let mut block_code = String::from("---");
        let mut block_reverse: Option<String> = None;
        let mut verbs: Vec<VerbDecl> = Vec::new();
        let mut patterns: Vec<PatternDecl> = Vec::new();
        let mut in_synset = false;
        // Transformations name verbs whose codes are known only once every block is read.
        let mut transforms: Vec<(usize, String)> = Vec::new();
        for (line, l) in lines {
            let line = *line;
            if l.starts_with("---") {
                self.flush_block(
                    &mut verbs,
                    &mut patterns,
                    (&block_code, &block_reverse),
                    set,
                );
                let inner = l.trim_matches('-');
                block_code = bracket_code(inner).unwrap_or_else(|| "---".into());
                if !is_event_code(&block_code) {
                    self.warn(
                        line,
                        format!("[{block_code}] is no event code: the block codes nothing"),
                    );
                    block_code = "---".into();
                }
                block_reverse = bracket_reverse(inner);
                in_synset = false;
            } else if l.starts_with('&') {
                in_synset = true;
            } else if l.starts_with('+') && in_synset {
                // a synset term, read in the first pass
            } else if let Some(t) = l.strip_prefix('~') {
                in_synset = false;
                transforms.push((line, t.to_string()));
            } else if let Some(p) = l.strip_prefix('-') {
                in_synset = false;
                if let Some(pat) = self.pattern(p, line, &defined) {
                    patterns.push(pat);
                }
            } else {
                in_synset = false;
                if let Some(v) = self.verb_decl(l, line) {
                    verbs.push(v);
                }
            }
        }
        self.flush_block(
            &mut verbs,
            &mut patterns,
            (&block_code, &block_reverse),
            set,
        );
        for (line, text) in transforms {
            match transform(&text, set) {
                Ok(t) => set.transforms.push(Transform {
                    origin: self.origin(line),
                    ..t
                }),
                Err(why) => self.warn(line, format!("verb transformation: {why}: ignored")),
            }
        }
    }

    fn flush_block(
        &mut self,
        verbs: &mut Vec<VerbDecl>,
        patterns: &mut Vec<PatternDecl>,
        (block_code, block_reverse): (&str, &Option<String>),
        set: &mut DictionarySet,
    ) {
        if verbs.is_empty() && !patterns.is_empty() {
            self.warn(patterns[0].line, "patterns outside a verb block: ignored");
        }
        for v in verbs.iter() {
            if !v.forms.is_empty() {
                let mut forms = classify_forms(&v.lemma, &v.forms);
                // "CUT {CUTS CUTTING}" lists no past: keep the one dyad already knows, or the
                // regular one.
                if forms.past.is_empty() {
                    match set.irregular.iter().rfind(|(l, _)| *l == v.lemma) {
                        Some((_, known)) => {
                            forms.past = known.past.clone();
                            forms.participle = known.participle.clone();
                        }
                        None => {
                            let regular: Vec<String> = crate::inflect(&v.lemma, None)
                                .into_iter()
                                .filter(|(_, f)| f.can_be_participle())
                                .map(|(w, _)| w)
                                .collect();
                            forms.past = regular.clone();
                            forms.participle = regular;
                        }
                    }
                }
                set.irregular.push((v.lemma.clone(), forms));
            }
            let (code, reverse) = match &v.code {
                Some(c) => (c.clone(), v.reverse.clone()),
                None => (block_code.to_string(), block_reverse.clone()),
            };
            if code != "---" || !v.pre.is_empty() || !v.post.is_empty() {
                set.verbs.push(VerbPattern {
                    code,
                    reverse,
                    alone: false,
                    lemma: v.lemma.clone(),
                    before: v.pre.clone(),
                    elements: v.post.clone(),
                    text: v.text.clone(),
                    origin: self.origin(v.line),
                });
            }
            for p in patterns.iter() {
                // Sized once: `clone` and `extend` grew each of these lists a second time.
                let mut before = Vec::with_capacity(v.pre.len() + p.before.len());
                before.extend(v.pre.iter().chain(&p.before).cloned());
                let mut elements = Vec::with_capacity(v.post.len() + p.after.len());
                elements.extend(v.post.iter().chain(&p.after).cloned());
                set.verbs.push(VerbPattern {
                    code: p.code.clone(),
                    reverse: p.reverse.clone(),
                    alone: false,
                    lemma: v.lemma.clone(),
                    before,
                    elements,
                    text: p.text.clone(),
                    origin: self.origin(p.line),
                });
            }
        }
        verbs.clear();
        patterns.clear();
    }

    fn verb_decl(&mut self, l: &str, line: usize) -> Option<VerbDecl> {
        let code = bracket_code(l).filter(|c| {
            let ok = is_event_code(c);
            if !ok {
                self.warn(
                    line,
                    format!("[{c}] is no event code: the block's code applies"),
                );
            }
            ok
        });
        let head = l.split('[').next().unwrap_or("");
        let (word_part, forms_part) = match head.find('{') {
            Some(b) => (
                &head[..b],
                Some(head[b + 1..].split('}').next().unwrap_or("")),
            ),
            None => (head, None),
        };
        let word = word_part.split_whitespace().next()?;
        let (pre, lemma, post) = if word.contains('_') {
            let parts: Vec<&str> = word.split('_').filter(|p| !p.is_empty()).collect();
            let Some(k) = parts.iter().position(|p| p.starts_with('+')) else {
                self.warn(
                    line,
                    format!("multi-word verb {word:?} has no '+' marking the verb: ignored"),
                );
                return None;
            };
            (
                words_of(&parts[..k]),
                parts[k][1..].to_string(),
                words_of(&parts[k + 1..]),
            )
        } else {
            (
                Vec::new(),
                word.trim_start_matches('+').to_string(),
                Vec::new(),
            )
        };
        let mut lemma_norm = String::new();
        dyad_text::normalize_into(&lemma, &mut lemma_norm);
        if lemma_norm.is_empty() {
            return None;
        }
        // "{+CRACKED_DOWN , +CRACKS_DOWN}": some lists separate their forms with commas too.
        let forms = forms_part
            .map(|f| {
                f.split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|w| !w.is_empty())
                    .filter_map(|w| {
                        // In a multi-word verb's forms, the inflected word is the one marked '+'.
                        let w = if w.contains('_') {
                            w.split('_').find(|p| p.starts_with('+'))?
                        } else {
                            w
                        };
                        let mut n = String::new();
                        dyad_text::normalize_into(w.trim_start_matches('+'), &mut n);
                        n.chars().any(char::is_alphanumeric).then_some(n)
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(VerbDecl {
            lemma: lemma_norm,
            pre,
            post,
            reverse: bracket_reverse(l),
            code,
            forms,
            text: l.split_whitespace().collect::<Vec<_>>().join(" "),
            line,
        })
    }

    fn pattern(
        &mut self,
        p: &str,
        line: usize,
        synsets: &FxHashMap<String, usize>,
    ) -> Option<PatternDecl> {
        let Some(code) = bracket_code(p) else {
            self.warn(line, "pattern without a [CODE]: ignored");
            return None;
        };
        if !is_event_code(&code) {
            self.warn(
                line,
                format!("[{code}] is no event code: pattern ignored (the verb's others apply)"),
            );
            return None;
        }
        let body = p.split('[').next().unwrap_or("");
        let body = body.replace("**", "*");
        let Some((pre, post)) = body.split_once('*') else {
            self.warn(line, "pattern without '*' (the verb's place): ignored");
            return None;
        };
        let mut before = tidy_joins(self.elements(pre, line, synsets)?, false);
        before.retain(|e| *e != Element::Skip);
        let mut after = self.elements(post, line, synsets)?;
        // After the verb (`* WITH %`) a compound is an ordinary target: the coder finds compound
        // targets by itself.
        after.retain(|e| *e != Element::Compound);
        let after = tidy_skips(tidy_joins(after, true));
        Some(PatternDecl {
            before,
            after,
            reverse: bracket_reverse(p),
            code,
            text: body.split_whitespace().collect::<Vec<_>>().join(" "),
            line,
        })
    }

    /// The elements of one side of a pattern; `None` (with a warning) when it cannot be used.
    fn elements(
        &mut self,
        s: &str,
        line: usize,
        synsets: &FxHashMap<String, usize>,
    ) -> Option<Vec<Element>> {
        let mut out = Vec::new();
        // Brackets become spaces byte by byte: ASCII for ASCII keeps the text valid UTF-8.
        let mut cleaned = s.as_bytes().to_vec();
        for b in &mut cleaned {
            if matches!(b, b'{' | b'}' | b'(' | b')') {
                *b = b' ';
            }
        }
        let cleaned = String::from_utf8(cleaned).unwrap_or_default();
        // `_` joins two elements that must stand side by side ("NEW_&TIETYPES_RELATIONS"); a
        // space lets other words come between. A synset name may hold `_` itself.
        let mut parts: Vec<&str> = Vec::new();
        for piece in cleaned.split_whitespace() {
            let mut rest = piece;
            while !rest.is_empty() {
                if let Some(t) = rest.strip_prefix('_') {
                    parts.push("_");
                    rest = t;
                    continue;
                }
                let name_len = rest
                    .starts_with('&')
                    .then(|| {
                        (1..=rest.len())
                            .rev()
                            .filter(|&e| rest.is_char_boundary(e))
                            // Where a name could end (cheap) before the look-up (a `format!`
                            // and a hash).
                            .find(|&e| {
                                (e == rest.len() || rest[e..].starts_with('_'))
                                    && synsets.contains_key(&format!(
                                        "&{}",
                                        rest[1..e].trim_end_matches('_')
                                    ))
                            })
                    })
                    .flatten();
                let end = name_len.unwrap_or_else(|| rest.find('_').unwrap_or(rest.len()));
                let (head, tail) = rest.split_at(end);
                parts.push(head);
                rest = tail;
            }
            parts.push(" ");
        }
        for piece in parts {
            if piece == " " {
                continue;
            }
            if piece == "_" {
                out.push(Element::Next);
                continue;
            }
            let mut rest = piece;
            // Markers may be glued to a word: "+RST", "$WILL".
            while let Some(c) = rest.chars().next() {
                match c {
                    '+' => out.push(Element::Target),
                    '$' => out.push(Element::Source),
                    '%' => out.push(Element::Compound),
                    '^' => out.push(Element::Skip),
                    _ => break,
                }
                rest = &rest[1..];
            }
            if rest.is_empty() {
                continue;
            }
            if let Some(name) = rest.strip_prefix('&') {
                let key = format!("&{}", name.trim_end_matches('_'));
                if !synsets.contains_key(&key) {
                    self.warn(
                        line,
                        format!("synset {key} is not defined: pattern ignored"),
                    );
                    return None;
                }
                out.push(Element::Set(key));
                continue;
            }
            for (_, norm) in crate::parse::normalized_words(rest) {
                out.push(Element::Word(norm));
            }
        }
        Some(out)
    }
}

/// Keeps one `^` right before a `+` or `$` (`IFTAR AT ^ ^ +` passes over one actor, as the unit
/// tests read it); anywhere else the coder finds the words between by itself.
fn tidy_skips(elements: Vec<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(elements.len());
    for (i, e) in elements.iter().enumerate() {
        if *e != Element::Skip {
            out.push(e.clone());
            continue;
        }
        let next = elements[i + 1..].iter().find(|x| **x != Element::Skip);
        if matches!(next, Some(Element::Target | Element::Source))
            && out.last() != Some(&Element::Skip)
        {
            out.push(Element::Skip);
        }
    }
    out
}

/// Keeps a `_` join only between two words or sets, or between one and the verb (`RECENTLY_*`,
/// `* _TALKS`): next to a slot marker or at the far end of a pattern it says nothing.
fn tidy_joins(elements: Vec<Element>, after_verb: bool) -> Vec<Element> {
    let literal = |e: Option<&Element>| {
        matches!(
            e,
            Some(Element::Word(_) | Element::Set(_) | Element::Prefix(_))
        )
    };
    let mut out: Vec<Element> = Vec::with_capacity(elements.len());
    for (i, e) in elements.iter().enumerate() {
        if *e != Element::Next {
            out.push(e.clone());
            continue;
        }
        let prev_ok = if out.is_empty() {
            after_verb
        } else {
            literal(out.last())
        };
        let next = elements[i + 1..].iter().find(|x| **x != Element::Next);
        let next_ok = if next.is_none() {
            !after_verb
        } else {
            literal(next)
        };
        if prev_ok && next_ok && out.last() != Some(&Element::Next) {
            out.push(Element::Next);
        }
    }
    out
}

// `Role` is taken by the file-role enum above; the model's person role is used under this name.
use crate::model::Role as Role_;

/// The phrase part of an entry and the `[...]` groups after it.
fn split_code(s: &str) -> (&str, &str) {
    match byte_pos(s, b'[') {
        Some(b) => (&s[..b], &s[b..]),
        None => (s, ""),
    }
}

/// The code of a `[CODE]` or `[CODE:CODE]` group: the first one, as PETRARCH codes with it.
fn bracket_code(s: &str) -> Option<String> {
    let open = s.find('[')?;
    let inner = s[open + 1..].split(']').next()?.trim();
    if inner.is_empty() {
        return None;
    }
    // "[:173]" codes only the reverse event; "[080!]" carries a curator's mark.
    let code = inner.split(':').next()?.trim().trim_end_matches('!');
    Some(if code.is_empty() {
        "---".to_string()
    } else {
        code.to_string()
    })
}

/// Whether a bracketed code can be an event code: `---` or one with digits ("064", "023?").
/// TABARI's validation dictionaries test the reader with codes such as `[+++]`, `[###]` and
/// `[xxy]`, which PETRARCH cannot turn into an event (its code conversion reads hex digits), so
/// the pattern is passed over for the verb's other patterns.
fn is_event_code(code: &str) -> bool {
    code == "---" || code.bytes().any(|b| b.is_ascii_digit())
}

/// The second code of a `[CODE:REVERSE]` group, if any.
fn bracket_reverse(s: &str) -> Option<String> {
    let open = s.find('[')?;
    let inner = s[open + 1..].split(']').next()?.trim();
    let (_, rev) = inner.split_once(':')?;
    let rev = rev.trim();
    (!rev.is_empty() && rev != "---").then(|| rev.to_string())
}

fn words_of(parts: &[&str]) -> Vec<Element> {
    parts
        .iter()
        .flat_map(|p| crate::parse::normalized_words(p))
        .map(|(_, n)| Element::Word(n))
        .collect()
}

/// Sorts a verb's spelled-out forms into the kinds dyad's inflection knows.
fn classify_forms(lemma: &str, forms: &[String]) -> IrregularForms {
    let mut f = IrregularForms::default();
    for w in forms {
        if w == lemma {
            continue;
        }
        if w.ends_with("ing") {
            f.ing.push(w.clone());
        } else if *w == format!("{lemma}s")
            || *w == format!("{lemma}es")
            || (w.ends_with("ies") && lemma.ends_with('y'))
        {
            f.third.push(w.clone());
        } else {
            f.past.push(w.clone());
            f.participle.push(w.clone());
        }
    }
    f
}

/// Issue phrases with PETRARCH's expansions: `n:` noun forms, `v:` verb forms, `a+b` as "a b" and
/// "a-b".
fn expand_issue(text: &str) -> Vec<String> {
    let mut variants: Vec<String> = vec![String::new()];
    let forms_of = |w: &str| -> Vec<String> {
        if let Some(w) = w.strip_prefix("n:") {
            let mut v = vec![w.to_string(), plural(w)];
            v.dedup();
            v
        } else if let Some(w) = w.strip_prefix("v:") {
            let stem = w.trim_end_matches('e');
            vec![
                w.to_string(),
                format!("{w}s"),
                format!("{stem}ed"),
                format!("{stem}ing"),
            ]
        } else {
            vec![w.to_string()]
        }
    };
    for word in text.split_whitespace() {
        // "pre+n:school": the parts expand first, then join with a space and with a hyphen.
        let forms: Vec<String> = match word.split_once('+') {
            Some((a, b)) => {
                let mut out = Vec::new();
                for x in forms_of(a) {
                    for y in forms_of(b) {
                        out.push(format!("{x} {y}"));
                        out.push(format!("{x}-{y}"));
                    }
                }
                out
            }
            None => forms_of(word),
        };
        variants = variants
            .iter()
            .flat_map(|v| {
                forms.iter().map(move |f| {
                    if v.is_empty() {
                        f.clone()
                    } else {
                        format!("{v} {f}")
                    }
                })
            })
            .collect();
    }
    variants.retain(|v| !v.is_empty());
    variants
}

/// Actors whose code is a bare three-letter code are countries; every actor whose code starts with
/// one of them belongs to that country.
fn assign_countries(set: &mut DictionarySet) {
    // Three-letter codes that are international or transnational, not states.
    const NOT_STATES: &[&str] = &["IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "UAF", "SET"];
    let agent_codes: std::collections::HashSet<&str> =
        set.agents.iter().map(|a| a.code.as_str()).collect();
    let countries: std::collections::HashSet<String> = set
        .actors
        .iter()
        .filter(|a| a.code.len() == 3 && a.code.bytes().all(|b| b.is_ascii_uppercase()))
        .filter(|a| {
            !NOT_STATES.contains(&a.code.as_str()) && !agent_codes.contains(a.code.as_str())
        })
        .map(|a| a.code.clone())
        .collect();
    for a in &mut set.actors {
        if a.code.len() >= 3 && a.code.is_char_boundary(3) && countries.contains(&a.code[..3]) {
            a.country = Some(a.code[..3].to_string());
        }
    }
}

/// Reads a transformation `a (x y INNER) OUTER = r1 r2 CODE` (the text after `~`); verbs are
/// named by their dictionary entries and stand for those entries' codes.
fn transform(text: &str, set: &DictionarySet) -> Result<Transform, String> {
    let spaced = text.replace('(', " ( ").replace(')', " ) ");
    let t: Vec<&str> = spaced.split_whitespace().collect();
    let [a, "(", x, y, inner, ")", outer, "=", r1, r2, code] = t.as_slice() else {
        return Err(format!(
            "expected `a (x y VERB) VERB = x y CODE`, found {text:?}"
        ));
    };
    let verb_code = |name: &str| -> Result<String, String> {
        set.verbs
            .iter()
            .rfind(|v| {
                v.lemma.eq_ignore_ascii_case(name) && v.before.is_empty() && v.elements.is_empty()
            })
            .map(|v| v.code.clone())
            .filter(|c| c != "---")
            .ok_or_else(|| format!("verb {name} has no code of its own"))
    };
    let slot = |v: &str| match v {
        "_" => TransformSlot::Missing,
        "." => TransformSlot::Any,
        v if v == *a => TransformSlot::Outer,
        _ => TransformSlot::Other,
    };
    let pick = |r: &str| {
        if r == *a {
            Ok(TransformPick::OuterSource)
        } else if r == *x {
            Ok(TransformPick::InnerSource)
        } else if r == *y {
            Ok(TransformPick::InnerTarget)
        } else {
            Err(format!("{r} is bound by nothing"))
        }
    };
    let q = |v: &str| -> Result<Option<String>, String> {
        match v {
            "Q" => Ok(None),
            c if c.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(c.to_string())),
            name => verb_code(name).map(Some),
        }
    };
    Ok(Transform {
        outer: verb_code(outer)?,
        inner_source: slot(x),
        inner_target: slot(y),
        inner: q(inner)?,
        source: pick(r1)?,
        target: pick(r2)?,
        code: q(code)?,
        origin: Origin {
            file: Arc::from(""),
            line: 0,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(role: Role, text: &str) -> Loaded {
        let mut out = Loaded::default();
        load_text(role, "t.txt", text, &mut out);
        out
    }

    #[test]
    fn phrase_text_cuts_ascii_by_bytes_as_the_char_split_does() {
        // The char split that ASCII text skips.
        let by_chars = |s: &str| {
            s.split(|c: char| c == '_' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let pieces = [
            "AL", "_", " ", "\t", "\n", "\x0b", "\x0c", "\r", "QAEDA", "-", "é", "\u{a0}", "x",
        ];
        let mut seed = 7u64;
        for _ in 0..5_000 {
            let mut s = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for k in 0..(seed >> 60) {
                s.push_str(pieces[((seed >> (4 * k)) % pieces.len() as u64) as usize]);
            }
            assert_eq!(phrase_text(&s), by_chars(&s), "{s:?}");
        }
    }

    /// `clean_lines` before the text-wide `<` search: every line scanned for `<`, `#`, `;`.
    fn clean_lines_reference(text: &str, semicolon: bool) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut in_comment = false;
        for (i, raw) in crate::parse::lines(text).enumerate() {
            if !in_comment && !raw.as_bytes().contains(&b'<') {
                let mut l = raw;
                if let Some(h) = byte_pos(l, b'#') {
                    l = &l[..h];
                }
                if semicolon {
                    if let Some(h) = byte_pos(l, b';') {
                        l = &l[..h];
                    }
                }
                let t = l.trim();
                if !t.is_empty() {
                    out.push((i + 1, t.to_string()));
                }
                continue;
            }
            if let Some(t) = comment_line(raw, &mut in_comment, semicolon) {
                out.push((i + 1, t));
            }
        }
        out
    }

    #[test]
    fn comment_cuts_equal_the_line_by_line_scan() {
        let pieces = [
            "A", "b c", "#", ";", "<!--", "-->", "<", "<!", "\n", "\r\n", " ", "\t", "x_y", "[Z]",
        ];
        let mut seed = 11u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let n = (seed >> 59) as usize;
            let mut r = seed;
            for _ in 0..n {
                r = r
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(r >> 33) as usize % pieces.len()]);
            }
            for semicolon in [false, true] {
                let got: Vec<(usize, String)> = clean_lines(&text, semicolon)
                    .into_iter()
                    .map(|(n, l)| (n, l.into_owned()))
                    .collect();
                assert_eq!(got, clean_lines_reference(&text, semicolon), "{text:?}");
            }
        }
    }

    #[test]
    fn comments_of_every_kind_are_removed() {
        let l: Vec<(usize, String)> = clean_lines(
            "A <!-- x -->B # c\n<!-- start\nmiddle\nend --> C\n; d\nE ; f",
            true,
        )
        .into_iter()
        .map(|(n, l)| (n, l.into_owned()))
        .collect();
        assert_eq!(
            l,
            vec![
                (1, "A B".to_string()),
                (4, "C".to_string()),
                (6, "E".to_string())
            ]
        );
    }

    #[test]
    fn actors_with_dates_become_people() {
        let out = load(
            Role::Actors,
            "ARNOR_  [ARN]\n+ARNORIAN\n\nKOFI_ANNAN_\n+K._ANNAN_\n\t[IGOUNO 970101-061231]\n\t[ELI]\nX [ABC >20010101]\nNOCODE\n",
        );
        assert_eq!(out.set.actors.len(), 1);
        assert_eq!(out.set.actors[0].code, "ARN");
        assert_eq!(out.set.actors[0].phrases[1].text, "ARNORIAN");
        let p = &out.set.persons[0];
        assert_eq!(p.phrases.len(), 2);
        assert_eq!(p.roles[0].code, "IGOUNO");
        assert_eq!(p.roles[0].from, NaiveDate::from_ymd_opt(1997, 1, 1));
        assert_eq!(p.roles[0].to, NaiveDate::from_ymd_opt(2006, 12, 31));
        assert_eq!(p.roles[1].code, "ELI");
        assert!(p.roles[1].from.is_none() && p.roles[1].to.is_none());
        let x = &out.set.persons[1];
        assert_eq!(x.roles[0].from, NaiveDate::from_ymd_opt(2001, 1, 1));
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        assert!(out.warnings[0].message.contains("no code"));
        assert_eq!(out.warnings[0].line, 9);
    }

    #[test]
    fn bad_dates_are_reported_with_their_line() {
        let out = load(
            Role::Actors,
            "BAN\n\t[KORGOV 2004017-20061201]\n\t[IGOUNO]\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n",
        );
        let roles = &out.set.persons[0].roles;
        assert_eq!(roles[0].to, NaiveDate::from_ymd_opt(1995, 6, 1));
        assert_eq!(roles[1].from, NaiveDate::from_ymd_opt(1995, 6, 1));
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].line, 2);
        assert_eq!(out.set.persons[0].roles[2].code, "IGOUNO");
    }

    #[test]
    fn agents_plurals_and_substitutions() {
        let out = load(
            Role::Agents,
            "!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nHUMAN_RIGHTS_BODY [NGO~]\nCONGRESS!PERSON! [~LEG]\nMILITARY_PARTY [~MIL]\n",
        );
        let a = &out.set.agents;
        assert_eq!(a.len(), 5);
        assert_eq!(a[0].phrases.len(), 1);
        assert_eq!(a[1].phrases[1].text, "ATTORNEYS GENERAL");
        assert!(a[2].prefix && a[2].code == "NGO");
        assert_eq!(a[2].phrases[1].text, "HUMAN RIGHTS BODIES");
        assert_eq!(a[3].phrases[0].text, "CONGRESSMAN");
        assert_eq!(a[3].phrases[1].text, "CONGRESSMEN");
        assert_eq!(a[4].phrases[1].text, "MILITARY PARTIES");
    }

    #[test]
    fn commas_between_verb_forms_are_no_forms() {
        let out = load(
            Role::Verbs,
            "--- HURT [180] ---\n+CRACK_DOWN {+CRACKED_DOWN , +CRACKS_DOWN ,+CRACKING_DOWN}\n",
        );
        let (lemma, forms) = &out.set.irregular[0];
        assert_eq!(lemma, "crack");
        let all: Vec<&String> = forms
            .past
            .iter()
            .chain(&forms.participle)
            .chain(&forms.ing)
            .collect();
        assert!(all.iter().all(|f| f.starts_with("crack")), "{forms:?}");
        assert!(forms.ing.contains(&"cracking".to_string()), "{forms:?}");
    }

    #[test]
    fn transformations_name_verbs_by_their_entries() {
        let out = load(
            Role::Verbs,
            "--- COMMENT [010] ---\nSAY {SAYS SAID SAYING}\n\n--- FIGHT [190] ---\nATTACK\n\n--- TRY [---] ---\nTRY\n\n~ a (b . ATTACK) SAY = a b 112\n~ a (a b Q) SAY = a b Q\n~ a (_ b ATTACK) TRY = a b 138\n",
        );
        let t = &out.set.transforms;
        assert_eq!(t.len(), 2, "{:?}", out.warnings);
        assert_eq!(t[0].outer, "010");
        assert_eq!(t[0].inner.as_deref(), Some("190"));
        assert_eq!(t[0].inner_source, TransformSlot::Other);
        assert_eq!(t[0].inner_target, TransformSlot::Any);
        assert_eq!(t[0].source, TransformPick::OuterSource);
        assert_eq!(t[0].target, TransformPick::InnerSource);
        assert_eq!(t[0].code.as_deref(), Some("112"));
        assert_eq!(t[0].origin.line, 10);
        assert_eq!(t[1].inner_source, TransformSlot::Outer);
        assert_eq!(t[1].target, TransformPick::InnerTarget);
        assert!(t[1].inner.is_none() && t[1].code.is_none());
        // TRY codes nothing of its own: the third line cannot be used, and says so.
        assert_eq!(out.warnings.len(), 1);
        assert!(out.warnings[0].message.contains("TRY"));
        assert_eq!(out.warnings[0].line, 12);
    }

    #[test]
    fn verb_blocks_share_their_patterns() {
        let out = load(
            Role::Verbs,
            "&CURRENCY\n+DOLLAR\n+SWISS FRANC_\n\n--- GRANT [070] ---\nGRANT\nGIVE {GAVE GIVEN GIVING} [071]\n- * &CURRENCY TO + [0711]\n- SUGGESTED_+ * $ (FROM ARNOR) [---]\n~ a b = c\n",
        );
        let v = &out.set.verbs;
        let summary: Vec<(String, String, usize, usize)> = v
            .iter()
            .map(|p| {
                (
                    p.lemma.clone(),
                    p.code.clone(),
                    p.before.len(),
                    p.elements.len(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("grant".into(), "070".into(), 0, 0),
                ("grant".into(), "0711".into(), 0, 3),
                ("grant".into(), "---".into(), 2, 3),
                ("give".into(), "071".into(), 0, 0),
                ("give".into(), "0711".into(), 0, 3),
                ("give".into(), "---".into(), 2, 3),
            ]
        );
        assert_eq!(v[1].elements[0], Element::Set("&CURRENCY".into()));
        assert_eq!(v[1].elements[2], Element::Target);
        assert_eq!(
            v[2].before,
            vec![Element::Word("suggested".into()), Element::Target]
        );
        assert_eq!(v[2].elements[0], Element::Source);
        let s = &out.set.synsets[0];
        assert_eq!(s.phrases, vec!["DOLLAR", "DOLLARS", "SWISS FRANC"]);
        let (lemma, forms) = &out.set.irregular[0];
        assert_eq!(lemma, "give");
        assert_eq!(forms.past, vec!["gave", "given"]);
        assert_eq!(forms.ing, vec!["giving"]);
        assert_eq!(out.warnings.len(), 1);
        assert!(out.warnings[0].message.contains("transformation"));
    }

    #[test]
    fn multi_word_verbs_and_undefined_synsets() {
        let out = load(
            Role::Verbs,
            "--- X [042] ---\n+CORDON_OFF\nRE_+ARREST\nWIRE_TAP\n- * &NOPE [050]\n",
        );
        let v = &out.set.verbs;
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].lemma, "cordon");
        assert_eq!(v[0].elements, vec![Element::Word("off".into())]);
        assert_eq!(v[1].lemma, "arrest");
        assert_eq!(v[1].before, vec![Element::Word("re".into())]);
        let msgs: Vec<&str> = out.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
    }

    #[test]
    fn discards_and_issues() {
        let out = load(Role::Discards, "+TYPHOON\nBASEBALL_\n");
        assert!(out.set.discards[0].story && !out.set.discards[0].whole_word);
        assert!(!out.set.discards[1].story && out.set.discards[1].whole_word);
        let out = load(
            Role::Issues,
            "<ISSUE CATEGORY=\"X\">\nn:atrocity [ID_ATROCITY]\nethnic v:purge [ID_ATROCITY]\n~Saturday Night massacre\n</ISSUE>\n",
        );
        let p: Vec<&str> = out.set.issues.iter().map(|i| i.phrase.as_str()).collect();
        assert_eq!(
            p,
            vec![
                "atrocity",
                "atrocities",
                "ethnic purge",
                "ethnic purges",
                "ethnic purged",
                "ethnic purging",
                "Saturday Night massacre"
            ]
        );
        assert_eq!(out.set.issues.last().map(|i| i.code.as_str()), Some(""));
    }

    #[test]
    fn edge_cases_of_the_shipped_files() {
        assert_eq!(plural("FORCES"), "FORCES");
        assert_eq!(plural("PRESS"), "PRESSES");
        assert_eq!(plural("school"), "schools");
        assert_eq!(
            expand_issue("pre+n:school"),
            vec!["pre school", "pre-school", "pre schools", "pre-schools"]
        );
        assert_eq!(bracket_code("- * X [:173]").as_deref(), Some("---"));
        assert_eq!(bracket_reverse("- * X [:173]").as_deref(), Some("173"));
        assert_eq!(bracket_code("- * X [080!]").as_deref(), Some("080"));
        let mut out = Loaded::default();
        out.set.irregular.push((
            "cut".into(),
            IrregularForms {
                past: vec!["cut".into()],
                participle: vec!["cut".into()],
                ..Default::default()
            },
        ));
        load_text(
            Role::Verbs,
            "v.txt",
            "--- CUT [---] ---\nCUT {CUTS CUTTING}\nOPEN {OPENS}\n",
            &mut out,
        );
        let forms = |l: &str| {
            out.set
                .irregular
                .iter()
                .rfind(|(x, _)| x == l)
                .map(|(_, f)| f.clone())
                .unwrap()
        };
        assert_eq!(forms("cut").past, vec!["cut"]);
        assert!(forms("open").past.contains(&"opened".to_string()));
    }

    #[test]
    fn file_roles_come_from_names() {
        assert_eq!(Role::of("CAMEO.2.0.txt"), Some(Role::Verbs));
        assert_eq!(Role::of("PETR.Validate.verbs.txt"), Some(Role::Verbs));
        assert_eq!(Role::of("Phoenix.Countries.actors.txt"), Some(Role::Actors));
        assert_eq!(Role::of("Phoenix.IssueCoding.txt"), Some(Role::Issues));
        assert_eq!(Role::of("README"), None);
    }
}
