//! Any text and any ranges: results stay inside the text, on character boundaries, and nothing
//! panics. Every prefix and suffix of a story full of multi-byte characters, unbalanced quotes
//! and place names is run through all three analyses.

use chrono::NaiveDate;
use dyad_context::{attribute, find_dates, find_quotes, DocPlaces};

const TEXT: &str = "KYIV, Ukraine (AP) \u{2014} \u{201C}Nous r\u{00E9}sisterons,\u{201D} said the mayor of Kharkiv on Tuesday, May 17.\n\n\
\"It\u{2019}s over,\" he added. \u{2018}Unbalanced \"quote in S\u{00E3}o Paulo since 2014-02-29 and in northern Syria last week.\n\n\
\u{00AB}Zürich\u{00BB} \"\" \u{201D} the past few weeks, near Mosul, Iraq; in Tripoli-based \u{1F600} groups \"";

fn check(text: &str) {
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    let p = NaiveDate::from_ymd_opt(2016, 5, 18);
    for d in find_dates(text, 0..text.len(), p, false) {
        assert!(ok(&d.span), "{text:?} {d:?}");
        assert_eq!(&text[d.span.clone()], d.text);
    }
    let qs = find_quotes(text);
    for q in &qs {
        assert!(ok(&q.span) && ok(&q.inner), "{text:?} {q:?}");
        assert!(q.span.start <= q.inner.start && q.inner.end <= q.span.end);
        if let Some(s) = &q.speaker {
            assert!(ok(&s.span) && ok(&s.verb), "{text:?} {s:?}");
        }
    }
    let att = attribute(text, &qs, &|m: std::ops::Range<usize>| Some(m.len()));
    assert_eq!(att.len(), qs.len());
    let sentences: Vec<_> = dyad_text::split_sentences(text)
        .iter()
        .map(|s| s.start..s.end)
        .collect();
    let dl = dyad_text::dateline(text).map(|d| d.start..d.end);
    let places = DocPlaces::new(text, &sentences, dl, &["UKR"]);
    for l in places.places().iter().chain(places.dateline()) {
        assert!(ok(&l.span), "{text:?} {l:?}");
        assert!(l.lat.abs() <= 90.0 && l.lon.abs() <= 180.0);
    }
    let _ = places.for_clause(0..text.len(), text.len() / 2);
}

#[test]
fn every_prefix_and_suffix() {
    for (i, _) in TEXT.char_indices() {
        check(&TEXT[..i]);
        check(&TEXT[i..]);
    }
    check(TEXT);
}

#[test]
fn the_full_text_finds_what_it_should() {
    let whole = 0..TEXT.len();
    let places = DocPlaces::new(
        TEXT,
        std::slice::from_ref(&whole),
        dyad_text::dateline(TEXT).map(|d| d.start..d.end),
        &[],
    );
    let d = places.dateline().expect("dateline");
    assert_eq!((d.name, d.country), ("Kyiv", "UKR"));
    let names: Vec<&str> = places.places().iter().map(|l| l.name).collect();
    // "the mayor of Kharkiv" names an office, not where something happens.
    assert_eq!(names, ["São Paulo", "Syria", "Mosul", "Tripoli"]);
    let mosul = &places.places()[2];
    assert_eq!(&TEXT[mosul.span.clone()], "Mosul, Iraq");
}
