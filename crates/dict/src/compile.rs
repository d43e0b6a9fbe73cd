//! Compilation: phrases become paths in a trie over word ids, verb lemmas become every inflected form.
//!
//! Words are interned once (normalised text → `u32`), so the coder looks each text token up in one
//! hash map and then walks integers.

use crate::inflect::{inflect, Form};
use crate::model::*;
use rustc_hash::FxHashMap;
use smallvec::SmallVec;

/// The id of a word no dictionary mentions.
pub const NO_WORD: u32 = u32::MAX;

/// Which entry a phrase belongs to (an index into the set's `actors`, `persons` or `agents`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Actor(u32),
    Person(u32),
    Agent(u32),
}

/// A phrase at the end of a trie path.
#[derive(Clone, Debug)]
pub struct PhraseEntry {
    pub owner: Owner,
    /// The phrase's own code (`the Kremlin -> RUSGOV`), overriding the owner's.
    pub code: Option<Box<str>>,
    /// For `!` phrases: the tokens exactly as they must appear.
    pub exact: Option<Vec<Box<str>>>,
    /// The phrase as written, for explanations.
    pub text: Box<str>,
    pub origin: Origin,
}

/// A verb pattern element after the verb, with words interned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CElement {
    Word(u32),
    Prefix(Box<str>),
    Target,
    Source,
    /// An index into `Dictionaries::synsets`.
    Set(u32),
    /// A compound subject (PETRARCH's `%` before the verb).
    Compound,
    /// The next element stands right after the previous one (PETRARCH's `_`).
    Next,
    /// The slot after it passes over one actor first (PETRARCH's `^`).
    Skip,
}

#[derive(Clone, Debug)]
pub struct CompiledPattern {
    /// Index into the set's `verbs`.
    pub index: u32,
    /// Elements that stand before the verb, in text order.
    pub before: Vec<CElement>,
    pub elements: Vec<CElement>,
    pub literal_count: u32,
}

/// The patterns of one spelled verb form, bucketed by their first literal word so that the coder
/// only tries patterns whose first particle or noun is actually nearby.
#[derive(Clone, Debug, Default)]
pub struct VerbIndex {
    /// Every (pattern, form) pair, in file order.
    pub all: Vec<(u32, Form)>,
    /// Patterns with no literal word after the verb.
    pub unkeyed: Vec<VerbRef>,
    /// Patterns by the id of their rarest literal word. Most keys of a form have one pattern:
    /// held inline, they cost no allocation (some 150,000 lists with PETRARCH's verbs).
    pub keyed: FxHashMap<u32, SmallVec<[VerbRef; 1]>>,
    /// The distinct forms this spelling takes ("accused": past or participle).
    pub forms: Vec<Form>,
    /// The `bloom_bit`s of the keys of `keyed`: most words near a verb are no key, and this
    /// rejects them without a hash lookup.
    pub key_bloom: u128,
}

/// A pattern reachable from a verb form, with a 128-bit summary of its literal words: a pattern can
/// only match when every bit it needs is set in the summary of the words after the verb.
#[derive(Clone, Copy, Debug)]
pub struct VerbRef {
    pub pattern: u32,
    /// The pattern's `literal_count` and whether its first element is the target slot: what
    /// decides, before any matching, whether a match could still beat the best one found.
    pub literals: u32,
    pub form: Form,
    pub target_first: bool,
    pub bloom: u128,
}

/// The bit a word contributes to a literal-word summary.
#[inline]
pub fn bloom_bit(word: u32) -> u128 {
    1u128 << (word.wrapping_mul(0x9E37_79B9) >> 25)
}

const NO_NODE: u32 = u32::MAX;

/// The index of three upper-case ASCII letters (the first three of `code`) among all such triples.
#[inline]
fn letters3(code: &[u8]) -> Option<usize> {
    match code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z', c @ b'A'..=b'Z', ..] => {
            Some((usize::from(a - b'A') * 26 + usize::from(b - b'A')) * 26 + usize::from(c - b'A'))
        }
        _ => None,
    }
}

/// A word of 1 to 7 bytes packed into an integer (its bytes in little-endian order, its length
/// in the top byte), or `None`.
#[inline]
fn pack_short(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 7 {
        return None;
    }
    Some(pack_le(word) | (word.len() as u64) << 56)
}

/// The bytes of a word of at most 8 bytes as a little-endian integer: from 4 bytes up the first
/// and the last four, overlapping (the shared bytes are the same on both sides of the OR), below
/// that the first, middle and last byte. (A fold over the bytes cost five instructions a byte;
/// `intern` packs every word of the dictionaries; the coder keys its cache of unknown words so.)
#[inline]
pub fn pack_le(b: &[u8]) -> u64 {
    let n = b.len();
    match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        (Some(lo), Some(hi)) => {
            u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << (8 * (n - 4))
        }
        _ => match b {
            [] => 0,
            [x, ..] => {
                let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(*x)) << (8 * i);
                at(0) | at(n / 2) | at(n - 1)
            }
        },
    }
}

/// The ids of the lexicon's short words in an open-addressing table of packed words: most tokens
/// are short, and their lookup is then a multiply and integer compares instead of hashing and
/// comparing strings.
#[derive(Default)]
struct ShortWords {
    /// Packed words (0: empty slot) and their ids, a power of two of them. Key and id share a
    /// slot: the table is larger than the first-level cache, and a hit on a word read rarely
    /// then costs one cache miss, not one for the key and another for the id.
    slots: Vec<(u64, u32)>,
    shift: u32,
}

impl ShortWords {
    fn new<'a>(words: impl Iterator<Item = (&'a str, u32)> + Clone) -> ShortWords {
        let count = words
            .clone()
            .filter(|(w, _)| pack_short(w.as_bytes()).is_some())
            .count();
        let (size, shift) = open_table_size(count);
        let mut t = ShortWords {
            slots: vec![(0, NO_WORD); size],
            shift,
        };
        for (w, id) in words {
            if let Some(k) = pack_short(w.as_bytes()) {
                let mut slot = t.slot(k);
                while t.slots[slot].0 != 0 {
                    slot = (slot + 1) & (size - 1);
                }
                t.slots[slot] = (k, id);
            }
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot(key);
        loop {
            match self.slots[slot] {
                (k, id) if k == key => return id,
                (0, _) => return NO_WORD,
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

/// A word of 8 to 15 bytes packed into two integers (its first eight bytes; the rest, then its
/// length in the top byte), or `None`.
#[inline]
fn pack_mid(word: &[u8]) -> Option<(u64, u64)> {
    let len = word.len();
    if !(8..=15).contains(&len) {
        return None;
    }
    let lo = u64::from_le_bytes(word[..8].try_into().ok()?);
    // The last eight bytes, shifted so that only those past the first eight are left.
    let last = u64::from_le_bytes(word[len - 8..].try_into().ok()?);
    let rest = last.checked_shr(8 * (16 - len) as u32).unwrap_or(0);
    Some((lo, rest | (len as u64) << 56))
}

/// Slots for an open-addressed table of `count` keys (a power of two, at least twice `count` and
/// 16) and the multiplicative hash's shift for it.
fn open_table_size(count: usize) -> (usize, u32) {
    let bits = (count.max(1) * 2)
        .next_power_of_two()
        .trailing_zeros()
        .max(4);
    (1usize << bits, 64 - bits)
}

/// The ids of the lexicon's words of 8 to 15 bytes, like [`ShortWords`]: the lexicon's hash map
/// compares a probed key by following its pointer to the text, one more dependent cache miss for
/// each of the many longer tokens ("minister", "government").
#[derive(Default)]
struct MidWords {
    /// Packed words (`hi` 0: empty slot; a packed word's `hi` holds its length) and their ids.
    slots: Vec<(u64, u64, u32)>,
    shift: u32,
}

impl MidWords {
    fn new<'a>(words: impl Iterator<Item = (&'a str, u32)> + Clone) -> MidWords {
        let count = words
            .clone()
            .filter(|(w, _)| pack_mid(w.as_bytes()).is_some())
            .count();
        let (size, shift) = open_table_size(count);
        let mut t = MidWords {
            slots: vec![(0, 0, NO_WORD); size],
            shift,
        };
        for (w, id) in words {
            if let Some(k) = pack_mid(w.as_bytes()) {
                let mut slot = t.slot(k);
                while t.slots[slot].1 != 0 {
                    slot = (slot + 1) & (size - 1);
                }
                t.slots[slot] = (k.0, k.1, id);
            }
        }
        t
    }

    #[inline]
    fn slot(&self, (lo, hi): (u64, u64)) -> usize {
        ((lo ^ hi.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: (u64, u64)) -> u32 {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot(key);
        loop {
            match self.slots[slot] {
                (lo, hi, id) if (lo, hi) == key => return id,
                (_, 0, _) => return NO_WORD,
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

/// A compiled dictionary set, ready for the coder.
pub struct Dictionaries {
    pub set: DictionarySet,
    lexicon: FxHashMap<Box<str>, u32>,
    /// The lexicon's words of up to 7 bytes again, for `word_id`.
    short: ShortWords,
    /// And those of 8 to 15 bytes.
    mid: MidWords,
    words: Vec<Box<str>>,
    trie: FxHashMap<(u32, u32), u32>,
    /// The root's children by word id (`NO_NODE` when none): every token tries the root, so it
    /// is one indexed load instead of a hash probe.
    root: Vec<u32>,
    /// The phrases ending at each node, node after node: those of node `n` are
    /// `terminals[terminal_starts[n]..terminal_starts[n + 1]]`. One flat list instead of a `Vec`
    /// per node (about 200,000 small allocations with PETRARCH's actor files).
    terminals: Vec<PhraseEntry>,
    terminal_starts: Vec<u32>,
    /// Index into `verb_indexes` by word id (`NO_NODE` when the word is no verb form).
    verb_of_word: Vec<u32>,
    verb_indexes: Vec<VerbIndex>,
    pub patterns: Vec<CompiledPattern>,
    /// Each synset's phrases as word-id sequences, longest first.
    pub synsets: Vec<Vec<Vec<u32>>>,
    /// (synset, first word) → the indices in `synsets` of the phrases starting with that word,
    /// longest first: a synset of hundreds of phrases is tried only where one can start.
    synset_starts: FxHashMap<(u32, u32), Vec<u32>>,
    /// By word id: whether any synset phrase starts with the word (most tokens are rejected
    /// without hashing).
    starts_synset: Vec<bool>,
    countries: rustc_hash::FxHashSet<Box<str>>,
    /// The three-letter upper-case countries again, by `letters3` (index into `country_names`,
    /// `u16::MAX` when none): `country_of` is asked for every mention.
    country_slots: Vec<u16>,
    country_names: Vec<Box<str>>,
    nodes: u32,
    /// While compiling: the ids of the words of 1 to 7 bytes by their packed bytes, so that
    /// `intern` finds most words by an integer instead of hashing and comparing strings.
    /// Emptied at the end (`short` answers the coder).
    interned_short: FxHashMap<u64, u32>,
}

impl Dictionaries {
    pub fn compile(set: DictionarySet) -> Dictionaries {
        let mut d = Dictionaries {
            set: DictionarySet::default(),
            lexicon: FxHashMap::default(),
            short: ShortWords::default(),
            mid: MidWords::default(),
            words: Vec::new(),
            trie: FxHashMap::default(),
            root: Vec::new(),
            terminals: Vec::new(),
            terminal_starts: Vec::new(),
            verb_of_word: Vec::new(),
            verb_indexes: Vec::new(),
            patterns: Vec::new(),
            synsets: Vec::new(),
            synset_starts: FxHashMap::default(),
            starts_synset: Vec::new(),
            countries: Default::default(),
            country_slots: Vec::new(),
            country_names: Vec::new(),
            nodes: 1,
            interned_short: FxHashMap::default(),
        };
        // (node, entry) in file order; grouped by node once the trie is complete.
        let phrase_count = set.actors.iter().map(|a| a.phrases.len()).sum::<usize>()
            + set.persons.iter().map(|p| p.phrases.len()).sum::<usize>()
            + set.agents.iter().map(|a| a.phrases.len()).sum::<usize>();
        let mut terminals: Vec<(u32, PhraseEntry)> = Vec::with_capacity(phrase_count);
        // The trie and the lexicon grow to about two entries per phrase (phoenix: 40,698
        // phrases, some 60,000 trie edges, 43,000 words): sized for that once instead of
        // rehashed at every doubling.
        d.trie.reserve(phrase_count * 2);
        d.lexicon.reserve(phrase_count);
        d.words.reserve(phrase_count);
        d.interned_short.reserve(phrase_count);
        let actors = set
            .actors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| a.phrases.iter().map(move |p| (Owner::Actor(i as u32), p)));
        let persons = set.persons.iter().enumerate().flat_map(|(i, p)| {
            p.phrases
                .iter()
                .map(move |ph| (Owner::Person(i as u32), ph))
        });
        let agents = set
            .agents
            .iter()
            .enumerate()
            .flat_map(|(i, a)| a.phrases.iter().map(move |p| (Owner::Agent(i as u32), p)));
        // One token list and one word buffer for every phrase.
        let mut toks = Vec::new();
        let mut norm = String::new();
        for (owner, p) in actors.chain(persons).chain(agents) {
            toks.clear();
            dyad_text::tokenize(&p.text, 0, &mut toks);
            let raw = |t: &dyad_text::Token| &p.text[t.start..t.end];
            // Leading articles are optional in text, so phrases are stored without them.
            let mut first = 0;
            // Whether `norm` holds the first kept word already (normalised by the article test).
            let mut ready = false;
            while toks.len() - first > 1 {
                norm.clear();
                dyad_text::normalize_into(raw(&toks[first]), &mut norm);
                if !matches!(norm.as_str(), "the" | "a" | "an") {
                    ready = true;
                    break;
                }
                first += 1;
            }
            let kept = &toks[first..];
            if kept.is_empty() {
                continue;
            }
            let mut node = 0;
            for t in kept {
                if !std::mem::take(&mut ready) {
                    norm.clear();
                    dyad_text::normalize_into(raw(t), &mut norm);
                }
                let id = d.intern(&norm);
                node = match d.trie.get(&(node, id)) {
                    Some(&n) => n,
                    None => {
                        let n = d.nodes;
                        d.nodes += 1;
                        d.trie.insert((node, id), n);
                        n
                    }
                };
            }
            let entry = PhraseEntry {
                owner,
                code: p.code.as_deref().map(Box::from),
                exact: p
                    .case_sensitive
                    .then(|| kept.iter().map(|t| Box::from(raw(t))).collect()),
                text: Box::from(p.text.as_str()),
                origin: p.origin.clone(),
            };
            terminals.push((node, entry));
        }

        let mut synset_ids: FxHashMap<&str, u32> = FxHashMap::default();
        for syn in &set.synsets {
            let mut alts: Vec<Vec<u32>> = syn
                .phrases
                .iter()
                .map(|p| {
                    crate::parse::normalized_words(p)
                        .iter()
                        .map(|(_, n)| d.intern(n))
                        .collect::<Vec<u32>>()
                })
                .filter(|a| !a.is_empty())
                .collect();
            alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
            alts.dedup();
            let id = d.synsets.len() as u32;
            for (k, alt) in alts.iter().enumerate() {
                d.synset_starts
                    .entry((id, alt[0]))
                    .or_default()
                    .push(k as u32);
            }
            synset_ids.insert(syn.name.as_str(), id);
            d.synsets.push(alts);
        }

        let irregular: FxHashMap<&str, &IrregularForms> =
            set.irregular.iter().map(|(l, f)| (l.as_str(), f)).collect();
        // Patterns are keyed by their rarest literal word, so that a verb occurrence only tries
        // the patterns whose most specific word is actually nearby.
        // Elements after the verb are interned once here, as counting and keying both need their
        // ids; words before the verb after the verb forms, so that ids come in the same order.
        let convert = |d: &mut Dictionaries, e: &Element| match e {
            Element::Word(w) => CElement::Word(d.intern(w)),
            Element::Prefix(p) => CElement::Prefix(Box::from(p.as_str())),
            Element::Target => CElement::Target,
            Element::Source => CElement::Source,
            Element::Compound => CElement::Compound,
            Element::Next => CElement::Next,
            Element::Skip => CElement::Skip,
            // Loaders only name defined synsets; an unknown one can never match.
            Element::Set(name) => {
                CElement::Set(synset_ids.get(name.as_str()).copied().unwrap_or(u32::MAX))
            }
        };
        let converted: Vec<Vec<CElement>> = set
            .verbs
            .iter()
            .map(|v| v.elements.iter().map(|e| convert(&mut d, e)).collect())
            .collect();
        // By word id: every pattern word is interned by now.
        let mut literal_uses = vec![0u32; d.words.len()];
        for elements in &converted {
            for e in elements {
                if let CElement::Word(id) = e {
                    literal_uses[*id as usize] += 1;
                }
            }
        }
        // Each lemma's forms are interned once, at its first pattern; the verb indexes are
        // filled once every form is known, so that their lists are allocated at their size.
        let mut forms_of: FxHashMap<&str, usize> = FxHashMap::default();
        let mut lemma_forms: Vec<Vec<(u32, Form)>> = Vec::new();
        // (slot, key, bloom, literal count, target first) of every pattern.
        let mut refs: Vec<(usize, Option<u32>, u128, u32, bool)> =
            Vec::with_capacity(set.verbs.len());
        d.patterns.reserve(set.verbs.len());
        for ((i, v), elements) in set.verbs.iter().enumerate().zip(converted) {
            let slot = *forms_of.entry(v.lemma.as_str()).or_insert_with(|| {
                let forms = inflect(&v.lemma, irregular.get(v.lemma.as_str()).copied())
                    .into_iter()
                    .map(|(text, form)| (d.intern(&text), form))
                    .collect();
                lemma_forms.push(forms);
                lemma_forms.len() - 1
            });
            let before: Vec<CElement> = v.before.iter().map(|e| convert(&mut d, e)).collect();
            let key = elements
                .iter()
                .filter_map(|e| match e {
                    CElement::Word(w) => Some(*w),
                    _ => None,
                })
                .min_by_key(|&w| (literal_uses[w as usize], w));
            let bloom = elements.iter().fold(0u128, |b, e| match e {
                CElement::Word(w) => b | bloom_bit(*w),
                _ => b,
            });
            let literal_count = v.literal_count() as u32;
            refs.push((
                slot,
                key,
                bloom,
                literal_count,
                matches!(elements.first(), Some(CElement::Target)),
            ));
            d.patterns.push(CompiledPattern {
                index: i as u32,
                before,
                elements,
                literal_count,
            });
        }
        // PETRARCH generates only regular forms and takes irregular ones from the block, so a
        // word that heads a block of its own ("MET", "LEFT") is that block's verb, never a form
        // of another lemma ("MEET", "LEAVE") reached through dyad's irregular tables.
        // Only a verb standing alone counts: "+ATTACKED_AND_STABBED" does not make "attacked" a
        // block of its own.
        let mut own_block: FxHashMap<u32, usize> = FxHashMap::default();
        if set.petrarch {
            for (v, &(slot, ..)) in set.verbs.iter().zip(&refs) {
                if !v.before.is_empty() || !v.elements.is_empty() {
                    continue;
                }
                if let Some(&(id, Form::Base)) = lemma_forms[slot].first() {
                    own_block.insert(id, slot);
                }
            }
        }
        // Such a block's word keeps the tense it has as the other lemma's form: "left" is a past,
        // whatever block it heads.
        // The other lemmas' forms of those words, gathered in one pass (slot order, then form
        // order): a search of every lemma per block was quadratic in the verb file.
        let mut other_forms: FxHashMap<u32, Vec<(usize, Form)>> = FxHashMap::default();
        if !own_block.is_empty() {
            for (s, forms) in lemma_forms.iter().enumerate() {
                for &(x, f) in forms {
                    if f != Form::Base && own_block.contains_key(&x) {
                        other_forms.entry(x).or_default().push((s, f));
                    }
                }
            }
        }
        for (&id, &slot) in &own_block {
            // Only entries of `id` change below, after its own search: the gathered forms of the
            // other words stay what a fresh search would find.
            let tense = other_forms
                .get(&id)
                .and_then(|v| v.iter().find(|&&(s, _)| s != slot))
                .map(|&(_, f)| f);
            if let Some(f) = tense {
                for entry in lemma_forms[slot].iter_mut().filter(|(x, _)| *x == id) {
                    entry.1 = f;
                }
            }
        }
        let foreign = |id: u32, slot: usize| own_block.get(&id).is_some_and(|&s| s != slot);
        let words = d.words.len();
        let mut counts = vec![(0usize, 0usize); words];
        for &(slot, key, ..) in &refs {
            for &(id, _) in lemma_forms[slot]
                .iter()
                .filter(|(id, _)| !foreign(*id, slot))
            {
                let c = &mut counts[id as usize];
                c.0 += 1;
                c.1 += usize::from(key.is_none());
            }
        }
        // Verb indexes by ascending word id.
        d.verb_of_word = vec![NO_NODE; words];
        for (id, &(all, unkeyed)) in counts.iter().enumerate() {
            if all > 0 {
                d.verb_of_word[id] = d.verb_indexes.len() as u32;
                d.verb_indexes.push(VerbIndex {
                    all: Vec::with_capacity(all),
                    unkeyed: Vec::with_capacity(unkeyed),
                    // At most one key per keyed pattern: sized once instead of rehashed while
                    // filled (7,700 rehashes of small maps with the embedded set). Only looked
                    // up, never iterated in an order that matters.
                    keyed: FxHashMap::with_capacity_and_hasher(all - unkeyed, Default::default()),
                    ..VerbIndex::default()
                });
            }
        }
        for (i, &(slot, key, bloom, literals, target_first)) in refs.iter().enumerate() {
            for &(id, form) in lemma_forms[slot]
                .iter()
                .filter(|(id, _)| !foreign(*id, slot))
            {
                let index = &mut d.verb_indexes[d.verb_of_word[id as usize] as usize];
                index.all.push((i as u32, form));
                let r = VerbRef {
                    pattern: i as u32,
                    literals,
                    form,
                    target_first,
                    bloom,
                };
                match key {
                    Some(k) => index.keyed.entry(k).or_default().push(r),
                    None => index.unkeyed.push(r),
                }
            }
        }
        for index in &mut d.verb_indexes {
            // Gathered on the stack (there are six forms) and allocated once at their number: a
            // push onto the empty list went through the growth path for each of some 5,400.
            let mut forms = [Form::Base; 6];
            let mut n = 0;
            for &(_, f) in &index.all {
                if !forms[..n].contains(&f) && n < forms.len() {
                    forms[n] = f;
                    n += 1;
                }
            }
            index.forms = forms[..n].to_vec();
            index.key_bloom = index.keyed.keys().fold(0, |b, &k| b | bloom_bit(k));
        }
        // Dense tables by word id and node, built once the lexicon and the trie are complete.
        d.root = vec![NO_NODE; words];
        for (&(node, word), &child) in &d.trie {
            if node == 0 {
                d.root[word as usize] = child;
            }
        }
        // Each node's phrases, the last loaded first: later files override earlier ones (a
        // curator's folder wins over the defaults). A counting sort by node, walking the
        // entries backwards.
        let mut starts = vec![0u32; d.nodes as usize + 1];
        for &(node, _) in &terminals {
            starts[node as usize + 1] += 1;
        }
        for n in 1..starts.len() {
            starts[n] += starts[n - 1];
        }
        let mut next = starts.clone();
        let mut at = vec![0u32; terminals.len()];
        for (k, &(node, _)) in terminals.iter().enumerate().rev() {
            at[next[node as usize] as usize] = k as u32;
            next[node as usize] += 1;
        }
        let mut taken: Vec<Option<PhraseEntry>> =
            terminals.into_iter().map(|(_, e)| Some(e)).collect();
        // (Every entry is taken once: allocated at its size, not grown by doubling from a
        // `filter_map`, which copied the list of entries again at every step.)
        d.terminals = Vec::with_capacity(at.len());
        d.terminals
            .extend(at.iter().filter_map(|&k| taken[k as usize].take()));
        d.terminal_starts = starts;
        d.starts_synset = vec![false; words];
        for &(_, first) in d.synset_starts.keys() {
            d.starts_synset[first as usize] = true;
        }
        d.countries = set
            .actors
            .iter()
            .filter(|a| a.country.as_deref() == Some(a.code.as_str()))
            .map(|a| Box::from(a.code.as_str()))
            .collect();
        d.country_slots = vec![u16::MAX; 26 * 26 * 26];
        let mut names: Vec<&Box<str>> = d.countries.iter().collect();
        names.sort();
        for c in names {
            if let Some(k) = letters3(c.as_bytes()).filter(|_| c.len() == 3) {
                if let Ok(i) = u16::try_from(d.country_names.len()) {
                    d.country_slots[k] = i;
                    d.country_names.push(c.clone());
                }
            }
        }
        d.short = ShortWords::new(d.words.iter().zip(0u32..).map(|(w, id)| (&**w, id)));
        d.mid = MidWords::new(d.words.iter().zip(0u32..).map(|(w, id)| (&**w, id)));
        d.interned_short = FxHashMap::default();
        d.set = set;
        d
    }

    fn intern(&mut self, word: &str) -> u32 {
        // Every short word in the lexicon is in `interned_short` too: one look-up either way.
        let short = pack_short(word.as_bytes());
        let known = match short {
            Some(k) => self.interned_short.get(&k),
            None => self.lexicon.get(word),
        };
        if let Some(&id) = known {
            return id;
        }
        let id = self.lexicon.len() as u32;
        self.lexicon.insert(Box::from(word), id);
        self.words.push(Box::from(word));
        if let Some(k) = short {
            self.interned_short.insert(k, id);
        }
        id
    }

    /// How many words the dictionaries know (ids run from 0 to this, exclusive).
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Whether word `id` starts a phrase of any synset (most words start none).
    #[inline]
    pub fn starts_synset(&self, id: u32) -> bool {
        self.starts_synset.get(id as usize) == Some(&true)
    }

    /// The phrases of synset `set` that start with word `first`, longest first.
    pub fn synset_phrases_from(&self, set: u32, first: u32) -> impl Iterator<Item = &[u32]> + '_ {
        let alts = self.synsets.get(set as usize);
        self.starts_synset(first)
            .then(|| self.synset_starts.get(&(set, first)))
            .flatten()
            .into_iter()
            .flatten()
            .filter_map(move |&k| alts?.get(k as usize).map(Vec::as_slice))
    }

    /// The normalised text of a word id.
    pub fn word(&self, id: u32) -> &str {
        self.words
            .get(id as usize)
            .map(|w| w.as_ref())
            .unwrap_or("")
    }

    /// The id of a normalised word, or `NO_WORD`.
    #[inline]
    pub fn word_id(&self, normalized: &str) -> u32 {
        let b = normalized.as_bytes();
        if let Some(key) = pack_short(b) {
            return self.short.get(key);
        }
        match pack_mid(b) {
            Some(key) => self.mid.get(key),
            None => self.lexicon.get(normalized).copied().unwrap_or(NO_WORD),
        }
    }

    /// `word_id` of a normalised word of 1 to 7 bytes given as an integer: its bytes in
    /// little-endian order, the higher bytes zero. `None` for other lengths. (The coder has most
    /// tokens in this form already.)
    #[inline]
    pub fn short_word_id(&self, le_bytes: u64, len: usize) -> Option<u32> {
        if len == 0 || len > 7 || le_bytes >> (8 * len) != 0 {
            return None;
        }
        Some(self.short.get(le_bytes | (len as u64) << 56))
    }

    /// `word_id` of a normalised word of 1 to 8 bytes given as an integer: its bytes in
    /// little-endian order, the higher bytes zero (`NO_WORD` for other lengths). Unlike
    /// [`Dictionaries::short_word_id`] it takes eight-byte words too (the coder lower-cases a
    /// capitalised word in this form and needs no string for it).
    #[inline]
    pub fn packed_word_id(&self, le_bytes: u64, len: usize) -> u32 {
        match len {
            1..=7 if le_bytes >> (8 * len) == 0 => self.short.get(le_bytes | (len as u64) << 56),
            8 => self.mid.get((le_bytes, 8 << 56)),
            _ => NO_WORD,
        }
    }

    /// One step down the phrase trie from `node` (the root is 0).
    #[inline]
    pub fn step(&self, node: u32, word: u32) -> Option<u32> {
        if word == NO_WORD {
            return None;
        }
        if node == 0 {
            return self
                .root
                .get(word as usize)
                .copied()
                .filter(|&n| n != NO_NODE);
        }
        self.trie.get(&(node, word)).copied()
    }

    /// The phrases that end at `node`, the most recently loaded first.
    #[inline]
    pub fn phrases_at(&self, node: u32) -> &[PhraseEntry] {
        match (
            self.terminal_starts.get(node as usize),
            self.terminal_starts.get(node as usize + 1),
        ) {
            (Some(&a), Some(&b)) => &self.terminals[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The patterns whose verb can be spelled as word `word`, with the form it is in.
    #[inline]
    pub fn verbs_for(&self, word: u32) -> &[(u32, Form)] {
        self.verb_index(word)
            .map(|v| v.all.as_slice())
            .unwrap_or(&[])
    }

    /// The bucketed patterns of a verb form, if `word` is one.
    #[inline]
    pub fn verb_index(&self, word: u32) -> Option<&VerbIndex> {
        let slot = *self.verb_of_word.get(word as usize)?;
        self.verb_indexes.get(slot as usize)
    }

    pub fn pattern(&self, i: u32) -> &VerbPattern {
        &self.set.verbs[i as usize]
    }

    /// The code of an owner, given the document date (persons change code with their roles).
    pub fn owner_code(
        &self,
        owner: Owner,
        date: Option<chrono::NaiveDate>,
    ) -> Option<(&str, &str, &Origin)> {
        match owner {
            Owner::Actor(i) => {
                let a = &self.set.actors[i as usize];
                Some((&a.code, &a.name, &a.origin))
            }
            Owner::Person(i) => {
                let p = &self.set.persons[i as usize];
                p.role_at(date)
                    .map(|r| (r.code.as_str(), p.name.as_str(), &r.origin))
            }
            Owner::Agent(i) => {
                let a = &self.set.agents[i as usize];
                Some((&a.code, &a.name, &a.origin))
            }
        }
    }

    /// The country of an actor code, when its first three letters name a known country actor.
    pub fn country_of(&self, code: &str) -> Option<&str> {
        let head = code.get(..3)?;
        if let Some(k) = letters3(head.as_bytes()) {
            let i = *self.country_slots.get(k)?;
            return self.country_names.get(usize::from(i)).map(|c| c.as_ref());
        }
        self.countries.get(head).map(|c| c.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_file;

    #[test]
    fn word_id_agrees_with_the_lexicon() {
        let d = Dictionaries::compile(crate::embedded_set().unwrap());
        let mut words: Vec<String> = d.words.iter().map(|w| w.to_string()).collect();
        // Words the dictionaries do not know, at every length and with near misses.
        for w in d.words.iter().take(3000) {
            words.push(format!("{w}x"));
            words.push(format!("x{w}"));
            let mut shorter = w.to_string();
            shorter.pop();
            words.push(shorter);
        }
        words.extend((0..40).map(|n| "ab".repeat(n)));
        let mids = words.iter().filter(|w| pack_mid(w.as_bytes()).is_some());
        assert!(mids.count() > 1000);
        for w in &words {
            let want = d.lexicon.get(w.as_str()).copied().unwrap_or(NO_WORD);
            assert_eq!(d.word_id(w), want, "{w:?}");
            let b = w.as_bytes();
            if (1..=8).contains(&b.len()) {
                let mut x = [0u8; 8];
                x[..b.len()].copy_from_slice(b);
                let packed = d.packed_word_id(u64::from_le_bytes(x), b.len());
                assert_eq!(packed, want, "{w:?}");
                if want != NO_WORD {
                    assert_eq!(d.word(want), w, "{w:?}");
                }
            }
        }
    }

    /// `pack_le` is the byte-by-byte fold `pack_short` used, for every length it takes.
    #[test]
    fn pack_le_is_the_fold_of_the_bytes() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in 0..=8 {
            for _ in 0..300 {
                let b: Vec<u8> = (0..n)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        seed as u8
                    })
                    .collect();
                let fold = b.iter().rev().fold(0u64, |k, &x| k << 8 | u64::from(x));
                assert_eq!(pack_le(&b), fold, "{b:?}");
            }
        }
    }

    #[test]
    fn pack_mid_keeps_every_byte_and_the_length() {
        let text = b"abcdefghijklmnopq";
        let mut seen = std::collections::HashSet::new();
        for len in 0..=17 {
            let w = &text[..len];
            assert_eq!(pack_mid(w).is_some(), (8..=15).contains(&len));
            if let Some(k) = pack_mid(w) {
                assert!(seen.insert(k));
                assert_eq!(k.1 >> 56, len as u64);
                let mut back = k.0.to_le_bytes().to_vec();
                back.extend_from_slice(&(k.1 & ((1 << 56) - 1)).to_le_bytes()[..len - 8]);
                assert_eq!(back, w);
                assert_eq!((k.1 & ((1 << 56) - 1)) >> (8 * (len - 8)), 0);
            }
        }
    }

    fn compile(files: &[(&str, &str)]) -> Dictionaries {
        let mut set = DictionarySet::default();
        for (n, t) in files {
            parse_file(n, t, &mut set).unwrap();
        }
        Dictionaries::compile(set)
    }

    fn walk(d: &Dictionaries, words: &[&str]) -> Option<u32> {
        let mut node = 0;
        for w in words {
            node = d.step(node, d.word_id(w))?;
        }
        Some(node)
    }

    #[test]
    fn phrases_become_trie_paths_without_articles() {
        let d = compile(&[(
            "a.actors",
            "actor RUS \"Russia\" country=RUS\n  Russian Federation\n  the Kremlin -> RUSGOV\n  !RF\n",
        )]);
        let n = walk(&d, &["russian", "federation"]).unwrap();
        assert_eq!(d.phrases_at(n)[0].owner, Owner::Actor(0));
        let k = walk(&d, &["kremlin"]).unwrap();
        assert_eq!(d.phrases_at(k)[0].code.as_deref(), Some("RUSGOV"));
        let rf = walk(&d, &["rf"]).unwrap();
        assert_eq!(
            d.phrases_at(rf)[0].exact.as_ref().unwrap()[0].as_ref(),
            "RF"
        );
        assert!(walk(&d, &["russian"]).is_some_and(|n| d.phrases_at(n).is_empty()));
        assert_eq!(d.country_of("RUSGOV"), Some("RUS"));
        assert_eq!(d.country_of("IGOUNO"), None);
    }

    #[test]
    fn later_files_win_and_verbs_are_inflected() {
        let d = compile(&[
            ("irregular-verbs.txt", "hold held held\n"),
            ("a.actors", "actor AAA \"A\"\n  Foo\n"),
            ("b.actors", "actor BBB \"B\"\n  foo\n"),
            ("c.verbs", "046 hold talks with +\n112 accuse + of\n"),
        ]);
        let n = walk(&d, &["foo"]).unwrap();
        assert_eq!(d.phrases_at(n)[0].owner, Owner::Actor(1));
        let held = d.verbs_for(d.word_id("held"));
        assert_eq!(held.len(), 1);
        assert!(held[0].1.can_be_participle());
        assert_eq!(d.verbs_for(d.word_id("accusing"))[0].1, Form::Ing);
        assert_eq!(d.patterns[0].literal_count, 3);
        assert!(d.verbs_for(d.word_id("holded")).is_empty());
    }

    #[test]
    fn every_word_is_found_by_its_text() {
        let d = compile(&[
            ("a.actors", "actor RUS \"Russia\" country=RUS\n  Russia\n  Russian Federation\n  Kremlinologists\n"),
            ("b.actors", "actor UKR \"Ukraine\" country=UKR\n  droid\n"),
            ("c.verbs", "046 hold talks with +\n112 accuse + of\n"),
        ]);
        assert!(d.word_count() > 8);
        for id in 0..d.word_count() as u32 {
            assert_eq!(d.word_id(d.word(id)), id, "{:?}", d.word(id));
        }
        for unknown in [
            "",
            "x",
            "talk",
            "kremlinologist",
            "russiansss",
            "federations",
        ] {
            assert_eq!(d.word_id(unknown), NO_WORD, "{unknown:?}");
        }
        let le = |w: &str| w.bytes().rev().fold(0u64, |k, b| k << 8 | u64::from(b));
        for w in ["russia", "talks", "with", "x", "droid"] {
            assert_eq!(d.short_word_id(le(w), w.len()), Some(d.word_id(w)), "{w:?}");
        }
        assert_eq!(d.short_word_id(le("with"), 3), None);
        assert_eq!(d.short_word_id(0, 0), None);
        assert_eq!(d.country_of("RUSGOV"), Some("RUS"));
        assert_eq!(d.country_of("UKRMIL"), Some("UKR"));
        assert_eq!(d.country_of("U2RMIL"), None);
        assert_eq!(d.country_of("RUX"), None);
        assert_eq!(d.country_of("RU"), None);
    }

    #[test]
    fn person_codes_follow_the_date() {
        let d = compile(&[(
            "p.people.actors",
            "person \"X\"\n  X Y\n  role AAAGOV 2010-01-01..2015-12-31\n  role AAAELI 2016-01-01..\n",
        )]);
        let date = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let code = |s| {
            d.owner_code(Owner::Person(0), date(s))
                .map(|c| c.0.to_string())
        };
        assert_eq!(code("2012-05-01").as_deref(), Some("AAAGOV"));
        assert_eq!(code("2020-05-01").as_deref(), Some("AAAELI"));
        assert_eq!(code("2000-05-01"), None);
    }
}
