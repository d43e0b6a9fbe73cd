//! Direct quotations and the phrases that say who spoke them.
//!
//! A quotation is text between double quotation marks (straight `"`, curly `“ ”`, or `« »`), or
//! between curly single marks `‘ ’` when no double quotation is open. Single marks inside a
//! double quotation are nested quotes and belong to it. A quotation left open at the end of a
//! paragraph continues when the next paragraph opens with a quotation mark (the newspaper
//! convention for quotes that run over several paragraphs); otherwise it ends with the paragraph.
//!
//! The speaker phrase is found next to the quotation: after it (`"...," Lavrov said`, `"...,"
//! said the UN envoy`, `"...," according to a spokesman`), or before it (`Lavrov told reporters:
//! "..."`, `The envoy said the talks were "very productive"`). A quotation that fills a paragraph
//! of its own and has no speaker phrase continues the previous quotation's speaker.

use std::ops::Range;

use crate::tokens::{DocTokens, Tokens};
use dyad_text::TokenKind;

/// What a speaker phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    /// A named person or body: "Lavrov", "UN envoy Staffan de Mistura", "Hamas".
    Name,
    /// A description: "the UN envoy", "a spokesman for the ministry".
    Role,
    /// "he", "she", "they", "it", resolved by [`attribute`] to an earlier Name or Role.
    Pronoun,
}

/// The phrase naming who spoke a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Byte range of the speaker phrase ("the UN envoy", "he").
    pub span: Range<usize>,
    /// Name, role or pronoun.
    pub kind: SpeakerKind,
    /// Byte range of the reporting verb ("said", "told", "according to").
    pub verb: Range<usize>,
    /// True when the quotation has no speaker phrase of its own and continues the previous
    /// quotation's (a quoted paragraph following a quoted paragraph).
    pub inherited: bool,
}

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Byte range including the quotation marks (when a quotation runs over paragraphs, the
    /// range covers all of them).
    pub span: Range<usize>,
    /// Byte range of the quoted words, without the outer marks.
    pub inner: Range<usize>,
    /// The speaker phrase, if one was found.
    pub speaker: Option<Speaker>,
}

/// Resolves mention spans to the caller's actors (the dictionaries live outside this crate).
pub trait SpeakerLookup {
    /// What an actor is to the caller (a code, a struct, ...).
    type Actor: Clone;
    /// The actor a speaker mention (a Name or Role span, or a pronoun's antecedent) stands for.
    fn actor(&self, mention: Range<usize>) -> Option<Self::Actor>;
    /// Spans of person mentions the caller found (e.g. every person actor of the document):
    /// extra antecedents for pronouns besides the speaker phrases found here.
    fn persons(&self) -> Vec<Range<usize>> {
        Vec::new()
    }
}

impl<A: Clone, F: Fn(Range<usize>) -> Option<A>> SpeakerLookup for F {
    type Actor = A;
    fn actor(&self, mention: Range<usize>) -> Option<A> {
        self(mention)
    }
}

/// A quotation's speaker, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution<A> {
    /// The quotation's span ([`Quote::span`]).
    pub quote: Range<usize>,
    /// The speaker phrase, if any.
    pub speaker: Option<Speaker>,
    /// The mention that names the speaker: the phrase itself for a Name or Role, the antecedent
    /// for a pronoun (`None` when no antecedent fits).
    pub mention: Option<Range<usize>>,
    /// What the caller's lookup says `mention` is.
    pub actor: Option<A>,
}

const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "declared",
    "declares",
    "warned",
    "warns",
    "insisted",
    "insists",
    "explained",
    "explains",
    "wrote",
    "writes",
    "asked",
    "asks",
    "replied",
    "replies",
    "noted",
    "notes",
    "continued",
    "urged",
    "urges",
    "argued",
    "argues",
    "announced",
    "announces",
    "stressed",
    "stresses",
    "acknowledged",
    "acknowledges",
    "recalled",
    "complained",
    "concluded",
    "conceded",
    "claimed",
    "claims",
    "tweeted",
    "remarked",
    "observed",
    "cautioned",
    "vowed",
    "predicted",
    "admitted",
    "admits",
    "responded",
    "shouted",
    "chanted",
];

/// Whether `w` (lower case) is a reporting verb. A hash set: `attribute` asks this of every
/// token of a document.
fn is_reporting(w: &str) -> bool {
    // (first letter, length) of every reporting verb, one bit per length below 16: turns most
    // words away before they are hashed.
    const SHAPES: [u16; 26] = {
        let mut t = [0u16; 26];
        let mut i = 0;
        while i < REPORTING.len() {
            let b = REPORTING[i].as_bytes();
            assert!(b[0].is_ascii_lowercase() && b.len() < 16);
            t[(b[0] - b'a') as usize] |= 1 << b.len();
            i += 1;
        }
        t
    };
    // And the last letters of the verbs with each first letter ("said", "says", "stated": s
    // with d or s), which turns away most words of a common shape.
    const LAST: [u32; 26] = {
        let mut t = [0u32; 26];
        let mut i = 0;
        while i < REPORTING.len() {
            let b = REPORTING[i].as_bytes();
            let z = b[b.len() - 1];
            assert!(z.is_ascii_lowercase());
            t[(b[0] - b'a') as usize] |= 1 << (z - b'a');
            i += 1;
        }
        t
    };
    let b = w.as_bytes();
    match (b.first(), b.last()) {
        (Some(&c), Some(&z))
            if c.is_ascii_lowercase() && z.is_ascii_lowercase() && b.len() < 16 =>
        {
            let k = (c - b'a') as usize;
            if SHAPES[k] & (1 << b.len()) == 0 || LAST[k] & (1 << (z - b'a')) == 0 {
                return false;
            }
        }
        _ => return false,
    }
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| REPORTING.iter().copied().collect())
        .contains(w)
}

impl Tokens<'_> {
    fn reporting(&self, i: usize) -> bool {
        i < self.toks.len() && is_reporting(self.w(i))
    }
}
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
/// Words that stop an inverted speaker phrase: `said Lavrov on Tuesday`.
const AFTER_STOP: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "before",
    "during",
    "while",
    "when",
    "as",
    "adding",
    "referring",
    "yesterday",
    "today",
    "who",
    "which",
    "that",
    "and",
];
/// Words skipped between a speaker and the verb: `Lavrov later said`, `he has said`.
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "once",
    "previously",
    "has",
    "had",
    "have",
    "was",
    "is",
    "would",
    "will",
    "had",
    "reportedly",
    "earlier",
    "simply",
    "just",
    "only",
    "repeatedly",
];
/// Words that end a speaker phrase on its left: `..., and the minister said`.
const BEFORE_STOP: &[&str] = &[
    "and",
    "but",
    "that",
    "who",
    "which",
    "when",
    "while",
    "as",
    "after",
    "because",
    "if",
    "where",
    "so",
    "yet",
    "however",
    "meanwhile",
    "although",
    "though",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "one", "two", "three", "several", "some", "many", "its", "his",
    "her", "their", "our", "this", "that",
];
/// Heads of Role phrases that are bodies, not persons: "it" refers to them, "he" does not.
const BODIES: &[&str] = &[
    "ministry",
    "government",
    "group",
    "army",
    "military",
    "council",
    "committee",
    "office",
    "agency",
    "company",
    "party",
    "statement",
    "organisation",
    "organization",
    "movement",
    "embassy",
    "department",
    "police",
    "court",
    "union",
    "alliance",
    "coalition",
    "bank",
    "commission",
    "report",
    "kremlin",
    "militia",
    "administration",
    "parliament",
    "cabinet",
];

fn is_open(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{00AB}' | '\u{201E}')
}

fn is_close(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{00BB}')
}

/// Finds the bytes [`quote_spans`] acts on: `"`, a newline, and the lead bytes E2 and C2 of
/// the typographic marks. `memchr` finds three of them at once; the rarer C2 is searched
/// separately and its next position kept until the scan passes it.
struct Marks<'a> {
    bytes: &'a [u8],
    next_c2: usize,
}

impl<'a> Marks<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let next_c2 = memchr::memchr(0xC2, bytes).unwrap_or(bytes.len());
        Marks { bytes, next_c2 }
    }

    /// The first such byte at or after `i`.
    fn next_from(&mut self, i: usize) -> Option<usize> {
        let n = self.bytes.len();
        if i >= n {
            return None;
        }
        if self.next_c2 < i {
            self.next_c2 = memchr::memchr(0xC2, &self.bytes[i..]).map_or(n, |p| i + p);
        }
        let p = memchr::memchr3(b'"', b'\n', 0xE2, &self.bytes[i..])
            .map_or(n, |p| i + p)
            .min(self.next_c2);
        (p < n).then_some(p)
    }
}

/// Quotation spans (marks included) with their inner ranges.
fn quote_spans(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    // (start of the opening mark, end of the opening mark, single?)
    let mut open: Option<(usize, usize, bool)> = None;
    let bytes = text.as_bytes();
    let char_at = |i: usize| text[i..].chars().next();
    let mut i = 0;
    // Only `"`, a newline and the marks ‘ ’ “ ” „ « » (lead bytes E2 and C2) do anything, so
    // the scan jumps from one such byte to the next; they are never inside another character.
    let mut marks = Marks::new(bytes);
    while let Some(p) = marks.next_from(i) {
        i = p;
        let Some(c) = char_at(i) else {
            break;
        };
        let end = i + c.len_utf8();
        let prev = text[..i].chars().next_back();
        let next = char_at(end);
        match open {
            None => {
                let single_open = c == '\u{2018}'
                    && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—'))
                    && next.is_some_and(|n| n.is_alphanumeric());
                if c == '"' || is_open(c) {
                    open = Some((i, end, false));
                } else if single_open {
                    open = Some((i, end, true));
                }
            }
            Some((start, inner_start, single)) => {
                let closes = if single {
                    // ’ closes unless it is an apostrophe inside a word (don’t, Assad’s).
                    c == '\u{2019}' && !next.is_some_and(|n| n.is_alphanumeric())
                } else {
                    c == '"' || is_close(c)
                };
                if closes {
                    out.push((start..end, inner_start..i));
                    open = None;
                } else if c == '\n' {
                    // End of a paragraph with the quotation open: it goes on if the next
                    // paragraph opens with a quotation mark, else it ends here.
                    let rest = &text[end..];
                    let m = end + (rest.len() - rest.trim_start().len());
                    let reopens = char_at(m)
                        .filter(|&n| n == '"' || is_open(n) || (single && n == '\u{2018}'));
                    if let Some(n) = reopens {
                        i = m + n.len_utf8();
                        continue;
                    }
                    let inner_end = text[..i].trim_end().len().max(inner_start);
                    out.push((start..inner_end, inner_start..inner_end));
                    open = None;
                }
            }
        }
        i = end;
    }
    if let Some((start, inner_start, _)) = open {
        let inner_end = text.trim_end().len().max(inner_start);
        out.push((start..inner_end, inner_start..inner_end));
    }
    out.retain(|(_, inner)| {
        text[inner.clone()]
            .trim()
            .chars()
            .any(|c| c.is_alphanumeric())
    });
    out
}

impl Tokens<'_> {
    /// A newline between tokens `i` and `i + 1`.
    fn newline_after(&self, i: usize) -> bool {
        i + 1 < self.toks.len()
            && self.text[self.toks[i].end..self.toks[i + 1].start].contains('\n')
    }

    fn sentence_end(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Punct && matches!(self.w(i), "." | "!" | "?")
    }

    /// First token starting at or after `pos`.
    fn first_from(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }

    /// Classify tokens `lo..hi` as a speaker phrase; returns the trimmed range and kind.
    fn classify(&self, mut lo: usize, hi: usize) -> Option<(Range<usize>, SpeakerKind)> {
        while lo < hi && self.is(lo, BEFORE_STOP) {
            lo += 1;
        }
        if lo >= hi || hi - lo > 12 {
            return None;
        }
        if (lo..hi).any(|i| {
            !matches!(self.toks[i].kind, TokenKind::Word | TokenKind::Possessive)
                && !matches!(self.w(i), "-" | "." | "'")
        }) {
            return None;
        }
        let span = self.toks[lo].start..self.toks[hi - 1].end;
        if self.is(lo, PRONOUNS) {
            return (hi == lo + 1).then_some((span, SpeakerKind::Pronoun));
        }
        let det = self.is(lo, DETERMINERS);
        let post = (lo..hi).any(|i| self.is(i, &["for", "of", "at", "with", "from"]));
        let last = (lo..hi)
            .rev()
            .find(|&i| self.toks[i].kind == TokenKind::Word)?;
        let kind = if det && post {
            SpeakerKind::Role
        } else if self.cap(last) {
            SpeakerKind::Name
        } else {
            SpeakerKind::Role
        };
        // A lone lowercase word that is not a plural noun ("officials") is no speaker.
        if kind == SpeakerKind::Role && hi == lo + 1 && !self.w(lo).ends_with('s') {
            return None;
        }
        Some((span, kind))
    }

    /// The speaker phrase left of the verb at `v`, not reaching before token `lo`.
    fn before_verb(&self, v: usize, lo: usize) -> Option<(Range<usize>, SpeakerKind)> {
        let mut e = v;
        while e > lo && self.is(e - 1, BETWEEN) {
            e -= 1;
        }
        let boundary = |i: usize| {
            self.is(i, &[",", ";", ":", "(", ")"])
                || self.sentence_end(i)
                || self.toks[i].kind == TokenKind::Quote
                || self.newline_after(i)
                || self.is(i, BEFORE_STOP)
        };
        let segment_start = |end: usize| {
            let mut s = end;
            while s > lo && !boundary(s - 1) {
                s -= 1;
            }
            s
        };
        // Appositive: "Lavrov, Russia's foreign minister, said" or "The envoy, Staffan de
        // Mistura, said": prefer whichever side is a name.
        if e > lo && self.is(e - 1, &[","]) {
            let s2 = segment_start(e - 1);
            // A relative clause between commas ("De Mistura, who attended the meeting, said")
            // describes the speaker before it; the speaker is the phrase before its comma.
            if s2 > lo + 1
                && self.is(s2 - 1, &["who", "which", "whose", "whom"])
                && self.is(s2 - 2, &[","])
            {
                return self.classify(segment_start(s2 - 2), s2 - 2);
            }
            let second = self.classify(s2, e - 1);
            if second.as_ref().is_some_and(|x| x.1 == SpeakerKind::Name) {
                return second;
            }
            if s2 > lo && self.is(s2 - 1, &[","]) {
                let s1 = segment_start(s2 - 1);
                let first = self.classify(s1, s2 - 1);
                if first.as_ref().is_some_and(|x| x.1 == SpeakerKind::Name) {
                    return first;
                }
                return second.or(first);
            }
            return second;
        }
        let s = segment_start(e);
        self.classify(s, e)
    }

    /// The inverted speaker phrase right of the verb: `said the UN envoy, ...`.
    fn after_verb(&self, from: usize, hi: usize) -> Option<(Range<usize>, SpeakerKind)> {
        let mut e = from;
        while e < hi
            && !(self.is(e, &[",", ";", ":", ".", "!", "?", "(", ")"])
                || self.toks[e].kind == TokenKind::Quote
                || (e > from && self.is(e, AFTER_STOP))
                || self.reporting(e))
        {
            e += 1;
            if self.newline_after(e - 1) {
                break;
            }
        }
        self.classify(from, e)
    }

    fn speaker(
        &self,
        v: usize,
        verb_end: usize,
        found: Option<(Range<usize>, SpeakerKind)>,
    ) -> Option<Speaker> {
        found.map(|(span, kind)| Speaker {
            span,
            kind,
            verb: self.toks[v].start..self.toks[verb_end - 1].end,
            inherited: false,
        })
    }

    /// Speaker after the quotation: `"...," Lavrov said` / `"...," said Lavrov`.
    fn trailing(&self, q: &Range<usize>, inner: &Range<usize>, lim: usize) -> Option<Speaker> {
        let a = self.first_from(q.end);
        let quoted_end = self.text[inner.clone()].trim_end();
        let mut i = a;
        let comma = self.is(i, &[","]);
        if comma {
            i += 1;
        } else if !quoted_end.ends_with([',', '?', '!', '-', '\u{2014}', '\u{2013}', '\u{2026}'])
            && !quoted_end.ends_with("...")
        {
            return None;
        }
        // The tail ends at the sentence's end or the next quotation.
        let mut hi = i;
        while hi < self.toks.len()
            && self.toks[hi].start < lim
            && !self.sentence_end(hi)
            && hi - i < 25
        {
            hi += 1;
            if self.newline_after(hi - 1) {
                break;
            }
        }
        if i >= hi {
            return None;
        }
        if self.reporting(i) {
            return self.speaker(i, i + 1, self.after_verb(i + 1, hi));
        }
        if self.is(i, &["according"]) && self.is(i + 1, &["to"]) {
            return self.speaker(i, i + 2, self.after_verb(i + 2, hi));
        }
        let v = (i..hi.min(i + 14)).find(|&k| self.reporting(k))?;
        // Only the phrase before the verb: "..., the minister told reporters".
        let found = self.before_verb(v, i);
        self.speaker(v, v + 1, found)
    }

    /// Speaker before the quotation: `Lavrov said: "..."`, `he said the talks were "..."`.
    fn leading(&self, q: &Range<usize>, lo_pos: usize) -> Option<Speaker> {
        let hb = self.first_from(q.start);
        let mut lo = hb;
        while lo > 0 && self.toks[lo - 1].start >= lo_pos {
            if self.sentence_end(lo - 1) || self.newline_after(lo - 1) || hb - lo > 40 {
                break;
            }
            lo -= 1;
        }
        let v = (lo..hb).rev().find(|&k| self.reporting(k))?;
        let found = self.before_verb(v, lo);
        self.speaker(v, v + 1, found)
    }
}

/// Every direct quotation of `text`, in order, with its speaker phrase when one is found.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let spans = quote_spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    quotes_with_speakers(&DocTokens::new(text), &spans)
}

/// [`find_quotes`] over a document already tokenised.
pub fn find_quotes_in(doc: &DocTokens) -> Vec<Quote> {
    let spans = quote_spans(doc.text());
    if spans.is_empty() {
        return Vec::new();
    }
    quotes_with_speakers(doc, &spans)
}

/// The quotations at `spans` (from [`quote_spans`], not empty) with their speaker phrases.
fn quotes_with_speakers(doc: &DocTokens, spans: &[(Range<usize>, Range<usize>)]) -> Vec<Quote> {
    let text = doc.text();
    let doc = doc.all();
    let mut out: Vec<Quote> = Vec::with_capacity(spans.len());
    for (n, (span, inner)) in spans.iter().enumerate() {
        let next_start = spans.get(n + 1).map_or(text.len(), |s| s.0.start);
        let prev_end = if n > 0 { spans[n - 1].0.end } else { 0 };
        let mut speaker = doc
            .trailing(span, inner, next_start)
            .or_else(|| doc.leading(span, prev_end));
        if speaker.is_none() && n > 0 {
            speaker = continued(text, &out[n - 1], span).map(|mut s| {
                s.inherited = true;
                s
            });
        }
        out.push(Quote {
            span: span.clone(),
            inner: inner.clone(),
            speaker,
        });
    }
    out
}

/// The speaker a quotation without its own phrase continues from the previous quotation: when
/// it fills a paragraph right after the previous quotation's paragraph, or when it opens the
/// sentence right after the previous quotation's attribution in the same paragraph
/// (`"...," Lavrov said. "The talks must go on."`).
fn continued(text: &str, prev: &Quote, span: &Range<usize>) -> Option<Speaker> {
    let s = prev.speaker.clone()?;
    let gap = &text[prev.span.end..span.start];
    let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
    let alone = text[line_start..span.start].trim().is_empty()
        && text[span.end..]
            .split('\n')
            .next()
            .unwrap_or("")
            .trim()
            .is_empty();
    let paragraphs = gap.matches('\n').count();
    let punct = |t: &str| {
        t.chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | ':'))
    };
    let ok = if paragraphs == 0 {
        // `"...," Lavrov told reporters. "..."`: the attribution, the rest of its sentence, and
        // nothing else.
        if s.span.start < prev.span.end || s.span.end > span.start {
            return None;
        }
        let attribution = s.span.start.min(s.verb.start)..s.span.end.max(s.verb.end);
        let after = text[attribution.end..span.start].trim_end();
        punct(&text[prev.span.end..attribution.start])
            && after.ends_with('.')
            && after
                .matches(['.', '!', '?', '"', '\u{201C}', '\u{201D}'])
                .count()
                == 1
    } else {
        alone && punct(gap)
    };
    ok.then_some(s)
}

/// Whether a Role phrase names a body ("the ministry", "a spokesman for the ministry" does not:
/// its head is "spokesman").
fn is_body(text: &str, span: &Range<usize>) -> bool {
    let words: Vec<String> = text[span.clone()]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let head = words
        .iter()
        .position(|w| matches!(w.as_str(), "for" | "of" | "at" | "with" | "from"))
        .map_or(words.last(), |p| {
            p.checked_sub(1).and_then(|h| words.get(h))
        });
    head.is_some_and(|h| BODIES.contains(&h.as_str()))
}

/// The latest antecedent before `pos` that fits `pronoun`: "he"/"she" want a person (a name or
/// a role that is not a body), "it" a body (else a name: "Hamas said ... it said"), "they",
/// "we" and "I" anything.
fn antecedent(
    text: &str,
    ante: &[(Range<usize>, SpeakerKind)],
    pronoun: &str,
    pos: usize,
) -> Option<Range<usize>> {
    let before = || ante.iter().rev().filter(|(a, _)| a.end <= pos);
    let found = match pronoun {
        "he" | "she" => before().find(|(a, k)| *k == SpeakerKind::Name || !is_body(text, a)),
        "it" => before()
            .find(|(a, k)| *k == SpeakerKind::Role && is_body(text, a))
            .or_else(|| before().find(|(_, k)| *k == SpeakerKind::Name)),
        _ => before().next(),
    };
    found.map(|(a, _)| a.clone())
}

/// Resolve each quotation's speaker to a mention and, through `lookup`, to an actor. A pronoun
/// goes to the latest fitting mention before it: a Name or Role speaker phrase of the document
/// (of a quotation, or of any reporting verb outside quotations: `UN envoy Staffan de Mistura
/// said on Monday ...`) or a person span from [`SpeakerLookup::persons`].
pub fn attribute<L: SpeakerLookup>(
    text: &str,
    quotes: &[Quote],
    lookup: &L,
) -> Vec<Attribution<L::Actor>> {
    attribute_in(&DocTokens::new(text), quotes, lookup)
}

/// [`attribute`] over a document already tokenised.
pub fn attribute_in<L: SpeakerLookup>(
    doc: &DocTokens,
    quotes: &[Quote],
    lookup: &L,
) -> Vec<Attribution<L::Actor>> {
    attribute_wanted_in(doc, quotes, lookup, &|_| true)
}

/// [`attribute_in`] for the quotations `wanted` picks; the others keep their speaker phrase but
/// are resolved to no mention and no actor. (Antecedents are looked for only as far as a wanted
/// quotation's pronoun needs them: all of them lie before it.)
pub fn attribute_wanted_in<L: SpeakerLookup>(
    doc: &DocTokens,
    quotes: &[Quote],
    lookup: &L,
    wanted: &dyn Fn(&Quote) -> bool,
) -> Vec<Attribution<L::Actor>> {
    let text = doc.text();
    let doc = doc.all();
    let inside = |pos: usize| {
        quotes
            .iter()
            .any(|q| q.span.start <= pos && pos < q.span.end)
    };
    let pronoun_at = |q: &Quote| {
        q.speaker
            .as_ref()
            .filter(|s| s.kind == SpeakerKind::Pronoun)
            .map(|s| s.span.start)
    };
    // The last pronoun to resolve: `antecedent` takes only spans that end at or before it.
    let last_pronoun = quotes
        .iter()
        .filter(|q| wanted(q))
        .filter_map(pronoun_at)
        .max();
    // Antecedents: (span, kind).
    let mut ante: Vec<(Range<usize>, SpeakerKind)> = Vec::new();
    for (v, t) in doc.toks.iter().enumerate() {
        let Some(limit) = last_pronoun else {
            break;
        };
        // A verb's speaker phrase starts at most 30 tokens before it: from here on every
        // phrase starts (and so ends) past the last pronoun.
        if doc.toks[v.saturating_sub(30)].start > limit {
            break;
        }
        if doc.reporting(v) && !inside(t.start) {
            let mut lo = v;
            while lo > 0
                && !doc.sentence_end(lo - 1)
                && !doc.newline_after(lo - 1)
                && !inside(doc.toks[lo - 1].start)
                && v - lo < 30
            {
                lo -= 1;
            }
            if let Some((span, kind)) = doc.before_verb(v, lo) {
                if kind != SpeakerKind::Pronoun {
                    ante.push((span, kind));
                }
            }
        }
    }
    // (No wanted pronoun: no antecedent is looked up.)
    if last_pronoun.is_some() {
        for q in quotes {
            if let Some(s) = &q.speaker {
                if s.kind != SpeakerKind::Pronoun && !s.inherited {
                    ante.push((s.span.clone(), s.kind));
                }
            }
        }
        for p in lookup.persons() {
            ante.push((p, SpeakerKind::Name));
        }
        ante.sort_by_key(|(s, _)| (s.start, s.end));
        ante.dedup_by(|a, b| a.0 == b.0);
    }

    quotes
        .iter()
        .map(|q| {
            if !wanted(q) {
                return Attribution {
                    quote: q.span.clone(),
                    speaker: q.speaker.clone(),
                    mention: None,
                    actor: None,
                };
            }
            let mention = q.speaker.as_ref().and_then(|s| match s.kind {
                SpeakerKind::Name | SpeakerKind::Role => Some(s.span.clone()),
                SpeakerKind::Pronoun => {
                    let pronoun = text[s.span.clone()].to_lowercase();
                    antecedent(text, &ante, &pronoun, s.span.start)
                }
            });
            let actor = mention.clone().and_then(|m| lookup.actor(m));
            Attribution {
                quote: q.span.clone(),
                speaker: q.speaker.clone(),
                mention,
                actor,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Marks;
    use super::{is_reporting, REPORTING};

    #[test]
    fn the_reporting_filters_turn_away_only_words_off_the_list() {
        for w in REPORTING {
            assert!(is_reporting(w), "{w}");
        }
        // Every verb with one letter changed (other verbs of the list among them), and shapes
        // the filters must not trip over.
        let mut checked = 0;
        for w in REPORTING {
            for i in 0..w.len() {
                for c in b'a'..=b'z' {
                    let mut v = w.as_bytes().to_vec();
                    v[i] = c;
                    let v = String::from_utf8(v).unwrap();
                    assert_eq!(is_reporting(&v), REPORTING.contains(&v.as_str()), "{v}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 5_000, "{checked}");
        for w in [
            "",
            "s",
            "Said",
            "said.",
            "saidx",
            "acknowledgements",
            "é",
            "sé",
        ] {
            assert!(!is_reporting(w), "{w}");
        }
    }

    #[test]
    fn marks_are_the_bytes_a_plain_scan_finds() {
        let pieces: [&[u8]; 8] = [
            b"ab",
            b"\"",
            b"\n",
            "\u{201C}".as_bytes(),
            "\u{AB}".as_bytes(),
            b" ",
            "\u{2019}x".as_bytes(),
            b"cd e",
        ];
        let mut seed = 0x1234_5678_9abc_def1u64;
        for len in 0..60 {
            let mut bytes = Vec::new();
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                bytes.extend_from_slice(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let plain = |i: usize| {
                bytes[i.min(bytes.len())..]
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\n' | 0xE2 | 0xC2))
                    .map(|p| i + p)
            };
            // Forward, as quote_spans asks, stepping by one or jumping ahead.
            let mut marks = Marks::new(&bytes);
            let mut i = 0;
            while i <= bytes.len() + 1 {
                assert_eq!(marks.next_from(i), plain(i), "{bytes:?} from {i}");
                i += 1 + (seed as usize >> (i % 7)) % 3;
            }
        }
    }
}
