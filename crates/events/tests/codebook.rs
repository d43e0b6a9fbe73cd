use dyad_events::{quad_class, CameoEntry, Codebook, Plover};

fn book() -> &'static Codebook {
    Codebook::embedded()
}

fn entry(code: &str) -> &'static CameoEntry {
    book()
        .get(code)
        .unwrap_or_else(|| panic!("code {code} missing"))
}

fn plover(event_type: &str, mode: Option<&str>) -> Option<Plover> {
    Some(Plover {
        event_type: event_type.to_string(),
        mode: mode.map(str::to_string),
    })
}

#[test]
fn every_root_and_its_x0_code_is_present() {
    for r in 1..=20 {
        let root = format!("{r:02}");
        let e = entry(&root);
        assert_eq!(e.root(), root);
        let x0 = format!("{root}0");
        assert!(book().is_valid(&x0), "{x0} missing");
        assert!(entry(&x0).name.ends_with("not specified below"), "{x0}");
    }
    assert_eq!(entry("160").name, "Reduce relations, not specified below");
    assert_eq!(entry("16").name, "Reduce relations");
}

#[test]
fn size() {
    assert!(book().len() >= 290, "only {} codes", book().len());
    assert!(!book().is_empty());
    assert_eq!(book().iter().count(), book().len());
}

#[test]
fn codes_are_numeric_sorted_and_unique() {
    let codes: Vec<&str> = book().iter().map(|e| e.code.as_str()).collect();
    for c in &codes {
        assert!((2..=4).contains(&c.len()), "{c}");
        assert!(c.bytes().all(|b| b.is_ascii_digit()), "{c}");
    }
    for w in codes.windows(2) {
        assert!(w[0] < w[1], "{} !< {}", w[0], w[1]);
    }
}

#[test]
fn every_code_has_its_parent() {
    for e in book().iter() {
        if e.code.len() > 2 {
            let parent = &e.code[..e.code.len() - 1];
            assert!(book().is_valid(parent), "{} has no parent {parent}", e.code);
        }
    }
}

#[test]
fn named_four_digit_families_are_complete() {
    for c in [
        "0871", "0872", "0873", "0874", "1031", "1032", "1033", "1034", "1121", "1122", "1123",
        "1124", "1125", "1241", "1242", "1243", "1244", "1245", "1246", "1381", "1382", "1383",
        "1384", "1385", "1711", "1712", "1721", "1722", "1723", "1724", "1821", "1822", "1823",
        "1831", "1832", "1833", "1834", "2041", "2042",
    ] {
        assert!(book().is_valid(c), "{c} missing");
    }
    assert!(!book().is_valid("1835"));
    assert!(!book().is_valid("21"));
    assert!(!book().is_valid(""));
    assert!(!book().is_valid("0"));
}

#[test]
fn goldstein_in_range_and_names_present() {
    for e in book().iter() {
        assert!((-10.0..=10.0).contains(&e.goldstein), "{}", e.code);
        assert!(!e.name.is_empty(), "{}", e.code);
        if let Some(p) = &e.plover {
            assert!(!p.event_type.is_empty());
            assert_ne!(p.mode.as_deref(), Some(""));
        }
    }
}

#[test]
fn quad_classes() {
    for r in 1..=20u8 {
        let root = format!("{r:02}");
        let want = match r {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        };
        assert_eq!(quad_class(&root), Some(want), "{root}");
        assert_eq!(entry(&root).quad_class(), want);
    }
    for bad in ["00", "21", "1", "010", "", "ab", "9"] {
        assert_eq!(quad_class(bad), None, "{bad}");
    }
    assert_eq!(entry("0211").quad_class(), 1);
    assert_eq!(entry("0874").quad_class(), 2);
    assert_eq!(entry("1125").quad_class(), 3);
    assert_eq!(entry("2042").quad_class(), 4);
}

/// Values checked against GDELT's CAMEO.goldsteinscale.txt.
#[test]
fn goldstein_spot_checks() {
    for (code, g) in [
        ("01", 0.0),
        ("010", 0.0),
        ("011", -0.1),
        ("016", -2.0),
        ("0211", 3.4),
        ("022", 3.2),
        ("024", -0.3),
        ("042", 1.9),
        ("057", 8.0),
        ("072", 8.3),
        ("0874", 10.0),
        ("112", -2.0),
        ("13", -6.0),
        ("130", -4.4),
        ("163", -8.0),
        ("165", -6.5),
        ("171", -9.2),
        ("173", -5.0),
        ("182", -9.5),
        ("1821", -9.0),
        ("190", -10.0),
        ("196", -9.5),
        ("201", -9.5),
    ] {
        assert_eq!(entry(code).goldstein, g, "{code}");
    }
}

/// Mappings checked against openeventdata/PLOVER CAMEO2PLOVER-2021.txt.
#[test]
fn plover_spot_checks() {
    assert_eq!(entry("01").plover, None);
    assert_eq!(entry("010").plover, None);
    assert_eq!(entry("0211").plover, None);
    assert_eq!(entry("030").plover, plover("AGREE", None));
    assert_eq!(entry("041").plover, plover("CONSULT", Some("phone")));
    assert_eq!(entry("057").plover, plover("SUPPORT", None));
    assert_eq!(entry("062").plover, plover("COOPERATE", None));
    assert_eq!(entry("073").plover, plover("AID", None));
    assert_eq!(entry("0811").plover, plover("CONCEDE", None));
    assert_eq!(entry("0813").plover, plover("RETREAT", Some("ease")));
    assert_eq!(entry("0871").plover, plover("RETREAT", Some("ceasefire")));
    assert_eq!(entry("091").plover, plover("ACCUSE", Some("investigate")));
    assert_eq!(entry("1043").plover, plover("DEMAND", Some("change")));
    assert_eq!(entry("112").plover, plover("ACCUSE", Some("disapprove")));
    assert_eq!(entry("129").plover, plover("REJECT", Some("yield")));
    assert_eq!(entry("1385").plover, plover("THREATEN", Some("violence")));
    assert_eq!(entry("145").plover, plover("PROTEST", Some("riot")));
    assert_eq!(entry("154").plover, plover("MOBILIZE", Some("troops")));
    assert_eq!(entry("163").plover, plover("COERCE", Some("restrict")));
    assert_eq!(entry("1663").plover, plover("SANCTION", Some("expel")));
    assert_eq!(entry("1712").plover, plover("ASSAULT", Some("destroy")));
    assert_eq!(entry("173").plover, plover("COERCE", Some("arrest")));
    assert_eq!(entry("185").plover, plover("ASSAULT", Some("assassinate")));
    assert_eq!(entry("192").plover, plover("COERCE", Some("confiscate")));
    assert_eq!(entry("193").plover, plover("ASSAULT", Some("firearms")));
    assert_eq!(
        entry("2041").plover,
        plover("ASSAULT", Some("unconventional"))
    );
}

#[test]
fn names() {
    assert_eq!(entry("01").name, "Make public statement");
    assert_eq!(entry("112").name, "Accuse, not specified below");
    assert_eq!(entry("0211").name, "Appeal for economic cooperation");
    assert_eq!(entry("2042").name, "Detonate nuclear weapons");
}

#[test]
fn embedded_is_parsed_once() {
    assert!(std::ptr::eq(Codebook::embedded(), Codebook::embedded()));
}

const HEADER: &str = "code\tname\tgoldstein\tplover_event_type\tplover_mode";

#[test]
fn parse_minimal_and_sorts() {
    let text = format!(
        "# comment\n{HEADER}\n\n173\tArrest\t-5.0\tCOERCE\tarrest\n17\tCoerce\t-7.0\tCOERCE\t\n010\tMake statement\t0\t\t\n"
    );
    let b = Codebook::parse(&text).unwrap();
    assert_eq!(b.len(), 3);
    let codes: Vec<&str> = b.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["010", "17", "173"]);
    assert_eq!(b.get("17").unwrap().plover, plover("COERCE", None));
    assert_eq!(b.get("010").unwrap().plover, None);
    assert_eq!(b.get("173").unwrap().goldstein, -5.0);
    assert!(Codebook::parse(HEADER).unwrap().is_empty());
}

fn parse_err(body: &str) -> String {
    Codebook::parse(&format!(
        "# c\n{HEADER}\n010\tMake statement\t0.0\t\t\n{body}\n"
    ))
    .unwrap_err()
}

#[test]
fn parse_errors_name_the_line() {
    for (body, what) in [
        ("011\tDecline comment\t-0.1\t", "columns"),
        ("0x1\tBad\t0.0\t\t", "digits"),
        ("01234\tBad\t0.0\t\t", "digits"),
        ("21\tBad\t0.0\t\t", "root"),
        ("011\t\t0.0\t\t", "name"),
        ("011\tDecline comment\tabc\t\t", "number"),
        ("011\tDecline comment\t11.5\t\t", "outside"),
        ("011\tDecline comment\tNaN\t\t", "outside"),
        ("011\tDecline comment\t0.0\t\tmode", "without"),
        ("011\tDecline comment\t0.0\tlower\t", "upper-case"),
        ("010\tAgain\t0.0\t\t", "duplicate"),
    ] {
        let err = parse_err(body);
        assert!(err.starts_with("line 4: "), "{body:?} -> {err}");
        assert!(err.contains(what), "{body:?} -> {err}");
    }
    let err = Codebook::parse("# only a comment\n010\tX\t0\t\t\n").unwrap_err();
    assert!(err.starts_with("line 2: "), "{err}");
    assert!(Codebook::parse("").unwrap_err().starts_with("line 1: "));
}
