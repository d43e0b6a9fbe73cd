//! Actor mentions: dictionary phrases found in a sentence, grouped into noun phrases and given one code.
//!
//! "Russian Foreign Minister Sergei Lavrov" is three phrases (an actor, an agent, a person) but one
//! mention; its code comes from the person's role at the document date.

use crate::words::*;
use crate::Tok;
use dyad_dict::{Dictionaries, Owner, PhraseEntry};
use std::rc::Rc;

/// One dictionary phrase matched at tokens `first..last`.
#[derive(Clone, Debug)]
pub(crate) struct Piece<'d> {
    pub first: usize,
    pub last: usize,
    pub entry: &'d PhraseEntry,
}

/// A mention's code or name: the dictionary's own string when it is one ("RUS", "Vladimir
/// Putin"), else a shared copy of a combined one ("RUSGOV"). Most are the former: they cost no
/// cache lookup and no reference count.
#[derive(Clone, Debug)]
pub enum Text<'d> {
    Dict(&'d str),
    Shared(Rc<str>),
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        match self {
            Text::Dict(s) => s,
            Text::Shared(s) => s,
        }
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl std::fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl From<String> for Text<'_> {
    fn from(s: String) -> Self {
        Text::Shared(Rc::from(s))
    }
}

/// The dictionary entries behind a mention, borrowed (a mention has one to four or so: no
/// allocation, and a copy of the mention copies four references).
pub type Origins<'d> = smallvec::SmallVec<[&'d dyad_dict::Origin; 4]>;

/// A noun phrase naming an actor. Its texts borrow the dictionaries' or are shared (`Rc`),
/// because the coder copies mentions into its memory of earlier sentences and events: a copy
/// then allocates nothing.
#[derive(Debug)]
pub struct Mention<'d> {
    /// Token range in the sentence.
    pub first: usize,
    pub last: usize,
    pub code: Text<'d>,
    pub country: Option<Text<'d>>,
    pub name: Text<'d>,
    /// Byte span in the document.
    pub span: (usize, usize),
    /// Every dictionary entry that made this mention (formatted only for coded events).
    pub entries: Origins<'d>,
    /// Only an agent ("police", "troops"), with no country or named actor.
    pub bare_agent: bool,
    /// The agent code appended to a country ("GOV" in RUSGOV), and the agent phrase's last token.
    pub agent: Option<(Text<'d>, usize)>,
    /// The code before any agent was appended.
    pub base_code: Text<'d>,
    /// Named through a person entry ("Lavrov"): what "he" or "she" may refer to.
    pub person: bool,
    /// An agent that took its country from a place after it ("protesters in Dhaka").
    pub located: bool,
}

// (By hand for the entries: `SmallVec`'s own clone pushes item by item; these are references.)
impl Clone for Mention<'_> {
    fn clone(&self) -> Self {
        Mention {
            first: self.first,
            last: self.last,
            code: self.code.clone(),
            country: self.country.clone(),
            name: self.name.clone(),
            span: self.span,
            entries: Origins::from_slice(&self.entries),
            bare_agent: self.bare_agent,
            agent: self.agent.clone(),
            base_code: self.base_code.clone(),
            person: self.person,
            located: self.located,
        }
    }
}

fn exact_ok(entry: &PhraseEntry, toks: &[Tok], doc: &str, at: usize) -> bool {
    match &entry.exact {
        None => true,
        Some(words) => words.iter().enumerate().all(|(k, w)| {
            toks.get(at + k)
                .is_some_and(|t| &doc[t.start..t.end] == w.as_ref())
        }),
    }
}

/// Longest dictionary phrases, left to right, never overlapping.
pub(crate) fn find_pieces<'d>(
    dict: &'d Dictionaries,
    toks: &[Tok],
    doc: &str,
    date: Option<chrono::NaiveDate>,
) -> smallvec::SmallVec<[Piece<'d>; 8]> {
    // (A sentence rarely has more than 8 pieces: no allocation.)
    let mut out = smallvec::SmallVec::new();
    let mut i = 0;
    while i < toks.len() {
        // Most tokens start no phrase: their flags say so (no root lookup).
        if toks[i].flags & crate::PHRASE == 0 {
            i += 1;
            continue;
        }
        let Some(mut node) = dict.step(0, toks[i].id) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        // The longest phrase that fits: each end is tried as it is reached, the last kept.
        let mut found = None;
        loop {
            let fits = dict.phrases_at(node).iter().find(|e| {
                exact_ok(e, toks, doc, i)
                    && (!matches!(e.owner, Owner::Person(_))
                        || dict.owner_code(e.owner, date).is_some())
            });
            if let Some(e) = fits {
                found = Some((j, e));
            }
            match toks.get(j).and_then(|t| dict.step(node, t.id)) {
                Some(n) => {
                    node = n;
                    j += 1;
                }
                None => break,
            }
        }
        // "Defence Minister Aden Duale": a place's one-word name between a title and a surname
        // the dictionaries lack is a first name.
        let first_name = |end: usize, entry: &PhraseEntry| {
            !dict.set.petrarch
                && end == i + 1
                && matches!(entry.owner, Owner::Actor(_))
                && out.last().is_some_and(|p: &Piece| {
                    p.last == i && matches!(p.entry.owner, Owner::Agent(_))
                })
                && toks[i - 1].capitalized
                && toks
                    .get(end)
                    .is_some_and(|t| t.capitalized && !t.punct && t.flags & crate::PHRASE == 0)
        };
        match found {
            Some((end, entry)) if first_name(end, entry) => i = end,
            Some((end, entry)) => {
                out.push(Piece {
                    first: i,
                    last: end,
                    entry,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether pieces `a` then `b` belong to one noun phrase, given the tokens between them.
fn joins<'a, W: Fn(usize) -> &'a str>(
    a: &Piece,
    b: &Piece,
    toks: &[Tok],
    words: &W,
    dict: &Dictionaries,
) -> bool {
    let gap = b.first - a.last;
    if gap == 0 {
        return true;
    }
    let between = |k: usize| words(a.last + k);
    // "Russia's foreign minister"
    if gap == 1 && matches!(between(0), "'s" | "'") {
        return true;
    }
    // "South Korea's impeached president", "Sudan's ousted leader", "Sudan's ruling military
    // council": a participle or an adjective of standing between.
    if !dict.set.petrarch
        && gap == 2
        && matches!(between(0), "'s" | "'")
        && (between(1).ends_with("ed") || crate::words::is_standing_adjective(between(1)))
        && matches!(b.entry.owner, Owner::Agent(_) | Owner::Person(_))
    {
        return true;
    }
    let is_agent = |p: &Piece| matches!(p.entry.owner, Owner::Agent(_));
    // PETRARCH reads the whole noun phrase: "Ithilen's awful and evil minister".
    if dict.set.petrarch && gap <= 5 && matches!(between(0), "'s" | "'") && is_agent(b) {
        return (1..gap).all(|k| {
            let w = between(k);
            let t = &toks[a.last + k];
            w.chars().all(|c| c.is_ascii_lowercase())
                && dict.verbs_for(t.id).is_empty()
                && !is_preposition(w)
                && !is_aux(w)
                && !matches!(w, "a" | "an" | "the" | "that")
        });
    }
    let is_person = |p: &Piece| matches!(p.entry.owner, Owner::Person(_));
    // "the foreign minister of Russia", "the president of Turkey" (not "opponents of Ortega",
    // who are against him)
    if gap <= 2
        && is_agent(a)
        && !is_agent(b)
        && between(0) == "of"
        && (gap == 1 || between(1) == "the")
        && !matches!(
            words(a.last - 1),
            "opponents" | "critics" | "rivals" | "enemies"
        )
    {
        return true;
    }
    // "Foreign Minister Sergey Lavrov" with a spelling the dictionary lacks for the first name.
    if gap <= 2 && is_person(b) {
        return (0..gap).all(|k| {
            let t = &toks[a.last + k];
            t.capitalized && dict.verbs_for(t.id).is_empty()
        });
    }
    // "Turkish special forces", "Syrian pro - government militias"
    if gap <= 3 && !is_agent(a) && is_agent(b) {
        return (0..gap).all(|k| {
            let w = between(k);
            let t = &toks[a.last + k];
            dict.verbs_for(t.id).is_empty()
                && !is_preposition(w)
                && !is_conjunction(w)
                && !is_aux(w)
                // ("the Muslim Brotherhood a terrorist organisation" is two phrases; so is
                // "fled to India as protesters stormed": a clause opener ends the first.)
                && !matches!(
                    w,
                    "a" | "an" | "the" | "as" | "when" | "while" | "because" | "if" | "than"
                )
                && w != "that"
                && !t.punct
                || w == "-"
        });
    }
    false
}

/// Groups pieces into mentions and gives each its code.
pub(crate) fn group<'d, 'a, W: Fn(usize) -> &'a str>(
    dict: &'d Dictionaries,
    pieces: &[Piece<'d>],
    toks: &[Tok],
    words: &W,
    date: Option<chrono::NaiveDate>,
) -> Vec<Mention<'d>> {
    let mut out = Vec::with_capacity(pieces.len());
    let mut k = 0;
    while k < pieces.len() {
        let mut end = k + 1;
        while end < pieces.len() && joins(&pieces[end - 1], &pieces[end], toks, words, dict) {
            end += 1;
        }
        // "pro-European protesters", "anti-American demonstrators": the named actor is what the
        // people are for or against, not who they are (the agent stays, with no country; a lone
        // "pro-Western" names nobody).
        let first = pieces[k].first;
        let stance = (!dict.set.petrarch && first >= 2 && words(first - 1) == "-")
            .then(|| words(first - 2))
            .filter(|x| matches!(*x, "pro" | "anti"));
        // "Private Travis King": a title word after a name the dictionaries lack is a surname.
        let p = &pieces[k];
        let surname = !dict.set.petrarch
            && end == k + 1
            && p.last == p.first + 1
            && matches!(p.entry.owner, Owner::Agent(_))
            && toks[p.first].capitalized
            && p.first >= 2
            && toks[p.first - 1].capitalized
            && !toks[p.first - 1].punct
            && (k == 0 || pieces[k - 1].last < p.first);
        // "the governor of West Darfur": a compass word before a name is part of that name.
        let last = pieces[end - 1].last;
        let compass = !dict.set.petrarch
            && matches!(words(last - 1), "west" | "east" | "north" | "south")
            && toks.get(last).is_some_and(|t| t.capitalized && !t.punct)
            && pieces.get(end).is_none_or(|n| n.first > last);
        // "Libya's U.N.-backed government", "Russian-backed separatists": the backer names
        // whom the noun is backed by, not who it is. ("Saudi-led" does say who leads.)
        let backer = !dict.set.petrarch
            && words(last) == "-"
            && crate::words::is_backer_participle(words(last + 1))
            // ("the Iran-aligned Houthi movement": or a named group right after it.)
            && (pieces
                .get(end)
                .is_some_and(|n| n.first == last + 2 && !matches!(n.entry.owner, Owner::Agent(_)))
                || (last + 2..last + 4).any(|j| {
                matches!(
                    words(j),
                    "government"
                        | "administration"
                        | "authorities"
                        | "forces"
                        | "militia"
                        | "militias"
                        | "rebels"
                        | "fighters"
                        | "troops"
                        | "separatists"
                        // ("the Iran-allied group seized Taiz": the group is not Iran.)
                        | "group"
                        | "groups"
                        | "movement"
                        | "faction"
                        | "factions"
                )
            }));
        if surname || (compass || backer) && end == k + 1 {
            k = end;
            continue;
        }
        // (The compass word or the backer alone leaves the group: "the governor of" stays an
        // agent, "Libya's" the possessor.)
        let upto = if compass || backer { end - 1 } else { end };
        if let Some(m) = resolve(dict, &pieces[k..upto], toks, words, date, stance) {
            out.push(m);
        }
        k = end;
    }
    adjective_agents(dict, &mut out, toks, words);
    share_agents(&mut out, words, dict.set.petrarch);
    share_country(&mut out, words);
    located_agents(dict, &mut out, words);
    agents_of_lists(dict, &mut out, words);
    armed_nouns(dict, &mut out, toks, words);
    loyal_agents(dict, &mut out, words);
    counted_people(dict, &mut out, toks, words);
    if !dict.set.petrarch {
        groups_own_agents(&mut out, words);
        faith_of_country(&mut out, words);
        group_named_before(&mut out, words);
        court_named_before(&mut out, words);
        ethnic_forces(&mut out, toks, words);
        brussels_for_belgium(&mut out, words);
        led_agents(&mut out, words);
        out.retain(|m| !market_name(m, words));
    }
    out
}

/// "hit Tokyo stocks", "fears of a U.S. recession": a country or city naming its market or
/// economy is no actor.
fn market_name<'a, W: Fn(usize) -> &'a str>(m: &Mention<'_>, words: &W) -> bool {
    !m.bare_agent
        && !m.person
        && m.agent.is_none()
        && m.code.len() == 3
        && matches!(
            words(m.last),
            "stocks"
                | "shares"
                | "equities"
                | "bourse"
                | "bonds"
                | "economy"
                | "recession"
                | "inflation"
                | "currency"
                | "stock"
                | "share"
        )
}

/// Agents an owner's "their", "his" or "her" names (see `owned_code`) take the owner's code.
fn groups_own_agents<'a, W: Fn(usize) -> &'a str>(out: &mut [Mention<'_>], words: &W) {
    for i in 1..out.len() {
        let m = &out[i];
        let owner_word = if m.first == 0 { "" } else { words(m.first - 1) };
        if !m.bare_agent
            || !matches!(owner_word, "their" | "his" | "her")
            || !matches!(&*m.code, "GOV" | "MIL" | "REB" | "ELI" | "COP" | "SPY")
        {
            continue;
        }
        let Some(owner) = out[..i].iter().rev().find(|x| !x.bare_agent) else {
            continue;
        };
        if let Some(actor) = owned_code(owner_word, owner, m) {
            stands_for(&mut out[i], actor);
        }
    }
}

/// "Rwanda severed ties with Belgium, accusing Brussels of ...": the city that stands for the
/// EU stands for Belgium in a sentence about Belgium.
fn brussels_for_belgium<'a, W: Fn(usize) -> &'a str>(out: &mut [Mention<'_>], words: &W) {
    if !out.iter().any(|m| m.country.as_deref() == Some("BEL")) {
        return;
    }
    for m in out.iter_mut() {
        if m.last == m.first + 1 && words(m.first) == "brussels" && m.code.starts_with("IGO") {
            stands_for(
                m,
                (shared(["BEL"]), shared(["Belgium"]), Some(shared(["BEL"]))),
            );
        }
    }
}

/// "Sudan's army-led government": the agent a country's body leads is that country's. (One it
/// backs or controls may be another's: "Moldova's Russian-backed breakaway region".)
fn led_agents<'a, W: Fn(usize) -> &'a str>(out: &mut [Mention<'_>], words: &W) {
    for j in 1..out.len() {
        let m = &out[j];
        if !m.bare_agent
            || m.first < 2
            || words(m.first - 2) != "-"
            || !matches!(words(m.first - 1), "led" | "dominated" | "run")
            || out[j - 1].last != m.first - 2
        {
            continue;
        }
        let Some(country) = out[j - 1].country.clone() else {
            continue;
        };
        of_country(&mut out[j], country);
    }
}

/// The code, name and country that make an actor itself.
type Identity<'d> = (Text<'d>, Text<'d>, Option<Text<'d>>);

/// Mention `x`'s own code, name and country.
fn identity<'d>(x: &Mention<'d>) -> Identity<'d> {
    (x.code.clone(), x.name.clone(), x.country.clone())
}

/// Agent mention `m` is that of `country` ("GOV" becomes "SDNGOV").
fn of_country<'d>(m: &mut Mention<'d>, country: Text<'d>) {
    m.code = format!("{country}{}", m.code).into();
    m.country = Some(country);
    m.bare_agent = false;
}

/// Agent mention `m` is found to name the actor `(code, name, country)`.
fn stands_for<'d>(m: &mut Mention<'d>, (code, name, country): Identity<'d>) {
    m.code = code;
    m.name = name;
    m.country = country;
    m.bare_agent = false;
}

/// The code, name and country of agent `m` that `owner` owns through `word`:
/// - "Yemen's Houthis said their prime minister had been killed": leaders or fighters a group's
///   "their" owns are the group itself (only when the actor named last before them is a group: a
///   country's "their" is too often someone else's);
/// - "Kim Jong Un apologised after his troops shot dead ...", "Shekau said his fighters had seized
///   them": a person's "his" or "her" forces are the person's country's, a group leader's the
///   group ("his government", "his spokesman" are left to the clause rules: the speaker's own).
fn owned_code<'d>(word: &str, owner: &Mention<'d>, m: &Mention<'d>) -> Option<Identity<'d>> {
    let group = crate::is_group_code(&owner.code);
    if word == "their" {
        return (!owner.person && owner.country.is_some() && group).then(|| identity(owner));
    }
    let country = owner.country.clone().filter(|_| owner.person)?;
    if group {
        Some((owner.code.clone(), owner.name.clone(), Some(country)))
    } else if matches!(&*m.code, "MIL" | "COP" | "SPY") {
        Some((
            format!("{country}{}", m.code).into(),
            m.name.clone(),
            Some(country),
        ))
    } else {
        None
    }
}

/// Whether `code` is one of CAMEO's religion codes (Sunni, Shia, Muslim, Christian...).
pub(crate) fn is_faith_code(code: &str) -> bool {
    matches!(
        code.as_bytes().get(..3),
        Some(b"SUN" | b"SHI" | b"MOS" | b"CHR" | b"CTH" | b"JEW" | b"HIN" | b"BUD")
    )
}

/// "Bahrain stripped its most senior Shi'ite cleric", "Iraq's top Shi'ite cleric", "the
/// kingdom's main Shi'ite opposition group": a faith's agent that a country owns is that
/// country's agent (the faith says who they are, the country whose they are).
fn faith_of_country<'a, W: Fn(usize) -> &'a str>(out: &mut [Mention<'_>], words: &W) {
    for i in 0..out.len() {
        let m = &out[i];
        if m.code.len() != 6 || !is_faith_code(&m.code) || m.agent.is_none() {
            continue;
        }
        // Past a few modifiers ("most senior", "main", "top") to the possessive.
        let mut k = m.first;
        while k > 0 && m.first - k < 3 && !matches!(words(k - 1), "its" | "their" | "'s") {
            if crate::words::is_determiner(words(k - 1)) || words(k - 1) == "," {
                break;
            }
            k -= 1;
        }
        if k == 0 {
            continue;
        }
        let owner = k - 1;
        let referring = match words(owner) {
            "its" | "their" => true,
            "'s" => {
                owner >= 2
                    && words(owner - 2) == "the"
                    && matches!(
                        words(owner - 1),
                        "country" | "kingdom" | "nation" | "republic" | "state" | "emirate"
                    )
            }
            _ => continue,
        };
        let country = if referring {
            out[..i]
                .iter()
                .rev()
                .find(|x| !x.bare_agent && !is_faith_code(&x.code))
                .and_then(|x| x.country.clone())
        } else {
            // ("Iraq's": the country named right before the possessive.)
            out[..i]
                .iter()
                .rev()
                .find(|x| x.last == owner && x.code.len() == 3)
                .and_then(|x| x.country.clone())
        };
        if let Some(c) = country {
            out[i].code = format!("{c}{}", &out[i].code[3..]).into();
            out[i].country = Some(c);
        }
    }
}

/// "Al-Shabaab gunmen attacked ..., and the Somali militant group claimed responsibility": "the"
/// armed group a sentence describes after naming one (of the same country, if it says) is that
/// group.
fn group_named_before<'a, W: Fn(usize) -> &'a str>(out: &mut [Mention<'_>], words: &W) {
    for i in 1..out.len() {
        let m = &out[i];
        if m.first == 0
            || words(m.first - 1) != "the"
            || !(m.code.ends_with("REB") || m.code.ends_with("SEP"))
            || !matches!(
                words(m.last - 1),
                "group" | "movement" | "organisation" | "organization" | "militia"
            )
        {
            continue;
        }
        let named = out[..i].iter().rev().find(|x| {
            !x.bare_agent
                && !x.person
                && crate::is_group_code(&x.code)
                && !x.code.starts_with("IGO")
                && (m.country.is_none() || x.country == m.country)
        });
        if let Some(actor) = named.map(identity) {
            stands_for(&mut out[i], actor);
        }
    }
}

/// "a day after ethnic Armenian forces shot down ...": armed men of an ethnic group, named by
/// its demonym, are its separatists (ARMSEP), and "ethnic" belongs to their phrase.
fn ethnic_forces<'a, W: Fn(usize) -> &'a str>(out: &mut [Mention<'_>], toks: &[Tok], words: &W) {
    for m in out.iter_mut() {
        let armed = m
            .agent
            .as_ref()
            .is_some_and(|(a, _)| matches!(&**a, "MIL" | "REB"));
        if !armed || m.first == 0 || words(m.first - 1) != "ethnic" || m.base_code.len() != 3 {
            continue;
        }
        m.code = shared([&m.base_code, "SEP"]);
        m.agent = m.agent.take().map(|(_, last)| (Text::Dict("SEP"), last));
        m.first -= 1;
        m.span.0 = toks[m.first].start;
    }
}

/// "the ICC ... accused the court of targeting Africans": "the court" is the last court the
/// sentence named, not a court of the country it is about.
fn court_named_before<'a, W: Fn(usize) -> &'a str>(out: &mut [Mention<'_>], words: &W) {
    for i in 1..out.len() {
        let m = &out[i];
        if !m.bare_agent
            || m.first == 0
            || m.last != m.first + 1
            || words(m.first) != "court"
            || words(m.first - 1) != "the"
        {
            continue;
        }
        let named = out[..i].iter().rev().find(|x| {
            !x.bare_agent
                && (words(x.last - 1) == "court"
                    || matches!(&*x.code, "IGOICC" | "IGOUNOICJ" | "IGOPCA"))
        });
        if let Some(court) = named.map(identity) {
            stands_for(&mut out[i], court);
        }
    }
}

/// "detained two Canadians", "deported more than a thousand Colombians": people of a
/// nationality, counted as the object of a verb, are its civilians, not its state. (Counted
/// crowds that act, "thousands of Israelis protested", stand for their country.)
fn counted_people<'a, W: Fn(usize) -> &'a str>(
    dict: &Dictionaries,
    out: &mut [Mention<'_>],
    toks: &[Tok],
    words: &W,
) {
    if dict.set.petrarch {
        return;
    }
    for m in out.iter_mut() {
        if m.last != m.first + 1 || m.agent.is_some() || m.bare_agent || m.person {
            continue;
        }
        if !words(m.first).strip_suffix('s').is_some_and(is_demonym) {
            continue;
        }
        let Some(country) = dict.country_of(&m.code).filter(|c| *c == &*m.code) else {
            continue;
        };
        let mut k = m.first;
        let mut counted = false;
        while k > 0 {
            let x = words(k - 1);
            if is_quantity(x) {
                counted = true;
            } else if !matches!(
                x,
                "of" | "more" | "than" | "a" | "an" | "about" | "some" | "nearly"
            ) {
                break;
            }
            k -= 1;
        }
        // ("Two of four Americans kidnapped by cartel gunmen", "three Britons were killed":
        // people counted and acted on in the passive too.)
        let n = m.last;
        let acted_on = || {
            matches!(words(n), "were" | "was") && crate::words::is_past_verb_form(words(n + 1))
                || crate::words::is_past_verb_form(words(n))
                    && (n + 1..n + 4).any(|j| words(j) == "by")
        };
        // "freed Americans Kenneth Bae and Matthew Todd Miller": nationals named one by one.
        let named = toks.get(n).is_some_and(|t| t.capitalized && !t.punct);
        if counted && (k > 0 && !dict.verbs_for(toks[k - 1].id).is_empty() || acted_on()) || named {
            m.code = shared([country, "CVL"]);
            m.name = shared([&*m.name, " civilians"]);
        }
    }
}

/// "rebel forces loyal to Riek Machar", "troops loyal to Assad": an armed agent with no country
/// of its own serves the one it is loyal to (his country's armed agent, or the group itself).
fn loyal_agents<'d, 'a, W: Fn(usize) -> &'a str>(
    dict: &Dictionaries,
    out: &mut Vec<Mention<'d>>,
    words: &W,
) {
    if dict.set.petrarch {
        return;
    }
    let mut i = 0;
    while i + 1 < out.len() {
        let m = &out[i];
        let next = &out[i + 1];
        let linked = matches!(
            (words(m.last), words(m.last + 1)),
            ("loyal", "to") | ("allied", "to") | ("allied", "with")
        ) && (next.first == m.last + 2
            || next.first == m.last + 3 && words(m.last + 2) == "the");
        if !(m.bare_agent && linked && !next.bare_agent && matches!(&*m.code, "MIL" | "REB")) {
            i += 1;
            continue;
        }
        let next = out.remove(i + 1);
        let m = &mut out[i];
        let code = match next.country.as_deref() {
            Some(c) => shared([c, &*m.code]),
            None => next.code.clone(),
        };
        let name = shared([&*next.name, " ", &*m.name]);
        absorb(m, &next, code, name);
        m.base_code = next.code.clone();
        i += 1;
    }
}

/// "attacked Armenian positions", "Israeli strikes killed ...": a country's positions and convoys,
/// and its attacks where they act (not where they are condemned or answered), are its armed
/// forces'.
fn armed_nouns<'a, W: Fn(usize) -> &'a str>(
    dict: &Dictionaries,
    out: &mut [Mention<'_>],
    toks: &[Tok],
    words: &W,
) {
    if dict.set.petrarch {
        return;
    }
    for m in out.iter_mut() {
        if m.bare_agent || m.person || m.agent.is_some() || m.code.len() != 3 {
            continue;
        }
        let mut e = m.last;
        while e < toks.len() && is_attack_modifier(words(e)) {
            e += 1;
        }
        let Some(head) = toks.get(e) else {
            continue;
        };
        let noun = words(e);
        let site = matches!(noun, "positions" | "convoy" | "convoys" | "outposts");
        if !site && !is_attack_noun(noun) && noun != "fire" {
            continue;
        }
        // (The dictionary lookup last: most mentions are followed by no such noun.)
        let Some(country) = dict.country_of(&m.code).filter(|c| *c == &*m.code) else {
            continue;
        };
        let attack = (is_attack_noun(noun) || noun == "fire") && {
            // The attack acts: it opens the clause or is the agent of a passive ("wounded by
            // Israeli fire", "killed in an Israeli air strike"). After a verb or "for" it is
            // what is condemned or answered, and the country's.
            let mut j = m.first;
            while j > 0 && is_determiner(words(j - 1)) {
                j -= 1;
            }
            // ("repelled a Russian attack": fought off, the attack is still the force's own.)
            let opens = j == 0
                || matches!(
                    words(j - 1),
                    "," | "by" | "in" | "after" | "when" | "as" | "repelled" | "repulsed" | "repel"
                );
            // "Israel strikes Hezbollah targets": a name after the word makes it a verb.
            let next = toks.get(e + 1);
            opens && !head.capitalized && !next.is_some_and(|t| t.capitalized && !t.punct)
        };
        if !site && !attack {
            continue;
        }
        m.code = shared([country, "MIL"]);
        m.name = shared([&*m.name, " military"]);
        // The phrase is the mention: "Israeli air strikes killed" has it as subject, and its
        // words are no verbs.
        m.last = e + 1;
        m.span.1 = head.end;
    }
}

/// "protesters in Hong Kong", "police in Kabul": a local agent with no country of its own takes
/// the country of the place right after it.
fn located_agents<'d, 'a, W: Fn(usize) -> &'a str>(
    dict: &'d Dictionaries,
    out: &mut Vec<Mention<'d>>,
    words: &W,
) {
    // "soldiers from Gondor", "the government of Gondor": the agent is the country's, and the
    // country is no actor of its own there. (PETRARCH also reads "lawmakers in Gondor" so.)
    let mut i = 0;
    while i + 1 < out.len() {
        // (Most mentions are no agent, or one followed by no such link: the tests after these
        // are not run for them.)
        if !out[i].bare_agent {
            i += 1;
            continue;
        }
        let link = words(out[i].last);
        // (dyad's own: "the government in Kiev", "authorities in Tehran" too; not "the
        // embassy in Moscow" or "troops in Syria", which may be anyone's.)
        let rulers_in = link == "in"
            && &*out[i].code == "GOV"
            && matches!(
                words(out[i].last - 1),
                "government" | "authorities" | "administration" | "regime" | "leadership" | "junta"
            );
        let joins =
            link == "from" || (dict.set.petrarch && matches!(link, "in" | "of")) || rulers_in;
        if !joins {
            i += 1;
            continue;
        }
        let next = &out[i + 1];
        // "recalled its ambassadors from Ireland": a possessed agent is the possessor's.
        let possessed = out[i].first > 0
            && matches!(
                words(out[i].first - 1),
                "its" | "their" | "his" | "her" | "our" | "'s" | "'"
            );
        // PETRARCH2 finds the actor anywhere in the agent's "of" phrase ("the mayor of the
        // northern West Bank city of Nablus" is PSEGOV): determiners and place words may come
        // between.
        let adjacent = if dict.set.petrarch {
            next.first > out[i].last
                && (out[i].last + 1..next.first)
                    .all(|t| is_determiner(words(t)) || is_place_modifier(words(t)))
        } else {
            next.first == out[i].last + 1 && !is_place_modifier(words(next.first))
        };
        if !possessed
            && adjacent
            && !next.bare_agent
            && next.agent.is_none()
            && (dict.set.petrarch || next.code.len() == 3)
            && dict.country_of(&next.code).is_some()
        {
            agent_from(dict, out, i, words);
            continue;
        }
        i += 1;
    }
    // "foreign ministers from the Syria Support Group", "officials of the U.N.": people of an
    // international organisation speak and act as it.
    let mut i = 0;
    while !dict.set.petrarch && i + 1 < out.len() {
        let mut k = out[i].last + 1;
        while matches!(words(k), "the") {
            k += 1;
        }
        if out[i].bare_agent
            && matches!(words(out[i].last), "from" | "of")
            && out[i + 1].first == k
            && out[i + 1].code.starts_with("IGO")
        {
            let next = out.remove(i + 1);
            let m = &mut out[i];
            m.base_code = next.code.clone();
            m.agent = None;
            absorb(m, &next, next.code.clone(), next.name.clone());
        }
        i += 1;
    }
    for i in 0..out.len().saturating_sub(1) {
        // Only agents that are local by nature ("a court in Moscow", "students in Belgrade",
        // "militants in Gaza"): "troops in Syria" or "reporters in Vienna" may be foreigners.
        // "residents of Gaza", "the people of Sudan": civilians of a place are its own.
        let of_place = words(out[i].last) == "of" && &*out[i].code == "CVL";
        // "terrorist camps in Pakistan", "military sites in Iran": where their sites are (for
        // any agent: a force's bases in a country are, unless named otherwise, that country's).
        let within = crate::words::is_within;
        let site = crate::words::is_site_noun(words(out[i].last)) && within(words(out[i].last + 1));
        if !out[i].bare_agent
            || !within(words(out[i].last)) && !of_place && !site
            || !site && !crate::is_local_agent(&out[i].code)
        {
            continue;
        }
        let mut k = out[i].last + 1 + usize::from(site);
        while is_determiner(words(k)) || is_place_modifier(words(k)) {
            k += 1;
        }
        let next = &out[i + 1];
        if next.first != k || next.code.len() != 3 {
            continue;
        }
        let Some(country) = dict.country_of(&next.code).map(Text::Dict) else {
            continue;
        };
        of_country(&mut out[i], country);
        out[i].located = true;
    }
}

/// `located_agents`' first rule, once it applies: the agent `out[i]` takes in the country after
/// it. (Out of line: few sentences reach it, and `group` runs for every sentence.)
#[inline(never)]
fn agent_from<'d, 'a, W: Fn(usize) -> &'a str>(
    dict: &'d Dictionaries,
    out: &mut Vec<Mention<'d>>,
    i: usize,
    words: &W,
) {
    let next = out.remove(i + 1);
    let agent = out[i].code.clone();
    let listed = agent_to_list(dict, out, i + 1, next.last, &agent, words);
    let m = &mut out[i];
    let (code, name) = (
        format!("{}{}", next.code, m.code).into(),
        format!("{} {}", next.name, m.name).into(),
    );
    absorb(m, &next, code, name);
    // PETRARCH: "lawmakers and officials in Fornost and Gondor": the agents joined before
    // are each country's too (one event per country, as `/` codes are coded).
    if dict.set.petrarch {
        let countries: Vec<Text> = std::iter::once(next.code.clone()).chain(listed).collect();
        let mut p = i;
        while p > 0
            && out[p - 1].bare_agent
            && (out[p - 1].last..out[p].first).all(|t| matches!(words(t), "and" | ","))
            && out[p - 1].last < out[p].first
        {
            p -= 1;
            let agent = out[p].code.clone();
            let codes: Vec<String> = countries.iter().map(|c| format!("{c}{agent}")).collect();
            let m = &mut out[p];
            m.code = codes.join("/").into();
            m.country = Some(next.code.clone());
            m.bare_agent = false;
        }
    }
}

/// Mention `m` (an agent) takes in the mention `next` after it, under a new code and name.
fn absorb<'d>(m: &mut Mention<'d>, next: &Mention<'d>, code: Text<'d>, name: Text<'d>) {
    m.code = code;
    m.country = next.country.clone();
    m.name = name;
    m.entries.extend(next.entries.iter().copied());
    m.bare_agent = false;
    m.last = next.last;
    m.span.1 = next.span.1;
}

/// "the ambassadors of Arnor, Osgiliath and Gondor", "troops from Turkey and Armenia": the agent
/// linked to the first country of a list is each country's. `j` is the mention after the first
/// country, `after` the token just past it.
fn agent_to_list<'d, 'a, W: Fn(usize) -> &'a str>(
    dict: &Dictionaries,
    out: &mut [Mention<'d>],
    mut j: usize,
    after: usize,
    agent: &str,
    words: &W,
) -> Vec<Text<'d>> {
    let mut reached = Vec::new();
    let mut prev_last = after;
    while j < out.len() {
        let mut k = prev_last;
        while matches!(words(k), "," | "and") && k < out[j].first {
            k += 1;
        }
        // "..., France and the United States"
        if k > prev_last && words(k) == "the" && k < out[j].first {
            k += 1;
        }
        let c = &out[j];
        if k == prev_last
            || c.first != k
            || c.bare_agent
            || c.agent.is_some()
            || c.code.len() != 3
            // PETRARCH's three-letter codes are countries whatever the files call them.
            || !dict.set.petrarch && dict.country_of(&c.code).is_none()
        {
            break;
        }
        reached.push(out[j].code.clone());
        out[j].code = format!("{}{agent}", out[j].code).into();
        prev_last = out[j].last;
        j += 1;
    }
    reached
}

/// The agent phrase of a mention read as one ("ambassadors of Arnor") reaches the countries
/// listed after it.
fn agents_of_lists<'a, W: Fn(usize) -> &'a str>(
    dict: &Dictionaries,
    out: &mut [Mention<'_>],
    words: &W,
) {
    for i in 0..out.len() {
        let Some((agent, end)) = out[i].agent.clone() else {
            continue;
        };
        if end < out[i].last && matches!(words(end), "of" | "from") {
            let last = out[i].last;
            agent_to_list(dict, out, i + 1, last, &agent, words);
        }
    }
}

/// "Turkey's military operation", "government positions": an agent word used as an adjective in
/// front of an ordinary noun names no agent, so the mention keeps only its country (or goes).
fn adjective_agents<'a, W: Fn(usize) -> &'a str>(
    dict: &Dictionaries,
    out: &mut Vec<Mention<'_>>,
    toks: &[Tok],
    words: &W,
) {
    out.retain_mut(|m| {
        let Some((_, end)) = &m.agent else {
            return true;
        };
        // PETRARCH's agents are phrases matched as they stand: "the Calenardhon government
        // issue condemned" is the government's (agent entries such as GOVERNMENT_PRESS spell out
        // the noun phrases that are something else).
        if dict.set.petrarch {
            return true;
        }
        // "condemned the U.S. missile strike": a weapon in front of its attack, as the object
        // of a verb, names the means; the attack is the country's. (As the subject, "a U.S.
        // drone strike killed ...", it is the military that acts.)
        let weapon_attack = matches!(words(m.last - 1), "missile" | "drone" | "rocket")
            && matches!(words(m.last), "strike" | "strikes" | "attack" | "attacks")
            && {
                let mut j = m.first;
                while j > 0 && matches!(words(j - 1), "the" | "a" | "an") {
                    j -= 1;
                }
                j > 0 && j < m.first && !dict.verbs_for(toks[j - 1].id).is_empty()
            };
        if *end != m.last || !is_adjective_agent(words(m.last - 1)) && !weapon_attack {
            return true;
        }
        let Some(next) = toks.get(m.last) else {
            return true;
        };
        let w = words(m.last);
        // "Syrian rebel allies", "government officials": a noun for people keeps the agent.
        if matches!(
            w,
            "allies"
                | "fighters"
                | "factions"
                | "units"
                | "commanders"
                | "leaders"
                | "members"
                // "Sudan's military council", "the military leadership": a ruling body.
                | "council"
                | "leadership"
                | "rulers"
                | "authorities"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "officers"
                | "command"
        ) {
            return true;
        }
        // "militant hideouts inside Iran": the group's sites place it (`located_agents`).
        if crate::words::is_site_noun(w) && crate::words::is_within(words(m.last + 1)) {
            return true;
        }
        // ("Israel's military campaign": nouns that are also verbs in the dictionaries.)
        let operation = matches!(
            w,
            "campaign" | "campaigns" | "offensive" | "operation" | "operations" | "presence"
        );
        let noun = weapon_attack
            || !next.punct
                && !next.capitalized
                && (dict.verbs_for(next.id).is_empty() || operation)
                && !is_preposition(w)
                && !is_conjunction(w)
                && !is_aux(w)
                && !is_determiner(w)
                && !is_adverb(w)
                && !matches!(
                    w,
                    "that"
                    | "who"
                    | "which"
                    | "said"
                    | "says"
                    // Words that end a noun phrase rather than continue it: "ties with the
                    // government almost five years after ...", "the army since 2014".
                    | "almost"
                    | "nearly"
                    | "roughly"
                    | "around"
                    | "since"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "because"
                    | "until"
                    | "as"
                    | "if"
                );
        if !noun {
            return true;
        }
        if m.bare_agent {
            return false;
        }
        m.code = m.base_code.clone();
        m.agent = None;
        true
    });
}

/// "Russian and Turkish troops": the agent after the last country belongs to every country before it.
fn share_agents<'a, W: Fn(usize) -> &'a str>(out: &mut [Mention<'_>], words: &W, petrarch: bool) {
    for j in (1..out.len()).rev() {
        let Some((agent, end)) = out[j].agent.clone() else {
            continue;
        };
        if out[j].bare_agent {
            continue;
        }
        // PETRARCH: "Ithilen and the government of Gondor": an agent that names its country
        // after it ("of Gondor") is that country's alone.
        if petrarch && end < out[j].last {
            continue;
        }
        let mut i = j;
        while i > 0 {
            let (prev, cur) = (&out[i - 1], &out[i]);
            // "southern Israel, the Israeli army said": a comma alone before the agent's own
            // mention is an apposition or a new clause, not a list.
            let comma_only = i == j && crate::joined_by_comma_only(words, prev.last, cur.first);
            if !crate::joined_by_and(words, prev.last, cur.first)
                || comma_only
                || prev.agent.is_some()
                || prev.code.len() != 3
                || prev.bare_agent
            {
                break;
            }
            let p = &mut out[i - 1];
            p.code = format!("{}{agent}", p.code).into();
            p.agent = Some((agent.clone(), p.last));
            i -= 1;
        }
    }
}

/// "Venezuela's government and opposition": an agent listed right after a country's agent is
/// that country's too; so after its office holder ("President Viktor Yanukovych and three
/// opposition leaders").
fn share_country<'a, W: Fn(usize) -> &'a str>(out: &mut [Mention<'_>], words: &W) {
    for j in 1..out.len() {
        let prev = &out[j - 1];
        if !out[j].bare_agent
            || prev.agent.is_none()
                && (!prev.person || crate::joined_by_comma_only(words, prev.last, out[j].first))
            || prev.code.len() != 6
            || !crate::joined_by_and(words, prev.last, out[j].first)
        {
            continue;
        }
        let Some(country) = prev.country.clone() else {
            continue;
        };
        of_country(&mut out[j], country);
    }
}

pub(crate) fn is_adjective_agent(w: &str) -> bool {
    matches!(
        w,
        "military"
            | "government"
            | "opposition"
            | "rebel"
            | "police"
            | "security"
            | "state"
            | "naval"
            | "defence"
            | "defense"
            | "militant"
            | "insurgent"
            | "intelligence"
            | "refugee"
            | "civilian"
            | "media"
            | "business"
            | "diplomatic"
            | "presidential"
    )
}

/// `parts` joined into one shared string, without the formatting machinery.
fn concat(parts: &[&str]) -> Rc<str> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for p in parts {
        let Some(dst) = buf.get_mut(n..n + p.len()) else {
            return Rc::from(parts.concat());
        };
        dst.copy_from_slice(p.as_bytes());
        n += p.len();
    }
    // Whole strings end to end are UTF-8 again.
    match std::str::from_utf8(&buf[..n]) {
        Ok(s) => Rc::from(s),
        Err(_) => Rc::from(parts.concat()),
    }
}

/// Slots of the per-thread caches below (direct-mapped: a collision just replaces the entry).
const SHARED_SLOTS: usize = 4096;

/// A direct-mapped cache: per slot the key it was filled under and the shared value.
type SlotCache<T> = std::cell::RefCell<Vec<Option<(usize, T)>>>;

thread_local! {
    // Mentions repeat the same few joined codes and names ("RUSGOV"): a thread keeps the shared
    // copies it made last instead of allocating one per mention. An entry is keyed by the addresses of
    // the dictionary strings it was made from, but only used when its text is equal too, so a
    // freed dictionary whose memory is reused can never give a wrong answer.
    static SHARED_STRS: SlotCache<Rc<str>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The value `cache` holds under `key` when `same` accepts it, else `make`'s, which replaces it.
fn cached<T: Clone>(
    cache: &'static std::thread::LocalKey<SlotCache<T>>,
    key: usize,
    same: impl Fn(&T) -> bool,
    make: impl FnOnce() -> T,
) -> T {
    let h = (key as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let slot = (h >> 40) as usize % SHARED_SLOTS;
    cache.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.is_empty() {
            cache.resize(SHARED_SLOTS, None);
        }
        match &cache[slot] {
            Some((k, v)) if *k == key && same(v) => v.clone(),
            _ => {
                let v = make();
                cache[slot] = Some((key, v.clone()));
                v
            }
        }
    })
}

/// `parts` joined into one shared string, from the thread's cache when it made it before.
fn shared<'d, const N: usize>(parts: [&str; N]) -> Text<'d> {
    let mut key = N;
    for p in parts {
        key = key.rotate_left(17) ^ p.as_ptr() as usize ^ p.len();
    }
    let same = |s: &Rc<str>| {
        let mut rest = s.as_bytes();
        for p in parts {
            match rest.strip_prefix(p.as_bytes()) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        rest.is_empty()
    };
    Text::Shared(cached(&SHARED_STRS, key, same, || concat(&parts)))
}

/// PETRARCH: the code and name of an actor combined with every agent of its phrase; the last
/// agent used goes to `agent_used`. (Out of line: the default dictionaries never reach it, and inlined it made
/// `group`, which runs for every sentence, 1 KB longer.)
#[inline(never)]
fn petrarch_agents<'d>(
    dict: &'d Dictionaries,
    group: &[Piece<'d>],
    date: Option<chrono::NaiveDate>,
    c: &str,
    n: &str,
    agent_used: &mut Option<(Text<'d>, usize)>,
) -> Option<(String, String)> {
    // (Grown in place: a `format!` per agent allocated a new string each time.)
    let (mut code, mut name) = (String::with_capacity(24), String::with_capacity(48));
    code.push_str(c);
    name.push_str(n);
    for g in group
        .iter()
        .filter(|p| matches!(p.entry.owner, Owner::Agent(_)))
    {
        let (gc, gn) = piece_code(dict, g, date)?;
        // "White House officials": USAGOV is already a government.
        if code.len() > 3 && code[3..].contains(gc) {
            continue;
        }
        let prefix = matches!(g.entry.owner, Owner::Agent(i)
            if dict.set.agents.get(i as usize).is_some_and(|x| x.prefix));
        if prefix {
            code.insert_str(0, gc);
        } else {
            code.push_str(gc);
        }
        name.push(' ');
        name.push_str(gn);
        *agent_used = Some((Text::Dict(gc), g.last));
    }
    Some((code, name))
}

/// A piece's code (its entry's own, else its owner's at `date`) and name.
fn piece_code<'d>(
    dict: &'d Dictionaries,
    p: &Piece<'d>,
    date: Option<chrono::NaiveDate>,
) -> Option<(&'d str, &'d str)> {
    let (code, name, _) = dict.owner_code(p.entry.owner, date)?;
    Some((p.entry.code.as_deref().unwrap_or(code), name))
}

fn resolve<'d, 'a, W: Fn(usize) -> &'a str>(
    dict: &'d Dictionaries,
    group: &[Piece<'d>],
    toks: &[Tok],
    words: &W,
    date: Option<chrono::NaiveDate>,
    stance: Option<&str>,
) -> Option<Mention<'d>> {
    let code_of = |p: &Piece<'d>| piece_code(dict, p, date);
    // PETRARCH: the possessor names the phrase ("Arnor's Elrond", "Ithilen's minister
    // Calimehtar" are Arnor's and Ithilen's).
    let possessor = group.iter().find(|p| {
        dict.set.petrarch
            && matches!(p.entry.owner, Owner::Actor(_))
            && p.last < toks.len()
            && matches!(words(p.last), "'s" | "'")
    });
    let person = group
        .iter()
        .rev()
        .find(|p| matches!(p.entry.owner, Owner::Person(_)))
        .filter(|_| possessor.is_none());
    let actor = possessor.or_else(|| {
        let mut actors = group
            .iter()
            .rev()
            .filter(|p| matches!(p.entry.owner, Owner::Actor(_)));
        let last = actors.next();
        // ("Bahrain's Shi'ite opposition group": a faith names who they are, the country
        // before it whose they are.) (Looked up only when a second actor is in the phrase.)
        let mut before = actors.peekable();
        match last {
            Some(l)
                if !dict.set.petrarch
                    && before.peek().is_some()
                    && code_of(l).is_some_and(|(c, _)| is_faith_code(c)) =>
            {
                before
                    .find(|p| code_of(p).is_some_and(|(c, _)| dict.country_of(c) == Some(c)))
                    .or(last)
            }
            _ => last,
        }
    });
    let agents = || {
        group
            .iter()
            .rev()
            .filter(|p| matches!(p.entry.owner, Owner::Agent(_)))
    };
    // "opposition marchers", "separatist protesters": the crowd is named by its first agent;
    // "the Azerbaijan Airlines jet": a company's craft are the company's; "cartel gunmen" are
    // the cartel's.
    let agent = match (agents().next(), agents().nth(1)) {
        (Some(last), Some(before))
            if !dict.set.petrarch
                && dict
                    .owner_code(last.entry.owner, date)
                    .is_some_and(|(c, _, _)| {
                        let before_is = |x: &str| {
                            dict.owner_code(before.entry.owner, date)
                                .is_some_and(|(b, _, _)| b == x)
                        };
                        c == "CVL"
                            || c == "MIL" && before_is("BUS")
                            || c == "REB" && before_is("CRM")
                    }) =>
        {
            Some(before)
        }
        (last, _) => last,
    };
    // "pro-European protesters" are no Europeans; "pro-Russian gunmen" are armed for Russia and
    // coded as its rebels (CAMEO's custom), so a "pro-" before armed men keeps its actor.
    let armed = || {
        agent.is_some_and(|g| {
            dict.owner_code(g.entry.owner, date)
                .is_some_and(|(c, _, _)| crate::is_armed_code(c))
        })
    };
    let (person, actor) = match stance {
        Some("anti") => (None, None),
        Some(_) if !armed() => (None, None),
        _ => (person, actor),
    };
    // PETRARCH combines agents with a date-restricted actor too ("Georgian demonstrators" is
    // GEO + OPP): such an actor is read as a person entry here, so it becomes the base actor.
    let (person_alone, actor) = if dict.set.petrarch && agent.is_some() {
        (None, person.or(actor))
    } else {
        (person, actor)
    };
    let mut agent_used: Option<(Text<'d>, usize)> = None;
    let base_code: Text<'d>;
    let (code, name, bare_agent): (Text<'d>, Text<'d>, bool) = if let Some(p) = person_alone {
        let (c, n) = code_of(p)?;
        base_code = Text::Dict(c);
        // "Muammar Gaddafi's forces": a leader's forces are his country's forces.
        let forces = agent
            .filter(|g| {
                !dict.set.petrarch
                    && c.len() == 6
                    && g.first > p.last
                    && matches!(words(p.last), "'s" | "'")
            })
            .and_then(|g| code_of(g).map(|(gc, _)| (g, gc)))
            .filter(|(_, gc)| matches!(*gc, "MIL" | "COP" | "SPY"));
        match forces {
            Some((g, gc)) => {
                agent_used = Some((Text::Dict(gc), g.last));
                (shared([&c[..3], gc]), Text::Dict(n), false)
            }
            None => (base_code.clone(), Text::Dict(n), false),
        }
    } else if let Some(a) = actor {
        let (c, n) = code_of(a)?;
        base_code = Text::Dict(c);
        match agent {
            // PETRARCH: every agent of the phrase combines with any actor ("MSF Arnor diplomat" is
            // NGO + ARN + GOV), each on the side its `~` says.
            // A date-restricted or phrase-specific code combines too ("Georgian demonstrators").
            Some(_) if dict.set.petrarch => {
                let (code, name) = petrarch_agents(dict, group, date, c, n, &mut agent_used)?;
                (code.into(), name.into(), false)
            }
            // A country or ethnic group takes the agent's role: RUS + GOV.
            Some(g) if a.entry.code.is_none() && c.len() == 3 => {
                let (gc, gn) = code_of(g)?;
                agent_used = Some((Text::Dict(gc), g.last));
                (shared([c, gc]), shared([n, " ", gn]), false)
            }
            // "the opposition Law and Justice party": a party (PTY, whatever its place) that the
            // phrase calls the opposition is coded as such.
            Some(g)
                if c.len() == 6
                    && c.ends_with("PTY")
                    && code_of(g).is_some_and(|(gc, _)| gc == "OPP") =>
            {
                agent_used = Some((Text::Dict("OPP"), g.last));
                (shared([&c[..3], "OPP"]), Text::Dict(n), false)
            }
            _ => (base_code.clone(), Text::Dict(n), false),
        }
    } else {
        let g = agent?;
        let (c, n) = code_of(g)?;
        let code = Text::Dict(c);
        agent_used = Some((code.clone(), g.last));
        base_code = Text::Dict("");
        (code, Text::Dict(n), true)
    };
    let first = group[0].first;
    let last = group[group.len() - 1].last;
    let role = person.and_then(|p| dict.owner_code(p.entry.owner, date).map(|(_, _, r)| r));
    let entries = group.iter().map(|p| &p.entry.origin).chain(role).collect();
    Some(Mention {
        first,
        last,
        // (A country's own code is its country: shared, not copied.)
        country: dict.country_of(&code).map(Text::Dict),
        code,
        name,
        span: (toks[first].start, toks[last - 1].end),
        entries,
        bare_agent,
        agent: agent_used,
        base_code,
        person: person.is_some(),
        located: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_strings_answer_only_for_their_text() {
        // Strings at one address with different texts (a buffer rewritten in place) must not
        // share an entry.
        let mut buf = String::from("RUSGOV");
        assert_eq!(&*shared([&buf[..3], &buf[3..]]), "RUSGOV");
        buf.replace_range(.., "UKRMIL");
        assert_eq!(&*shared([&buf[..3], &buf[3..]]), "UKRMIL");
        assert_eq!(&*shared([&buf[..3]]), "UKR");
        assert_eq!(&*shared([]), "");
        // A hit hands out the same allocation.
        let name = String::from("Vladimir Putin");
        let rc = |t: Text| match t {
            Text::Shared(rc) => rc,
            Text::Dict(_) => panic!("a joined string is shared"),
        };
        assert!(Rc::ptr_eq(&rc(shared([&name])), &rc(shared([&name]))));
        // More strings than slots: every answer stays right.
        let words: Vec<String> = (0..3 * SHARED_SLOTS).map(|i| format!("w{i}")).collect();
        for _ in 0..2 {
            for w in &words {
                assert_eq!(&*shared([w, " ", w]), format!("{w} {w}"));
            }
        }
    }

    #[test]
    fn texts_compare_and_print_as_their_strings_whatever_they_hold() {
        let dict = String::from("RUSGOV");
        let borrowed = Text::Dict(&dict);
        let joined = shared([&dict[..3], &dict[3..]]);
        assert!(matches!(joined, Text::Shared(_)));
        assert_eq!(borrowed, joined);
        assert_eq!(borrowed, Text::from(String::from("RUSGOV")));
        assert_ne!(borrowed, Text::Dict(&dict[..3]));
        assert_eq!(format!("{joined}{}", Text::Dict("X")), "RUSGOVX");
        assert_eq!(&*Text::Dict(""), "");
    }

    #[test]
    fn cached_flags_of_unknown_words_are_their_text_flags() {
        let words = [
            "the",
            "also",
            "which",
            "olympics",
            "12",
            "three",
            "kabul",
            "x",
            "-",
            "--",
            "quickly",
            "italy",
            "scores",
            "wicket",
            "",
            "publicly",
            "médaille",
        ];
        for _ in 0..3 {
            for w in words {
                assert_eq!(crate::unknown_word_flags(w), crate::text_flags(w), "{w}");
            }
        }
        // Enough words to collide in every slot.
        for i in 0..20_000 {
            let w = format!("{}ly", i % 997);
            assert_eq!(crate::unknown_word_flags(&w), crate::text_flags(&w), "{w}");
        }
    }
}
