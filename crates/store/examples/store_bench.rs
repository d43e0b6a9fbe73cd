//! Store benchmark: write synthetic coded documents through the public API, then time the queries
//! an analyst runs most (a dyad's monthly series, a dyad's events in a date range, full text).
//!
//! usage: store_bench DB [DOCUMENTS] [EVENTS_PER_DOCUMENT] [RUNS]
//! (defaults 260000, 5, 21). An existing DB is reused (its documents are skipped as unchanged),
//! so the query timings can be rerun without ingesting again.

use chrono::NaiveDate;
use dyad_store::{
    ActorRecord, CodedDocument, DocumentRecord, EventRecord, EvidenceRecord, Filter, Period, Store,
};
use std::path::PathBuf;
use std::time::Instant;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Index into a list where earlier entries are much more likely (news is about few countries).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) - 1.0) as usize % n
    }
}

const COUNTRIES: &[(&str, &str)] = &[
    ("USA", "Washington"),
    ("RUS", "Moscow"),
    ("CHN", "Beijing"),
    ("UKR", "Kyiv"),
    ("TUR", "Ankara"),
    ("ISR", "Israel"),
    ("IRN", "Tehran"),
    ("SYR", "Damascus"),
    ("GBR", "London"),
    ("FRA", "Paris"),
    ("DEU", "Berlin"),
    ("IND", "New Delhi"),
    ("PAK", "Islamabad"),
    ("SAU", "Riyadh"),
    ("EGY", "Cairo"),
    ("JPN", "Tokyo"),
    ("KOR", "Seoul"),
    ("PRK", "Pyongyang"),
    ("AFG", "Kabul"),
    ("IRQ", "Baghdad"),
    ("NGA", "Abuja"),
    ("BRA", "Brasilia"),
    ("MEX", "Mexico City"),
    ("COL", "Bogota"),
    ("VEN", "Caracas"),
    ("SDN", "Khartoum"),
    ("ETH", "Addis Ababa"),
    ("POL", "Warsaw"),
    ("ARM", "Yerevan"),
    ("AZE", "Baku"),
    ("QAT", "Doha"),
    ("LBN", "Beirut"),
    ("YEM", "Sanaa"),
    ("LBY", "Tripoli"),
    ("MLI", "Bamako"),
    ("SOM", "Mogadishu"),
    ("KEN", "Nairobi"),
    ("ZAF", "Pretoria"),
    ("AUS", "Canberra"),
    ("CAN", "Ottawa"),
];
const ROLES: &[&str] = &[
    "", "", "GOV", "MIL", "GOV", "OPP", "REB", "CVL", "BUS", "MED",
];
const CAMEOS: &[(&str, &str, f64, u8)] = &[
    ("010", "said", 0.0, 1),
    ("012", "criticised", -0.4, 1),
    ("020", "appealed to", 3.0, 1),
    ("036", "offered talks to", 4.0, 1),
    ("040", "consulted", 1.0, 1),
    ("042", "visited", 1.9, 1),
    ("043", "hosted", 2.8, 1),
    ("046", "negotiated with", 7.0, 1),
    ("051", "praised", 3.4, 1),
    ("057", "signed a deal with", 8.0, 1),
    ("061", "cooperated with", 6.4, 2),
    ("071", "sent aid to", 7.4, 2),
    ("073", "gave humanitarian aid to", 7.4, 2),
    ("081", "lifted sanctions on", 5.0, 2),
    ("111", "criticised", -2.0, 3),
    ("112", "accused", -2.0, 3),
    ("120", "rejected", -4.0, 3),
    ("130", "threatened", -4.4, 3),
    ("138", "threatened to attack", -7.0, 3),
    ("163", "imposed an embargo on", -8.0, 4),
    ("172", "sanctioned", -5.0, 4),
    ("173", "arrested citizens of", -5.0, 4),
    ("190", "attacked", -10.0, 4),
    ("193", "fought", -10.0, 4),
    ("195", "bombed", -10.0, 4),
];
const OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "AFP",
    "BBC",
    "Al Jazeera",
    "TASS",
    "Xinhua",
    "DPA",
    "Anadolu",
    "NYT",
];

/// One event as a (date, source, target, cameo) choice, kept so later documents can report it again.
#[derive(Clone)]
struct Pick {
    day: NaiveDate,
    src: (usize, usize),
    tgt: (usize, usize),
    cameo: usize,
}

fn actor(c: (usize, usize), text: &str, offset: usize) -> ActorRecord {
    let (code, name) = COUNTRIES[c.0];
    let start = offset + text.find(name).unwrap_or(0);
    ActorRecord {
        code: format!("{code}{}", ROLES[c.1]),
        country: Some(code.to_string()),
        name: name.to_string(),
        span: (start, start + name.len()),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(db) = args.get(1).map(PathBuf::from) else {
        eprintln!("usage: store_bench DB [DOCUMENTS] [EVENTS_PER_DOCUMENT] [RUNS]");
        std::process::exit(2);
    };
    let arg = |i: usize, d: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let docs = arg(2, 260_000);
    let per_doc = arg(3, 5);
    let runs = arg(4, 21);
    let mut store = Store::open(&db).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let epoch = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut recent: Vec<Pick> = Vec::new();
    let started = Instant::now();
    let mut written = dyad_store::BatchStats::default();
    let mut batch = Vec::with_capacity(512);
    for i in 0..docs {
        let day = epoch + chrono::Duration::days((i * 3650 / docs) as i64);
        let mut text = String::new();
        let mut events = Vec::new();
        for k in 0..per_doc {
            // One report in five repeats an event another document already reported.
            let pick = if !recent.is_empty() && rng.below(5) == 0 {
                recent[rng.below(recent.len())].clone()
            } else {
                let src = (rng.skewed(COUNTRIES.len()), rng.below(ROLES.len()));
                let mut tgt = (rng.skewed(COUNTRIES.len()), rng.below(ROLES.len()));
                if tgt.0 == src.0 {
                    tgt.0 = (tgt.0 + 1) % COUNTRIES.len();
                }
                let p = Pick {
                    day,
                    src,
                    tgt,
                    cameo: rng.below(CAMEOS.len()),
                };
                if recent.len() < 4096 {
                    recent.push(p.clone());
                } else {
                    let slot = rng.below(recent.len());
                    recent[slot] = p.clone();
                }
                p
            };
            let (cameo, verb, goldstein, quad) = CAMEOS[pick.cameo];
            let (_, src_name) = COUNTRIES[pick.src.0];
            let (_, tgt_name) = COUNTRIES[pick.tgt.0];
            if k > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&format!(
                "{src_name} {verb} {tgt_name} on {} over the dispute.",
                pick.day.format("%A")
            ));
            let sentence = text[start..].to_string();
            let v = start + sentence.find(verb).unwrap_or(0);
            events.push(EventRecord {
                sentence_index: k,
                sentence_span: (start, text.len()),
                source: Some(actor(pick.src, &sentence, start)),
                target: Some(actor(pick.tgt, &sentence, start)),
                sentence,
                date: Some(pick.day),
                date_precision: None,
                cameo: cameo.into(),
                root: cameo[..2].into(),
                goldstein: Some(goldstein),
                quad_class: Some(quad),
                evidence: EvidenceRecord {
                    verb: verb.into(),
                    span: (v, v + verb.len()),
                    pattern: format!("{cameo} {verb} +"),
                },
                attribution: None,
                location: None,
            });
        }
        let document = DocumentRecord::new(
            Some(format!("bench-{i}")),
            Some(day),
            None,
            Some(format!("https://example.org/{i}")),
            Some(OUTLETS[rng.below(OUTLETS.len())].to_string()),
            text,
        );
        batch.push(CodedDocument { document, events });
        if batch.len() == 512 || i + 1 == docs {
            let s = store.write_batch(&batch).unwrap_or_else(|e| {
                eprintln!("{e}");
                std::process::exit(2)
            });
            written.add(&s);
            batch.clear();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let counts = store.counts().unwrap();
    println!(
        "ingest: {docs} documents ({} added, {} unchanged), {} mentions in {secs:.1} s: {:.0} documents/s, {:.0} mentions/s",
        written.added,
        written.unchanged,
        written.mentions,
        written.added as f64 / secs,
        written.mentions as f64 / secs
    );
    println!(
        "store: {} documents, {} events, {} mentions, {} actors, {:.0} MB",
        counts.documents,
        counts.events,
        counts.mentions,
        counts.actors,
        std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
    let t = Instant::now();
    store.optimize().unwrap();
    println!("optimize (ANALYZE): {:.2} s", t.elapsed().as_secs_f64());

    let time = |label: &str, f: &mut dyn FnMut() -> usize| {
        let mut ms = Vec::with_capacity(runs);
        let mut rows = 0;
        for _ in 0..runs {
            let t = Instant::now();
            rows = f();
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        ms.sort_by(|a, b| a.total_cmp(b));
        println!(
            "{label}: median {:.2} ms (min {:.2}, max {:.2}) over {runs} runs, {rows} rows",
            ms[ms.len() / 2],
            ms[0],
            ms[ms.len() - 1]
        );
    };
    let dyad = |s: &str, t: &str| Filter {
        source: Some(s.into()),
        target: Some(t.into()),
        ..Filter::default()
    };
    let rus_tur = dyad("RUS", "TUR");
    let n_dyad = store.events(&rus_tur).unwrap().len();
    println!("dyad RUS:TUR (prefixes): {n_dyad} events");
    time("stats --by month --dyad RUS:TUR", &mut || {
        store.stats(&rus_tur, Period::Month).unwrap().len()
    });
    time("stats --by week --dyad RUS:TUR", &mut || {
        store.stats(&rus_tur, Period::Week).unwrap().len()
    });
    time("stats --by month --dyad USAGOV:CHNGOV", &mut || {
        store
            .stats(&dyad("USAGOV", "CHNGOV"), Period::Month)
            .unwrap()
            .len()
    });
    time("stats --by month --dyad ARM:AZE", &mut || {
        store
            .stats(&dyad("ARM", "AZE"), Period::Month)
            .unwrap()
            .len()
    });
    time("stats --by month --actor SYR", &mut || {
        let f = Filter {
            actor: Some("SYR".into()),
            ..Filter::default()
        };
        store.stats(&f, Period::Month).unwrap().len()
    });
    time(
        "query --source RUS --target TUR --from/--to one month",
        &mut || {
            let f = Filter {
                from: NaiveDate::from_ymd_opt(2020, 5, 1),
                to: NaiveDate::from_ymd_opt(2020, 5, 31),
                ..rus_tur.clone()
            };
            store.events(&f).unwrap().len()
        },
    );
    time("query --text \"Ankara\" --root 19 --limit 100", &mut || {
        let f = Filter {
            text: Some("Ankara".into()),
            root: Some("19".into()),
            limit: Some(100),
            ..Filter::default()
        };
        store.events(&f).unwrap().len()
    });
}
