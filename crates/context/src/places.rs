//! Place phrases of a document, resolved against the gazetteer with the document as context.
//!
//! A capitalised name counts as the place of a clause only behind a locative cue: a preposition
//! ("in Vienna", "near Aleppo"), a direction ("northern Syria"), a place noun ("the northwestern
//! city of Aleppo", "Idlib province") or an "X, Country" qualifier. Names with no cue ("Moscow
//! said", "Russia's envoy") are actors, not places, but they still tell which countries the
//! document is about, and that decides between same-named places ("Tripoli" in a story about
//! Lebanon). Nationality adjectives are never places.

use std::ops::Range;

use crate::tokens::{DocTokens, Tokens};
use dyad_text::TokenKind;
use rustc_hash::FxHashSet;

use crate::date::distance;
use crate::fold::fold_into;
use crate::gazetteer::{hash_more, Candidate, Gazetteer, Kind, Place, FNV_START};

/// How precise a [`Location`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LocationPrecision {
    /// A city or town.
    City,
    /// A first-level division: state, province, governorate.
    Admin,
    /// A country.
    Country,
}

impl LocationPrecision {
    /// Lowercase name, as written in dyad's output (`city`, `admin`, `country`).
    pub fn as_str(self) -> &'static str {
        match self {
            LocationPrecision::City => "city",
            LocationPrecision::Admin => "admin",
            LocationPrecision::Country => "country",
        }
    }
}

/// A resolved place phrase.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// The gazetteer name ("Aleppo", "Syria").
    pub name: &'static str,
    /// ISO 3166 alpha-3 code of the country.
    pub country: &'static str,
    /// First-level division (the division itself at `Admin` precision; `None` for a country or
    /// when GeoNames gives none).
    pub admin1: Option<&'static str>,
    /// Latitude in degrees.
    pub lat: f32,
    /// Longitude in degrees.
    pub lon: f32,
    /// City, division or country.
    pub precision: LocationPrecision,
    /// Byte range of the place phrase in the document ("northern Syria", "the northwestern city
    /// of Aleppo", "Vienna, Virginia"; the dateline's place for a dateline fallback).
    pub span: Range<usize>,
}

impl Location {
    fn from_place(p: &Place, span: Range<usize>) -> Location {
        Location {
            name: p.name,
            country: p.country,
            admin1: (!p.admin1.is_empty() && p.kind != Kind::Country).then_some(p.admin1),
            lat: p.lat,
            lon: p.lon,
            precision: match p.kind {
                Kind::City => LocationPrecision::City,
                Kind::Admin => LocationPrecision::Admin,
                Kind::Country => LocationPrecision::Country,
            },
            span,
        }
    }
}

/// Prepositions after which a name is where something happens.
const STRONG: &[&str] = &[
    "in",
    "inside",
    "near",
    "outside",
    "across",
    "throughout",
    "around",
    "within",
    "nearby",
];
/// Prepositions of movement: enough for a city or division, not for a country ("aid to Syria",
/// "troops from Russia" name an actor as often as a place).
const WEAK: &[&str] = &[
    "from", "to", "into", "toward", "towards", "at", "via", "through",
];
const DIRECTIONS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];
/// Capitalised at the start of a sentence, these do not make the next name part of a longer one.
/// (The scan asks [`function_word`]; the list is what it answers, and its test holds it to it.)
#[cfg(test)]
const FUNCTION: &[&str] = &[
    "a", "an", "the", "in", "inside", "near", "outside", "across", "around", "from", "to", "at",
    "and", "but", "on", "as", "after", "before", "while", "when", "if", "since", "for", "of",
];
/// `w` is a word of [`FUNCTION`]: a `match` over the bytes, which compiles to a switch on the
/// length and integer compares; `Tokens::is` over 24 words stayed a loop over the list
/// (some 130 instructions for each capitalised word after another).
fn function_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"an"
            | b"the"
            | b"in"
            | b"inside"
            | b"near"
            | b"outside"
            | b"across"
            | b"around"
            | b"from"
            | b"to"
            | b"at"
            | b"and"
            | b"but"
            | b"on"
            | b"as"
            | b"after"
            | b"before"
            | b"while"
            | b"when"
            | b"if"
            | b"since"
            | b"for"
            | b"of"
    )
}
/// "the ... <noun> of X": the noun says what X is.
const CITY_NOUNS: &[&str] = &[
    "city", "town", "village", "capital", "port", "suburb", "suburbs",
];
const ADMIN_NOUNS: &[&str] = &[
    "province",
    "governorate",
    "region",
    "state",
    "district",
    "county",
    "oblast",
    "prefecture",
    "department",
];
const AREA_NOUNS: &[&str] = &[
    "outskirts",
    "area",
    "areas",
    "part",
    "parts",
    "heart",
    "centre",
    "center",
    "streets",
    "enclave",
    "territory",
    "island",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "rest",
];
/// Lowercase words allowed inside a multi-word name: "Deir ez-Zor", "Frankfurt am Main" (as
/// bytes, like [`not_place`]).
fn particle(w: &[u8]) -> bool {
    matches!(
        w,
        b"al"
            | b"el"
            | b"ad"
            | b"ar"
            | b"as"
            | b"an"
            | b"ash"
            | b"az"
            | b"ez"
            | b"es"
            | b"de"
            | b"del"
            | b"des"
            | b"di"
            | b"da"
            | b"do"
            | b"du"
            | b"la"
            | b"le"
            | b"les"
            | b"of"
            | b"au"
            | b"aux"
            | b"am"
            | b"upon"
            | b"sur"
            | b"en"
            | b"y"
            | b"and"
            | b"the"
    )
}
/// Capitalised words that are never looked up as places (a `match`: asked of every
/// capitalised word, over its lower-case bytes so that no string is sliced out for it).
fn not_place(w: &[u8]) -> bool {
    matches!(
        w,
        b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"i"
            | b"a"
            | b"the"
    )
}

/// Below this population a city needs its country named in the document (or hinted) to count.
const SMALL_CITY: u64 = 100_000;
/// A city mentioned with no cue tells the document's countries only from this population up.
const CONTEXT_CITY: u64 = 500_000;

/// How a name came to be read as a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    None,
    Weak,
    Strong,
}

#[derive(Clone, Debug)]
struct Mention {
    span: Range<usize>,
    cands: Vec<Candidate>,
    cue: Cue,
    prefer: Option<Kind>,
}

/// Document-level context used to choose between same-named places.
#[derive(Default)]
struct Context {
    /// Country codes of up to 7 bytes (all ISO alpha-3 codes), packed into integers: asked of
    /// every candidate of every mention, a scan of a few integers beats hashing the string.
    short: Vec<u64>,
    /// Any longer country code.
    long: FxHashSet<&'static str>,
    admins: FxHashSet<(&'static str, &'static str)>,
}

/// The bytes of a string of up to 7 bytes and its length as one integer (distinct strings,
/// distinct integers).
fn packed(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() > 7 {
        return None;
    }
    // Byte by byte: a copy of a length known only at run time is a call to memcpy.
    let mut word = (b.len() as u64) << 56;
    for (i, &x) in b.iter().enumerate() {
        word |= u64::from(x) << (8 * i);
    }
    Some(word)
}

impl Context {
    /// Room for a story's countries, so that `short` seldom grows (from empty it grew some
    /// twice a document, each time a call and a copy).
    fn with_room() -> Self {
        Context {
            short: Vec::with_capacity(16),
            ..Context::default()
        }
    }

    fn insert_country(&mut self, c: &'static str) {
        match packed(c) {
            Some(k) => {
                if !self.short.contains(&k) {
                    self.short.push(k);
                }
            }
            None => {
                self.long.insert(c);
            }
        }
    }

    fn has_country(&self, c: &str) -> bool {
        match packed(c) {
            Some(k) => self.short.contains(&k),
            None => self.long.contains(c),
        }
    }

    fn has_admin(&self, country: &'static str, admin: &'static str) -> bool {
        !self.admins.is_empty() && self.admins.contains(&(country, admin))
    }

    fn extend(&mut self, other: Context) {
        for k in other.short {
            if !self.short.contains(&k) {
                self.short.push(k);
            }
        }
        self.long.extend(other.long);
        self.admins.extend(other.admins);
    }
}

fn score(g: &Gazetteer, c: &Candidate, prefer: Option<Kind>, ctx: &Context) -> f64 {
    let p = g.place(c.place);
    // Size, and how widely known a city is (its number of names in other languages).
    let mut s = g.size(c.place);
    s += match (p.kind, prefer) {
        (k, Some(want)) if k == want => 1.5,
        // A country's standing against a city of the same name (its name count is not kept).
        (Kind::Country, _) => 2.0,
        (Kind::Admin, _) => -1.0,
        (Kind::City, _) => 0.0,
    };
    if c.alternate {
        s -= 1.0;
    }
    if ctx.has_country(p.country) {
        s += 1.5;
    }
    let admin = if p.kind == Kind::Admin {
        p.name
    } else {
        p.admin1
    };
    if p.kind != Kind::Admin && ctx.has_admin(p.country, admin) {
        s += 1.5;
    }
    s
}

/// The larger of two scores in `f64::total_cmp`'s order (the order the candidates were sorted by).
fn max_total(a: f64, b: f64) -> f64 {
    if b.total_cmp(&a).is_gt() {
        b
    } else {
        a
    }
}

/// The best candidate and its margin over the runner-up (infinite when alone).
fn best(
    g: &Gazetteer,
    cands: &[Candidate],
    prefer: Option<Kind>,
    ctx: &Context,
) -> Option<(Candidate, f64)> {
    // Ties go to the larger place, then to the gazetteer's order, so the result is deterministic.
    let before = |a: &(f64, Candidate), b: &(f64, Candidate)| {
        b.0.total_cmp(&a.0)
            .then(
                g.place(b.1.place)
                    .population
                    .cmp(&g.place(a.1.place).population),
            )
            .then(a.1.place.cmp(&b.1.place))
            .is_lt()
    };
    // One pass instead of sorting: the winner, and the highest score of the others (the
    // runner-up's score, whichever of equal scores it is).
    let mut top: Option<(f64, Candidate)> = None;
    let mut second: Option<f64> = None;
    for c in cands {
        let x = (score(g, c, prefer, ctx), *c);
        match top {
            Some(t) if !before(&x, &t) => {
                second = Some(second.map_or(x.0, |s| max_total(s, x.0)));
            }
            Some(t) => {
                second = Some(second.map_or(t.0, |s| max_total(s, t.0)));
                top = Some(x);
            }
            None => top = Some(x),
        }
    }
    let (s0, c0) = top?;
    Some((c0, second.map_or(f64::INFINITY, |s1| s0 - s1)))
}

/// The place phrases of one document.
#[derive(Clone, Debug, Default)]
pub struct DocPlaces {
    places: Vec<Location>,
    dateline: Option<Location>,
}

/// When token `t` is all ASCII letters and digits (its folded key is then `lower`, its
/// lower-case form), the [`key_hash`](crate::gazetteer) of that key; `None` otherwise.
fn plain_key_hash(t: &dyad_text::Token, lower: &[u8]) -> Option<u64> {
    plain_key_hash_from(FNV_START, t, lower)
}

/// [`plain_key_hash`] continuing the hash `h` (of the key so far and a space).
///
/// The test reads the lower-case form, not the text, so that one pass over its bytes also
/// hashes it: the text is ASCII letters and digits exactly when its lower-case form is as long
/// and is (a character that lower-cases to ASCII but is not ASCII itself, like the Kelvin sign,
/// loses bytes, and ASCII letters lower-case to letters).
#[inline]
fn plain_key_hash_from(h: u64, t: &dyad_text::Token, lower: &[u8]) -> Option<u64> {
    if t.end - t.start != lower.len() {
        return None;
    }
    let mut h = h;
    for &b in lower {
        // (A table load: this loop runs over every byte of every capitalised word the place
        // scan looks at.)
        if !dyad_text::is_alnum_byte(b) {
            return None;
        }
        h = hash_more(h, &[b]);
    }
    Some(h)
}

/// Buffers [`Tokens::longest`] reuses from call to call: a folded key, and the token ends a
/// name may have, each with the hash of its key when that key is the plain lower-cased text.
/// (One per document: a fresh array per call cost a 256-byte clear every time.)
#[derive(Default)]
struct Scratch {
    key: String,
    ends: Vec<(usize, u64)>,
}

impl Tokens<'_> {
    /// The text between tokens `i` and `i + 1` is empty or one space.
    fn joined(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (self.toks.get(i), self.toks.get(i + 1)) else {
            return false;
        };
        // Bytes, not a string slice: no char-boundary checks.
        b.start == a.end || (b.start == a.end + 1 && self.text.as_bytes()[a.end] == b' ')
    }

    /// The longest gazetteer name starting at token `i`: (end token, candidates).
    fn longest(
        &self,
        g: &Gazetteer,
        i: usize,
        buf: &mut Scratch,
    ) -> Option<(usize, Vec<Candidate>)> {
        let Scratch { key, ends } = buf;
        // Most capitalised words start no place name: ask the gazetteer before folding runs.
        // A word of ASCII letters and digits folds to its lower-case form, and the hash of
        // that key comes with the test (see [`plain_key_hash`]).
        // (Its bytes: no string slice is needed to hash them.)
        let lower = self.wb(i);
        let plain_hash = plain_key_hash(&self.toks[i], lower);
        let (the_or_st, first_ok) = match plain_hash {
            Some(h) => (matches!(lower, b"the" | b"st"), g.may_start_hashed(h)),
            None => {
                fold_into(self.toks[i].text(self.text), key);
                let first = key.split(' ').next().unwrap_or("");
                (matches!(first, "the" | "st"), g.may_start(first))
            }
        };
        if !the_or_st && !first_ok {
            return None;
        }
        let plain = plain_hash.is_some();
        // Token extent a name could have: words, particles and glued hyphens/apostrophes.
        let max_tokens = 2 * g.max_words();
        ends.clear();
        // Names up to this end consist of plain words one space apart, so their folded key is
        // their lower-cased text as it stands (unless the name opens with "the" or "st").
        let mut plain_end = if plain && !matches!(lower, b"the" | b"st") {
            i + 1
        } else {
            0
        };
        // The key hash of the plain words so far: a run that no name starts with ends there.
        let mut h = FNV_START;
        // The key hash up to and with the next token, when it was worked out while testing
        // that token for a plain word (the first token's came with the first-word test).
        let mut next_h = plain_hash;
        let mut j = i;
        while j < self.toks.len() && j - i < max_tokens {
            let t = &self.toks[j];
            let ok = match t.kind {
                TokenKind::Word => self.cap(j) || (j > i && particle(self.wb(j))),
                TokenKind::Punct => {
                    j > i && self.wb(j) == b"-" && self.glued(j - 1) && self.glued(j)
                }
                _ => false,
            };
            if !ok {
                break;
            }
            if j < plain_end {
                // (The first word's hash passed the first-word test above.)
                match next_h.take() {
                    Some(n) => h = n,
                    None => {
                        h = hash_more(hash_more(h, b" "), self.wb(j));
                    }
                }
                if j > i && !g.may_start_hashed(h) {
                    break;
                }
            }
            if self.cap(j) {
                ends.push((j + 1, h));
            }
            if !self.joined(j) {
                break;
            }
            if plain_end == j + 1
                && j + 1 < self.toks.len()
                && self.toks[j + 1].start == self.toks[j].end + 1
                && self.toks[j + 1].kind == TokenKind::Word
            {
                if let Some(n) =
                    plain_key_hash_from(hash_more(h, b" "), &self.toks[j + 1], self.wb(j + 1))
                {
                    plain_end = j + 2;
                    next_h = Some(n);
                }
            }
            j += 1;
        }
        for &(end, hash) in ends.iter().rev() {
            let rows = if end <= plain_end {
                g.entries_hashed(hash)
            } else {
                fold_into(&self.text[self.toks[i].start..self.toks[end - 1].end], key);
                g.entries(key)
            };
            if !rows.is_empty() {
                return Some((end, rows.iter().map(Candidate::of_row).collect()));
            }
        }
        None
    }

    /// Place mentions of one sentence.
    fn mentions(&self, g: &Gazetteer, out: &mut Vec<Mention>, buf: &mut Scratch) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            // Most tokens are not capitalised words: passed over in a loop of their own.
            i = self.next_cap(i);
            if i >= n {
                break;
            }
            if not_place(self.wb(i)) {
                i += 1;
                continue;
            }
            // Inside a longer capitalised run ("Michael Jordan", "Secretary of State"): not the
            // start of a name. A sentence-initial preposition ("In Vienna") does not count.
            if i > 0 && self.cap(i - 1) && self.joined(i - 1) && !function_word(self.wb(i - 1)) {
                i += 1;
                continue;
            }
            let Some((end, mut cands)) = self.longest(g, i, buf) else {
                i += 1;
                continue;
            };
            // "the Gulf of Oman", "the Bay of Bengal": a water's name, not the place "Gulf".
            if self.is(end, &["of"])
                && self.cap(end + 1)
                && self.is(
                    end - 1,
                    &["gulf", "sea", "bay", "strait", "straits", "lake"],
                )
            {
                i = end + 1;
                continue;
            }
            let mut span_end = self.toks[end - 1].end;
            let mut prefer = None;
            let mut cue = Cue::None;
            let mut next = end;
            // What follows: a trailing place noun, "-based", ", Qualifier".
            if self.is(end, ADMIN_NOUNS) && self.joined(end - 1) {
                prefer = Some(Kind::Admin);
                cue = Cue::Strong;
                span_end = self.toks[end].end;
                next = end + 1;
            } else if self.is(end, &["city"]) && self.joined(end - 1) {
                prefer = Some(Kind::City);
                span_end = self.toks[end].end;
                next = end + 1;
            } else if self.cap(end) && self.joined(end - 1) {
                // The name is the start of a longer proper noun: "Washington Post".
                i = end + 1;
                continue;
            }
            if self.is(next, &["-"]) && self.glued(next - 1) && self.is(next + 1, &["based"]) {
                cue = Cue::Weak;
            }
            if self.is(next, &[","]) && self.cap(next + 1) {
                if let Some((qend, q)) = self.longest(g, next + 1, buf) {
                    let within: Vec<Candidate> = cands
                        .iter()
                        .copied()
                        .filter(|c| {
                            let p = g.place(c.place);
                            q.iter().any(|qc| {
                                let qp = g.place(qc.place);
                                p.kind != Kind::Country
                                    && match qp.kind {
                                        Kind::Country => qp.country == p.country,
                                        Kind::Admin => {
                                            qp.country == p.country && qp.name == p.admin1
                                        }
                                        Kind::City => false,
                                    }
                            })
                        })
                        .collect();
                    if !within.is_empty() {
                        cands = within;
                        cue = Cue::Strong;
                        span_end = self.toks[qend - 1].end;
                        next = qend;
                    }
                }
            }
            // What precedes: "the", directions, a preposition or "<place noun> of".
            let mut start = self.toks[i].start;
            let mut b = i;
            if b > 0 && self.is(b - 1, &["the"]) {
                b -= 1;
            }
            while b > 0 && (self.is(b - 1, DIRECTIONS) || (self.is(b - 1, &["-"]) && b > 1)) {
                if self.is(b - 1, DIRECTIONS) {
                    cue = Cue::Strong;
                    start = self.toks[b - 1].start;
                }
                b -= 1;
            }
            if b > 0 {
                let p = b - 1;
                if self.is(p, STRONG) {
                    cue = Cue::Strong;
                } else if self.is(p, WEAK) {
                    if cue == Cue::None {
                        cue = Cue::Weak;
                    }
                } else if self.is(p, &["of"]) && p > 0 {
                    let noun = p - 1;
                    let kind = if self.is(noun, CITY_NOUNS) {
                        Some(Some(Kind::City))
                    } else if self.is(noun, ADMIN_NOUNS) {
                        Some(Some(Kind::Admin))
                    } else if self.is(noun, AREA_NOUNS) {
                        Some(None)
                    } else {
                        None
                    };
                    if let Some(k) = kind {
                        cue = Cue::Strong;
                        prefer = prefer.or(k);
                        // Back over adjectives to the determiner: "the northwestern city of".
                        let mut s = noun;
                        let mut k = noun;
                        while k > 0 && noun - k < 4 && self.toks[k - 1].kind == TokenKind::Word {
                            k -= 1;
                            if self.is(k, &["the", "a", "an"]) {
                                s = k;
                                break;
                            }
                        }
                        start = self.toks[s].start;
                    }
                }
            }
            if cue == Cue::Weak {
                cands.retain(|c| g.place(c.place).kind != Kind::Country);
            }
            if !cands.is_empty() {
                out.push(Mention {
                    span: start..span_end,
                    cands,
                    cue,
                    prefer,
                });
            }
            i = next.max(i + 1);
        }
    }
}

/// The place name at the start of a dateline and an optional ", Qualifier".
fn dateline_mention(g: &Gazetteer, text: &str, range: Range<usize>) -> Option<Mention> {
    let own = DocTokens::of_range(text, range);
    let scan = own.all();
    let mut buf = Scratch::default();
    let (end, mut cands) = scan.longest(g, 0, &mut buf)?;
    if scan.is(end, &[","]) && scan.cap(end + 1) {
        if let Some((_, q)) = scan.longest(g, end + 1, &mut buf) {
            let within: Vec<Candidate> = cands
                .iter()
                .copied()
                .filter(|c| {
                    let p = g.place(c.place);
                    q.iter().any(|qc| {
                        let qp = g.place(qc.place);
                        qp.kind != Kind::City
                            && qp.country == p.country
                            && (qp.kind == Kind::Country || qp.name == p.admin1)
                    })
                })
                .collect();
            if !within.is_empty() {
                cands = within;
            }
        }
    }
    Some(Mention {
        span: scan.toks[0].start..scan.toks[end - 1].end,
        cands,
        cue: Cue::Strong,
        prefer: Some(Kind::City),
    })
}

impl DocPlaces {
    /// Find and resolve the place phrases of `text` with the embedded gazetteer.
    ///
    /// `sentences` are the document's sentence ranges (place names never span two);
    /// `dateline` the range of a leading dateline (`dyad_text::dateline`), whose place is the
    /// fallback for clauses that name none; `hint_countries` ISO alpha-3 codes the caller knows
    /// the document is about (for example its actors' countries): they only break ties between
    /// same-named places and never become a location themselves.
    pub fn new(
        text: &str,
        sentences: &[Range<usize>],
        dateline: Option<Range<usize>>,
        hint_countries: &[&str],
    ) -> DocPlaces {
        Self::from_tokens(&DocTokens::new(text), sentences, dateline, hint_countries)
    }

    /// [`DocPlaces::new`] over a document already tokenised.
    pub fn from_tokens(
        doc: &DocTokens,
        sentences: &[Range<usize>],
        dateline: Option<Range<usize>>,
        hint_countries: &[&str],
    ) -> DocPlaces {
        Self::with_gazetteer(
            Gazetteer::embedded(),
            doc,
            sentences,
            dateline,
            hint_countries,
        )
    }

    /// [`DocPlaces::from_tokens`] with a given gazetteer.
    pub fn with_gazetteer(
        g: &Gazetteer,
        doc: &DocTokens,
        sentences: &[Range<usize>],
        dateline: Option<Range<usize>>,
        hint_countries: &[&str],
    ) -> DocPlaces {
        let text = doc.text();
        let valid = |r: &Range<usize>| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        };
        // Sized for a typical story's place phrases, so that it seldom grows (at 16 it grew in
        // two documents of three).
        let mut mentions = Vec::with_capacity(32);
        let whole = 0..text.len();
        let sentences = if sentences.is_empty() {
            std::slice::from_ref(&whole)
        } else {
            sentences
        };
        let mut next = 0;
        let mut buf = Scratch::default();
        for s in sentences.iter().filter(|r| valid(r)) {
            // A sentence that holds the dateline is read after it.
            let s = match &dateline {
                Some(d) if d.start >= s.start && d.end <= s.end && d.end > s.start => d.end..s.end,
                _ => s.clone(),
            };
            if s.start < s.end {
                let (view, end) = doc.view_from(s, next);
                view.mentions(g, &mut mentions, &mut buf);
                next = end;
            }
        }

        let mut ctx = Context::with_room();
        for &h in hint_countries {
            if let Some(c) = g.country(h) {
                ctx.insert_country(c.country);
            }
        }
        // Pass 1: what the document says unambiguously (no cue needed: "Russia said" names
        // Russia), with only the caller's hints as context.
        let mut learned = Context::with_room();
        for m in &mentions {
            if let Some((c, margin)) = best(g, &m.cands, m.prefer, &ctx) {
                let p = g.place(c.place);
                let telling =
                    m.cue != Cue::None || p.kind != Kind::City || p.population >= CONTEXT_CITY;
                if margin >= 1.0 && telling && !(c.alternate && m.cue == Cue::None) {
                    learned.insert_country(p.country);
                    if p.kind == Kind::Admin {
                        learned.admins.insert((p.country, p.name));
                    }
                }
            }
        }
        ctx.extend(learned);

        let dateline = dateline.filter(valid).and_then(|d| {
            let m = dateline_mention(g, text, d)?;
            let (c, _) = best(g, &m.cands, m.prefer, &ctx)?;
            Some(Location::from_place(g.place(c.place), m.span))
        });
        if let Some(d) = &dateline {
            ctx.insert_country(d.country);
        }

        // Pass 2: resolve every cued mention with the whole document as context.
        let mut places = Vec::new();
        for m in &mentions {
            if m.cue == Cue::None {
                continue;
            }
            let Some((c, _)) = best(g, &m.cands, m.prefer, &ctx) else {
                continue;
            };
            let p = g.place(c.place);
            if p.kind == Kind::City && p.population < SMALL_CITY && !ctx.has_country(p.country) {
                continue;
            }
            places.push(Location::from_place(p, m.span.clone()));
        }
        DocPlaces { places, dateline }
    }

    /// Every resolved place phrase, in text order.
    pub fn places(&self) -> &[Location] {
        &self.places
    }

    /// The dateline's place, if the document has a dateline the gazetteer knows.
    pub fn dateline(&self) -> Option<&Location> {
        self.dateline.as_ref()
    }

    /// The location of a clause: its place phrase nearest `anchor` (a byte offset, usually the
    /// verb), else the dateline's place, else `None`.
    pub fn for_clause(&self, clause: Range<usize>, anchor: usize) -> Option<Location> {
        self.places
            .iter()
            .filter(|l| l.span.start >= clause.start && l.span.end <= clause.end)
            .min_by_key(|l| distance(&l.span, anchor))
            .or(self.dateline.as_ref())
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::hash_more;

    #[test]
    fn function_word_is_the_function_list() {
        // Every word of every list here, each with a letter taken off or added at either end,
        // and some neighbours: `function_word` says yes to exactly the words of `FUNCTION`.
        let mut words: Vec<String> = ["", "x", "ann", "thee", "insid", "fro", "o", "i", "ofa"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for list in [
            FUNCTION,
            STRONG,
            WEAK,
            DIRECTIONS,
            CITY_NOUNS,
            ADMIN_NOUNS,
            AREA_NOUNS,
        ] {
            for w in list {
                let n = w.len();
                words.extend([
                    w.to_string(),
                    w[1..].to_string(),
                    w[..n - 1].to_string(),
                    format!("{w}s"),
                    format!("a{w}"),
                    w.to_uppercase(),
                ]);
            }
        }
        for w in &words {
            assert_eq!(
                function_word(w.as_bytes()),
                FUNCTION.contains(&w.as_str()),
                "{w:?}"
            );
        }
        assert!(FUNCTION.iter().all(|w| function_word(w.as_bytes())));
    }

    #[test]
    fn packed_strings_are_their_bytes_and_length() {
        for s in ["", "A", "SYR", "USA", "1234567", "ÉÉÉ"] {
            let mut word = [0u8; 8];
            word[..s.len()].copy_from_slice(s.as_bytes());
            word[7] = s.len() as u8;
            assert_eq!(packed(s), Some(u64::from_le_bytes(word)), "{s}");
        }
        assert_eq!(packed("12345678"), None);
    }

    #[test]
    fn a_plain_key_hash_is_the_alnum_test_and_the_hash_of_the_lower_case_form() {
        let text = "Aleppo NEW york3 O'Brien São Paulo KELVIN \u{212A}elvin İstanbul \
                    ǅemal U.S. al-Bab x ΣΑΣ 42nd Straße";
        let doc = DocTokens::new(text);
        let all = doc.all();
        for (k, t) in all.toks.iter().enumerate() {
            let word = t.text(text);
            let lower = all.w(k);
            let want = (word.len() == lower.len() && dyad_text::is_alnum_word(word))
                .then(|| hash_more(FNV_START, lower.as_bytes()));
            assert_eq!(plain_key_hash(t, lower.as_bytes()), want, "{word}");
            let h = hash_more(FNV_START, b"new ");
            let want = want.map(|_| hash_more(h, lower.as_bytes()));
            assert_eq!(plain_key_hash_from(h, t, lower.as_bytes()), want, "{word}");
        }
        // The first capitalised token from each token on.
        for from in 0..=all.toks.len() {
            let want = (from..all.toks.len())
                .find(|&k| all.cap(k))
                .unwrap_or(all.toks.len());
            assert_eq!(all.next_cap(from), want);
        }
    }
}
