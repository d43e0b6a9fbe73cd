//! `dyad ingest`, `dyad query`, `dyad stats` and `dyad export`: the event store on the command line.

use crate::code::{code_with_context, load_dicts, next_batch, print_new_warnings, Filled};
use crate::output::{ActorJson, EventContext, EventJson};
use crate::{DictArgs, InputFormatArg};
use chrono::NaiveDate;
use dyad_coder::{Coded, Coder, Event, Scratch};
use dyad_dict::Dictionaries;
use dyad_ingest::{Document, InputFormat, Options};
use dyad_store::{
    ActorRecord, BatchStats, CodedDocument, DocumentRecord, Error, EventRecord, EventRow,
    EvidenceRecord, ExportFormat, Filter, LocationRecord, MentionRow, OpenOptions, Period,
    StatsRow, Store, TextWriter,
};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date (expected YYYY-MM-DD)"))
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=86_400.0).contains(&v) => Ok(Duration::from_secs_f64(v)),
        _ => Err(format!(
            "{s:?} is not a number of seconds between 0 and 86400"
        )),
    }
}

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// Input files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    inputs: Vec<String>,
    /// The event store (an SQLite file; created when missing).
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_parser = parse_day)]
    date: Option<NaiveDate>,
    /// Input format, instead of guessing it from the file extension.
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Stop at the first malformed record (what came before it is kept).
    #[arg(long)]
    strict: bool,
    /// Worker threads for coding [default: all cores].
    #[arg(long)]
    threads: Option<usize>,
    /// Documents per transaction: a crash loses at most one batch.
    #[arg(long, default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    batch: u32,
    /// Seconds to wait for another process's lock on the store.
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = parse_seconds)]
    busy_timeout: Duration,
    #[command(flatten)]
    dicts: DictArgs,
}

/// The filters shared by `query`, `stats` and `export`.
#[derive(clap::Args, Debug, Default)]
pub struct FilterArgs {
    /// Source actor code or prefix (RUS matches RUSGOV).
    #[arg(long, value_name = "CODE")]
    source: Option<String>,
    /// Target actor code or prefix.
    #[arg(long, value_name = "CODE")]
    target: Option<String>,
    /// Either actor's code or prefix.
    #[arg(long, value_name = "CODE")]
    actor: Option<String>,
    /// Either actor's country (ISO alpha-3).
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    /// CAMEO code and the codes below it (112 matches 1121).
    #[arg(long, value_name = "CODE")]
    cameo: Option<String>,
    /// CAMEO root, two digits (01-20).
    #[arg(long, value_name = "NN")]
    root: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Option<u8>,
    /// Lowest Goldstein score.
    #[arg(long, value_name = "G", allow_negative_numbers = true)]
    goldstein_min: Option<f64>,
    /// Highest Goldstein score.
    #[arg(long, value_name = "G", allow_negative_numbers = true)]
    goldstein_max: Option<f64>,
    /// First event date (YYYY-MM-DD), included.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    from: Option<NaiveDate>,
    /// Last event date (YYYY-MM-DD), included.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    to: Option<NaiveDate>,
    /// The event location's country (ISO alpha-3).
    #[arg(long, value_name = "ISO3")]
    location_country: Option<String>,
    /// Full-text search over the sentences that report the event (SQLite FTS5 syntax).
    #[arg(long, value_name = "QUERY")]
    text: Option<String>,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    limit: Option<u64>,
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            source: self.source.clone(),
            target: self.target.clone(),
            actor: self.actor.clone(),
            country: self.country.clone(),
            cameo: self.cameo.clone(),
            root: self.root.clone(),
            quad: self.quad,
            goldstein_min: self.goldstein_min,
            goldstein_max: self.goldstein_max,
            from: self.from,
            to: self.to,
            location_country: self.location_country.clone(),
            text: self.text.clone(),
            limit: self.limit,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RowFormat {
    /// An aligned table for people (the default on a terminal).
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header line.
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct QueryArgs {
    /// The event store.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    #[command(flatten)]
    filters: FilterArgs,
    /// Also show every report of each event: document, sentence and evidence.
    #[arg(long)]
    mentions: bool,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<RowFormat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
    Year,
}

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    /// The event store.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// Time unit of the series (weeks are labelled by their Monday).
    #[arg(long, value_enum, default_value = "month")]
    by: PeriodArg,
    /// A dyad as SOURCE:TARGET codes or prefixes (RUS:TUR).
    #[arg(long, value_name = "SRC:TGT", conflicts_with_all = ["source", "target"])]
    dyad: Option<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<RowFormat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormatArg {
    /// Typed columns for pandas, polars, DuckDB, Spark (needs -o).
    Parquet,
    Csv,
    Jsonl,
    /// GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, no header.
    Gdelt,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The event store.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    #[arg(long, value_enum)]
    format: ExportFormatArg,
    /// Output file [default: standard output, for the text formats].
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("dyad: {msg}");
    ExitCode::from(2)
}

fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
}

// ---------------------------------------------------------------------------------------------
// ingest

#[derive(Default)]
pub struct IngestSummary {
    pub read: usize,
    pub skipped: usize,
    pub sentences: usize,
    pub events: usize,
    pub stored: BatchStats,
}

/// The JSONL reader names documents without an id `STEM:LINE`; such a name only says where the
/// document sat in its file, so the store keys the document by its content instead.
fn given_id(doc: &Document, fallback_stem: Option<&str>) -> Option<String> {
    if let Some(stem) = fallback_stem {
        if let Some(rest) = doc.id.strip_prefix(stem).and_then(|r| r.strip_prefix(':')) {
            if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
    }
    Some(doc.id.clone())
}

fn actor(a: &ActorJson) -> ActorRecord {
    ActorRecord {
        code: a.code.to_string(),
        country: a.country.map(str::to_string),
        name: a.name.to_string(),
        span: (a.span[0], a.span[1]),
    }
}

/// An `f32` through its shortest decimal form, so that 3.4f32 is stored as 3.4, not 3.4000000953.
fn decimal(v: f32) -> f64 {
    v.to_string().parse::<f64>().unwrap_or(f64::from(v))
}

/// The coder's event as a store record, its fields derived as the JSONL contract derives them
/// (with the context layer's date, place and speaker when there is one).
pub fn event_record(
    dict: &Dictionaries,
    doc: &Document,
    e: &Event,
    context: Option<&EventContext>,
) -> EventRecord {
    let mut j = EventJson::of(dict, doc, e);
    if let Some(c) = context {
        j = j.with_context(&doc.text, c);
    }
    EventRecord {
        sentence_index: e.sentence_index,
        sentence_span: e.sentence,
        sentence: j.sentence.to_string(),
        date: j.date.as_ref().map(|d| d.0),
        date_precision: j.date_precision.map(str::to_string),
        cameo: e.cameo.clone(),
        root: j.root.to_string(),
        goldstein: j.goldstein.map(decimal),
        quad_class: j.quad_class,
        source: j.source.as_ref().map(actor),
        target: j.target.as_ref().map(actor),
        evidence: EvidenceRecord {
            verb: j.evidence.verb.to_string(),
            span: e.evidence,
            pattern: j.evidence.pattern.0.to_string(),
        },
        attribution: j.attribution.as_ref().map(actor),
        location: j.location.as_ref().map(|l| LocationRecord {
            name: l.name.to_string(),
            country: Some(l.country.to_string()),
            admin1: l.admin1.map(str::to_string),
            lat: Some(decimal(l.lat)),
            lon: Some(decimal(l.lon)),
            precision: Some(l.precision.to_string()),
        }),
    }
}

/// Roughly how many documents the inputs hold (JSONL lines), for the progress bar.
fn estimate_documents(inputs: &[String], format: Option<InputFormat>) -> Option<u64> {
    let mut total = 0u64;
    for path in inputs {
        if path == "-" {
            return None;
        }
        if format.unwrap_or_else(|| InputFormat::detect(path)) != InputFormat::Jsonl {
            total += 1;
            continue;
        }
        let mut file = std::fs::File::open(path).ok()?;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match std::io::Read::read(&mut file, &mut buf) {
                Ok(0) => break,
                Ok(n) => total += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64,
                Err(_) => return None,
            }
        }
    }
    Some(total)
}

pub fn ingest(args: IngestArgs) -> ExitCode {
    let started = Instant::now();
    if let Some(n) = args.threads {
        if n == 0 {
            return fail("--threads must be at least 1");
        }
        // Only fails if a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let opts = OpenOptions {
        create: true,
        busy_timeout: args.busy_timeout,
    };
    let mut store = match Store::open_with(&args.db, &opts) {
        Ok(s) => s,
        Err(e) => return fail(&e.to_string()),
    };
    let dict = match load_dicts(&args.dicts) {
        Ok(d) => d,
        Err(e) => return fail(&e),
    };
    let coder = Coder::new(&dict);
    let input_format = args.input_format.map(|f| match f {
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
        InputFormatArg::Html => InputFormat::Html,
    });
    let opts = Options {
        format: input_format,
        default_date: args.date,
    };
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = match estimate_documents(&args.inputs, input_format) {
            Some(n) => indicatif::ProgressBar::new(n).with_style(
                indicatif::ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:30}] {human_pos}/{human_len} documents, {eta} left  {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    });
    let mut summary = IngestSummary::default();
    let batch_size = args.batch as usize;
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
        let is_jsonl =
            input_format.unwrap_or_else(|| InputFormat::detect(path)) == InputFormat::Jsonl;
        let stem = if path == "-" {
            "stdin".to_string()
        } else {
            Path::new(path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let fallback_stem = is_jsonl.then_some(stem.as_str());
        let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
        let mut warned = 0;
        loop {
            let filled = next_batch(
                &mut stream,
                &mut batch,
                batch_size,
                args.strict,
                &mut summary.skipped,
            );
            print_new_warnings(&stream, &mut warned);
            if let Err(e) = store_batch(
                &mut store,
                &coder,
                &dict,
                &mut batch,
                fallback_stem,
                &mut summary,
            ) {
                if let Some(bar) = &progress {
                    bar.abandon();
                }
                eprintln!("dyad: {e}");
                eprintln!(
                    "dyad: {} documents were stored before the error; run the same command again to finish",
                    summary.stored.added + summary.stored.replaced
                );
                return ExitCode::from(2);
            }
            if let Some(bar) = &progress {
                bar.set_position(summary.read as u64);
                bar.set_message(format!(
                    "{:.0} documents/s, {} events stored, {} documents unchanged",
                    summary.read as f64 / started.elapsed().as_secs_f64().max(1e-9),
                    summary.stored.mentions,
                    summary.stored.unchanged
                ));
            }
            if filled == Filled::BadRecord {
                eprintln!("dyad: stopping at the first bad record (--strict)");
                break 'inputs;
            }
            if filled == Filled::End {
                break;
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let s = &summary.stored;
    eprintln!(
        "dyad: {} documents read ({} added, {} replaced, {} unchanged), {} skipped; {} sentences, {} events coded, {} new events stored in {:.2} s ({:.0} documents/s)",
        summary.read,
        s.added,
        s.replaced,
        s.unchanged,
        summary.skipped,
        summary.sentences,
        summary.events,
        s.new_events,
        secs,
        summary.read as f64 / secs
    );
    // Fresh planner statistics keep the dyad and date indexes chosen as the store grows.
    if let Err(e) = store.optimize() {
        return fail(&e.to_string());
    }
    match store.counts() {
        Ok(c) => eprintln!(
            "dyad: {} now holds {} documents, {} events, {} mentions, {} actors",
            args.db.display(),
            c.documents,
            c.events,
            c.mentions,
            c.actors
        ),
        Err(e) => return fail(&e.to_string()),
    }
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

/// Codes the documents of a batch that the store does not already hold with the same content,
/// in parallel, and stores the batch in one transaction.
pub fn store_batch(
    store: &mut Store,
    coder: &Coder,
    dict: &Dictionaries,
    batch: &mut Vec<Document>,
    fallback_stem: Option<&str>,
    summary: &mut IngestSummary,
) -> Result<(), Error> {
    if batch.is_empty() {
        return Ok(());
    }
    let records: Vec<DocumentRecord> = batch
        .iter()
        .map(|d| {
            DocumentRecord::new(
                given_id(d, fallback_stem),
                d.date,
                d.title.clone(),
                d.url.clone(),
                d.source.clone(),
                d.text.clone(),
            )
        })
        .collect();
    let keys: Vec<(String, String)> = records
        .iter()
        .map(|r| (r.key(), r.content_hash.clone()))
        .collect();
    let unchanged = store.unchanged(&keys)?;
    let coded: Vec<Option<(Coded, Vec<EventContext>)>> = batch
        .par_iter()
        .zip(&unchanged)
        .map_init(Scratch::default, |scratch, (doc, &same)| {
            (!same).then(|| code_with_context(coder, &doc.text, doc.date, scratch))
        })
        .collect();
    let mut todo = Vec::with_capacity(batch.len());
    for ((doc, record), c) in batch.iter().zip(records).zip(coded) {
        summary.read += 1;
        let Some((c, context)) = c else {
            summary.stored.unchanged += 1;
            continue;
        };
        summary.sentences += c.sentences.len();
        summary.events += c.events.len();
        let events = c
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| event_record(dict, doc, e, context.get(i)))
            .collect();
        todo.push(CodedDocument {
            document: record,
            events,
        });
    }
    batch.clear();
    let stats = store.write_batch(&todo)?;
    summary.stored.add(&stats);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// query

fn open(db: &Path) -> Result<Store, ExitCode> {
    Store::open_existing(db).map_err(|e| fail(&e.to_string()))
}

fn row_format(f: Option<RowFormat>) -> RowFormat {
    f.unwrap_or(if std::io::stdout().is_terminal() {
        RowFormat::Table
    } else {
        RowFormat::Jsonl
    })
}

/// A control character would break a table line or a tab-separated field.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        format!("{s:<n$}")
    } else {
        let t: String = s.chars().take(n.saturating_sub(1)).collect();
        format!("{t}…")
    }
}

fn event_name(cameo: &str) -> String {
    let name = dyad_events::Codebook::embedded()
        .get(cameo)
        .map(|c| c.name.as_str())
        .unwrap_or("");
    format!("{cameo} {name}")
}

const EVENT_HEAD: &str = "    id  date        source        event                                    target         ment  src  art";

fn table_event(out: &mut impl Write, e: &EventRow) -> std::io::Result<()> {
    writeln!(
        out,
        "{:>6}  {}  {}  {}  {}  {:>4} {:>4} {:>4}",
        e.event_id,
        cut(e.date.as_deref().unwrap_or("-"), 10),
        cut(e.source_code.as_deref().unwrap_or("-"), 12),
        cut(&event_name(&e.cameo), 40),
        cut(e.target_code.as_deref().unwrap_or("-"), 12),
        e.num_mentions,
        e.num_sources,
        e.num_articles
    )
}

fn table_mention(out: &mut impl Write, m: &MentionRow) -> std::io::Result<()> {
    writeln!(
        out,
        "        {} #{}{}: {}",
        clean(&m.doc_id),
        m.sentence_index,
        m.doc_source
            .as_deref()
            .map(|s| format!(" ({})", clean(s)))
            .unwrap_or_default(),
        cut(&clean(&m.sentence), 110).trim_end()
    )?;
    writeln!(
        out,
        "          verb {:?} [{}, {})  pattern {}",
        m.verb,
        m.evidence_start,
        m.evidence_end,
        clean(&m.pattern)
    )
}

#[derive(Serialize)]
struct EventWithMentions<'a> {
    #[serde(flatten)]
    event: &'a EventRow,
    mentions: Vec<MentionRow>,
}

pub fn query(args: QueryArgs) -> ExitCode {
    let store = match open(&args.db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let filter = args.filters.filter();
    let format = row_format(args.format);
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = match format {
        RowFormat::Table => {
            let mut out = out;
            let mut head = false;
            let r = store.for_each_event(&filter, |e| {
                if !head {
                    writeln!(out, "{EVENT_HEAD}")?;
                    head = true;
                }
                table_event(&mut out, e)?;
                if args.mentions {
                    for m in store.mentions(e.event_id)? {
                        table_mention(&mut out, &m)?;
                    }
                }
                Ok(())
            });
            r.and_then(|n| {
                out.flush()?;
                Ok(n)
            })
        }
        RowFormat::Jsonl | RowFormat::Csv => {
            let mut w = if format == RowFormat::Csv {
                TextWriter::csv(out)
            } else {
                TextWriter::jsonl(out)
            };
            let r = store.for_each_event(&filter, |e| {
                if !args.mentions {
                    w.write(e)
                } else if format == RowFormat::Jsonl {
                    w.write(&EventWithMentions {
                        event: e,
                        mentions: store.mentions(e.event_id)?,
                    })
                } else {
                    // CSV is flat: with --mentions it lists the mentions, each with its event_id.
                    for m in store.mentions(e.event_id)? {
                        w.write(&m)?;
                    }
                    Ok(())
                }
            });
            r.and_then(|n| {
                w.finish()?;
                Ok(n)
            })
        }
    };
    match result {
        Ok(0) => {
            eprintln!("dyad: no stored event matches the filter");
            ExitCode::SUCCESS
        }
        Ok(n) => {
            if format == RowFormat::Table {
                eprintln!("dyad: {n} events");
            }
            ExitCode::SUCCESS
        }
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

// ---------------------------------------------------------------------------------------------
// stats

pub fn stats(args: StatsArgs) -> ExitCode {
    let mut filter = args.filters.filter();
    if let Some(d) = &args.dyad {
        match d.split_once(':') {
            Some((s, t)) if !s.trim().is_empty() && !t.trim().is_empty() => {
                filter.source = Some(s.to_string());
                filter.target = Some(t.to_string());
            }
            _ => {
                return fail(&format!(
                    "--dyad {d:?}: expected SOURCE:TARGET actor codes or prefixes (RUS:TUR)"
                ))
            }
        }
    }
    let store = match open(&args.db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let by = match args.by {
        PeriodArg::Day => Period::Day,
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
        PeriodArg::Year => Period::Year,
    };
    let rows = match store.stats(&filter, by) {
        Ok(r) => r,
        Err(e) => return fail(&e.to_string()),
    };
    if rows.is_empty() {
        eprintln!("dyad: no stored event matches the filter");
    }
    let format = row_format(args.format);
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let result: Result<(), Error> = match format {
        RowFormat::Table => write_stats_table(out, &rows).map_err(Error::Io),
        RowFormat::Csv | RowFormat::Jsonl => {
            let mut w = if format == RowFormat::Csv {
                TextWriter::csv(out)
            } else {
                TextWriter::jsonl(out)
            };
            rows.iter()
                .try_for_each(|r| w.write(r))
                .and_then(|_| w.finish().map(|_| ()))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

fn write_stats_table(mut out: impl Write, rows: &[StatsRow]) -> std::io::Result<()> {
    writeln!(
        out,
        "period      events  mentions  goldstein  weighted  verb.coop  mat.coop  verb.confl  mat.confl"
    )?;
    let g = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "-".into());
    for r in rows {
        writeln!(
            out,
            "{:<10}  {:>6}  {:>8}  {:>9}  {:>8}  {:>9}  {:>8}  {:>10}  {:>9}",
            r.period,
            r.events,
            r.mentions,
            g(r.goldstein_mean),
            g(r.goldstein_weighted),
            r.quad1,
            r.quad2,
            r.quad3,
            r.quad4
        )?;
    }
    let total: i64 = rows.iter().map(|r| r.events).sum();
    writeln!(out, "{} periods, {total} events", rows.len())?;
    out.flush()
}

// ---------------------------------------------------------------------------------------------
// export

pub fn export(args: ExportArgs) -> ExitCode {
    let format = match args.format {
        ExportFormatArg::Parquet => ExportFormat::Parquet,
        ExportFormatArg::Csv => ExportFormat::Csv,
        ExportFormatArg::Jsonl => ExportFormat::Jsonl,
        ExportFormatArg::Gdelt => ExportFormat::Gdelt,
    };
    if format == ExportFormat::Parquet && args.output.is_none() {
        return fail("--format parquet writes a binary file: name it with -o FILE");
    }
    let store = match open(&args.db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let filter = args.filters.filter();
    let started = Instant::now();
    match &args.output {
        None => match store.export(&filter, format, std::io::stdout()) {
            Ok(_) => ExitCode::SUCCESS,
            Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
            Err(e) => fail(&e.to_string()),
        },
        Some(path) => {
            // Written beside the target and renamed over it at the end: a failed export leaves
            // no half-written file behind.
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "export".into());
            let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
            let file = match std::fs::File::create(&tmp) {
                Ok(f) => f,
                Err(e) => return fail(&format!("{}: {e}", path.display())),
            };
            let result = store
                .export(
                    &filter,
                    format,
                    std::io::BufWriter::with_capacity(1 << 20, file),
                )
                .and_then(|n| {
                    std::fs::rename(&tmp, path)?;
                    Ok(n)
                });
            match result {
                Ok(n) => {
                    eprintln!(
                        "dyad: {n} events written to {} in {:.2} s",
                        path.display(),
                        started.elapsed().as_secs_f64()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    fail(&format!("{}: {e}", path.display()))
                }
            }
        }
    }
}
