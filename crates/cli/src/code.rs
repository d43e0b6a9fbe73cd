//! `dyad code` and `dyad explain`.

use crate::output::{EventContext, Sink, Summary};
use crate::{DictArgs, Format, InputFormatArg};
use chrono::NaiveDate;
use dyad_coder::{Coded, Coder, Scratch};
use dyad_dict::Dictionaries;
use dyad_ingest::{Document, InputFormat, Options};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct CodeArgs {
    /// Input files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    inputs: Vec<String>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long)]
    date: Option<String>,
    /// Input format, instead of guessing it from the file extension.
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Stop at the first malformed record instead of skipping it.
    #[arg(long)]
    strict: bool,
    /// Worker threads [default: all cores].
    #[arg(long)]
    threads: Option<usize>,
    #[command(flatten)]
    dicts: DictArgs,
}

pub fn parse_date_arg(s: Option<&str>) -> Result<Option<NaiveDate>, String> {
    match s {
        None => Ok(None),
        Some(s) => dyad_ingest::parse_date(s)
            .map(Some)
            .ok_or_else(|| format!("--date {s:?} is not a date (expected YYYY-MM-DD)")),
    }
}

pub fn load_dicts(args: &DictArgs) -> Result<Dictionaries, String> {
    if let Some(dir) = &args.petrarch {
        let loaded =
            dyad_dict::petrarch::load_dir(dir).map_err(|e| format!("PETRARCH dictionary: {e}"))?;
        report_petrarch_warnings(&loaded.warnings);
        return Ok(Dictionaries::compile(loaded.set));
    }
    let dirs: Vec<&std::path::Path> = args.dict.iter().map(|p| p.as_path()).collect();
    dyad_dict::load(&dirs).map_err(|e| format!("dictionary: {e}"))
}

/// The uncompiled dictionary set the flags select (for `dyad dict`), with the lines of a PETRARCH
/// set that could not be used in full.
pub fn load_set(
    args: &DictArgs,
) -> Result<(dyad_dict::DictionarySet, Vec<dyad_dict::DictError>), String> {
    if let Some(dir) = &args.petrarch {
        let loaded =
            dyad_dict::petrarch::load_dir(dir).map_err(|e| format!("PETRARCH dictionary: {e}"))?;
        return Ok((loaded.set, loaded.warnings));
    }
    let dirs: Vec<&std::path::Path> = args.dict.iter().map(|p| p.as_path()).collect();
    let set = dyad_dict::load_set(&dirs).map_err(|e| format!("dictionary: {e}"))?;
    Ok((set, Vec::new()))
}

/// What could not be used from a PETRARCH set, briefly: `dyad dict lint` lists it all.
fn report_petrarch_warnings(warnings: &[dyad_dict::DictError]) {
    if warnings.is_empty() {
        return;
    }
    for w in warnings.iter().take(3) {
        eprintln!("dyad: warning: {w}");
    }
    if warnings.len() > 3 {
        eprintln!(
            "dyad: warning: ... and {} more lines of the PETRARCH dictionaries could not be used in full (see `dyad dict lint --petrarch DIR`)",
            warnings.len() - 3
        );
    }
}

const BATCH: usize = 512;

/// The reader options of the input flags shared by `dyad code` and `dyad quotes`.
pub fn ingest_options(date: Option<NaiveDate>, input_format: Option<InputFormatArg>) -> Options {
    Options {
        format: input_format.map(|f| match f {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Html => InputFormat::Html,
        }),
        default_date: date,
    }
}

pub fn run(args: CodeArgs) -> ExitCode {
    let started = Instant::now();
    let date = match parse_date_arg(args.date.as_deref()) {
        Ok(d) => d,
        Err(e) => return fail(&e),
    };
    if let Some(n) = args.threads {
        if n == 0 {
            return fail("--threads must be at least 1");
        }
        // Only fails if a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let dict = match load_dicts(&args.dicts) {
        Ok(d) => d,
        Err(e) => return fail(&e),
    };
    let coder = Coder::new(&dict);
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let mut sink = Sink::new(
        &dict,
        format,
        // Not the locked handle: the writing runs on a worker thread (see below).
        std::io::BufWriter::with_capacity(1 << 16, stdout),
    );
    let mut summary = Summary::default();
    let opts = ingest_options(date, args.input_format);

    // A live count on a terminal, so a long run shows it is moving; nothing when stderr is a file.
    let progress = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Some(bar)
    } else {
        None
    };
    let mut missing = false;
    'inputs: for path in &args.inputs {
        let mut stream = match dyad_ingest::open(path, &opts) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("dyad: {e}");
                missing = true;
                continue;
            }
        };
        let mut warned = 0;
        let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
        let mut filled = next_batch(
            &mut stream,
            &mut batch,
            BATCH,
            args.strict,
            &mut summary.skipped,
        );
        print_new_warnings(&stream, &mut warned);
        // The coded batch that waits to be written.
        let mut pending: Option<(Vec<Document>, Vec<CodedDoc>)> = None;
        loop {
            if filled == Filled::BadRecord {
                if let Some((docs, coded)) = pending.take() {
                    let _ = write_batch(&docs, &coded, &mut sink, &mut summary);
                }
                let _ = emit(&coder, &mut batch, &mut sink, &mut summary);
                let _ = sink.finish();
                eprintln!("dyad: stopping at the first bad record (--strict)");
                summary.print(started);
                return ExitCode::from(1);
            }
            // The batch is coded while the one before it is written and the next one read, so
            // that on two or more threads reading and writing run beside the coding instead of
            // between batches; on one thread the two halves simply run one after the other.
            let reading = filled == Filled::More;
            let mut next: Vec<Document> = Vec::new();
            let (coded, (written, next_filled)) = rayon::join(
                || code_batch(&coder, &batch),
                || {
                    let written = match pending.take() {
                        Some((docs, coded)) => write_batch(&docs, &coded, &mut sink, &mut summary),
                        None => Ok(()),
                    };
                    let next_filled = (reading && written.is_ok()).then(|| {
                        next.reserve(BATCH);
                        next_batch(
                            &mut stream,
                            &mut next,
                            BATCH,
                            args.strict,
                            &mut summary.skipped,
                        )
                    });
                    (written, next_filled)
                },
            );
            print_new_warnings(&stream, &mut warned);
            if let Some(bar) = &progress {
                bar.set_message(format!(
                    "{path}: {} documents, {} sentences, {} events",
                    summary.documents, summary.sentences, summary.events
                ));
            }
            let mut written = written;
            let done = next_filled.is_none();
            if written.is_ok() && done {
                // The input is exhausted: the last batch is written at once.
                written = write_batch(&batch, &coded, &mut sink, &mut summary);
            } else {
                pending = Some((std::mem::replace(&mut batch, next), coded));
            }
            if let Err(e) = written {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    break 'inputs;
                }
                return fail(&format!("writing output: {e}"));
            }
            match next_filled {
                Some(f) => filled = f,
                None => break,
            }
        }
    }
    if let Err(e) = sink.finish() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return fail(&format!("writing output: {e}"));
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    summary.print(started);
    // Freeing a quarter-million small dictionary allocations only slows the exit down.
    std::mem::forget(dict);
    if missing {
        ExitCode::from(2)
    } else if summary.skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Codes a document and finds the context of its events: the date, the place and, for events
/// coded from a quotation, the speaker. Only a document that quotes someone needs the coder's
/// list of actor mentions, and only a document with events needs the context at all.
pub fn code_with_context(
    coder: &Coder,
    text: &str,
    date: Option<NaiveDate>,
    scratch: &mut Scratch,
) -> (Coded, Vec<EventContext>) {
    // The actor list stays in `scratch`, whose slots the next document refills.
    let coded = if crate::quotes::may_quote(text) {
        coder.code_document_listing_actors(text, date, scratch)
    } else {
        coder.code_document(text, date, scratch)
    };
    let context = crate::output::context(text, scratch.tokens(), date, &coded, scratch.actors());
    (coded, context)
}

/// How [`next_batch`] stopped filling a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filled {
    /// The batch is full and the stream has more.
    More,
    /// The stream is exhausted.
    End,
    /// A malformed record came under `--strict` (already reported and counted).
    BadRecord,
}

/// Moves documents from `stream` into `batch` until it holds `size`, the stream ends or, with
/// `strict`, a malformed record comes. Malformed records are reported (file and line) and counted
/// in `skipped`.
pub fn next_batch(
    stream: &mut dyad_ingest::DocumentStream,
    batch: &mut Vec<Document>,
    size: usize,
    strict: bool,
    skipped: &mut usize,
) -> Filled {
    for item in stream.by_ref() {
        match item {
            Ok(doc) => batch.push(doc),
            Err(e) => {
                eprintln!("dyad: {e} (record skipped)");
                *skipped += 1;
                if strict {
                    return Filled::BadRecord;
                }
            }
        }
        if batch.len() == size {
            return Filled::More;
        }
    }
    Filled::End
}

/// Prints the reader's warnings (invalid UTF-8 ...) that came since the last call.
pub fn print_new_warnings(stream: &dyad_ingest::DocumentStream, warned: &mut usize) {
    for w in &stream.warnings()[*warned..] {
        eprintln!("dyad: warning: {w}");
    }
    *warned = stream.warnings().len();
}

/// A coded document and the context of its events.
type CodedDoc = (Coded, Vec<EventContext>);

/// Codes a batch in parallel, keeping input order.
fn code_batch(coder: &Coder, batch: &[Document]) -> Vec<CodedDoc> {
    batch
        .par_iter()
        .map_init(Scratch::default, |scratch, doc| {
            code_with_context(coder, &doc.text, doc.date, scratch)
        })
        .collect()
}

/// Writes a coded batch in input order and counts it.
fn write_batch<W: Write>(
    batch: &[Document],
    coded: &[CodedDoc],
    sink: &mut Sink<'_, W>,
    summary: &mut Summary,
) -> std::io::Result<()> {
    for (doc, (c, context)) in batch.iter().zip(coded) {
        summary.documents += 1;
        summary.sentences += c.sentences.len();
        summary.events += c.events.len();
        sink.write(doc, c, context)?;
    }
    Ok(())
}

/// Codes a batch in parallel and writes it in input order.
fn emit<W: Write>(
    coder: &Coder,
    batch: &mut Vec<Document>,
    sink: &mut Sink<'_, W>,
    summary: &mut Summary,
) -> std::io::Result<()> {
    let coded = code_batch(coder, batch);
    write_batch(batch, &coded, sink, summary)?;
    batch.clear();
    Ok(())
}

pub fn fail(msg: &str) -> ExitCode {
    eprintln!("dyad: {msg}");
    ExitCode::from(2)
}

pub fn explain(text: &str, date: Option<&str>, dicts: &DictArgs) -> ExitCode {
    let date = match parse_date_arg(date) {
        Ok(d) => d,
        Err(e) => return fail(&e),
    };
    let dict = match load_dicts(dicts) {
        Ok(d) => d,
        Err(e) => return fail(&e),
    };
    let coder = Coder::new(&dict);
    let (events, trace) = coder.explain(text, date);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "date: {}",
        date.map(|d| d.to_string())
            .unwrap_or_else(|| "none (people get their current office)".into())
    );
    for line in &trace.lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "\n{} event(s)", events.len());
    // The sentences and actor mentions as `dyad code` sees them, for the context.
    let mut scratch = Scratch::default();
    let (whole, actors) = coder.code_document_with_actors(text, date, &mut scratch);
    let coded = Coded {
        sentences: whole.sentences,
        events,
    };
    let context = crate::output::context(text, scratch.tokens(), date, &coded, &actors);
    for (k, (e, c)) in coded.events.iter().zip(&context).enumerate() {
        let code = |a: &Option<dyad_coder::ActorRef>| {
            a.as_ref().map_or("-".to_string(), |a| a.code.clone())
        };
        let _ = writeln!(
            out,
            "event {}: {} {} {} ({:?})",
            k + 1,
            code(&e.source),
            e.cameo,
            code(&e.target),
            &text[e.verb.0..e.verb.1]
        );
        let _ = writeln!(out, "  when:  {}", describe_date(text, c));
        let _ = writeln!(out, "  where: {}", describe_place(text, c));
        if let Some(a) = &c.attribution {
            let _ = writeln!(
                out,
                "  said by: {} ({}, the speaker of the quotation)",
                a.name, a.code
            );
        }
    }
    let doc = Document {
        id: "explain".into(),
        text: text.to_string(),
        date,
        title: None,
        url: None,
        source: None,
    };
    let mut sink = Sink::new(&dict, Format::Jsonl, out);
    let _ = sink.write(&doc, &coded, &context);
    let _ = sink.finish();
    ExitCode::SUCCESS
}

/// `2016-05-17 (day, "on Tuesday")`, or where the date came from when no phrase gave it.
fn describe_date(text: &str, c: &EventContext) -> String {
    let precision = c.precision.map_or("", |p| p.as_str());
    match (c.date, &c.date_text) {
        (Some(d), Some(r)) => format!("{d} ({precision}, {:?})", &text[r.clone()]),
        (Some(d), None) => format!("{d} ({precision}, the publication date: no date phrase)"),
        (None, _) => "none (no date phrase and no publication date)".to_string(),
    }
}

/// `Vienna, Vienna, AUT (48.2085, 16.3721; city, "in Vienna")`; a place from the dateline says so.
fn describe_place(text: &str, c: &EventContext) -> String {
    let Some(l) = &c.location else {
        return "none (no place phrase and no dateline)".to_string();
    };
    let admin = l.admin1.map(|a| format!("{a}, ")).unwrap_or_default();
    format!(
        "{}, {admin}{} ({}, {}; {}, {:?})",
        l.name,
        l.country,
        l.lat,
        l.lon,
        l.precision.as_str(),
        &text[l.span.clone()]
    )
}
