//! End-to-end tests of the context fields: the date of the action, the place, the speaker of a
//! quotation, `dyad quotes` and `dyad explain`, on hand-written stories in samples/ (published
//! Wednesday 2016-05-18 unless said).

use serde_json::Value;
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
        let _ = child.stdin.take().unwrap().write_all(input);
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples")
        .join(name)
}

fn lines(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn code(file: &str, date: &str) -> (String, Vec<Value>) {
    let path = sample(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let out = dyad(
        &[
            "code",
            path.to_str().unwrap(),
            "--date",
            date,
            "--format",
            "jsonl",
        ],
        None,
    );
    (text, lines(&out))
}

/// The text a `[start, end]` span covers.
fn at<'t>(text: &'t str, span: &Value) -> &'t str {
    let s = span[0].as_u64().unwrap() as usize;
    let e = span[1].as_u64().unwrap() as usize;
    &text[s..e]
}

/// The event of sentence `sentence` with CAMEO code `cameo`.
fn event<'a>(evs: &'a [Value], sentence: u64, cameo: &str) -> &'a Value {
    evs.iter()
        .find(|e| e["sentence_index"] == sentence && e["cameo"] == cameo)
        .unwrap_or_else(|| panic!("no {cameo} event in sentence {sentence}: {evs:#?}"))
}

/// (date, precision, phrase)
fn when(e: &Value) -> (Value, Value, Value) {
    (
        e["date"].clone(),
        e["date_precision"].clone(),
        e["date_text"].clone(),
    )
}

fn day(date: &str, phrase: Option<&str>) -> (Value, Value, Value) {
    (
        Value::from(date),
        Value::from("day"),
        phrase.map_or(Value::Null, Value::from),
    )
}

/// (name, country, admin1, precision, words of the span)
fn place(text: &str, e: &Value) -> Option<(String, String, Option<String>, String, String)> {
    let l = &e["location"];
    if l.is_null() {
        return None;
    }
    Some((
        l["name"].as_str().unwrap().to_string(),
        l["country"].as_str().unwrap().to_string(),
        l["admin1"].as_str().map(str::to_string),
        l["precision"].as_str().unwrap().to_string(),
        at(text, &l["span"]).to_string(),
    ))
}

fn loc(
    name: &str,
    country: &str,
    admin1: Option<&str>,
    precision: &str,
    words: &str,
) -> Option<(String, String, Option<String>, String, String)> {
    Some((
        name.into(),
        country.into(),
        admin1.map(str::to_string),
        precision.into(),
        words.into(),
    ))
}

const GENEVA: (&str, &str, Option<&str>, &str, &str) =
    ("Geneva", "CHE", Some("Geneva"), "city", "GENEVA");

fn geneva() -> Option<(String, String, Option<String>, String, String)> {
    loc(GENEVA.0, GENEVA.1, GENEVA.2, GENEVA.3, GENEVA.4)
}

#[test]
fn dates_of_the_article_are_resolved_against_the_publication_date() {
    let (_, evs) = code("context-article.txt", "2016-05-18");
    assert_eq!(evs.len(), 10, "{evs:#?}");
    // "agreed on Tuesday" in a Wednesday story: the day before.
    assert_eq!(
        when(event(&evs, 0, "030")),
        day("2016-05-17", Some("on Tuesday"))
    );
    assert_eq!(
        when(event(&evs, 1, "194")),
        day("2016-05-15", Some("on Sunday"))
    );
    // A month-day without a year: the same year, before publication.
    assert_eq!(
        when(event(&evs, 2, "1123")),
        day("2016-02-27", Some("on February 27"))
    );
    // "would meet ... on Friday": future tense looks forward.
    assert_eq!(
        when(event(&evs, 3, "036")),
        day("2016-05-20", Some("on Friday"))
    );
    // "who chaired the talks" names no parties: a mediation with no counterpart is not coded.
    assert!(!evs.iter().any(|e| e["cameo"] == "045"), "{evs:#?}");
    // "last week": the Monday of the week before, at week precision.
    assert_eq!(
        when(event(&evs, 6, "111")),
        (
            Value::from("2016-05-09"),
            Value::from("week"),
            Value::from("last week")
        )
    );
    assert_eq!(
        when(event(&evs, 7, "051")),
        day("2016-05-16", Some("on Monday"))
    );
    // No date phrase: the publication date.
    assert_eq!(when(event(&evs, 8, "033")), day("2016-05-18", None));
}

#[test]
fn places_come_from_the_clause_else_the_dateline() {
    let (text, evs) = code("context-article.txt", "2016-05-18");
    // No place phrase in the clause: the dateline's place.
    assert_eq!(place(&text, event(&evs, 0, "030")), geneva());
    assert_eq!(place(&text, event(&evs, 2, "1123")), geneva());
    assert_eq!(place(&text, event(&evs, 7, "051")), geneva());
    // A direction and a country.
    assert_eq!(
        place(&text, event(&evs, 1, "194")),
        loc("Syria", "SYR", None, "country", "northern Syria")
    );
    // The place phrase of the verb's own clause wins over the dateline.
    assert_eq!(
        place(&text, event(&evs, 3, "036")),
        loc("Vienna", "AUT", Some("Vienna"), "city", "Vienna")
    );
    // "the northwestern city of Aleppo": the span runs from the determiner.
    let aleppo = event(&evs, 6, "111");
    assert_eq!(
        place(&text, aleppo),
        loc(
            "Aleppo",
            "SYR",
            Some("Aleppo"),
            "city",
            "the northwestern city of Aleppo"
        )
    );
    let lat = aleppo["location"]["lat"].as_f64().unwrap();
    let lon = aleppo["location"]["lon"].as_f64().unwrap();
    assert!(
        (lat - 36.2).abs() < 0.1 && (lon - 37.16).abs() < 0.1,
        "{lat} {lon}"
    );
}

#[test]
fn a_quoted_sentence_carries_its_speaker() {
    let (text, evs) = code("context-article.txt", "2016-05-18");
    // "Turkey has attacked the Kurds again. Nobody can win this war," de Mistura told reporters.
    // The coder sees no speaker in the first sentence of the quotation; the quotation has one.
    let e = event(&evs, 4, "190");
    assert_eq!(e["source"]["code"], "TUR");
    assert_eq!(e["attribution"]["code"], "IGOUNO");
    assert_eq!(e["attribution"]["name"], "Staffan de Mistura");
    assert_eq!(at(&text, &e["attribution"]["span"]), "de Mistura");
    // The coder's own attribution is kept.
    let e = event(&evs, 3, "036");
    assert_eq!(e["attribution"]["code"], "IGOUNO");
    // Events outside quotations get no speaker.
    assert!(event(&evs, 6, "111")["attribution"].is_null());
    // '"Russia will help us ...," he said.' after "Kerry praised ... with Lavrov": the quotation's
    // speaker (Kerry, the last subject) wins over the coder's guess from the sentence.
    let e = event(&evs, 8, "033");
    assert_eq!(e["attribution"]["name"], "John Kerry");
}

#[test]
fn the_dateline_and_the_body_disagree() {
    // MOSCOW dateline; the second paragraph happens in Geneva.
    let (text, evs) = code("context-moscow.txt", "2016-05-18");
    assert_eq!(evs.len(), 3, "{evs:#?}");
    let first = event(&evs, 0, "112");
    assert_eq!(
        place(&text, first),
        loc("Moscow", "RUS", Some("Moscow"), "city", "MOSCOW")
    );
    // "on Wednesday" in a Wednesday story is the publication day itself, from the phrase.
    assert_eq!(when(first), day("2016-05-18", Some("on Wednesday")));
    for e in evs.iter().filter(|e| e["sentence_index"] == 1) {
        assert_eq!(e["cameo"], "044");
        assert_eq!(
            place(&text, e),
            loc("Geneva", "CHE", Some("Geneva"), "city", "Geneva")
        );
        assert_eq!(when(e), day("2016-05-17", Some("yesterday")));
    }
}

#[test]
fn no_publication_date_and_no_place_give_nulls() {
    // No --date, no dateline, no place phrase: nothing is invented (not today's date, not the
    // actors' countries).
    let doc = "Russia accused Turkey of supplying the militants.";
    let out = dyad(&["code", "-", "--format", "jsonl"], Some(doc.as_bytes()));
    let evs = lines(&out);
    assert_eq!(evs.len(), 1);
    let e = &evs[0];
    assert!(e["date"].is_null(), "{e}");
    assert!(e["date_precision"].is_null(), "{e}");
    assert!(e["date_text"].is_null(), "{e}");
    assert!(e["location"].is_null(), "{e}");
    // An absolute date needs no publication date; a relative one does.
    let doc = "Russia accused Turkey on May 3, 2016 of supplying the militants. \
               Iran accused Israel on Tuesday of lying.";
    let out = dyad(&["code", "-", "--format", "jsonl"], Some(doc.as_bytes()));
    let evs = lines(&out);
    assert_eq!(evs.len(), 2, "{evs:#?}");
    assert_eq!(when(&evs[0]), day("2016-05-03", Some("on May 3, 2016")));
    assert_eq!(when(&evs[1]), (Value::Null, Value::Null, Value::Null));
}

#[test]
fn quotes_lists_every_quotation_with_its_speaker() {
    let path = sample("context-article.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let out = dyad(
        &["quotes", path.to_str().unwrap(), "--date", "2016-05-18"],
        None,
    );
    let qs = lines(&out);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    for q in &qs {
        assert_eq!(q["doc_id"], "context-article");
        assert_eq!(at(&text, &q["span"]), q["quote"].as_str().unwrap());
    }
    assert_eq!(
        qs[0]["quote"],
        "Turkey has attacked the Kurds again. Nobody can win this war,"
    );
    assert_eq!(qs[0]["speaker"]["name"], "Staffan de Mistura");
    assert_eq!(qs[0]["speaker"]["code"], "IGOUNO");
    assert!(qs[0]["speaker"]["country"].is_null());
    // "he said" in the paragraph after "Kerry praised ... with Lavrov": Kerry, the subject, not
    // Lavrov, the last person named.
    assert_eq!(qs[1]["quote"], "Russia will help us with a ceasefire,");
    assert_eq!(qs[1]["speaker"]["name"], "John Kerry");
    assert_eq!(qs[1]["speaker"]["code"], "USAGOV");
    assert_eq!(qs[1]["speaker"]["country"], "USA");
    assert_eq!(qs[1]["speaker"]["kind"], "pronoun");

    // JSONL input on stdin; a relative clause between the name and the verb; no speaker.
    let doc = serde_json::json!({
        "id": "q1",
        "text": "U.N. envoy Staffan de Mistura, who chaired the talks, said he was hopeful. \
                 \"Momentum is important,\" he said. The so-called \"safe zones\" remain empty."
    })
    .to_string();
    let out = dyad(
        &["quotes", "-", "--input-format", "jsonl"],
        Some(doc.as_bytes()),
    );
    let qs = lines(&out);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[0]["doc_id"], "q1");
    assert_eq!(qs[0]["speaker"]["name"], "Staffan de Mistura");
    assert_eq!(qs[1]["quote"], "safe zones");
    assert!(qs[1]["speaker"].is_null());
}

#[test]
fn quotes_reports_bad_input_like_code() {
    let out = dyad(&["quotes", "/no/such/file.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
    let out = dyad(
        &["quotes", "-", "--date", "someday"],
        Some(b"\"Hi,\" he said."),
    );
    assert_eq!(out.status.code(), Some(2));
    let out = dyad(
        &["quotes", "-", "--input-format", "jsonl"],
        Some(b"{not json\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped"));
}

#[test]
fn explain_prints_the_date_and_place_of_each_event() {
    let out = dyad(
        &[
            "explain",
            "MOSCOW (Reuters) - Lavrov said Russia would meet Turkey in Geneva on Friday.",
            "--date",
            "2016-05-18",
        ],
        None,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("when:  2016-05-20 (day, \"on Friday\")"),
        "{stdout}"
    );
    assert!(stdout.contains("where: Geneva, Geneva, CHE ("), "{stdout}");
    let json: Vec<Value> = stdout
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!json.is_empty());
    assert_eq!(json[0]["date"], "2016-05-20");
    assert_eq!(json[0]["location"]["name"], "Geneva");
}

#[test]
fn tsv_and_table_show_date_and_place() {
    let path = sample("context-moscow.txt");
    let out = dyad(
        &[
            "code",
            path.to_str().unwrap(),
            "--date",
            "2016-05-18",
            "--format",
            "tsv",
        ],
        None,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut rows = text.lines().map(|l| l.split('\t').collect::<Vec<_>>());
    let head = rows.next().unwrap();
    let col = |name: &str| head.iter().position(|h| *h == name).unwrap();
    assert_eq!(head.last(), Some(&"sentence"));
    let first = rows.next().unwrap();
    assert_eq!(first[col("date")], "2016-05-18");
    assert_eq!(first[col("date_precision")], "day");
    assert_eq!(first[col("date_text")], "on Wednesday");
    assert_eq!(first[col("location")], "Moscow");
    assert_eq!(first[col("location_country")], "RUS");

    let out = dyad(
        &[
            "code",
            path.to_str().unwrap(),
            "--date",
            "2016-05-18",
            "--format",
            "table",
        ],
        None,
    );
    let table = String::from_utf8_lossy(&out.stdout);
    let mut t = table.lines();
    let head = t.next().unwrap();
    assert!(head.contains("place"), "{table}");
    assert!(t.next().unwrap().contains("Moscow, RUS"), "{table}");
    assert!(table.contains("Geneva, CHE"), "{table}");
}

#[test]
fn every_event_of_the_sample_feed_has_context() {
    // The long sample feed: every event with a date is consistent with its precision and
    // phrase, and every location span lies in its document.
    let path = sample("news.jsonl");
    let out = dyad(&["code", path.to_str().unwrap(), "--format", "jsonl"], None);
    let evs = lines(&out);
    assert!(evs.len() > 20);
    let precisions = ["day", "week", "month", "year"];
    for e in &evs {
        match e["date"].as_str() {
            Some(_) => assert!(
                precisions.contains(&e["date_precision"].as_str().unwrap()),
                "{e}"
            ),
            None => assert!(e["date_precision"].is_null() && e["date_text"].is_null()),
        }
        if let Some(t) = e["date_text"].as_str() {
            assert!(!t.is_empty());
        }
        let l = &e["location"];
        if !l.is_null() {
            assert!(["city", "admin", "country"].contains(&l["precision"].as_str().unwrap()));
            assert_eq!(l["country"].as_str().unwrap().len(), 3, "{l}");
        }
    }
    assert!(evs.iter().any(|e| !e["location"].is_null()));
    assert!(evs.iter().any(|e| !e["date_text"].is_null()));
}

#[test]
fn multibyte_quotes_and_dashes_anywhere_never_panic() {
    // Sentences of the sample article with curly quotes, guillemets, dashes and accented letters
    // inserted at pseudo-random places: every byte offset the context layer computes must stay on a
    // character boundary.
    let text = std::fs::read_to_string(sample("context-article.txt")).unwrap();
    let words: Vec<&str> = text.split(' ').collect();
    let marks = [
        "\u{201C}", "\u{201D}", "\u{2019}", "\u{2014}", "\u{AB}", "\u{BB}", "\u{E9}",
    ];
    let extra = ["", "on Tuesday", "in Vienna", "will", "said", "he said"];
    let mut seed: u64 = 7;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let mut input = String::new();
    for i in 0..200 {
        let start = next(words.len() - 40);
        let mut ws: Vec<String> = words[start..start + 10 + next(30)]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for _ in 0..1 + next(10) {
            let k = next(ws.len() + 1);
            ws.insert(
                k,
                format!("{}{}", marks[next(marks.len())], extra[next(extra.len())]),
            );
        }
        let doc =
            serde_json::json!({"id": format!("s{i}"), "text": ws.join(" "), "date": "2016-05-18"});
        input.push_str(&doc.to_string());
        input.push('\n');
    }
    let runs: [&[&str]; 2] = [
        &["code", "-", "--input-format", "jsonl", "--format", "jsonl"],
        &["quotes", "-", "--input-format", "jsonl"],
    ];
    for args in runs {
        let out = dyad(args, Some(input.as_bytes()));
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
