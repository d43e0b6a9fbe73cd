//! The request handlers: parse and check parameters, run the store query on a blocking thread
//! under the query timeout, answer JSON (or CSV). Every failure is a JSON `{"error": ...}`.

use crate::{App, IngestReport, REQUEST_STEM};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use dyad_store::{Cursor, Error as StoreError, Filter, Period, Store, TextWriter};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;

/// An error answer: a status and a message, sent as `{"error": message}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({ "error": self.message }).to_string();
        let mut r = (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"dyad\""),
            );
        }
        r
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let status = match e {
            StoreError::BadFilter(_) => StatusCode::BAD_REQUEST,
            StoreError::Locked { .. } | StoreError::Interrupted => StatusCode::SERVICE_UNAVAILABLE,
            StoreError::DiskFull { .. } => StatusCode::INSUFFICIENT_STORAGE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        // Filter messages name CLI flags (`--goldstein-min`); the API's parameters are the same
        // words with underscores.
        let message = match &e {
            StoreError::BadFilter(m) => m
                .replace("--goldstein-", "goldstein_")
                .replace("--location-country", "location_country")
                .replace("--", ""),
            _ => e.to_string(),
        };
        ApiError::new(status, message)
    }
}

type ApiResult = Result<Response, ApiError>;

fn json_response(value: &impl serde::Serialize) -> Response {
    match serde_json::to_string(value) {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// Parses a query string into `T`, whose unknown fields are refused.
fn params<T: DeserializeOwned>(q: Option<String>) -> Result<T, ApiError> {
    serde_urlencoded::from_str(q.as_deref().unwrap_or(""))
        .map_err(|e| ApiError::bad(format!("bad query parameters: {e}")))
}

fn day(name: &str, v: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    v.map(|s| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| ApiError::bad(format!("{name} {s:?} is not a date (expected YYYY-MM-DD)")))
    })
    .transpose()
}

fn number<T: std::str::FromStr>(
    name: &str,
    v: Option<&str>,
    what: &str,
) -> Result<Option<T>, ApiError> {
    v.map(|s| {
        s.trim()
            .parse::<T>()
            .map_err(|_| ApiError::bad(format!("{name} {s:?} is not {what}")))
    })
    .transpose()
}

fn page_size(app: &App, limit: Option<&str>) -> Result<u64, ApiError> {
    let max = app.limits.max_page;
    match number::<u64>("limit", limit, "a whole number")? {
        None => Ok(app.limits.default_page.min(max)),
        Some(0) => Err(ApiError::bad("limit must be at least 1")),
        Some(n) if n > max => Err(ApiError::bad(format!(
            "limit {n} is above the largest page, {max}; follow `next` for more"
        ))),
        Some(n) => Ok(n),
    }
}

/// Runs `f` with a read connection on a blocking thread; past the query timeout the query is
/// interrupted and the request answered with 503.
async fn read<T: Send + 'static>(
    app: &Arc<App>,
    f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let store = match app.take_reader() {
        Some(s) => s,
        None => {
            let db = app.db.clone();
            tokio::task::spawn_blocking(move || Store::open_existing(&db))
                .await
                .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))??
        }
    };
    let interrupt = store.interrupt_handle();
    let mut task = tokio::task::spawn_blocking(move || {
        let r = f(&store);
        (store, r)
    });
    let limit = app.limits.query_timeout;
    let (store, result) = match tokio::time::timeout(limit, &mut task).await {
        Ok(done) => done,
        Err(_) => {
            interrupt.interrupt();
            let (store, result) = task.await.map_err(internal)?;
            return match result {
                Err(StoreError::Interrupted) | Ok(_) => {
                    app.give_back(store);
                    Err(ApiError::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        format!(
                            "the query took longer than {:.1} s and was stopped; narrow the filters",
                            limit.as_secs_f64()
                        ),
                    ))
                }
                Err(e) => Err(e.into()),
            };
        }
    }
    .map_err(internal)?;
    app.give_back(store);
    Ok(result?)
}

fn internal(e: tokio::task::JoinError) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("internal error: {e}"),
    )
}

// ---------------------------------------------------------------------------------------------
// dashboard and documentation

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

pub async fn index() -> Response {
    asset(
        "text/html; charset=utf-8",
        include_str!("../assets/index.html"),
    )
}

pub async fn app_js() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../assets/app.js"),
    )
}

pub async fn app_css() -> Response {
    asset("text/css; charset=utf-8", include_str!("../assets/app.css"))
}

pub async fn world_json() -> Response {
    asset("application/json", include_str!("../assets/world.json"))
}

pub async fn openapi() -> Response {
    asset("application/json", crate::OPENAPI)
}

pub async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!(
            "no such endpoint: {method} {}; see /v1/openapi.json",
            uri.path()
        ),
    )
}

pub async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} is not allowed on {}", uri.path()),
    )
}

// ---------------------------------------------------------------------------------------------
// events

/// The filters of `dyad query`, as query parameters (underscores for the flags' dashes).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EventParams {
    source: Option<String>,
    target: Option<String>,
    actor: Option<String>,
    country: Option<String>,
    cameo: Option<String>,
    root: Option<String>,
    quad: Option<String>,
    goldstein_min: Option<String>,
    goldstein_max: Option<String>,
    from: Option<String>,
    to: Option<String>,
    location_country: Option<String>,
    text: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
    /// `json` or `csv`; overrides the Accept header.
    format: Option<String>,
}

fn filter(p: &EventParams) -> Result<Filter, ApiError> {
    let quad = number::<u8>("quad", p.quad.as_deref(), "a QuadClass (1 to 4)")?;
    Ok(Filter {
        source: p.source.clone(),
        target: p.target.clone(),
        actor: p.actor.clone(),
        country: p.country.clone(),
        cameo: p.cameo.clone(),
        root: p.root.clone(),
        quad,
        goldstein_min: number("goldstein_min", p.goldstein_min.as_deref(), "a number")?,
        goldstein_max: number("goldstein_max", p.goldstein_max.as_deref(), "a number")?,
        from: day("from", p.from.as_deref())?,
        to: day("to", p.to.as_deref())?,
        location_country: p.location_country.clone(),
        text: p.text.clone(),
        limit: None,
    })
}

fn wants_csv(format: Option<&str>, headers: &HeaderMap) -> Result<bool, ApiError> {
    match format {
        Some("csv") => Ok(true),
        Some("json") => Ok(false),
        Some(f) => Err(ApiError::bad(format!("format {f:?}: expected json or csv"))),
        None => Ok(headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/csv"))),
    }
}

pub async fn events(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p: EventParams = params(q)?;
    let filter = filter(&p)?;
    let size = page_size(&app, p.limit.as_deref())?;
    let after = p.cursor.as_deref().map(str::parse::<Cursor>).transpose()?;
    let csv = wants_csv(p.format.as_deref(), &headers)?;
    let (rows, next) = read(&app, move |s| s.events_page(&filter, after.as_ref(), size)).await?;
    let next = next.map(|c| c.to_string());
    if csv {
        let mut w = TextWriter::csv(Vec::new());
        for r in &rows {
            w.write(r)?;
        }
        let body = w.finish()?;
        let mut resp = ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], body).into_response();
        if let Some(n) = next.as_deref().and_then(|n| HeaderValue::from_str(n).ok()) {
            resp.headers_mut().insert("x-next-cursor", n);
        }
        return Ok(resp);
    }
    // Serialized straight from the rows: going through serde_json::Value first costs more
    // than the query.
    #[derive(serde::Serialize)]
    struct Page<'a> {
        events: &'a [dyad_store::EventRow],
        next: Option<String>,
    }
    Ok(json_response(&Page {
        events: &rows,
        next,
    }))
}

pub async fn event(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad(format!("event id {id:?} is not a number")))?;
    let found = read(&app, move |s| {
        let Some(e) = s.event(id)? else {
            return Ok(None);
        };
        let mentions = s.mentions(id)?;
        Ok(Some((e, mentions)))
    })
    .await?;
    match found {
        Some((event, mentions)) => {
            #[derive(serde::Serialize)]
            struct One {
                event: dyad_store::EventRow,
                mentions: Vec<dyad_store::MentionRow>,
            }
            Ok(json_response(&One { event, mentions }))
        }
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no event {id}"),
        )),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesParams {
    by: Option<String>,
    from: Option<String>,
    to: Option<String>,
    cameo: Option<String>,
    root: Option<String>,
}

/// `*` stands for any actor, so `/v1/dyads/RUS/*/series` is everything Russia did.
fn dyad_side(s: &str) -> Option<String> {
    (s != "*").then(|| s.to_string())
}

pub async fn series(
    State(app): State<Arc<App>>,
    Path((source, target)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p: SeriesParams = params(q)?;
    let by = match p.by.as_deref().unwrap_or("month") {
        "day" => Period::Day,
        "week" => Period::Week,
        "month" => Period::Month,
        "year" => Period::Year,
        other => {
            return Err(ApiError::bad(format!(
                "by {other:?}: expected day, week, month or year"
            )))
        }
    };
    let filter = Filter {
        source: dyad_side(&source),
        target: dyad_side(&target),
        cameo: p.cameo.clone(),
        root: p.root.clone(),
        from: day("from", p.from.as_deref())?,
        to: day("to", p.to.as_deref())?,
        ..Filter::default()
    };
    let rows = read(&app, move |s| s.stats(&filter, by)).await?;
    #[derive(serde::Serialize)]
    struct Series<'a> {
        source: &'a str,
        target: &'a str,
        by: &'a str,
        series: Vec<dyad_store::StatsRow>,
    }
    Ok(json_response(&Series {
        source: &source,
        target: &target,
        by: p.by.as_deref().unwrap_or("month"),
        series: rows,
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorParams {
    q: Option<String>,
    limit: Option<String>,
}

pub async fn actors(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let p: ActorParams = params(q)?;
    let size = page_size(&app, p.limit.as_deref())?;
    let q = p.q.unwrap_or_default();
    if q.len() > 200 {
        return Err(ApiError::bad("q is longer than 200 bytes"));
    }
    let found = read(&app, move |s| s.search_actors(&q, size)).await?;
    #[derive(serde::Serialize)]
    struct Actors {
        actors: Vec<dyad_store::ActorMatch>,
    }
    Ok(json_response(&Actors { actors: found }))
}

pub async fn document(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let key = id.clone();
    match read(&app, move |s| s.document(&key)).await? {
        Some(d) => Ok(json_response(&d)),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no document {id:?}"),
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// ingest

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PostParams {
    /// Publication date for documents that carry none.
    date: Option<String>,
}

/// Compares in time independent of where the strings first differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn authorize(app: &App, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &app.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start dyad serve with --token or DYAD_TOKEN to allow them",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(g) if same_secret(g.as_bytes(), token.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(StatusCode::UNAUTHORIZED, "wrong token")),
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "writes need an Authorization: Bearer TOKEN header",
        )),
    }
}

/// The body as JSONL lines: a JSON array of documents, one JSON document, or JSONL as it is.
fn body_to_jsonl(body: &[u8], content_type: Option<&str>) -> Result<String, ApiError> {
    let text = std::str::from_utf8(body)
        .map_err(|e| ApiError::bad(format!("the body is not UTF-8: {e}")))?;
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(ApiError::bad("the body holds no documents"));
    }
    let is_json = content_type.is_some_and(|c| c.starts_with("application/json"));
    if trimmed.starts_with('[') || is_json {
        let value: serde_json::Value = serde_json::from_str(trimmed)
            .map_err(|e| ApiError::bad(format!("bad JSON body: {e}")))?;
        let docs = match value {
            serde_json::Value::Array(a) => a,
            v @ serde_json::Value::Object(_) => vec![v],
            _ => {
                return Err(ApiError::bad(
                    "a JSON body is a document object or an array of them",
                ))
            }
        };
        let mut lines = String::new();
        for (i, d) in docs.iter().enumerate() {
            if !d.is_object() {
                return Err(ApiError::bad(format!(
                    "document {i} of the array is not an object"
                )));
            }
            lines.push_str(&d.to_string());
            lines.push('\n');
        }
        Ok(lines)
    } else {
        Ok(trimmed.to_string())
    }
}

pub async fn post_documents(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    authorize(&app, &headers)?;
    let body = body.map_err(|r| {
        let status = r.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                status,
                format!(
                    "the body is larger than the limit of {} bytes; send fewer documents per request",
                    app.limits.max_body
                ),
            )
        } else {
            ApiError::new(status, r.body_text())
        }
    })?;
    let p: PostParams = params(q)?;
    let default_date = day("date", p.date.as_deref())?;
    let Some(ingest) = app.ingest.clone() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server was started without a coder; writes are disabled",
        ));
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let lines = body_to_jsonl(&body, content_type)?;
    let stream = dyad_ingest::DocumentStream::from_jsonl_reader(
        std::io::Cursor::new(lines.into_bytes()),
        REQUEST_STEM,
        default_date,
    );
    let mut docs = Vec::new();
    let mut bad = Vec::new();
    for item in stream {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => bad.push(format!("document {}: {}", e.line, e.message)),
        }
    }
    if !bad.is_empty() {
        // All or nothing: a client fixing one record should not have to work out which stored.
        return Err(ApiError::bad(format!(
            "nothing was stored: {}",
            bad.join("; ")
        )));
    }
    let app2 = app.clone();
    let report = tokio::task::spawn_blocking(move || -> Result<IngestReport, ApiError> {
        let mut writer = app2
            .writer
            .lock()
            .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "writer poisoned"))?;
        let store = match writer.as_mut() {
            Some(s) => s,
            None => writer.insert(Store::open_existing(&app2.db)?),
        };
        ingest(store, docs, REQUEST_STEM)
            .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))
    })
    .await
    .map_err(internal)??;
    Ok(json_response(&report))
}
