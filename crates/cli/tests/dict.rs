//! End-to-end tests of `dyad dict stats|lint|unmatched|convert`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("dyad runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh folder holding `files`.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-dict-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (f, t) in files {
        std::fs::write(dir.join(f), t).unwrap();
    }
    dir
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn stats_count_what_a_folder_adds() {
    let base = dyad(&["dict", "stats", "--format", "jsonl"]);
    assert!(base.status.success(), "{}", text(&base.stderr));
    let dir = folder(
        "stats",
        &[(
            "extra.verbs",
            "0212 frobnicate + over\n0212 frobnicate +\n1041 quux for +\n",
        )],
    );
    let more = dyad(&["dict", "stats", "--format", "jsonl", "--dict", p(&dir)]);
    assert!(more.status.success(), "{}", text(&more.stderr));
    let get = |rows: &[serde_json::Value], record: &str, key: &str, value: &str| {
        rows.iter()
            .find(|r| r["record"] == record && r[key] == value)
            .and_then(|r| r["count"].as_u64().or(r["patterns"].as_u64()))
            .unwrap_or(0)
    };
    let (a, b) = (jsonl(&base), jsonl(&more));
    assert_eq!(
        get(&b, "entries", "kind", "verb patterns"),
        get(&a, "entries", "kind", "verb patterns") + 3
    );
    assert_eq!(
        get(&b, "entries", "kind", "lemmas"),
        get(&a, "entries", "kind", "lemmas") + 2
    );
    assert_eq!(
        get(&b, "code", "code", "0212"),
        get(&a, "code", "code", "0212") + 2
    );
    assert_eq!(
        get(&b, "root", "root", "10"),
        get(&a, "root", "root", "10") + 1
    );
    let named = b
        .iter()
        .find(|r| r["record"] == "code" && r["code"] == "0212")
        .unwrap();
    assert!(
        named["name"].as_str().is_some_and(|n| !n.is_empty()),
        "{named}"
    );

    let table = dyad(&["dict", "stats", "--format", "table"]);
    let t = text(&table.stdout);
    assert!(
        t.contains("verb patterns") && t.contains("patterns per CAMEO root"),
        "{t}"
    );
}

#[test]
fn lint_reports_file_and_line_and_fails_on_errors() {
    let dir = folder(
        "lint-bad",
        &[
            (
                "x.actors",
                "actor ZZA \"Zorblax\"\n  Zorblax\n  Zorblaxian\nactor ZZB \"Other\"\n  Zorblaxian\n",
            ),
            ("x.verbs", "0212 frobnicate + over\n0214 frobnicate + over\n"),
        ],
    );
    let out = dyad(&["dict", "lint", "--dict", p(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let lines = text(&out.stdout);
    let actors = dir.join("x.actors");
    let verbs = dir.join("x.verbs");
    assert!(
        lines.contains(&format!(
            "{}:5: error[conflicting-phrase]: `Zorblaxian`",
            p(&actors)
        )),
        "{lines}"
    );
    assert!(
        lines.contains(&format!("{}:2: error[shadowed-pattern]:", p(&verbs))),
        "{lines}"
    );
    assert!(
        text(&out.stderr).contains("shadowed-pattern 1"),
        "{}",
        text(&out.stderr)
    );

    let only = dyad(&[
        "dict",
        "lint",
        "--dict",
        p(&dir),
        "--only",
        "shadowed-pattern",
        "--format",
        "jsonl",
    ]);
    let rows = jsonl(&only);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["line"], 2);
    assert_eq!(rows[0]["severity"], "error");
    assert_eq!(
        dyad(&["dict", "lint", "--only", "nonsense"]).status.code(),
        Some(2)
    );
}

#[test]
fn lint_passes_a_clean_set() {
    let dir = folder(
        "lint-clean",
        &[
            (
                "t.verbs.txt",
                "--- ACCUSE [112] ---\nACCUSE\n- * + OF [112]\n",
            ),
            ("t.actors.txt", "ARNOR_ [ARN]\n+ARNORIAN_\nGONDOR_ [GON]\n"),
        ],
    );
    let out = dyad(&["dict", "lint", "--petrarch", p(&dir)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).is_empty(), "{}", text(&out.stdout));
    // The same set with a code outside CAMEO fails.
    std::fs::write(
        dir.join("t.verbs.txt"),
        "--- ACCUSE [112] ---\nACCUSE\n- * + OF [999]\n",
    )
    .unwrap();
    let out = dyad(&["dict", "lint", "--petrarch", p(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("t.verbs.txt:3: error[unknown-event-code]"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn unmatched_lists_unknown_verbs_and_names_of_silent_sentences() {
    let corpus = folder(
        "unmatched",
        &[(
            "c.jsonl",
            concat!(
                "{\"id\":\"a\",\"text\":\"Officials said the Zorblaxian Navy frobnicated the fishing fleet. Russia accused Turkey of supplying the militants.\"}\n",
                "{\"id\":\"b\",\"text\":\"Later the Zorblaxian Navy frobnicated again near Quux Island.\"}\n",
                "{\"id\":\"c\",\"text\":\"Russia accused the Zorblaxian Navy of frobnicated reports.\"}\n",
            ),
        )],
    );
    let out = dyad(&[
        "dict",
        "unmatched",
        p(&corpus.join("c.jsonl")),
        "--format",
        "jsonl",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = jsonl(&out);
    assert_eq!(rows[0]["record"], "summary");
    assert_eq!(rows[0]["documents"], 3);
    let find = |record: &str, t: &str| {
        rows.iter()
            .find(|r| r["record"] == record && r["text"] == t)
    };
    // Only silent sentences count: the third document codes an event, so it adds nothing.
    let verb = find("verb", "frobnicated").expect("frobnicated is listed");
    assert_eq!(verb["count"], 2);
    assert_eq!(verb["example"]["doc_id"], "a");
    assert!(verb["example"]["sentence"]
        .as_str()
        .unwrap()
        .starts_with("Officials said"));
    // "Navy" is a known agent word: the unknown part of the name is what is listed.
    let name = find("phrase", "Zorblaxian").expect("the demonym is listed");
    assert_eq!(name["count"], 2);
    assert!(find("phrase", "Quux Island").is_some(), "{rows:?}");
    // Known names and the sentence's first word are not candidates.
    assert!(find("phrase", "Russia").is_none() && find("phrase", "Officials").is_none());
    assert!(find("phrase", "Later").is_none(), "{rows:?}");

    let top1 = dyad(&[
        "dict",
        "unmatched",
        p(&corpus.join("c.jsonl")),
        "--format",
        "jsonl",
        "--top",
        "1",
    ]);
    let rows = jsonl(&top1);
    assert_eq!(rows.iter().filter(|r| r["record"] == "phrase").count(), 1);
    let missing = dyad(&["dict", "unmatched", "/nonexistent/corpus.txt"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn convert_to_petrarch_and_code_with_the_result() {
    let out_dir =
        std::env::temp_dir().join(format!("dyad-dict-test-{}-convert", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    let out = dyad(&[
        "dict",
        "convert",
        "--from",
        "dyad",
        "--to",
        "petrarch",
        "-o",
        p(&out_dir),
        "--quiet",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("warning(s): ") && err.contains("prefix"),
        "{err}"
    );
    let names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.ends_with("-cameo.verbs.txt")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.ends_with("-countries.actors.txt")),
        "{names:?}"
    );

    // A second run into the same folder needs --force.
    let again = dyad(&[
        "dict",
        "convert",
        "--from",
        "dyad",
        "--to",
        "petrarch",
        "-o",
        p(&out_dir),
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("--force"));

    // The converted set codes a plain sentence as the embedded one does.
    let sentence = "Russia accused Turkey of supplying the militants.";
    let code = |extra: &[&str]| {
        let mut args = vec!["explain", sentence, "--date", "2016-05-17"];
        args.extend_from_slice(extra);
        let o = dyad(&args);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let t = text(&o.stdout);
        let last = t.lines().last().unwrap_or("").to_string();
        let v: serde_json::Value =
            serde_json::from_str(&last).unwrap_or_else(|e| panic!("{last}: {e}"));
        (
            v["cameo"].clone(),
            v["source"]["code"].clone(),
            v["target"]["code"].clone(),
        )
    };
    let embedded = code(&[]);
    assert_eq!(embedded.0, "112");
    assert_eq!(code(&["--petrarch", p(&out_dir)]), embedded);

    // And back: PETRARCH to dyad, with every warning naming a file and line.
    let back = out_dir.with_extension("back");
    let _ = std::fs::remove_dir_all(&back);
    let out = dyad(&[
        "dict",
        "convert",
        "--from",
        "petrarch",
        "--to",
        "dyad",
        p(&out_dir),
        "-o",
        p(&back),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for line in text(&out.stderr).lines().filter(|l| l.contains("warning[")) {
        let (place, _) = line.split_once(": warning[").unwrap();
        let (_, num) = place.rsplit_once(':').unwrap();
        assert!(num.parse::<usize>().is_ok(), "{line}");
    }
    let stats = dyad(&["dict", "stats", "--format", "jsonl", "--dict", p(&back)]);
    assert!(stats.status.success(), "{}", text(&stats.stderr));
    let _ = std::fs::remove_dir_all(&out_dir);
    let _ = std::fs::remove_dir_all(&back);
    assert_eq!(
        dyad(&["dict", "convert", "--from", "petrarch", "--to", "dyad", "-o", "/tmp/x"])
            .status
            .code(),
        Some(2)
    );
}

/// Events `dyad code` finds in one sentence with the given extra flags, as JSON lines.
fn code_sentence(sentence: &str, extra: &[&str]) -> Vec<serde_json::Value> {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "--format", "jsonl", "--date", "2016-05-17"])
        .args(extra)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(sentence.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    jsonl(&out)
}

#[test]
fn dict_folders_bring_discards_issues_and_standalone_sets() {
    let sentence = "Russia accused Turkey of supplying the militants.";
    assert_eq!(code_sentence(sentence, &[]).len(), 1);
    // A discard phrase in a curator's folder keeps the sentence from being coded.
    let discards = folder(
        "discards",
        &[(
            "sport.discards",
            "# test\nsentence supplying the militants\n",
        )],
    );
    assert!(code_sentence(sentence, &["--dict", p(&discards)]).is_empty());

    // A standalone folder replaces the embedded defaults: only its own actors and verbs code.
    let own = folder(
        "standalone",
        &[
            (
                "a.actors",
                "standalone\nactor RUS \"Russia\"\n  Russia\nactor TUR \"Turkey\"\n  Turkey\n",
            ),
            (
                "v.verbs",
                "set &WHAT\n  the militants\n\n111 accuse + of supplying &WHAT\n",
            ),
        ],
    );
    let events = code_sentence(sentence, &["--dict", p(&own)]);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].to_string().contains("\"111\""), "{}", events[0]);
    let stats = dyad(&["dict", "stats", "--format", "jsonl", "--dict", p(&own)]);
    let actors = jsonl(&stats)
        .into_iter()
        .find(|v| v["kind"] == "actors")
        .unwrap();
    assert_eq!(actors["count"], 2, "the defaults were loaded too");
    // Without `standalone` the same folder goes on top of the defaults.
    let on_top = folder(
        "on-top",
        &[("a.actors", "actor RUS \"Russia\"\n  Russia\n")],
    );
    let stats = dyad(&["dict", "stats", "--format", "jsonl", "--dict", p(&on_top)]);
    let actors = jsonl(&stats)
        .into_iter()
        .find(|v| v["kind"] == "actors")
        .unwrap();
    assert!(actors["count"].as_u64().unwrap() > 100, "{actors}");
    for d in [discards, own, on_top] {
        let _ = std::fs::remove_dir_all(&d);
    }
}
