//! End-to-end tests of `dyad ingest`, `query`, `stats` and `export` with the built binary:
//! agreement with `dyad code`, dedup across outlets, bad input, and a kill -9 in mid-ingest.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("dyad runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyad-store-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn samples() -> String {
    format!("{}/../../samples/news.jsonl", env!("CARGO_MANIFEST_DIR"))
}

fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn opt(v: &Value) -> String {
    v.as_str().unwrap_or("").to_string()
}

#[test]
fn stored_events_agree_with_dyad_code() {
    let d = dir("samples");
    let db = d.join("events.db");
    let first = dyad(&["ingest", &samples(), "--db", s(&db)]);
    ok(&first);
    assert!(
        stderr(&first).contains("6 documents read (6 added, 0 replaced, 0 unchanged)"),
        "{}",
        stderr(&first)
    );
    let again = dyad(&["ingest", &samples(), "--db", s(&db)]);
    ok(&again);
    assert!(
        stderr(&again).contains("(0 added, 0 replaced, 6 unchanged)"),
        "{}",
        stderr(&again)
    );

    // What `dyad code` says, grouped by the dedup key, is what the store holds.
    let coded = jsonl(&ok(&dyad(&["code", &samples(), "--format", "jsonl"])));
    assert!(coded.len() > 20);
    // The dedup key: date, source, target, CAMEO code and place.
    type Key = (String, String, String, String, String);
    let mut want: BTreeMap<Key, i64> = BTreeMap::new();
    for e in &coded {
        let key = (
            opt(&e["date"]),
            opt(&e["source"]["code"]),
            opt(&e["target"]["code"]),
            opt(&e["cameo"]),
            opt(&e["location"]["name"]),
        );
        *want.entry(key).or_default() += 1;
    }
    let stored = jsonl(&ok(&dyad(&["query", "--db", s(&db), "--format", "jsonl"])));
    let got: BTreeMap<Key, i64> = stored
        .iter()
        .map(|e| {
            (
                (
                    opt(&e["date"]),
                    opt(&e["source_code"]),
                    opt(&e["target_code"]),
                    opt(&e["cameo"]),
                    opt(&e["location_name"]),
                ),
                e["num_mentions"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(got.len(), stored.len(), "one row per key");
    assert!(
        got.keys().any(|k| !k.4.is_empty()),
        "the context layer's places reach the store"
    );

    // A filtered query returns exactly the matching keys, in date order.
    let rus = jsonl(&ok(&dyad(&[
        "query",
        "--db",
        s(&db),
        "--source",
        "rus",
        "--format",
        "jsonl",
    ])));
    let n_rus = want.keys().filter(|k| k.1.starts_with("RUS")).count();
    assert_eq!(rus.len(), n_rus);
    assert!(n_rus >= 3);
    let dates: Vec<String> = rus.iter().map(|e| opt(&e["date"])).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);

    // --mentions: the evidence of every report, with spans into the sentence's document.
    let texts: BTreeMap<String, String> = std::fs::read_to_string(samples())
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (opt(&v["id"]), opt(&v["text"]))
        })
        .collect();
    let with = jsonl(&ok(&dyad(&[
        "query",
        "--db",
        s(&db),
        "--root",
        "19",
        "--mentions",
        "--format",
        "jsonl",
    ])));
    assert!(!with.is_empty());
    for e in &with {
        assert_eq!(e["root"], "19");
        let ms = e["mentions"].as_array().unwrap();
        assert_eq!(ms.len() as i64, e["num_mentions"].as_i64().unwrap());
        for m in ms {
            let text = &texts[&opt(&m["doc_id"])];
            let (a, b) = (
                m["sentence_start"].as_u64().unwrap() as usize,
                m["sentence_end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], m["sentence"].as_str().unwrap());
            let (a, b) = (
                m["evidence_start"].as_u64().unwrap() as usize,
                m["evidence_end"].as_u64().unwrap() as usize,
            );
            assert!(text[a..b].contains(m["verb"].as_str().unwrap()));
        }
    }

    // Full-text search over the evidence sentences.
    let kharkiv = jsonl(&ok(&dyad(&[
        "query",
        "--db",
        s(&db),
        "--text",
        "Kharkiv",
        "--mentions",
        "--format",
        "jsonl",
    ])));
    assert!(!kharkiv.is_empty());
    for e in &kharkiv {
        assert!(e["date"].as_str().unwrap().starts_with("2022"));
        assert!(e["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["sentence"].as_str().unwrap().contains("Kharkiv")));
    }

    // A filter that selects nothing says so on stderr instead of printing nothing at all.
    for cmd in ["query", "stats"] {
        let none = dyad(&[cmd, "--db", s(&db), "--source", "ZZZ", "--format", "jsonl"]);
        assert!(ok(&none).is_empty());
        assert!(
            stderr(&none).contains("no stored event matches"),
            "{cmd}: {}",
            stderr(&none)
        );
    }

    // Stats per year add up to the coded events.
    let stats = ok(&dyad(&[
        "stats",
        "--db",
        s(&db),
        "--by",
        "year",
        "--format",
        "csv",
    ]));
    let mut lines = stats.lines();
    assert_eq!(
        lines.next().unwrap(),
        "period,events,mentions,goldstein_mean,goldstein_weighted,quad1,quad2,quad3,quad4"
    );
    let mentions: i64 = lines
        .map(|l| l.split(',').nth(2).unwrap().parse::<i64>().unwrap())
        .sum();
    assert_eq!(mentions as usize, coded.len());

    // Exports: every format, every event.
    for (format, file) in [
        ("csv", "out.csv"),
        ("jsonl", "out.jsonl"),
        ("gdelt", "out.tsv"),
        ("parquet", "out.parquet"),
    ] {
        let path = d.join(file);
        let out = dyad(&["export", "--db", s(&db), "--format", format, "-o", s(&path)]);
        ok(&out);
        assert!(
            stderr(&out).contains(&format!("{} events written", stored.len())),
            "{}",
            stderr(&out)
        );
        let bytes = std::fs::read(&path).unwrap();
        match format {
            "csv" => assert_eq!(
                csv_rows(&bytes),
                stored.len() + 1,
                "header and one row per event"
            ),
            "jsonl" => assert_eq!(jsonl(std::str::from_utf8(&bytes).unwrap()), stored),
            "gdelt" => {
                let text = String::from_utf8(bytes).unwrap();
                assert_eq!(text.lines().count(), stored.len());
                assert!(text.lines().all(|l| l.split('\t').count() == 61));
            }
            _ => {
                assert_eq!(&bytes[..4], b"PAR1");
                assert_eq!(&bytes[bytes.len() - 4..], b"PAR1");
            }
        }
    }
    // No temporary files are left beside the exports.
    let leftovers: Vec<_> = std::fs::read_dir(&d)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Text formats go to standard output without -o.
    let out = ok(&dyad(&["export", "--db", s(&db), "--format", "jsonl"]));
    assert_eq!(jsonl(&out), stored);
}

/// Rows of a CSV file, counting quoted line breaks as part of their field.
fn csv_rows(bytes: &[u8]) -> usize {
    let mut rows = 0;
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => rows += 1,
            _ => {}
        }
    }
    rows
}

const ACCUSE: &str = "Russia accused Turkey of supplying the militants.";

#[test]
fn three_outlets_reporting_one_event_make_one_event() {
    let d = dir("outlets");
    let input = d.join("reports.jsonl");
    let line = |id: &str, source: &str, extra: &str| {
        serde_json::json!({
            "id": id, "date": "2016-05-17", "source": source,
            "url": format!("https://example.org/{id}"),
            "text": format!("{extra}{ACCUSE}")
        })
        .to_string()
    };
    let content = [
        line("reuters-1", "Reuters", ""),
        line("ap-1", "AP", "In a brief statement, "),
        line("reuters-2", "Reuters", "In a statement on Tuesday, "),
        // A dateline places the event: the same accusation made in Moscow is another event.
        line("tass-1", "TASS", "MOSCOW (TASS) - "),
    ]
    .join("\n");
    std::fs::write(&input, content + "\n").unwrap();
    let db = d.join("events.db");
    ok(&dyad(&["ingest", s(&input), "--db", s(&db)]));
    let rows = jsonl(&ok(&dyad(&[
        "query",
        "--db",
        s(&db),
        "--source",
        "RUS",
        "--target",
        "TUR",
        "--root",
        "11",
        "--from",
        "2016-05-01",
        "--to",
        "2016-05-31",
        "--format",
        "jsonl",
    ])));
    assert_eq!(rows.len(), 2, "{rows:?}");
    let placed: Vec<&Value> = rows
        .iter()
        .filter(|e| !e["location_name"].is_null())
        .collect();
    assert_eq!(placed.len(), 1, "{rows:?}");
    assert_eq!(placed[0]["location_country"], "RUS");
    assert_eq!(placed[0]["num_mentions"], 1);
    let in_russia = jsonl(&ok(&dyad(&[
        "query",
        "--db",
        s(&db),
        "--location-country",
        "RUS",
        "--format",
        "jsonl",
    ])));
    assert_eq!(in_russia, vec![placed[0].clone()]);
    let e = rows.iter().find(|e| e["location_name"].is_null()).unwrap();
    assert_eq!(e["cameo"], "112");
    assert_eq!(e["num_mentions"], 3);
    assert_eq!(e["num_articles"], 3);
    assert_eq!(e["num_sources"], 2);
    assert_eq!(e["url"], "https://example.org/reuters-1");

    let table = ok(&dyad(&[
        "query",
        "--db",
        s(&db),
        "--mentions",
        "--format",
        "table",
    ]));
    for id in ["reuters-1", "ap-1", "reuters-2", "tass-1"] {
        assert!(table.contains(id), "{table}");
    }
    assert_eq!(
        table.lines().filter(|l| l.contains(ACCUSE)).count(),
        4,
        "one evidence line per report: {table}"
    );

    // One of them is corrected: it no longer reports the accusation.
    let fixed = serde_json::json!({
        "id": "ap-1", "date": "2016-05-17", "source": "AP",
        "text": "Turkey rejected the charge."
    });
    std::fs::write(&input, format!("{fixed}\n")).unwrap();
    let out = dyad(&["ingest", s(&input), "--db", s(&db)]);
    ok(&out);
    assert!(stderr(&out).contains("1 replaced"), "{}", stderr(&out));
    let rows = jsonl(&ok(&dyad(&[
        "query",
        "--db",
        s(&db),
        "--cameo",
        "112",
        "--format",
        "jsonl",
    ])));
    assert_eq!(rows.len(), 2);
    assert!(rows[0]["location_name"].is_null());
    assert_eq!(
        (&rows[0]["num_mentions"], &rows[0]["num_sources"]),
        (&Value::from(2), &Value::from(1))
    );

    let stats = jsonl(&ok(&dyad(&[
        "stats",
        "--db",
        s(&db),
        "--by",
        "month",
        "--dyad",
        "RUS:TUR",
        "--format",
        "jsonl",
    ])));
    assert_eq!(stats.len(), 1);
    assert_eq!(stats[0]["period"], "2016-05");
    assert_eq!(stats[0]["events"], 2);
    assert_eq!(stats[0]["mentions"], 3);
    assert_eq!(stats[0]["quad3"], 2);
}

fn assert_fails(args: &[&str], needle: &str) {
    let out = dyad(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(needle), "{args:?}: {err:?} lacks {needle:?}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_input_gets_a_clear_message_and_exit_status_2() {
    let d = dir("bad");
    let db = d.join("events.db");
    ok(&dyad(&["ingest", &samples(), "--db", s(&db)]));
    let db_s = s(&db);
    assert_fails(&["query", "--db", db_s, "--from", "notadate"], "not a date");
    assert_fails(&["query", "--db", db_s, "--quad", "7"], "--quad");
    assert_fails(&["query", "--db", db_s, "--source", "RU$"], "--source");
    assert_fails(&["query", "--db", db_s, "--root", "2"], "--root");
    assert_fails(
        &[
            "query",
            "--db",
            db_s,
            "--from",
            "2016-06-01",
            "--to",
            "2016-05-01",
        ],
        "after",
    );
    assert_fails(&["query", "--db", db_s, "--text", "\"unclosed"], "--text");
    assert_fails(&["stats", "--db", db_s, "--dyad", "RUS"], "SOURCE:TARGET");
    assert_fails(&["export", "--db", db_s, "--format", "parquet"], "-o FILE");
    assert_fails(&["export", "--db", db_s, "--format", "xml"], "xml");

    let missing = d.join("missing.db");
    assert_fails(&["query", "--db", s(&missing)], "no such database");
    assert!(!missing.exists());

    let junk = d.join("junk.db");
    std::fs::write(&junk, "not sqlite at all\n".repeat(300)).unwrap();
    assert_fails(&["query", "--db", s(&junk)], "not a database");
    assert_fails(&["ingest", &samples(), "--db", s(&junk)], "not a database");
    assert_eq!(
        std::fs::read(&junk).unwrap(),
        "not sqlite at all\n".repeat(300).as_bytes()
    );

    // A store written by a newer dyad is left alone.
    let newer = d.join("newer.db");
    ok(&dyad(&["ingest", &samples(), "--db", s(&newer)]));
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999")
        .unwrap();
    let before = std::fs::read(&newer).unwrap();
    assert_fails(&["ingest", &samples(), "--db", s(&newer)], "newer dyad");
    assert_fails(&["query", "--db", s(&newer)], "newer dyad");
    assert_eq!(std::fs::read(&newer).unwrap(), before);

    // Another process holds the write lock: ingest waits, then says so, and writes nothing.
    let locked = d.join("locked.db");
    ok(&dyad(&["ingest", &samples(), "--db", s(&locked)]));
    let holder = rusqlite::Connection::open(&locked).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let other = d.join("other.jsonl");
    std::fs::write(
        &other,
        format!(
            "{}\n",
            serde_json::json!({"id": "new", "date": "2016-05-17", "text": ACCUSE})
        ),
    )
    .unwrap();
    assert_fails(
        &[
            "ingest",
            s(&other),
            "--db",
            s(&locked),
            "--busy-timeout",
            "0.3",
        ],
        "locked",
    );
    holder.execute_batch("ROLLBACK").unwrap();
    let n: i64 = holder
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 6);
}

const SOURCES: [&str; 3] = ["Reuters", "AP", "AFP"];

/// A news-like corpus of `n` documents recombined from the sample stories' paragraphs.
fn generate(path: &Path, n: usize) {
    let paragraphs: Vec<String> = std::fs::read_to_string(samples())
        .unwrap()
        .lines()
        .flat_map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            opt(&v["text"])
                .split("\n\n")
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut out = String::new();
    for i in 0..n {
        let text: Vec<&str> = (0..3)
            .map(|k| paragraphs[(i * 7 + k * 13) % paragraphs.len()].as_str())
            .collect();
        let doc = serde_json::json!({
            "id": format!("gen-{i}"),
            "date": format!("2016-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            "source": SOURCES[i % 3],
            "text": text.join("\n\n"),
        });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

fn documents(db: &Path) -> Option<i64> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .ok()?;
    conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .ok()
}

/// Starts `dyad ingest` and kills it (SIGKILL) once at least two batches are committed.
/// Returns the documents committed when it was killed, or None if it finished first.
fn ingest_and_kill(input: &Path, db: &Path) -> Option<i64> {
    let _ = std::fs::remove_file(db);
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "ingest",
            s(input),
            "--db",
            s(db),
            "--batch",
            "100",
            "--threads",
            "1",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut killed_at = None;
    while started.elapsed() < Duration::from_secs(300) {
        if let Some(n) = documents(db) {
            if n >= 200 {
                child.kill().unwrap(); // SIGKILL on Unix
                killed_at = Some(n);
                break;
            }
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait().unwrap();
    killed_at
}

#[test]
fn a_killed_ingest_loses_only_its_open_batch_and_resumes() {
    let d = dir("kill");
    let input = d.join("big.jsonl");
    let db = d.join("killed.db");
    // Large enough to take a few seconds in a debug build; grown if this machine is faster.
    let mut total = 4000;
    let killed_at = loop {
        generate(&input, total);
        if let Some(n) = ingest_and_kill(&input, &db) {
            break n;
        }
        assert!(
            total < 256_000,
            "ingest always finished before it could be killed"
        );
        total *= 4;
    };

    // The reference: one uninterrupted run over the same input.
    let clean = d.join("clean.db");
    ok(&dyad(&[
        "ingest",
        s(&input),
        "--db",
        s(&clean),
        "--batch",
        "100",
    ]));

    let store = dyad_store::Store::open_existing(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    let partial = store.counts().unwrap();
    assert!(partial.documents >= killed_at);
    assert!(
        partial.documents < total as i64,
        "killed after the end ({} documents)",
        partial.documents
    );
    assert_eq!(partial.documents % 100, 0, "whole batches only");
    eprintln!("killed after {} of {total} documents", partial.documents);
    drop(store);

    let out = dyad(&["ingest", s(&input), "--db", s(&db), "--batch", "100"]);
    ok(&out);
    assert!(
        stderr(&out).contains(&format!("{} unchanged", partial.documents)),
        "{}",
        stderr(&out)
    );

    let resumed = dyad_store::Store::open_existing(&db).unwrap();
    let reference = dyad_store::Store::open_existing(&clean).unwrap();
    assert_eq!(resumed.integrity_check().unwrap(), Vec::<String>::new());
    assert_eq!(resumed.counts().unwrap(), reference.counts().unwrap());
    let strip = |rows: Vec<dyad_store::EventRow>| -> BTreeSet<String> {
        rows.into_iter()
            .map(|mut e| {
                e.added = String::new();
                serde_json::to_string(&e).unwrap()
            })
            .collect()
    };
    let filter = dyad_store::Filter::default();
    assert_eq!(
        strip(resumed.events(&filter).unwrap()),
        strip(reference.events(&filter).unwrap())
    );
}
