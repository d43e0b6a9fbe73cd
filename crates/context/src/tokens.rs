//! The tokens of a document with their lower-case forms: what every context finder scans.
//!
//! A document is tokenised and lower-cased once ([`DocTokens`]); dates, places and quotes read
//! views of it ([`Tokens`]). The coder has usually tokenised the document already, so
//! [`DocTokens::from_tokens`] takes its tokens as they are.

use dyad_text::{tokenize, Token, TokenKind};
use std::borrow::Cow;
use std::ops::Range;

/// The tokens of a document (or of one stretch of it) and their lower-case forms.
pub struct DocTokens<'a> {
    text: &'a str,
    toks: Cow<'a, [Token]>,
    /// The text the tokens cover, ASCII-lower-cased, followed by the full lower-case forms of
    /// the tokens that are not ASCII; token `i` is `lower[spans[i].0..spans[i].1]`.
    lower: String,
    spans: Vec<(u32, u32)>,
}

impl<'a> DocTokens<'a> {
    /// Tokenises the whole of `text`.
    pub fn new(text: &'a str) -> Self {
        Self::of_range(text, 0..text.len())
    }

    /// Tokenises `text[range]` (a valid range on character boundaries), offsets into `text`.
    pub fn of_range(text: &'a str, range: Range<usize>) -> Self {
        let mut toks = Vec::new();
        tokenize(&text[range.clone()], range.start, &mut toks);
        Self::build(text, Cow::Owned(toks))
    }

    /// Takes tokens made by `dyad_text` over `text` (in order, offsets into `text`), such as
    /// the coder's, instead of tokenising again.
    pub fn from_tokens(text: &'a str, toks: &'a [Token]) -> Self {
        Self::build(text, Cow::Borrowed(toks))
    }

    fn build(text: &'a str, toks: Cow<'a, [Token]>) -> Self {
        // One copy of the stretch the tokens cover, lower-cased in place: an ASCII token's form
        // is its own range of it. Offsets fit u32 like the coder's.
        let base = toks.first().map_or(0, |t| t.start);
        let covered = &text[base..toks.last().map_or(base, |t| t.end)];
        let mut lower = String::with_capacity(covered.len() + 16);
        lower.push_str(covered);
        lower.make_ascii_lowercase();
        let mut spans = Vec::with_capacity(toks.len());
        if covered.is_ascii() {
            // Every token is its own range of the copy: one pass the compiler can unroll.
            spans.extend(
                toks.iter()
                    .map(|t| ((t.start - base) as u32, (t.end - base) as u32)),
            );
        } else {
            for t in toks.iter() {
                let (a, b) = (t.start - base, t.end - base);
                if covered.as_bytes()[a..b].is_ascii() {
                    spans.push((a as u32, b as u32));
                } else {
                    let from = lower.len();
                    lower.extend(covered[a..b].chars().flat_map(char::to_lowercase));
                    spans.push((from as u32, lower.len() as u32));
                }
            }
        }
        DocTokens {
            text,
            toks,
            lower,
            spans,
        }
    }

    /// The tokens that lie wholly inside `range`.
    pub(crate) fn view(&self, range: Range<usize>) -> Tokens<'_> {
        self.view_from(range, 0).0
    }

    /// [`DocTokens::view`] of a range that starts at or after token `from` (the index returned
    /// for the previous of ranges in text order), and the index just past the view. The first
    /// token is usually `from` itself, so it is looked for by walking, not by a binary search.
    pub(crate) fn view_from(&self, range: Range<usize>, from: usize) -> (Tokens<'_>, usize) {
        let mut a = from.min(self.toks.len());
        if a > 0 && self.toks[a - 1].start >= range.start {
            // Not in text order after all.
            a = self.toks.partition_point(|t| t.start < range.start);
        }
        let mut steps = 0;
        while a < self.toks.len() && self.toks[a].start < range.start {
            a += 1;
            steps += 1;
            if steps == 8 {
                a += self.toks[a..].partition_point(|t| t.start < range.start);
                break;
            }
        }
        // The view's end is usually within a sentence's length of `a` (some 20 tokens): the
        // binary search looks in the first 32, 64, ... tokens from `a` once the window's last
        // token ends past the range, not over the rest of the document (same point: the
        // tokens are in order, so the test is true up to it and false from it).
        let rest = &self.toks[a..];
        let ends_in = |t: &Token| t.end <= range.end;
        let mut w = 32;
        let b = loop {
            match rest.get(w) {
                Some(t) if !ends_in(t) => break a + rest[..w].partition_point(ends_in),
                Some(_) => w *= 2,
                None => break a + rest.partition_point(ends_in),
            }
        };
        let view = Tokens {
            text: self.text,
            toks: &self.toks[a..b],
            lower: &self.lower,
            spans: &self.spans[a..b],
        };
        (view, b)
    }

    /// Every token.
    pub(crate) fn all(&self) -> Tokens<'_> {
        Tokens {
            text: self.text,
            toks: &self.toks,
            lower: &self.lower,
            spans: &self.spans,
        }
    }

    /// The text the offsets index.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// `w` starts with an upper-case letter (the rare, non-ASCII case of [`Tokens::cap`]).
#[cold]
#[inline(never)]
fn starts_upper(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// [`FIRST`]: an ASCII byte that is not an upper-case letter.
const NOT_CAP: u8 = 0;

/// How [`Tokens::next_cap`] reads a token's first byte: [`NOT_CAP`], 1 for an ASCII capital,
/// 2 for a byte that is not ASCII.
static FIRST: [u8; 256] = {
    let mut t = [NOT_CAP; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if !b.is_ascii() {
            2
        } else if b.is_ascii_uppercase() {
            1
        } else {
            NOT_CAP
        };
        i += 1;
    }
    t
};

/// A run of consecutive tokens of a [`DocTokens`], indexed from 0.
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    lower: &'a str,
    spans: &'a [(u32, u32)],
}

impl Tokens<'_> {
    /// The lower-case form of token `i`, or "" past the end.
    #[inline]
    pub fn w(&self, i: usize) -> &str {
        match self.spans.get(i) {
            Some(&(a, b)) => &self.lower[a as usize..b as usize],
            None => "",
        }
    }

    /// The bytes of token `i`'s lower-case form ([`Tokens::w`] without the char-boundary
    /// checks of a string slice), or none past the end.
    #[inline]
    pub fn wb(&self, i: usize) -> &[u8] {
        match self.spans.get(i) {
            Some(&(a, b)) => &self.lower.as_bytes()[a as usize..b as usize],
            None => b"",
        }
    }

    /// The first byte and the length of token `i`'s lower-case form (`None` past the end, and
    /// no first byte for an empty form): [`Tokens::w`] without the checked string slice, for
    /// filters that look at no more.
    #[inline]
    pub fn head(&self, i: usize) -> Option<(Option<u8>, usize)> {
        let &(a, b) = self.spans.get(i)?;
        let len = (b - a) as usize;
        Some(((len > 0).then(|| self.lower.as_bytes()[a as usize]), len))
    }

    /// Token `i`'s lower-case form is one of `words`.
    #[inline]
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        let Some(&(a, b)) = self.spans.get(i) else {
            return false;
        };
        let w = &self.lower.as_bytes()[a as usize..b as usize];
        // Length and first byte first: most candidates differ there, and the whole comparison
        // is a call.
        words.iter().any(|x| {
            let x = x.as_bytes();
            x.len() == w.len() && x.first() == w.first() && x == w
        })
    }

    /// Token `i` is a word that starts with a capital letter.
    #[inline(always)]
    pub fn cap(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // (The first byte first, as in `next_cap`.)
        match self.text.as_bytes().get(t.start) {
            Some(b) if b.is_ascii() => {
                b.is_ascii_uppercase() && t.kind == TokenKind::Word && t.end > t.start
            }
            _ => t.kind == TokenKind::Word && t.end > t.start && starts_upper(t.text(self.text)),
        }
    }

    /// The first token from `from` on that is [`Tokens::cap`], or the number of tokens.
    #[inline]
    pub fn next_cap(&self, from: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let rest = self.toks.get(from..).unwrap_or(&[]);
        // The first byte first: most tokens are words in lower case or punctuation, which it
        // turns away alone (the same test as `cap`, in another order).
        // One table load sorts the first byte: a lower-case letter, a digit or punctuation
        // (most tokens) is turned away with one compare.
        match rest.iter().position(|t| match bytes.get(t.start) {
            Some(&b) if FIRST[usize::from(b)] == NOT_CAP => false,
            Some(&b) if b.is_ascii() => t.kind == TokenKind::Word && t.end > t.start,
            _ => t.kind == TokenKind::Word && t.end > t.start && starts_upper(t.text(text)),
        }) {
            Some(k) => from + k,
            None => self.toks.len().max(from),
        }
    }

    /// Tokens `i` and `i + 1` touch (no space between them).
    pub fn glued(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].end == self.toks[i + 1].start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_from_any_token_is_the_view() {
        let text = "ÉMILE met Putin in Moscow, Russia. Then he left for Kyiv, the capital of \
                    Ukraine, and said: \"It was a long day, a very long day.\" The end.";
        let doc = DocTokens::new(text);
        let n = doc.all().toks.len();
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let all = doc.all();
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a).step_by(3) {
                // The tokens that start at or after `a` and end by `b`, by looking at each.
                let first = all.toks.iter().take_while(|t| t.start < a).count();
                let last = first + all.toks[first..].iter().take_while(|t| t.end <= b).count();
                assert_eq!(doc.view(a..b).toks, &all.toks[first..last]);
                for from in 0..=n + 1 {
                    let (got, end) = doc.view_from(a..b, from);
                    assert_eq!(got.toks, &all.toks[first..last], "{a}..{b} from {from}");
                    assert_eq!(got.spans, &all.spans[first..last]);
                    assert_eq!(end, last);
                }
            }
        }
    }

    #[test]
    fn a_view_of_a_long_stretch_is_the_view() {
        // Views ending 0 to 200 tokens after their first token (the end is searched in windows
        // of 32, 64, ... tokens from it), in a document of some 300 tokens.
        let text = "Putin met Erdogan in Ankara, Turkey, on Monday. ".repeat(30);
        let doc = DocTokens::new(&text);
        let all = doc.all();
        let n = all.toks.len();
        for first in [0, 1, 7, 40, n - 5] {
            let a = all.toks[first].start;
            for last in first..n.min(first + 200) {
                for b in [all.toks[last].end, all.toks[last].end + 1] {
                    let want = all.toks.iter().take_while(|t| t.end <= b).count();
                    let (got, end) = doc.view_from(a..b, first);
                    assert_eq!(end, want, "{a}..{b}");
                    assert_eq!(got.toks, &all.toks[first..want]);
                }
            }
        }
    }

    #[test]
    fn views_index_the_document_and_lower_case_every_token() {
        let text = "ÉMILE met Putin in Moscow, Russia.";
        let doc = DocTokens::new(text);
        let all = doc.all();
        assert_eq!(all.w(0), "émile");
        assert_eq!(all.w(2), "putin");
        let start = text.find("Moscow").unwrap();
        let v = doc.view(start..text.len());
        assert_eq!(v.w(0), "moscow");
        assert!(v.cap(0));
        assert_eq!(v.toks[0].start, start);
        assert_eq!(v.w(2), "russia");
        assert_eq!(v.w(99), "");
        // A view ends at the last token that fits wholly.
        let cut = doc.view(0..start + 3);
        assert_eq!(cut.w(cut.toks.len() - 1), "in");
        // Borrowed tokens give the same forms as tokenising again.
        let mut toks = Vec::new();
        dyad_text::tokenize(text, 0, &mut toks);
        let shared = DocTokens::from_tokens(text, &toks);
        for i in 0..toks.len() {
            assert_eq!(shared.all().w(i), all.w(i));
        }
        // An ASCII text's forms are its own lower-cased ranges.
        let text = "The U.S. envoy met Putin in MOSCOW.";
        let doc = DocTokens::new(text);
        let v = doc.view(4..text.len());
        let want = ["u.s.", "envoy", "met", "putin", "in", "moscow", "."];
        for (i, w) in want.iter().enumerate() {
            assert_eq!(v.w(i), *w);
            assert!(v.is(i, &["x", w]));
        }
        assert_eq!(v.w(want.len()), "");
        assert!(!v.is(want.len(), &[""]));
    }
}
