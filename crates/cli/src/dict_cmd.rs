//! `dyad dict`: the curator's tools. `stats` counts, `lint` checks, `unmatched` lists what a corpus
//! says that the dictionaries do not know, `convert` moves a dictionary set between PETRARCH's
//! format and dyad's.

use crate::code::{load_set, parse_date_arg};
use crate::{DictArgs, InputFormatArg};
use dyad_coder::{Coder, Scratch};
use dyad_dict::lint::{lint, Finding, LintKind, LintOptions, Severity};
use dyad_dict::stats::Stats;
use dyad_dict::{DictError, Dictionaries, Origin};
use dyad_events::Codebook;
use dyad_ingest::{Document, InputFormat, Options};
use rayon::prelude::*;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(clap::Args, Debug)]
pub struct DictCommand {
    #[command(subcommand)]
    command: Sub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    /// Aligned columns for people (the default on a terminal).
    Table,
    /// One JSON object per line.
    Jsonl,
}

fn report_format(f: Option<ReportFormat>) -> ReportFormat {
    f.unwrap_or(if std::io::stdout().is_terminal() {
        ReportFormat::Table
    } else {
        ReportFormat::Jsonl
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum DictFormat {
    /// dyad's own format (docs/dictionary-format.md).
    Dyad,
    /// PETRARCH2/TABARI dictionaries.
    Petrarch,
}

#[derive(clap::Subcommand, Debug)]
enum Sub {
    /// Entries per kind (actors, phrases, persons, roles, agents, verb patterns, lemmas, discards,
    /// issues) and verb patterns per CAMEO code and root.
    Stats {
        /// Output format [default: table on a terminal, jsonl otherwise].
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        #[command(flatten)]
        dicts: DictArgs,
    },
    /// Check the dictionaries: duplicate and conflicting phrases, patterns that can never match,
    /// codes not in the CAMEO codebook, person roles with impossible or overlapping dates.
    ///
    /// Prints one line per finding, `file:line: error[kind]: message` (or `warning[kind]`).
    /// Errors are entries that can never take effect as written: conflicting-phrase,
    /// shadowed-pattern, unknown-event-code, empty-pattern, empty-phrase, inverted-role,
    /// overlapping-roles, shadowing-role, malformed-issue-code. Everything else is a warning:
    /// duplicate-phrase, overridden-phrase, duplicate-pattern, verb-as-literal, boundary-overlap,
    /// redundant-role, duplicate-discard, duplicate-issue, unsupported (a PETRARCH line the reader
    /// could not use in full). Exit status 1 when there is any error, 0 otherwise.
    Lint {
        /// Only show findings of these kinds (the exit status still counts every error).
        #[arg(long, value_name = "KIND")]
        only: Vec<String>,
        /// Only show errors.
        #[arg(long)]
        errors_only: bool,
        /// Output format: text lines, or one JSON object per finding.
        #[arg(long, value_enum, default_value = "text")]
        format: LintFormat,
        #[command(flatten)]
        dicts: DictArgs,
    },
    /// The work list of a curator: codes CORPUS and, for the sentences that produced no event,
    /// lists the most frequent verb-like words and actor-like phrases the dictionaries do not know.
    ///
    /// A verb-like word is a lower-case word that is no form of any verb in the dictionaries and
    /// looks like a verb by its ending: -ed anywhere (not a handful of common adjectives), -s or
    /// -es right after a name or a dictionary phrase ("Obama visits"), -ing right after a form of
    /// "be". An actor-like phrase is a run of capitalised words (joined by "of", "al", "bin", "de",
    /// "the") that is not at the start of the sentence, is not a dictionary phrase, and is not a
    /// weekday, month or pronoun. Each comes with its count and the first sentence it was seen in.
    Unmatched {
        /// Input files, in any format `dyad code` reads; `-` reads standard input.
        #[arg(required = true, value_name = "CORPUS")]
        inputs: Vec<String>,
        /// How many verbs and how many phrases to list.
        #[arg(long, default_value_t = 25)]
        top: usize,
        /// Publication date (YYYY-MM-DD) for documents that carry none.
        #[arg(long)]
        date: Option<String>,
        /// Input format, instead of guessing it from the file extension.
        #[arg(long, value_enum)]
        input_format: Option<InputFormatArg>,
        /// Output format [default: table on a terminal, jsonl otherwise].
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        #[command(flatten)]
        dicts: DictArgs,
    },
    /// Write a dictionary set in the other format: PETRARCH's to dyad's or back.
    ///
    /// Every file of the input becomes a numbered file of the output (load order is kept). What
    /// the target format cannot say is reported as `file:line: warning[kind]: ...` on stderr, never
    /// dropped in silence. dyad's loader does not read discards and issues yet: they are written to
    /// `*.discards` and `*.issues` files, which `convert --from dyad` reads back.
    Convert {
        /// The format of IN_DIR.
        #[arg(long, value_enum)]
        from: DictFormat,
        /// The format to write.
        #[arg(long, value_enum)]
        to: DictFormat,
        /// The dictionary folder to read; with `--from dyad` and no folder, the embedded defaults.
        #[arg(value_name = "IN_DIR")]
        input: Option<PathBuf>,
        /// The folder to write (created; must be empty unless --force).
        #[arg(short = 'o', long = "output", value_name = "OUT_DIR")]
        output: PathBuf,
        /// Write into OUT_DIR even if it holds files (same-named files are replaced).
        #[arg(long)]
        force: bool,
        /// Print only the counts of warnings per kind, not each warning.
        #[arg(long)]
        quiet: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum LintFormat {
    Text,
    Jsonl,
}

pub fn run(cmd: DictCommand) -> ExitCode {
    let result = match cmd.command {
        Sub::Stats { format, dicts } => stats(report_format(format), &dicts),
        Sub::Lint {
            only,
            errors_only,
            format,
            dicts,
        } => run_lint(&only, errors_only, format, &dicts),
        Sub::Unmatched {
            inputs,
            top,
            date,
            input_format,
            format,
            dicts,
        } => unmatched(
            &inputs,
            top,
            date.as_deref(),
            input_format,
            report_format(format),
            &dicts,
        ),
        Sub::Convert {
            from,
            to,
            input,
            output,
            force,
            quiet,
        } => convert(from, to, input, &output, force, quiet),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: {e}");
            ExitCode::from(2)
        }
    }
}

fn io_err(e: std::io::Error) -> String {
    format!("writing output: {e}")
}

// ------------------------------------------------------------------------------------------------
// stats

fn stats(format: ReportFormat, dicts: &DictArgs) -> Result<ExitCode, String> {
    let (set, _) = load_set(dicts)?;
    let s = Stats::of(&set);
    let book = Codebook::embedded();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        ReportFormat::Jsonl => {
            for (kind, count) in s.kinds() {
                let line = json!({"record": "entries", "kind": kind, "count": count});
                writeln!(out, "{line}").map_err(io_err)?;
            }
            for (root, n) in &s.per_root {
                let line = json!({
                    "record": "root",
                    "root": root,
                    "name": book.get(root).map(|e| e.name.as_str()),
                    "patterns": n,
                });
                writeln!(out, "{line}").map_err(io_err)?;
            }
            for (code, n) in &s.per_code {
                let line = json!({
                    "record": "code",
                    "code": code,
                    "root": dyad_dict::stats::root_of(code),
                    "name": book.get(code).map(|e| e.name.as_str()),
                    "patterns": n,
                });
                writeln!(out, "{line}").map_err(io_err)?;
            }
        }
        ReportFormat::Table => {
            let w = s.kinds().iter().map(|(k, _)| k.len()).max().unwrap_or(0);
            for (kind, count) in s.kinds() {
                writeln!(out, "{kind:<w$}  {count:>8}").map_err(io_err)?;
            }
            writeln!(out, "\npatterns per CAMEO root").map_err(io_err)?;
            for (root, n) in &s.per_root {
                let name = book.get(root).map(|e| e.name.as_str()).unwrap_or("?");
                writeln!(out, "  {root:<4}  {n:>7}  {name}").map_err(io_err)?;
            }
            writeln!(out, "\npatterns per CAMEO code").map_err(io_err)?;
            for (code, n) in &s.per_code {
                let name = book
                    .get(code)
                    .map(|e| e.name.as_str())
                    .unwrap_or("(not in the codebook)");
                writeln!(out, "  {code:<4}  {n:>7}  {name}").map_err(io_err)?;
            }
        }
    }
    out.flush().map_err(io_err)?;
    Ok(ExitCode::SUCCESS)
}

// ------------------------------------------------------------------------------------------------
// lint

/// A PETRARCH line the reader could not use in full, as a finding.
fn unsupported(e: &DictError) -> Finding {
    Finding {
        origin: Origin {
            file: Arc::from(e.file.as_str()),
            line: e.line,
        },
        kind: LintKind::Unsupported,
        message: e.message.clone(),
    }
}

fn run_lint(
    only: &[String],
    errors_only: bool,
    format: LintFormat,
    dicts: &DictArgs,
) -> Result<ExitCode, String> {
    for k in only {
        if !LintKind::ALL.iter().any(|x| x.name() == k) {
            let names: Vec<&str> = LintKind::ALL.iter().map(|k| k.name()).collect();
            return Err(format!(
                "--only {k}: not a kind of finding (kinds: {})",
                names.join(", ")
            ));
        }
    }
    let (set, reader_warnings) = load_set(dicts)?;
    let book = Codebook::embedded();
    // `---` is PETRARCH's null code: the pattern matches and codes nothing, on purpose.
    let known = |c: &str| c == "---" || book.is_valid(c);
    let mut findings = lint(
        &set,
        &LintOptions {
            event_code_known: Some(&known),
        },
    );
    findings.extend(reader_warnings.iter().map(unsupported));
    let mut counts: BTreeMap<(Severity, &str), usize> = BTreeMap::new();
    for f in &findings {
        *counts.entry((f.severity(), f.kind.name())).or_default() += 1;
    }
    let errors: usize = counts
        .iter()
        .filter(|((s, _), _)| *s == Severity::Error)
        .map(|(_, n)| n)
        .sum();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for f in &findings {
        if errors_only && f.severity() != Severity::Error {
            continue;
        }
        if !only.is_empty() && !only.iter().any(|k| k == f.kind.name()) {
            continue;
        }
        let written = match format {
            LintFormat::Text => writeln!(out, "{f}"),
            LintFormat::Jsonl => writeln!(
                out,
                "{}",
                json!({
                    "file": &*f.origin.file,
                    "line": f.origin.line,
                    "severity": f.severity().to_string(),
                    "kind": f.kind.name(),
                    "message": f.message,
                })
            ),
        };
        if let Err(e) = written {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                break;
            }
            return Err(io_err(e));
        }
    }
    let _ = out.flush();
    let summary: Vec<String> = counts
        .iter()
        .map(|((_, k), n)| format!("{k} {n}"))
        .collect();
    eprintln!(
        "dyad dict lint: {} files, {errors} error(s), {} warning(s){}{}",
        set.files.len(),
        findings.len() - errors,
        if summary.is_empty() { "" } else { ": " },
        summary.join(", ")
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

// ------------------------------------------------------------------------------------------------
// unmatched

/// Words that end like verbs but are mostly not (or not events).
const NOT_VERBS: &[&str] = &[
    "united",
    "armed",
    "red",
    "bed",
    "need",
    "needs",
    "speed",
    "indeed",
    "hundred",
    "hundreds",
    "seed",
    "feed",
    "deed",
    "shed",
    "wed",
    "sacred",
    "naked",
    "wicked",
    "rugged",
    "ragged",
    "beloved",
    "aged",
    "learned",
    "alleged",
    "so-called",
    "news",
    "series",
    "species",
    "thus",
    "always",
    "perhaps",
    "whereas",
    "unless",
    "sometimes",
    "afterwards",
    "towards",
    "besides",
    "this",
    "his",
    "its",
    "has",
    "was",
    "is",
    "does",
    "goes",
    "us",
    "yes",
    "less",
    "ones",
    "others",
    "years",
    "days",
    "weeks",
    "months",
    "times",
    "people",
    "officials",
    "forces",
    "troops",
    "talks",
    "sources",
    "reports",
    "during",
    "according",
    "including",
    "following",
    "regarding",
    "morning",
    "evening",
    "nothing",
    "something",
    "anything",
    "everything",
    "thing",
    "things",
    "king",
    "ring",
    "spring",
    "wing",
    "building",
    "meeting",
    "being",
];

/// Capitalised words that are not names.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "but",
    "and",
    "or",
    "if",
    "as",
    "after",
    "before",
    "while",
    "when",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "mr",
    "mrs",
    "ms",
    "mr.",
    "mrs.",
    "ms.",
    "dr",
    "dr.",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];

/// Lower-case words that may join two capitalised ones inside a name.
const NAME_JOINERS: &[&str] = &[
    "of", "al", "bin", "de", "the", "for", "la", "el", "du", "van", "von",
];

fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "'s" | "'re"
    )
}

#[derive(Default)]
struct Tally {
    count: usize,
    /// (document order, sentence) of the first sighting.
    example: Option<(usize, String, String, usize)>,
}

#[derive(Default)]
struct Found {
    verbs: Vec<(String, usize)>,
    phrases: Vec<(String, usize)>,
    sentences: usize,
    silent: usize,
    /// (sentence index, sentence text) of silent sentences, for examples.
    texts: Vec<(usize, String)>,
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Looks at one sentence that produced no event.
fn silent_sentence(dict: &Dictionaries, text: &str, which: usize, found: &mut Found) {
    let mut toks = Vec::new();
    dyad_text::tokenize(text, 0, &mut toks);
    let raw: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
    let norm: Vec<String> = raw
        .iter()
        .map(|r| {
            let mut n = String::new();
            dyad_text::normalize_into(r, &mut n);
            n
        })
        .collect();
    let ids: Vec<u32> = norm.iter().map(|n| dict.word_id(n)).collect();
    // Tokens inside a dictionary phrase (longest match from each start) are known.
    let mut known = vec![false; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        let (mut node, mut end) = (0, None);
        for (j, &id) in ids.iter().enumerate().skip(i) {
            match dict.step(node, id) {
                Some(n) => {
                    node = n;
                    if !dict.phrases_at(n).is_empty() {
                        end = Some(j);
                    }
                }
                None => break,
            }
        }
        match end {
            Some(e) => {
                known[i..=e].iter_mut().for_each(|k| *k = true);
                i = e + 1;
            }
            None => i += 1,
        }
    }
    let is_word = |k: usize| toks[k].kind == dyad_text::TokenKind::Word;
    // The first word is capitalised because it starts the sentence, whatever it is.
    let first = (0..toks.len()).find(|&k| is_word(k)).unwrap_or(0);
    let name_like = |k: usize| {
        is_word(k) && k != first && capitalised(raw[k]) && !NOT_NAMES.contains(&norm[k].as_str())
    };
    let after_noun_phrase =
        |k: usize| k > 0 && is_word(k - 1) && (known[k - 1] || name_like(k - 1));
    let mut any = false;
    for k in 0..toks.len() {
        let w = &norm[k];
        let plain = is_word(k)
            && !known[k]
            && raw[k].chars().next().is_some_and(|c| c.is_lowercase())
            && w.len() >= 4
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && dict.verb_index(ids[k]).is_none()
            && !NOT_VERBS.contains(&w.as_str());
        if !plain {
            continue;
        }
        let verb_like = (w.ends_with("ed") && w.len() >= 5)
            || (w.ends_with("ing")
                && w.len() >= 6
                && k > 0
                && is_word(k - 1)
                && is_be(&norm[k - 1]))
            || (w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is")
                && after_noun_phrase(k));
        if verb_like {
            found.verbs.push((w.clone(), which));
            any = true;
        }
    }
    // Runs of capitalised words not at the start of the sentence. Known words may stand inside
    // a run ("South China Sea") but not at its ends ("Beijing Olympics" gives "Olympics").
    let mut k = 0;
    while k < toks.len() {
        if !name_like(k) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k;
        let mut j = k + 1;
        loop {
            // Joiners ("of the") may stand between two capitalised words of one name.
            let mut next = j;
            while next < toks.len() && is_word(next) && NAME_JOINERS.contains(&norm[next].as_str())
            {
                next += 1;
            }
            if next < toks.len() && name_like(next) {
                end = next;
                j = next + 1;
            } else {
                break;
            }
        }
        k = end + 1;
        let unknown = |i: usize| name_like(i) && !known[i];
        let (Some(a), Some(b)) = (
            (start..=end).find(|&i| unknown(i)),
            (start..=end).rev().find(|&i| unknown(i)),
        ) else {
            continue;
        };
        found
            .phrases
            .push((text[toks[a].start..toks[b].end].to_string(), which));
        any = true;
    }
    if any {
        found.texts.push((which, text.to_string()));
    }
}

fn shorten(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        one
    } else {
        let cut: String = one.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

fn unmatched(
    inputs: &[String],
    top: usize,
    date: Option<&str>,
    input_format: Option<InputFormatArg>,
    format: ReportFormat,
    dicts: &DictArgs,
) -> Result<ExitCode, String> {
    let date = parse_date_arg(date)?;
    let (set, _) = load_set(dicts)?;
    let dict = Dictionaries::compile(set);
    let coder = Coder::new(&dict);
    let opts = Options {
        format: input_format.map(|f| match f {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Html => InputFormat::Html,
        }),
        default_date: date,
    };
    let mut verbs: HashMap<String, Tally> = HashMap::new();
    let mut phrases: HashMap<String, Tally> = HashMap::new();
    let (mut documents, mut sentences, mut silent, mut skipped) = (0usize, 0usize, 0usize, 0usize);
    let mut missing = false;
    let mut order = 0usize;
    for path in inputs {
        let stream = match dyad_ingest::open(path, &opts) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("dyad: {e}");
                missing = true;
                continue;
            }
        };
        let mut docs: Vec<Document> = Vec::new();
        let mut flush = |docs: &mut Vec<Document>| {
            let results: Vec<Found> = docs
                .par_iter()
                .map_init(Scratch::default, |scratch, doc| {
                    let coded = coder.code_document(&doc.text, doc.date, scratch);
                    let mut found = Found {
                        sentences: coded.sentences.len(),
                        ..Found::default()
                    };
                    let mut with_event = vec![false; coded.sentences.len()];
                    for e in &coded.events {
                        if let Some(x) = with_event.get_mut(e.sentence_index) {
                            *x = true;
                        }
                    }
                    for (i, &(s, e)) in coded.sentences.iter().enumerate() {
                        if !with_event[i] {
                            found.silent += 1;
                            silent_sentence(&dict, &doc.text[s..e], i, &mut found);
                        }
                    }
                    found
                })
                .collect();
            for (doc, found) in docs.iter().zip(results) {
                documents += 1;
                sentences += found.sentences;
                silent += found.silent;
                let text_of = |i: usize| {
                    found
                        .texts
                        .iter()
                        .find(|(w, _)| *w == i)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default()
                };
                for (list, tallies) in [(&found.verbs, &mut verbs), (&found.phrases, &mut phrases)]
                {
                    for (w, i) in list {
                        let t = tallies.entry(w.clone()).or_default();
                        t.count += 1;
                        if t.example.is_none() {
                            t.example = Some((order, doc.id.clone(), text_of(*i), *i));
                        }
                    }
                }
                order += 1;
            }
            docs.clear();
        };
        for item in stream {
            match item {
                Ok(doc) => docs.push(doc),
                Err(e) => {
                    eprintln!("dyad: {e} (record skipped)");
                    skipped += 1;
                }
            }
            if docs.len() == 256 {
                flush(&mut docs);
            }
        }
        flush(&mut docs);
    }
    let ranked = |m: HashMap<String, Tally>| {
        let mut v: Vec<(String, Tally)> = m.into_iter().collect();
        // Most frequent first; ties in order of first sighting, so output is deterministic.
        v.sort_by(|a, b| {
            b.1.count
                .cmp(&a.1.count)
                .then(
                    a.1.example
                        .as_ref()
                        .map(|e| e.0)
                        .cmp(&b.1.example.as_ref().map(|e| e.0)),
                )
                .then(a.0.cmp(&b.0))
        });
        v.truncate(top);
        v
    };
    let verbs = ranked(verbs);
    let phrases = ranked(phrases);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let share = if sentences > 0 {
        100.0 * silent as f64 / sentences as f64
    } else {
        0.0
    };
    match format {
        ReportFormat::Jsonl => {
            let line = json!({
                "record": "summary",
                "documents": documents,
                "sentences": sentences,
                "sentences_without_event": silent,
                "skipped": skipped,
            });
            writeln!(out, "{line}").map_err(io_err)?;
            for (kind, list) in [("verb", &verbs), ("phrase", &phrases)] {
                for (w, t) in list.iter() {
                    let (_, doc, sentence, index) = t.example.clone().unwrap_or_default();
                    let line = json!({
                        "record": kind,
                        "text": w,
                        "count": t.count,
                        "example": {"doc_id": doc, "sentence_index": index, "sentence": sentence},
                    });
                    writeln!(out, "{line}").map_err(io_err)?;
                }
            }
        }
        ReportFormat::Table => {
            writeln!(
                out,
                "{documents} documents, {sentences} sentences, {silent} without an event ({share:.1}%)"
            )
            .map_err(io_err)?;
            for (title, list) in [
                ("verb-like words no dictionary verb covers", &verbs),
                ("actor-like phrases no dictionary names", &phrases),
            ] {
                writeln!(out, "\n{title} (top {top}):").map_err(io_err)?;
                let w = list
                    .iter()
                    .map(|(x, _)| x.chars().count())
                    .max()
                    .unwrap_or(4)
                    .min(40);
                for (x, t) in list.iter() {
                    let (_, doc, sentence, _) = t.example.clone().unwrap_or_default();
                    writeln!(
                        out,
                        "  {:>6}  {:<w$}  [{doc}] {}",
                        t.count,
                        x,
                        shorten(&sentence, 100)
                    )
                    .map_err(io_err)?;
                }
            }
        }
    }
    out.flush().map_err(io_err)?;
    eprintln!(
        "dyad dict unmatched: {documents} documents, {sentences} sentences, {silent} without an event ({share:.1}%), {skipped} skipped"
    );
    std::mem::forget(dict);
    Ok(if missing {
        ExitCode::from(2)
    } else if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

// ------------------------------------------------------------------------------------------------
// convert

fn convert(
    from: DictFormat,
    to: DictFormat,
    input: Option<PathBuf>,
    output: &std::path::Path,
    force: bool,
    quiet: bool,
) -> Result<ExitCode, String> {
    let (set, reader_warnings) = match (from, &input) {
        (DictFormat::Petrarch, None) => {
            return Err("--from petrarch needs the folder to read (IN_DIR)".into())
        }
        (DictFormat::Petrarch, Some(dir)) => {
            let loaded = dyad_dict::petrarch::load_dir(dir)
                .map_err(|e| format!("PETRARCH dictionary: {e}"))?;
            (loaded.set, loaded.warnings)
        }
        (DictFormat::Dyad, Some(dir)) => (
            dyad_dict::write::load_dyad_dir(dir).map_err(|e| format!("dictionary: {e}"))?,
            Vec::new(),
        ),
        (DictFormat::Dyad, None) => (
            dyad_dict::embedded_set().map_err(|e| format!("dictionary: {e}"))?,
            Vec::new(),
        ),
    };
    if output.exists() && !force {
        let busy = std::fs::read_dir(output)
            .map_err(|e| format!("{}: {e}", output.display()))?
            .next()
            .is_some();
        if busy {
            return Err(format!(
                "{} is not empty (use --force to write into it anyway)",
                output.display()
            ));
        }
    }
    let rendered = match to {
        DictFormat::Dyad => dyad_dict::write::render_dyad(&set),
        DictFormat::Petrarch => dyad_dict::write::render_petrarch(&set),
    };
    rendered
        .write_to(output)
        .map_err(|e| format!("{}: {e}", output.display()))?;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in &reader_warnings {
        if !quiet {
            eprintln!("{}:{}: warning[unsupported]: {}", w.file, w.line, w.message);
        }
        *counts.entry("unsupported").or_default() += 1;
    }
    for w in &rendered.warnings {
        if !quiet {
            eprintln!("{w}");
        }
        *counts.entry(w.kind).or_default() += 1;
    }
    let s = Stats::of(&set);
    let total: usize = counts.values().sum();
    let by_kind: Vec<String> = counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
    eprintln!(
        "dyad dict convert: read {} actors, {} persons, {} agents, {} verb patterns, {} discards, {} issue phrases; wrote {} files to {}; {total} warning(s){}{}",
        s.actors,
        s.persons,
        s.agents,
        s.verb_patterns,
        s.discards,
        s.issues,
        rendered.files.len(),
        output.display(),
        if by_kind.is_empty() { "" } else { ": " },
        by_kind.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}
