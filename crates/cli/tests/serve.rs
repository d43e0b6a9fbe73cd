//! `dyad serve` end to end: the built binary on an ephemeral loopback port over a database built
//! from the bundled samples by the README's command. API tests speak HTTP/1.1 over a plain
//! TcpStream; the dashboard test drives headless Chromium through chromedriver (WebDriver).

use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Builds a database from the samples with the README's command, once per test binary.
fn sample_db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let db = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("serve-samples-{}.db", std::process::id()));
        build_db(&db);
        db
    })
}

fn build_db(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let r = repo();
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("ingest")
        .arg(r.join("samples/news.jsonl"))
        .arg(r.join("samples/article.txt"))
        .arg(r.join("samples/article.html"))
        .arg("--db")
        .arg(db)
        .args(["--date", "2016-05-17"])
        .output()
        .expect("dyad ingest runs");
    assert!(
        out.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A running `dyad serve`, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(db: &Path, extra: &[&str], env_token: Option<&str>) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
        cmd.arg("serve")
            .arg("--db")
            .arg(db)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .env_remove("DYAD_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if let Some(t) = env_token {
            cmd.env("DYAD_TOKEN", t);
        }
        let mut child = cmd.spawn().expect("dyad serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|s| s.trim().strip_suffix('/'))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}), status {}: {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One HTTP/1.1 exchange with `Connection: close`.
fn http(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    // The server may answer (413) before reading the whole body; the answer still comes.
    let _ = s.write_all(req.as_bytes()).and_then(|_| s.write_all(body));
    // Read the head, then exactly the body: chromedriver keeps connections open whatever the
    // request says, so reading to the end would wait for its timeout.
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let split = loop {
        if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        match s.read(&mut buf) {
            Ok(0) | Err(_) => panic!("no HTTP header in {:?}", String::from_utf8_lossy(&raw)),
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let length = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok());
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    loop {
        let done = match length {
            Some(n) => body.len() >= n,
            None if chunked => body.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => body.extend_from_slice(&buf[..n]),
        }
    }
    if chunked {
        body = dechunk(&body);
    }
    Resp {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&b[..eol])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
}

fn get(addr: &str, path: &str) -> Resp {
    http(addr, "GET", path, &[], b"")
}

/// A 4xx answer whose body is a JSON object with a non-empty `error`.
fn assert_json_error(r: &Resp, status: u16) -> String {
    assert_eq!(r.status, status, "body: {}", r.text());
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/json")),
        "error not sent as JSON: {:?}",
        r.headers
    );
    let msg = r.json()["error"].as_str().unwrap_or("").to_string();
    assert!(!msg.is_empty(), "no error message: {}", r.text());
    msg
}

fn all_events(addr: &str, query: &str) -> Vec<Value> {
    let r = get(addr, &format!("/v1/events?{query}&limit=1000"));
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert!(v["next"].is_null(), "the samples fit one page of 1000");
    v["events"].as_array().unwrap().clone()
}

#[test]
fn events_page_through_with_a_cursor_and_agree_with_dyad_query() {
    let db = sample_db();
    let s = Server::start(db, &[], None);
    let all = all_events(&s.addr, "format=json");
    assert!(all.len() > 10, "the samples hold more than 10 events");
    // The same rows as the CLI's query, in the same order.
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["query", "--format", "jsonl", "--db"])
        .arg(db)
        .output()
        .unwrap();
    let cli: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(all, cli);
    // Pages of 7 joined give the whole list, each event once.
    let mut paged = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/v1/events?limit=7&cursor={c}"),
            None => "/v1/events?limit=7".to_string(),
        };
        let v = get(&s.addr, &path).json();
        let page = v["events"].as_array().unwrap();
        assert!(page.len() <= 7);
        paged.extend(page.iter().cloned());
        pages += 1;
        match v["next"].as_str() {
            Some(n) => cursor = Some(n.to_string()),
            None => break,
        }
        assert!(pages < 1000, "paging does not end");
    }
    assert_eq!(paged, all);
    assert_eq!(pages, all.len().div_ceil(7).max(1));
    // Filters are those of `dyad query`.
    let first = &all[0];
    let date = first["date"].as_str().unwrap();
    let on_day = all_events(&s.addr, &format!("from={date}&to={date}"));
    let expect: Vec<&Value> = all.iter().filter(|e| e["date"] == date).collect();
    assert_eq!(on_day.iter().collect::<Vec<_>>(), expect);
}

#[test]
fn events_as_csv_on_request() {
    let s = Server::start(sample_db(), &[], None);
    let all = all_events(&s.addr, "format=json");
    for r in [
        get(&s.addr, "/v1/events?format=csv&limit=1000"),
        http(
            &s.addr,
            "GET",
            "/v1/events?limit=1000",
            &[("Accept", "text/csv")],
            b"",
        ),
    ] {
        assert_eq!(r.status, 200);
        assert!(r.header("content-type").unwrap().starts_with("text/csv"));
        let text = r.text();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().starts_with("event_id,date,"));
        let ids: Vec<i64> = lines
            .map(|l| l.split(',').next().unwrap().parse().unwrap())
            .collect();
        let want: Vec<i64> = all
            .iter()
            .map(|e| e["event_id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, want);
    }
    let r = get(&s.addr, "/v1/events?format=csv&limit=2");
    assert!(
        r.header("x-next-cursor").is_some(),
        "CSV pages carry the cursor"
    );
}

/// The (source, target) pair with the most events, and those events.
fn busiest_dyad(all: &[Value]) -> (String, String) {
    let mut n: BTreeMap<(String, String), usize> = BTreeMap::new();
    for e in all {
        if let (Some(s), Some(t)) = (e["source_code"].as_str(), e["target_code"].as_str()) {
            *n.entry((s.to_string(), t.to_string())).or_default() += 1;
        }
    }
    n.into_iter()
        .max_by_key(|(k, c)| (*c, std::cmp::Reverse(k.clone())))
        .unwrap()
        .0
}

#[test]
fn series_counts_match_the_events() {
    let s = Server::start(sample_db(), &[], None);
    let all = all_events(&s.addr, "format=json");
    let (src, tgt) = busiest_dyad(&all);
    let events = all_events(&s.addr, &format!("source={src}&target={tgt}"));
    for by in ["day", "week", "month"] {
        let v = get(&s.addr, &format!("/v1/dyads/{src}/{tgt}/series?by={by}")).json();
        let series = v["series"].as_array().unwrap();
        let total: i64 = series.iter().map(|p| p["events"].as_i64().unwrap()).sum();
        let dated = events.iter().filter(|e| !e["date"].is_null()).count() as i64;
        assert_eq!(total, dated, "by {by}");
        for p in series {
            let quads: i64 = (1..=4)
                .map(|q| p[format!("quad{q}")].as_i64().unwrap())
                .sum();
            assert!(quads <= p["events"].as_i64().unwrap());
        }
    }
    // By day, each period's mean Goldstein is that of the day's events.
    let v = get(&s.addr, &format!("/v1/dyads/{src}/{tgt}/series?by=day")).json();
    for p in v["series"].as_array().unwrap() {
        let g: Vec<f64> = events
            .iter()
            .filter(|e| e["date"] == p["period"])
            .filter_map(|e| e["goldstein"].as_f64())
            .collect();
        let mean = g.iter().sum::<f64>() / g.len() as f64;
        assert!((p["goldstein_mean"].as_f64().unwrap() - mean).abs() < 1e-9);
    }
    // * is any actor.
    let v = get(&s.addr, &format!("/v1/dyads/{src}/*/series?by=year")).json();
    let total: i64 = v["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["events"].as_i64().unwrap())
        .sum();
    let from_src = all_events(&s.addr, &format!("source={src}"))
        .iter()
        .filter(|e| !e["date"].is_null())
        .count();
    assert_eq!(total as usize, from_src);
    let r = get(
        &s.addr,
        &format!("/v1/dyads/{src}/{tgt}/series?by=fortnight"),
    );
    assert_json_error(&r, 400);
}

#[test]
fn actors_and_documents() {
    let s = Server::start(sample_db(), &[], None);
    let all = all_events(&s.addr, "format=json");
    let (src, _) = busiest_dyad(&all);
    let v = get(&s.addr, &format!("/v1/actors?q={}", &src[..3])).json();
    let actors = v["actors"].as_array().unwrap();
    let hit = actors
        .iter()
        .find(|a| a["code"] == src.as_str())
        .expect("the code is found by its prefix");
    let as_source = all
        .iter()
        .filter(|e| e["source_code"] == src.as_str())
        .count();
    assert_eq!(hit["as_source"].as_u64().unwrap() as usize, as_source);
    // By a name it was written as, in another case.
    let name = hit["names"][0].as_str().unwrap().to_lowercase();
    let v = get(&s.addr, &format!("/v1/actors?q={}", name.replace(' ', "+"))).json();
    assert!(v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["code"] == src.as_str()));
    // A document: its text, and every mention's spans inside it.
    let v = get(&s.addr, "/v1/documents/ukraine-2022-03-01").json();
    assert_eq!(v["id"], "ukraine-2022-03-01");
    let text = v["text"].as_str().unwrap();
    let mentions = v["mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        let (a, b) = (
            m["sentence_start"].as_u64().unwrap() as usize,
            m["sentence_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], m["sentence"].as_str().unwrap());
        let (e0, e1) = (
            m["evidence_start"].as_u64().unwrap() as usize,
            m["evidence_end"].as_u64().unwrap() as usize,
        );
        assert!(text[e0..e1].contains(m["verb"].as_str().unwrap()) || a <= e0 && e1 <= b);
    }
    let r = get(&s.addr, "/v1/documents/no-such-document");
    assert_json_error(&r, 404);
    // One event with its reports.
    let id = all[0]["event_id"].as_i64().unwrap();
    let v = get(&s.addr, &format!("/v1/events/{id}")).json();
    assert_eq!(v["event"], all[0]);
    assert_eq!(
        v["mentions"].as_array().unwrap().len() as i64,
        all[0]["num_mentions"].as_i64().unwrap()
    );
}

#[test]
fn malformed_requests_get_a_json_4xx() {
    let s = Server::start(sample_db(), &[], None);
    for path in [
        "/v1/events?from=notadate",
        "/v1/events?to=2016-13-45",
        "/v1/events?colour=red",
        "/v1/events?limit=0",
        "/v1/events?limit=abc",
        "/v1/events?limit=1000000",
        "/v1/events?quad=9",
        "/v1/events?root=99",
        "/v1/events?source=R%20S",
        "/v1/events?goldstein_min=30",
        "/v1/events?from=2016-06-01&to=2016-05-01",
        "/v1/events?text=%22unclosed",
        "/v1/events?cursor=garbage",
        "/v1/events?format=xml",
        "/v1/events/abc",
        "/v1/dyads/RUS/TUR/series?by=day&x=1",
        "/v1/actors?q=a&limit=-1",
    ] {
        let r = get(&s.addr, path);
        let msg = assert_json_error(&r, 400);
        assert!(
            !msg.contains("--"),
            "{path}: message names a CLI flag: {msg}"
        );
    }
    let msg = assert_json_error(&get(&s.addr, "/v1/events?from=notadate"), 400);
    assert!(msg.contains("notadate"), "{msg}");
    assert_json_error(&get(&s.addr, "/v1/nothing"), 404);
    assert_json_error(&get(&s.addr, "/v1/events/999999999"), 404);
    assert_json_error(&http(&s.addr, "DELETE", "/v1/events", &[], b""), 405);
}

#[test]
fn writes_are_refused_without_a_token() {
    let s = Server::start(sample_db(), &[], None);
    let doc = br#"{"id":"x","text":"Russia accused Turkey of supplying the militants."}"#;
    let r = http(
        &s.addr,
        "POST",
        "/v1/documents",
        &[
            ("Content-Type", "application/json"),
            ("Authorization", "Bearer anything"),
        ],
        doc,
    );
    assert!(assert_json_error(&r, 403).contains("token"));
    let r = get(&s.addr, "/v1/documents/x");
    assert_eq!(r.status, 404, "nothing was stored");
}

#[test]
fn post_documents_codes_and_stores_them() {
    let db = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("serve-post-{}.db", std::process::id()));
    build_db(&db);
    // The token from the environment, as DYAD_TOKEN gives it.
    let s = Server::start(&db, &["--max-body", "4096"], Some("s3cret"));
    let before = all_events(&s.addr, "format=json").len();
    let jsonl = "{\"id\":\"post-1\",\"date\":\"2016-05-20\",\"text\":\"Russia accused Turkey of supplying the militants.\"}\n\
                 {\"id\":\"post-2\",\"date\":\"2016-05-21\",\"text\":\"Turkey threatened Russia with sanctions.\"}\n";
    let post = |headers: &[(&str, &str)], body: &[u8]| {
        http(&s.addr, "POST", "/v1/documents", headers, body)
    };
    // No token, a wrong token: 401, nothing stored.
    assert_json_error(&post(&[], jsonl.as_bytes()), 401);
    let r = post(&[("Authorization", "Bearer wrong")], jsonl.as_bytes());
    assert_json_error(&r, 401);
    assert!(r.header("www-authenticate").is_some());
    assert_eq!(all_events(&s.addr, "format=json").len(), before);
    let auth = ("Authorization", "Bearer s3cret");
    // Malformed bodies.
    let r = post(&[auth, ("Content-Type", "application/json")], b"{\"id\": ");
    assert!(assert_json_error(&r, 400).contains("JSON"));
    let r = post(&[auth, ("Content-Type", "application/json")], b"[1, 2]");
    assert_json_error(&r, 400);
    let r = post(
        &[auth],
        b"{\"id\":\"ok\",\"text\":\"fine\"}\nnot json at all\n",
    );
    assert_json_error(&r, 400);
    assert_eq!(
        get(&s.addr, "/v1/documents/ok").status,
        404,
        "all or nothing"
    );
    let big = format!(
        "{{\"id\":\"big\",\"text\":\"{}\"}}",
        "Russia accused Turkey. ".repeat(500)
    );
    assert_json_error(&post(&[auth], big.as_bytes()), 413);
    let r = post(&[auth], b"");
    assert_json_error(&r, 400);
    // JSONL, coded and stored at once.
    let r = post(
        &[auth, ("Content-Type", "application/x-ndjson")],
        jsonl.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let report = r.json();
    assert_eq!(report["documents"], 2);
    assert_eq!(report["added"], 2);
    assert!(report["events"].as_u64().unwrap() >= 2, "{report}");
    let after = all_events(&s.addr, "format=json");
    assert_eq!(
        after.len() - before,
        report["new_events"].as_u64().unwrap() as usize
    );
    let v = get(&s.addr, "/v1/documents/post-1").json();
    let m = &v["mentions"][0];
    assert_eq!(m["source_code"], "RUS");
    assert_eq!(m["target_code"], "TUR");
    let found = all_events(
        &s.addr,
        "source=RUS&target=TUR&from=2016-05-20&to=2016-05-20",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["root"], "11");
    // A JSON array; the same documents again change nothing.
    let arr = json!([
        {"id": "post-1", "date": "2016-05-20", "text": "Russia accused Turkey of supplying the militants."},
        {"id": "post-3", "text": "Egypt praised Qatar for its mediation."}
    ]);
    let r = http(
        &s.addr,
        "POST",
        "/v1/documents?date=2016-05-22",
        &[auth, ("Content-Type", "application/json")],
        arr.to_string().as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let report = r.json();
    assert_eq!(
        (report["unchanged"].as_u64(), report["added"].as_u64()),
        (Some(1), Some(1))
    );
    let v = get(&s.addr, "/v1/documents/post-3").json();
    assert_eq!(
        v["date"], "2016-05-22",
        "the date parameter fills in a missing date"
    );
}

#[test]
fn openapi_is_served() {
    let s = Server::start(sample_db(), &[], None);
    let v = get(&s.addr, "/v1/openapi.json").json();
    assert!(v["paths"]["/v1/events"]["get"].is_object());
    let r = get(&s.addr, "/");
    assert_eq!(r.status, 200);
    assert!(r.text().contains("<svg id=\"timeline\""));
}

// ---------------------------------------------------------------------------------------------
// the dashboard in headless Chromium

struct Driver {
    child: Child,
    base: String,
    session: String,
}

impl Driver {
    fn start() -> Option<Driver> {
        let (chromium, chromedriver) = (
            Path::new("/usr/bin/chromium"),
            Path::new("/usr/bin/chromedriver"),
        );
        if !chromium.exists() || !chromedriver.exists() {
            let msg = "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)";
            if std::env::var("DYAD_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
                panic!("{msg}; DYAD_REQUIRE_BROWSER=1 makes this a failure");
            }
            eprintln!("\n*** SKIPPED the dashboard test: {msg} ***\n");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("127.0.0.1:{port}");
        let mut d = Driver {
            child,
            base,
            session: String::new(),
        };
        let t = Instant::now();
        while TcpStream::connect(&d.base).is_err() {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1400,1100"]
            }
        }}});
        let v = d.call("POST", "/session", Some(caps));
        d.session = v["sessionId"].as_str().expect("a session").to_string();
        Some(d)
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let r = http(
            &self.base,
            method,
            path,
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        );
        let v = r.json();
        assert_eq!(r.status, 200, "WebDriver {method} {path}: {v}");
        v["value"].clone()
    }

    fn s(&self, path: &str) -> String {
        format!("/session/{}{path}", self.session)
    }

    fn script(&self, js: &str) -> Value {
        self.call(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({"script": js, "args": []})),
        )
    }

    fn wait_for(&self, js: &str, what: &str) -> Value {
        let t = Instant::now();
        loop {
            let v = self.script(js);
            if !v.is_null() && v != false {
                return v;
            }
            assert!(
                t.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&self, css: &str) {
        let e = self.call(
            "POST",
            &self.s("/element"),
            Some(json!({"using": "css selector", "value": css})),
        );
        let id = e
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect("element id")
            .to_string();
        self.call(
            "POST",
            &self.s(&format!("/element/{id}/click")),
            Some(json!({})),
        );
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(&self.base, "DELETE", &self.s(""), &[], b"");
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let bytes: Vec<u8> = s
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= u32::from(val(c)) << (18 - 6 * i);
        }
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn dashboard_in_headless_chromium() {
    let Some(d) = Driver::start() else { return };
    let s = Server::start(sample_db(), &[], None);
    let all = all_events(&s.addr, "format=json");
    let (src, tgt) = busiest_dyad(&all);
    d.call(
        "POST",
        &d.s("/url"),
        Some(json!({"url": format!("http://{}/", s.addr)})),
    );
    d.wait_for(
        "return document.body.dataset.loaded || null",
        "the first chart",
    );
    // Pick the dyad as a user does, month by month.
    d.click(&format!("#source option[value=\"{src}\"]"));
    d.click(&format!("#target option[value=\"{tgt}\"]"));
    d.wait_for(
        &format!("return document.body.dataset.loaded === '{src}/{tgt}/month'"),
        "the chosen dyad",
    );
    // The chart's bars are the API's series.
    let series = get(&s.addr, &format!("/v1/dyads/{src}/{tgt}/series?by=month")).json();
    let mut want = BTreeSet::new();
    for p in series["series"].as_array().unwrap() {
        for q in 1..=4 {
            let n = p[format!("quad{q}")].as_i64().unwrap();
            if n > 0 {
                want.insert((p["period"].as_str().unwrap().to_string(), q, n));
            }
        }
    }
    assert!(!want.is_empty());
    let bars = d.script(
        "return [...document.querySelectorAll('#timeline rect.bar')]\
         .map(r => [r.dataset.period, +r.dataset.quad, +r.dataset.count])",
    );
    let got: BTreeSet<(String, i64, i64)> = bars
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b[0].as_str().unwrap().to_string(),
                b[1].as_i64().unwrap(),
                b[2].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want);
    let dots =
        d.script("return document.querySelectorAll('#timeline circle.goldstein-dot').length");
    let with_mean = series["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["goldstein_mean"].is_null())
        .count();
    assert_eq!(dots.as_u64().unwrap() as usize, with_mean);
    // The table lists the API's events for the dyad, in order.
    let events = all_events(&s.addr, &format!("source={src}&target={tgt}"));
    let rows = d.script(
        "return [...document.querySelectorAll('#events tbody tr')].map(tr => +tr.dataset.eventId)",
    );
    let want_ids: Vec<i64> = events
        .iter()
        .map(|e| e["event_id"].as_i64().unwrap())
        .collect();
    let got_ids: Vec<i64> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(got_ids, want_ids);
    // The map shades the countries where the dyad's events are located.
    let mut countries: BTreeSet<String> = events
        .iter()
        .filter_map(|e| e["location_country"].as_str().map(str::to_string))
        .collect();
    let world: Value = get(&s.addr, "/world.json").json();
    countries.retain(|c| world["paths"].get(c).is_some());
    let shaded =
        d.script("return [...document.querySelectorAll('#map path.hit')].map(p => p.dataset.iso)");
    let shaded: BTreeSet<String> = shaded
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(shaded, countries);
    // Click the first row: its sentence, with the source actor highlighted.
    d.click("#events tbody tr:first-child");
    let mark = d.wait_for(
        "const m = document.querySelector('#evidence .sentence mark.source'); return m && m.textContent",
        "the evidence view",
    );
    let ev = get(&s.addr, &format!("/v1/events/{}", want_ids[0])).json();
    let m = &ev["mentions"][0];
    let sentence = m["sentence"].as_str().unwrap();
    let off = m["sentence_start"].as_u64().unwrap() as usize;
    let (a, b) = (
        m["source_start"].as_u64().unwrap() as usize - off,
        m["source_end"].as_u64().unwrap() as usize - off,
    );
    assert_eq!(mark.as_str().unwrap(), &sentence[a..b]);
    let shown = d.script("return document.querySelector('#evidence .sentence').textContent");
    assert_eq!(shown.as_str().unwrap(), sentence);
    // A screenshot for people to look at.
    let png = base64_decode(d.call("GET", &d.s("/screenshot"), None).as_str().unwrap());
    assert!(png.starts_with(b"\x89PNG"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../test-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("dashboard.png"), png).unwrap();
}
