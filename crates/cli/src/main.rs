//! The `dyad` command: thin glue between the pipeline crates and the terminal.

use dyad_cli::{code, db, dict_cmd, quotes, serve, validate, DictArgs};

// Coding allocates many small, short-lived strings; mimalloc handles that pattern far better than
// the system allocator (measured with scripts/bench.sh).
#[global_allocator]
static GLOBAL: dyad_cli::alloc::Mimalloc = dyad_cli::alloc::Mimalloc;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Political event data from raw news text: who did what to whom"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into events.
    Code(code::CodeArgs),
    /// Code PETRARCH validation records from their raw text and compare with their gold codings.
    Validate(validate::ValidateArgs),
    /// Code documents and store their events in an event database (SQLite).
    Ingest(db::IngestArgs),
    /// List the stored events a filter selects (with --mentions, every report of each).
    Query(db::QueryArgs),
    /// Event counts, mean Goldstein and QuadClass mix per day, week, month or year.
    Stats(db::StatsArgs),
    /// Write the stored events as Parquet, CSV, JSONL or a GDELT 2.0 event table.
    Export(db::ExportArgs),
    /// Serve the event store as a JSON API and a web dashboard (see docs/serve.md).
    Serve(serve::ServeArgs),
    /// Dictionary tools for curators: stats, lint, unmatched, convert.
    Dict(dict_cmd::DictCommand),
    /// List every direct quotation with its speaker, as JSONL.
    Quotes(quotes::QuotesArgs),
    /// Show why each event of a sentence was (or was not) coded.
    Explain {
        /// The sentence (or short text) to explain.
        #[arg(required = true)]
        text: Vec<String>,
        /// Publication date (YYYY-MM-DD): decides which office a named person holds.
        #[arg(long)]
        date: Option<String>,
        #[command(flatten)]
        dicts: DictArgs,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Code(args) => code::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Ingest(args) => db::ingest(args),
        Command::Query(args) => db::query(args),
        Command::Stats(args) => db::stats(args),
        Command::Export(args) => db::export(args),
        Command::Serve(args) => serve::run(args),
        Command::Dict(cmd) => dict_cmd::run(cmd),
        Command::Quotes(args) => quotes::run(args),
        Command::Explain { text, date, dicts } => {
            code::explain(&text.join(" "), date.as_deref(), &dicts)
        }
    }
}
