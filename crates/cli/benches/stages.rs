//! Stage benchmark: times each stage of `dyad code` in isolation on one thread, through the same
//! library code the binary runs, and the whole pipeline end to end in the same process.
//!
//! usage: stages CORPUS.jsonl [--reps N] [--petrarch DIR] [--db PATH] [--json OUT] [--jsonl OUT]
//!
//! The corpus is read once per repetition of the ingest stage; every later stage works on the
//! documents (and the previous stage's results) held in memory, so each time is that stage alone.
//! Reported: the median over the repetitions, as sentences/s and MB/s of document text.
//! `scripts/bench_suite.sh` runs it; see docs/benchmarks.md for what each stage covers.

use clap::Parser;
use dyad_cli::output::{self, EventContext, Sink};
use dyad_cli::{code, db, quotes, DictArgs, Format};
use dyad_coder::{ActorRef, Coded, Coder, Scratch};
use dyad_ingest::Document;
use dyad_store::{CodedDocument, DocumentRecord, Store};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

// The binary's allocator, so that allocation costs are the ones `dyad code` pays.
#[global_allocator]
static GLOBAL: dyad_cli::alloc::Mimalloc = dyad_cli::alloc::Mimalloc;

#[derive(Parser)]
struct Args {
    /// The JSONL corpus (scripts/make_bench_corpus.py).
    corpus: String,
    /// Repetitions of every stage; the median is reported.
    #[arg(long, default_value_t = 5)]
    reps: usize,
    /// Code with these PETRARCH dictionaries instead of the embedded ones.
    #[arg(long)]
    petrarch: Option<PathBuf>,
    /// SQLite file for the store stage (replaced on every repetition).
    #[arg(long, default_value = "bench-out/stages.db")]
    db: PathBuf,
    /// Write the results as JSON here.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Write the end-to-end JSONL output here (once, untimed), to compare with `dyad code`.
    #[arg(long)]
    jsonl: Option<PathBuf>,
}

#[derive(serde::Serialize)]
struct Stage {
    name: &'static str,
    what: &'static str,
    median_s: f64,
    runs_s: Vec<f64>,
    sentences_per_s: f64,
    mb_per_s: f64,
}

#[derive(serde::Serialize)]
struct Report {
    corpus: String,
    dictionaries: String,
    documents: usize,
    sentences: usize,
    events: usize,
    text_bytes: usize,
    jsonl_bytes: u64,
    reps: usize,
    dictionary_load_s: f64,
    stages: Vec<Stage>,
}

/// Runs `f` `reps` times; the times in seconds and the last result.
fn timed<T>(reps: usize, mut f: impl FnMut() -> T) -> (Vec<f64>, T) {
    let mut times = Vec::with_capacity(reps);
    let mut last = None;
    for _ in 0..reps.max(1) {
        let t = Instant::now();
        let out = f();
        times.push(t.elapsed().as_secs_f64());
        last = Some(out);
    }
    (times, last.expect("at least one repetition"))
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    s[s.len() / 2]
}

/// Counts what the JSONL writer produces without keeping it.
#[derive(Default)]
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn read_corpus(path: &str) -> Result<Vec<Document>, String> {
    let stream = dyad_ingest::open(path, &code::ingest_options(None, None))
        .map_err(|e| format!("{path}: {e}"))?;
    stream
        .map(|r| r.map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()
}

/// The coder as `dyad code` calls it: with the actor list only for a document that may quote.
fn code_one(coder: &Coder, doc: &Document, scratch: &mut Scratch) -> (Coded, Vec<ActorRef>) {
    if quotes::may_quote(&doc.text) {
        coder.code_document_with_actors(&doc.text, doc.date, scratch)
    } else {
        (
            coder.code_document(&doc.text, doc.date, scratch),
            Vec::new(),
        )
    }
}

fn write_jsonl<W: Write>(
    sink: &mut Sink<'_, W>,
    docs: &[Document],
    coded: &[(Coded, Vec<ActorRef>)],
    contexts: &[Vec<EventContext>],
) -> std::io::Result<()> {
    for ((doc, (c, _)), ctx) in docs.iter().zip(coded).zip(contexts) {
        sink.write(doc, c, ctx)?;
    }
    sink.finish()
}

fn store_records(
    dict: &dyad_dict::Dictionaries,
    docs: &[Document],
    coded: &[(Coded, Vec<ActorRef>)],
    contexts: &[Vec<EventContext>],
) -> Vec<CodedDocument> {
    docs.iter()
        .zip(coded)
        .zip(contexts)
        .map(|((d, (c, _)), ctx)| CodedDocument {
            document: DocumentRecord::new(
                Some(d.id.clone()),
                d.date,
                d.title.clone(),
                d.url.clone(),
                d.source.clone(),
                d.text.clone(),
            ),
            events: c
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| db::event_record(dict, d, e, ctx.get(i)))
                .collect(),
        })
        .collect()
}

fn remove_db(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

fn run(args: Args) -> Result<(), String> {
    let reps = args.reps.max(1);
    let dict_args = DictArgs {
        dict: Vec::new(),
        petrarch: args.petrarch.clone(),
    };
    let t = Instant::now();
    let dict = code::load_dicts(&dict_args)?;
    let coder = Coder::new(&dict);
    let dictionary_load_s = t.elapsed().as_secs_f64();

    let (ingest_t, docs) = timed(reps, || read_corpus(&args.corpus));
    let docs = docs?;
    if docs.is_empty() {
        return Err(format!("{}: no documents", args.corpus));
    }
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let mut tokens = Vec::new();
    let (split_t, sentences) = timed(reps, || {
        docs.iter()
            .map(|d| dyad_text::split_with_tokens(&d.text, &mut tokens).len())
            .sum::<usize>()
    });

    let mut scratch = Scratch::default();
    let (coder_t, coded) = timed(reps, || {
        docs.iter()
            .map(|d| code_one(&coder, d, &mut scratch))
            .collect::<Vec<_>>()
    });
    let events: usize = coded.iter().map(|(c, _)| c.events.len()).sum();
    let coded_sentences: usize = coded.iter().map(|(c, _)| c.sentences.len()).sum();
    if coded_sentences != sentences {
        return Err(format!(
            "the splitter found {sentences} sentences but the coder {coded_sentences}"
        ));
    }

    // The context layer reads the coder's tokens; made here, outside the timing, as the coder
    // makes them.
    let doc_tokens: Vec<Vec<dyad_text::Token>> = docs
        .iter()
        .map(|d| {
            let mut t = Vec::new();
            dyad_text::split_with_tokens(&d.text, &mut t);
            t
        })
        .collect();
    let (context_t, contexts) = timed(reps, || {
        docs.iter()
            .zip(&coded)
            .zip(&doc_tokens)
            .map(|((d, (c, actors)), toks)| output::context(&d.text, toks, d.date, c, actors))
            .collect::<Vec<_>>()
    });

    let (output_t, jsonl_bytes) = timed(reps, || {
        let mut counter = Counter::default();
        let mut sink = Sink::new(
            &dict,
            Format::Jsonl,
            std::io::BufWriter::with_capacity(1 << 16, &mut counter),
        );
        write_jsonl(&mut sink, &docs, &coded, &contexts)?;
        drop(sink);
        Ok::<u64, std::io::Error>(counter.0)
    });
    let jsonl_bytes = jsonl_bytes.map_err(|e| e.to_string())?;

    let (store_t, stored) = timed(reps.min(3), || {
        remove_db(&args.db);
        let mut store = Store::open(&args.db).map_err(|e| e.to_string())?;
        let mut n = 0;
        for (k, chunk) in docs.chunks(512).enumerate() {
            let from = k * 512;
            let to = from + chunk.len();
            let records = store_records(&dict, chunk, &coded[from..to], &contexts[from..to]);
            n += store
                .write_batch(&records)
                .map_err(|e| e.to_string())?
                .added;
        }
        Ok::<usize, String>(n)
    });
    let stored = stored?;
    remove_db(&args.db);
    if stored != docs.len() {
        return Err(format!(
            "the store added {stored} of {} documents (are the ids unique?)",
            docs.len()
        ));
    }

    // The whole pipeline on one thread, as `dyad code --threads 1` runs it minus process start-up
    // and dictionary loading: read, split and code, context, JSONL.
    let (e2e_t, e2e_bytes) = timed(reps, || {
        let stream = dyad_ingest::open(&args.corpus, &code::ingest_options(None, None))
            .map_err(|e| e.to_string())?;
        let mut counter = Counter::default();
        let mut sink = Sink::new(
            &dict,
            Format::Jsonl,
            std::io::BufWriter::with_capacity(1 << 16, &mut counter),
        );
        let mut scratch = Scratch::default();
        for doc in stream {
            let doc = doc.map_err(|e| e.to_string())?;
            let (c, ctx) = code::code_with_context(&coder, &doc.text, doc.date, &mut scratch);
            sink.write(&doc, &c, &ctx).map_err(|e| e.to_string())?;
        }
        sink.finish().map_err(|e| e.to_string())?;
        drop(sink);
        Ok::<u64, String>(counter.0)
    });
    let e2e_bytes = e2e_bytes?;
    if e2e_bytes != jsonl_bytes {
        return Err(format!(
            "end to end wrote {e2e_bytes} bytes of JSONL but the stages {jsonl_bytes}"
        ));
    }
    if let Some(path) = &args.jsonl {
        let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut sink = Sink::new(&dict, Format::Jsonl, std::io::BufWriter::new(file));
        write_jsonl(&mut sink, &docs, &coded, &contexts)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }

    let mb = text_bytes as f64 / 1e6;
    let stage = |name, what, runs: Vec<f64>| {
        let m = median(&runs);
        Stage {
            name,
            what,
            median_s: m,
            runs_s: runs,
            sentences_per_s: sentences as f64 / m,
            mb_per_s: mb / m,
        }
    };
    let coder_only: Vec<f64> = coder_t
        .iter()
        .map(|c| (c - median(&split_t)).max(1e-9))
        .collect();
    let stages = vec![
        stage("ingest/decode", "read the JSONL file and decode every record into a Document", ingest_t),
        stage("sentence split", "split_with_tokens: sentences and tokens with byte offsets", split_t),
        stage("coder (split + actors + verbs)", "Coder::code_document as dyad code calls it (the split included)", coder_t),
        stage("actors + verbs", "the coder stage minus the median split: actor and verb matching and the clause rules (one pass, not separable through the public API)", coder_only),
        stage("context", "dates, places, quotes and speakers for every event (output::context)", context_t),
        stage("JSONL output", "the JSONL writer for every event (output::Sink)", output_t),
        stage("SQLite ingest", "store records and Store::write_batch in batches of 512, fresh file (at most 3 runs)", store_t),
        stage("end to end", "read, code, context and JSONL in one pass on one thread (no process start-up, no dictionary loading)", e2e_t),
    ];
    let report = Report {
        corpus: args.corpus.clone(),
        dictionaries: args.petrarch.as_ref().map_or("embedded".to_string(), |p| {
            format!("PETRARCH {}", p.display())
        }),
        documents: docs.len(),
        sentences,
        events,
        text_bytes,
        jsonl_bytes,
        reps,
        dictionary_load_s,
        stages,
    };
    println!(
        "{}: {} documents, {} sentences, {} events, {:.1} MB of text; dictionaries ({}) loaded in {:.0} ms; median of {} runs, one thread",
        report.corpus,
        report.documents,
        report.sentences,
        report.events,
        mb,
        report.dictionaries,
        dictionary_load_s * 1e3,
        reps
    );
    println!("| stage | median s | sentences/s | MB/s |\n|---|---|---|---|");
    for s in &report.stages {
        println!(
            "| {} | {:.3} | {:.0} | {:.1} |",
            s.name, s.median_s, s.sentences_per_s, s.mb_per_s
        );
    }
    if let Some(path) = &args.json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    // Freeing the dictionaries only slows the exit down, as in the binary.
    std::mem::forget(dict);
    Ok(())
}

fn main() -> std::process::ExitCode {
    match run(Args::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stages: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
