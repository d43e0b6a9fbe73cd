//! `dyad serve`: the HTTP API and dashboard of crates/serve, with this binary's coder behind
//! `POST /v1/documents`.

use crate::code::{fail, load_dicts};
use crate::db::{store_batch, IngestSummary};
use crate::DictArgs;
use dyad_coder::Coder;
use dyad_serve::{App, IngestFn, IngestReport, Limits};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The event store to serve (an existing SQLite file).
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// Address to listen on; port 0 picks a free port. Anything but loopback opens the read
    /// endpoints to the network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Bearer token that POST /v1/documents requires [default: $DYAD_TOKEN]; without one,
    /// writes are refused.
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Largest request body in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 8 << 20)]
    max_body: usize,
    /// Largest page of events (the `limit` parameter).
    #[arg(long, value_name = "N", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    max_page: u64,
    /// Seconds a read query may run before it is stopped (503).
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    query_timeout: f64,
    #[command(flatten)]
    dicts: DictArgs,
}

pub fn run(args: ServeArgs) -> ExitCode {
    if !(args.query_timeout.is_finite() && args.query_timeout > 0.0 && args.query_timeout <= 3600.0)
    {
        return fail("--query-timeout must be between 0 and 3600 seconds");
    }
    let token = args
        .token
        .clone()
        .or_else(|| std::env::var("DYAD_TOKEN").ok())
        .filter(|t| !t.trim().is_empty());
    // The coder is loaded only when writes are possible: it takes a second and much memory.
    let ingest = match &token {
        Some(_) => match coder_ingest(&args.dicts) {
            Ok(f) => Some(f),
            Err(e) => return fail(&e),
        },
        None => None,
    };
    let limits = Limits {
        max_body: args.max_body,
        max_page: args.max_page,
        default_page: 100.min(args.max_page),
        query_timeout: Duration::from_secs_f64(args.query_timeout),
    };
    let writes = token.is_some();
    let app = match App::open(&args.db, token, limits, ingest) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    let result = dyad_serve::run(app, args.addr, |addr| {
        // Tests read this line to find the port.
        println!("dyad: serving {} on http://{addr}/", args.db.display());
        if !addr.ip().is_loopback() {
            eprintln!("dyad: warning: {addr} is not loopback: anyone who can reach it can read the events");
        }
        if !writes {
            eprintln!("dyad: writes are disabled (no --token or DYAD_TOKEN)");
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

/// The ingest path of `dyad ingest` (`store_batch`) as the server's callback.
fn coder_ingest(dicts: &DictArgs) -> Result<IngestFn, String> {
    // The server holds the dictionaries for its whole life; leaking them gives the coder the
    // 'static borrow a shared callback needs.
    let dict: &'static _ = Box::leak(Box::new(load_dicts(dicts)?));
    let coder = Coder::new(dict);
    Ok(Arc::new(move |store, mut docs, stem| {
        let mut summary = IngestSummary::default();
        store_batch(store, &coder, dict, &mut docs, Some(stem), &mut summary)
            .map_err(|e| e.to_string())?;
        let s = &summary.stored;
        Ok(IngestReport {
            documents: summary.read,
            added: s.added,
            replaced: s.replaced,
            unchanged: s.unchanged,
            events: summary.events,
            new_events: s.new_events,
        })
    }))
}
