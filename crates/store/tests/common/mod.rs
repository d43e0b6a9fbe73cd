//! Builders of documents and events for the store tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use dyad_store::{
    ActorRecord, CodedDocument, DocumentRecord, EventRecord, EvidenceRecord, LocationRecord,
};

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An actor: code, country, name.
pub type Actor = (&'static str, Option<&'static str>, &'static str);

pub const RUS: Actor = ("RUS", Some("RUS"), "Russia");
pub const RUSGOV: Actor = ("RUSGOV", Some("RUS"), "Lavrov");
pub const RUSMIL: Actor = ("RUSMIL", Some("RUS"), "Russian troops");
pub const TUR: Actor = ("TUR", Some("TUR"), "Turkey");
pub const TURGOV: Actor = ("TURGOV", Some("TUR"), "Ankara");
pub const USA: Actor = ("USA", Some("USA"), "Washington");
pub const UNO: Actor = ("IGOUNO", None, "the United Nations");
pub const SYRREB: Actor = ("SYRREB", Some("SYR"), "Syrian rebels");

/// One coded event to put in a sentence.
#[derive(Clone)]
pub struct Ev {
    pub cameo: &'static str,
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    pub verb: &'static str,
    pub location: Option<(&'static str, &'static str)>,
}

pub fn ev(cameo: &'static str, source: Actor, target: Actor) -> Ev {
    Ev {
        cameo,
        source: Some(source),
        target: Some(target),
        verb: verb_for(cameo),
        location: None,
    }
}

pub fn verb_for(cameo: &str) -> &'static str {
    match &cameo[..2] {
        "01" => "said",
        "03" => "pledged",
        "04" => "met",
        "05" => "praised",
        "07" => "sent aid to",
        "11" => "accused",
        "12" => "rejected",
        "13" => "threatened",
        "17" => "arrested",
        "19" => "attacked",
        _ => "dealt with",
    }
}

/// Goldstein score and QuadClass as the codebook gives them for the roots used here.
pub fn scores(cameo: &str) -> (f64, u8) {
    match &cameo[..2] {
        "01" => (0.0, 1),
        "03" => (4.0, 1),
        "04" => (1.0, 1),
        "05" => (3.5, 1),
        "07" => (7.4, 2),
        "11" => (-2.0, 3),
        "12" => (-4.0, 3),
        "13" => (-4.4, 3),
        "17" => (-5.0, 4),
        "19" => (-10.0, 4),
        _ => (0.0, 1),
    }
}

fn actor(a: Actor, text: &str) -> ActorRecord {
    let start = text.find(a.2).unwrap_or(0);
    ActorRecord {
        code: a.0.into(),
        country: a.1.map(Into::into),
        name: a.2.into(),
        span: (start, start + a.2.len()),
    }
}

/// A document whose text is made of one sentence per entry; each sentence names its events'
/// actors and verbs, so every span points at real text.
pub fn doc(
    id: Option<&str>,
    source: Option<&str>,
    day: &str,
    sentences: &[Vec<Ev>],
) -> CodedDocument {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (i, evs) in sentences.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let start = text.len();
        if evs.is_empty() {
            text.push_str("Nothing happened here today.");
        }
        for (k, e) in evs.iter().enumerate() {
            if k > 0 {
                text.push_str(" and ");
            }
            text.push_str(e.source.map(|a| a.2).unwrap_or("Someone"));
            text.push(' ');
            text.push_str(e.verb);
            text.push(' ');
            text.push_str(e.target.map(|a| a.2).unwrap_or("nobody"));
            if let Some((place, _)) = e.location {
                text.push_str(" in ");
                text.push_str(place);
            }
        }
        text.push('.');
        spans.push((start, text.len()));
    }
    let d = Some(date(day));
    let document = DocumentRecord::new(
        id.map(Into::into),
        d,
        Some(format!("title of {}", id.unwrap_or("?"))),
        Some(format!("https://example.org/{}", id.unwrap_or("anon"))),
        source.map(Into::into),
        text.clone(),
    );
    let mut events = Vec::new();
    for (i, evs) in sentences.iter().enumerate() {
        let (s, e_) = spans[i];
        let sentence = &text[s..e_];
        for e in evs {
            let (g, q) = scores(e.cameo);
            let vstart = s + sentence.find(e.verb).unwrap();
            events.push(EventRecord {
                sentence_index: i,
                sentence_span: (s, e_),
                sentence: sentence.to_string(),
                date: d,
                date_precision: None,
                cameo: e.cameo.into(),
                root: e.cameo[..2].into(),
                goldstein: Some(g),
                quad_class: Some(q),
                source: e.source.map(|a| {
                    let mut r = actor(a, sentence);
                    r.span = (r.span.0 + s, r.span.1 + s);
                    r
                }),
                target: e.target.map(|a| {
                    let mut r = actor(a, sentence);
                    r.span = (r.span.0 + s, r.span.1 + s);
                    r
                }),
                evidence: EvidenceRecord {
                    verb: e.verb.into(),
                    span: (vstart, vstart + e.verb.len()),
                    pattern: format!("{} {} +", e.cameo, e.verb),
                },
                attribution: None,
                location: e.location.map(|(name, country)| LocationRecord {
                    name: name.into(),
                    country: Some(country.into()),
                    admin1: None,
                    lat: Some(48.2),
                    lon: Some(16.37),
                    precision: Some("city".into()),
                }),
            });
        }
    }
    CodedDocument { document, events }
}

/// A deterministic pseudo-random corpus with every kind of value the filters look at.
pub fn corpus(n: usize, seed: u64) -> Vec<CodedDocument> {
    let mut s = seed.max(1);
    let mut next = move |m: usize| {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s % m as u64) as usize
    };
    let actors = [RUS, RUSGOV, RUSMIL, TUR, TURGOV, USA, UNO, SYRREB];
    let cameos = [
        "010", "036", "042", "051", "071", "112", "1121", "120", "138", "173", "190", "193",
    ];
    let sources = ["Reuters", "AP", "AFP", "TASS"];
    let places = [("Vienna", "AUT"), ("Ankara", "TUR"), ("Aleppo", "SYR")];
    let mut docs = Vec::new();
    for i in 0..n {
        let day = format!("2016-{:02}-{:02}", 4 + next(4), 1 + next(28));
        let mut sentences = Vec::new();
        for _ in 0..1 + next(4) {
            let mut evs = Vec::new();
            for _ in 0..next(3) {
                let src = actors[next(actors.len())];
                let mut tgt = actors[next(actors.len())];
                if tgt.0 == src.0 {
                    tgt = TUR;
                }
                let mut e = ev(cameos[next(cameos.len())], src, tgt);
                if next(4) == 0 {
                    e.target = None;
                }
                if next(3) == 0 {
                    e.location = Some(places[next(places.len())]);
                }
                evs.push(e);
            }
            sentences.push(evs);
        }
        let id = format!("doc-{i}");
        docs.push(doc(
            Some(&id),
            Some(sources[next(sources.len())]),
            &day,
            &sentences,
        ));
    }
    docs
}
