//! `dyad serve`: a versioned JSON API over an event store and a dashboard served from the binary.
//!
//! The store crate answers every query; this crate only parses requests, bounds them (body size,
//! page size, query time) and turns answers and errors into JSON. Coding lives in the `dyad`
//! binary, which hands the server an [`IngestFn`] for `POST /v1/documents`.
//!
//! ```no_run
//! # async fn f() {
//! use dyad_serve::{App, Limits};
//! let app = App::open("events.db".as_ref(), None, Limits::default(), None).unwrap();
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
//! axum::serve(listener, dyad_serve::router(app)).await.unwrap();
//! # }
//! ```

mod api;

use axum::routing::{get, post, MethodRouter};
use axum::Router;
use dyad_ingest::Document;
use dyad_store::Store;
use serde::Serialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use api::ApiError;

/// What one `POST /v1/documents` stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    pub documents: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Events coded from the documents (reports, before deduplication).
    pub events: usize,
    /// Deduplicated events that did not exist before.
    pub new_events: usize,
}

/// Codes documents and stores them in one transaction: the same path `dyad ingest` takes. The
/// string is the stem the JSONL reader gave documents that carry no id (`STEM:LINE`), which the
/// store then keys by content instead.
pub type IngestFn =
    Arc<dyn Fn(&mut Store, Vec<Document>, &str) -> Result<IngestReport, String> + Send + Sync>;

/// Bounds on what one request may ask for.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Largest page of `GET /v1/events` (and of actor searches).
    pub max_page: u64,
    /// Page size when `limit` is not given.
    pub default_page: u64,
    /// A read query running longer is interrupted and answered with 503.
    pub query_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 8 << 20,
            max_page: 1000,
            default_page: 100,
            query_timeout: Duration::from_secs(10),
        }
    }
}

/// The server's shared state: the store's path, idle read connections, the writer, the limits.
pub struct App {
    db: PathBuf,
    /// Idle read connections; a request takes one (or opens a new one) and gives it back.
    readers: Mutex<Vec<Store>>,
    /// One writer at a time, as SQLite allows; opened on the first write.
    writer: Mutex<Option<Store>>,
    token: Option<String>,
    limits: Limits,
    ingest: Option<IngestFn>,
}

/// Idle connections kept beyond this are closed.
const MAX_IDLE_READERS: usize = 8;

/// Stem of the name the JSONL reader gives a request body (documents without an id become
/// `request:LINE`).
pub const REQUEST_STEM: &str = "request";

impl App {
    /// Opens the store (which must exist) and checks that it is a dyad store. Without a token
    /// every write is refused; without an ingest function, too.
    pub fn open(
        db: &Path,
        token: Option<String>,
        limits: Limits,
        ingest: Option<IngestFn>,
    ) -> Result<Arc<App>, String> {
        let store = Store::open_existing(db).map_err(|e| e.to_string())?;
        Ok(Arc::new(App {
            db: db.to_path_buf(),
            readers: Mutex::new(vec![store]),
            writer: Mutex::new(None),
            token: token.filter(|t| !t.is_empty()),
            limits,
            ingest,
        }))
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    fn take_reader(&self) -> Option<Store> {
        self.readers.lock().ok()?.pop()
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut idle) = self.readers.lock() {
            if idle.len() < MAX_IDLE_READERS {
                idle.push(store);
            }
        }
    }
}

/// Every route of the server: method, path (OpenAPI's `{param}` syntax, which axum shares) and
/// handler. The router is built from this list alone, so a test can hold it equal to the
/// OpenAPI document.
fn route_table() -> Vec<(&'static str, &'static str, MethodRouter<Arc<App>>)> {
    vec![
        ("get", "/", get(api::index)),
        ("get", "/app.js", get(api::app_js)),
        ("get", "/app.css", get(api::app_css)),
        ("get", "/world.json", get(api::world_json)),
        ("get", "/v1/openapi.json", get(api::openapi)),
        ("get", "/v1/events", get(api::events)),
        ("get", "/v1/events/{id}", get(api::event)),
        (
            "get",
            "/v1/dyads/{source}/{target}/series",
            get(api::series),
        ),
        ("get", "/v1/actors", get(api::actors)),
        ("post", "/v1/documents", post(api::post_documents)),
        ("get", "/v1/documents/{id}", get(api::document)),
    ]
}

/// The (method, path) of every route, for tests and documentation.
pub fn routes() -> Vec<(&'static str, &'static str)> {
    route_table().into_iter().map(|(m, p, _)| (m, p)).collect()
}

/// The hand-written OpenAPI document the server serves at `/v1/openapi.json`.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// The whole application: API, dashboard, JSON answers for unknown paths and methods.
pub fn router(app: Arc<App>) -> Router {
    let mut r = Router::new();
    for (_, path, handler) in route_table() {
        r = r.route(path, handler);
    }
    r.fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(app.limits.max_body))
        .with_state(app)
}

/// Serves `app` on `addr` until Ctrl-C (or SIGTERM), calling `bound` with the address actually
/// bound (port 0 picks a free one) once the server accepts connections.
pub fn run(app: Arc<App>, addr: SocketAddr, bound: impl FnOnce(SocketAddr)) -> Result<(), String> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener
            .local_addr()
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        bound(local);
        axum::serve(listener, router(app))
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| format!("server error: {e}"))
    })
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}
