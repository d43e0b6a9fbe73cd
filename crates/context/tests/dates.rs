//! Date phrases resolved against the publication date. Every expectation was worked out by hand
//! on a calendar (weekdays noted in the comments).

use chrono::NaiveDate;
use dyad_context::{find_dates, resolve_date, Precision};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Resolve the date of `clause` with the anchor at the first occurrence of `anchor`.
fn res(
    clause: &str,
    anchor: &str,
    publication: NaiveDate,
    future: bool,
) -> Option<(NaiveDate, Precision, String)> {
    let a = clause.find(anchor).expect("anchor word in clause");
    let r = resolve_date(clause, 0..clause.len(), a, Some(publication), future)?;
    assert_eq!(&clause[r.span.clone()], r.text, "span and text agree");
    Some((r.date, r.precision, r.text))
}

fn day(clause: &str, anchor: &str, p: NaiveDate, future: bool) -> (NaiveDate, Precision, String) {
    res(clause, anchor, p, future).unwrap_or_else(|| panic!("no date in {clause:?}"))
}

// Wednesday 18 May 2016.
fn wed() -> NaiveDate {
    d(2016, 5, 18)
}

#[test]
fn weekdays() {
    use Precision::Day;
    let p = wed();
    assert_eq!(
        day(
            "The rebels attacked the town on Tuesday.",
            "attacked",
            p,
            false
        ),
        (d(2016, 5, 17), Day, "on Tuesday".into())
    );
    // Future tense looks forward: Friday 20 May.
    assert_eq!(
        day("The ministers will meet on Friday.", "meet", p, true).0,
        d(2016, 5, 20)
    );
    // The same weekday as publication is that day, past or future.
    assert_eq!(day("Police said on Wednesday", "said", p, false).0, p);
    assert_eq!(day("They will vote on Wednesday", "vote", p, true).0, p);
    // Past Thursday: six days back, 12 May.
    assert_eq!(
        day("He arrived on Thursday", "arrived", p, false).0,
        d(2016, 5, 12)
    );
    // last / next are strict.
    assert_eq!(
        day("talks collapsed last Tuesday", "collapsed", p, false),
        (d(2016, 5, 17), Day, "last Tuesday".into())
    );
    assert_eq!(
        day("they met last Wednesday", "met", p, false).0,
        d(2016, 5, 11)
    );
    assert_eq!(
        day("the court will rule next Friday", "rule", p, true),
        (d(2016, 5, 20), Day, "next Friday".into())
    );
    assert_eq!(
        day("the court will rule next Wednesday", "rule", p, true).0,
        d(2016, 5, 25)
    );
    // "next Friday" points forward even in a past-tense clause.
    assert_eq!(
        day("He said it would start next Friday", "start", p, false).0,
        d(2016, 5, 20)
    );
    // A weekday with its date: the date wins and the phrase covers both.
    assert_eq!(
        day(
            "The talks opened on Tuesday, May 17 in Vienna",
            "opened",
            p,
            false
        ),
        (d(2016, 5, 17), Day, "on Tuesday, May 17".into())
    );
    // Possessive and time of day.
    assert_eq!(
        day("Sunday's attack killed 12", "killed", p, false).0,
        d(2016, 5, 15)
    );
}

#[test]
fn month_day_and_months() {
    use Precision::{Day, Month};
    let p = wed();
    assert_eq!(
        day("The ceasefire began on February 27.", "began", p, false),
        (d(2016, 2, 27), Day, "on February 27".into())
    );
    assert_eq!(
        day("The ceasefire began Feb. 27", "began", p, false).0,
        d(2016, 2, 27)
    );
    assert_eq!(
        day("It began on the 27th of February", "began", p, false).0,
        d(2016, 2, 27)
    );
    assert_eq!(
        day("It began on 27 February", "began", p, false).0,
        d(2016, 2, 27)
    );
    // A past month-day later in the year than publication is last year's.
    assert_eq!(
        day("the attack on December 30", "attack", p, false).0,
        d(2015, 12, 30)
    );
    // A future month-day earlier in the year is next year's.
    assert_eq!(
        day("elections will be held on March 3", "held", p, true).0,
        d(2017, 3, 3)
    );

    let jan = d(2016, 1, 12);
    assert_eq!(
        day("The deal was signed in December.", "signed", jan, false),
        (d(2015, 12, 1), Month, "in December".into())
    );
    assert_eq!(
        day("The vote will be held in December", "held", jan, true).0,
        d(2016, 12, 1)
    );
    assert_eq!(
        day("Fighting resumed in January", "resumed", jan, false).0,
        d(2016, 1, 1)
    );
    // "May" and "March" as months need a cue.
    assert_eq!(
        day("Troops withdrew in March", "withdrew", p, false).0,
        d(2016, 3, 1)
    );
    assert_eq!(
        day("Troops withdrew in May", "withdrew", p, false).0,
        d(2016, 5, 1)
    );
    assert_eq!(
        day("Troops left last December", "left", p, false),
        (d(2015, 12, 1), Month, "last December".into())
    );
    assert_eq!(
        day("Troops arrive next March", "arrive", p, true).0,
        d(2017, 3, 1)
    );
    assert_eq!(
        day("Troops left in mid-June", "left", jan, false).0,
        d(2015, 6, 1)
    );
}

#[test]
fn full_dates() {
    use Precision::{Day, Month, Year};
    let p = wed();
    for (clause, text) in [
        (
            "The accord was signed on May 3, 2016 in Geneva",
            "on May 3, 2016",
        ),
        (
            "The accord was signed on 3 May 2016 in Geneva",
            "on 3 May 2016",
        ),
        (
            "The accord was signed on 2016-05-03 in Geneva",
            "on 2016-05-03",
        ),
        ("The accord was signed May 3 2016", "May 3 2016"),
    ] {
        assert_eq!(
            day(clause, "signed", p, false),
            (d(2016, 5, 3), Day, text.into()),
            "{clause}"
        );
    }
    assert_eq!(
        day("The war began in March 2015", "began", p, false),
        (d(2015, 3, 1), Month, "in March 2015".into())
    );
    assert_eq!(
        day("The war began in March of 2011", "began", p, false).0,
        d(2011, 3, 1)
    );
    assert_eq!(
        day("The group was founded in 2014", "founded", p, false),
        (d(2014, 1, 1), Year, "in 2014".into())
    );
    // A full date needs no publication date.
    let r = resolve_date("signed on May 3, 2016", 0..21, 0, None, false).unwrap();
    assert_eq!((r.date, r.precision), (d(2016, 5, 3), Day));
    // A date that does not exist is no date.
    assert!(res("signed on February 30, 2016", "signed", p, false).is_none());
    assert!(res("signed on February 30", "signed", p, false).is_none());
    assert!(res("signed on 2016-02-30", "signed", p, false).is_none());
}

#[test]
fn relative_phrases() {
    use Precision::{Day, Month, Week, Year};
    let p = wed();
    let cases: &[(&str, &str, bool, NaiveDate, Precision, &str)] = &[
        (
            "Police arrested him yesterday",
            "arrested",
            false,
            d(2016, 5, 17),
            Day,
            "yesterday",
        ),
        (
            "Police arrested him today",
            "arrested",
            false,
            p,
            Day,
            "today",
        ),
        (
            "The council votes tomorrow",
            "votes",
            true,
            d(2016, 5, 19),
            Day,
            "tomorrow",
        ),
        (
            "Shelling resumed last night",
            "resumed",
            false,
            d(2016, 5, 17),
            Day,
            "last night",
        ),
        // Week of Monday 16 May; last week is the week of Monday 9 May.
        (
            "The talks failed last week",
            "failed",
            false,
            d(2016, 5, 9),
            Week,
            "last week",
        ),
        (
            "The talks resumed this week",
            "resumed",
            false,
            d(2016, 5, 16),
            Week,
            "this week",
        ),
        (
            "Talks resume next week",
            "resume",
            true,
            d(2016, 5, 23),
            Week,
            "next week",
        ),
        (
            "Rebels seized the town earlier this month",
            "seized",
            false,
            d(2016, 5, 1),
            Month,
            "earlier this month",
        ),
        (
            "He resigned last month",
            "resigned",
            false,
            d(2016, 4, 1),
            Month,
            "last month",
        ),
        (
            "He will resign next month",
            "resign",
            true,
            d(2016, 6, 1),
            Month,
            "next month",
        ),
        (
            "Troops will withdraw by the start of June",
            "withdraw",
            true,
            d(2016, 6, 1),
            Month,
            "by the start of June",
        ),
        (
            "The army must leave by the end of the year",
            "leave",
            true,
            d(2016, 12, 1),
            Month,
            "by the end of the year",
        ),
        // 18 May minus three weeks is Wednesday 27 April, in the week of Monday 25 April.
        (
            "Fighting has intensified over the past few weeks",
            "intensified",
            false,
            d(2016, 4, 25),
            Week,
            "over the past few weeks",
        ),
        (
            "Fighting has intensified in recent days",
            "intensified",
            false,
            d(2016, 5, 15),
            Day,
            "in recent days",
        ),
        (
            "Two soldiers died two days ago",
            "died",
            false,
            d(2016, 5, 16),
            Day,
            "two days ago",
        ),
        (
            "The accord expired last year",
            "expired",
            false,
            d(2015, 1, 1),
            Year,
            "last year",
        ),
        (
            "Elections are due next year",
            "due",
            true,
            d(2017, 1, 1),
            Year,
            "next year",
        ),
    ];
    for (clause, anchor, future, date, prec, text) in cases {
        assert_eq!(
            day(clause, anchor, p, *future),
            (*date, *prec, text.to_string()),
            "{clause}"
        );
    }
}

#[test]
fn year_boundaries() {
    use Precision::{Day, Month, Week};
    // Friday 1 January 2016: its week starts on Monday 28 December 2015.
    let p = d(2016, 1, 1);
    assert_eq!(
        day("He was killed yesterday", "killed", p, false).0,
        d(2015, 12, 31)
    );
    assert_eq!(
        day("Talks failed last week", "failed", p, false),
        (d(2015, 12, 21), Week, "last week".into())
    );
    assert_eq!(
        day("Talks began this week", "began", p, false).0,
        d(2015, 12, 28)
    );
    assert_eq!(
        day("He resigned last month", "resigned", p, false).0,
        d(2015, 12, 1)
    );
    assert_eq!(
        day("The blast on Thursday", "blast", p, false).0,
        d(2015, 12, 31)
    );
    assert_eq!(
        day("The blast on December 30", "blast", p, false).0,
        d(2015, 12, 30)
    );
    assert_eq!(day("The vote next month", "vote", p, true).0, d(2016, 2, 1));
    // Saturday 31 December 2016.
    let p = d(2016, 12, 31);
    assert_eq!(
        day("The vote is tomorrow", "vote", p, true).0,
        d(2017, 1, 1)
    );
    assert_eq!(
        day("Leaders will meet on Monday", "meet", p, true),
        (d(2017, 1, 2), Day, "on Monday".into())
    );
    assert_eq!(
        day("He will resign next month", "resign", p, true).0,
        d(2017, 1, 1)
    );
    assert_eq!(
        day("They will hold talks in January", "hold", p, true),
        (d(2017, 1, 1), Month, "in January".into())
    );
    assert_eq!(
        day("They held talks in January", "held", p, false).0,
        d(2016, 1, 1)
    );
    assert_eq!(
        day("Talks resume next week", "resume", p, true).0,
        d(2017, 1, 2)
    );
}

#[test]
fn leap_years() {
    // Tuesday 1 March 2016; 2016 is a leap year.
    let p = d(2016, 3, 1);
    assert_eq!(day("He died yesterday", "died", p, false).0, d(2016, 2, 29));
    assert_eq!(
        day("He died on February 29", "died", p, false).0,
        d(2016, 2, 29)
    );
    assert_eq!(day("He died on Monday", "died", p, false).0, d(2016, 2, 29));
    assert_eq!(
        day("He died two days ago", "died", p, false).0,
        d(2016, 2, 28)
    );
    // Tuesday 1 March 2016 minus 14 days is Tuesday 16 February: week of Monday 15 February.
    assert_eq!(
        day("over the past two weeks", "past", p, false).0,
        d(2016, 2, 15)
    );
    // 2017 has no 29 February: the last one was 2016's, the next is 2020's.
    let p = d(2017, 3, 1);
    assert_eq!(
        day("He died on February 29", "died", p, false).0,
        d(2016, 2, 29)
    );
    assert_eq!(
        day("It will end on February 29", "end", p, true).0,
        d(2020, 2, 29)
    );
    assert_eq!(day("He died yesterday", "died", p, false).0, d(2017, 2, 28));
    // 31 March: a month back is February (clamped), reported as the month.
    let p = d(2016, 3, 31);
    assert_eq!(
        day("He resigned a month ago", "resigned", p, false),
        (d(2016, 2, 1), Precision::Month, "a month ago".into())
    );
    assert_eq!(
        day("He resigned last month", "resigned", p, false).0,
        d(2016, 2, 1)
    );
}

#[test]
fn nearest_phrase_to_the_anchor() {
    let p = wed();
    let clause = "On Monday, the minister said the talks would resume on Friday.";
    let said = clause.find("said").unwrap();
    let r = resolve_date(clause, 0..clause.len(), said, Some(p), false).unwrap();
    assert_eq!((r.date, r.text.as_str()), (d(2016, 5, 16), "On Monday"));
    let resume = clause.find("resume").unwrap();
    let r = resolve_date(clause, 0..clause.len(), resume, Some(p), true).unwrap();
    assert_eq!((r.date, r.text.as_str()), (d(2016, 5, 20), "on Friday"));
    // Both phrases are found, in order; spans index the text given.
    let all = find_dates(clause, 0..clause.len(), Some(p), false);
    assert_eq!(all.len(), 2);
    assert_eq!(&clause[all[1].span.clone()], "on Friday");
}

#[test]
fn clause_offsets_index_the_document() {
    let doc = "Rebels attacked on Monday. Talks failed on Tuesday.";
    let second = doc.find("Talks").unwrap()..doc.len();
    let failed = doc.find("failed").unwrap();
    let r = resolve_date(doc, second, failed, Some(wed()), false).unwrap();
    assert_eq!(r.date, d(2016, 5, 17));
    assert_eq!(&doc[r.span], "on Tuesday");
}

#[test]
fn no_publication_date_no_relative_date() {
    for clause in [
        "attacked on Tuesday",
        "attacked yesterday",
        "attacked last week",
        "in December",
    ] {
        assert!(
            resolve_date(clause, 0..clause.len(), 0, None, false).is_none(),
            "{clause}"
        );
    }
}

#[test]
fn not_dates() {
    let p = wed();
    for clause in [
        "Theresa May said the vote was fair",
        "March organisers said police used force",
        "the 2014 election was disputed",
        "he may decide to march",
        "the 27 soldiers were killed",
        "a decade of war",
    ] {
        assert!(
            find_dates(clause, 0..clause.len(), Some(p), false).is_empty(),
            "{clause}: {:?}",
            find_dates(clause, 0..clause.len(), Some(p), false)
        );
    }
    // Out-of-range or non-boundary clauses are no input for a panic.
    assert!(find_dates("on Tuesday", 5..100, Some(p), false).is_empty());
    assert!(find_dates("é on Tuesday", 1..5, Some(p), false).is_empty());
}
