//! End-to-end tests of the `dyad` binary: inputs, bad input, output formats, determinism.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn dyad(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("dyad runs");
    if let Some(input) = stdin {
        // dyad may exit before reading (a bad flag), closing the pipe.
        let _ = child.stdin.take().unwrap().write_all(input);
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn temp(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn events(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

const DOC: &str = "Russia accused Turkey of supplying the militants on Tuesday.";

#[test]
fn jsonl_output_follows_the_contract() {
    let line =
        serde_json::json!({"id": "d1", "date": "2016-05-17T10:00:00Z", "text": DOC}).to_string();
    let path = temp("contract.jsonl", format!("{line}\n").as_bytes());
    let out = dyad(&["code", path.to_str().unwrap(), "--format", "jsonl"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let evs = events(&out);
    assert_eq!(evs.len(), 1, "{evs:?}");
    let e = &evs[0];
    for field in [
        "doc_id",
        "sentence_index",
        "sentence",
        "date",
        "cameo",
        "root",
        "goldstein",
        "quad_class",
        "plover",
        "source",
        "target",
        "evidence",
    ] {
        assert!(e.get(field).is_some(), "missing {field}");
    }
    assert_eq!(e["doc_id"], "d1");
    assert_eq!(e["date"], "2016-05-17");
    assert_eq!(e["cameo"], "112");
    assert_eq!(e["root"], "11");
    assert_eq!(e["quad_class"], 3);
    assert_eq!(e["source"]["code"], "RUS");
    assert_eq!(e["target"]["country"], "TUR");
    let span = |v: &serde_json::Value| {
        (
            v[0].as_u64().unwrap() as usize,
            v[1].as_u64().unwrap() as usize,
        )
    };
    let (s, t) = span(&e["source"]["span"]);
    assert_eq!(&DOC[s..t], "Russia");
    let (s, t) = span(&e["target"]["span"]);
    assert_eq!(&DOC[s..t], "Turkey");
    let (s, t) = span(&e["evidence"]["span"]);
    assert!(DOC[s..t].starts_with("accused"));
    assert!(
        e["evidence"]["dictionary_entries"]
            .as_array()
            .unwrap()
            .len()
            >= 3
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 documents")
            && stderr.contains("1 events")
            && stderr.contains("0 skipped"),
        "{stderr}"
    );
}

#[test]
fn malformed_jsonl_lines_are_reported_and_skipped() {
    let good = serde_json::json!({"id": "ok", "text": DOC}).to_string();
    let path = temp(
        "bad.jsonl",
        format!("{good}\n{{not json\n{{\"id\": 3}}\n{good}\n").as_bytes(),
    );
    let p = path.to_str().unwrap();
    let out = dyad(&["code", p, "--format", "jsonl"], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{p}:2")), "{stderr}");
    assert!(stderr.contains(&format!("{p}:3")), "{stderr}");
    assert!(stderr.contains("2 skipped"), "{stderr}");
    assert_eq!(events(&out).len(), 2, "both good documents are still coded");

    let strict = dyad(&["code", p, "--format", "jsonl", "--strict"], None);
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(
        events(&strict).len(),
        1,
        "--strict stops at the first bad line"
    );
}

#[test]
fn missing_files_exit_2_and_bad_dates_are_refused() {
    let out = dyad(&["code", "/no/such/file.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
    let out = dyad(&["code", "-", "--date", "yesterday"], Some(DOC.as_bytes()));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let mut bytes = DOC.as_bytes().to_vec();
    bytes.extend_from_slice(b" \xff\xfe Caf\xe9.");
    let path = temp("latin.txt", &bytes);
    let out = dyad(&["code", path.to_str().unwrap(), "--format", "jsonl"], None);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
    assert_eq!(events(&out).len(), 1);
}

#[test]
fn html_from_stdin_and_tsv_output() {
    let html = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2016-05-17T08:00:00Z\"></head>\
         <body><nav>Home</nav><article><p>{DOC}</p></article><script>var x = 1;</script></body></html>"
    );
    let out = dyad(
        &["code", "-", "--input-format", "html", "--format", "tsv"],
        Some(html.as_bytes()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("doc_id\tsentence_index\tdate\tsource\tcameo\ttarget"));
    let row: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(&row[2..6], ["2016-05-17", "RUS", "112", "TUR"]);
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let mut body = String::new();
    for i in 0..1500 {
        let text = match i % 3 {
            0 => DOC.to_string(),
            1 => "Armenia and Azerbaijan held talks in Moscow on Friday.".to_string(),
            _ => format!("The weather in Paris was mild on day {i}."),
        };
        body.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        body.push('\n');
    }
    let path = temp("many.jsonl", body.as_bytes());
    let p = path.to_str().unwrap();
    let one = dyad(&["code", p, "--format", "jsonl", "--threads", "1"], None);
    let two = dyad(&["code", p, "--format", "jsonl", "--threads", "2"], None);
    // More threads than cores, and a count that does not divide the 512-document batches.
    let three = dyad(&["code", p, "--format", "jsonl", "--threads", "3"], None);
    assert!(one.status.success() && two.status.success() && three.status.success());
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, three.stdout);
}

#[test]
fn dictionary_errors_name_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("dyad-cli-dict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mine.verbs"), "112 accuse +\n11x blame +\n").unwrap();
    let out = dyad(&["explain", DOC, "--dict", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("mine.verbs:2:1"), "{stderr}");
}

#[test]
fn a_curator_dictionary_extends_the_defaults() {
    let dir = std::env::temp_dir().join(format!("dyad-cli-ext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("extra.actors"),
        "actor XYZREB \"Zorgon Front\"\n  Zorgon Front\n",
    )
    .unwrap();
    let text = "The Zorgon Front accused Turkey of lying.";
    let before = dyad(&["explain", text], None);
    assert!(!String::from_utf8_lossy(&before.stdout).contains("XYZREB"));
    let after = dyad(&["explain", text, "--dict", dir.to_str().unwrap()], None);
    let stdout = String::from_utf8_lossy(&after.stdout);
    assert!(stdout.contains("EVENT  XYZREB 112 TUR"), "{stdout}");
}

#[test]
fn explain_says_why_a_negated_event_is_not_coded() {
    let out = dyad(
        &[
            "explain",
            "Russia did not accuse Turkey of supplying the militants.",
        ],
        None,
    );
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("negated"), "{stdout}");
    assert!(stdout.contains("0 event(s)"), "{stdout}");
}
