//! Place phrases resolved with the real (embedded) GeoNames gazetteer. Coordinates are the
//! GeoNames points written by scripts/gen_gazetteer.py, checked by hand against the data file.

use std::ops::Range;

use dyad_context::{DocPlaces, Gazetteer, Kind, Location, LocationPrecision};

fn sentences(text: &str) -> Vec<Range<usize>> {
    dyad_text::split_sentences(text)
        .iter()
        .map(|s| s.start..s.end)
        .collect()
}

fn places(text: &str, hints: &[&str]) -> DocPlaces {
    let dl = dyad_text::dateline(text).map(|d| d.start..d.end);
    DocPlaces::new(text, &sentences(text), dl, hints)
}

/// The location of the sentence containing `verb`, anchored at the verb.
fn at(text: &str, p: &DocPlaces, verb: &str) -> Option<Location> {
    let v = text.find(verb).expect("verb in text");
    let s = sentences(text)
        .into_iter()
        .find(|s| s.start <= v && v < s.end)
        .expect("sentence");
    p.for_clause(s, v)
}

fn brief(text: &str, l: &Location) -> (String, &'static str, &'static str, LocationPrecision) {
    (
        text[l.span.clone()].to_string(),
        l.name,
        l.country,
        l.precision,
    )
}

const MOSCOW_STORY: &str =
    "MOSCOW (Reuters) - Russia and the United States agreed on Tuesday to hold new talks on Syria.

The meeting will take place in Geneva next week, a Kremlin spokesman said.

Fighting continued in northern Syria, where rebels shelled the northwestern city of Aleppo.

The delegation left on Wednesday.";

#[test]
fn dateline_and_body_disagree() {
    let t = MOSCOW_STORY;
    let p = places(t, &[]);
    let d = p.dateline().expect("dateline place");
    assert_eq!(
        brief(t, d),
        ("MOSCOW".into(), "Moscow", "RUS", LocationPrecision::City)
    );
    // No place in the clause: the dateline. "on Syria" is no locative cue.
    let l = at(t, &p, "agreed").unwrap();
    assert_eq!(l.name, "Moscow");
    assert_eq!(&t[l.span.clone()], "MOSCOW");
    // The body names another place: it wins over the dateline.
    let l = at(t, &p, "take place").unwrap();
    assert_eq!(
        brief(t, &l),
        ("Geneva".into(), "Geneva", "CHE", LocationPrecision::City)
    );
    assert!((l.lat - 46.2022).abs() < 1e-3 && (l.lon - 6.1457).abs() < 1e-3);
    // Two places in one sentence: the one nearest the verb.
    let l = at(t, &p, "continued").unwrap();
    assert_eq!(
        brief(t, &l),
        (
            "northern Syria".into(),
            "Syria",
            "SYR",
            LocationPrecision::Country
        )
    );
    assert_eq!(l.admin1, None);
    let l = at(t, &p, "shelled").unwrap();
    assert_eq!(
        brief(t, &l),
        (
            "the northwestern city of Aleppo".into(),
            "Aleppo",
            "SYR",
            LocationPrecision::City
        )
    );
    assert_eq!(l.admin1, Some("Aleppo"));
    assert!((l.lat - 36.2012).abs() < 1e-3 && (l.lon - 37.1612).abs() < 1e-3);
    let l = at(t, &p, "left").unwrap();
    assert_eq!(l.name, "Moscow");
    // Russia, the United States and Syria in "on Syria" have no cue: not places of their own.
    let names: Vec<&str> = p.places().iter().map(|l| l.name).collect();
    assert_eq!(names, ["Geneva", "Syria", "Aleppo"]);
}

#[test]
fn same_name_resolved_by_the_document() {
    // Lebanon is named (without a cue) in the story: Tripoli is Lebanon's.
    let t = "Troops deployed in Tripoli on Sunday after clashes. Lebanon's army said the city was calm.";
    let l = at(t, &places(t, &[]), "deployed").unwrap();
    assert_eq!((l.name, l.country), ("Tripoli", "LBN"));
    // Without context the larger, better-known Tripoli (Libya's capital); an adjective is no
    // country mention, but a caller's hint is.
    let t = "Libyan militias fought in Tripoli on Sunday.";
    let l = at(t, &places(t, &[]), "fought").unwrap();
    assert_eq!((l.name, l.country), ("Tripoli", "LBY"));
    let l = at(t, &places(t, &["LBN"]), "fought").unwrap();
    assert_eq!(l.country, "LBN");
    // Paris is France's, even when the United States is named...
    let t = "The United States said protesters marched in Paris.";
    assert_eq!(at(t, &places(t, &[]), "marched").unwrap().country, "FRA");
    // ...unless a qualifier says otherwise.
    let t = "A tornado hit Paris, Texas, on Monday.";
    let l = at(t, &places(t, &[]), "hit").unwrap();
    assert_eq!(
        (t[l.span.clone()].to_string(), l.country, l.admin1),
        ("Paris, Texas".to_string(), "USA", Some("Texas"))
    );
    let t = "Talks opened in Vienna.";
    assert_eq!(at(t, &places(t, &[]), "opened").unwrap().country, "AUT");
    let t = "Police searched a house in Vienna, Virginia.";
    let l = at(t, &places(t, &[]), "searched").unwrap();
    assert_eq!((l.country, l.admin1), ("USA", Some("Virginia")));
}

#[test]
fn divisions_alternate_names_and_cues() {
    let t = "Three people died in Idlib province. Storms hit towns in Texas. Shells fell on Kiev. \
             Ships sailed into Sevastopol. Rebels clashed near the Iraqi city of Ramadi.";
    let p = places(t, &[]);
    let got: Vec<_> = p.places().iter().map(|l| brief(t, l)).collect();
    assert_eq!(
        got,
        [
            (
                "Idlib province".into(),
                "Idlib",
                "SYR",
                LocationPrecision::Admin
            ),
            ("Texas".into(), "Texas", "USA", LocationPrecision::Admin),
            (
                "Sevastopol".into(),
                "Sevastopol",
                "UKR",
                LocationPrecision::City
            ),
            (
                "the Iraqi city of Ramadi".into(),
                "Ramadi",
                "IRQ",
                LocationPrecision::City
            ),
        ]
    );
    // "on Kiev" has no cue; "in Kiev" does, and Kiev is an alternate name of Kyiv.
    let t = "Shells fell in Kiev.";
    let l = places(t, &[]).places()[0].clone();
    assert_eq!((l.name, l.country), ("Kyiv", "UKR"));
    // "-based" is a cue for a city.
    let t = "A Vienna-based diplomat said the report was wrong.";
    assert_eq!(places(t, &[]).places()[0].name, "Vienna");
}

#[test]
fn names_that_are_not_places() {
    for t in [
        "Michael Jordan visited the Washington Post offices.",
        "Police said three people died.",
        "Syrian troops advanced on Tuesday.",
        "Russia said it would respond. Moscow warned Washington.",
        "President Assad met officials from Iran.",
        "Chad Smith arrived in March and left in May.",
        "The talks in 2016 failed.",
    ] {
        let p = places(t, &[]);
        assert!(p.places().is_empty(), "{t}: {:?}", p.places());
        assert!(p.dateline().is_none());
        assert_eq!(p.for_clause(0..t.len(), 0), None, "{t}");
    }
}

#[test]
fn dateline_qualifier_and_headline() {
    let t = "TRIPOLI, Lebanon (Reuters) - Clashes broke out overnight.";
    let p = places(t, &[]);
    let d = p.dateline().unwrap();
    assert_eq!((d.name, d.country), ("Tripoli", "LBN"));
    assert_eq!(&t[d.span.clone()], "TRIPOLI");
    let t = "Clashes in the north\n\nTRIPOLI (Reuters) - Militias clashed overnight.";
    assert_eq!(places(t, &[]).dateline().unwrap().country, "LBY");
    // Bad ranges are ignored, not a panic.
    let (start, end) = (3, 1);
    let p = DocPlaces::new("in Vienna", &[0..100, start..end], Some(50..60), &["XXX"]);
    assert!(p.places().is_empty() && p.dateline().is_none());
}

#[test]
fn embedded_gazetteer() {
    let g = Gazetteer::embedded();
    let n = |k: Kind| g.places().iter().filter(|p| p.kind == k).count();
    assert!(n(Kind::Country) >= 240, "{}", n(Kind::Country));
    assert!(n(Kind::Admin) >= 3000, "{}", n(Kind::Admin));
    assert!(n(Kind::City) >= 30000, "{}", n(Kind::City));
    // Every city has a country in the file.
    for p in g.places() {
        assert!(g.country(p.country).is_some(), "{} {}", p.name, p.country);
    }
    let syr = g.country("SYR").unwrap();
    assert_eq!(syr.name, "Syria");
    let wien = g.lookup("Wien");
    let vienna: Vec<_> = wien
        .iter()
        .map(|c| g.place(c.place))
        .filter(|p| p.kind == Kind::City)
        .collect();
    assert_eq!(vienna.len(), 1);
    assert_eq!(
        (vienna[0].name, vienna[0].country, vienna[0].population),
        ("Vienna", "AUT", 1691468)
    );
    assert!(g.lookup("Xyzzy Qwerty").is_empty());
}

#[test]
fn a_waters_name_is_not_the_place_its_first_word_names() {
    // GeoNames has a province "Gulf" (Papua New Guinea); "the Gulf of Oman" is no mention of it.
    let t = "Iran's navy seized a tanker in the Gulf of Oman on Thursday.";
    let p = places(t, &[]);
    assert!(at(t, &p, "seized").is_none());
    // A place after the water's name is still found.
    let t = "The navy seized a tanker in the Gulf of Aden near Djibouti.";
    let p = places(t, &[]);
    assert_eq!(at(t, &p, "seized").map(|l| l.country), Some("DJI"));
}
