//! Fuzz-style robustness tests (no extra crates): random and garbage strings
//! must never panic, and offsets must always be valid.

use dyad_text::{dateline, split_sentences, tokenize, Token};

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "a",
    "Z",
    "é",
    "É",
    "ß",
    "İ",
    "Ω",
    "д",
    "中",
    "ي",
    "\u{301}",
    "\u{200D}",
    "\u{AD}",
    "0",
    "7",
    "1,000",
    "3.5",
    ".",
    "..",
    "...",
    "…",
    ",",
    ";",
    ":",
    "?",
    "!",
    "-",
    "--",
    "—",
    "–",
    "'",
    "’",
    "‘",
    "\"",
    "“",
    "”",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{A0}",
    "\u{2028}",
    "\u{2029}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{85}",
    "U.S.",
    "U.S",
    "Gen.",
    "Mr.",
    "No.",
    "No",
    "n't",
    "n’t",
    "'s",
    "’s",
    "s'",
    "'ll",
    "O'Brien",
    "p.m.",
    "a.m",
    "Russia",
    "the",
    "The",
    "VIENNA (Reuters) - ",
    "KABUL — ",
    "GENEVA:",
    ", May 17 (AP) —",
    "\u{0}",
    "\u{7F}",
    "\u{1F600}",
    "e.g.",
    "v.",
    "W.",
    "'",
    "$",
    "%",
];

fn random_doc(rng: &mut XorShift) -> String {
    let mut s = String::new();
    let len = rng.below(60);
    for _ in 0..len {
        match rng.below(10) {
            0 => {
                // Arbitrary scalar value.
                let v = (rng.next() % 0x11_0000) as u32;
                if let Some(c) = char::from_u32(v) {
                    s.push(c);
                }
            }
            1 => s.push((rng.below(128)) as u8 as char),
            _ => s.push_str(PIECES[rng.below(PIECES.len())]),
        }
    }
    s
}

fn is_skipped(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn check_tokens(doc: &str, offset: usize, toks: &[Token]) {
    let text = &doc[offset..];
    let mut prev = offset;
    for t in toks {
        assert!(t.start >= prev, "overlap in {doc:?}: {toks:?}");
        assert!(t.start < t.end, "empty token in {doc:?}");
        assert!(t.end <= doc.len(), "out of bounds in {doc:?}");
        assert!(doc.is_char_boundary(t.start) && doc.is_char_boundary(t.end));
        // Everything between tokens is skipped whitespace.
        assert!(
            doc[prev..t.start].chars().all(is_skipped),
            "uncovered text {:?} in {doc:?}",
            &doc[prev..t.start]
        );
        assert!(
            !t.text(doc).chars().any(char::is_whitespace),
            "whitespace in token in {doc:?}"
        );
        prev = t.end;
    }
    assert!(
        doc[prev..].chars().all(is_skipped),
        "uncovered tail in {text:?}"
    );
}

fn check_sentences(doc: &str) {
    let sents = split_sentences(doc);
    let dl = dateline(doc);
    let mut covered = vec![false; doc.len()];
    let mut prev = 0;
    for s in &sents {
        assert!(s.start < s.end, "empty sentence in {doc:?}");
        assert!(
            s.start >= prev,
            "sentences out of order in {doc:?}: {sents:?}"
        );
        assert!(doc.is_char_boundary(s.start) && doc.is_char_boundary(s.end));
        let text = &doc[s.start..s.end];
        assert_eq!(text, text.trim(), "untrimmed sentence in {doc:?}");
        if let Some(d) = &dl {
            assert!(
                s.end <= d.start || s.start >= d.end,
                "sentence overlaps dateline"
            );
        }
        for c in covered.iter_mut().take(s.end).skip(s.start) {
            assert!(!*c);
            *c = true;
        }
        prev = s.end;
    }
    for (i, ch) in doc.char_indices() {
        if ch.is_whitespace() {
            continue;
        }
        if let Some(d) = &dl {
            if i >= d.start && i < d.end {
                continue;
            }
        }
        assert!(
            covered[i],
            "byte {i} ({ch:?}) not covered in {doc:?}: {sents:?}"
        );
    }
}

#[test]
fn tokenize_never_panics_and_offsets_are_valid() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut toks = Vec::new();
    for _ in 0..20_000 {
        let doc = random_doc(&mut rng);
        toks.clear();
        tokenize(&doc, 0, &mut toks);
        check_tokens(&doc, 0, &toks);
        // With an offset: tokenise a suffix starting at a char boundary.
        if let Some((cut, _)) = doc.char_indices().nth(1) {
            toks.clear();
            tokenize(&doc[cut..], cut, &mut toks);
            check_tokens(&doc, cut, &toks);
        }
    }
}

#[test]
fn split_sentences_covers_every_non_space_byte_once() {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for _ in 0..20_000 {
        let doc = random_doc(&mut rng);
        check_sentences(&doc);
        let _ = dateline(&doc);
    }
}

#[test]
fn random_bytes_lossy() {
    let mut rng = XorShift(12345);
    let mut toks = Vec::new();
    for _ in 0..5_000 {
        let len = rng.below(80);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let doc = String::from_utf8_lossy(&bytes).into_owned();
        toks.clear();
        tokenize(&doc, 0, &mut toks);
        check_tokens(&doc, 0, &toks);
        check_sentences(&doc);
    }
}

#[test]
fn sentence_tokens_match_document_tokens_on_news() {
    // Tokenising each sentence separately gives the same tokens as tokenising
    // the whole document (sentence boundaries never cut a token).
    let doc = "MOSCOW, May 17 (AP) — Russia's foreign minister didn't rule out talks \
               with the U.S. The meeting, set for 2 p.m. on Tuesday, follows Gen. Smith's \
               visit. \"We will leave,\" he said. “Won’t you?” she asked.\n\nNext paragraph.";
    let d = dateline(doc).unwrap();
    let mut whole = Vec::new();
    tokenize(&doc[d.end..], d.end, &mut whole);
    let mut parts = Vec::new();
    for s in split_sentences(doc) {
        tokenize(&doc[s.start..s.end], s.start, &mut parts);
    }
    assert_eq!(whole, parts);
}
