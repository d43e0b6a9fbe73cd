//! Closed-class English words the coder reasons with. They are grammar, not dictionary content, so
//! they live in code.

/// For each word length (15 for 15 bytes and more), the first bytes (`& 31`) that a word of that
/// length in `words` has: bit `b & 31` of entry `len`. Worked out when compiling, from the same
/// literals that [`word_in`] matches.
const fn first_bytes(words: &[&str]) -> [u32; 16] {
    let mut t = [0u32; 16];
    let mut k = 0;
    while k < words.len() {
        let b = words[k].as_bytes();
        assert!(!b.is_empty(), "word_in!: an empty word");
        let n = if b.len() < 15 { b.len() } else { 15 };
        t[n] |= 1 << (b[0] & 31);
        k += 1;
    }
    t
}

/// Whether `w` may be one of the words [`first_bytes`] made `table` from: false is sure (no word
/// of that length starts with that byte, modulo 32), true is to be checked.
#[inline(always)]
fn may_be(table: &[u32; 16], w: &str) -> bool {
    let b = w.as_bytes();
    match b.first() {
        Some(&c) => table[b.len().min(15)] & (1 << (c & 31)) != 0,
        None => false,
    }
}

/// `matches!(w, "a" | "b" | ...)` behind a test of the length and first byte against a table
/// made from the same words when compiling: most words a list is asked about are rejected by it,
/// which costs fewer instructions than the dispatch on the length and the compares of
/// `matches!`. The answer is that of `matches!` (every word of the list passes the test).
macro_rules! word_in {
    ($w:expr, $($s:literal)|+ $(,)?) => {{
        const TABLE: [u32; 16] = first_bytes(&[$($s),+]);
        let w: &str = $w;
        may_be(&TABLE, w) && matches!(w, $($s)|+)
    }};
}

/// Words skipped between pattern words and in front of noun phrases.
pub fn is_determiner(w: &str) -> bool {
    word_in!(
        w,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "some"
            | "all"
            | "both"
            | "any"
            | "'s"
            | "'"
            | "new"
            | "fresh"
            | "further"
            | "more"
            | "two"
            | "several"
            | "other"
            | "own"
            | "another"
    )
}

/// Adverbs and other words that may sit between an auxiliary, the verb and its particles.
pub fn is_adverb(w: &str) -> bool {
    if word_in!(
        w,
        "also"
            | "again"
            | "then"
            | "now"
            | "still"
            | "already"
            | "later"
            | "instead"
            | "soon"
            | "once"
            | "even"
            | "just"
            | "yet"
            | "too"
            | "reportedly"
            | "allegedly"
            | "jointly"
            | "together"
            | "back"
            | "further"
            | "swiftly"
            | "ever"
            | "first"
            | "last"
            | "previously"
            | "recently"
            | "strongly"
            | "sharply"
            | "publicly"
            | "formally"
            | "officially"
            | "openly"
            | "firmly"
            | "repeatedly"
            | "immediately"
            | "quickly"
            | "finally"
            | "effectively"
            | "apparently"
    ) {
        return true;
    }
    w.len() >= 5
        && w.ends_with("ly")
        && !matches!(
            w,
            "bully"
                | "belly"
                | "jelly"
                | "holly"
                | "folly"
                | "tally"
                | "sally"
                | "family"
                | "supply"
                | "apply"
                | "reply"
                | "rally"
                | "italy"
                | "assembly"
                | "anomaly"
                | "monopoly"
                | "multiply"
                | "comply"
                | "july"
                | "rely"
                | "ally"
        )
}

/// Forms of "be" (and "get") that make a following participle passive.
pub fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "'re"
            | "get"
            | "got"
            | "gets"
            | "gotten"
            | "getting"
    )
}

pub fn is_have(w: &str) -> bool {
    matches!(w, "has" | "have" | "had" | "having" | "'ve" | "'d")
}

/// Auxiliaries and modals that may stand between a subject and its verb: the words of
/// [`is_be`], [`is_have`] and [`is_modal`] and a few more, in one `matches!` (one dispatch on
/// the length, not four; a test holds it to the four lists).
pub fn is_aux(w: &str) -> bool {
    word_in!(
        w,
        // is_be
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "'re"
            | "get"
            | "got"
            | "gets"
            | "gotten"
            | "getting"
            // is_have
            | "has"
            | "have"
            | "had"
            | "having"
            | "'ve"
            | "'d"
            // is_modal
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            // the rest
            | "do"
            | "does"
            | "did"
            | "'ll"
            | "wo"
            | "ca"
    )
}

/// Modal verbs.
pub fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "will" | "would" | "shall" | "should" | "can" | "could" | "may" | "might" | "must"
    )
}

pub fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "n't" | "never" | "no" | "neither" | "nor" | "cannot"
    )
}

/// Verbs that, followed by `to`, make the next verb a non-event ("refused to attack").
pub fn negates_infinitive(w: &str) -> bool {
    matches!(
        w,
        "refuse"
            | "refused"
            | "refuses"
            | "refusing"
            | "decline"
            | "declined"
            | "declines"
            | "fail"
            | "failed"
            | "fails"
            | "deny"
            | "denied"
            | "denies"
    )
}

/// "tried to", "attempted to": an attempt, whose infinitive may itself be an act.
pub fn is_attempt(w: &str) -> bool {
    matches!(
        w,
        "tried" | "try" | "tries" | "trying" | "attempted" | "attempt" | "attempts"
    )
}

/// Verbs whose infinitive complement has not happened: "plans to attack" is not an attack.
pub fn is_irrealis(w: &str) -> bool {
    matches!(
        w,
        "want"
            | "wants"
            | "wanted"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "hope"
            | "hopes"
            | "hoped"
            | "try"
            | "tries"
            | "tried"
            | "trying"
            | "seek"
            | "seeks"
            | "sought"
            | "expect"
            | "expects"
            | "expected"
            | "intend"
            | "intends"
            | "intended"
            | "aim"
            | "aims"
            | "aimed"
            | "wish"
            | "wishes"
            | "prepare"
            | "prepares"
            | "prepared"
            | "ready"
            | "able"
            | "unable"
            | "likely"
            | "unlikely"
            | "set"
            | "due"
            | "going"
            | "attempt"
            | "attempted"
            | "attempts"
            | "need"
            | "needs"
            | "needed"
    )
}

/// Currency units after an amount ("500 million euros in aid").
pub fn is_currency(w: &str) -> bool {
    matches!(
        w,
        "dollars"
            | "euros"
            | "pounds"
            | "yuan"
            | "yen"
            | "rubles"
            | "roubles"
            | "rupees"
            | "francs"
    )
}

/// Prepositions: an actor right after one is not a subject; after a locative one it is a place.
///
/// The words of [`is_locative`] and the others in one `matches!` (one dispatch on the length,
/// not two; "through" is in both lists, once here; a test holds it to the two lists).
pub fn is_preposition(w: &str) -> bool {
    word_in!(
        w,
        // is_locative
        "in" | "at"
            | "near"
            | "inside"
            | "outside"
            | "across"
            | "throughout"
            | "through"
            | "around"
            | "within"
            | "along"
            // the others
            | "of"
            | "with"
            | "against"
            | "for"
            | "to"
            | "from"
            | "by"
            | "on"
            | "into"
            | "over"
            | "about"
            | "toward"
            | "towards"
            | "between"
            | "among"
            | "than"
            | "like"
            | "under"
            | "after"
            | "before"
            | "since"
            | "during"
            | "via"
            | "including"
            | "without"
            | "despite"
            | "amid"
            | "upon"
            | "onto"
            | "versus"
            | "vs."
            | "per"
            | "behind"
            | "beyond"
            | "off"
    )
}

pub fn is_locative(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "near"
            | "inside"
            | "outside"
            | "across"
            | "throughout"
            | "through"
            | "around"
            | "within"
            | "along"
    )
}

/// Direction and size words that may sit between a locative preposition and a place.
pub fn is_place_modifier(w: &str) -> bool {
    matches!(
        w,
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "central"
            | "north"
            | "south"
            | "east"
            | "west"
            | "capital"
            | "city"
            | "town"
            | "province"
            | "region"
            | "rebel"
            | "-"
            | "held"
            | "controlled"
            | "occupied"
            | "besieged"
            | "war"
            | "torn"
    )
}

/// Words that join actors into one compound subject or object.
pub fn is_conjunction(w: &str) -> bool {
    matches!(w, "and" | "," | "&" | "as well as" | "along with" | "plus")
}

pub fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they" | "we" | "i")
}

/// Tokens that end a clause for the purpose of finding targets.
pub fn is_clause_break(w: &str) -> bool {
    matches!(
        w,
        ";" | ":"
            | "."
            | "?"
            | "!"
            | "\""
            | "("
            | ")"
            | "--"
            | "which"
            | "who"
            | "whom"
            | "while"
            | "whereas"
            | "because"
            | "although"
            | "though"
            | "but"
            | "after"
            | "before"
            | "when"
            | "if"
            | "unless"
            | "since"
            | "as"
    )
}

/// Verbs whose object may be a whole clause with its own subject ("said Russia holds evidence").
pub fn takes_clause(w: &str) -> bool {
    matches!(
        w,
        "say"
            | "says"
            | "said"
            | "saying"
            | "announce"
            | "announced"
            | "announces"
            | "claim"
            | "claimed"
            | "claims"
            | "state"
            | "stated"
            | "states"
            | "add"
            | "added"
            | "adds"
            | "warn"
            | "warned"
            | "warns"
            | "insist"
            | "insisted"
            | "insists"
            | "confirm"
            | "confirmed"
            | "confirms"
            | "deny"
            | "denied"
            | "denies"
            | "report"
            | "reported"
            | "reports"
            | "note"
            | "noted"
            | "notes"
            | "believe"
            | "believed"
            | "believes"
            | "think"
            | "thinks"
            | "thought"
            | "allege"
            | "alleged"
            | "alleges"
            | "argue"
            | "argued"
            | "argues"
            | "acknowledge"
            | "acknowledged"
            | "admit"
            | "admitted"
            | "admits"
            | "stress"
            | "stressed"
            | "stresses"
            | "explain"
            | "explained"
            | "declare"
            | "declared"
            | "declares"
            | "reiterate"
            | "reiterated"
            | "indicate"
            | "indicated"
            | "suggest"
            | "suggested"
            | "know"
            | "knew"
            | "fear"
            | "feared"
            | "fears"
            | "predict"
            | "predicted"
            | "estimate"
            | "estimated"
            | "show"
            | "showed"
            | "shows"
            | "shown"
            | "learned"
            | "heard"
            | "understand"
            | "understood"
            | "assert"
            | "asserted"
            | "tweeted"
            | "wrote"
            | "write"
            | "writes"
            | "concluded"
            | "conclude"
            | "found"
            | "find"
            | "finds"
            | "showing"
            | "suspect"
            | "suspected"
            | "accept"
            | "accepted"
            | "agreed"
            | "agree"
            | "hoped"
            | "hope"
            | "expect"
            | "expected"
            | "recalled"
            | "emphasized"
            | "emphasised"
            | "charged"
            | "maintained"
            | "maintain"
            | "contend"
            | "contended"
            | "complained"
    )
}

/// Words that only sports reports use.
pub fn is_sports_word(w: &str) -> bool {
    matches!(
        w,
        "championship"
            | "championships"
            | "tournament"
            | "olympics"
            | "olympic"
            | "fifa"
            | "uefa"
            | "goalkeeper"
            | "semifinal"
            | "semifinals"
            | "quarterfinal"
            | "quarterfinals"
            | "playoff"
            | "playoffs"
            | "scored"
            | "midfielder"
            | "striker"
            | "wicket"
            | "wickets"
            | "cricket"
            | "rugby"
            | "innings"
            | "grand prix"
            | "medal"
            | "medals"
            | "stadium"
            | "footballer"
            | "cricketer"
            | "wimbledon"
            | "tennis"
            | "trophy"
            | "batsman"
            | "bowler"
            | "penalties"
            | "baseball"
            | "soccer"
            | "golfer"
    )
}

/// Words of quantity before a noun phrase: "four", "dozens of", "at least ten".
/// A death toll that makes a killing a massacre (CAMEO 202): fifty or more, "hundreds",
/// "thousands". ("1,700": the tokenizer keeps a number's commas.)
pub fn is_mass_toll(w: &str) -> bool {
    if matches!(w, "hundreds" | "thousands") {
        return true;
    }
    let digits = w.bytes().filter(|&b| b != b',');
    w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && digits.fold(0u64, |n, b| {
            n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        }) >= 50
}

/// Words that may stand before a count: "at least 132", "more than 100", "some 70".
pub fn is_count_modifier(w: &str) -> bool {
    matches!(
        w,
        "at" | "least"
            | "more"
            | "than"
            | "about"
            | "some"
            | "nearly"
            | "over"
            | "almost"
            | "around"
            | "up"
            | "to"
            | "an"
            | "estimated"
            | "roughly"
    )
}

pub fn is_quantity(w: &str) -> bool {
    w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || word_in!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozen"
                | "dozens"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "million"
                | "millions"
                | "billion"
                | "billions"
                | "scores"
                | "several"
                | "many"
                | "few"
                | "of"
                | "at"
                | "least"
                | "than"
                | "nearly"
                | "almost"
                | "about"
                | "around"
                | "some"
                | "numerous"
        )
}

/// Nouns after an actor adjective that make the phrase a place ("the Syrian border").
pub fn is_place_noun(w: &str) -> bool {
    matches!(
        w,
        "border"
            | "borders"
            | "city"
            | "town"
            | "capital"
            | "region"
            | "province"
            | "territory"
            | "soil"
            | "side"
            | "frontier"
            | "coast"
            | "airspace"
            | "waters"
            | "village"
            | "villages"
            | "port"
            | "countryside"
            | "mainland"
            | "island"
            | "desert"
            | "mountains"
    )
}

/// Words of time that may stand between a subject and its verb ("Russia on Tuesday accused").
pub fn is_time_word(w: &str) -> bool {
    word_in!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "on"
            | "yesterday"
            | "today"
            | "tonight"
            | "overnight"
            | "earlier"
            | "later"
            | "last"
            | "this"
            | "week"
            | "month"
            | "year"
            | "weekend"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    ) || w.bytes().all(|b| b.is_ascii_digit())
}

/// Words that mark the second member of a list as a partner of the first ("X and allied militias").
pub fn is_ally_word(w: &str) -> bool {
    matches!(
        w,
        "allied" | "affiliated" | "aligned" | "loyalist" | "partner" | "other" | "fellow"
    )
}

/// Adjectives of nationality ("Russian", "Turkish", "Chinese"): an actor, but never a subject noun.
pub fn is_demonym(w: &str) -> bool {
    ["ian", "ish", "ese", "ean", "ic"]
        .iter()
        .any(|s| w.ends_with(s))
        && w.len() > 4
        // Demonyms the endings miss (a list: "Haiti", "Malawi" and "Iran" end alike).
        || matches!(
            w,
            "israeli"
                | "iraqi"
                | "saudi"
                | "yemeni"
                | "pakistani"
                | "qatari"
                | "emirati"
                | "somali"
                | "kuwaiti"
                | "omani"
                | "bahraini"
                | "azerbaijani"
                | "bangladeshi"
                | "nepali"
                | "american"
                | "mexican"
                | "cuban"
                | "venezuelan"
                | "moroccan"
                | "kenyan"
                | "german"
                | "afghan"
                | "ugandan"
                | "rwandan"
                | "angolan"
                | "nicaraguan"
                | "guatemalan"
                | "salvadoran"
                | "honduran"
                | "dominican"
                | "tibetan"
                | "mozambican"
                | "french"
                | "dutch"
                | "greek"
                | "swiss"
                | "thai"
                | "uzbek"
                | "kazakh"
                | "tajik"
                | "turkmen"
                | "filipino"
                | "czech"
                | "slovak"
        )
}

/// Nouns for what an actor says or puts forward: after a transitive verb ("rejected U.N. calls",
/// "welcomed a proposal by France") their author is the one acted on.
pub fn is_authored_noun(w: &str) -> bool {
    matches!(
        w,
        "call"
            | "calls"
            | "demand"
            | "demands"
            | "proposal"
            | "proposals"
            | "offer"
            | "offers"
            | "request"
            | "requests"
            | "appeal"
            | "appeals"
            | "plea"
            | "pleas"
            | "plan"
            | "plans"
            | "initiative"
            | "ultimatum"
            | "invitation"
            | "accusation"
            | "accusations"
            | "allegations"
            | "claims"
            | "criticism"
            | "warning"
            | "warnings"
            | "overtures"
    )
}

/// Adjectives of standing that sit inside an actor's noun phrase without changing who it is:
/// "Sudan's ruling military council", "and the main opposition coalition".
pub fn is_standing_adjective(w: &str) -> bool {
    matches!(
        w,
        "ruling"
            | "main"
            | "new"
            | "interim"
            | "transitional"
            | "top"
            | "acting"
            | "incoming"
            | "outgoing"
            | "powerful"
            | "largest"
            | "biggest"
            | "leading"
    )
}

/// Adjectives of tenure that pair up before one noun: "11 current and former journalists".
pub fn is_tenure_adjective(w: &str) -> bool {
    matches!(
        w,
        "current" | "serving" | "former" | "retired" | "past" | "present"
    )
}

/// Adjectives that may stand before the second agent of a compound: "the government and
/// communist rebels".
pub fn is_political_adjective(w: &str) -> bool {
    matches!(
        w,
        "communist"
            | "maoist"
            | "islamist"
            | "jihadist"
            | "separatist"
            | "allied"
            | "armed"
            | "rival"
            | "tribal"
            | "militant"
            | "leftist"
            | "marxist"
            | "royalist"
            | "nationalist"
            | "loyalist"
            | "dissident"
            | "exiled"
            | "local"
    )
}

/// Participles after a hyphen that name who backs a group, not who it is: "Libya's U.N.-backed
/// government", "the Iran-aligned Houthis".
pub fn is_backer_participle(w: &str) -> bool {
    matches!(
        w,
        "backed"
            | "brokered"
            | "mediated"
            | "sponsored"
            | "funded"
            | "supported"
            | "installed"
            | "allied"
            | "aligned"
            | "recognised"
            | "recognized"
    )
}

/// Participles that make an actor the agent of a modifier ("EU-mediated talks", "Saudi-led"),
/// not the owner of the thing ("a British-flagged tanker" stays British).
pub fn is_agency_participle(w: &str) -> bool {
    matches!(
        w,
        "mediated"
            | "brokered"
            | "backed"
            | "led"
            | "sponsored"
            | "funded"
            | "supported"
            | "hosted"
            | "organised"
            | "organized"
            | "drafted"
            | "proposed"
            | "imposed"
            | "run"
            | "made"
            | "built"
            | "supplied"
            | "sanctioned"
    )
}

/// Words of outrage before a condemned act: "the brutal killing", "this cowardly attack".
pub fn is_epithet(w: &str) -> bool {
    matches!(
        w,
        "brutal"
            | "heinous"
            | "cowardly"
            | "barbaric"
            | "barbarous"
            | "senseless"
            | "horrific"
            | "horrendous"
            | "despicable"
            | "vicious"
            | "savage"
            | "deadly"
            | "callous"
            | "abhorrent"
            | "appalling"
            | "atrocious"
            | "unprovoked"
            | "latest"
    )
}

/// Nouns for an armed attack: "killed in a Taliban attack".
pub fn is_attack_noun(w: &str) -> bool {
    matches!(
        w,
        "attack"
            | "attacks"
            | "strike"
            | "strikes"
            | "airstrike"
            | "airstrikes"
            | "raid"
            | "raids"
            | "ambush"
            | "bombing"
            | "bombings"
            | "bombardment"
            | "offensive"
            | "assault"
            | "shelling"
    )
}

/// Words that may stand between an actor and its attack noun: "an Israeli air strike", "a
/// Saudi-led coalition air strike".
pub fn is_attack_modifier(w: &str) -> bool {
    matches!(
        w,
        "drone"
            | "air"
            | "missile"
            | "rocket"
            | "suicide"
            | "artillery"
            | "mortar"
            | "naval"
            | "-"
            | "led"
    )
}

/// Words before "to" whose infinitive keeps the subject and is the act itself: "is about to
/// restore", "is going to sign", "voted to suspend", "decided to expel".
pub fn is_decision_lead(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "going"
            | "vote"
            | "votes"
            | "voted"
            | "decide"
            | "decides"
            | "decided"
            | "moved"
            | "agreed"
    )
}

/// Ships, aircraft and units named after the actor that owns them ("a Chinese coast guard ship
/// fired"): some of these nouns are also verbs.
pub fn is_craft(w: &str) -> bool {
    matches!(
        w,
        "ship"
            | "ships"
            | "vessel"
            | "vessels"
            | "boat"
            | "boats"
            | "patrol"
            | "patrols"
            | "plane"
            | "planes"
            | "jet"
            | "jets"
            | "tank"
            | "tanks"
            | "unit"
            | "units"
            | "battery"
    )
}

/// Verbs that say what force was used for ("used tear gas to disperse protesters"): their object
/// is the target of the force.
pub fn is_force_purpose(w: &str) -> bool {
    matches!(
        w,
        "disperse"
            | "break"
            | "scatter"
            | "quell"
            | "crush"
            | "suppress"
            | "repel"
            | "push"
            | "clear"
            | "evict"
            | "drive"
            | "remove"
            | "subdue"
    )
}

/// Verbs that name or label ("what it called terrorist camps").
pub fn is_naming_verb(w: &str) -> bool {
    matches!(
        w,
        "called"
            | "calls"
            | "termed"
            | "terms"
            | "described"
            | "describes"
            | "dubbed"
            | "labelled"
            | "labeled"
            | "branded"
    )
}

/// Nouns for what one side gives another ("U.S. military aid to Ukraine"): an actor in front of
/// one is the giver, not the recipient.
pub fn is_given_noun(w: &str) -> bool {
    matches!(
        w,
        "aid"
            | "assistance"
            | "funding"
            | "funds"
            | "loans"
            | "support"
            | "weapons"
            | "arms"
            | "shipments"
            | "deliveries"
            | "supplies"
            | "exports"
    )
}

/// Nouns for the places a group holds ("terrorist camps in Pakistan"): the group is there.
pub fn is_site_noun(w: &str) -> bool {
    matches!(
        w,
        "camp"
            | "camps"
            | "base"
            | "bases"
            | "hideout"
            | "hideouts"
            | "positions"
            | "strongholds"
            | "stronghold"
            | "targets"
            | "sites"
            | "facilities"
    )
}

/// A past-tense verb form (regular, or one of the common irregular ones of news prose).
pub fn is_past_verb_form(w: &str) -> bool {
    w.ends_with("ed")
        || word_in!(
            w,
            "said"
                | "told"
                | "met"
                | "held"
                | "made"
                | "took"
                | "gave"
                | "sent"
                | "struck"
                | "fought"
                | "sought"
                | "brought"
                | "left"
                | "won"
                | "began"
                | "spoke"
                | "wrote"
                | "shot"
                | "hit"
                | "cut"
                | "threw"
                | "drove"
                | "withdrew"
                | "froze"
                | "broke"
                | "fled"
                | "led"
                | "kept"
                | "lost"
                | "paid"
                | "stood"
                | "came"
                | "became"
                | "went"
                | "saw"
                | "knew"
                | "drew"
                | "flew"
                | "ran"
                | "overran"
                | "overthrew"
                | "upheld"
                | "withheld"
                | "swore"
                | "chose"
                | "bought"
                | "caught"
                | "fell"
        )
}

/// Nouns for an event that happened somewhere ("condemned the coup in Niger"): criticism of it is
/// aimed at that country.
pub fn is_event_noun(w: &str) -> bool {
    matches!(
        w,
        "coup"
            | "takeover"
            | "crackdown"
            | "violence"
            | "killing"
            | "killings"
            | "massacre"
            | "execution"
            | "executions"
            | "arrest"
            | "detention"
            | "jailing"
    )
}

/// Verbs that take a recipient before their object ("promised Ukraine help", "offered Kyiv
/// support"): a bare verb form after the recipient is that object, not a new clause.
pub fn is_ditransitive(w: &str) -> bool {
    matches!(
        w,
        "promise"
            | "promised"
            | "promises"
            | "offer"
            | "offered"
            | "offers"
            | "pledge"
            | "pledged"
            | "pledges"
            | "give"
            | "gave"
            | "gives"
            | "given"
            | "grant"
            | "granted"
            | "grants"
            | "send"
            | "sent"
            | "sends"
            | "owe"
            | "owed"
            | "owes"
            | "deny"
            | "denied"
            | "denies"
            | "lend"
            | "lent"
            | "lends"
    )
}

/// Words that send forces on a protective errand ("as part of a peacekeeping mission").
pub fn is_mission_word(w: &str) -> bool {
    matches!(
        w,
        "mission" | "peacekeeping" | "peacekeepers" | "stabilisation" | "stabilization"
    )
}

/// Nouns for someone's assertion ("Trump's claim that ..."): the clause after them is not told
/// as fact.
pub fn is_claim_noun(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "claims"
            | "allegation"
            | "allegations"
            | "accusation"
            | "accusations"
            | "rumour"
            | "rumours"
            | "rumor"
            | "rumors"
            | "suggestion"
            | "suggestions"
            | "speculation"
            | "assertion"
            | "assertions"
            | "insinuation"
            | "insinuations"
            | "charge"
            | "charges"
            | "account"
    )
}

/// "in" and the words that say the same of a place ("inside Iran", "within Syria").
pub fn is_within(w: &str) -> bool {
    matches!(w, "in" | "inside" | "within")
}

/// Words of a warning about a state of affairs rather than a threat ("would be a humanitarian
/// catastrophe", "on the brink of famine").
pub fn is_calamity_word(w: &str) -> bool {
    matches!(
        w,
        "catastrophe"
            | "catastrophic"
            | "disaster"
            | "disastrous"
            | "famine"
            | "starvation"
            | "crisis"
            | "collapse"
            | "brink"
            | "bloodbath"
            | "humanitarian"
            | "dire"
            | "deteriorating"
            | "worsening"
            | "escalate"
            | "escalation"
            | "spiral"
    )
}

/// Words whose gerund keeps the main clause's subject: time conjunctions ("after meeting Putin")
/// and the instruments an act is done by ("passed a law banning UNRWA", "signed an order
/// withdrawing the United States from the WHO").
pub fn is_gerund_lead(w: &str) -> bool {
    matches!(
        w,
        "after"
            | "before"
            | "since"
            | "upon"
            | "while"
            | "when"
            | "law"
            | "bill"
            | "decree"
            | "order"
            | "legislation"
            | "measure"
    )
}

/// People one can take captive: "seized 43 peacekeepers", "seized a team of observers".
pub fn is_captive_noun(w: &str) -> bool {
    word_in!(
        w,
        "soldiers"
            | "troops"
            | "peacekeepers"
            | "observers"
            | "monitors"
            | "sailors"
            | "crew"
            | "crewmen"
            | "officers"
            | "policemen"
            | "workers"
            | "tourists"
            | "journalists"
            | "civilians"
            | "hostages"
            | "fishermen"
            | "diplomats"
            | "officials"
            | "engineers"
            | "missionaries"
            | "pilgrims"
            | "villagers"
            | "passengers"
    )
}

/// Titles that come right before a person's name ("President Irfaan Ali", "Foreign Minister X",
/// "Wagner chief Yevgeny Prigozhin").
pub fn is_person_title(w: &str) -> bool {
    word_in!(
        w,
        "president"
            | "minister"
            | "premier"
            | "chancellor"
            | "king"
            | "queen"
            | "emir"
            | "prince"
            | "leader"
            | "envoy"
            | "ambassador"
            | "secretary"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "governor"
            | "mayor"
            | "commander"
            | "chief"
            | "head"
            | "boss"
            | "founder"
            | "chairman"
            | "chairwoman"
            | "journalist"
            | "reporter"
            | "activist"
            | "lawyer"
            | "politician"
            | "writer"
            | "blogger"
            | "dissident"
    )
}

/// Verbs that bring a law or order into being ("passed a law banning ...").
pub fn is_enacting_verb(w: &str) -> bool {
    matches!(
        w,
        "passed" | "signed" | "approved" | "adopted" | "issued" | "enacted" | "introduced"
    )
}

/// Words that condemn what they describe ("was a disgrace", "is unlawful").
pub fn is_condemning_word(w: &str) -> bool {
    matches!(
        w,
        "disgrace"
            | "disgraceful"
            | "shameful"
            | "outrageous"
            | "unacceptable"
            | "unlawful"
            | "illegal"
            | "illegitimate"
            | "irresponsible"
            | "reckless"
            | "absurd"
            | "criminal"
            | "provocation"
            | "provocative"
            | "violation"
    )
}

/// Nouns for documents that enact something: "signed an order imposing tariffs".
pub fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "order" | "orders" | "decree" | "decrees" | "bill" | "law" | "measure" | "directive"
    )
}

/// Verbs by which one event moves someone else to act: "prompting X to accuse", "forced X to".
pub fn is_causative(w: &str) -> bool {
    matches!(
        w,
        "prompting" | "prompted" | "forcing" | "forced" | "leading"
    )
}

/// Family words: "the wife of the vice prime minister" is a civilian.
pub fn is_relative_noun(w: &str) -> bool {
    matches!(
        w,
        "wife"
            | "husband"
            | "widow"
            | "son"
            | "sons"
            | "daughter"
            | "daughters"
            | "children"
            | "family"
            | "relatives"
            | "brother"
            | "sister"
            | "mother"
            | "father"
            | "nephew"
            | "niece"
    )
}

/// The days of the week: "on Friday" is a date, not a pattern's "on".
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Artists and works of art: "British singer Sting", "an Indian film song" name no political
/// actor by their nationality.
pub fn is_artist_noun(w: &str) -> bool {
    matches!(
        w,
        "singer"
            | "singers"
            | "actor"
            | "actress"
            | "musician"
            | "rapper"
            | "band"
            | "film"
            | "films"
            | "song"
            | "album"
            | "movie"
            | "chef"
            | "architect"
            | "painter"
            | "pianist"
            | "composer"
            | "orchestra"
            | "novelist"
            | "poet"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string literal of this file (the words of all its lists) and variants of each
    /// (cut by one byte, one byte longer, capitalised), plus a few others.
    fn words() -> Vec<String> {
        let src = include_str!("words.rs");
        let mut out: Vec<String> = ["", "x", "'", "'s", "thro", "throughs", "In", "IS"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for (k, part) in src.split('"').enumerate() {
            if k % 2 == 1 && part.len() < 20 && !part.contains('\n') {
                let w = part.to_string();
                out.push(format!("{w}s"));
                out.push(w.to_uppercase());
                if let Some((i, _)) = w.char_indices().last() {
                    out.push(w[..i].to_string());
                }
                out.push(w);
            }
        }
        out
    }

    #[test]
    fn word_in_is_matches() {
        let table = first_bytes(&["the", "a", "'s", "throughout", "internationally"]);
        // Length 15 and more share the last entry.
        assert_eq!(table[15], 1 << (b'i' & 31));
        assert_eq!(table[3], 1 << (b't' & 31));
        for w in words()
            .iter()
            .map(String::as_str)
            .chain(["internationallyy", "i", "ta"])
        {
            assert_eq!(
                word_in!(w, "the" | "a" | "'s" | "throughout" | "internationally"),
                matches!(w, "the" | "a" | "'s" | "throughout" | "internationally"),
                "{w:?}"
            );
            assert_eq!(
                word_in!(w, "police" | "internationallyy"),
                matches!(w, "police" | "internationallyy"),
                "{w:?}"
            );
        }
        assert!(!may_be(&table, ""));
        assert!(may_be(&table, "internationalism"));
    }

    #[test]
    fn is_aux_is_the_four_lists() {
        let mut seen = 0;
        for w in words() {
            let old = is_be(&w)
                || is_have(&w)
                || is_modal(&w)
                || matches!(w.as_str(), "do" | "does" | "did" | "'ll" | "wo" | "ca");
            assert_eq!(is_aux(&w), old, "{w:?}");
            seen += usize::from(old);
        }
        // (The literals of the lists were found: each word at least once.)
        assert!(seen >= 34, "{seen}");
    }

    #[test]
    fn is_preposition_is_the_two_lists() {
        let mut seen = 0;
        for w in words() {
            let old = is_locative(&w)
                || matches!(
                    w.as_str(),
                    "of" | "with"
                        | "against"
                        | "for"
                        | "to"
                        | "from"
                        | "by"
                        | "on"
                        | "into"
                        | "over"
                        | "about"
                        | "toward"
                        | "towards"
                        | "between"
                        | "among"
                        | "than"
                        | "like"
                        | "under"
                        | "after"
                        | "before"
                        | "since"
                        | "during"
                        | "via"
                        | "through"
                        | "including"
                        | "without"
                        | "despite"
                        | "amid"
                        | "upon"
                        | "onto"
                        | "versus"
                        | "vs."
                        | "per"
                        | "behind"
                        | "beyond"
                        | "off"
                );
            assert_eq!(is_preposition(&w), old, "{w:?}");
            seen += usize::from(old);
        }
        assert!(seen >= 46, "{seen}");
    }
}
