//! Curator's checks over a dictionary set (`dyad dict lint`): entries that are redundant, that
//! contradict each other, or that can never take effect.
//!
//! Every finding names the `file:line` of the entry it is about. A finding is an *error* when some
//! entry can never do what it says (it is shadowed by another, its code is not a CAMEO code, its
//! dates are impossible or ambiguous) and a *warning* when the set works but carries redundancy or
//! an oddity worth a look.

use crate::inflect::inflect;
use crate::model::*;
use crate::parse::normalized_words;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// What a finding is about. `severity()` says which kinds are errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LintKind {
    /// The same phrase twice with the same code (in one entry or in two).
    DuplicatePhrase,
    /// The same phrase with two different codes: the coder can only ever use one of them.
    ConflictingPhrase,
    /// A phrase of a curator's folder that gives a default phrase another code (deliberate, usually).
    OverriddenPhrase,
    /// A phrase with no word in it: it can never match.
    EmptyPhrase,
    /// The same pattern twice with the same code.
    DuplicatePattern,
    /// The same pattern as an earlier one with another code: ties go to the earlier line, so this
    /// one is never chosen.
    ShadowedPattern,
    /// An event code that is not in the CAMEO codebook.
    UnknownEventCode,
    /// A pattern with no verb, or with an empty word.
    EmptyPattern,
    /// A pattern whose only literal word is the verb's own word again ("accuse accuse"): it
    /// matches only where a noun of the same spelling follows the verb.
    VerbAsLiteral,
    /// A role that ends before it starts.
    InvertedRole,
    /// Two roles of one person with different codes over the same days (more than a shared end day).
    OverlappingRoles,
    /// Two roles with different codes that share only their boundary day (one ends the day the
    /// other starts; both ends are inclusive).
    BoundaryOverlap,
    /// Two overlapping roles with the same code.
    RedundantRole,
    /// A role open at both ends that is not the last one: the roles after it are never used.
    ShadowingRole,
    /// The same discard phrase twice.
    DuplicateDiscard,
    /// The same issue phrase twice with the same code.
    DuplicateIssue,
    /// An issue code with spaces or brackets in it, usually two entries run together on one line.
    MalformedIssueCode,
    /// A line of a PETRARCH file the reader could not use in full (reported by the reader).
    Unsupported,
}

impl LintKind {
    pub const ALL: [LintKind; 18] = [
        LintKind::DuplicatePhrase,
        LintKind::ConflictingPhrase,
        LintKind::OverriddenPhrase,
        LintKind::EmptyPhrase,
        LintKind::DuplicatePattern,
        LintKind::ShadowedPattern,
        LintKind::UnknownEventCode,
        LintKind::EmptyPattern,
        LintKind::VerbAsLiteral,
        LintKind::InvertedRole,
        LintKind::OverlappingRoles,
        LintKind::BoundaryOverlap,
        LintKind::RedundantRole,
        LintKind::ShadowingRole,
        LintKind::DuplicateDiscard,
        LintKind::DuplicateIssue,
        LintKind::MalformedIssueCode,
        LintKind::Unsupported,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LintKind::DuplicatePhrase => "duplicate-phrase",
            LintKind::ConflictingPhrase => "conflicting-phrase",
            LintKind::OverriddenPhrase => "overridden-phrase",
            LintKind::EmptyPhrase => "empty-phrase",
            LintKind::DuplicatePattern => "duplicate-pattern",
            LintKind::ShadowedPattern => "shadowed-pattern",
            LintKind::UnknownEventCode => "unknown-event-code",
            LintKind::EmptyPattern => "empty-pattern",
            LintKind::VerbAsLiteral => "verb-as-literal",
            LintKind::InvertedRole => "inverted-role",
            LintKind::OverlappingRoles => "overlapping-roles",
            LintKind::BoundaryOverlap => "boundary-overlap",
            LintKind::RedundantRole => "redundant-role",
            LintKind::ShadowingRole => "shadowing-role",
            LintKind::DuplicateDiscard => "duplicate-discard",
            LintKind::DuplicateIssue => "duplicate-issue",
            LintKind::MalformedIssueCode => "malformed-issue-code",
            LintKind::Unsupported => "unsupported",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            LintKind::ConflictingPhrase
            | LintKind::EmptyPhrase
            | LintKind::ShadowedPattern
            | LintKind::UnknownEventCode
            | LintKind::EmptyPattern
            | LintKind::InvertedRole
            | LintKind::OverlappingRoles
            | LintKind::ShadowingRole
            | LintKind::MalformedIssueCode => Severity::Error,
            LintKind::DuplicatePhrase
            | LintKind::OverriddenPhrase
            | LintKind::DuplicatePattern
            | LintKind::VerbAsLiteral
            | LintKind::BoundaryOverlap
            | LintKind::RedundantRole
            | LintKind::DuplicateDiscard
            | LintKind::DuplicateIssue
            | LintKind::Unsupported => Severity::Warning,
        }
    }
}

impl fmt::Display for LintKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One finding, about the entry at `origin`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub origin: Origin,
    pub kind: LintKind,
    pub message: String,
}

impl Finding {
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

/// `file:line: error[kind]: message`, the shape compilers use, so editors can jump to the line.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.origin,
            self.severity(),
            self.kind,
            self.message
        )
    }
}

/// What the checks may consult besides the set itself.
#[derive(Default)]
pub struct LintOptions<'a> {
    /// Whether an event code exists (the CAMEO codebook); without it codes are not checked.
    pub event_code_known: Option<&'a dyn Fn(&str) -> bool>,
}

/// Files whose entries are the embedded defaults: overriding one from a curator's folder is a
/// warning, not a conflict.
const EMBEDDED_PREFIX: &str = "<embedded>/";

/// Runs every check; findings come sorted by file (in load order) and line.
pub fn lint(set: &DictionarySet, opts: &LintOptions) -> Vec<Finding> {
    let order = LoadOrder::of(set);
    let mut out = Vec::new();
    phrases(set, &order, &mut out);
    patterns(set, opts, &mut out);
    roles(set, &mut out);
    discards_and_issues(set, &mut out);
    out.sort_by(|a, b| {
        order
            .rank(&a.origin)
            .cmp(&order.rank(&b.origin))
            .then(a.kind.cmp(&b.kind))
            .then(a.message.cmp(&b.message))
    });
    out
}

/// Load order of files: the set's file list first, then any other file in order of appearance.
struct LoadOrder {
    files: FxHashMap<String, usize>,
}

impl LoadOrder {
    fn of(set: &DictionarySet) -> LoadOrder {
        let mut files = FxHashMap::default();
        for f in &set.files {
            let n = files.len();
            files.entry(f.clone()).or_insert(n);
        }
        let origins = set
            .actors
            .iter()
            .flat_map(|a| a.phrases.iter().map(|p| &p.origin))
            .chain(
                set.persons
                    .iter()
                    .flat_map(|p| p.phrases.iter().map(|p| &p.origin)),
            )
            .chain(
                set.agents
                    .iter()
                    .flat_map(|a| a.phrases.iter().map(|p| &p.origin)),
            )
            .chain(set.verbs.iter().map(|v| &v.origin))
            .chain(set.discards.iter().map(|d| &d.origin))
            .chain(set.issues.iter().map(|i| &i.origin));
        for o in origins {
            let n = files.len();
            files.entry(o.file.to_string()).or_insert(n);
        }
        LoadOrder { files }
    }

    fn rank(&self, o: &Origin) -> (usize, usize) {
        (
            self.files.get(&*o.file).copied().unwrap_or(usize::MAX),
            o.line,
        )
    }
}

/// A phrase as the compiler sees it: normalised words without leading articles, plus the words
/// as written when case matters.
type PhraseKey = (Vec<String>, Option<Vec<String>>);

fn phrase_key(p: &Phrase) -> PhraseKey {
    let mut words = normalized_words(&p.text);
    while words.len() > 1 && matches!(words[0].1.as_str(), "the" | "a" | "an") {
        words.remove(0);
    }
    let exact = p
        .case_sensitive
        .then(|| words.iter().map(|(raw, _)| raw.to_string()).collect());
    (words.into_iter().map(|(_, n)| n).collect(), exact)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum OwnerRef {
    Actor(usize),
    Person(usize),
    Agent(usize),
}

/// What a phrase codes as.
#[derive(Clone, Debug)]
enum Coding<'a> {
    Code(&'a str),
    Agent(&'a str, bool),
    Roles(&'a [Role]),
}

fn role_eq(a: &[Role], b: &[Role]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.code == y.code && x.from == y.from && x.to == y.to)
}

fn same_coding(a: &Coding, b: &Coding) -> bool {
    match (a, b) {
        (Coding::Roles(x), Coding::Roles(y)) => role_eq(x, y),
        (Coding::Code(x), Coding::Code(y)) => x == y,
        (Coding::Agent(x, p), Coding::Agent(y, q)) => x == y && p == q,
        _ => false,
    }
}

fn show_coding(c: &Coding) -> String {
    match c {
        Coding::Code(c) => (*c).to_string(),
        Coding::Agent(c, false) => format!("~{c}"),
        Coding::Agent(c, true) => format!("{c}~"),
        Coding::Roles(roles) => {
            let shown: Vec<String> = roles.iter().map(show_role).collect();
            format!("[{}]", shown.join(", "))
        }
    }
}

fn show_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn show_role(r: &Role) -> String {
    if r.from.is_none() && r.to.is_none() {
        r.code.clone()
    } else {
        format!("{} {}..{}", r.code, show_date(r.from), show_date(r.to))
    }
}

fn owner_name(set: &DictionarySet, o: OwnerRef) -> String {
    match o {
        OwnerRef::Actor(i) => format!("actor {}", set.actors[i].code),
        OwnerRef::Person(i) => format!("person \"{}\"", set.persons[i].name),
        OwnerRef::Agent(i) => format!("agent {}", set.agents[i].code),
    }
}

/// Whether two date ranges (inclusive, `None` open) share a day; `Some(true)` when they share
/// exactly one.
fn intersection(a: &Role, b: &Role) -> Option<bool> {
    let lo = match (a.from, b.from) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    let hi = match (a.to, b.to) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match (lo, hi) {
        (Some(l), Some(h)) if l > h => None,
        (Some(l), Some(h)) => Some(l == h),
        _ => Some(false),
    }
}

/// Whether two persons' roles give different codes on some common day.
fn roles_clash(a: &[Role], b: &[Role]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.code != y.code && intersection(x, y).is_some())
    })
}

struct PhraseUse<'a> {
    owner: OwnerRef,
    coding: Coding<'a>,
    phrase: &'a Phrase,
}

fn phrases(set: &DictionarySet, order: &LoadOrder, out: &mut Vec<Finding>) {
    let mut all: Vec<PhraseUse> = Vec::new();
    for (i, a) in set.actors.iter().enumerate() {
        for p in &a.phrases {
            let code = p.code.as_deref().unwrap_or(&a.code);
            all.push(PhraseUse {
                owner: OwnerRef::Actor(i),
                coding: Coding::Code(code),
                phrase: p,
            });
        }
    }
    for (i, person) in set.persons.iter().enumerate() {
        for p in &person.phrases {
            all.push(PhraseUse {
                owner: OwnerRef::Person(i),
                coding: Coding::Roles(&person.roles),
                phrase: p,
            });
        }
    }
    for (i, a) in set.agents.iter().enumerate() {
        for p in &a.phrases {
            all.push(PhraseUse {
                owner: OwnerRef::Agent(i),
                coding: Coding::Agent(&a.code, a.prefix),
                phrase: p,
            });
        }
    }
    let mut groups: FxHashMap<PhraseKey, Vec<PhraseUse>> = FxHashMap::default();
    for u in all {
        let key = phrase_key(u.phrase);
        if key.0.is_empty() {
            out.push(Finding {
                origin: u.phrase.origin.clone(),
                kind: LintKind::EmptyPhrase,
                message: format!("`{}` has no word that text could match", u.phrase.text),
            });
            continue;
        }
        groups.entry(key).or_default().push(u);
    }

    for uses in groups.values_mut() {
        if uses.len() < 2 {
            continue;
        }
        uses.sort_by_key(|u| order.rank(&u.phrase.origin));
        for k in 1..uses.len() {
            let this = &uses[k];
            let mut duplicate_of = None;
            let mut conflict = None;
            for earlier in &uses[..k] {
                if same_coding(&this.coding, &earlier.coding) {
                    duplicate_of.get_or_insert(earlier);
                    continue;
                }
                // Two people who share a name are told apart by date when their roles never
                // give different codes on the same day.
                if let (Coding::Roles(a), Coding::Roles(b)) = (&this.coding, &earlier.coding) {
                    if !roles_clash(a, b) {
                        continue;
                    }
                }
                conflict = Some(earlier);
                break;
            }
            let text = &this.phrase.text;
            // "The Bahamas" and "Bahamas" are one phrase to the coder: say so when it is the case.
            let other = |e: &PhraseUse| {
                if e.phrase.text == *text {
                    String::new()
                } else {
                    format!("`{}` of ", e.phrase.text)
                }
            };
            if let Some(e) = conflict {
                let overridden = e.phrase.origin.file.starts_with(EMBEDDED_PREFIX)
                    && !this.phrase.origin.file.starts_with(EMBEDDED_PREFIX);
                let whose = if this.owner == e.owner {
                    "the same entry".to_string()
                } else {
                    owner_name(set, e.owner)
                };
                out.push(Finding {
                    origin: this.phrase.origin.clone(),
                    kind: if overridden {
                        LintKind::OverriddenPhrase
                    } else {
                        LintKind::ConflictingPhrase
                    },
                    message: format!(
                        "`{text}` codes as {} ({}) but {}{whose} at {} codes it as {}",
                        show_coding(&this.coding),
                        owner_name(set, this.owner),
                        other(e),
                        e.phrase.origin,
                        show_coding(&e.coding)
                    ),
                });
            } else if let Some(e) = duplicate_of {
                let whose = if this.owner == e.owner {
                    "the same entry".to_string()
                } else {
                    owner_name(set, e.owner)
                };
                out.push(Finding {
                    origin: this.phrase.origin.clone(),
                    kind: LintKind::DuplicatePhrase,
                    message: format!(
                        "`{text}` ({}) repeats {}{whose} at {}{}",
                        show_coding(&this.coding),
                        other(e),
                        e.phrase.origin,
                        if e.phrase.text == *text {
                            ""
                        } else {
                            " (case, quote marks and a leading article do not matter)"
                        }
                    ),
                });
            }
        }
    }
}

fn show_elements(elements: &[Element]) -> String {
    elements
        .iter()
        .map(Element::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A pattern as the coder sees it, e.g. `said * to attend`.
pub fn show_pattern(v: &VerbPattern) -> String {
    let mut parts = Vec::new();
    if !v.before.is_empty() {
        parts.push(show_elements(&v.before));
    }
    parts.push(v.lemma.clone());
    if !v.elements.is_empty() {
        parts.push(show_elements(&v.elements));
    }
    parts.join(" ")
}

fn patterns(set: &DictionarySet, opts: &LintOptions, out: &mut Vec<Finding>) {
    let mut first: FxHashMap<String, &VerbPattern> = FxHashMap::default();
    let irregular: FxHashMap<&str, &IrregularForms> =
        set.irregular.iter().map(|(l, f)| (l.as_str(), f)).collect();
    let mut forms: FxHashMap<&str, BTreeSet<String>> = FxHashMap::default();
    for v in &set.verbs {
        let finding = |kind, message| Finding {
            origin: v.origin.clone(),
            kind,
            message,
        };
        if let Some(known) = opts.event_code_known {
            // (`---`, the null code, is a documented part of the format.)
            if !known(&v.code) && v.code != "---" {
                out.push(finding(
                    LintKind::UnknownEventCode,
                    format!(
                        "`{}` ({}) is not a CAMEO event code",
                        v.code,
                        show_pattern(v)
                    ),
                ));
            }
        }
        let empty_word = v.before.iter().chain(&v.elements).any(|e| match e {
            Element::Word(w) | Element::Prefix(w) => w.trim().is_empty(),
            _ => false,
        });
        if v.lemma.trim().is_empty() || empty_word {
            let what = if empty_word {
                "an empty word"
            } else {
                "no verb"
            };
            out.push(finding(
                LintKind::EmptyPattern,
                format!("pattern `{}` has {what}: it can never match", v.text),
            ));
            continue;
        }
        let own_forms = forms.entry(v.lemma.as_str()).or_insert_with(|| {
            inflect(&v.lemma, irregular.get(v.lemma.as_str()).copied())
                .into_iter()
                .map(|(f, _)| f)
                .collect()
        });
        // The verb and nothing but its own word again ("accuse accuse"): text hardly says that,
        // though a noun of the same spelling may follow ("grant a grant").
        let literals: Vec<&String> = v
            .before
            .iter()
            .chain(&v.elements)
            .filter_map(|e| match e {
                Element::Word(w) | Element::Prefix(w) => Some(w),
                _ => None,
            })
            .collect();
        let only_set = v
            .before
            .iter()
            .chain(&v.elements)
            .any(|e| matches!(e, Element::Set(_)));
        if !literals.is_empty() && !only_set && literals.iter().all(|w| own_forms.contains(*w)) {
            out.push(finding(
                LintKind::VerbAsLiteral,
                format!(
                    "pattern `{}` has no literal word but the verb's own word again: it matches only text like \"grant a grant\"",
                    show_pattern(v)
                ),
            ));
        }
        // Element is not hashable; its debug form is a faithful key.
        let key = format!("{:?}", (&v.lemma, &v.before, &v.elements));
        match first.get(&key) {
            None => {
                first.insert(key, v);
            }
            Some(e) if e.code == v.code && e.reverse == v.reverse => out.push(finding(
                LintKind::DuplicatePattern,
                format!(
                    "pattern `{}` [{}] repeats {}",
                    show_pattern(v),
                    v.code,
                    e.origin
                ),
            )),
            Some(e) => out.push(finding(
                LintKind::ShadowedPattern,
                format!(
                    "pattern `{}` [{}] is never chosen: the same pattern at {} codes {}",
                    show_pattern(v),
                    v.code,
                    e.origin,
                    e.code
                ),
            )),
        }
    }
}

fn roles(set: &DictionarySet, out: &mut Vec<Finding>) {
    for p in &set.persons {
        let n = p.roles.len();
        for (i, r) in p.roles.iter().enumerate() {
            if let (Some(f), Some(t)) = (r.from, r.to) {
                if f > t {
                    out.push(Finding {
                        origin: r.origin.clone(),
                        kind: LintKind::InvertedRole,
                        message: format!(
                            "role {} of \"{}\" ends ({t}) before it starts ({f})",
                            r.code, p.name
                        ),
                    });
                }
            }
            if r.from.is_none() && r.to.is_none() && i + 1 < n {
                out.push(Finding {
                    origin: r.origin.clone(),
                    kind: LintKind::ShadowingRole,
                    message: format!(
                        "role {} of \"{}\" has no dates and comes before {} other role(s), which are never used",
                        r.code,
                        p.name,
                        n - i - 1
                    ),
                });
            }
        }
        // An undated last role is the fallback for days no other role covers, not an overlap.
        let dated = |r: &&Role| r.from.is_some() || r.to.is_some();
        let dated: Vec<&Role> = p.roles.iter().filter(dated).collect();
        for (j, b) in dated.iter().enumerate() {
            for a in &dated[..j] {
                let Some(one_day) = intersection(a, b) else {
                    continue;
                };
                let (kind, what) = if a.code == b.code {
                    (LintKind::RedundantRole, "overlaps")
                } else if one_day {
                    (LintKind::BoundaryOverlap, "shares its boundary day with")
                } else {
                    (LintKind::OverlappingRoles, "overlaps")
                };
                if a.code == b.code && one_day {
                    continue;
                }
                out.push(Finding {
                    origin: b.origin.clone(),
                    kind,
                    message: format!(
                        "role {} of \"{}\" {what} {} at {}{}",
                        show_role(b),
                        p.name,
                        show_role(a),
                        a.origin,
                        if kind == LintKind::RedundantRole {
                            ""
                        } else {
                            "; on the common days the first one wins"
                        }
                    ),
                });
            }
        }
    }
}

fn normalized_phrase(text: &str) -> String {
    normalized_words(text)
        .into_iter()
        .map(|(_, n)| n)
        .collect::<Vec<_>>()
        .join(" ")
}

fn discards_and_issues(set: &DictionarySet, out: &mut Vec<Finding>) {
    let mut seen: FxHashMap<String, &Discard> = FxHashMap::default();
    for d in &set.discards {
        let key = normalized_phrase(&d.phrase);
        match seen.get(&key) {
            None => {
                seen.insert(key, d);
            }
            Some(e) => out.push(Finding {
                origin: d.origin.clone(),
                kind: LintKind::DuplicateDiscard,
                message: format!(
                    "discard `{}` repeats {}{}",
                    d.phrase,
                    e.origin,
                    if e.story != d.story {
                        " (one discards the story, the other the sentence)"
                    } else {
                        ""
                    }
                ),
            }),
        }
    }
    let mut seen: FxHashMap<(String, &str), &IssuePhrase> = FxHashMap::default();
    for i in &set.issues {
        if i.code
            .contains(|c: char| c.is_whitespace() || matches!(c, '[' | ']'))
        {
            out.push(Finding {
                origin: i.origin.clone(),
                kind: LintKind::MalformedIssueCode,
                message: format!(
                    "issue `{}` has the code {:?}: two entries run together on one line?",
                    i.phrase, i.code
                ),
            });
        }
        let key = (normalized_phrase(&i.phrase), i.code.as_str());
        match seen.get(&key) {
            None => {
                seen.insert(key, i);
            }
            Some(e) => out.push(Finding {
                origin: i.origin.clone(),
                kind: LintKind::DuplicateIssue,
                message: format!("issue `{}` [{}] repeats {}", i.phrase, i.code, e.origin),
            }),
        }
    }
}
