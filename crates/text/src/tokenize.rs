//! Byte-oriented tokenizer with an ASCII fast path.

use crate::abbrev;
use crate::{is_invisible, Token, TokenKind};

const SP: u8 = 0; // ASCII whitespace
const AL: u8 = 1; // ASCII letter
const DI: u8 = 2; // ASCII digit
const AP: u8 = 3; // '
const DQ: u8 = 4; // "
const PE: u8 = 5; // .
const HY: u8 = 6; // -
const PU: u8 = 7; // other ASCII
const NA: u8 = 8; // non-ASCII lead/continuation byte

const fn build_class() -> [u8; 256] {
    let mut t = [PU; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            NA
        } else if b.is_ascii_alphabetic() {
            AL
        } else if b.is_ascii_digit() {
            DI
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            SP
        } else if b == b'\'' {
            AP
        } else if b == b'"' {
            DQ
        } else if b == b'.' {
            PE
        } else if b == b'-' {
            HY
        } else {
            PU
        };
        i += 1;
    }
    t
}

static CLASS: [u8; 256] = build_class();

/// ASCII letters and digits: the bytes of a plain word.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// [`AFTER`]: a byte after a run of ASCII letters and digits ends a plain word there (it is
/// ASCII and neither `.` nor `'`, which may continue or abbreviate it).
const ENDS_WORD: u8 = 1;
/// [`AFTER`]: a token starts at this byte (ASCII, not a space).
const AT_ONCE: u8 = 2;
/// [`AFTER`]: the byte is `' '`.
const SPACE: u8 = 4;

/// What a byte after a word tells: [`ENDS_WORD`], [`AT_ONCE`], [`SPACE`].
static AFTER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b != b'.' && b != b'\'' {
            t[i] |= ENDS_WORD;
        }
        if CLASS[i] != SP {
            t[i] |= AT_ONCE;
        }
        if b == b' ' {
            t[i] |= SPACE;
        }
        i += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits in `b` from `k` on.
///
/// Eight bytes at a time: the loop's exit (where a word ends) is one data-dependent branch per
/// word instead of one per byte, and it mispredicted at most word ends.
#[inline]
pub(crate) fn alnum_end(b: &[u8], mut k: usize) -> usize {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(k..k + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // No ASCII byte's sum below carries into the next byte, so an ASCII byte with only
        // ASCII bytes before it is judged exactly. A byte that is not ASCII is never judged a
        // digit or a letter (from 0x80 up, `ge(0x30)` is set only where `gt(0x39)` is too,
        // and likewise in the letter test), so it is a stop; what its carries do to the bytes after it
        // does not matter, as only the first stop is read. Hence no mask clearing the high
        // bits first and no `| x` marking those bytes (tests check every byte value).
        // High bit of a byte set when it is >= lo (`ge`) or > hi (`gt`).
        let ge = |lo: u64| x.wrapping_add((0x80 - lo) * L) & H;
        let gt = |hi: u64| x.wrapping_add((0x7f - hi) * L) & H;
        let digit = ge(0x30) & !gt(0x39);
        // A byte folded by `| 0x20` is in `a..=z` exactly when it is an ASCII letter.
        let z = x | (0x20 * L);
        let letter = z.wrapping_add((0x80 - 0x61) * L) & !z.wrapping_add((0x7f - 0x7a) * L) & H;
        let stop = !(digit | letter) & H;
        if stop != 0 {
            return k + (stop.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while k < b.len() && ALNUM[b[k] as usize] {
        k += 1;
    }
    k
}

/// `b` is an ASCII letter or digit: one table load, not two range tests (for loops over every
/// byte of a word).
#[inline]
pub fn is_alnum_byte(b: u8) -> bool {
    ALNUM[b as usize]
}

/// `w` is all ASCII letters and digits (a plain word).
pub fn is_alnum_word(w: &str) -> bool {
    w.bytes().all(|b| ALNUM[b as usize])
}

/// Decode the char starting at byte `i` (which must be a char boundary).
#[inline]
pub(crate) fn decode(s: &str, i: usize) -> (char, usize) {
    match s[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => ('\0', 1),
    }
}

/// Combining marks and joiners that continue a word.
#[inline]
fn is_mark(ch: char) -> bool {
    matches!(ch as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06ED
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0x00AD
        | 0x200C
        | 0x200D)
}

/// Can `ch` continue a word?
#[inline]
fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || is_mark(ch)
}

/// Quotation marks that are always `Quote` tokens (single curly quotes are
/// handled separately because they double as apostrophes).
#[inline]
fn is_quote_char(ch: char) -> bool {
    matches!(
        ch,
        '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{301D}'
            | '\u{301E}'
            | '\u{FF02}'
    )
}

/// Tokenise `text`, which starts at byte `offset` of the document; pushes
/// tokens whose start/end are `offset` + local byte offsets.
///
/// Never panics; tokens are non-empty, increasing, non-overlapping and on
/// char boundaries. No allocation besides growing `out`.
pub fn tokenize(text: &str, offset: usize, out: &mut Vec<Token>) {
    let mut t = Tokenizer::<false> {
        s: text,
        b: text.as_bytes(),
        off: offset,
        out,
        marks: &mut Vec::new(),
        after_word: usize::MAX,
        open_single: false,
        #[cfg(test)]
        slow_only: false,
    };
    t.run();
}

/// [`tokenize`], also pushing to `marks` the index in `out` of every token that the sentence
/// splitter needs to look at: all but the plain words (ASCII letters and digits, so with no
/// final period) that the next token follows at once or after one space. A token left out ends
/// no sentence and is followed by no break; one put in may still do neither.
pub(crate) fn tokenize_marked(
    text: &str,
    offset: usize,
    out: &mut Vec<Token>,
    marks: &mut Vec<u32>,
) {
    let mut t = Tokenizer::<true> {
        s: text,
        b: text.as_bytes(),
        off: offset,
        out,
        marks,
        after_word: usize::MAX,
        open_single: false,
        #[cfg(test)]
        slow_only: false,
    };
    t.run();
}

enum Apos {
    /// Internal apostrophe (O'Brien): continue the word at this position.
    Inner(usize),
    /// End the word before the apostrophe.
    Stop,
    /// The word and a negation were emitted; resume at this position.
    Done(usize),
}

/// `MARK`: whether tokens the splitter must look at go to `marks` ([`tokenize_marked`]).
struct Tokenizer<'a, 'o, const MARK: bool> {
    s: &'a str,
    b: &'a [u8],
    off: usize,
    out: &'o mut Vec<Token>,
    marks: &'o mut Vec<u32>,
    /// Local end of the last Word/Number token (usize::MAX if none adjacent). Whether that
    /// token ended in `s`/`S` is read from the byte before, when an apostrophe asks: a number
    /// ends in a digit and a word with a period attached in `.`, so that byte tells it for
    /// every token that sets this (not storing it spared a load and a store a word).
    after_word: usize,
    /// An opening single quote is pending (reset at newlines).
    open_single: bool,
    /// Every word through the general path (tests hold the fast path to it).
    #[cfg(test)]
    slow_only: bool,
}

impl<const MARK: bool> Tokenizer<'_, '_, MARK> {
    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.push_unmarked(start, end, kind);
        if MARK {
            self.mark_last();
        }
    }

    #[inline]
    fn push_unmarked(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(Token {
            start: start + self.off,
            end: end + self.off,
            kind,
        });
    }

    /// The last token pushed is one the splitter must look at.
    #[inline]
    fn mark_last(&mut self) {
        self.marks.push((self.out.len() - 1) as u32);
    }

    /// Is there a word character (letter, digit, mark) at `i`?
    #[inline]
    fn word_char_at(&self, i: usize) -> bool {
        match self.b.get(i) {
            None => false,
            Some(&c) if c < 0x80 => c.is_ascii_alphanumeric(),
            Some(_) => is_word_char(decode(self.s, i).0),
        }
    }

    /// Is there a letter at `i`?
    #[inline]
    fn letter_at(&self, i: usize) -> bool {
        match self.b.get(i) {
            None => false,
            Some(&c) if c < 0x80 => c.is_ascii_alphabetic(),
            Some(_) => decode(self.s, i).0.is_alphabetic(),
        }
    }

    fn run(&mut self) {
        let b = self.b;
        let n = b.len();
        let mut i = 0;
        while i < n {
            let c = b[i];
            // Most gaps are one space and most tokens ASCII words: both are taken by conditional
            // branches, which follow the alternation, before the class table's jump, an
            // indirect branch that mispredicted at most tokens.
            if c == b' ' {
                i += 1;
                continue;
            }
            let class = CLASS[c as usize];
            if class == AL {
                i = self.word(i);
                continue;
            }
            match class {
                SP => {
                    if c == b'\n' {
                        self.open_single = false;
                    }
                    i += 1;
                }
                AL => i = self.word_slow(i), // (not reached: taken above)
                DI => i = self.number(i),
                AP => i = self.apostrophe(i, 1),
                DQ => {
                    self.push(i, i + 1, TokenKind::Quote);
                    i += 1;
                }
                PE => {
                    let mut j = i + 1;
                    while j < n && b[j] == b'.' {
                        j += 1;
                    }
                    let end = if j - i >= 3 { j } else { i + 1 };
                    self.push(i, end, TokenKind::Punct);
                    i = end;
                }
                HY => {
                    let mut j = i + 1;
                    while j < n && b[j] == b'-' {
                        j += 1;
                    }
                    let end = if j - i >= 2 { j } else { i + 1 };
                    self.push(i, end, TokenKind::Punct);
                    i = end;
                }
                PU => {
                    self.push(i, i + 1, TokenKind::Punct);
                    i += 1;
                }
                _ => {
                    let (ch, len) = decode(self.s, i);
                    if ch.is_whitespace() || is_invisible(ch) {
                        if matches!(ch, '\u{2028}' | '\u{2029}' | '\u{85}') {
                            self.open_single = false;
                        }
                        i += len;
                    } else if ch.is_alphanumeric() {
                        // (`word`'s fast path is for ASCII only.)
                        i = self.word_slow(i);
                    } else if ch == '\u{2019}' || ch == '\u{2018}' {
                        i = self.apostrophe(i, len);
                    } else if is_quote_char(ch) {
                        self.push(i, i + len, TokenKind::Quote);
                        i += len;
                    } else {
                        self.push(i, i + len, TokenKind::Punct);
                        i += len;
                    }
                }
            }
        }
    }

    /// An apostrophe-like character (`'`, `’`, `‘`) at `i`, of byte length
    /// `alen`, outside a word.
    fn apostrophe(&mut self, i: usize, alen: usize) -> usize {
        let j = i + alen;
        if self.after_word == i {
            self.after_word = usize::MAX;
            if let Some((l, kind)) = self.suffix(j) {
                self.push(i, j + l, kind);
                return j + l;
            }
            // (`i` is the end of a non-empty token, so `i >= 1`.)
            let ends_in_s = self.b[i - 1] | 0x20 == b's';
            if !self.word_char_at(j) && ends_in_s && !self.open_single {
                self.push(i, j, TokenKind::Possessive);
                return j;
            }
            // Closing quote.
            self.open_single = false;
            self.push(i, j, TokenKind::Quote);
            return j;
        }
        self.open_single = self.word_char_at(j);
        self.push(i, j, TokenKind::Quote);
        j
    }

    /// A contraction suffix (`s`, `d`, `m`, `ll`, `re`, `ve`) starting at `j`
    /// (just after an apostrophe) and followed by a non-word character.
    #[inline]
    fn suffix(&self, j: usize) -> Option<(usize, TokenKind)> {
        let b = self.b;
        let c0 = *b.get(j)? | 0x20;
        let (len, kind) = match c0 {
            b's' => (1, TokenKind::Possessive),
            b'd' | b'm' => (1, TokenKind::Word),
            b'l' | b'r' | b'v' => {
                let c1 = *b.get(j + 1)? | 0x20;
                let want = match c0 {
                    b'l' => b'l',
                    _ => b'e',
                };
                if c1 != want {
                    return None;
                }
                (2, TokenKind::Word)
            }
            _ => return None,
        };
        if self.word_char_at(j + len) {
            None
        } else {
            Some((len, kind))
        }
    }

    /// Digits with internal `,`/`.` between digits. Falls through to a word
    /// when letters follow without separators (`10th`, `1990s`).
    fn number(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let mut k = i;
        while k < n && b[k].is_ascii_digit() {
            k += 1;
        }
        let mut sep = false;
        while k + 1 < n && (b[k] == b',' || b[k] == b'.') && b[k + 1].is_ascii_digit() {
            k += 1;
            while k < n && b[k].is_ascii_digit() {
                k += 1;
            }
            sep = true;
        }
        if !sep && self.word_char_at(k) {
            return self.word_from(i, k);
        }
        self.push(i, k, TokenKind::Number);
        self.after_word = k;
        k
    }

    /// A word starting at `i` (an ASCII letter).
    #[inline(always)]
    fn word(&mut self, i: usize) -> usize {
        // Most words are a run of ASCII letters and digits ended by a space or punctuation that
        // neither continues nor abbreviates it: emitted here without the general path. A run
        // of two or more bytes, or one not followed by '.', starts no initialism.
        let b = self.b;
        #[cfg(test)]
        if self.slow_only {
            return self.word_slow(i);
        }
        // (No test that `b[i]` is ASCII: the caller found an ASCII letter there.)
        let k = alnum_end(b, i + 1);
        let after = b.get(k).map_or(ENDS_WORD, |&c| AFTER[c as usize]);
        if after & ENDS_WORD != 0 {
            self.push_unmarked(i, k, TokenKind::Word);
            // The next token follows at once or after one space: the splitter can pass
            // this word over.
            if MARK
                && after & AT_ONCE == 0
                && !(after & SPACE != 0
                    && b.get(k + 1)
                        .is_some_and(|&c| AFTER[c as usize] & AT_ONCE != 0))
            {
                self.mark_last();
            }
            self.after_word = k;
            return k;
        }
        // A run of two or more bytes starts no initialism (a letter and a period come
        // first): the general path goes on from its end instead of reading it again.
        if k > i + 1 {
            return self.word_from(i, k);
        }
        self.word_slow(i)
    }

    /// [`Tokenizer::word`] for words that may be initialisms, abbreviations, contractions or
    /// not ASCII.
    #[inline(never)]
    fn word_slow(&mut self, i: usize) -> usize {
        // An ASCII letter not followed by '.' starts no initialism: skip the call.
        let maybe_initialism = self.b[i] >= 0x80 || self.b.get(i + 1) == Some(&b'.');
        if let Some(end) = maybe_initialism.then(|| self.initialism(i)).flatten() {
            self.push(i, end, TokenKind::Word);
            self.after_word = end;
            return end;
        }
        self.word_from(i, i)
    }

    /// `letter . letter .` (at least two pairs): `U.S.`, `a.m.`, `J.R.R.`.
    fn initialism(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let n = b.len();
        let mut k = i;
        let mut pairs = 0;
        while k < n {
            let (ch, len) = if b[k] < 0x80 {
                (b[k] as char, 1)
            } else {
                decode(self.s, k)
            };
            if !ch.is_alphabetic() || k + len >= n || b[k + len] != b'.' {
                break;
            }
            pairs += 1;
            k += len + 1;
        }
        // A following letter/digit means something like "e.gx": not ours;
        // a following '.' would be an ellipsis.
        if pairs >= 2 && !self.word_char_at(k) && b.get(k) != Some(&b'.') {
            Some(k)
        } else {
            None
        }
    }

    /// Continue a word that started at `start`, currently at `k`.
    fn word_from(&mut self, start: usize, mut k: usize) -> usize {
        let b = self.b;
        let n = b.len();
        while k < n {
            // Runs of ASCII letters and digits, the common case, in a tight loop.
            k = alnum_end(b, k);
            if k >= n {
                break;
            }
            let c = b[k];
            if c < 0x80 {
                if c.is_ascii_alphanumeric() {
                    k += 1;
                    continue;
                }
                if c == b'\'' {
                    match self.inner_apos(start, k, 1) {
                        Apos::Inner(j) => {
                            k = j;
                            continue;
                        }
                        Apos::Stop => break,
                        Apos::Done(j) => return j,
                    }
                }
                break;
            }
            let (ch, len) = decode(self.s, k);
            if is_word_char(ch) {
                k += len;
                continue;
            }
            if ch == '\u{2019}' || ch == '\u{2018}' {
                match self.inner_apos(start, k, len) {
                    Apos::Inner(j) => {
                        k = j;
                        continue;
                    }
                    Apos::Stop => break,
                    Apos::Done(j) => return j,
                }
            }
            break;
        }
        self.finish_word(start, k)
    }

    /// An apostrophe at `k` inside a word that started at `start`.
    fn inner_apos(&mut self, start: usize, k: usize, alen: usize) -> Apos {
        let b = self.b;
        let j = k + alen;
        if !self.letter_at(j) {
            return Apos::Stop;
        }
        // n't
        if k > start && b[k - 1] | 0x20 == b'n' && b[j] | 0x20 == b't' && !self.word_char_at(j + 1)
        {
            if k - 1 > start {
                self.push(start, k - 1, TokenKind::Word);
            }
            self.push(k - 1, j + 1, TokenKind::Negation);
            self.after_word = usize::MAX;
            return Apos::Done(j + 1);
        }
        if self.suffix(j).is_some() {
            return Apos::Stop;
        }
        Apos::Inner(j)
    }

    /// Emit the word `start..k`, attaching a following period if the word is
    /// an abbreviation or a single capital initial.
    fn finish_word(&mut self, start: usize, k: usize) -> usize {
        let b = self.b;
        let mut end = k;
        if k < b.len()
            && b[k] == b'.'
            && b.get(k + 1) != Some(&b'.')
            && self.attach_period(start, k)
        {
            end = k + 1;
        }
        self.push(start, end, TokenKind::Word);
        self.after_word = end;
        end
    }

    fn attach_period(&self, start: usize, k: usize) -> bool {
        let w = &self.s[start..k];
        let mut chars = w.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            // Single capital initial ("George W. Bush") or "v." ("Roe v. Wade");
            // not "I" ("World War I.").
            return (c.is_uppercase() && c != 'I') || c == 'v';
        }
        match abbrev::lookup(w) {
            Some(a) if a.needs_digit => {
                let b = self.b;
                let mut j = k + 1;
                if b.get(j) == Some(&b' ') {
                    j += 1;
                }
                b.get(j).is_some_and(|c| c.is_ascii_digit())
            }
            Some(_) => true,
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenKind::*;

    fn toks(s: &str) -> Vec<(String, TokenKind)> {
        let mut v = Vec::new();
        tokenize(s, 0, &mut v);
        v.iter().map(|t| (t.text(s).to_string(), t.kind)).collect()
    }

    fn texts(s: &str) -> Vec<String> {
        toks(s).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn words_and_hyphens() {
        assert_eq!(texts("al-Shabaab"), ["al", "-", "Shabaab"]);
        assert_eq!(
            texts("Russian-backed rebels"),
            ["Russian", "-", "backed", "rebels"]
        );
        assert_eq!(toks("O'Brien")[0], ("O'Brien".into(), Word));
        assert_eq!(toks("O’Brien")[0], ("O’Brien".into(), Word));
        assert_eq!(texts("Sana'a"), ["Sana'a"]);
        assert_eq!(texts("a -- b --- c"), ["a", "--", "b", "---", "c"]);
        assert_eq!(texts("F-16s"), ["F", "-", "16s"]);
        assert_eq!(texts("Zürich São Paulo"), ["Zürich", "São", "Paulo"]);
        // Decomposed é (e + combining acute) stays in one word.
        assert_eq!(texts("Pe\u{301}rez"), ["Pe\u{301}rez"]);
    }

    #[test]
    fn abbreviations() {
        assert_eq!(
            texts("U.S. and U.N. and U.K. and E.U. officials"),
            [
                "U.S.",
                "and",
                "U.N.",
                "and",
                "U.K.",
                "and",
                "E.U.",
                "officials"
            ]
        );
        assert_eq!(
            texts("Gen. Mr. Mrs. Dr. Sen. Rep. Gov. Lt. Col. Sgt. Capt. Maj. St. Jr. Sr."),
            [
                "Gen.", "Mr.", "Mrs.", "Dr.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Sgt.",
                "Capt.", "Maj.", "St.", "Jr.", "Sr."
            ]
        );
        assert_eq!(
            texts("Jan. Feb. Sept. Oct. Dec. Inc. Corp. Ltd. Co. vs. etc. Prof. Adm. Brig. Cmdr. Mt. Ft."),
            [
                "Jan.", "Feb.", "Sept.", "Oct.", "Dec.", "Inc.", "Corp.", "Ltd.", "Co.", "vs.",
                "etc.", "Prof.", "Adm.", "Brig.", "Cmdr.", "Mt.", "Ft."
            ]
        );
        assert_eq!(texts("in May."), ["in", "May", "."]);
        assert_eq!(texts("at 2 p.m. on"), ["at", "2", "p.m.", "on"]);
        assert_eq!(texts("9 a.m."), ["9", "a.m."]);
        assert_eq!(texts("George W. Bush"), ["George", "W.", "Bush"]);
        assert_eq!(texts("J.R.R. Tolkien"), ["J.R.R.", "Tolkien"]);
        assert_eq!(texts("No. 10 said no."), ["No.", "10", "said", "no", "."]);
        assert_eq!(texts("He said No. Then"), ["He", "said", "No", ".", "Then"]);
        assert_eq!(
            texts("the U.S.-led force"),
            ["the", "U.S.", "-", "led", "force"]
        );
        assert_eq!(texts("the talks ended."), ["the", "talks", "ended", "."]);
        assert_eq!(texts("GEN. SMITH"), ["GEN.", "SMITH"]);
        assert_eq!(texts("Roe v. Wade"), ["Roe", "v.", "Wade"]);
        assert_eq!(texts("World War I."), ["World", "War", "I", "."]);
        assert_eq!(texts("Élan É. Smith"), ["Élan", "É.", "Smith"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(toks("1,000")[0], ("1,000".into(), Number));
        assert_eq!(toks("3.5")[0], ("3.5".into(), Number));
        assert_eq!(
            toks("2016.")[..],
            [("2016".into(), Number), (".".into(), Punct)]
        );
        assert_eq!(
            texts("5% of 1,000,000."),
            ["5", "%", "of", "1,000,000", "."]
        );
        assert_eq!(toks("10th")[0], ("10th".into(), Word));
        assert_eq!(
            texts("$3.5 billion, 12"),
            ["$", "3.5", "billion", ",", "12"]
        );
        assert_eq!(texts("1990's"), ["1990", "'s"]);
    }

    #[test]
    fn possessives_and_negations() {
        assert_eq!(
            toks("Russia's")[..],
            [("Russia".into(), Word), ("'s".into(), Possessive)]
        );
        assert_eq!(
            toks("Russia’s")[..],
            [("Russia".into(), Word), ("’s".into(), Possessive)]
        );
        assert_eq!(
            toks("rebels' ")[..],
            [("rebels".into(), Word), ("'".into(), Possessive)]
        );
        assert_eq!(
            toks("rebels’")[..],
            [("rebels".into(), Word), ("’".into(), Possessive)]
        );
        assert_eq!(
            toks("didn't")[..],
            [("did".into(), Word), ("n't".into(), Negation)]
        );
        assert_eq!(
            texts("can't won't DON'T isn’t"),
            ["ca", "n't", "wo", "n't", "DO", "N'T", "is", "n’t"]
        );
        assert_eq!(toks("isn’t")[1].1, Negation);
        assert_eq!(
            texts("we'll they're I've he'd I'm"),
            ["we", "'ll", "they", "'re", "I", "'ve", "he", "'d", "I", "'m"]
        );
        assert_eq!(toks("we'll")[1].1, Word);
        assert_eq!(texts("O'Brien's"), ["O'Brien", "'s"]);
        assert_eq!(texts("the U.S.'s role"), ["the", "U.S.", "'s", "role"]);
    }

    #[test]
    fn quotes() {
        let s = "He said, \"We will leave.\" “Yes,” she said. «Non» 'peace' plan ‘talks’";
        let v = toks(s);
        let q: Vec<&str> = v
            .iter()
            .filter(|(_, k)| *k == Quote)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(q, ["\"", "\"", "“", "”", "«", "»", "'", "'", "‘", "’"]);
        // Closing quote after a word ending in s inside an open single quote.
        assert_eq!(toks("the 'rebels' said")[3], ("'".into(), Quote));
    }

    #[test]
    fn punct() {
        assert_eq!(
            texts("wait... what… (yes)!?"),
            ["wait", "...", "what", "…", "(", "yes", ")", "!", "?"]
        );
        assert_eq!(texts("a..b"), ["a", ".", ".", "b"]);
        assert_eq!(
            texts("Kyiv — Moscow – Minsk"),
            ["Kyiv", "—", "Moscow", "–", "Minsk"]
        );
    }

    #[test]
    fn offsets_with_multibyte() {
        let s = "“Café’s élan,” said O’Neill—didn’t he? ‘No.’";
        let mut v = Vec::new();
        tokenize(s, 0, &mut v);
        let got: Vec<&str> = v.iter().map(|t| &s[t.start..t.end]).collect();
        assert_eq!(
            got,
            [
                "“",
                "Café",
                "’s",
                "élan",
                ",",
                "”",
                "said",
                "O’Neill",
                "—",
                "did",
                "n’t",
                "he",
                "?",
                "‘",
                "No",
                ".",
                "’"
            ]
        );
    }

    #[test]
    fn fast_path_agrees_with_general_path() {
        let texts = [
            "The U.S. envoy met Mr. Smith in Kyiv's centre at 9 a.m. on Jan. 5, 2016.",
            "didn't O'Brien's rebels' 'peace' F-16s 1990s 10th e.g. i.e. J.R.R. Tolkien",
            "Zürich São Paulo Pe\u{301}rez Russia’s isn’t O’Neill — “Yes,” he said... No. 10",
            "a b. c' d\" e- f, g; h\n\ni x.y ab.cd GEN. SMITH v. W. I. x",
            "end",
            "s's ss' S'S word’ word\u{2019}s x\u{300}y",
        ];
        for s in texts {
            let mut fast = Vec::new();
            tokenize(s, 7, &mut fast);
            let mut slow = Vec::new();
            Tokenizer::<false> {
                s,
                b: s.as_bytes(),
                off: 7,
                out: &mut slow,
                marks: &mut Vec::new(),
                after_word: usize::MAX,
                open_single: false,
                slow_only: true,
            }
            .run();
            assert_eq!(fast, slow, "{s}");
        }
    }

    #[test]
    fn alnum_end_agrees_with_the_byte_loop() {
        // Every byte value at every position of a run, with runs ending before, at and after
        // an 8-byte boundary and at the end of the input.
        let plain = |b: &[u8], mut k: usize| {
            while k < b.len() && ALNUM[b[k] as usize] {
                k += 1;
            }
            k
        };
        for len in 0..20 {
            for pos in 0..=len {
                for byte in 0..=255u8 {
                    let mut b: Vec<u8> = (0..len).map(|j| b"aZ09mq"[j % 6]).collect();
                    if pos < len {
                        b[pos] = byte;
                    }
                    for k in 0..=len {
                        assert_eq!(alnum_end(&b, k), plain(&b, k), "{b:?} from {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn alnum_end_is_not_misled_by_carries_from_bytes_that_are_not_ascii() {
        // A byte that is not ASCII (or any byte) next to every byte value, before or after it:
        // the first stop is where the byte loop stops, whatever the bytes after it are.
        let plain = |b: &[u8], mut k: usize| {
            while k < b.len() && ALNUM[b[k] as usize] {
                k += 1;
            }
            k
        };
        let others = [
            0x80u8, 0x9f, 0xbf, 0xc3, 0xcf, 0xe2, 0xff, b'.', b' ', b'z', b'0',
        ];
        for len in 2..18 {
            for p in 0..len {
                for q in 0..len {
                    if p == q {
                        continue;
                    }
                    for byte in 0..=255u8 {
                        for &other in &others {
                            let mut b: Vec<u8> = (0..len).map(|j| b"aZ09mq"[j % 6]).collect();
                            b[p] = byte;
                            b[q] = other;
                            for k in 0..=len {
                                assert_eq!(alnum_end(&b, k), plain(&b, k), "{b:?} from {k}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn offset_is_added() {
        let doc = "xx Hello world";
        let mut v = Vec::new();
        tokenize(&doc[3..], 3, &mut v);
        assert_eq!(v[0].text(doc), "Hello");
        assert_eq!(v[1].text(doc), "world");
    }
}
