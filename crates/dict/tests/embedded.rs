//! The embedded default dictionaries: they load, they cover what the product promises, and every
//! verb code is a real CAMEO code.

use chrono::NaiveDate;
use dyad_events::Codebook;
use std::collections::BTreeSet;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_defaults_load_and_compile() {
    let d = dyad_dict::load(&[]).expect("embedded dictionaries parse");
    let set = &d.set;
    let countries = set
        .actors
        .iter()
        .filter(|a| a.country.as_deref() == Some(a.code.as_str()))
        .count();
    assert!(countries >= 240, "{countries} country actors");
    assert!(set.persons.len() >= 300, "{} persons", set.persons.len());
    assert!(set.verbs.len() >= 1000, "{} verb patterns", set.verbs.len());
    let agents: BTreeSet<&str> = set.agents.iter().map(|a| a.code.as_str()).collect();
    for code in [
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "MED", "BUS", "CVL", "REF",
    ] {
        assert!(agents.contains(code), "agent {code} missing");
    }
}

#[test]
fn every_verb_code_is_in_the_codebook_and_every_code_has_patterns() {
    let d = dyad_dict::load(&[]).unwrap();
    let book = Codebook::embedded();
    let mut covered = BTreeSet::new();
    // (`---` is the null code: a pattern that codes nothing and keeps a weaker one from coding.)
    for v in d.set.verbs.iter().filter(|v| v.code != "---") {
        assert!(
            book.get(&v.code).is_some(),
            "{}: {} is not a CAMEO code",
            v.origin,
            v.code
        );
        covered.insert(v.code.as_str());
    }
    let missing: Vec<&str> = book
        .iter()
        .map(|e| e.code.as_str())
        .filter(|c| c.len() >= 3 && !covered.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "CAMEO codes with no verb pattern: {missing:?}"
    );
}

/// How many people hold a government role (`XXXGOV`) in `country` on `day`.
fn in_government(d: &dyad_dict::Dictionaries, country: &str, day: &str) -> usize {
    let gov = format!("{country}GOV");
    let on = date(day);
    d.set
        .persons
        .iter()
        .filter(|p| p.role_at(Some(on)).is_some_and(|r| r.code == gov))
        .count()
}

#[test]
fn g20_and_conflict_countries_have_office_holders_on_recent_dates() {
    let d = dyad_dict::load(&[]).unwrap();
    let g20 = [
        "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS",
        "SAU", "ZAF", "KOR", "TUR", "GBR", "USA",
    ];
    let conflict = [
        "SYR", "UKR", "ISR", "PSE", "IRN", "IRQ", "AFG", "YEM", "LBY", "SDN", "SOM", "ARM", "AZE",
        "COL",
    ];
    for day in ["2016-05-17", "2020-03-01", "2024-01-15"] {
        for c in g20 {
            // Head of state or government, foreign minister, defence minister: at least two of them
            // everywhere, three where the dictionary is complete.
            let n = in_government(&d, c, day);
            assert!(n >= 2, "{c}: only {n} people in government on {day}");
        }
        for c in conflict {
            let n = in_government(&d, c, day);
            assert!(n >= 1, "{c}: nobody in government on {day}");
        }
    }
    let complete = g20
        .iter()
        .filter(|c| in_government(&d, c, "2024-01-15") >= 3)
        .count();
    assert!(
        complete >= 18,
        "only {complete} G20 countries have three office holders in 2024"
    );
}

#[test]
fn people_change_codes_with_their_offices() {
    let d = dyad_dict::load(&[]).unwrap();
    let person = |name: &str| {
        d.set
            .persons
            .iter()
            .find(|p| p.name.contains(name))
            .unwrap_or_else(|| panic!("{name} is in the dictionary"))
    };
    let trump = person("Donald Trump");
    assert_eq!(
        trump.role_at(Some(date("2018-01-01"))).unwrap().code,
        "USAGOV"
    );
    assert_ne!(
        trump.role_at(Some(date("2022-01-01"))).unwrap().code,
        "USAGOV"
    );
    let lavrov = person("Lavrov");
    assert_eq!(
        lavrov.role_at(Some(date("2016-05-17"))).unwrap().code,
        "RUSGOV"
    );
}
