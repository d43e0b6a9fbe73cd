//! The curator's tools: stats, lint and the format converters, on hand-built sets, on the embedded
//! dictionaries and (when `../shared/petrarch2-data` is present) on PETRARCH2's own dictionaries.

// Sets are built up field by field so each test shows only what it is about.
#![allow(clippy::field_reassign_with_default)]

use chrono::NaiveDate;
use dyad_dict::lint::{lint, LintKind, LintOptions, Severity};
use dyad_dict::stats::Stats;
use dyad_dict::write::{load_dyad_dir, render_dyad, render_petrarch, ConvertWarning, Rendered};
use dyad_dict::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

// ------------------------------------------------------------------------------------------------
// Helpers

fn origin(file: &str, line: usize) -> Origin {
    Origin {
        file: Arc::from(file),
        line,
    }
}

fn phrase(text: &str, file: &str, line: usize) -> Phrase {
    Phrase {
        text: text.into(),
        case_sensitive: false,
        code: None,
        origin: origin(file, line),
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn role(code: &str, from: Option<NaiveDate>, to: Option<NaiveDate>, line: usize) -> Role {
    Role {
        code: code.into(),
        from,
        to,
        origin: origin("p.actors", line),
    }
}

fn actor(code: &str, phrases: &[(&str, usize)], file: &str) -> Actor {
    Actor {
        code: code.into(),
        name: phrases[0].0.into(),
        country: None,
        phrases: phrases.iter().map(|(t, l)| phrase(t, file, *l)).collect(),
        origin: origin(file, phrases[0].1),
    }
}

fn words(ws: &str) -> Vec<Element> {
    ws.split_whitespace()
        .map(|w| match w {
            "+" => Element::Target,
            "$" => Element::Source,
            w if w.ends_with('*') => Element::Prefix(w.trim_end_matches('*').into()),
            w if w.starts_with('&') => Element::Set(w.into()),
            w => Element::Word(w.into()),
        })
        .collect()
}

fn pattern(code: &str, lemma: &str, before: &str, after: &str, line: usize) -> VerbPattern {
    VerbPattern {
        code: code.into(),
        reverse: None,
        alone: false,
        lemma: lemma.into(),
        before: words(before),
        elements: words(after),
        text: format!("{before} {lemma} {after}"),
        origin: origin("v.verbs", line),
    }
}

/// A fresh, empty folder under the system's temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-tools-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn written(r: &Rendered, dir: &Path) {
    r.write_to(dir).unwrap();
}

fn count(warnings: &[ConvertWarning], kind: &str) -> usize {
    warnings.iter().filter(|w| w.kind == kind).count()
}

fn petrarch_data() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/petrarch2-data");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: {} is absent; the PETRARCH round trips were not run",
            dir.display()
        );
        None
    }
}

// ------------------------------------------------------------------------------------------------
// A canonical view of a set: what the coder would do with it, without origins, names or grouping.

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Coding {
    Code(String),
    Agent(String, bool),
    Roles(Vec<(String, Option<NaiveDate>, Option<NaiveDate>)>),
}

type Pat = (String, Option<String>, bool, Vec<String>, Vec<String>);

#[derive(Debug, Default, PartialEq, Eq)]
struct Canon {
    /// (normalised words, case-sensitive) → every coding it has.
    phrases: BTreeMap<(Vec<String>, bool), BTreeSet<Coding>>,
    /// lemma → (code, before, after) in order, synsets written out.
    patterns: BTreeMap<String, Vec<Pat>>,
    /// Every surface form the coder generates for a lemma that has patterns.
    forms: BTreeMap<String, BTreeSet<String>>,
    discards: BTreeSet<(String, bool, bool)>,
    issues: BTreeSet<(String, String)>,
    /// Each synset definition in order: name and normalised phrases.
    synsets: Vec<(String, Vec<Vec<String>>)>,
    /// The set-wide flags: PETRARCH's conventions, standalone.
    flags: (bool, bool),
}

fn norm(text: &str) -> Vec<String> {
    let mut toks = Vec::new();
    dyad_text::tokenize(text, 0, &mut toks);
    toks.iter()
        .map(|t| {
            let mut n = String::new();
            dyad_text::normalize_into(&text[t.start..t.end], &mut n);
            n
        })
        .collect()
}

/// Pattern elements as words: `+`, `$`, `word*`, `&NAME`.
fn shown(elements: &[Element]) -> Vec<String> {
    elements.iter().map(Element::to_string).collect()
}

fn canon(set: &DictionarySet) -> Canon {
    let mut c = Canon::default();
    let mut add = |p: &Phrase, coding: Coding| {
        c.phrases
            .entry((norm(&p.text), p.case_sensitive))
            .or_default()
            .insert(coding);
    };
    for a in &set.actors {
        for p in &a.phrases {
            add(
                p,
                Coding::Code(p.code.clone().unwrap_or_else(|| a.code.clone())),
            );
        }
    }
    for person in &set.persons {
        let roles: Vec<_> = person
            .roles
            .iter()
            .map(|r| (r.code.clone(), r.from, r.to))
            .collect();
        // One undated role is what an actor's code is.
        let coding = match roles.as_slice() {
            [(code, None, None)] => Coding::Code(code.clone()),
            _ => Coding::Roles(roles),
        };
        for p in &person.phrases {
            add(p, coding.clone());
        }
    }
    for a in &set.agents {
        for p in &a.phrases {
            add(p, Coding::Agent(a.code.clone(), a.prefix));
        }
    }
    for v in &set.verbs {
        c.patterns.entry(v.lemma.clone()).or_default().push((
            v.code.clone(),
            v.reverse.clone(),
            v.alone,
            shown(&v.before),
            shown(&v.elements),
        ));
    }
    for syn in &set.synsets {
        let phrases = syn.phrases.iter().map(|p| norm(p)).collect();
        c.synsets.push((syn.name.clone(), phrases));
    }
    c.flags = (set.petrarch, set.standalone);
    let mut last: BTreeMap<&str, &IrregularForms> = BTreeMap::new();
    for (l, f) in &set.irregular {
        last.insert(l, f);
    }
    for lemma in c.patterns.keys() {
        let forms = inflect(lemma, last.get(lemma.as_str()).copied())
            .into_iter()
            .map(|(s, f)| format!("{s}/{f:?}"))
            .collect();
        c.forms.insert(lemma.clone(), forms);
    }
    for d in &set.discards {
        c.discards
            .insert((norm(&d.phrase).join(" "), d.story, d.whole_word));
    }
    for i in &set.issues {
        c.issues.insert((norm(&i.phrase).join(" "), i.code.clone()));
    }
    c
}

/// Where two canonical views differ, briefly (the first few differences of each part).
fn diff(a: &Canon, b: &Canon) -> String {
    let mut out = String::new();
    let mut n = 0;
    for (k, v) in &a.phrases {
        if b.phrases.get(k) != Some(v) && n < 8 {
            out += &format!("phrase {k:?}: {v:?} vs {:?}\n", b.phrases.get(k));
            n += 1;
        }
    }
    for (k, v) in &b.phrases {
        if !a.phrases.contains_key(k) && n < 16 {
            out += &format!("extra phrase {k:?}: {v:?}\n");
            n += 1;
        }
    }
    for (k, v) in &a.patterns {
        if b.patterns.get(k) != Some(v) && n < 24 {
            out += &format!("lemma {k}: {v:?}\n    vs {:?}\n", b.patterns.get(k));
            n += 1;
        }
    }
    for k in b.patterns.keys() {
        if !a.patterns.contains_key(k) && n < 30 {
            out += &format!("extra lemma {k}\n");
            n += 1;
        }
    }
    for (k, v) in &a.forms {
        if b.forms.get(k) != Some(v) && n < 36 {
            out += &format!("forms of {k}: {v:?} vs {:?}\n", b.forms.get(k));
            n += 1;
        }
    }
    if a.discards != b.discards {
        out += &format!(
            "discards differ: {:?}\n",
            a.discards
                .symmetric_difference(&b.discards)
                .take(5)
                .collect::<Vec<_>>()
        );
    }
    if a.synsets != b.synsets {
        let d: Vec<_> = a
            .synsets
            .iter()
            .zip(&b.synsets)
            .filter(|(x, y)| x != y)
            .take(3)
            .collect();
        out += &format!(
            "synsets differ ({} vs {}): {d:?}\n",
            a.synsets.len(),
            b.synsets.len()
        );
    }
    if a.flags != b.flags {
        out += &format!(
            "flags (petrarch, standalone) differ: {:?} vs {:?}\n",
            a.flags, b.flags
        );
    }
    if a.issues != b.issues {
        out += &format!(
            "issues differ: {:?}\n",
            a.issues
                .symmetric_difference(&b.issues)
                .take(5)
                .collect::<Vec<_>>()
        );
    }
    out
}

fn assert_same(expected: &Canon, got: &Canon, what: &str) {
    if expected != got {
        panic!(
            "{what}: the round trip changed the set:\n{}",
            diff(expected, got)
        );
    }
}

fn petrarch_read(dir: &Path) -> DictionarySet {
    dyad_dict::petrarch::load_dir(dir)
        .unwrap_or_else(|e| panic!("reading back {}: {e}", dir.display()))
        .set
}

// ------------------------------------------------------------------------------------------------
// stats

#[test]
fn stats_count_every_kind_and_every_code() {
    let mut set = DictionarySet::default();
    set.actors
        .push(actor("RUS", &[("Russia", 1), ("Moscow", 2)], "a.actors"));
    set.persons.push(Person {
        name: "X".into(),
        phrases: vec![phrase("X", "a.actors", 5)],
        roles: vec![
            role("RUSGOV", None, date("2000-01-01"), 6),
            role("RUSELI", None, None, 7),
        ],
        origin: origin("a.actors", 5),
    });
    set.verbs = vec![
        pattern("112", "accuse", "", "+ of", 1),
        pattern("112", "blame", "", "+", 2),
        pattern("111", "criticize", "", "+", 3),
        pattern("0331", "pledge", "", "+ to aid", 4),
    ];
    let s = Stats::of(&set);
    assert_eq!((s.actors, s.persons, s.roles, s.phrases), (1, 1, 2, 3));
    assert_eq!((s.verb_patterns, s.lemmas), (4, 4));
    assert_eq!(s.per_code.get("112"), Some(&2));
    assert_eq!(s.per_code.get("0331"), Some(&1));
    assert_eq!(s.per_root.get("11"), Some(&3));
    assert_eq!(s.per_root.get("03"), Some(&1));
}

#[test]
fn stats_of_the_embedded_dictionaries_match_the_set() {
    let set = embedded_set().unwrap();
    let s = Stats::of(&set);
    assert_eq!(s.verb_patterns, set.verbs.len());
    assert_eq!(s.per_code.values().sum::<usize>(), set.verbs.len());
    assert_eq!(s.per_root.values().sum::<usize>(), set.verbs.len());
    assert!(
        s.per_root.keys().all(|r| r.len() == 2),
        "{:?}",
        s.per_root.keys()
    );
    assert_eq!(
        (s.actors, s.persons, s.agents),
        (set.actors.len(), set.persons.len(), set.agents.len())
    );
    let lemmas: BTreeSet<&str> = set.verbs.iter().map(|v| v.lemma.as_str()).collect();
    assert_eq!(s.lemmas, lemmas.len());
    let phrases: usize = set.actors.iter().map(|a| a.phrases.len()).sum::<usize>()
        + set.persons.iter().map(|p| p.phrases.len()).sum::<usize>()
        + set.agents.iter().map(|a| a.phrases.len()).sum::<usize>();
    assert_eq!(s.phrases, phrases);
}

// ------------------------------------------------------------------------------------------------
// lint

fn kinds(set: &DictionarySet) -> Vec<(LintKind, usize)> {
    let known = |c: &str| dyad_events::Codebook::embedded().is_valid(c) || c == "---";
    let opts = LintOptions {
        event_code_known: Some(&known),
    };
    lint(set, &opts)
        .into_iter()
        .map(|f| (f.kind, f.origin.line))
        .collect()
}

#[test]
fn lint_finds_duplicate_and_conflicting_phrases() {
    let mut set = DictionarySet::default();
    set.files = vec!["a.actors".into(), "b.actors".into()];
    set.actors.push(actor(
        "RUS",
        &[
            ("Russia", 1),
            ("Moscow", 2),
            ("the Kremlin", 3),
            ("russia", 4),
        ],
        "a.actors",
    ));
    // Same phrase, same code, another entry: a duplicate. Same phrase, other code: a conflict.
    set.actors.push(actor("RUS", &[("Moscow", 10)], "b.actors"));
    set.actors
        .push(actor("RUSGOV", &[("Kremlin", 11)], "b.actors"));
    let found = kinds(&set);
    assert_eq!(
        found,
        vec![
            (LintKind::DuplicatePhrase, 4),
            (LintKind::DuplicatePhrase, 10),
            (LintKind::ConflictingPhrase, 11),
        ],
        "{found:?}"
    );
    let all = lint(&set, &LintOptions::default());
    let shown = all[2].to_string();
    assert!(
        shown.starts_with("b.actors:11: error[conflicting-phrase]: `Kremlin` codes as RUSGOV"),
        "{shown}"
    );
    assert!(shown.contains("a.actors:3"), "{shown}");
    assert_eq!(all[0].severity(), Severity::Warning);

    // A curator's folder overriding an embedded phrase is deliberate: a warning.
    set.actors[0].origin.file = Arc::from("<embedded>/a.actors");
    for p in &mut set.actors[0].phrases {
        p.origin.file = Arc::from("<embedded>/a.actors");
    }
    set.files[0] = "<embedded>/a.actors".into();
    assert!(kinds(&set).contains(&(LintKind::OverriddenPhrase, 11)));
}

#[test]
fn lint_tells_people_apart_by_date() {
    let person = |name: &str, roles: Vec<Role>, line| Person {
        name: name.into(),
        phrases: vec![phrase("Bush", "p.actors", line)],
        roles,
        origin: origin("p.actors", line),
    };
    let mut set = DictionarySet::default();
    set.persons.push(person(
        "George H. W. Bush",
        vec![role("USAGOV", date("1989-01-20"), date("1993-01-20"), 2)],
        1,
    ));
    set.persons.push(person(
        "George W. Bush",
        vec![role("USAGOV", date("2001-01-20"), date("2009-01-20"), 5)],
        4,
    ));
    assert!(kinds(&set).is_empty(), "{:?}", kinds(&set));
    // Overlapping offices with different codes: the phrase is ambiguous on those days.
    set.persons[1].roles[0] = role("USAELI", date("1990-01-01"), None, 5);
    assert_eq!(kinds(&set), vec![(LintKind::ConflictingPhrase, 4)]);
}

#[test]
fn lint_checks_roles() {
    let mut set = DictionarySet::default();
    set.persons.push(Person {
        name: "P".into(),
        phrases: vec![phrase("P", "p.actors", 1)],
        roles: vec![
            role("AAAGOV", date("2001-01-01"), date("2005-12-31"), 2),
            role("AAAELI", date("2005-12-31"), date("2007-01-01"), 3),
            role("AAAOPP", date("2006-06-01"), date("2006-07-01"), 4),
            role("AAAGOV", date("2003-01-01"), date("2004-01-01"), 5),
            role("AAAMIL", date("2010-01-01"), date("2009-01-01"), 6),
            role("AAAELI", None, None, 7),
            role("AAAREB", date("2020-01-01"), None, 8),
        ],
        origin: origin("p.actors", 1),
    });
    assert_eq!(
        kinds(&set),
        vec![
            (LintKind::BoundaryOverlap, 3),
            (LintKind::OverlappingRoles, 4),
            (LintKind::RedundantRole, 5),
            (LintKind::InvertedRole, 6),
            (LintKind::ShadowingRole, 7),
        ]
    );
    // An undated role at the end is the fallback, not an overlap.
    set.persons[0].roles = vec![
        role("AAAGOV", date("2001-01-01"), date("2005-12-31"), 2),
        role("AAAELI", None, None, 3),
    ];
    assert!(kinds(&set).is_empty());
}

#[test]
fn lint_finds_patterns_that_can_never_match() {
    let mut set = DictionarySet::default();
    set.verbs = vec![
        pattern("112", "accuse", "", "+ of", 1),
        pattern("112", "accuse", "", "+ of", 2),
        pattern("111", "accuse", "", "+ of", 3),
        pattern("999", "accuse", "", "+ over", 4),
        pattern("112", "accuse", "", "accused", 5),
        pattern("112", "", "", "+", 6),
        pattern("---", "accuse", "said", "", 7),
        pattern("112", "accuse", "", "+ of", 8),
    ];
    set.verbs[7].lemma = "accuse".into();
    assert_eq!(
        kinds(&set),
        vec![
            (LintKind::DuplicatePattern, 2),
            (LintKind::ShadowedPattern, 3),
            (LintKind::UnknownEventCode, 4),
            (LintKind::VerbAsLiteral, 5),
            (LintKind::EmptyPattern, 6),
            (LintKind::DuplicatePattern, 8),
        ]
    );
    let errors = lint(&set, &LintOptions::default())
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .count();
    // Without a codebook, codes are not checked: shadowed and empty remain.
    assert_eq!(errors, 2);
}

#[test]
fn lint_finds_repeated_discards_and_issues() {
    let mut set = DictionarySet::default();
    let d = |p: &str, story, line| Discard {
        phrase: p.into(),
        story,
        whole_word: true,
        origin: origin("x.discards", line),
    };
    set.discards = vec![
        d("BASEBALL", false, 1),
        d("baseball", true, 2),
        d("golf", false, 3),
    ];
    let i = |p: &str, code: &str, line| IssuePhrase {
        phrase: p.into(),
        code: code.into(),
        origin: origin("x.issues", line),
    };
    set.issues = vec![
        i("nuclear weapon", "NUC", 1),
        i("Nuclear  weapon", "NUC", 2),
        i("nuclear weapon", "WMD", 3),
        i("aqim", "TERROR] [TERROR", 4),
    ];
    // "nuclear weapon" with another code is another tag, not a repetition.
    assert_eq!(
        kinds(&set),
        vec![
            (LintKind::DuplicateDiscard, 2),
            (LintKind::DuplicateIssue, 2),
            (LintKind::MalformedIssueCode, 4)
        ]
    );
}

#[test]
fn the_embedded_dictionaries_have_no_lint_errors_in_patterns() {
    let set = embedded_set().unwrap();
    let known = |c: &str| dyad_events::Codebook::embedded().is_valid(c);
    let findings = lint(
        &set,
        &LintOptions {
            event_code_known: Some(&known),
        },
    );
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &findings {
        *by_kind.entry(f.kind.name()).or_default() += 1;
    }
    eprintln!("embedded dictionaries: {by_kind:?}");
    // Every verb code is a CAMEO code (the embedded test holds that too) and no line is unusable.
    for kind in [
        LintKind::UnknownEventCode,
        LintKind::EmptyPattern,
        LintKind::EmptyPhrase,
        LintKind::InvertedRole,
    ] {
        let bad: Vec<String> = findings
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.to_string())
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
    }
    // And nothing a curator must fix: no error of any kind (warnings are advice).
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .map(|f| f.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

// ------------------------------------------------------------------------------------------------
// convert: what each writer says about what it cannot write

#[test]
fn petrarch_writer_names_what_it_cannot_write() {
    let mut set = DictionarySet::default();
    set.files = vec!["v.verbs".into(), "a.actors".into()];
    set.verbs = vec![
        pattern("112", "accuse", "", "+ of", 1),
        pattern("173", "arrest", "", "militant*", 2),
        pattern("112", "accuse", "", "", 3),
    ];
    let mut un = actor("IGOUNO", &[("United Nations", 1), ("UN", 2)], "a.actors");
    un.phrases[1].case_sensitive = true;
    set.actors.push(un);
    let r = render_petrarch(&set);
    assert_eq!(count(&r.warnings, "prefix"), 1);
    let prefix = r.warnings.iter().find(|w| w.kind == "prefix").unwrap();
    assert_eq!(prefix.origin, origin("v.verbs", 2));
    assert_eq!(count(&r.warnings, "case"), 1);
    let shown = r
        .warnings
        .iter()
        .find(|w| w.kind == "case")
        .unwrap()
        .to_string();
    assert!(shown.starts_with("a.actors:2: warning[case]:"), "{shown}");
    let names: Vec<&str> = r.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, vec!["02-a.actors.txt", "01-v.verbs.txt"]);
    let verbs = &r.files[1].1;
    assert!(
        verbs.contains("--- ACCUSE [---] ---\nACCUSE\n- * + OF [112]\n- * [112]\n"),
        "{verbs}"
    );
    assert!(!verbs.contains("MILITANT"), "{verbs}");
    assert!(
        r.files[0].1.contains("United_Nations_  [IGOUNO]\n+UN_\n"),
        "{}",
        r.files[0].1
    );
}

/// Every PETRARCH construct the model holds has a dyad syntax: a hand-built set with all of them
/// is written without a warning and reads back the same.
#[test]
fn dyad_format_says_every_petrarch_feature() {
    let mut set = DictionarySet::default();
    set.petrarch = true;
    set.standalone = true;
    set.synsets.push(Synset {
        name: "&CURRENCY".into(),
        phrases: vec!["dollar".into(), "dollars".into(), "swiss franc".into()],
        origin: origin("v.verbs", 1),
    });
    let mut visit = pattern("042", "visit", "", "+", 7);
    visit.reverse = Some("043".into());
    set.verbs = vec![
        pattern("070", "give", "", "&CURRENCY to +", 3),
        pattern("---", "give", "", "up", 4),
        pattern("082", "attend", "said", "", 5),
        pattern("0356", "inform", "", "+ that $ will pullout", 6),
        visit,
        pattern("075A", "assure", "$", "&CURRENCY", 8),
    ];
    set.agents.push(Agent {
        code: "NGO".into(),
        name: "human rights body".into(),
        phrases: vec![phrase("human rights body", "x.agents", 1)],
        prefix: true,
        origin: origin("x.agents", 1),
    });
    set.actors.push(actor("---", &[("Nobody", 1)], "a.actors"));
    set.actors
        .push(actor("NGOCHRPRO214", &[("Holy Charity", 2)], "a.actors"));
    let r = render_dyad(&set);
    assert!(r.warnings.is_empty(), "{:#?}", r.warnings);
    let verbs = &r
        .files
        .iter()
        .find(|(n, _)| n.ends_with(".verbs"))
        .unwrap()
        .1;
    for line in [
        "set &CURRENCY\n  dollar\n  dollars\n  swiss franc\n",
        "070 give &CURRENCY to +\n",
        "--- give up\n",
        "082 said =attend\n",
        "0356 inform + that $ will pullout\n",
        "042:043 visit +\n",
        "\"075A\" $ =assure &CURRENCY\n",
    ] {
        assert!(verbs.contains(line), "{line:?} not in\n{verbs}");
    }
    let all: String = r.files.iter().map(|(_, t)| t.as_str()).collect();
    assert!(
        all.contains("agent NGO \"human rights body\" prefix\n"),
        "{all}"
    );
    assert!(all.contains("actor \"---\" \"Nobody\"\n"), "{all}");
    assert!(all.contains("\nconventions petrarch"), "{all}");
    assert!(all.contains("\nstandalone"), "{all}");
    let dir = scratch("every-feature");
    written(&r, &dir);
    let b = load_dyad_dir(&dir).unwrap();
    assert_same(&canon(&set), &canon(&b), "every feature through dyad");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A small PETRARCH set written by hand with every construct: PETRARCH → dyad → load gives the
/// same set, and the compiled dictionaries code the same.
#[test]
fn hand_written_petrarch_set_round_trips_through_dyad() {
    let src = scratch("hand-petrarch");
    std::fs::write(
        src.join("Test.verbs.txt"),
        "&CURRENCY\n+DOLLAR\n+SWISS_FRANC_\n\n--- GIVE [070] ---\nGIVE {GAVE GIVEN GIVING}\n- * &CURRENCY TO + [070]\n- * UP [---]\n- SAID * TO + [0356]\n- $ WILL * + [:173]\n\n--- VISIT [042:043] ---\nVISIT\n- * + IN $ [075A]\n- % * [030:030]\n- * IFTAR IN ^ + [045]\n- * NEW_&CURRENCY_FUND [071]\n",
    )
    .unwrap();
    std::fs::write(
        src.join("Test.actors.txt"),
        "RUSSIA_ [RUS]\n+MOSCOW_\nNOBODY_ [---]\nHOLY_CHARITY_ [NGOCHRPRO214]\nVLADIMIR_PUTIN_\n\t[RUSGOV 20000507-20080507]\n\t[RUSELI >20080508]\n",
    )
    .unwrap();
    std::fs::write(
        src.join("Test.agents.txt"),
        "MINISTER [~GOV]\nAID_WORKER [NGO~]\n",
    )
    .unwrap();
    std::fs::write(src.join("Test.discards.txt"), "+WORLD_CUP_\nBASKETBALL\n").unwrap();
    std::fs::write(
        src.join("Test.Issues.txt"),
        "NUCLEAR [NUCLEAR]\n~NUCLEAR_FAMILY\n",
    )
    .unwrap();
    let loaded = dyad_dict::petrarch::load_dir(&src).unwrap();
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let a = loaded.set;
    // The set really holds every construct, so the test cannot pass by losing them.
    assert!(a.verbs.iter().any(|v| !v.before.is_empty()));
    assert!(a.verbs.iter().any(|v| v.code == "---"));
    assert!(a.verbs.iter().any(|v| v.reverse.is_some()));
    assert!(a
        .verbs
        .iter()
        .any(|v| v.elements.contains(&Element::Source)));
    assert!(a.verbs.iter().any(|v| v.code == "075A"));
    assert!(a.verbs.iter().any(|v| v.before == [Element::Compound]));
    assert!(a.verbs.iter().any(|v| v.elements.contains(&Element::Skip)));
    assert!(a
        .verbs
        .iter()
        .any(|v| v.elements.iter().filter(|e| **e == Element::Next).count() == 2));
    assert!(!a.synsets.is_empty() && a.agents.iter().any(|g| g.prefix));
    assert!(!a.discards.is_empty() && !a.issues.is_empty());
    let r = render_dyad(&a);
    assert!(r.warnings.is_empty(), "{:#?}", r.warnings);
    let dir = scratch("hand-dyad");
    written(&r, &dir);
    let b = load_dyad_dir(&dir).unwrap();
    assert_same(&canon(&a), &canon(&b), "hand-written PETRARCH -> dyad");
    // And back to PETRARCH: the same again.
    let p = render_petrarch(&b);
    let dir2 = scratch("hand-petrarch-again");
    written(&p, &dir2);
    let c = petrarch_read(&dir2);
    assert_same(
        &canon(&a),
        &canon(&c),
        "hand-written PETRARCH -> dyad -> PETRARCH",
    );
    // The folder loads through `load` (as `--dict` does) without the embedded defaults.
    let dicts = dyad_dict::load(&[dir.as_path()]).unwrap();
    assert_eq!(dicts.set.actors.len(), a.actors.len());
    assert_eq!(dicts.set.verbs.len(), a.verbs.len());
    assert!(dicts.set.petrarch);
    for d in [src, dir, dir2] {
        let _ = std::fs::remove_dir_all(&d);
    }
}

// ------------------------------------------------------------------------------------------------
// convert: round trips

/// dyad → PETRARCH → dyad on the embedded dictionaries: everything comes back except what the
/// PETRARCH writer says it cannot write (prefix words, case-sensitive phrases).
#[test]
fn embedded_dictionaries_round_trip_through_petrarch() {
    let a = embedded_set().unwrap();
    let to_petrarch = render_petrarch(&a);
    let dir1 = scratch("embedded-petrarch");
    written(&to_petrarch, &dir1);
    let c = petrarch_read(&dir1);
    let to_dyad = render_dyad(&c);
    let dir2 = scratch("embedded-dyad");
    written(&to_dyad, &dir2);
    let b = load_dyad_dir(&dir2).unwrap();

    // What PETRARCH cannot say, applied by hand to the original.
    let mut expected = a.clone();
    let before = expected.verbs.len();
    expected
        .verbs
        .retain(|v| !v.elements.iter().any(|e| matches!(e, Element::Prefix(_))));
    let dropped = before - expected.verbs.len();
    let mut alone = 0;
    for v in expected.verbs.iter_mut().filter(|v| v.alone) {
        (v.code, v.alone) = ("---".to_string(), false);
        alone += 1;
    }
    let case = expected
        .actors
        .iter_mut()
        .flat_map(|a| a.phrases.iter_mut())
        .chain(
            expected
                .persons
                .iter_mut()
                .flat_map(|p| p.phrases.iter_mut()),
        )
        .chain(
            expected
                .agents
                .iter_mut()
                .flat_map(|a| a.phrases.iter_mut()),
        )
        .filter(|p| p.case_sensitive)
        .map(|p| p.case_sensitive = false)
        .count();
    eprintln!(
        "dyad -> PETRARCH: {} files, {} warnings ({} prefix patterns, {} case-sensitive phrases); PETRARCH -> dyad: {} warnings",
        to_petrarch.files.len(),
        to_petrarch.warnings.len(),
        dropped,
        case,
        to_dyad.warnings.len()
    );
    assert_eq!(count(&to_petrarch.warnings, "prefix"), dropped);
    assert_eq!(count(&to_petrarch.warnings, "case"), case);
    assert_eq!(count(&to_petrarch.warnings, "alone"), alone);
    let unexpected: Vec<String> = to_petrarch
        .warnings
        .iter()
        .filter(|w| {
            !matches!(
                w.kind,
                "prefix" | "case" | "country" | "conventions" | "alone"
            )
        })
        .map(|w| w.to_string())
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
    assert!(
        to_dyad.warnings.is_empty(),
        "{:#?}",
        &to_dyad.warnings[..to_dyad.warnings.len().min(10)]
    );
    // Read from PETRARCH files, the set is coded by PETRARCH's conventions.
    expected.petrarch = true;
    let want = canon(&expected);
    assert_same(&want, &canon(&c), "dyad -> PETRARCH");
    assert_same(&want, &canon(&b), "dyad -> PETRARCH -> dyad");
    let _ = std::fs::remove_dir_all(&dir1);
    let _ = std::fs::remove_dir_all(&dir2);
}

/// dyad → dyad is exact: the writer and the parser agree on every construct.
#[test]
fn embedded_dictionaries_round_trip_through_dyad() {
    let a = embedded_set().unwrap();
    let r = render_dyad(&a);
    assert!(
        r.warnings.is_empty(),
        "{:#?}",
        &r.warnings[..r.warnings.len().min(10)]
    );
    let dir = scratch("embedded-dyad-only");
    written(&r, &dir);
    let b = load_dyad_dir(&dir).unwrap();
    assert_same(&canon(&a), &canon(&b), "dyad -> dyad");
    // Files keep their load order through the numbered names.
    let names: Vec<String> = b
        .files
        .iter()
        .map(|f| f.rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(names[0], "irregular-verbs.txt");
    assert!(names[1].ends_with("-countries.actors"), "{names:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// What dyad's format cannot say, applied by hand to a set read from PETRARCH files: codes with
/// a double quote, `#` or a space, verbs that are not one word, roles that end before they start,
/// irregular entries without a past.
fn without_what_dyad_cannot_say(a: &DictionarySet) -> DictionarySet {
    let mut e = a.clone();
    let code_ok =
        |c: &str| !c.is_empty() && !c.contains(['"', '#']) && !c.contains(char::is_whitespace);
    let event_ok = |c: &str| code_ok(c) && !c.contains(':');
    e.verbs.retain(|v| {
        event_ok(&v.code)
            && v.reverse.as_deref().is_none_or(event_ok)
            && v.lemma.chars().all(|c| c.is_alphabetic() || c == '-')
            && !v.lemma.is_empty()
    });
    e.actors.retain(|x| code_ok(&x.code));
    for p in &mut e.persons {
        p.roles
            .retain(|r| code_ok(&r.code) && !matches!((r.from, r.to), (Some(f), Some(t)) if f > t));
    }
    e.issues
        .retain(|i| !i.code.contains(char::is_whitespace) && !i.code.contains('#'));
    e.irregular
        .retain(|(_, f)| !f.past.is_empty() && !f.participle.is_empty());
    e.persons.retain(|p| !p.roles.is_empty());
    e.agents.retain(|x| code_ok(&x.code));
    e
}

/// What PETRARCH's issue syntax cannot say again: the reader leaves `n:` in a word after `+`
/// ("asylum+n:seeker"), which written back would expand once more, and codes with brackets in
/// them (two entries run together on one line) cannot be written in brackets.
fn without_unwritable_issues(a: &DictionarySet) -> DictionarySet {
    let mut e = a.clone();
    e.issues.retain(|i| {
        !i.phrase
            .split_whitespace()
            .any(|w| w.starts_with("n:") || w.starts_with("v:") || w.contains('+'))
            && !i
                .code
                .contains(['[', ']', '{', '}', '~', ':', ';', '<', '>'])
    });
    // A set's phrase that is PETRARCH syntax (the reader keeps a nested `&NAME` as text).
    for syn in &mut e.synsets {
        syn.phrases.retain(|p| {
            !p.trim()
                .starts_with(['+', '-', '~', '&', '<', '[', '$', '%', '^', '!'])
                && !p.contains(['#', '[', ']', '_'])
        });
    }
    e
}

fn petrarch_round_trip(name: &str, dir: &Path) {
    let a = petrarch_read(dir);
    let to_dyad = render_dyad(&a);
    let d1 = scratch(&format!("{name}-dyad"));
    written(&to_dyad, &d1);
    let b = load_dyad_dir(&d1).unwrap_or_else(|e| panic!("dyad files of {name}: {e}"));
    let to_petrarch = render_petrarch(&b);
    let d2 = scratch(&format!("{name}-petrarch"));
    written(&to_petrarch, &d2);
    let c = petrarch_read(&d2);

    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for w in &to_dyad.warnings {
        *by_kind.entry(w.kind).or_default() += 1;
    }
    eprintln!(
        "{name}: PETRARCH -> dyad: {} patterns in, {} out, warnings {by_kind:?}; dyad -> PETRARCH: {} warnings",
        a.verbs.len(),
        b.verbs.len(),
        to_petrarch.warnings.len()
    );
    let in_dyad = without_what_dyad_cannot_say(&a);
    assert_same(
        &canon(&in_dyad),
        &canon(&b),
        &format!("{name}: PETRARCH -> dyad"),
    );
    let back = canon(&without_unwritable_issues(&in_dyad));
    assert_same(
        &back,
        &canon(&c),
        &format!("{name}: PETRARCH -> dyad -> PETRARCH"),
    );
    // Going back, nothing else is lost: dyad's format says little PETRARCH cannot.
    let unexpected: Vec<String> = to_petrarch
        .warnings
        .iter()
        .filter(|w| match w.kind {
            // Two undated codes stay in order: the set read back is the same.
            "country" | "irregular" | "role-order" | "conventions" => false,
            // The issue losses are the ones expected above.
            "phrase" | "code" => {
                !w.message.starts_with("issue ") && !w.message.contains(" of synset ")
            }
            _ => true,
        })
        .map(|w| w.to_string())
        .collect();
    assert!(
        unexpected.is_empty(),
        "{:#?}",
        &unexpected[..unexpected.len().min(10)]
    );
    let _ = std::fs::remove_dir_all(&d1);
    let _ = std::fs::remove_dir_all(&d2);
}

#[test]
fn petrarch_validate_round_trips_through_dyad() {
    let Some(data) = petrarch_data() else { return };
    petrarch_round_trip("validate", &data.join("validate"));
}

/// The full real-world set (about 10 s in a debug build).
#[test]
fn petrarch_phoenix_round_trips_through_dyad() {
    let Some(data) = petrarch_data() else { return };
    petrarch_round_trip("phoenix", &data.join("phoenix"));
}

#[test]
fn discards_and_issues_survive_dyad_files() {
    let mut set = DictionarySet::default();
    set.discards = vec![
        Discard {
            phrase: "World Golf Championships".into(),
            story: true,
            whole_word: true,
            origin: origin("x.discards.txt", 3),
        },
        Discard {
            phrase: "BASKETBALL".into(),
            story: false,
            whole_word: false,
            origin: origin("x.discards.txt", 4),
        },
    ];
    set.issues = vec![
        IssuePhrase {
            phrase: "ethnic cleansing".into(),
            code: "ID_ATROCITY".into(),
            origin: origin("x.Issues.txt", 2),
        },
        IssuePhrase {
            phrase: "Saturday Night massacre".into(),
            code: String::new(),
            origin: origin("x.Issues.txt", 3),
        },
    ];
    let r = render_dyad(&set);
    assert!(r.warnings.is_empty(), "{:#?}", r.warnings);
    let dir = scratch("extras");
    written(&r, &dir);
    let b = load_dyad_dir(&dir).unwrap();
    assert_same(&canon(&set), &canon(&b), "discards and issues through dyad");
    let p = render_petrarch(&b);
    let dir2 = scratch("extras-petrarch");
    written(&p, &dir2);
    let c = petrarch_read(&dir2);
    let mut want = set.clone();
    (want.petrarch, want.standalone) = (true, true);
    assert_same(
        &canon(&want),
        &canon(&c),
        "discards and issues through PETRARCH",
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&dir2);
}
