//! The parsed, uncompiled form of a dictionary set: what a curator wrote, with where they wrote it.

use chrono::NaiveDate;
use std::fmt;
use std::sync::Arc;

/// Where an entry came from, for explanations and lint messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A syntax error in a dictionary file, with a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for DictError {}

/// A phrase as written: its text, whether case matters, and an optional code of its own.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub text: String,
    pub case_sensitive: bool,
    pub code: Option<String>,
    pub origin: Origin,
}

#[derive(Clone, Debug)]
pub struct Actor {
    pub code: String,
    pub name: String,
    pub country: Option<String>,
    pub phrases: Vec<Phrase>,
    pub origin: Origin,
}

/// How long after a role ends a person is still named by it when no later role covers the date.
pub const RECENT_DAYS: i64 = 31;

/// A date-bounded code held by a person; bounds are inclusive, `None` is open.
#[derive(Clone, Debug)]
pub struct Role {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub origin: Origin,
}

impl Role {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub phrases: Vec<Phrase>,
    pub roles: Vec<Role>,
    pub origin: Origin,
}

impl Person {
    /// The role in force on `date`; without a date, the open-ended (current) role, else the last one.
    pub fn role_at(&self, date: Option<NaiveDate>) -> Option<&Role> {
        match date {
            Some(d) => self.roles.iter().find(|r| r.covers(d)).or_else(|| {
                // Reports in the weeks after someone left a role, or died in it ("Nasrallah's
                // killing"), still name them by it.
                self.roles
                    .iter()
                    .filter(|r| {
                        r.to.is_some_and(|t| t < d && (d - t).num_days() <= RECENT_DAYS)
                    })
                    .max_by_key(|r| r.to)
            }),
            None => self
                .roles
                .iter()
                .find(|r| r.to.is_none())
                .or(self.roles.last()),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Agent {
    pub code: String,
    pub name: String,
    pub phrases: Vec<Phrase>,
    /// Whether the code goes before the country's rather than after it (PETRARCH's `NGO~`).
    pub prefix: bool,
    pub origin: Origin,
}

/// One element of a verb pattern after the verb itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// A literal word, already normalised.
    Word(String),
    /// A word prefix (`militant*`), normalised, without the star.
    Prefix(String),
    /// Where the target stands (`+`).
    Target,
    /// Where the source stands (PETRARCH's `$`); without one, the source is the verb's subject.
    Source,
    /// Any one phrase of a named synonym set (PETRARCH's `&NAME`), see `DictionarySet::synsets`.
    Set(String),
    /// PETRARCH's `_` between two pattern words: the element after it stands right after the
    /// one before it (or right next to the verb), with no word between.
    Next,
    /// PETRARCH's `^` right before a `+` or `$` after the verb: the actor there is passed over and
    /// the slot holds a later one ("celebrated Iftar in ^ +": in Osgiliath *with Gondor*).
    Skip,
    /// PETRARCH's `%` before the verb: the subject there is a compound ("A and B agree"), and a
    /// pattern with no target codes the event between its members.
    Compound,
}

/// As written in a pattern: `word`, `word*`, `+`, `$`, `&NAME`, `%`, `_`, `^`.
impl fmt::Display for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Element::Word(w) => f.write_str(w),
            Element::Prefix(p) => write!(f, "{p}*"),
            Element::Target => f.write_str("+"),
            Element::Source => f.write_str("$"),
            Element::Set(name) => f.write_str(name),
            Element::Compound => f.write_str("%"),
            Element::Next => f.write_str("_"),
            Element::Skip => f.write_str("^"),
        }
    }
}

/// A named set of interchangeable phrases that patterns refer to (PETRARCH's `&CURRENCY`).
#[derive(Clone, Debug)]
pub struct Synset {
    pub name: String,
    /// Each phrase as written; matched as consecutive words.
    pub phrases: Vec<String>,
    pub origin: Origin,
}

#[derive(Clone, Debug)]
pub struct VerbPattern {
    pub code: String,
    /// A second event from the target back to the source (PETRARCH's `[032:033]`: a visit is
    /// also hosted).
    pub reverse: Option<String>,
    /// Coded only when it is all its sentence reports, written `(172)`: beside another event it
    /// is that event's background ("seized power and detained the president").
    pub alone: bool,
    pub lemma: String,
    /// Words that must stand before the verb, in text order (PETRARCH patterns only).
    pub before: Vec<Element>,
    pub elements: Vec<Element>,
    /// The pattern as written, for explanations.
    pub text: String,
    pub origin: Origin,
}

impl VerbPattern {
    pub fn literal_count(&self) -> usize {
        1 + self
            .before
            .iter()
            .chain(&self.elements)
            .filter(|e| {
                matches!(
                    e,
                    Element::Word(_) | Element::Prefix(_) | Element::Set(_) | Element::Compound
                )
            })
            .count()
    }
}

/// Past, past participle and optionally -ing forms that the regular rules would get wrong.
#[derive(Clone, Debug, Default)]
pub struct IrregularForms {
    pub past: Vec<String>,
    pub participle: Vec<String>,
    pub ing: Vec<String>,
    pub third: Vec<String>,
}

/// A phrase that keeps a sentence (or, with `story`, the whole document) from being coded:
/// sports results, chronologies.
#[derive(Clone, Debug)]
pub struct Discard {
    pub phrase: String,
    pub story: bool,
    /// The last word must match whole; otherwise it is a stem ("basketball" matches "basketballer").
    pub whole_word: bool,
    pub origin: Origin,
}

/// A phrase that tags an event with an issue (PETRARCH's issue coding), e.g. `NUCLEAR`; an empty
/// code marks an ignore phrase, whose presence cancels issue coding for the sentence.
#[derive(Clone, Debug)]
pub struct IssuePhrase {
    pub phrase: String,
    pub code: String,
    pub origin: Origin,
}

/// Who fills a slot of the inner event of a PETRARCH verb transformation: the outer verb's source
/// (`a`), another actor (`b`), nobody (`_`) or anyone (`.`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransformSlot {
    Outer,
    Other,
    Missing,
    Any,
}

/// Where an actor of a transformation's result comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransformPick {
    OuterSource,
    InnerSource,
    InnerTarget,
}

/// PETRARCH's `~ a (b . ATTACK) SAY = a b 112`: an event reported in the complement of another
/// verb becomes one event between the outer source and the inner actors. Codes are the CAMEO
/// codes of the named verbs; a code ending in 0 covers its whole family (`010` covers `012`).
#[derive(Clone, Debug)]
pub struct Transform {
    /// The outer verb's code (`SAY` is `010`).
    pub outer: String,
    pub inner_source: TransformSlot,
    pub inner_target: TransformSlot,
    /// The inner verb's code; `None` for `Q`, any code.
    pub inner: Option<String>,
    pub source: TransformPick,
    pub target: TransformPick,
    /// The resulting code; `None` for `Q`, the inner event's own.
    pub code: Option<String>,
    pub origin: Origin,
}

/// Everything loaded from one or more dictionary files, not yet compiled.
#[derive(Clone, Debug, Default)]
pub struct DictionarySet {
    pub actors: Vec<Actor>,
    pub persons: Vec<Person>,
    pub agents: Vec<Agent>,
    pub verbs: Vec<VerbPattern>,
    pub irregular: Vec<(String, IrregularForms)>,
    pub synsets: Vec<Synset>,
    /// Loaded from PETRARCH dictionaries: the coder follows PETRARCH's conventions (agents combine
    /// with any actor, targets may sit anywhere after the verb, no implied mutual events).
    pub petrarch: bool,
    /// A whole set in itself (PETRARCH's, or dyad's defaults written out): loaded with `--dict`, it
    /// replaces the embedded defaults instead of going on top of them.
    pub standalone: bool,
    pub discards: Vec<Discard>,
    pub issues: Vec<IssuePhrase>,
    /// PETRARCH verb transformations (`~` lines of the verb dictionary).
    pub transforms: Vec<Transform>,
    /// The files this set was loaded from, in load order.
    pub files: Vec<String>,
}

impl DictionarySet {
    /// Adds everything of `other` after this set's own entries (later entries win in the compiler).
    pub fn append(&mut self, other: DictionarySet) {
        self.actors.extend(other.actors);
        self.persons.extend(other.persons);
        self.agents.extend(other.agents);
        self.verbs.extend(other.verbs);
        self.irregular.extend(other.irregular);
        self.synsets.extend(other.synsets);
        self.discards.extend(other.discards);
        self.issues.extend(other.issues);
        self.transforms.extend(other.transforms);
        self.files.extend(other.files);
        self.petrarch |= other.petrarch;
        self.standalone |= other.standalone;
    }
}
