//! Sentence splitting over the token stream.

use crate::abbrev::{self, AbbrevClass};
use crate::dateline::dateline;
use crate::tokenize::tokenize_marked;
use crate::{Sentence, Token, TokenKind};

/// What kind of sentence terminator a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    /// `.`
    Stop,
    /// `?` `!`
    Strong,
    /// `...` `…`
    Ellipsis,
    /// A word token with an attached period (`U.S.`, `Gen.`, `p.m.`).
    Abbrev(AbbrevClass),
}

/// Sentences of a whole document, trimmed of surrounding whitespace, in
/// order; a leading dateline is excluded.
///
/// Together the sentences cover every non-whitespace byte of `doc` outside
/// the dateline exactly once.
pub fn split_sentences(doc: &str) -> Vec<Sentence> {
    split_with_tokens(doc, &mut Vec::new())
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// Like [`split_sentences`], but also returns every token of the document once (the splitter has
/// to tokenise anyway) and, for each sentence, the range of its tokens in `tokens`.
pub fn split_with_tokens(
    doc: &str,
    tokens: &mut Vec<Token>,
) -> Vec<(Sentence, std::ops::Range<usize>)> {
    tokens.clear();
    // Sized so that they seldom grow: a news sentence is some 120 bytes (the list grew four
    // times a story), and a paragraph marks a few dozen tokens at most.
    let mut out = Vec::with_capacity(doc.len() / 64 + 4);
    let mut marks = Vec::with_capacity(64);
    let mut region = |start: usize, end: usize, tokens: &mut Vec<Token>| {
        let mut pos = start;
        while pos < end {
            let pe = paragraph_end(doc, pos, end);
            // The paragraph's tokens go straight to the end of `tokens` (no copy).
            split_paragraph(doc, pos, pe, tokens, &mut marks, &mut out);
            pos = pe + 1;
        }
    };
    match dateline(doc) {
        Some(d) => {
            region(0, d.start, tokens);
            region(d.end, doc.len(), tokens);
        }
        None => region(0, doc.len(), tokens),
    }
    out
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// Most tokens are words without a final period: they need no look at their text (inlined so
/// that the splitter's loop skips them without a call).
#[inline(always)]
fn term_of(doc: &str, t: &Token) -> Option<Term> {
    match t.kind {
        TokenKind::Word if doc.as_bytes()[t.end - 1] == b'.' => term_of_text(doc, t),
        // A one-byte mark (most are commas and periods) is read here, without the call: what
        // `term_of_text` says of it (the other terminators are longer).
        TokenKind::Punct if t.end - t.start == 1 => match doc.as_bytes()[t.start] {
            b'.' => Some(Term::Stop),
            b'?' | b'!' => Some(Term::Strong),
            _ => None,
        },
        TokenKind::Punct => term_of_text(doc, t),
        _ => None,
    }
}

#[inline(never)]
fn term_of_text(doc: &str, t: &Token) -> Option<Term> {
    let s = t.text(doc);
    match t.kind {
        TokenKind::Punct => match s {
            "." => Some(Term::Stop),
            "?" | "!" | "\u{203D}" | "\u{FF1F}" | "\u{FF01}" | "\u{3002}" => Some(Term::Strong),
            "\u{2026}" => Some(Term::Ellipsis),
            _ if s.len() >= 3 && s.bytes().all(|c| c == b'.') => Some(Term::Ellipsis),
            _ => None,
        },
        TokenKind::Word if s.len() > 1 && s.ends_with('.') => Some(Term::Abbrev(abbrev_class(s))),
        _ => None,
    }
}

/// Sentence-ending behaviour of a word token that ends with a period.
fn abbrev_class(s: &str) -> AbbrevClass {
    let w = &s[..s.len() - 1];
    if w.contains('.') {
        // Initialism: U.S., U.N., a.m., e.g.
        if w.eq_ignore_ascii_case("e.g") || w.eq_ignore_ascii_case("i.e") {
            AbbrevClass::Never
        } else if w.chars().any(|c| c.is_lowercase()) {
            AbbrevClass::Final
        } else {
            AbbrevClass::Weak
        }
    } else if w.chars().nth(1).is_none() {
        // Single initial ("W.") or "v."
        AbbrevClass::Never
    } else {
        abbrev::lookup(w).map_or(AbbrevClass::Weak, |a| a.class)
    }
}

/// Tokens that attach to a preceding terminator when directly adjacent:
/// closing quotes and brackets and further terminal punctuation.
fn is_closer(doc: &str, t: &Token) -> Option<Option<Term>> {
    match t.kind {
        TokenKind::Quote => Some(None),
        TokenKind::Punct => {
            if let Some(term) = term_of(doc, t) {
                return Some(Some(term));
            }
            match t.text(doc) {
                ")" | "]" | "}" => Some(None),
                _ => None,
            }
        }
        _ => None,
    }
}

/// (number of line breaks, last line indented) for the whitespace gap
/// between two tokens. A paragraph separator counts as two line breaks.
fn gap_info(gap: &str) -> (u32, bool) {
    let b = gap.as_bytes();
    let mut nl = 0;
    let mut last_nl_end = usize::MAX;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                nl += 1;
                last_nl_end = i + 1;
            }
            b'\r' if b.get(i + 1) != Some(&b'\n') => {
                nl += 1;
                last_nl_end = i + 1;
            }
            0xC2 if b.get(i + 1) == Some(&0x85) => {
                nl += 1;
                last_nl_end = i + 2;
            }
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => {
                nl += if b[i + 2] == 0xA9 { 2 } else { 1 };
                last_nl_end = i + 3;
            }
            _ => {}
        }
        i += 1;
    }
    let indented = last_nl_end != usize::MAX && last_nl_end < b.len();
    (nl, indented)
}

/// Does the gap between two tokens contain a line break? (cheap pre-check)
#[inline]
fn may_have_newline(gap: &str) -> bool {
    gap.bytes()
        .any(|c| matches!(c, b'\n' | b'\r' | 0xC2 | 0xE2))
}

/// End of the paragraph starting at `pos`: the start of the first blank line
/// (`\n`, optional spaces/tabs/CR, `\n`) after `pos`, or `end`. A blank line
/// is an unconditional sentence boundary and no token spans it, so paragraphs
/// can be split independently (which keeps the token buffer small).
fn paragraph_end(doc: &str, pos: usize, end: usize) -> usize {
    let b = &doc.as_bytes()[..end];
    let mut i = pos;
    while let Some(off) = memchr::memchr(b'\n', &b[i..]) {
        let nl = i + off;
        let mut k = nl + 1;
        while k < end && matches!(b[k], b' ' | b'\t' | b'\r') {
            k += 1;
        }
        if k < end && b[k] == b'\n' {
            return nl;
        }
        i = k;
        if i >= end {
            break;
        }
    }
    end
}

/// Appends the tokens of `doc[start..end]` to `tokens` and its sentences to `out`, each with
/// the range of its tokens in `tokens`. A sentence is cut after a
/// token and trimmed only of whitespace, which no token holds, so its tokens are those from
/// the previous cut to its own.
fn split_paragraph(
    doc: &str,
    start: usize,
    end: usize,
    tokens: &mut Vec<Token>,
    marks: &mut Vec<u32>,
    out: &mut Vec<(Sentence, std::ops::Range<usize>)>,
) {
    if start >= end {
        return;
    }
    // Appends the paragraph's tokens to `tokens` and reads only those.
    let base = tokens.len();
    marks.clear();
    tokenize_marked(&doc[start..end], start, tokens, marks);
    let toks = &tokens[base..];
    let n = toks.len();
    let bytes = doc.as_bytes();
    let mut seg_start = start;
    let mut seg_tok = base;
    let mut i = 0;
    // Only the tokens the tokenizer marked can end a sentence or be followed by a break: the
    // loop goes from one to the next (the others are passed over as below).
    let mut marked = marks.iter().map(|&m| m as usize - base);
    while let Some(m) = marked.find(|&m| m >= i) {
        i = m;
        let t = toks[i];
        let mut j = i;
        let mut term = term_of(doc, &t);
        if term.is_none() {
            // Most tokens end nothing and are followed by nothing or one space: no split.
            match toks.get(i + 1) {
                Some(next)
                    if next.start == t.end || (next.start == t.end + 1 && bytes[t.end] == b' ') =>
                {
                    i += 1;
                    continue;
                }
                _ => {}
            }
        } else {
            // Absorb adjacent closing quotes/brackets and further terminators.
            while j + 1 < n && toks[j + 1].start == toks[j].end {
                match is_closer(doc, &toks[j + 1]) {
                    Some(extra) => {
                        if let Some(x) = extra {
                            term = Some(match (term, x) {
                                (Some(Term::Strong), _) | (_, Term::Strong) => Term::Strong,
                                (_, x) => x,
                            });
                        }
                        j += 1;
                    }
                    None => break,
                }
            }
        }
        if j + 1 >= n {
            break;
        }
        let last = toks[j];
        let next = toks[j + 1];
        if should_split(doc, term, &last, &next) {
            push_trimmed(doc, seg_start, last.end, seg_tok..base + j + 1, out);
            seg_start = last.end;
            seg_tok = base + j + 1;
        }
        i = j + 1;
    }
    push_trimmed(doc, seg_start, end, seg_tok..base + n, out);
}

fn should_split(doc: &str, term: Option<Term>, last: &Token, next: &Token) -> bool {
    // Touching tokens never split (checked before slicing the gap).
    if last.end == next.start {
        return false;
    }
    let gap = &doc[last.end..next.start];
    let (nl, indented) = if may_have_newline(gap) {
        gap_info(gap)
    } else {
        (0, false)
    };
    if nl >= 2 {
        return true;
    }
    let Some(term) = term else {
        return false;
    };
    let next_text = next.text(doc);
    let first = first_char(next_text);
    let real = matches!(term, Term::Stop | Term::Strong | Term::Ellipsis);
    if nl == 1
        && real
        && (indented
            || first.is_uppercase()
            || next.kind == TokenKind::Quote
            || matches!(next_text, "(" | "["))
    {
        return true;
    }
    match term {
        Term::Stop | Term::Strong => !first.is_lowercase(),
        Term::Ellipsis => first.is_uppercase(),
        Term::Abbrev(AbbrevClass::Never) => false,
        Term::Abbrev(AbbrevClass::Weak) => {
            next.kind == TokenKind::Word && abbrev::is_sentence_starter(next_text)
        }
        Term::Abbrev(AbbrevClass::Final) => {
            next.kind == TokenKind::Word
                && first.is_uppercase()
                && !abbrev::is_continuation(next_text)
        }
    }
}

fn push_trimmed(
    doc: &str,
    start: usize,
    end: usize,
    toks: std::ops::Range<usize>,
    out: &mut Vec<(Sentence, std::ops::Range<usize>)>,
) {
    // ASCII whitespace (what `char::is_whitespace` says of ASCII) is passed over byte by
    // byte: a sentence usually starts after one space and ends at a token's last byte. Only
    // an edge that is not ASCII goes through `trim_start` / `trim_end`, which would go on
    // from there as they would have from `start` and `end` (they drop the same prefix and
    // suffix of whitespace characters).
    let b = doc.as_bytes();
    let ws = |c: u8| c.is_ascii() && char::from(c).is_whitespace();
    let (mut a, mut z) = (start, end);
    while a < z && ws(b[a]) {
        a += 1;
    }
    while z > a && ws(b[z - 1]) {
        z -= 1;
    }
    if a < z && !(b[a].is_ascii() && b[z - 1].is_ascii()) {
        let s = &doc[a..z];
        let t = s.trim_start();
        a += s.len() - t.len();
        z = a + t.trim_end().len();
    }
    if a < z {
        out.push((Sentence { start: a, end: z }, toks));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn term_of_is_term_of_text() {
        // Every ASCII byte as a one-byte mark, and longer marks and words: the inlined test
        // says what the general one says.
        let mut docs: Vec<String> = (0..128u8).map(|c| char::from(c).to_string()).collect();
        docs.extend(
            [
                "...", "..", "\u{2026}", "\u{203D}", "\u{FF01}", "?!", "U.S.", "Mr.", "x.",
            ]
            .map(String::from),
        );
        for doc in &docs {
            for kind in [TokenKind::Punct, TokenKind::Word, TokenKind::Quote] {
                let t = Token {
                    start: 0,
                    end: doc.len(),
                    kind,
                };
                let want = match kind {
                    TokenKind::Word if !doc.ends_with('.') => None,
                    _ => term_of_text(doc, &t),
                };
                assert_eq!(term_of(doc, &t), want, "{doc:?} {kind:?}");
            }
        }
    }

    #[test]
    fn push_trimmed_is_trim_start_and_trim_end() {
        // Every range on character boundaries of texts with ASCII and other whitespace (and
        // bytes that look like it: U+001C is not whitespace, U+0085 and U+00A0 are) at and
        // near their edges: the same range as trimming the slice.
        let texts = [
            " a b ",
            "\t\n\x0b\x0c\rxy\r\n",
            "\u{1c}x\u{1c}",
            "\u{a0}x\u{a0} y\u{85}",
            "\u{3000}\u{2003} é \u{2029}",
            " é\u{a0}\u{a0}z ",
            "Zürich ",
            "   ",
            "\u{a0}",
            "a",
        ];
        for doc in texts {
            let cuts: Vec<usize> = (0..=doc.len())
                .filter(|&i| doc.is_char_boundary(i))
                .collect();
            for &start in &cuts {
                for &end in cuts.iter().filter(|&&e| e >= start) {
                    let s = &doc[start..end];
                    let t = s.trim_start();
                    let lead = s.len() - t.len();
                    let t = t.trim_end();
                    let want = (!t.is_empty()).then(|| {
                        (
                            Sentence {
                                start: start + lead,
                                end: start + lead + t.len(),
                            },
                            3..5,
                        )
                    });
                    let mut out = Vec::new();
                    push_trimmed(doc, start, end, 3..5, &mut out);
                    assert_eq!(out.pop(), want, "{doc:?} {start}..{end}");
                    assert!(out.is_empty());
                }
            }
        }
    }

    /// `split_paragraph` as it was before the tokenizer marked tokens: every token looked at.
    fn split_paragraph_every_token(
        doc: &str,
        start: usize,
        end: usize,
        tokens: &mut Vec<Token>,
        out: &mut Vec<(Sentence, std::ops::Range<usize>)>,
    ) {
        if start >= end {
            return;
        }
        let base = tokens.len();
        tokenize(&doc[start..end], start, tokens);
        let toks = &tokens[base..];
        let n = toks.len();
        let bytes = doc.as_bytes();
        let mut seg_start = start;
        let mut seg_tok = base;
        let mut i = 0;
        while i < n {
            let t = toks[i];
            let mut j = i;
            let mut term = term_of(doc, &t);
            if term.is_none() {
                match toks.get(i + 1) {
                    Some(next)
                        if next.start == t.end
                            || (next.start == t.end + 1 && bytes[t.end] == b' ') =>
                    {
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
            } else {
                while j + 1 < n && toks[j + 1].start == toks[j].end {
                    match is_closer(doc, &toks[j + 1]) {
                        Some(extra) => {
                            if let Some(x) = extra {
                                term = Some(match (term, x) {
                                    (Some(Term::Strong), _) | (_, Term::Strong) => Term::Strong,
                                    (_, x) => x,
                                });
                            }
                            j += 1;
                        }
                        None => break,
                    }
                }
            }
            if j + 1 >= n {
                break;
            }
            let last = toks[j];
            let next = toks[j + 1];
            if should_split(doc, term, &last, &next) {
                push_trimmed(doc, seg_start, last.end, seg_tok..base + j + 1, out);
                seg_start = last.end;
                seg_tok = base + j + 1;
            }
            i = j + 1;
        }
        push_trimmed(doc, seg_start, end, seg_tok..base + n, out);
    }

    /// The splitter that visits only marked tokens cuts every paragraph where the one that
    /// visits all tokens does, and the two tokenizers give the same tokens.
    #[test]
    fn marked_tokens_split_as_every_token_does() {
        const PIECES: &[&str] = &[
            " ",
            " ",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\u{A0}",
            "\u{2028}",
            "\u{200B}",
            "\u{85}",
            "\u{3000}",
            "word",
            "Word",
            "U.S.",
            "Mr.",
            "Gen.",
            "e.g.",
            "a.m.",
            ".",
            "...",
            "\u{2026}",
            "?",
            "!",
            "?!",
            ",",
            ";",
            ":",
            "\"",
            "\u{201C}",
            "\u{201D}",
            "'",
            "\u{2019}",
            "(",
            ")",
            "[",
            "]",
            "-",
            "--",
            "\u{2014}",
            "2016",
            "3.5",
            "1,000",
            "10th",
            "O'Brien",
            "didn't",
            "Russia's",
            "rebels'",
            "São",
            "Émile",
            "x",
            "I",
            "W.",
            "\u{0}",
            "\u{1C}",
            "\u{7F}",
            "$",
            "%",
            "\u{1F600}",
            "said",
            "The",
            "the",
            "No.",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below as u64) as usize
        };
        for _ in 0..30_000 {
            let len = next(40);
            let mut doc = String::new();
            for _ in 0..len {
                doc.push_str(PIECES[next(PIECES.len())]);
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let (mut ta, mut tb) = (
                vec![Token {
                    start: 0,
                    end: 1,
                    kind: TokenKind::Word,
                }],
                Vec::new(),
            );
            tb.clone_from(&ta);
            split_paragraph(&doc, 0, doc.len(), &mut ta, &mut Vec::new(), &mut a);
            split_paragraph_every_token(&doc, 0, doc.len(), &mut tb, &mut b);
            assert_eq!(ta, tb, "{doc:?}");
            assert_eq!(a, b, "{doc:?}");
        }
    }

    #[test]
    fn tokens_come_with_their_sentences() {
        let doc = "GENEVA (Reuters) - The U.S. envoy met Mr. Smith. \"We agreed,\" he said.\n\nTalks end Friday.";
        let mut tokens = Vec::new();
        let with = split_with_tokens(doc, &mut tokens);
        let plain = split_sentences(doc);
        assert_eq!(with.iter().map(|(s, _)| *s).collect::<Vec<_>>(), plain);
        for (s, range) in &with {
            let mut expected = Vec::new();
            tokenize(&doc[s.start..s.end], s.start, &mut expected);
            assert_eq!(&tokens[range.clone()], expected.as_slice());
        }
    }

    /// Each sentence's token range is the run of tokens that lie inside it, as a search by
    /// offsets finds it (how it was found before the splitter kept the cuts).
    #[test]
    fn token_ranges_are_the_tokens_inside_each_sentence() {
        let texts = [
            "GENEVA (Reuters) - The U.S. envoy met Mr. Smith. \"We agreed,\" he said.\n\nTalks end Friday.",
            "\u{200B}Lead. \u{FEFF} Next one!\u{2060} \u{200B}\n\n\u{200B}\n\nThird... Fourth?! \"Fifth.\" (Sixth.) ",
            "  A.\n\n\n   B.  C.\r\n\r\nD\u{2029}E. F\u{85}G. e.g. H. U.S. Officials met. W. Bush spoke.",
            "MOSCOW, May 3 (Reuters) - Word \u{2026} Word. \u{2028}Word\t\u{000B}.\u{001C}. 'Quote.' End",
            "",
            "   ",
            "\u{200B}",
        ];
        for doc in texts {
            let mut tokens = Vec::new();
            let with = split_with_tokens(doc, &mut tokens);
            assert_eq!(
                with.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
                split_sentences(doc)
            );
            let mut k = 0;
            for (s, range) in &with {
                k += tokens[k..].partition_point(|t| t.start < s.start);
                let first = k;
                k += tokens[k..].partition_point(|t| t.end <= s.end);
                assert_eq!(*range, first..k, "{doc:?} {s:?}");
            }
        }
    }

    fn sents(doc: &str) -> Vec<&str> {
        split_sentences(doc)
            .iter()
            .map(|s| &doc[s.start..s.end])
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            sents("Talks ended. Fighting resumed! Why? Nobody knows."),
            ["Talks ended.", "Fighting resumed!", "Why?", "Nobody knows."]
        );
        assert_eq!(sents("  One.  "), ["One."]);
        assert_eq!(sents(""), Vec::<&str>::new());
        assert_eq!(sents("   \n\n "), Vec::<&str>::new());
        assert_eq!(
            sents("No terminal punctuation"),
            ["No terminal punctuation"]
        );
    }

    #[test]
    fn abbreviations_and_titles() {
        assert_eq!(
            sents("Gen. Smith met Mr. Jones and Sen. Brown. They talked."),
            ["Gen. Smith met Mr. Jones and Sen. Brown.", "They talked."]
        );
        assert_eq!(
            sents("The U.S. Army said U.S. officials left. Russia agreed."),
            ["The U.S. Army said U.S. officials left.", "Russia agreed."]
        );
        assert_eq!(
            sents("Troops went to the U.S. The talks failed."),
            ["Troops went to the U.S.", "The talks failed."]
        );
        assert_eq!(
            sents("He flew to the U.K. Russia objected."),
            ["He flew to the U.K. Russia objected."]
        );
        assert_eq!(
            sents("George W. Bush spoke. J. Smith left."),
            ["George W. Bush spoke.", "J. Smith left."]
        );
        assert_eq!(
            sents("It starts at 2 p.m. on Tuesday. Then it ends."),
            ["It starts at 2 p.m. on Tuesday.", "Then it ends."]
        );
        assert_eq!(
            sents("The meeting ended at 5 p.m. The delegates left."),
            ["The meeting ended at 5 p.m.", "The delegates left."]
        );
        assert_eq!(
            sents("It was signed on Jan. 5 by Apple Inc. The company declined comment."),
            [
                "It was signed on Jan. 5 by Apple Inc.",
                "The company declined comment."
            ]
        );
        assert_eq!(
            sents("Toyota Motor Corp. President Akio Toyoda spoke."),
            ["Toyota Motor Corp. President Akio Toyoda spoke."]
        );
        assert_eq!(
            sents("They met at 3 p.m. Officials declined comment. It began at 9 a.m. Monday."),
            [
                "They met at 3 p.m.",
                "Officials declined comment.",
                "It began at 9 a.m. Monday."
            ]
        );
        assert_eq!(
            sents("Troops fought in World War I. The war ended."),
            ["Troops fought in World War I.", "The war ended."]
        );
        assert_eq!(
            sents("He moved to Washington, D.C. The city was quiet."),
            ["He moved to Washington, D.C.", "The city was quiet."]
        );
        assert_eq!(
            sents("Talks vs. war. No. 10 said."),
            ["Talks vs. war.", "No. 10 said."]
        );
        assert_eq!(
            sents("Guns, tanks, etc. were seized. Later, e.g. Monday, more."),
            [
                "Guns, tanks, etc. were seized.",
                "Later, e.g. Monday, more."
            ]
        );
    }

    #[test]
    fn numbers_and_ellipses() {
        assert_eq!(
            sents("Inflation hit 3.5 percent. It was 1,000 in 2016. Prices rose."),
            [
                "Inflation hit 3.5 percent.",
                "It was 1,000 in 2016.",
                "Prices rose."
            ]
        );
        assert_eq!(
            sents("We will... we must fight... The end."),
            ["We will... we must fight...", "The end."]
        );
        assert_eq!(sents("Wait… Then go."), ["Wait…", "Then go."]);
    }

    #[test]
    fn quotes_and_brackets() {
        assert_eq!(
            sents("He said, \"We will leave.\" Then he left."),
            ["He said, \"We will leave.\"", "Then he left."]
        );
        assert_eq!(
            sents("He said, “We will leave.” Then he left."),
            ["He said, “We will leave.”", "Then he left."]
        );
        assert_eq!(
            sents("\"Why?\" he asked. \"Go!\" She left."),
            ["\"Why?\" he asked.", "\"Go!\"", "She left."]
        );
        assert_eq!(
            sents("He said: \"They told me 'leave now.'\" Then silence."),
            ["He said: \"They told me 'leave now.'\"", "Then silence."]
        );
        assert_eq!(
            sents("The vote passed (by 5 votes.) Critics objected."),
            ["The vote passed (by 5 votes.)", "Critics objected."]
        );
        assert_eq!(
            sents("He left. \"We will return,\" he said."),
            ["He left.", "\"We will return,\" he said."]
        );
    }

    #[test]
    fn paragraphs_and_headlines() {
        assert_eq!(
            sents("Rebels seize town\n\nRebels seized the town on Monday.\nThey said so."),
            [
                "Rebels seize town",
                "Rebels seized the town on Monday.",
                "They said so."
            ]
        );
        assert_eq!(
            sents("The end of a paragraph\n\nwithout punctuation"),
            ["The end of a paragraph", "without punctuation"]
        );
        // Hard-wrapped line: no split.
        assert_eq!(
            sents("Officials said the\ntalks would resume."),
            ["Officials said the\ntalks would resume."]
        );
        // Newline after terminal punctuation followed by an indented line.
        assert_eq!(
            sents("It ended.\n  and then\nmore"),
            ["It ended.", "and then\nmore"]
        );
        // Abbreviation at the end of a paragraph.
        assert_eq!(
            sents("He went to the U.S.\r\n\r\nRussia objected."),
            ["He went to the U.S.", "Russia objected."]
        );
        assert_eq!(
            sents("Hard wrap after Gen.\nSmith spoke."),
            ["Hard wrap after Gen.\nSmith spoke."]
        );
    }

    #[test]
    fn dateline_excluded() {
        let doc = "VIENNA (Reuters) - Iran and the U.S. met. Talks ended.";
        assert_eq!(sents(doc), ["Iran and the U.S. met.", "Talks ended."]);
        let doc = "Headline here\n\nKABUL — A bomb exploded. Ten died.";
        assert_eq!(
            sents(doc),
            ["Headline here", "A bomb exploded.", "Ten died."]
        );
    }

    #[test]
    fn multibyte_offsets() {
        let doc = "“Café é.” Élysée said. Zoë’s “plan” failed…  Naïve?";
        assert_eq!(
            sents(doc),
            [
                "“Café é.”",
                "Élysée said.",
                "Zoë’s “plan” failed…",
                "Naïve?"
            ]
        );
    }
}
