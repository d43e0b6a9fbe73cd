//! Writers for a `DictionarySet`: dyad's own format (`docs/dictionary-format.md`) and PETRARCH's
//! (`dyad dict convert`).
//!
//! Each file of the set becomes one file per kind of entry in the output folder, named after it
//! and numbered in load order (`01-countries.actors`, `02-Phoenix.Countries.actors.txt`), so that
//! loading the folder back gives the entries in the same order. An entry the target format cannot
//! express is never dropped in silence: it comes back as a `ConvertWarning` with its `file:line`.
//!
//! Everything the model holds has a dyad syntax (`docs/dictionary-format.md`): synsets, words
//! before the verb, `$`, reverse and null codes, prefix agents, discards, issues and the set-wide
//! directives, so PETRARCH → dyad loses nothing.

use crate::model::*;
use crate::parse::normalized_words;
use crate::{FileKind, LoadError};
use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// Something of the input the output cannot say, or says differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvertWarning {
    pub origin: Origin,
    /// A short tag for counting warnings by cause: `prefix`, `before-verb`, `synset`...
    pub kind: &'static str,
    pub message: String,
}

impl fmt::Display for ConvertWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: warning[{}]: {}",
            self.origin, self.kind, self.message
        )
    }
}

/// A rendered dictionary folder: file names with their text, and what could not be said.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub files: Vec<(String, String)>,
    pub warnings: Vec<ConvertWarning>,
}

impl Rendered {
    /// Writes every file into `dir` (created if needed).
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, text) in &self.files {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(())
    }
}

/// Writes `set` in dyad's format into `out_dir`; returns what could not be written as it was.
pub fn write_dyad(set: &DictionarySet, out_dir: &Path) -> std::io::Result<Vec<ConvertWarning>> {
    let r = render_dyad(set);
    r.write_to(out_dir)?;
    Ok(r.warnings)
}

/// Writes `set` in PETRARCH's format into `out_dir`; returns what could not be written as it was.
pub fn write_petrarch(set: &DictionarySet, out_dir: &Path) -> std::io::Result<Vec<ConvertWarning>> {
    let r = render_petrarch(set);
    r.write_to(out_dir)?;
    Ok(r.warnings)
}

// ------------------------------------------------------------------------------------------------
// Shared: which file an entry goes to.

/// The kinds of output file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Actors,
    Agents,
    Verbs,
    Discards,
    Issues,
}

impl Kind {
    fn dyad_ext(self) -> &'static str {
        match self {
            Kind::Actors => "actors",
            Kind::Agents => "agents",
            Kind::Verbs => "verbs",
            Kind::Discards => "discards",
            Kind::Issues => "issues",
        }
    }
}

/// The input files in load order: the set's list first, then any other file entries name.
fn file_order(set: &DictionarySet) -> Vec<Arc<str>> {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut out: Vec<Arc<str>> = Vec::new();
    for f in &set.files {
        if seen.insert(f.as_str()) {
            out.push(Arc::from(f.as_str()));
        }
    }
    let origins = set
        .actors
        .iter()
        .map(|a| &a.origin)
        .chain(set.persons.iter().map(|p| &p.origin))
        .chain(set.agents.iter().map(|a| &a.origin))
        .chain(set.verbs.iter().map(|v| &v.origin))
        .chain(set.discards.iter().map(|d| &d.origin))
        .chain(set.issues.iter().map(|i| &i.origin));
    let mut extra: Vec<Arc<str>> = Vec::new();
    for o in origins {
        if !seen.contains(&*o.file) && !extra.contains(&o.file) {
            extra.push(o.file.clone());
        }
    }
    out.extend(extra);
    out
}

/// The name of an input file without folder, number prefix, `.txt` and kind suffix:
/// `<embedded>/countries.actors` → `countries`, `02-Phoenix.agents.txt` → `Phoenix`.
fn stem(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let mut s = base;
    if let Some((digits, rest)) = s.split_once('-') {
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty() {
            s = rest;
        }
    }
    let mut s = s.to_string();
    for suffix in [
        ".txt",
        ".actors",
        ".agents",
        ".verbs",
        ".discards",
        ".issues",
    ] {
        if s.len() > suffix.len() && s.to_ascii_lowercase().ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
        }
    }
    if s.is_empty() {
        "dict".into()
    } else {
        s
    }
}

/// Output file names per (input file, kind), numbered in input load order.
struct Names {
    index: FxHashMap<Arc<str>, usize>,
    stems: Vec<String>,
    width: usize,
}

impl Names {
    fn new(set: &DictionarySet) -> Names {
        let files = file_order(set);
        let width = files.len().max(1).to_string().len().max(2);
        Names {
            index: files
                .iter()
                .enumerate()
                .map(|(i, f)| (f.clone(), i + 1))
                .collect(),
            stems: files.iter().map(|f| stem(f)).collect(),
            width,
        }
    }

    fn name(&self, file: &Arc<str>, kind: Kind, petrarch: bool) -> String {
        let i = self.index.get(file).copied().unwrap_or(0);
        let stem = i
            .checked_sub(1)
            .and_then(|k| self.stems.get(k))
            .map(String::as_str)
            .unwrap_or("dict");
        let make = |stem: &str| {
            if petrarch {
                format!("{i:0w$}-{stem}.{}.txt", kind.dyad_ext(), w = self.width)
            } else {
                format!("{i:0w$}-{stem}.{}", kind.dyad_ext(), w = self.width)
            }
        };
        let name = make(stem);
        // A stem that names another kind ("verbs-for-actors") would make the reader guess wrong.
        let ok = if petrarch {
            use crate::petrarch::Role;
            matches!(
                (Role::of(&name), kind),
                (Some(Role::Actors), Kind::Actors)
                    | (Some(Role::Agents), Kind::Agents)
                    | (Some(Role::Verbs), Kind::Verbs)
                    | (Some(Role::Discards), Kind::Discards)
                    | (Some(Role::Issues), Kind::Issues)
            )
        } else {
            matches!(
                (FileKind::of(&name), kind),
                (Some(FileKind::Actors), Kind::Actors)
                    | (Some(FileKind::Agents), Kind::Agents)
                    | (Some(FileKind::Verbs), Kind::Verbs)
                    | (Some(FileKind::Discards), Kind::Discards)
                    | (Some(FileKind::Issues), Kind::Issues)
            )
        };
        if ok {
            name
        } else {
            make("dict")
        }
    }
}

/// Text per output file, in the order files are first written to.
#[derive(Default)]
struct Files {
    order: Vec<String>,
    text: FxHashMap<String, String>,
}

impl Files {
    fn get(&mut self, name: String, header: impl FnOnce() -> String) -> &mut String {
        match self.text.entry(name) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                self.order.push(e.key().clone());
                e.insert(header())
            }
        }
    }

    fn finish(mut self) -> Vec<(String, String)> {
        self.order
            .into_iter()
            .map(|n| {
                let t = self.text.remove(&n).unwrap_or_default();
                (n, t)
            })
            .collect()
    }
}

struct Warnings(Vec<ConvertWarning>);

impl Warnings {
    fn add(&mut self, origin: &Origin, kind: &'static str, message: impl Into<String>) {
        self.0.push(ConvertWarning {
            origin: origin.clone(),
            kind,
            message: message.into(),
        });
    }
}

fn is_code(code: &str, min: usize, max: usize, ok: impl Fn(u8) -> bool) -> bool {
    (min..=max).contains(&code.len()) && code.bytes().all(ok)
}

/// The normalised words a written pattern word reads back as (what dyad's parser and the PETRARCH
/// reader both do with one whitespace-separated piece).
fn keys(written: &str) -> Vec<String> {
    if !written.is_empty() && written.bytes().all(|b| b.is_ascii_lowercase()) {
        return vec![written.to_string()];
    }
    normalized_words(written)
        .into_iter()
        .map(|(_, n)| n)
        .collect()
}

/// Whether a pattern word reads back as exactly this one normalised word.
fn single_word(w: &str) -> bool {
    !w.is_empty() && keys(w) == [w]
}

/// Characters that mean something else inside a dyad pattern.
const DYAD_SYNTAX: &[char] = &[
    '#', '$', '%', '^', '&', '{', '}', '[', ']', '*', '+', '"', '=',
];
/// Characters that mean something else inside a PETRARCH pattern.
const PETRARCH_SYNTAX: &[char] = &[
    '{', '}', '(', ')', '_', '[', ']', '#', '*', '&', '+', '$', '%', '^', '~', ';', '<', '"',
];

/// Writes normalised words as whitespace-separated pieces that read back as exactly those words.
/// A word the tokenizer cuts differently on its own (`'s` from "women's") is glued to the one
/// before it. `Err` names the first word that cannot be written.
fn write_words(
    words: &[String],
    style: impl Fn(&str) -> String,
    syntax: &[char],
) -> Result<Vec<String>, String> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for w in words {
        if w.is_empty() || w.contains(syntax) || w.contains(char::is_whitespace) {
            return Err(w.clone());
        }
        let piece = style(w);
        if keys(&piece) == [w.as_str()] {
            out.push((piece, vec![w.clone()]));
            continue;
        }
        let Some((last, last_keys)) = out.last_mut() else {
            return Err(w.clone());
        };
        let glued = format!("{last}{piece}");
        let mut want = last_keys.clone();
        want.push(w.clone());
        if keys(&glued) != want {
            return Err(w.clone());
        }
        *last = glued;
        *last_keys = want;
    }
    Ok(out.into_iter().map(|(p, _)| p).collect())
}

/// Where a warning about the whole set points: its first file.
fn whole_set(set: &DictionarySet) -> Origin {
    Origin {
        file: Arc::from(set.files.first().map(String::as_str).unwrap_or("<set>")),
        line: 0,
    }
}

/// Entries of one input file interleaved by line: actors and persons share actor files.
enum ActorEntry<'a> {
    Actor(&'a Actor),
    Person(&'a Person),
}

fn actor_entries(set: &DictionarySet) -> Vec<ActorEntry<'_>> {
    let mut v: Vec<ActorEntry> = set
        .actors
        .iter()
        .map(ActorEntry::Actor)
        .chain(set.persons.iter().map(ActorEntry::Person))
        .collect();
    // Stable: entries of one file keep their line order, files keep the set's order of entries.
    let order = file_order(set);
    let rank: FxHashMap<&str, usize> = order.iter().enumerate().map(|(i, f)| (&**f, i)).collect();
    v.sort_by_key(|e| {
        let o = match e {
            ActorEntry::Actor(a) => &a.origin,
            ActorEntry::Person(p) => &p.origin,
        };
        (rank.get(&*o.file).copied().unwrap_or(usize::MAX), o.line)
    });
    v
}

// ------------------------------------------------------------------------------------------------
// dyad's format.

/// Why a phrase cannot be written on a dyad phrase line, if it cannot.
fn dyad_phrase_problem(text: &str) -> Option<&'static str> {
    let t = text.trim();
    if t.is_empty() {
        Some("it is empty")
    } else if t.contains('#') {
        Some("`#` starts a comment in dyad's format")
    } else if t.contains("->") {
        Some("`->` introduces a phrase's own code in dyad's format")
    } else if t.starts_with('!') {
        Some("a leading `!` marks a case-sensitive phrase in dyad's format")
    } else if t.starts_with("role ") {
        Some("a line starting with `role ` is a role in dyad's format")
    } else if t.contains(['\n', '\r']) {
        Some("it spans lines")
    } else if !t.contains(char::is_alphanumeric) {
        Some("it has no letter or digit")
    } else {
        None
    }
}

/// Whether an actor, agent or role code can be written (bare or in double quotes).
fn dyad_actor_code(code: &str) -> bool {
    !code.is_empty() && !code.contains(['"', '#']) && !code.contains(char::is_whitespace)
}

/// An actor, agent or role code as written: in double quotes unless it has CAMEO's shape.
fn dyad_code_text(code: &str) -> String {
    if crate::parse::bare_code(code) {
        code.to_string()
    } else {
        format!("\"{code}\"")
    }
}

fn dyad_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn dyad_name(name: &str, origin: &Origin, w: &mut Warnings) -> String {
    if name.contains('"') || name.contains(['\n', '\r']) {
        w.add(
            origin,
            "name",
            format!("name {name:?}: double quotes and line breaks become single quotes and spaces"),
        );
        name.replace('"', "'").replace(['\n', '\r'], " ")
    } else {
        name.to_string()
    }
}

/// Renders `set` in dyad's format (see the module documentation for the file layout).
pub fn render_dyad(set: &DictionarySet) -> Rendered {
    let names = Names::new(set);
    let mut files = Files::default();
    let mut w = Warnings(Vec::new());
    // The converter writes entries, not the rules that combine events.
    for t in &set.transforms {
        w.add(
            &t.origin,
            "transformation",
            "verb transformation (~) is not converted: not written",
        );
    }
    let header = |file: &str| {
        format!("# Converted by `dyad dict convert` from {file}.\n# Format: docs/dictionary-format.md\n")
    };

    for entry in actor_entries(set) {
        match entry {
            ActorEntry::Actor(a) => {
                let name = names.name(&a.origin.file, Kind::Actors, false);
                let block = dyad_actor(a, &mut w);
                if let Some(block) = block {
                    files.get(name, || header(&a.origin.file)).push_str(&block);
                }
            }
            ActorEntry::Person(p) => {
                let name = names.name(&p.origin.file, Kind::Actors, false);
                if let Some(block) = dyad_person(p, &mut w) {
                    files.get(name, || header(&p.origin.file)).push_str(&block);
                }
            }
        }
    }

    // Consecutive agents of one file with the same code read best as one block.
    let mut i = 0;
    while i < set.agents.len() {
        let a = &set.agents[i];
        let mut j = i + 1;
        while j < set.agents.len()
            && set.agents[j].code == a.code
            && set.agents[j].prefix == a.prefix
            && set.agents[j].origin.file == a.origin.file
        {
            j += 1;
        }
        let group = &set.agents[i..j];
        i = j;
        if !dyad_actor_code(&a.code) {
            for g in group {
                w.add(
                    &g.origin,
                    "code",
                    format!(
                        "agent code `{}` holds a double quote, `#` or a space: agent not written",
                        g.code
                    ),
                );
            }
            continue;
        }
        let mut block = format!(
            "\nagent {} \"{}\"{}\n",
            dyad_code_text(&a.code),
            dyad_name(&a.name, &a.origin, &mut w),
            if a.prefix { " prefix" } else { "" }
        );
        let mut any = false;
        for g in group {
            for p in &g.phrases {
                if let Some(why) = dyad_phrase_problem(&p.text) {
                    w.add(
                        &p.origin,
                        "phrase",
                        format!("agent phrase {:?} not written: {why}", p.text),
                    );
                    continue;
                }
                if p.code.is_some() {
                    w.add(
                        &p.origin,
                        "phrase-code",
                        format!(
                            "agent phrase {:?} has a code of its own, which dyad's agents cannot carry: written without it",
                            p.text
                        ),
                    );
                }
                let bang = if p.case_sensitive { "!" } else { "" };
                block.push_str(&format!("  {bang}{}\n", p.text.trim()));
                any = true;
            }
        }
        if any {
            let name = names.name(&a.origin.file, Kind::Agents, false);
            files.get(name, || header(&a.origin.file)).push_str(&block);
        } else {
            w.add(
                &a.origin,
                "empty",
                format!("agent {} has no phrase dyad can read: not written", a.code),
            );
        }
    }

    for s in &set.synsets {
        if let Some(block) = dyad_synset(s, &mut w) {
            let name = names.name(&s.origin.file, Kind::Verbs, false);
            files.get(name, || header(&s.origin.file)).push_str(&block);
        }
    }
    for v in &set.verbs {
        if let Some(lines) = dyad_pattern(v, &mut w) {
            let name = names.name(&v.origin.file, Kind::Verbs, false);
            files.get(name, || header(&v.origin.file)).push_str(&lines);
        }
    }

    if !set.irregular.is_empty() {
        let mut text = String::from(
            "# Converted by `dyad dict convert`.\n# lemma past participle [ing]; `/` separates alternatives.\n",
        );
        for (lemma, f) in &set.irregular {
            if let Some(line) = dyad_irregular(set, lemma, f, &mut w) {
                text.push_str(&line);
            }
        }
        files
            .get("irregular-verbs.txt".into(), String::new)
            .push_str(&text);
    }

    for d in &set.discards {
        let phrase = d.phrase.trim();
        if let Some(why) = dyad_phrase_problem(phrase) {
            w.add(
                &d.origin,
                "phrase",
                format!("discard {phrase:?} not written: {why}"),
            );
            continue;
        }
        let name = names.name(&d.origin.file, Kind::Discards, false);
        let text = files.get(name, || {
            format!(
                "# Converted by `dyad dict convert` from {}.\n# Discards: `sentence PHRASE` or `story PHRASE`; a final `*` lets the last word be a stem.\n",
                d.origin.file
            )
        });
        let scope = if d.story { "story" } else { "sentence" };
        let star = if d.whole_word { "" } else { "*" };
        text.push_str(&format!("{scope} {phrase}{star}\n"));
    }

    for i in &set.issues {
        let phrase = i.phrase.trim();
        if let Some(why) = dyad_phrase_problem(phrase) {
            w.add(
                &i.origin,
                "phrase",
                format!("issue phrase {phrase:?} not written: {why}"),
            );
            continue;
        }
        let code = if i.code.is_empty() { "-" } else { &i.code };
        if code.contains(char::is_whitespace) || code.contains('#') {
            w.add(
                &i.origin,
                "code",
                format!("issue code {code:?} contains a space or `#`: phrase not written"),
            );
            continue;
        }
        let name = names.name(&i.origin.file, Kind::Issues, false);
        let text = files.get(name, || {
            format!(
                "# Converted by `dyad dict convert` from {}.\n# Issues: `CODE PHRASE`; code `-` marks a phrase that cancels issue coding.\n",
                i.origin.file
            )
        });
        text.push_str(&format!("{code} {phrase}\n"));
    }

    dyad_directives(set, &names, &mut files);
    Rendered {
        files: files.finish(),
        warnings: w.0,
    }
}

/// Writes the set-wide directives (`conventions petrarch`, `standalone`) into the first file
/// that can hold them, after its header comment.
fn dyad_directives(set: &DictionarySet, names: &Names, files: &mut Files) {
    let mut lines = String::new();
    if set.petrarch {
        lines.push_str("conventions petrarch   # code this set by PETRARCH's conventions\n");
    }
    if set.standalone {
        lines.push_str(
            "standalone             # a whole set: --dict loads it without dyad's defaults\n",
        );
    }
    if lines.is_empty() {
        return;
    }
    let holds = |n: &String| {
        matches!(
            FileKind::of(n),
            Some(FileKind::Actors | FileKind::Agents | FileKind::Verbs | FileKind::Discards)
        )
    };
    let name = match files.order.iter().find(|n| holds(n)) {
        Some(n) => n.clone(),
        None => format!("{:0w$}-set.verbs", 0, w = names.width),
    };
    let text = files.get(name, String::new);
    let cut = text
        .split_inclusive('\n')
        .take_while(|l| l.starts_with('#'))
        .map(str::len)
        .sum::<usize>();
    text.insert_str(cut, &lines);
}

fn dyad_phrase_lines(
    phrases: &[Phrase],
    allow_code: bool,
    owner: &str,
    w: &mut Warnings,
) -> String {
    let mut out = String::new();
    for p in phrases {
        if let Some(why) = dyad_phrase_problem(&p.text) {
            w.add(
                &p.origin,
                "phrase",
                format!("phrase {:?} of {owner} not written: {why}", p.text),
            );
            continue;
        }
        let bang = if p.case_sensitive { "!" } else { "" };
        let code = match &p.code {
            Some(c) if !allow_code => {
                w.add(
                    &p.origin,
                    "phrase-code",
                    format!(
                        "phrase {:?} of {owner} has a code of its own ({c}), which dyad only allows on actors: written without it",
                        p.text
                    ),
                );
                String::new()
            }
            Some(c) if !dyad_actor_code(c) => {
                w.add(
                    &p.origin,
                    "code",
                    format!(
                        "phrase {:?}: code `{c}` holds a double quote, `#` or a space: phrase not written",
                        p.text
                    ),
                );
                continue;
            }
            Some(c) => format!(" -> {}", dyad_code_text(c)),
            None => String::new(),
        };
        out.push_str(&format!("  {bang}{}{code}\n", p.text.trim()));
    }
    out
}

fn dyad_actor(a: &Actor, w: &mut Warnings) -> Option<String> {
    if !dyad_actor_code(&a.code) {
        w.add(
            &a.origin,
            "code",
            format!(
                "actor code `{}` holds a double quote, `#` or a space: actor not written",
                a.code
            ),
        );
        return None;
    }
    let country = match &a.country {
        Some(c) if is_code(c, 3, 3, |b| b.is_ascii_uppercase()) => format!(" country={c}"),
        Some(c) => {
            w.add(
                &a.origin,
                "country",
                format!(
                    "country `{c}` of actor {} is not an ISO alpha-3 code: left out",
                    a.code
                ),
            );
            String::new()
        }
        None => String::new(),
    };
    let phrases = dyad_phrase_lines(&a.phrases, true, &format!("actor {}", a.code), w);
    if phrases.is_empty() {
        w.add(
            &a.origin,
            "empty",
            format!("actor {} has no phrase dyad can read: not written", a.code),
        );
        return None;
    }
    Some(format!(
        "\nactor {} \"{}\"{country}\n{phrases}",
        dyad_code_text(&a.code),
        dyad_name(&a.name, &a.origin, w)
    ))
}

fn dyad_person(p: &Person, w: &mut Warnings) -> Option<String> {
    let owner = format!("person {:?}", p.name);
    let phrases = dyad_phrase_lines(&p.phrases, false, &owner, w);
    let mut roles = String::new();
    for r in &p.roles {
        if !dyad_actor_code(&r.code) {
            w.add(
                &r.origin,
                "code",
                format!(
                    "role code `{}` of {owner} holds a double quote, `#` or a space: role not written",
                    r.code
                ),
            );
            continue;
        }
        if let (Some(f), Some(t)) = (r.from, r.to) {
            if f > t {
                w.add(
                    &r.origin,
                    "dates",
                    format!(
                        "role {} of {owner} ends before it starts ({f} > {t}): role not written",
                        r.code
                    ),
                );
                continue;
            }
        }
        if r.from.is_none() && r.to.is_none() {
            roles.push_str(&format!("  role {}\n", dyad_code_text(&r.code)));
        } else {
            roles.push_str(&format!(
                "  role {} {}..{}\n",
                dyad_code_text(&r.code),
                dyad_date(r.from),
                dyad_date(r.to)
            ));
        }
    }
    if phrases.is_empty() || roles.is_empty() {
        w.add(
            &p.origin,
            "empty",
            format!(
                "{owner} has no {} dyad can read: not written",
                if phrases.is_empty() { "phrase" } else { "role" }
            ),
        );
        return None;
    }
    Some(format!(
        "\nperson \"{}\"\n{phrases}{roles}",
        dyad_name(&p.name, &p.origin, w)
    ))
}

/// An event code as dyad's verb lines write it: bare when it is 2 to 4 digits or `---`, in double
/// quotes otherwise; `None` when it cannot be written at all.
fn dyad_event_code(code: &str) -> Option<String> {
    if is_code(code, 2, 4, |b| b.is_ascii_digit()) || code == "---" {
        Some(code.to_string())
    } else if code.is_empty()
        || code.contains(['"', ':', '#'])
        || code.contains(char::is_whitespace)
    {
        None
    } else {
        Some(format!("\"{code}\""))
    }
}

/// One side of a pattern as written pieces; `Err` says why it cannot be written.
fn dyad_elements(
    elements: &[Element],
    slots: &mut (usize, usize),
) -> Result<Vec<String>, (&'static str, String)> {
    let mut out = Vec::new();
    let mut run: Vec<String> = Vec::new();
    for e in elements.iter().map(Some).chain([None]) {
        if let Some(Element::Word(x)) = e {
            run.push(x.clone());
            continue;
        }
        if !run.is_empty() {
            let pieces = write_words(&run, |x| x.to_string(), DYAD_SYNTAX).map_err(|x| {
                (
                    "word",
                    format!("the word `{x}` would not read back as itself"),
                )
            })?;
            out.extend(pieces);
            run.clear();
        }
        match e {
            None | Some(Element::Word(_)) => {}
            Some(Element::Prefix(p)) => {
                if !single_word(p) || p.contains(DYAD_SYNTAX) {
                    return Err((
                        "word",
                        format!("the prefix `{p}*` would not read back as itself"),
                    ));
                }
                out.push(format!("{p}*"));
            }
            Some(Element::Target) => {
                slots.0 += 1;
                if slots.0 > 1 {
                    return Err(("target", "dyad's patterns have at most one `+`".into()));
                }
                out.push("+".into());
            }
            Some(Element::Source) => {
                slots.1 += 1;
                if slots.1 > 1 {
                    return Err(("source", "dyad's patterns have at most one `$`".into()));
                }
                out.push("$".into());
            }
            Some(Element::Compound) => out.push("%".into()),
            Some(Element::Next) => out.push("_".into()),
            Some(Element::Skip) => out.push("^".into()),
            Some(Element::Set(name)) => {
                if !crate::parse::synset_name_ok(name) {
                    return Err((
                        "synset",
                        format!("the set name `{name}` is not `&` and letters, digits or `_`"),
                    ));
                }
                out.push(name.clone());
            }
        }
    }
    Ok(out)
}

fn dyad_pattern(v: &VerbPattern, w: &mut Warnings) -> Option<String> {
    let shown = crate::lint::show_pattern(v);
    let skip = |w: &mut Warnings, kind, why: String| {
        w.add(
            &v.origin,
            kind,
            format!("pattern `{shown}` [{}] not written: {why}", v.code),
        );
        None
    };
    let Some(mut code) = dyad_event_code(&v.code) else {
        return skip(
            w,
            "event-code",
            format!(
                "the code `{}` holds a double quote, `:`, `#` or a space",
                v.code
            ),
        );
    };
    if let Some(rev) = &v.reverse {
        match dyad_event_code(rev).filter(|_| rev != "---") {
            Some(r) => code = format!("{code}:{r}"),
            None => {
                return skip(
                    w,
                    "event-code",
                    format!("the reverse code `{rev}` cannot be written"),
                )
            }
        }
    }
    if v.alone {
        code = format!("({code})");
    }
    if v.lemma.is_empty() || !v.lemma.chars().all(|c| c.is_alphabetic() || c == '-') {
        return skip(
            w,
            "lemma",
            format!("the verb `{}` is not a single word", v.lemma),
        );
    }
    let mut slots = (0, 0);
    let before = match dyad_elements(&v.before, &mut slots) {
        Ok(p) => p,
        Err((kind, why)) => return skip(w, kind, why),
    };
    let after = match dyad_elements(&v.elements, &mut slots) {
        Ok(p) => p,
        Err((kind, why)) => return skip(w, kind, why),
    };
    let mut parts = vec![code];
    parts.extend(before);
    // `=` marks the verb only where words stand before it: the usual line reads as before.
    if v.before.is_empty() {
        parts.push(v.lemma.clone());
    } else {
        parts.push(format!("={}", v.lemma));
    }
    parts.extend(after);
    Some(format!("{}\n", parts.join(" ")))
}

/// A `set &NAME` block with one phrase per indented line.
fn dyad_synset(s: &Synset, w: &mut Warnings) -> Option<String> {
    if !crate::parse::synset_name_ok(&s.name) {
        w.add(
            &s.origin,
            "synset",
            format!(
                "set `{}` not written: its name is not `&` and letters, digits or `_`",
                s.name
            ),
        );
        return None;
    }
    let mut out = format!("\nset {}\n", s.name);
    for p in &s.phrases {
        let why = if p.trim() != p || p.is_empty() {
            Some("it is empty or has spaces at either end")
        } else if p.contains('#') {
            Some("`#` starts a comment in dyad's format")
        } else if p.contains(['\n', '\r']) {
            Some("it spans lines")
        } else {
            None
        };
        match why {
            Some(why) => w.add(
                &s.origin,
                "phrase",
                format!("phrase {p:?} of set {} not written: {why}", s.name),
            ),
            None => out.push_str(&format!("  {p}\n")),
        }
    }
    Some(out)
}

/// The regular third-person form, which dyad generates itself.
fn regular_third(lemma: &str) -> Vec<String> {
    crate::inflect::inflect(lemma, None)
        .into_iter()
        .filter(|(_, f)| *f == crate::inflect::Form::Third)
        .map(|(s, _)| s)
        .collect()
}

fn irregular_origin(set: &DictionarySet, lemma: &str) -> Origin {
    set.verbs
        .iter()
        .find(|v| v.lemma == lemma)
        .map(|v| v.origin.clone())
        .unwrap_or_else(|| Origin {
            file: Arc::from("irregular-verbs.txt"),
            line: 0,
        })
}

fn dyad_irregular(
    set: &DictionarySet,
    lemma: &str,
    f: &IrregularForms,
    w: &mut Warnings,
) -> Option<String> {
    let bad = |s: &str| s.is_empty() || s.contains(char::is_whitespace) || s.contains(['/', '#']);
    let all = std::iter::once(lemma)
        .chain(f.past.iter().map(String::as_str))
        .chain(f.participle.iter().map(String::as_str))
        .chain(f.ing.iter().map(String::as_str))
        .chain(f.third.iter().map(String::as_str));
    for s in all {
        if bad(s) {
            w.add(
                &irregular_origin(set, lemma),
                "irregular",
                format!("irregular forms of `{lemma}`: {s:?} is not a single word: not written"),
            );
            return None;
        }
    }
    if f.past.is_empty() || f.participle.is_empty() {
        w.add(
            &irregular_origin(set, lemma),
            "irregular",
            format!("irregular forms of `{lemma}` without a past or a participle: not written (dyad generates the regular ones)"),
        );
        return None;
    }
    let regular = regular_third(lemma);
    let odd_third: Vec<&String> = f.third.iter().filter(|t| !regular.contains(t)).collect();
    if !odd_third.is_empty() {
        w.add(
            &irregular_origin(set, lemma),
            "irregular",
            format!(
                "third-person form(s) {odd_third:?} of `{lemma}`: dyad's irregular list has no column for them (it generates the regular one)"
            ),
        );
    }
    let mut line = format!("{lemma} {} {}", f.past.join("/"), f.participle.join("/"));
    if !f.ing.is_empty() {
        line.push(' ');
        line.push_str(&f.ing.join("/"));
    }
    line.push('\n');
    Some(line)
}

// ------------------------------------------------------------------------------------------------
// Reading back what `render_dyad` writes.

/// Loads a folder in dyad's format (only the folder: not the embedded defaults).
pub fn load_dyad_dir(dir: &Path) -> Result<DictionarySet, LoadError> {
    crate::load_dir_only(dir)
}

// ------------------------------------------------------------------------------------------------
// PETRARCH's format.

/// The characters that are syntax in each kind of PETRARCH line, besides `#`; `_` joins the
/// words of every phrase but an issue phrase.
const ACTOR_SYNTAX: &[char] = &['[', ';', '_'];
const AGENT_SYNTAX: &[char] = &['[', ']', '{', '}', '!', '_'];
const LIST_SYNTAX: &[char] = &['[', ']', '_'];
const ISSUE_SYNTAX: &[char] = &['[', ']'];

/// Why a phrase cannot be written in a PETRARCH line whose own syntax is `syntax`, if it cannot.
fn petrarch_phrase_problem(text: &str, syntax: &[char]) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        Some("it is empty".into())
    } else if t.contains('#') {
        Some("`#` starts a comment in PETRARCH files".into())
    } else if let Some(c) = t.chars().find(|c| syntax.contains(c)) {
        Some(format!("`{c}` is PETRARCH syntax in this file"))
    } else if t.contains("<!") || t.contains("-->") {
        Some("it looks like an XML comment".into())
    } else if t.starts_with(['+', '-', '~', '&', '<', '[', '$', '%', '^', '!']) {
        Some("its first character is PETRARCH syntax".into())
    } else if t.contains(['\n', '\r', '\t']) {
        Some("it contains a tab or a line break".into())
    } else {
        None
    }
}

/// A phrase written PETRARCH's way: words joined by `_`.
fn petrarch_phrase(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("_")
}

fn petrarch_code_ok(code: &str) -> bool {
    !code.is_empty()
        && !code.contains(char::is_whitespace)
        && !code.contains(['[', ']', '{', '}', '~', ':', '#', ';', '<', '>'])
}

/// YYYYMMDD, or `None` when the year does not fit in four digits.
fn petrarch_date(d: NaiveDate) -> Option<String> {
    (1..=9999)
        .contains(&d.year())
        .then(|| d.format("%Y%m%d").to_string())
}

/// The country the PETRARCH reader gives an actor: the first three letters of its code when those
/// are the code of an actor of their own.
fn derived_country<'a>(code: &'a str, countries: &FxHashSet<&str>) -> Option<&'a str> {
    let head = code.get(..3)?;
    countries.contains(head).then_some(head)
}

/// Renders `set` in PETRARCH's format (see the module documentation for the file layout).
pub fn render_petrarch(set: &DictionarySet) -> Rendered {
    let names = Names::new(set);
    let mut files = Files::default();
    let mut w = Warnings(Vec::new());
    // The converter writes entries, not the rules that combine events.
    for t in &set.transforms {
        w.add(
            &t.origin,
            "transformation",
            "verb transformation (~) is not converted: not written",
        );
    }
    if !set.petrarch {
        w.add(
            &whole_set(set),
            "conventions",
            "dyad codes a set read from PETRARCH files by PETRARCH's conventions (agents join any actor, targets anywhere after the verb), not by dyad's own",
        );
    }
    let header = |file: &str| format!("# Converted by dyad dict convert from {file}.\n");

    let countries: FxHashSet<&str> = set
        .actors
        .iter()
        .filter(|a| a.code.len() == 3 && a.code.bytes().all(|b| b.is_ascii_uppercase()))
        .map(|a| a.code.as_str())
        .collect();
    for entry in actor_entries(set) {
        let (file, text) = match entry {
            ActorEntry::Actor(a) => (&a.origin.file, petrarch_actor(a, &countries, &mut w)),
            ActorEntry::Person(p) => (&p.origin.file, petrarch_person(p, &mut w)),
        };
        if let Some(text) = text {
            let name = names.name(file, Kind::Actors, true);
            files.get(name, || header(file)).push_str(&text);
        }
    }

    for a in &set.agents {
        if !petrarch_code_ok(&a.code) {
            w.add(
                &a.origin,
                "code",
                format!(
                    "agent code `{}` cannot be written in PETRARCH's brackets: agent not written",
                    a.code
                ),
            );
            continue;
        }
        let code = if a.prefix {
            format!("{}~", a.code)
        } else {
            format!("~{}", a.code)
        };
        let mut text = String::new();
        for (k, p) in a.phrases.iter().enumerate() {
            if let Some(why) = petrarch_phrase_problem(&p.text, AGENT_SYNTAX) {
                w.add(
                    &p.origin,
                    "phrase",
                    format!("agent phrase {:?} not written: {why}", p.text),
                );
                continue;
            }
            if p.case_sensitive {
                w.add(
                    &p.origin,
                    "case",
                    format!(
                        "agent phrase {:?}: PETRARCH matches without regard to case",
                        p.text
                    ),
                );
            }
            if p.code.is_some() {
                w.add(
                    &p.origin,
                    "phrase-code",
                    format!("agent phrase {:?} has a code of its own, which PETRARCH's agents cannot carry: written without it", p.text),
                );
            }
            // `{}`: the phrases are already every form wanted; PETRARCH would add plurals.
            let comment = if k == 0 && !a.name.eq_ignore_ascii_case(p.text.trim()) {
                format!("  # {}", a.name.replace(['\n', '\r'], " "))
            } else {
                String::new()
            };
            text.push_str(&format!(
                "{} {{}} [{code}]{comment}\n",
                petrarch_phrase(&p.text)
            ));
        }
        if text.is_empty() {
            w.add(
                &a.origin,
                "empty",
                format!(
                    "agent {} has no phrase PETRARCH can read: not written",
                    a.code
                ),
            );
            continue;
        }
        let name = names.name(&a.origin.file, Kind::Agents, true);
        files.get(name, || header(&a.origin.file)).push_str(&text);
    }

    petrarch_verbs(set, &names, &mut files, &mut w);

    for d in &set.discards {
        if let Some(why) = petrarch_phrase_problem(&d.phrase, LIST_SYNTAX) {
            w.add(
                &d.origin,
                "phrase",
                format!("discard {:?} not written: {why}", d.phrase),
            );
            continue;
        }
        let name = names.name(&d.origin.file, Kind::Discards, true);
        let plus = if d.story { "+" } else { "" };
        let end = if d.whole_word { "_" } else { "" };
        files
            .get(name, || header(&d.origin.file))
            .push_str(&format!("{plus}{}{end}\n", d.phrase.trim()));
    }

    for i in &set.issues {
        let problem = petrarch_phrase_problem(&i.phrase, ISSUE_SYNTAX).or_else(|| {
            i.phrase
                .split_whitespace()
                .any(|w| w.starts_with("n:") || w.starts_with("v:") || w.contains('+'))
                .then(|| "`n:`, `v:` and `+` expand words in PETRARCH issue files".to_string())
        });
        if let Some(why) = problem {
            w.add(
                &i.origin,
                "phrase",
                format!("issue phrase {:?} not written: {why}", i.phrase),
            );
            continue;
        }
        let line = if i.code.is_empty() {
            format!("~{}\n", i.phrase.trim())
        } else if petrarch_code_ok(&i.code) {
            format!("{} [{}]\n", i.phrase.trim(), i.code)
        } else {
            w.add(
                &i.origin,
                "code",
                format!(
                    "issue code `{}` cannot be written in PETRARCH's brackets: not written",
                    i.code
                ),
            );
            continue;
        };
        let name = names.name(&i.origin.file, Kind::Issues, true);
        files.get(name, || header(&i.origin.file)).push_str(&line);
    }

    Rendered {
        files: files.finish(),
        warnings: w.0,
    }
}

/// The phrases of an actor or person as a primary line and `+` synonyms; `None` when none can be
/// written. Phrases with a code of their own are returned apart.
fn petrarch_phrases<'a>(
    phrases: &'a [Phrase],
    owner_code: Option<&str>,
    owner: &str,
    w: &mut Warnings,
) -> (Vec<String>, Vec<(&'a Phrase, &'a str)>) {
    let mut own = Vec::new();
    let mut coded = Vec::new();
    for p in phrases {
        if let Some(why) = petrarch_phrase_problem(&p.text, ACTOR_SYNTAX) {
            w.add(
                &p.origin,
                "phrase",
                format!("phrase {:?} of {owner} not written: {why}", p.text),
            );
            continue;
        }
        if p.case_sensitive {
            w.add(
                &p.origin,
                "case",
                format!(
                    "phrase {:?} of {owner} is case-sensitive; PETRARCH matches without regard to case",
                    p.text
                ),
            );
        }
        match p.code.as_deref() {
            Some(c) if Some(c) != owner_code => {
                if petrarch_code_ok(c) {
                    coded.push((p, c));
                } else {
                    w.add(
                        &p.origin,
                        "code",
                        format!("phrase {:?}: code `{c}` cannot be written in PETRARCH's brackets: not written", p.text),
                    );
                }
            }
            _ => own.push(format!("{}_", petrarch_phrase(&p.text))),
        }
    }
    (own, coded)
}

fn petrarch_actor(a: &Actor, countries: &FxHashSet<&str>, w: &mut Warnings) -> Option<String> {
    if !petrarch_code_ok(&a.code) {
        w.add(
            &a.origin,
            "code",
            format!(
                "actor code `{}` cannot be written in PETRARCH's brackets: actor not written",
                a.code
            ),
        );
        return None;
    }
    let owner = format!("actor {}", a.code);
    let (own, coded) = petrarch_phrases(&a.phrases, Some(&a.code), &owner, w);
    if let Some(c) = a.country.as_deref() {
        if derived_country(&a.code, countries) != Some(c) {
            w.add(
                &a.origin,
                "country",
                format!(
                    "country={c} of {owner}: PETRARCH has no country field and reads the country from the code's first three letters"
                ),
            );
        }
    }
    let mut out = String::new();
    if let Some((first, rest)) = own.split_first() {
        let comment = if a.name.eq_ignore_ascii_case(first.replace('_', " ").trim()) {
            String::new()
        } else {
            format!("  # {}", a.name.replace(['\n', '\r'], " "))
        };
        out.push_str(&format!("\n{first}  [{}]{comment}\n", a.code));
        for r in rest {
            out.push_str(&format!("+{r}\n"));
        }
    } else if coded.is_empty() {
        w.add(
            &a.origin,
            "empty",
            format!("{owner} has no phrase PETRARCH can read: not written"),
        );
        return None;
    }
    // PETRARCH phrases have no code of their own: such a phrase becomes an actor of its own.
    for (p, c) in coded {
        out.push_str(&format!("\n{}_  [{c}]\n", petrarch_phrase(&p.text)));
    }
    Some(out)
}

fn petrarch_person(p: &Person, w: &mut Warnings) -> Option<String> {
    let owner = format!("person {:?}", p.name);
    let (own, coded) = petrarch_phrases(&p.phrases, None, &owner, w);
    for (ph, _) in &coded {
        w.add(
            &ph.origin,
            "phrase-code",
            format!(
                "phrase {:?} of {owner} has a code of its own, which a person's phrases cannot carry: not written",
                ph.text
            ),
        );
    }
    let mut dated = Vec::new();
    let mut undated = Vec::new();
    for (i, r) in p.roles.iter().enumerate() {
        if !petrarch_code_ok(&r.code) {
            w.add(
                &r.origin,
                "code",
                format!("role code `{}` of {owner} cannot be written in PETRARCH's brackets: role not written", r.code),
            );
            continue;
        }
        let mut date = |d: NaiveDate| {
            let s = petrarch_date(d);
            if s.is_none() {
                w.add(
                    &r.origin,
                    "dates",
                    format!(
                        "role {} of {owner}: the date {d} does not fit YYYYMMDD: role not written",
                        r.code
                    ),
                );
            }
            s
        };
        let line = match (r.from, r.to) {
            (None, None) => {
                if i + 1 < p.roles.len() {
                    w.add(
                        &r.origin,
                        "role-order",
                        format!(
                            "undated role {} of {owner} is not the last role: PETRARCH uses an undated code only where no dated one applies",
                            r.code
                        ),
                    );
                }
                undated.push(format!("\t[{}]\n", r.code));
                continue;
            }
            (Some(f), None) => date(f).map(|f| format!("\t[{} >{f}]\n", r.code)),
            (None, Some(t)) => date(t).map(|t| format!("\t[{} <{t}]\n", r.code)),
            (Some(f), Some(t)) => match (date(f), date(t)) {
                (Some(f), Some(t)) => Some(format!("\t[{} {f}-{t}]\n", r.code)),
                _ => None,
            },
        };
        dated.extend(line);
    }
    let Some((first, rest)) = own.split_first() else {
        w.add(
            &p.origin,
            "empty",
            format!("{owner} has no phrase PETRARCH can read: not written"),
        );
        return None;
    };
    if dated.is_empty() && undated.is_empty() {
        w.add(
            &p.origin,
            "empty",
            format!("{owner} has no role PETRARCH can read: not written"),
        );
        return None;
    }
    let comment = if p.name.eq_ignore_ascii_case(first.replace('_', " ").trim()) {
        String::new()
    } else {
        format!("  # {}", p.name.replace(['\n', '\r'], " "))
    };
    let mut out = format!("\n{first}{comment}\n");
    for r in rest {
        out.push_str(&format!("+{r}\n"));
    }
    for l in dated.iter().chain(&undated) {
        out.push_str(l);
    }
    Some(out)
}

/// Whether a word (a verb or one of its forms) cannot be written as one PETRARCH word.
fn petrarch_word_problem(word: &str) -> bool {
    // Verbs and their forms are normalised as one word by the reader, not tokenised.
    let mut back = String::new();
    dyad_text::normalize_into(&petrarch_word(word), &mut back);
    back != word
        || word.is_empty()
        || word.starts_with('-')
        || word.contains(PETRARCH_SYNTAX)
        || word.contains(char::is_whitespace)
}

fn petrarch_word(word: &str) -> String {
    // PETRARCH files are upper-case by convention; only ASCII is changed so it reads back as is.
    if word.is_ascii() {
        word.to_ascii_uppercase()
    } else {
        word.to_string()
    }
}

fn petrarch_elements(
    v: &VerbPattern,
    elements: &[Element],
    w: &mut Warnings,
) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let not_written = |w: &mut Warnings, x: &str| {
        w.add(
            &v.origin,
            "word",
            format!(
                "pattern `{}` [{}] not written: the word `{x}` would not read back as itself",
                crate::lint::show_pattern(v),
                v.code
            ),
        );
    };
    for e in elements.iter().map(Some).chain([None]) {
        if let Some(Element::Word(x)) = e {
            run.push(x.clone());
            continue;
        }
        if !run.is_empty() {
            match write_words(&run, petrarch_word, PETRARCH_SYNTAX) {
                Ok(pieces) => out.extend(pieces),
                Err(x) => {
                    not_written(w, &x);
                    return None;
                }
            }
            run.clear();
        }
        match e {
            None | Some(Element::Word(_)) => {}
            Some(Element::Prefix(p)) => {
                w.add(
                    &v.origin,
                    "prefix",
                    format!(
                        "pattern `{}` [{}] not written: PETRARCH patterns match whole words only, not the prefix `{p}*`",
                        crate::lint::show_pattern(v),
                        v.code
                    ),
                );
                return None;
            }
            Some(Element::Target) => out.push("+".into()),
            Some(Element::Source) => out.push("$".into()),
            Some(Element::Compound) => out.push("%".into()),
            Some(Element::Next) => out.push("_".into()),
            Some(Element::Skip) => out.push("^".into()),
            Some(Element::Set(name)) => out.push(name.clone()),
        }
    }
    Some(out)
}

/// A verb and its patterns, in file order.
type LemmaPatterns<'a> = (&'a str, Vec<&'a VerbPattern>);

fn petrarch_verbs(set: &DictionarySet, names: &Names, files: &mut Files, w: &mut Warnings) {
    let synsets: FxHashMap<&str, &Synset> =
        set.synsets.iter().map(|s| (s.name.as_str(), s)).collect();
    // The irregular forms the reader adds to every PETRARCH set need not be written again.
    let mut embedded = DictionarySet::default();
    for (name, text) in crate::EMBEDDED {
        if FileKind::of(name) == Some(FileKind::Irregular) {
            let _ = crate::parse::parse_irregular(name, text, &mut embedded);
        }
    }
    let embedded: FxHashMap<&str, &IrregularForms> = embedded
        .irregular
        .iter()
        .map(|(l, f)| (l.as_str(), f))
        .collect();
    let same = |a: &IrregularForms, b: &IrregularForms| {
        a.past == b.past && a.participle == b.participle && a.ing == b.ing && a.third == b.third
    };
    // The forms the coder would use for each lemma: the last entry wins.
    let mut forms: FxHashMap<&str, &IrregularForms> = FxHashMap::default();
    let mut irregular_order: Vec<&str> = Vec::new();
    for (l, f) in &set.irregular {
        if forms.insert(l.as_str(), f).is_none() {
            irregular_order.push(l.as_str());
        }
    }
    forms.retain(|l, f| embedded.get(l).is_none_or(|e| !same(e, f)));
    let mut forms = FormsOut {
        forms,
        written: FxHashSet::default(),
    };

    // Patterns grouped by file, then by lemma in order of first appearance.
    let mut by_file: Vec<(&Arc<str>, Vec<LemmaPatterns>)> = Vec::new();
    for v in &set.verbs {
        let fi = match by_file.iter().position(|(f, _)| **f == v.origin.file) {
            Some(i) => i,
            None => {
                by_file.push((&v.origin.file, Vec::new()));
                by_file.len() - 1
            }
        };
        let lemmas = &mut by_file[fi].1;
        match lemmas.iter_mut().find(|(l, _)| *l == v.lemma) {
            Some((_, ps)) => ps.push(v),
            None => lemmas.push((&v.lemma, vec![v])),
        }
    }
    for (file, lemmas) in &by_file {
        let mut body = String::new();
        let mut used: Vec<&str> = Vec::new();
        for (lemma, patterns) in lemmas {
            if lemma.is_empty()
                || petrarch_word_problem(lemma)
                || lemma.starts_with('-')
                || lemma.contains(char::is_whitespace)
            {
                for v in patterns {
                    w.add(
                        &v.origin,
                        "lemma",
                        format!("pattern `{}` [{}] not written: the verb `{lemma}` is not one word PETRARCH can read", crate::lint::show_pattern(v), v.code),
                    );
                }
                continue;
            }
            let mut lines = String::new();
            for v in patterns {
                if !petrarch_code_ok(&v.code)
                    || v.reverse.as_deref().is_some_and(|r| !petrarch_code_ok(r))
                {
                    w.add(
                        &v.origin,
                        "event-code",
                        format!("pattern `{}`: code `{}` cannot be written in PETRARCH's brackets: not written", crate::lint::show_pattern(v), v.code),
                    );
                    continue;
                }
                let Some(before) = petrarch_elements(v, &v.before, w) else {
                    continue;
                };
                let Some(after) = petrarch_elements(v, &v.elements, w) else {
                    continue;
                };
                for e in v.before.iter().chain(&v.elements) {
                    if let Element::Set(name) = e {
                        if !used.contains(&name.as_str()) {
                            used.push(name);
                        }
                    }
                }
                let mut parts = before;
                parts.push("*".into());
                parts.extend(after);
                let code = match &v.reverse {
                    Some(r) => format!("{}:{r}", v.code),
                    None => v.code.clone(),
                };
                // PETRARCH has no code for a sentence's lone event: such a pattern keeps only its
                // other work there, matching so that a weaker pattern does not code.
                let code = if v.alone {
                    w.add(
                        &v.origin,
                        "alone",
                        format!("pattern `{}`: `({code})` is written `---` (PETRARCH codes no event that holds only alone)", crate::lint::show_pattern(v)),
                    );
                    "---".to_string()
                } else {
                    code
                };
                lines.push_str(&format!("- {} [{code}]\n", parts.join(" ")));
            }
            let forms = forms.text(lemma, &patterns[0].origin, w);
            // `[---]`: the bare verb codes nothing unless a `- *` pattern says so.
            body.push_str(&format!(
                "\n--- {} [---] ---\n{}{forms}\n{lines}",
                petrarch_word(lemma),
                petrarch_word(lemma)
            ));
        }
        let mut defs = String::new();
        // The file's own sets in set order (used or not), then those it uses from other files:
        // the PETRARCH reader resolves names within one file.
        let own = set.synsets.iter().filter(|s| s.origin.file == **file);
        let foreign = used
            .iter()
            .filter_map(|n| synsets.get(n).copied())
            .filter(|s| s.origin.file != **file);
        for s in own.chain(foreign) {
            let name = &s.name;
            // `_` after the label: the phrases are already every form wanted, no plurals added.
            defs.push_str(&format!("\n{name}_\n"));
            for p in &s.phrases {
                if let Some(why) = petrarch_phrase_problem(p, LIST_SYNTAX) {
                    w.add(
                        &s.origin,
                        "phrase",
                        format!("phrase {p:?} of synset {name} not written: {why}"),
                    );
                    continue;
                }
                defs.push_str(&format!("+{}\n", petrarch_phrase(p)));
            }
        }
        let name = names.name(file, Kind::Verbs, true);
        let text = files.get(name, header_verbs(file));
        text.push_str(&defs);
        text.push_str(&body);
    }

    // Irregular forms of verbs no pattern uses: a block of their own, which codes nothing.
    let rest: Vec<&str> = irregular_order
        .into_iter()
        .filter(|l| forms.forms.contains_key(l) && !forms.written.contains(l))
        .collect();
    if !rest.is_empty() {
        let mut text = String::new();
        for lemma in rest {
            if petrarch_word_problem(lemma) {
                continue;
            }
            let origin = irregular_origin(set, lemma);
            let f = forms.text(lemma, &origin, w);
            if !f.is_empty() {
                text.push_str(&format!(
                    "\n--- {} [---] ---\n{}{f}\n",
                    petrarch_word(lemma),
                    petrarch_word(lemma)
                ));
            }
        }
        if !text.is_empty() {
            let file: Arc<str> = Arc::from("irregular-verbs.txt");
            let name = format!("{:0w$}-irregular.verbs.txt", 0, w = names.width);
            let t = files.get(name, header_verbs(&file));
            t.push_str(&text);
        }
    }
}

/// Irregular forms still to write on a verb line, each once.
struct FormsOut<'a> {
    forms: FxHashMap<&'a str, &'a IrregularForms>,
    written: FxHashSet<&'a str>,
}

impl<'a> FormsOut<'a> {
    /// ` {FORMS}` for the first verb line of `lemma`, or nothing.
    fn text(&mut self, lemma: &str, origin: &Origin, w: &mut Warnings) -> String {
        let Some((&key, &f)) = self.forms.get_key_value(lemma) else {
            return String::new();
        };
        if !self.written.insert(key) {
            return String::new();
        }
        let mut all: Vec<&str> = Vec::new();
        for s in f
            .third
            .iter()
            .chain(&f.past)
            .chain(&f.participle)
            .chain(&f.ing)
        {
            if !all.contains(&s.as_str()) {
                all.push(s);
            }
        }
        if all.iter().any(|s| petrarch_word_problem(s)) {
            w.add(
                origin,
                "irregular",
                format!(
                    "irregular forms of `{lemma}` {all:?} cannot all be written as words: left out"
                ),
            );
            return String::new();
        }
        if f.past != f.participle {
            w.add(
                origin,
                "irregular",
                format!(
                    "irregular forms of `{lemma}`: PETRARCH lists forms without saying which is the past and which the participle (past {:?}, participle {:?})",
                    f.past, f.participle
                ),
            );
        }
        let listed: Vec<String> = all.iter().map(|s| petrarch_word(s)).collect();
        format!(" {{{}}}", listed.join(" "))
    }
}

fn header_verbs(file: &str) -> impl FnOnce() -> String + '_ {
    move || {
        format!(
            "# Converted by dyad dict convert from {file}.\n# One block per verb; `[---]`: the verb alone codes nothing, its `- *` patterns do.\n"
        )
    }
}
