//! Lenient parsing of the date formats found in news metadata.

use chrono::NaiveDate;

/// Parse a date or timestamp and return the calendar date *as written*.
///
/// Accepted forms (surrounding whitespace is ignored):
///
/// * `2016-05-17`
/// * `2016-05-17T10:00:00Z`, `2016-05-17T10:00:00.123+03:00`, `2016-05-17t10:00z`
///   (RFC 3339 / ISO 8601 with optional seconds, fraction and zone)
/// * `2016-05-17 10:00:00` (space separator, optional zone such as `UTC` or `+0300`)
/// * RFC 2822 timestamps such as `Tue, 17 May 2016 10:00:00 +0300`
///
/// Time zones are never applied: `2016-05-17T23:30:00-05:00` gives 2016-05-17.
/// Anything else (including trailing garbage or impossible dates) gives `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = parse_iso(s) {
        return Some(d);
    }
    // RFC 2822 always contains letters (month names) so it cannot clash with ISO.
    chrono::DateTime::parse_from_rfc2822(s)
        .ok()
        .map(|dt| dt.date_naive())
}

fn parse_iso(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let mut v = 0u32;
        for &c in &b[r] {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(c - b'0');
        }
        Some(v)
    };
    let year = digits(0..4)?;
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    // The first ten bytes are ASCII, so slicing here is on a char boundary.
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(date);
    }
    let rb = rest.as_bytes();
    match rb[0] {
        b'T' | b't' | b' ' if valid_time_and_zone(&rb[1..]) => Some(date),
        _ => None,
    }
}

/// `HH:MM[:SS[(.|,)fraction]][ws][zone]` where zone is `Z`, `±HH`, `±HHMM`,
/// `±HH:MM`, `UTC` or `GMT` (the latter two optionally followed by an offset).
fn valid_time_and_zone(b: &[u8]) -> bool {
    let mut i = 0;
    let two = |i: usize| -> Option<u32> {
        match (b.get(i), b.get(i + 1)) {
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                Some(u32::from(x - b'0') * 10 + u32::from(y - b'0'))
            }
            _ => None,
        }
    };
    match two(i) {
        Some(h) if h <= 24 => i += 2,
        _ => return false,
    }
    if b.get(i) != Some(&b':') {
        return false;
    }
    i += 1;
    match two(i) {
        Some(m) if m <= 59 => i += 2,
        _ => return false,
    }
    if b.get(i) == Some(&b':') {
        i += 1;
        match two(i) {
            Some(sec) if sec <= 60 => i += 2,
            _ => return false,
        }
        if matches!(b.get(i), Some(b'.') | Some(b',')) {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    valid_zone(&b[i..])
}

fn valid_zone(z: &[u8]) -> bool {
    if z.is_empty() || z == b"Z" || z == b"z" {
        return true;
    }
    let z = if z.len() >= 3
        && (z[..3].eq_ignore_ascii_case(b"UTC") || z[..3].eq_ignore_ascii_case(b"GMT"))
    {
        let r = &z[3..];
        if r.is_empty() {
            return true;
        }
        r
    } else {
        z
    };
    if !matches!(z[0], b'+' | b'-') {
        return false;
    }
    let d = &z[1..];
    let all_digits = |x: &[u8]| x.iter().all(u8::is_ascii_digit);
    match d.len() {
        2 | 4 => all_digits(d),
        5 => d[2] == b':' && all_digits(&d[..2]) && all_digits(&d[3..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn plain_and_timestamps() {
        assert_eq!(parse_date("2016-05-17"), d(2016, 5, 17));
        assert_eq!(parse_date(" 2016-05-17 "), d(2016, 5, 17));
        assert_eq!(parse_date("2016-05-17T10:00:00Z"), d(2016, 5, 17));
        assert_eq!(parse_date("2016-05-17T10:00:00+03:00"), d(2016, 5, 17));
        assert_eq!(parse_date("2016-05-17T23:59:59-05:00"), d(2016, 5, 17));
        assert_eq!(parse_date("2016-05-17T01:00:00+14:00"), d(2016, 5, 17));
        assert_eq!(parse_date("2016-05-17 10:00:00"), d(2016, 5, 17));
        assert_eq!(parse_date("2016-05-17 10:00"), d(2016, 5, 17));
        assert_eq!(parse_date("2016-05-17T10:00:00.123456Z"), d(2016, 5, 17));
        assert_eq!(parse_date("2016-05-17T10:00:00.000+0300"), d(2016, 5, 17));
        assert_eq!(parse_date("2016-05-17 10:00:00 UTC"), d(2016, 5, 17));
        assert_eq!(
            parse_date("Tue, 17 May 2016 23:00:00 -0500"),
            d(2016, 5, 17)
        );
    }

    #[test]
    fn rejects_garbage() {
        for s in [
            "",
            "2016",
            "2016-5-17",
            "2016-02-30",
            "2016-13-01",
            "2016-05-17x",
            "2016-05-17T",
            "2016-05-17T25:00",
            "2016-05-17T10:00:00+3",
            "2016-05-17T10:00:00 garbage",
            "yesterday",
            "17/05/2016",
            "２０１６-05-17",
        ] {
            assert_eq!(parse_date(s), None, "{s:?}");
        }
    }
}
