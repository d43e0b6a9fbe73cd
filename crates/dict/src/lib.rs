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
    bloom_bit, CElement, CompiledPattern, Dictionaries, Owner, PhraseEntry, VerbIndex, VerbRef,
    NO_WORD,
};
pub use inflect::{inflect, Form};
pub use model::*;
pub use parse::{parse_file, FileKind};

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
                "{dir}: no dictionary files (*.actors, *.agents, *.verbs, irregular*.txt) found"
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
    for (name, text) in EMBEDDED {
        let full = format!("<embedded>/{name}");
        if FileKind::of(name) == Some(FileKind::Verbs) {
            for (start_line, chunk) in line_chunks(text, 4000) {
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
    let mut set = DictionarySet::default();
    for (part, (name, _, line, _)) in parts.into_iter().zip(&jobs) {
        let part = part?;
        if *line == 1 {
            set.files.push(name.clone());
        }
        set.actors.extend(part.actors);
        set.persons.extend(part.persons);
        set.agents.extend(part.agents);
        set.verbs.extend(part.verbs);
        set.irregular.extend(part.irregular);
    }
    Ok(set)
}

/// `text` cut into pieces of about `lines` whole lines, each with the number of its first line.
fn line_chunks(text: &str, lines: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut start, mut line, mut count) = (0, 1, 0);
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            count += 1;
            if count == lines {
                out.push((line, &text[start..=i]));
                start = i + 1;
                line += count;
                count = 0;
            }
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

/// The embedded defaults plus every folder in `dirs`, compiled.
pub fn load(dirs: &[&Path]) -> Result<Dictionaries, LoadError> {
    let mut set = embedded_set()?;
    for dir in dirs {
        add_dir(&mut set, dir)?;
    }
    Ok(Dictionaries::compile(set))
}
