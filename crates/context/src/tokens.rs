//! The tokens of a stretch of text with their lower-case forms: what every context finder scans.

use dyad_text::{tokenize, Token, TokenKind};
use std::ops::Range;

pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    pub lower: Vec<String>,
}

impl<'a> Tokens<'a> {
    /// The tokens of `text[range]`, with offsets into the whole of `text`.
    pub fn new(text: &'a str, range: Range<usize>) -> Self {
        let mut toks = Vec::new();
        tokenize(&text[range.clone()], range.start, &mut toks);
        let lower = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
        Tokens { text, toks, lower }
    }

    /// The lower-case form of token `i`, or "" past the end.
    pub fn w(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |s| s.as_str())
    }

    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.toks.len() && words.contains(&self.w(i))
    }

    /// Token `i` is a word that starts with a capital letter.
    pub fn cap(&self, i: usize) -> bool {
        i < self.toks.len()
            && self.toks[i].kind == TokenKind::Word
            && self.toks[i]
                .text(self.text)
                .starts_with(|c: char| c.is_uppercase())
    }

    /// Tokens `i` and `i + 1` touch (no space between them).
    pub fn glued(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].end == self.toks[i + 1].start
    }
}
