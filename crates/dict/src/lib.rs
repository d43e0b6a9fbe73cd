//! Dictionaries: load dyad's own dictionary files, keep where every entry came from, and compile them
//! into the matchers the coder runs (a phrase trie over word ids and a verb-form index).
//!
//! The default dictionaries in `data/` are embedded in the binary; `load` adds a curator's folder on top.

mod compile;
mod inflect;
pub mod lint;
mod model;
mod parse;
pub mod petrarch;
pub mod stats;
pub mod write;

pub use compile::{
    bloom_bit, pack_le, CElement, CompiledPattern, Dictionaries, Owner, PhraseEntry, VerbIndex,
    VerbRef, NO_WORD,
};
pub use inflect::{inflect, Form};
pub use model::*;
pub use parse::{parse_discards, parse_file, parse_issues, FileKind};

use rayon::prelude::*;
use std::sync::Arc;

use std::fmt;
use std::path::Path;

/// The default dictionary files, embedded at build time, in load order.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "irregular-verbs.txt",
        include_str!("../data/irregular-verbs.txt"),
    ),
    ("countries.actors", include_str!("../data/countries.actors")),
    (
        "international.actors",
        include_str!("../data/international.actors"),
    ),
    ("groups.actors", include_str!("../data/groups.actors")),
    ("people.actors", include_str!("../data/people.actors")),
    ("default.agents", include_str!("../data/default.agents")),
    ("cameo.verbs", include_str!("../data/cameo.verbs")),
];

/// Why a dictionary folder could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    Syntax(DictError),
    Io(String, std::io::Error),
    Empty(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax(e) => write!(f, "{e}"),
            LoadError::Io(path, e) => write!(f, "{path}: {e}"),
            LoadError::Empty(dir) => write!(
                f,
                "{dir}: no dictionary files (*.actors, *.agents, *.verbs, *.discards, *.issues, irregular*.txt) found"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<DictError> for LoadError {
    fn from(e: DictError) -> Self {
        LoadError::Syntax(e)
    }
}

/// Parses the embedded default files. Start-up time matters, so files (and the large verb file in
/// chunks of whole lines) are parsed in parallel and merged in load order.
pub fn embedded_set() -> Result<DictionarySet, DictError> {
    let mut jobs: Vec<(String, &str, usize, bool)> = Vec::new();
    // On one thread the chunks would only be parsed one after another and then copied into one
    // list: the verbs are then one job, whose list becomes the set's without a copy.
    let chunk = if rayon::current_num_threads() > 1 {
        4000
    } else {
        usize::MAX
    };
    for (name, text) in EMBEDDED {
        let full = format!("<embedded>/{name}");
        if FileKind::of(name) == Some(FileKind::Verbs) {
            // (One chunk is the whole text, as `line_chunks` would cut it: no need to find its
            // lines.)
            let chunks = if chunk == usize::MAX {
                (!text.is_empty())
                    .then_some((1, *text))
                    .into_iter()
                    .collect()
            } else {
                line_chunks(text, chunk)
            };
            for (start_line, chunk) in chunks {
                jobs.push((full.clone(), chunk, start_line, true));
            }
        } else {
            jobs.push((full, text, 1, false));
        }
    }
    let parts: Vec<Result<DictionarySet, DictError>> = jobs
        .par_iter()
        .map(|(name, text, line, verbs)| {
            let mut part = DictionarySet::default();
            if *verbs {
                parse::parse_verbs_from(&Arc::from(name.as_str()), text, *line, &mut part)?;
            } else {
                parse_file(name, text, &mut part)?;
            }
            Ok(part)
        })
        .collect();
    let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
    let mut set = DictionarySet::default();
    if parts.iter().filter(|p| !p.verbs.is_empty()).count() > 1 {
        set.verbs
            .reserve(parts.iter().map(|p| p.verbs.len()).sum::<usize>());
    }
    for (part, (name, _, line, _)) in parts.into_iter().zip(&jobs) {
        if *line == 1 {
            set.files.push(name.clone());
        }
        join(&mut set.actors, part.actors);
        join(&mut set.persons, part.persons);
        join(&mut set.agents, part.agents);
        join(&mut set.verbs, part.verbs);
        join(&mut set.irregular, part.irregular);
    }
    // The defaults are a whole set: written out, they need not go on top of themselves.
    set.standalone = true;
    Ok(set)
}

/// `src` after `dst`: the first non-empty list is taken as it is (the verbs are some 5 MB, and
/// moving them item by item into an empty list was a copy), the rest appended.
fn join<T>(dst: &mut Vec<T>, src: Vec<T>) {
    if dst.is_empty() && src.capacity() >= dst.capacity() {
        *dst = src;
    } else {
        dst.extend(src);
    }
}

/// `text` cut into pieces of about `lines` whole lines, each with the number of its first line.
fn line_chunks(text: &str, lines: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut start, mut line, mut count) = (0, 1, 0);
    // (The newlines found by `memchr`, many bytes at a time, not by a byte loop.)
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        count += 1;
        if count == lines {
            out.push((line, &text[start..=i]));
            start = i + 1;
            line += count;
            count = 0;
        }
    }
    if start < text.len() {
        out.push((line, &text[start..]));
    }
    out
}

/// Adds every dictionary file of `dir` (sorted by name, so loading is deterministic) to `set`.
pub fn add_dir(set: &mut DictionarySet, dir: &Path) -> Result<(), LoadError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Io(shown.clone(), e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::Io(shown.clone(), e))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_file() && FileKind::of(&name).is_some() {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(LoadError::Empty(shown));
    }
    files.sort();
    // Irregular forms first so that their verbs inflect right whatever the file names are.
    files.sort_by_key(|p| FileKind::of(&p.to_string_lossy()) != Some(FileKind::Irregular));
    for path in files {
        let shown = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| LoadError::Io(shown.clone(), e))?;
        let text = String::from_utf8_lossy(&bytes);
        parse_file(&shown, &text, set)?;
    }
    Ok(())
}

/// The embedded defaults plus every folder in `dirs`, in that order; without the defaults when a
/// folder says `standalone` (it is a whole set, e.g. converted from PETRARCH's).
pub fn load_set(dirs: &[&Path]) -> Result<DictionarySet, LoadError> {
    let mut parts = Vec::with_capacity(dirs.len());
    for dir in dirs {
        let mut part = DictionarySet::default();
        add_dir(&mut part, dir)?;
        parts.push(part);
    }
    let mut set = if parts.iter().any(|p| p.standalone) {
        DictionarySet::default()
    } else {
        embedded_set()?
    };
    for part in parts {
        set.append(part);
    }
    check_sets(&set)?;
    Ok(set)
}

/// Only the files of `dir`, without the embedded defaults (what `dyad dict convert --from dyad`
/// reads).
pub fn load_dir_only(dir: &Path) -> Result<DictionarySet, LoadError> {
    let mut set = DictionarySet::default();
    add_dir(&mut set, dir)?;
    check_sets(&set)?;
    Ok(set)
}

/// Every `&NAME` a pattern uses must be defined by a `set` block somewhere in the set: patterns
/// may use a set before (or in another file than) its definition, so this is checked once loaded.
pub fn check_sets(set: &DictionarySet) -> Result<(), DictError> {
    let defined: rustc_hash::FxHashSet<&str> =
        set.synsets.iter().map(|s| s.name.as_str()).collect();
    for v in &set.verbs {
        for e in v.before.iter().chain(&v.elements) {
            if let Element::Set(name) = e {
                if !defined.contains(name.as_str()) {
                    return Err(DictError {
                        file: v.origin.file.to_string(),
                        line: v.origin.line,
                        column: 1,
                        message: format!("the set {name} is not defined (`set {name}` block)"),
                    });
                }
            }
        }
    }
    Ok(())
}

/// The embedded defaults plus every folder in `dirs` (see `load_set`), compiled.
pub fn load(dirs: &[&Path]) -> Result<Dictionaries, LoadError> {
    Ok(Dictionaries::compile(load_set(dirs)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded verbs parsed in chunks (on several threads) and as one text (on one thread)
    /// are the same patterns with the same origins.
    #[test]
    fn embedded_verbs_in_chunks_are_the_verbs_in_one_piece() {
        let (name, text) = EMBEDDED
            .iter()
            .find(|(n, _)| FileKind::of(n) == Some(FileKind::Verbs))
            .unwrap();
        let file: Arc<str> = Arc::from(format!("<embedded>/{name}").as_str());
        let mut whole = DictionarySet::default();
        parse::parse_verbs_from(&file, text, 1, &mut whole).unwrap();
        let mut chunked = DictionarySet::default();
        let chunks = line_chunks(text, 4000);
        assert!(chunks.len() > 1);
        for (line, chunk) in chunks {
            parse::parse_verbs_from(&file, chunk, line, &mut chunked).unwrap();
        }
        assert!(whole.verbs.len() > 1000);
        assert_eq!(format!("{:?}", whole.verbs), format!("{:?}", chunked.verbs));
    }

    #[test]
    fn line_chunks_cut_after_every_nth_line_with_its_number() {
        for text in [
            "",
            "a",
            "a\n",
            "a\nb",
            "a\nb\n",
            "\n\n\n",
            "a\nb\nc\nd\ne\n",
            "x\ny\nz",
        ] {
            for lines in 1..5 {
                let chunks = line_chunks(text, lines);
                assert_eq!(chunks.iter().map(|c| c.1).collect::<String>(), text);
                let mut line = 1;
                for (k, &(first, chunk)) in chunks.iter().enumerate() {
                    assert_eq!(first, line, "{text:?} {lines}");
                    let n = chunk.matches('\n').count();
                    if k + 1 < chunks.len() {
                        assert_eq!(n, lines, "{text:?} {lines}");
                    }
                    line += n;
                }
            }
        }
    }
}
