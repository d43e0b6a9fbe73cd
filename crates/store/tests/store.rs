//! The store's contract: idempotent ingest, replacement of changed documents, dedup counts,
//! every filter, aggregates, export round trips, and the refusal of files it must not touch.

mod common;

use common::*;
use dyad_store::{
    CodedDocument, Error, EventRow, ExportFormat, Filter, OpenOptions, Period, Store,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn tmp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    (dir, path)
}

fn all(store: &Store) -> Vec<EventRow> {
    store.events(&Filter::default()).unwrap()
}

fn assert_sound(store: &Store) {
    let problems = store.integrity_check().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn ingesting_the_same_documents_twice_adds_nothing() {
    let (_d, path) = tmp();
    let docs = corpus(60, 7);
    let mut store = Store::open(&path).unwrap();
    let first = store.write_batch(&docs).unwrap();
    assert_eq!(first.added, 60);
    assert!(first.mentions > 40, "{first:?}");
    let counts = store.counts().unwrap();
    let events = all(&store);
    assert_eq!(counts.events as usize, events.len());

    let again = store.write_batch(&docs).unwrap();
    assert_eq!((again.added, again.replaced, again.unchanged), (0, 0, 60));
    assert_eq!(again.mentions, 0);
    assert_eq!(store.counts().unwrap(), counts);
    assert_eq!(all(&store), events, "rows, counts and timestamps unchanged");

    // In another order, in other batches, through another connection: still nothing new.
    drop(store);
    let mut store = Store::open(&path).unwrap();
    let mut reversed = docs.clone();
    reversed.reverse();
    for chunk in reversed.chunks(7) {
        assert_eq!(store.write_batch(chunk).unwrap().unchanged, chunk.len());
    }
    assert_eq!(store.counts().unwrap(), counts);
    let keys: Vec<(String, String)> = docs
        .iter()
        .map(|d| (d.document.key(), d.document.content_hash.clone()))
        .collect();
    assert!(store.unchanged(&keys).unwrap().iter().all(|&u| u));
    assert_sound(&store);
}

#[test]
fn a_document_without_an_id_is_known_by_its_content() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    let a = doc(None, Some("AP"), "2016-05-17", &[vec![ev("112", RUS, TUR)]]);
    assert_eq!(
        store.write_batch(std::slice::from_ref(&a)).unwrap().added,
        1
    );
    assert_eq!(store.write_batch(&[a]).unwrap().unchanged, 1);
    // Other content without an id is another document.
    let b = doc(None, Some("AP"), "2016-05-17", &[vec![ev("190", RUS, TUR)]]);
    assert_eq!(store.write_batch(&[b]).unwrap().added, 1);
    assert_eq!(store.counts().unwrap().documents, 2);
}

#[test]
fn a_changed_document_replaces_its_mentions_and_counts_follow() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    let a1 = doc(
        Some("a"),
        Some("Reuters"),
        "2016-05-17",
        &[vec![ev("112", RUS, TUR)], vec![ev("042", USA, TUR)]],
    );
    let b = doc(
        Some("b"),
        Some("AP"),
        "2016-05-17",
        &[vec![ev("112", RUS, TUR)]],
    );
    store.write_batch(&[a1, b]).unwrap();
    let accuse = |s: &Store| {
        s.events(&Filter {
            cameo: Some("112".into()),
            ..Filter::default()
        })
        .unwrap()
    };
    assert_eq!(accuse(&store)[0].num_mentions, 2);
    assert_eq!(accuse(&store)[0].num_sources, 2);

    // Document a now reports an attack instead of the accusation and the meeting.
    let a2 = doc(
        Some("a"),
        Some("Reuters"),
        "2016-05-17",
        &[vec![ev("190", RUSMIL, TUR)]],
    );
    let stats = store.write_batch(&[a2]).unwrap();
    assert_eq!((stats.added, stats.replaced, stats.unchanged), (0, 1, 0));
    let acc = accuse(&store);
    assert_eq!(acc.len(), 1);
    assert_eq!(
        (acc[0].num_mentions, acc[0].num_articles, acc[0].num_sources),
        (1, 1, 1)
    );
    assert_eq!(acc[0].url.as_deref(), Some("https://example.org/b"));
    let events = all(&store);
    let cameos: BTreeSet<&str> = events.iter().map(|e| e.cameo.as_str()).collect();
    assert_eq!(
        cameos,
        ["112", "190"].into_iter().collect(),
        "the meeting only a reported is gone"
    );
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.mentions, c.sentences), (2, 2, 2));

    // b changes too and no longer reports anything: the accusation disappears.
    let b2 = doc(Some("b"), Some("AP"), "2016-05-18", &[vec![]]);
    store.write_batch(&[b2]).unwrap();
    assert!(accuse(&store).is_empty());
    assert_eq!(store.counts().unwrap().mentions, 1);
    // The full-text index forgot the replaced sentences.
    let found = store
        .events(&Filter {
            text: Some("accused".into()),
            ..Filter::default()
        })
        .unwrap();
    assert!(found.is_empty(), "{found:?}");
    assert_sound(&store);
}

#[test]
fn three_reports_of_one_event_make_one_event_with_gdelt_counts() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    let same = || ev("112", RUSGOV, TUR);
    let docs = vec![
        doc(Some("r1"), Some("Reuters"), "2016-05-17", &[vec![same()]]),
        // The AP story reports it twice (lead and recap) and something else.
        doc(
            Some("ap1"),
            Some("AP"),
            "2016-05-17",
            &[vec![ev("042", USA, TUR)], vec![same()], vec![same()]],
        ),
        doc(Some("r2"), Some("Reuters"), "2016-05-17", &[vec![same()]]),
    ];
    // Three batches, so counts must add up across transactions.
    for d in &docs {
        store.write_batch(std::slice::from_ref(d)).unwrap();
    }
    let events = all(&store);
    assert_eq!(events.len(), 2);
    let e = events.iter().find(|e| e.cameo == "112").unwrap();
    assert_eq!(e.num_mentions, 4);
    assert_eq!(e.num_articles, 3);
    assert_eq!(e.num_sources, 2);
    assert_eq!(e.source_code.as_deref(), Some("RUSGOV"));
    assert_eq!(e.source_name.as_deref(), Some("Lavrov"));
    assert_eq!(e.first_seen.as_deref(), Some("2016-05-17"));
    assert!(e.lead, "r1 has it in its first sentence");
    let meeting = events.iter().find(|e| e.cameo == "042").unwrap();
    assert_eq!((meeting.num_mentions, meeting.num_sources), (1, 1));

    // Every mention points at its document and at a sentence span that holds its evidence.
    let mentions = store.mentions(e.event_id).unwrap();
    assert_eq!(mentions.len(), 4);
    let by_id: BTreeMap<String, &CodedDocument> =
        docs.iter().map(|d| (d.document.key(), d)).collect();
    for m in &mentions {
        let text = &by_id[&m.doc_id].document.text;
        let sentence = &text[m.sentence_start as usize..m.sentence_end as usize];
        assert_eq!(sentence, m.sentence);
        assert_eq!(
            &text[m.evidence_start as usize..m.evidence_end as usize],
            m.verb
        );
        let (s, t) = (m.source_start.unwrap(), m.source_end.unwrap());
        assert_eq!(&text[s as usize..t as usize], "Lavrov");
        assert_eq!(m.target_code.as_deref(), Some("TUR"));
    }
    let docs_seen: BTreeSet<&str> = mentions.iter().map(|m| m.doc_id.as_str()).collect();
    assert_eq!(docs_seen, ["ap1", "r1", "r2"].into_iter().collect());

    // Another day, another event; the same day with a place is another event too.
    let mut placed = same();
    placed.location = Some(("Vienna", "AUT"));
    store
        .write_batch(&[
            doc(Some("r3"), Some("Reuters"), "2016-05-18", &[vec![same()]]),
            doc(Some("r4"), Some("TASS"), "2016-05-17", &[vec![placed]]),
        ])
        .unwrap();
    assert_eq!(all(&store).len(), 4);
    let vienna = store
        .events(&Filter {
            location_country: Some("AUT".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(vienna.len(), 1);
    assert_eq!(vienna[0].location_name.as_deref(), Some("Vienna"));
    assert_sound(&store);
}

/// What each filter means, computed from the rows themselves (and the mentions for --text).
fn reference(store: &Store, rows: &[EventRow], f: &Filter) -> Vec<i64> {
    let pre = |v: &Option<String>, p: &str| v.as_deref().is_some_and(|c| c.starts_with(p));
    let mut out: Vec<i64> = rows
        .iter()
        .filter(|e| f.source.as_ref().is_none_or(|p| pre(&e.source_code, p)))
        .filter(|e| f.target.as_ref().is_none_or(|p| pre(&e.target_code, p)))
        .filter(|e| {
            f.actor
                .as_ref()
                .is_none_or(|p| pre(&e.source_code, p) || pre(&e.target_code, p))
        })
        .filter(|e| {
            f.country.as_ref().is_none_or(|c| {
                e.source_country.as_ref() == Some(c) || e.target_country.as_ref() == Some(c)
            })
        })
        .filter(|e| {
            f.cameo
                .as_ref()
                .is_none_or(|c| e.cameo.starts_with(c.as_str()))
        })
        .filter(|e| f.root.as_ref().is_none_or(|r| &e.root == r))
        .filter(|e| f.quad.is_none_or(|q| e.quad_class == Some(q)))
        .filter(|e| {
            f.goldstein_min
                .is_none_or(|g| e.goldstein.is_some_and(|x| x >= g))
        })
        .filter(|e| {
            f.goldstein_max
                .is_none_or(|g| e.goldstein.is_some_and(|x| x <= g))
        })
        .filter(|e| {
            f.from
                .is_none_or(|d| e.date.as_ref().is_some_and(|x| *x >= d.to_string()))
        })
        .filter(|e| {
            f.to.is_none_or(|d| e.date.as_ref().is_some_and(|x| *x <= d.to_string()))
        })
        .filter(|e| {
            f.location_country
                .as_ref()
                .is_none_or(|c| e.location_country.as_ref() == Some(c))
        })
        .filter(|e| {
            f.text.as_ref().is_none_or(|w| {
                store.mentions(e.event_id).unwrap().iter().any(|m| {
                    m.sentence
                        .to_lowercase()
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|t| t == w.to_lowercase())
                })
            })
        })
        .map(|e| e.event_id)
        .collect();
    if let Some(n) = f.limit {
        out.truncate(n as usize);
    }
    out
}

#[test]
fn every_filter_selects_what_it_says() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    for chunk in corpus(300, 42).chunks(50) {
        store.write_batch(chunk).unwrap();
    }
    let rows = all(&store);
    assert!(rows.len() > 200, "{}", rows.len());
    // Query order: date, then event id.
    let mut sorted = rows.clone();
    sorted.sort_by(|a, b| (&a.date, a.event_id).cmp(&(&b.date, b.event_id)));
    assert_eq!(rows, sorted);

    let f = Filter::default;
    let filters = vec![
        (
            "source",
            Filter {
                source: Some("RUS".into()),
                ..f()
            },
        ),
        (
            "source exact",
            Filter {
                source: Some("rusgov".into()),
                ..f()
            },
        ),
        (
            "target",
            Filter {
                target: Some("TUR".into()),
                ..f()
            },
        ),
        (
            "actor",
            Filter {
                actor: Some("IGO".into()),
                ..f()
            },
        ),
        (
            "country",
            Filter {
                country: Some("SYR".into()),
                ..f()
            },
        ),
        (
            "cameo",
            Filter {
                cameo: Some("112".into()),
                ..f()
            },
        ),
        (
            "root",
            Filter {
                root: Some("19".into()),
                ..f()
            },
        ),
        (
            "quad",
            Filter {
                quad: Some(2),
                ..f()
            },
        ),
        (
            "goldstein min",
            Filter {
                goldstein_min: Some(3.0),
                ..f()
            },
        ),
        (
            "goldstein max",
            Filter {
                goldstein_max: Some(-4.0),
                ..f()
            },
        ),
        (
            "goldstein range",
            Filter {
                goldstein_min: Some(-4.4),
                goldstein_max: Some(1.0),
                ..f()
            },
        ),
        (
            "from",
            Filter {
                from: Some(date("2016-06-15")),
                ..f()
            },
        ),
        (
            "to",
            Filter {
                to: Some(date("2016-04-30")),
                ..f()
            },
        ),
        (
            "dyad in May",
            Filter {
                source: Some("RUS".into()),
                target: Some("TUR".into()),
                from: Some(date("2016-05-01")),
                to: Some(date("2016-05-31")),
                ..f()
            },
        ),
        (
            "location country",
            Filter {
                location_country: Some("SYR".into()),
                ..f()
            },
        ),
        (
            "text",
            Filter {
                text: Some("attacked".into()),
                ..f()
            },
        ),
        (
            "text and root",
            Filter {
                text: Some("Lavrov".into()),
                root: Some("11".into()),
                ..f()
            },
        ),
        (
            "limit",
            Filter {
                limit: Some(17),
                ..f()
            },
        ),
        (
            "limit with source",
            Filter {
                source: Some("TUR".into()),
                limit: Some(5),
                ..f()
            },
        ),
    ];
    for (name, filter) in &filters {
        let got: Vec<i64> = store
            .events(filter)
            .unwrap()
            .iter()
            .map(|e| e.event_id)
            .collect();
        // The reference works on upper-case codes, as the store compares them.
        let mut norm = filter.clone();
        norm.source = norm.source.map(|s| s.to_uppercase());
        let want = reference(&store, &rows, &norm);
        assert_eq!(got, want, "filter {name}");
        assert!(
            !got.is_empty() && got.len() < rows.len(),
            "filter {name} should narrow the {} events, got {}",
            rows.len(),
            got.len()
        );
    }
}

#[test]
fn bad_filters_are_refused_with_a_message() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    store.write_batch(&corpus(5, 3)).unwrap();
    let f = Filter::default;
    for (filter, needle) in [
        (
            Filter {
                source: Some("RU-S".into()),
                ..f()
            },
            "--source",
        ),
        (
            Filter {
                cameo: Some("1x".into()),
                ..f()
            },
            "--cameo",
        ),
        (
            Filter {
                root: Some("21".into()),
                ..f()
            },
            "--root",
        ),
        (
            Filter {
                quad: Some(5),
                ..f()
            },
            "--quad",
        ),
        (
            Filter {
                goldstein_min: Some(11.0),
                ..f()
            },
            "--goldstein-min",
        ),
        (
            Filter {
                goldstein_min: Some(2.0),
                goldstein_max: Some(1.0),
                ..f()
            },
            "above",
        ),
        (
            Filter {
                from: Some(date("2016-06-01")),
                to: Some(date("2016-05-01")),
                ..f()
            },
            "after",
        ),
        (
            Filter {
                country: Some("RUSS".into()),
                ..f()
            },
            "--country",
        ),
        (
            Filter {
                text: Some("\"unclosed".into()),
                ..f()
            },
            "--text",
        ),
        (
            Filter {
                text: Some("  ".into()),
                ..f()
            },
            "--text",
        ),
    ] {
        match store.events(&filter) {
            Err(Error::BadFilter(m)) => assert!(m.contains(needle), "{m}"),
            other => panic!("{filter:?}: expected a bad-filter error, got {other:?}"),
        }
    }
}

fn monday(d: &str) -> String {
    use chrono::Datelike;
    let d = date(d);
    (d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64)).to_string()
}

#[test]
fn stats_count_events_per_period() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    store.write_batch(&corpus(200, 99)).unwrap();
    let rows = all(&store);
    let filter = Filter {
        source: Some("RUS".into()),
        target: Some("TUR".into()),
        ..Filter::default()
    };
    let selected: Vec<&EventRow> = rows
        .iter()
        .filter(|e| {
            e.source_code
                .as_deref()
                .is_some_and(|c| c.starts_with("RUS"))
                && e.target_code
                    .as_deref()
                    .is_some_and(|c| c.starts_with("TUR"))
        })
        .collect();
    assert!(selected.len() > 10);
    for (period, key) in [
        (
            Period::Day,
            Box::new(|d: &str| d.to_string()) as Box<dyn Fn(&str) -> String>,
        ),
        (Period::Week, Box::new(monday)),
        (Period::Month, Box::new(|d: &str| d[..7].to_string())),
        (Period::Year, Box::new(|d: &str| d[..4].to_string())),
    ] {
        let got = store.stats(&filter, period).unwrap();
        let mut want: BTreeMap<String, Vec<&EventRow>> = BTreeMap::new();
        for e in &selected {
            want.entry(key(e.date.as_deref().unwrap()))
                .or_default()
                .push(e);
        }
        assert_eq!(
            got.iter().map(|s| s.period.clone()).collect::<Vec<_>>(),
            want.keys().cloned().collect::<Vec<_>>(),
            "{period:?}"
        );
        for s in &got {
            let evs = &want[&s.period];
            assert_eq!(s.events as usize, evs.len());
            assert_eq!(s.mentions, evs.iter().map(|e| e.num_mentions).sum::<i64>());
            for (q, n) in [(1, s.quad1), (2, s.quad2), (3, s.quad3), (4, s.quad4)] {
                assert_eq!(
                    n as usize,
                    evs.iter().filter(|e| e.quad_class == Some(q)).count()
                );
            }
            let mean = evs.iter().map(|e| e.goldstein.unwrap()).sum::<f64>() / evs.len() as f64;
            assert!((s.goldstein_mean.unwrap() - mean).abs() < 1e-9);
            let w: f64 = evs
                .iter()
                .map(|e| e.goldstein.unwrap() * e.num_mentions as f64)
                .sum::<f64>()
                / s.mentions as f64;
            assert!((s.goldstein_weighted.unwrap() - w).abs() < 1e-9);
        }
    }
    // Week labels are Mondays.
    for s in store.stats(&filter, Period::Week).unwrap() {
        use chrono::Datelike;
        assert_eq!(date(&s.period).weekday(), chrono::Weekday::Mon);
    }
}

fn exported(store: &Store, format: ExportFormat) -> Vec<u8> {
    let mut out = Vec::new();
    store.export(&Filter::default(), format, &mut out).unwrap();
    out
}

#[test]
fn csv_and_jsonl_exports_read_back_equal() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    let mut docs = corpus(80, 5);
    // Text that CSV must quote.
    docs.push(doc(
        Some("q\"uote,d"),
        Some("Wire, \"Inc\"\nLtd"),
        "2016-05-20",
        &[vec![ev("112", RUS, TUR)]],
    ));
    store.write_batch(&docs).unwrap();
    let rows = all(&store);

    let csv_bytes = exported(&store, ExportFormat::Csv);
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, dyad_store::EVENT_COLUMNS);
    let back: Vec<EventRow> = reader.deserialize().map(|r| r.unwrap()).collect();
    assert_eq!(back, rows);

    let jsonl = exported(&store, ExportFormat::Jsonl);
    let back: Vec<EventRow> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(back, rows);
}

#[test]
fn parquet_export_reads_back_with_its_types() {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, Int64Type, Int8Type};
    use arrow_array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let (dir, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    // Enough rows for more than one record batch.
    for chunk in corpus(6000, 11).chunks(1000) {
        store.write_batch(chunk).unwrap();
    }
    let rows = all(&store);
    assert!(rows.len() > 8192, "{}", rows.len());
    let file = dir.path().join("out.parquet");
    let n = store
        .export(
            &Filter::default(),
            ExportFormat::Parquet,
            std::fs::File::create(&file).unwrap(),
        )
        .unwrap();
    assert_eq!(n as usize, rows.len());

    let reader =
        ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&file).unwrap()).unwrap();
    let schema = reader.schema().clone();
    assert_eq!(schema.as_ref(), dyad_store::parquet_schema().as_ref());
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(names, dyad_store::EVENT_COLUMNS);
    let mut i = 0;
    let day = |d: &Option<String>| {
        d.as_deref()
            .map(|s| (date(s) - date("1970-01-01")).num_days() as i32)
    };
    let opt_str =
        |a: &arrow_array::StringArray, k: usize| (!a.is_null(k)).then(|| a.value(k).to_string());
    for batch in reader.build().unwrap() {
        let b = batch.unwrap();
        let col = |name: &str| b.column(schema.index_of(name).unwrap()).clone();
        let ids = col("event_id");
        let ids = ids.as_primitive::<Int64Type>();
        let dates = col("date");
        let dates = dates.as_primitive::<Date32Type>();
        let gold = col("goldstein");
        let gold = gold.as_primitive::<Float64Type>();
        let quad = col("quad_class");
        let quad = quad.as_primitive::<Int8Type>();
        let mentions = col("num_mentions");
        let mentions = mentions.as_primitive::<Int64Type>();
        let sources = col("num_sources");
        let sources = sources.as_primitive::<Int64Type>();
        let first = col("first_seen");
        let first = first.as_primitive::<Date32Type>();
        let lat = col("location_lat");
        let lat = lat.as_primitive::<Float64Type>();
        let src = col("source_code");
        let src = src.as_string::<i32>();
        let tgt = col("target_code");
        let tgt = tgt.as_string::<i32>();
        let cameo = col("cameo");
        let cameo = cameo.as_string::<i32>();
        let place = col("location_name");
        let place = place.as_string::<i32>();
        let url = col("url");
        let url = url.as_string::<i32>();
        let lead = col("lead");
        let lead = lead.as_boolean();
        for k in 0..b.num_rows() {
            let e = &rows[i];
            assert_eq!(ids.value(k), e.event_id);
            assert_eq!((!dates.is_null(k)).then(|| dates.value(k)), day(&e.date));
            assert_eq!((!gold.is_null(k)).then(|| gold.value(k)), e.goldstein);
            assert_eq!(
                (!quad.is_null(k)).then(|| quad.value(k) as u8),
                e.quad_class
            );
            assert_eq!(mentions.value(k), e.num_mentions);
            assert_eq!(sources.value(k), e.num_sources);
            assert_eq!(
                (!first.is_null(k)).then(|| first.value(k)),
                day(&e.first_seen)
            );
            assert_eq!((!lat.is_null(k)).then(|| lat.value(k)), e.location_lat);
            assert_eq!(opt_str(src, k), e.source_code);
            assert_eq!(opt_str(tgt, k), e.target_code);
            assert_eq!(cameo.value(k), e.cameo);
            assert_eq!(opt_str(place, k), e.location_name);
            assert_eq!(opt_str(url, k), e.url);
            assert_eq!(lead.value(k), e.lead);
            i += 1;
        }
    }
    assert_eq!(i, rows.len());
}

#[test]
fn gdelt_export_has_61_columns_in_gdelt_order() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    store.write_batch(&corpus(50, 8)).unwrap();
    let rows = all(&store);
    let text = String::from_utf8(exported(&store, ExportFormat::Gdelt)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), rows.len());
    let cols = dyad_store::gdelt_columns();
    let at = |name: &str| cols.iter().position(|c| c == name).unwrap();
    for (line, e) in lines.iter().zip(&rows) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 61);
        assert_eq!(f[at("GLOBALEVENTID")], e.event_id.to_string());
        assert_eq!(
            f[at("SQLDATE")],
            e.date.as_deref().unwrap().replace('-', "")
        );
        assert_eq!(f[at("Actor1Code")], e.source_code.as_deref().unwrap_or(""));
        assert_eq!(f[at("Actor2Code")], e.target_code.as_deref().unwrap_or(""));
        assert_eq!(f[at("EventCode")], e.cameo);
        assert_eq!(f[at("EventRootCode")], e.root);
        assert_eq!(f[at("QuadClass")], e.quad_class.unwrap().to_string());
        assert_eq!(f[at("NumMentions")], e.num_mentions.to_string());
        assert_eq!(f[at("NumArticles")], e.num_articles.to_string());
        assert_eq!(f[at("SOURCEURL")], e.url.as_deref().unwrap());
        assert_eq!(
            f[at("ActionGeo_FullName")],
            e.location_name.as_deref().unwrap_or("")
        );
        assert_eq!(f[at("AvgTone")], "");
    }
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_store_from_a_newer_dyad_is_refused_untouched() {
    let (_d, path) = tmp();
    {
        let mut store = Store::open(&path).unwrap();
        store.write_batch(&corpus(3, 1)).unwrap();
    }
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA user_version = {}",
            dyad_store::SCHEMA_VERSION + 1
        ))
        .unwrap();
    }
    let before = file_bytes(&path);
    for open in [Store::open, Store::open_existing] {
        match open(&path) {
            Err(Error::NewerSchema {
                found, supported, ..
            }) => {
                assert_eq!(
                    (found, supported),
                    (dyad_store::SCHEMA_VERSION + 1, dyad_store::SCHEMA_VERSION)
                );
            }
            Err(e) => panic!("expected a newer-schema error, got {e}"),
            Ok(_) => panic!("expected a newer-schema error, the store opened"),
        }
    }
    assert_eq!(file_bytes(&path), before);
    let msg = Store::open(&path).err().unwrap().to_string();
    assert!(
        msg.contains("newer dyad") && msg.contains("not changed"),
        "{msg}"
    );
}

#[test]
fn files_that_are_not_dyad_stores_are_refused_untouched() {
    let (dir, _) = tmp();
    // Not SQLite at all.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "this is not a database\n".repeat(200)).unwrap();
    match Store::open(&junk) {
        Err(e @ Error::NotADatabase { .. }) => {
            assert!(e.to_string().contains("not a database"), "{e}")
        }
        Err(e) => panic!("expected not-a-database, got {e}"),
        Ok(_) => panic!("junk opened as a store"),
    }
    assert_eq!(
        file_bytes(&junk),
        "this is not a database\n".repeat(200).as_bytes()
    );

    // SQLite, but someone else's.
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = file_bytes(&other);
    assert!(matches!(Store::open(&other), Err(Error::NotDyad { .. })));
    assert_eq!(file_bytes(&other), before);

    // A missing store is not created by readers.
    let missing = dir.path().join("missing.db");
    assert!(matches!(
        Store::open_existing(&missing),
        Err(Error::Missing { .. })
    ));
    assert!(!missing.exists());
}

#[test]
fn a_damaged_store_is_reported_not_trusted() {
    let (_d, path) = tmp();
    {
        let mut store = Store::open(&path).unwrap();
        store.write_batch(&corpus(400, 4)).unwrap();
    }
    let mut bytes = file_bytes(&path);
    let page = 4096;
    assert!(bytes.len() > 8 * page);
    // Scribble over the middle pages (b-tree pages of the tables and indexes).
    let end = bytes.len() - 2 * page;
    for b in &mut bytes[3 * page..end] {
        *b = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    let outcome = Store::open_existing(&path).and_then(|store| {
        let problems = store.integrity_check()?;
        Ok((problems, store.counts()))
    });
    match outcome {
        Err(Error::Corrupt { .. } | Error::NotADatabase { .. }) => {}
        Ok((problems, _)) => assert!(!problems.is_empty(), "damage went unnoticed"),
        Err(e) => panic!("unexpected error for a damaged store: {e}"),
    }
}

#[test]
fn a_locked_store_gives_up_after_the_busy_timeout_and_writes_nothing() {
    let (_d, path) = tmp();
    Store::open(&path).unwrap();
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let opts = OpenOptions {
        create: true,
        busy_timeout: Duration::from_millis(300),
    };
    let mut store = Store::open_with(&path, &opts).unwrap();
    let started = std::time::Instant::now();
    match store.write_batch(&corpus(3, 2)) {
        Err(e @ Error::Locked { .. }) => assert!(e.to_string().contains("locked"), "{e}"),
        other => panic!("expected a locked error, got {other:?}"),
    }
    assert!(started.elapsed() >= Duration::from_millis(250));
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(store.counts().unwrap().documents, 0);
    // Once the lock is gone the same store works.
    assert_eq!(store.write_batch(&corpus(3, 2)).unwrap().added, 3);
}

#[test]
fn a_full_disk_rolls_the_batch_back() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    let docs = corpus(600, 21);
    store.write_batch(&docs[..50]).unwrap();
    let before = store.counts().unwrap();
    let rows = all(&store);
    let pages: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store.limit_pages_for_test(pages as u64 + 3).unwrap();
    match store.write_batch(&docs[50..]) {
        Err(e @ Error::DiskFull { .. }) => assert!(e.to_string().contains("rolled back"), "{e}"),
        other => panic!("expected a disk-full error, got {other:?}"),
    }
    assert_eq!(store.counts().unwrap(), before);
    assert_eq!(all(&store), rows);
    assert_sound(&store);
    drop(store);
    // With room again, the same batch goes in whole.
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.write_batch(&docs[50..]).unwrap().added, 550);
    assert_sound(&store);
}

#[test]
fn the_integrity_check_finds_counts_that_disagree_with_mentions() {
    let (_d, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    store.write_batch(&corpus(20, 6)).unwrap();
    assert_sound(&store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("UPDATE events SET num_mentions = num_mentions + 1 WHERE id = 1")
        .unwrap();
    let problems = store.integrity_check().unwrap();
    assert!(
        problems.iter().any(|p| p.contains("counts disagree")),
        "{problems:?}"
    );
    conn.execute_batch(
        "UPDATE events SET num_mentions = num_mentions - 1 WHERE id = 1; \
         UPDATE events SET source_code = 'ZZZ' WHERE id = 2;",
    )
    .unwrap();
    let problems = store.integrity_check().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("not in actors"), "{problems:?}");
}

#[test]
fn event_pages_joined_are_the_whole_query_with_undated_events_too() {
    let (_dir, path) = tmp();
    let mut store = Store::open(&path).unwrap();
    let mut docs = Vec::new();
    for (i, day) in ["2016-05-02", "2016-05-01", "2016-05-02", "2016-05-03"]
        .iter()
        .enumerate()
    {
        let id = format!("d{i}");
        let mut d = doc(
            Some(&id),
            Some("Reuters"),
            day,
            &[
                vec![ev("111", RUS, TUR), ev("190", TUR, SYRREB)],
                vec![ev("042", USA, RUS)],
            ],
        );
        // Undated events sort first (NULL); the cursor must step over them too.
        if i % 2 == 1 {
            d.events[0].date = None;
        }
        docs.push(d);
    }
    store.write_batch(&docs).unwrap();
    let every = all(&store);
    assert!(every.iter().any(|e| e.date.is_none()) && every.len() > 6);
    for filter in [
        Filter::default(),
        Filter {
            source: Some("TUR".into()),
            ..Filter::default()
        },
    ] {
        let want = store.events(&filter).unwrap();
        for size in 1..=4u64 {
            let mut got = Vec::new();
            let mut after: Option<dyad_store::Cursor> = None;
            loop {
                let (page, next) = store.events_page(&filter, after.as_ref(), size).unwrap();
                assert!(page.len() as u64 <= size);
                got.extend(page);
                match next {
                    // The cursor goes through its text form, as the API sends it.
                    Some(c) => after = Some(c.to_string().parse().unwrap()),
                    None => break,
                }
            }
            assert_eq!(got, want, "page size {size}");
        }
    }
    for bad in ["", "x", "2016-05-01", "2016-13-01.4", "2016-05-01.x"] {
        assert!(
            matches!(bad.parse::<dyad_store::Cursor>(), Err(Error::BadFilter(_))),
            "{bad:?}"
        );
    }
    // The document view holds every mention, spans inside its text.
    let view = store.document("d0").unwrap().unwrap();
    assert_eq!(view.mentions.len(), 3);
    for m in &view.mentions {
        assert_eq!(
            &view.text[m.sentence_start as usize..m.sentence_end as usize],
            m.sentence
        );
    }
    assert!(store.document("nope").unwrap().is_none());
    // Actor search by code prefix and by name.
    let found = store.search_actors("tu", 10).unwrap();
    assert_eq!(found[0].code, "TUR");
    let as_source = every
        .iter()
        .filter(|e| e.source_code.as_deref() == Some("TUR"))
        .count();
    assert_eq!(found[0].as_source as usize, as_source);
    let by_name = store.search_actors("rebels", 10).unwrap();
    assert_eq!(by_name.len(), 1);
    assert_eq!(by_name[0].code, "SYRREB");
}
