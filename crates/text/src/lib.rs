//! `dyad-text`: sentence splitting and tokenisation of raw English news text.
//!
//! This crate is the first stage of the dyad coder's hot path. It turns raw
//! article text into [`Sentence`] spans and [`Token`] spans that the
//! dictionary and coder crates match against.
//!
//! Invariants:
//!
//! * **Offsets index the original text.** Every `start`/`end` pair produced by
//!   this crate is a byte range of the exact string the caller passed in (plus
//!   the caller-supplied `offset` for [`tokenize`]), always on `char`
//!   boundaries, so `&doc[t.start..t.end]` is always valid. Nothing is ever
//!   rewritten in place; normalisation is a separate step
//!   ([`normalize_into`]) that writes into a caller-owned buffer.
//! * **Tokens are increasing and non-overlapping**, never empty, and never
//!   contain whitespace. Every non-whitespace character of the input is
//!   covered by exactly one token, except a few invisible format characters
//!   (U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF BOM) which are
//!   skipped like whitespace.
//! * **Sentences** are trimmed of surrounding whitespace, in document order,
//!   and together cover every non-whitespace byte of the document outside a
//!   leading [`dateline`] exactly once.
//! * **Deterministic**: the output depends only on the input text; there is
//!   no global state, no locale and no randomness.
//!
//! The implementation is byte-oriented with an ASCII fast path: no regular
//! expressions and no allocation per token (tokens are pushed into a
//! caller-supplied `Vec`).

mod abbrev;
mod dateline;
mod normalize;
mod sentence;
mod tokenize;

pub use dateline::dateline;
pub use normalize::normalize_into;
pub use sentence::{split_sentences, split_with_tokens};
pub use tokenize::{is_alnum_byte, is_alnum_word, tokenize};

/// The coarse class of a [`Token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters/digits (with internal apostrophes, e.g. `O'Brien`), abbreviations
    /// with their periods (`U.S.`, `Gen.`), and contractions (`'ll`, `'re`, ...).
    Word,
    /// Digits with internal `,` or `.` between digits: `1,000`, `3.5`, `2016`.
    Number,
    /// Any other single non-space character; `...` and `--` are single tokens.
    Punct,
    /// Quotation marks: `"` `“` `”` `«` `»`, and `'` `‘` `’` used as quotes.
    Quote,
    /// `'s` / `’s` after a word, or a bare `'` after a word ending in `s`.
    Possessive,
    /// PTB-style `n't` split off a verb: `did` + `n't`.
    Negation,
}

/// A token: a byte span of the original document plus its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte of the token in the document.
    pub start: usize,
    /// Byte offset one past the last byte of the token in the document.
    pub end: usize,
    /// The token's kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text within `doc` (the document its offsets refer to).
    #[inline]
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// A sentence: a byte span of the original document, trimmed of whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first byte of the sentence.
    pub start: usize,
    /// Byte offset one past the last byte of the sentence.
    pub end: usize,
}

/// A leading news dateline such as `VIENNA (Reuters) -`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Byte offset where the dateline starts.
    pub start: usize,
    /// Byte offset just past the dateline's dash (or colon).
    pub end: usize,
    /// The place as written, e.g. `"VIENNA"` or `"ST. PETERSBURG"`.
    pub place: String,
}

/// Characters skipped by the tokenizer besides Unicode whitespace.
#[inline]
pub(crate) fn is_invisible(ch: char) -> bool {
    matches!(ch, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Whitespace or an invisible format character.
#[inline]
pub(crate) fn is_space_like(ch: char) -> bool {
    ch.is_whitespace() || is_invisible(ch)
}
