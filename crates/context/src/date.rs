//! Date phrases in a clause, resolved against the publication date.
//!
//! Conventions (see docs/context.md): a date of `Week` precision is the Monday of that week, of
//! `Month` precision the first of the month, of `Year` precision January 1. A span back from the
//! publication date ("the past few weeks") gives the start of the span. Relative phrases need a
//! publication date; without one only absolute dates ("May 3, 2016", "in 2014") resolve.

use std::ops::Range;

use crate::tokens::{DocTokens, Tokens};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dyad_text::TokenKind;

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    /// The day itself.
    Day,
    /// The week starting on the (Monday) date.
    Week,
    /// The month starting on the date.
    Month,
    /// The year starting on the date.
    Year,
}

impl Precision {
    /// Lowercase name, as written in dyad's output (`day`, `week`, `month`, `year`).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A date phrase and the date it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateRef {
    /// The resolved date (see the module docs for what it is at each precision).
    pub date: NaiveDate,
    /// How precise the phrase is.
    pub precision: Precision,
    /// The phrase as written (`&text[span]`).
    pub text: String,
    /// Byte range of the phrase in the document text.
    pub span: Range<usize>,
}

/// Which way an underspecified phrase points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    /// By the tense of the clause: the most recent (past) or the next (future) occurrence,
    /// the publication day's own week, month or day included.
    Tense,
    /// "last ...": strictly before the publication day's own.
    Last,
    /// "next ...": strictly after.
    Next,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Where in a period an "edge" phrase points: "the start of June", "the end of the year".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edge {
    Start,
    Middle,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expr {
    /// A full date, a month of a given year, a year.
    Abs(NaiveDate, Precision),
    /// Days from the publication date: yesterday, today, tomorrow, "two days ago".
    RelDays(i64),
    /// The week/month/year `n` periods from the publication date's own.
    Rel(Unit, i64),
    Weekday(Weekday, Dir),
    MonthDay(u32, u32),
    Month(u32, Dir),
    /// The start of a span of `n` units back from the publication date.
    Back(Unit, u32),
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    let m = match w {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn unit_of(w: &str) -> Option<Unit> {
    Some(match w {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        _ => return None,
    })
}

fn count_of(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" | "couple" => 2,
        "three" | "few" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return w.parse().ok().filter(|&n| (1..=99).contains(&n)),
    })
}

/// Prepositions kept in the phrase when they come right before it.
const LEAD: &[&str] = &["on", "in", "by", "during", "over", "since", "until", "at"];

impl<'a> Tokens<'a> {
    fn raw(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    #[inline]
    fn capitalised(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // An ASCII first byte is the whole first character: no slicing or decoding.
        match self.text.as_bytes().get(t.start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.raw(i).starts_with(|c: char| c.is_uppercase()),
        }
    }

    /// A day of the month: `27`, `27th`, `1st`.
    fn day(&self, i: usize) -> Option<u32> {
        if i >= self.toks.len() {
            return None;
        }
        let w = self.w(i);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if digits.is_empty()
            || digits.len() > 2
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    /// A four-digit year from 1000 to 2999.
    fn year(&self, i: usize) -> Option<i32> {
        if i >= self.toks.len() || self.toks[i].kind != TokenKind::Number {
            return None;
        }
        let w = self.w(i);
        if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok().filter(|y| (1000..3000).contains(y))
    }
}

/// Month phrase at `i` (month name plus day and/or year): returns the expression and the end.
fn month_phrase(t: &Tokens, i: usize, cue: bool) -> Option<(Expr, usize)> {
    if !t.capitalised(i) {
        return None;
    }
    let m = month_of(t.w(i))?;
    if let Some(d) = t.day(i + 1) {
        let mut j = i + 2;
        if t.is(j, &[","]) && t.year(j + 1).is_some() {
            j += 1;
        }
        if let Some(y) = t.year(j) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some((Expr::Abs(date, Precision::Day), j + 1));
        }
        // "May 3" needs a day that exists in some year (February 30 does not).
        NaiveDate::from_ymd_opt(2000, m, d)?;
        return Some((Expr::MonthDay(m, d), i + 2));
    }
    let (y_at, end) = if t.is(i + 1, &["of"]) {
        (i + 2, i + 3)
    } else {
        (i + 1, i + 2)
    };
    if let Some(y) = t.year(y_at) {
        let date = NaiveDate::from_ymd_opt(y, m, 1)?;
        return Some((Expr::Abs(date, Precision::Month), end));
    }
    // "May" and "March" alone are too often a verb or a noun to trust without a cue.
    let full = MONTHS[m as usize - 1] == t.w(i);
    let ambiguous = matches!(m, 3 | 5) || !full;
    if ambiguous && !cue {
        return None;
    }
    Some((Expr::Month(m, Dir::Tense), i + 1))
}

/// Day-first dates: `3 May 2016`, `27 February`, `the 27th of February`.
fn day_first(t: &Tokens, i: usize) -> Option<(Expr, usize)> {
    let d = t.day(i)?;
    let mut j = i + 1;
    if t.is(j, &["of"]) {
        j += 1;
    }
    if !t.capitalised(j) {
        return None;
    }
    let m = month_of(t.w(j))?;
    if let Some(y) = t.year(j + 1) {
        return Some((
            Expr::Abs(NaiveDate::from_ymd_opt(y, m, d)?, Precision::Day),
            j + 2,
        ));
    }
    NaiveDate::from_ymd_opt(2000, m, d)?;
    Some((Expr::MonthDay(m, d), j + 1))
}

/// ISO dates: `2016-05-03`.
fn iso(t: &Tokens, i: usize) -> Option<(Expr, usize)> {
    let y = t.year(i)?;
    if !(t.glued(i) && t.is(i + 1, &["-"]) && t.glued(i + 1) && t.glued(i + 2)) {
        return None;
    }
    if !(t.is(i + 3, &["-"]) && t.glued(i + 3)) {
        return None;
    }
    let m: u32 = t.w(i + 2).parse().ok()?;
    let d: u32 = t.w(i + 4).parse().ok()?;
    if t.w(i + 2).len() != 2 || t.w(i + 4).len() != 2 {
        return None;
    }
    Some((
        Expr::Abs(NaiveDate::from_ymd_opt(y, m, d)?, Precision::Day),
        i + 5,
    ))
}

/// `last week`, `this month`, `next year`, `last Tuesday`, `next March`, `earlier this month`.
fn relative(t: &Tokens, i: usize) -> Option<(Expr, usize)> {
    let mut j = i;
    if t.is(j, &["earlier", "later"]) {
        if !t.is(j + 1, &["this"]) {
            return None;
        }
        j += 1;
    }
    let k = match t.w(j) {
        "last" | "past" | "previous" => -1,
        "this" => 0,
        "next" | "coming" => 1,
        _ => return None,
    };
    let w = t.w(j + 1);
    if let Some(u) = unit_of(w) {
        if u == Unit::Day || w.ends_with('s') {
            return None;
        }
        return Some((Expr::Rel(u, k), j + 2));
    }
    let dir = match k {
        -1 => Dir::Last,
        1 => Dir::Next,
        _ => Dir::Tense,
    };
    if !t.capitalised(j + 1) {
        return None;
    }
    if let Some(wd) = weekday_of(w) {
        return Some((Expr::Weekday(wd, dir), j + 2));
    }
    let m = month_of(w)?;
    Some((Expr::Month(m, dir), j + 2))
}

/// `the past few weeks`, `the last two days`, `recent weeks`, `two days ago`, `a week ago`.
fn span_back(t: &Tokens, i: usize) -> Option<(Expr, usize)> {
    if t.is(i, &["recent"]) {
        let u = unit_of(t.w(i + 1)).filter(|_| t.w(i + 1).ends_with('s'))?;
        return Some((Expr::Back(u, 3), i + 2));
    }
    let mut j = i;
    if t.is(j, &["the"]) {
        j += 1;
        if !t.is(j, &["past", "last", "previous"]) {
            return None;
        }
        j += 1;
        // "the past week": the last seven days.
        if let Some(u) = unit_of(t.w(j)).filter(|_| !t.w(j).ends_with('s')) {
            return Some((Expr::Back(u, 1), j + 1));
        }
        let mut n = count_of(t.w(j))?;
        if t.is(j, &["couple"]) {
            if !t.is(j + 1, &["of"]) {
                return None;
            }
            j += 1;
        }
        j += 1;
        let u = unit_of(t.w(j))?;
        if n == 1 && t.w(j).ends_with('s') {
            n = 3;
        }
        return Some((Expr::Back(u, n), j + 1));
    }
    // "two days ago", "a week ago"
    let n = count_of(t.w(j))?;
    let u = unit_of(t.w(j + 1))?;
    if !t.is(j + 2, &["ago"]) {
        return None;
    }
    Some((
        match u {
            Unit::Day => Expr::RelDays(-(n as i64)),
            _ => Expr::Back(u, n),
        },
        j + 3,
    ))
}

/// The expression starting at token `i`, with the token index just past it.
fn expr_at(t: &Tokens, i: usize) -> Option<(Expr, usize)> {
    let w = t.w(i);
    match w {
        "yesterday" => return Some((Expr::RelDays(-1), i + 1)),
        "today" | "tonight" => return Some((Expr::RelDays(0), i + 1)),
        "tomorrow" => return Some((Expr::RelDays(1), i + 1)),
        "last" if t.is(i + 1, &["night"]) => return Some((Expr::RelDays(-1), i + 2)),
        "this" if t.is(i + 1, &["morning", "afternoon", "evening"]) => {
            return Some((Expr::RelDays(0), i + 2))
        }
        _ => {}
    }
    if let Some(r) = relative(t, i).or_else(|| span_back(t, i)) {
        return Some(r);
    }
    if let Some(r) = iso(t, i) {
        return Some(r);
    }
    if t.capitalised(i) {
        if let Some(wd) = weekday_of(w) {
            return Some((Expr::Weekday(wd, Dir::Tense), i + 1));
        }
        let cue = i > 0
            && (t.is(
                i - 1,
                &[
                    "in", "since", "until", "by", "early", "late", "mid", "of", "during", "from",
                    "through", "till",
                ],
            ) || (i > 1 && t.is(i - 1, &["-"]) && t.is(i - 2, &["mid"])));
        if let Some(r) = month_phrase(t, i, cue) {
            return Some(r);
        }
    }
    if let Some(r) = day_first(t, i) {
        return Some(r);
    }
    if let Some(y) = t.year(i) {
        let cue = i > 0
            && t.is(
                i - 1,
                &[
                    "in", "since", "during", "until", "by", "from", "through", "early", "late",
                    "mid",
                ],
            );
        if cue && !t.is(i + 1, &["-", "%"]) {
            let date = NaiveDate::from_ymd_opt(y, 1, 1)?;
            return Some((Expr::Abs(date, Precision::Year), i + 1));
        }
    }
    None
}

/// Whether a date phrase may start at token `i`: the first word of every phrase [`edge_at`] and
/// [`expr_at`] know is a number, a capitalised weekday or month or one of a few words. Most
/// tokens are none of these, and this spares them the full tour (names and sentence-initial
/// words are capitalised too, so the weekday and month test comes first).
fn may_start(t: &Tokens, i: usize) -> bool {
    // (The first byte and the length are read without slicing the word out: most tokens go no
    // further.)
    let Some((first, len)) = t.head(i) else {
        return false;
    };
    match first {
        Some(b'0'..=b'9' | b'+') => true,
        // Most words have a length and first letter that none of the words below has.
        Some(c)
            if START_LETTERS
                .get(len)
                .is_some_and(|&m| letter_bit(c) & m != 0) =>
        {
            may_start_word(t, i, t.w(i))
        }
        _ => false,
    }
}

/// The words [`may_start_word`] accepts, and every form [`weekday_of`] and [`month_of`] read
/// (a month's name or abbreviation, with or without a final period).
const START_WORDS: &[&str] = &[
    "early",
    "mid",
    "late",
    "the",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last",
    "this",
    "earlier",
    "later",
    "past",
    "previous",
    "next",
    "coming",
    "recent",
    "a",
    "an",
    "one",
    "two",
    "couple",
    "three",
    "few",
    "several",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january.",
    "february.",
    "march.",
    "april.",
    "may.",
    "june.",
    "july.",
    "august.",
    "september.",
    "october.",
    "november.",
    "december.",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];

/// Bit `c - 'a'` for a lower-case ASCII letter `c`, else no bit.
const fn letter_bit(c: u8) -> u32 {
    if c.is_ascii_lowercase() {
        1 << (c - b'a')
    } else {
        0
    }
}

/// By length, the first letters of [`START_WORDS`] of that length.
const START_LETTERS: [u32; 16] = {
    let mut t = [0u32; 16];
    let mut k = 0;
    while k < START_WORDS.len() {
        let w = START_WORDS[k].as_bytes();
        t[w.len()] |= letter_bit(w[0]);
        k += 1;
    }
    t
};

/// [`may_start`] for a word that is no number: a capitalised weekday or month, or one of the
/// words that open other phrases.
///
/// "the" and the counts are common words that open a phrase only before certain words, so the
/// next word is looked at too: "the" opens only "the start (beginning, middle, end) of ..."
/// ([`edge_at`]) and "the past (last, previous) ..." ([`span_back`]); a count opens only
/// "<count> <unit> ago" ([`span_back`]). No other path of [`edge_at`] or [`expr_at`] accepts
/// them (they are no number, weekday or month).
fn may_start_word(t: &Tokens, i: usize, w: &str) -> bool {
    if t.capitalised(i) && (weekday_of(w).is_some() || month_of(w).is_some()) {
        return true;
    }
    match w {
        "the" => matches!(
            t.w(i + 1),
            "start" | "beginning" | "middle" | "end" | "past" | "last" | "previous"
        ),
        "a" | "an" | "one" | "two" | "couple" | "three" | "few" | "several" | "four" | "five"
        | "six" | "seven" | "eight" | "nine" | "ten" => unit_of(t.w(i + 1)).is_some(),
        // edge_at
        "early" | "mid" | "late"
        // expr_at and relative
        | "yesterday" | "today" | "tonight" | "tomorrow" | "last" | "this" | "earlier"
        | "later" | "past" | "previous" | "next" | "coming"
        // span_back
        | "recent" => true,
        _ => false,
    }
}

/// `the start of June`, `the end of the year`, `the middle of next month`, `early June`.
fn edge_at(t: &Tokens, i: usize) -> Option<(Expr, Edge, usize)> {
    let (edge, inner) = match t.w(i) {
        "early" | "mid" | "late" => {
            let e = match t.w(i) {
                "early" => Edge::Start,
                "mid" => Edge::Middle,
                _ => Edge::End,
            };
            let j = if t.is(i + 1, &["-"]) { i + 2 } else { i + 1 };
            (e, j)
        }
        "the" => {
            let e = match t.w(i + 1) {
                "start" | "beginning" => Edge::Start,
                "middle" => Edge::Middle,
                "end" => Edge::End,
                _ => return None,
            };
            if !t.is(i + 2, &["of"]) {
                return None;
            }
            (e, i + 3)
        }
        _ => return None,
    };
    // "the end of the year", "the start of the month", "the end of the week"
    if t.is(inner, &["the"]) {
        if let Some(u) = unit_of(t.w(inner + 1)).filter(|&u| u != Unit::Day) {
            if !t.w(inner + 1).ends_with('s') {
                return Some((Expr::Rel(u, 0), edge, inner + 2));
            }
        }
    }
    let (e, end) = expr_at(t, inner)?;
    match e {
        Expr::Month(..) | Expr::Rel(..) => Some((e, edge, end)),
        Expr::Abs(_, Precision::Month | Precision::Year) => Some((e, edge, end)),
        _ => None,
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs() as u32))
    }
}

fn monday(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -(d.weekday().num_days_from_monday() as i64))
}

fn first_of_month(d: NaiveDate) -> Option<NaiveDate> {
    d.with_day(1)
}

/// The start of the period of `unit` that contains `d`.
fn period_start(d: NaiveDate, unit: Unit) -> Option<(NaiveDate, Precision)> {
    match unit {
        Unit::Day => Some((d, Precision::Day)),
        Unit::Week => Some((monday(d)?, Precision::Week)),
        Unit::Month => Some((first_of_month(d)?, Precision::Month)),
        Unit::Year => Some((NaiveDate::from_ymd_opt(d.year(), 1, 1)?, Precision::Year)),
    }
}

fn resolve(
    e: Expr,
    publication: Option<NaiveDate>,
    future: bool,
) -> Option<(NaiveDate, Precision)> {
    if let Expr::Abs(d, p) = e {
        return Some((d, p));
    }
    let p = publication?;
    match e {
        Expr::Abs(..) => unreachable!("handled above"),
        Expr::RelDays(n) => Some((add_days(p, n)?, Precision::Day)),
        Expr::Rel(unit, k) => {
            let shifted = match unit {
                Unit::Day => add_days(p, k)?,
                Unit::Week => add_days(p, 7 * k)?,
                Unit::Month => add_months(first_of_month(p)?, k)?,
                Unit::Year => NaiveDate::from_ymd_opt(p.year() + k as i32, 1, 1)?,
            };
            period_start(shifted, unit)
        }
        Expr::Back(unit, n) => {
            let n = n as i64;
            let start = match unit {
                Unit::Day => add_days(p, -n)?,
                Unit::Week => add_days(p, -7 * n)?,
                Unit::Month => add_months(p, -n)?,
                Unit::Year => add_months(p, -12 * n)?,
            };
            period_start(start, unit)
        }
        Expr::Weekday(wd, dir) => {
            let back = (7 + p.weekday().num_days_from_monday() as i64
                - wd.num_days_from_monday() as i64)
                % 7;
            let ahead = (7 - back) % 7;
            let offset = match dir {
                Dir::Tense if future => ahead,
                Dir::Tense => -back,
                Dir::Last => -(if back == 0 { 7 } else { back }),
                Dir::Next => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
            };
            Some((add_days(p, offset)?, Precision::Day))
        }
        Expr::MonthDay(m, d) => {
            // The nearest year in the clause's direction in which the date exists (February 29
            // may be four or eight years away).
            let forward = future;
            for k in 0..9 {
                let y = if forward { p.year() + k } else { p.year() - k };
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    if (forward && date >= p) || (!forward && date <= p) {
                        return Some((date, Precision::Day));
                    }
                }
            }
            None
        }
        Expr::Month(m, dir) => {
            let pm = p.month();
            let y = match dir {
                Dir::Tense if future => p.year() + i32::from(m < pm),
                Dir::Tense => p.year() - i32::from(m > pm),
                Dir::Last => p.year() - i32::from(m >= pm),
                Dir::Next => p.year() + i32::from(m <= pm),
            };
            Some((NaiveDate::from_ymd_opt(y, m, 1)?, Precision::Month))
        }
    }
}

/// Apply an edge ("the end of ...") to a resolved period.
fn apply_edge((d, prec): (NaiveDate, Precision), edge: Edge) -> Option<(NaiveDate, Precision)> {
    match prec {
        // A month's or a week's edge is the month or the week itself.
        Precision::Month | Precision::Week | Precision::Day => Some((d, prec)),
        // A year's edge is its first, middle or last month.
        Precision::Year => {
            let m = match edge {
                Edge::Start => 1,
                Edge::Middle => 6,
                Edge::End => 12,
            };
            Some((NaiveDate::from_ymd_opt(d.year(), m, 1)?, Precision::Month))
        }
    }
}

/// Every date phrase in `clause` (a byte range of `text`) that resolves, in text order.
///
/// `future` is the tense of the clause (true for "will meet on Friday"): it decides which way
/// an underspecified weekday, month or month-day points.
pub fn find_dates(
    text: &str,
    clause: Range<usize>,
    publication: Option<NaiveDate>,
    future: bool,
) -> Vec<DateRef> {
    let Some(clause) = clamp(text, clause) else {
        return Vec::new();
    };
    find_dates_in(
        &DocTokens::of_range(text, clause.clone()),
        clause,
        publication,
        future,
    )
}

/// [`find_dates`] over a document already tokenised (`doc` covers `clause`).
pub fn find_dates_in(
    doc: &DocTokens,
    clause: Range<usize>,
    publication: Option<NaiveDate>,
    future: bool,
) -> Vec<DateRef> {
    let Some(clause) = clamp(doc.text(), clause) else {
        return Vec::new();
    };
    let t = doc.view(clause);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.toks.len() {
        if !may_start(&t, i) {
            i += 1;
            continue;
        }
        let found = if let Some((e, edge, end)) = edge_at(&t, i) {
            resolve(e, publication, future)
                .and_then(|r| apply_edge(r, edge))
                .map(|r| (r, end))
        } else if let Some((mut e, mut end)) = expr_at(&t, i) {
            // "Tuesday, May 17" and "Tuesday May 17, 2016": the date wins over the weekday.
            if let Expr::Weekday(..) = e {
                let j = if t.is(end, &[","]) { end + 1 } else { end };
                if let Some((e2 @ (Expr::Abs(_, Precision::Day) | Expr::MonthDay(..)), end2)) =
                    month_phrase(&t, j, true).or_else(|| day_first(&t, j))
                {
                    e = e2;
                    end = end2;
                }
            }
            resolve(e, publication, future).map(|r| (r, end))
        } else {
            None
        };
        match found {
            Some(((date, precision), end)) => {
                let mut start = i;
                if i > 0 && t.is(i - 1, LEAD) && !out_ends_at(&out, t.toks[i - 1].start) {
                    start = i - 1;
                }
                let span = t.toks[start].start..t.toks[end - 1].end;
                out.push(DateRef {
                    date,
                    precision,
                    text: t.text[span.clone()].to_string(),
                    span,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn out_ends_at(out: &[DateRef], pos: usize) -> bool {
    out.last().is_some_and(|d| d.span.end > pos)
}

/// A clause range that is valid for `text`.
fn clamp(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let end = r.end.min(text.len());
    if r.start >= end || !text.is_char_boundary(r.start) || !text.is_char_boundary(end) {
        return None;
    }
    Some(r.start..end)
}

/// The date phrase of a clause: the one nearest `anchor` (a byte offset, usually the verb),
/// resolved against `publication`. `None` when the clause has no phrase that resolves; the caller
/// then falls back to the publication date (or to no date when there is none).
pub fn resolve_date(
    text: &str,
    clause: Range<usize>,
    anchor: usize,
    publication: Option<NaiveDate>,
    future: bool,
) -> Option<DateRef> {
    find_dates(text, clause, publication, future)
        .into_iter()
        .min_by_key(|d| distance(&d.span, anchor))
}

/// Bytes between a span and a point (0 inside).
pub(crate) fn distance(span: &Range<usize>, at: usize) -> usize {
    if at < span.start {
        span.start - at
    } else {
        at.saturating_sub(span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token that only the old, wider filter (any capitalised word) let through starts
    /// no phrase: the narrower filter loses no date.
    #[test]
    fn capitalised_words_that_are_no_weekday_or_month_start_no_phrase() {
        let mut words: Vec<String> = [
            "early",
            "mid",
            "late",
            "the",
            "yesterday",
            "today",
            "tonight",
            "tomorrow",
            "last",
            "this",
            "earlier",
            "later",
            "past",
            "previous",
            "next",
            "coming",
            "recent",
            "a",
            "an",
            "one",
            "two",
            "couple",
            "three",
            "few",
            "several",
            "ten",
            "week",
            "month",
            "year",
            "days",
            "start",
            "end",
            "of",
            "ago",
            "in",
            "since",
            "may",
            "sept.",
            "jan",
            "monday",
            "friday",
            "june",
            "turkey",
            "moscow",
            "said",
            "it",
            "on",
            "march",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        let capitalised: Vec<String> = words
            .iter()
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect();
        words.extend(capitalised);
        words.extend(
            [
                "MAY", "Sept", "Mid", "2016", "17", "+3", "Mid-June", "-", ",",
            ]
            .map(String::from),
        );
        // Random runs of six, so that each word comes before every other.
        let mut seed = 7u64;
        let mut checked = 0;
        for _ in 0..4000 {
            let text: Vec<&str> = (0..6)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    words[(seed >> 33) as usize % words.len()].as_str()
                })
                .collect();
            let text = text.join(" ");
            let doc = DocTokens::new(&text);
            let t = doc.all();
            for i in 0..t.toks.len() {
                if t.capitalised(i) && !may_start(&t, i) {
                    checked += 1;
                    assert!(edge_at(&t, i).is_none(), "{text:?} at {i}");
                    assert!(expr_at(&t, i).is_none(), "{text:?} at {i}");
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// Every token `may_start` turns away (with the look at the next word for "the" and the
    /// counts) starts no phrase.
    #[test]
    fn tokens_turned_away_start_no_phrase() {
        let words: Vec<&str> = vec![
            "the",
            "The",
            "a",
            "A",
            "an",
            "one",
            "two",
            "couple",
            "three",
            "few",
            "several",
            "ten",
            "start",
            "beginning",
            "middle",
            "end",
            "past",
            "last",
            "previous",
            "next",
            "of",
            "day",
            "days",
            "week",
            "weeks",
            "month",
            "months",
            "year",
            "years",
            "ago",
            "June",
            "May",
            "Monday",
            "2016",
            "17",
            "27th",
            "-",
            ",",
            "in",
            "early",
            "this",
            "morning",
            "night",
            "recent",
            "said",
            "Moscow",
            "coming",
            "earlier",
        ];
        let mut seed = 11u64;
        let mut checked = 0;
        for _ in 0..20_000 {
            let text: Vec<&str> = (0..6)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    words[(seed >> 33) as usize % words.len()]
                })
                .collect();
            let text = text.join(" ");
            let doc = DocTokens::new(&text);
            let t = doc.all();
            for i in 0..t.toks.len() {
                if !may_start(&t, i) {
                    checked += 1;
                    assert!(edge_at(&t, i).is_none(), "{text:?} at {i}");
                    assert!(expr_at(&t, i).is_none(), "{text:?} at {i}");
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// The length-and-letter filter of `may_start` turns away no word the full test accepts.
    #[test]
    fn the_start_filter_loses_no_word() {
        let full = |t: &Tokens, i: usize| {
            let w = t.w(i);
            matches!(w.as_bytes().first(), Some(b'0'..=b'9' | b'+')) || may_start_word(t, i, w)
        };
        let mut words: Vec<String> = START_WORDS.iter().map(|w| w.to_string()).collect();
        words.extend(
            [
                "Sept.",
                "MAY",
                "Mid",
                "moscow",
                "said",
                "on",
                "week",
                "ago",
                "x",
                "ÉMILE",
                "é",
                "2016",
                "+3",
                "-",
                ",",
                "Thursday.",
                "Mayor",
                "Marches",
                "Tens",
                "a.m.",
            ]
            .map(String::from),
        );
        let upper: Vec<String> = words
            .iter()
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            })
            .collect();
        words.extend(upper);
        // Each word with a letter dropped, changed or added, so that lengths and first letters
        // near the accepted ones come by.
        let mut near = Vec::new();
        for w in &words {
            for k in 0..w.len() {
                if w.is_char_boundary(k) && w.is_char_boundary(k + 1) {
                    near.push(format!("{}{}", &w[..k], &w[k + 1..]));
                    near.push(format!("{}q{}", &w[..k], &w[k + 1..]));
                    near.push(format!("{}s{}", &w[..k], &w[k..]));
                }
            }
        }
        words.extend(near);
        let text = words.join(" ");
        let doc = DocTokens::new(&text);
        let t = doc.all();
        let mut accepted = 0;
        for i in 0..t.toks.len() {
            assert_eq!(may_start(&t, i), full(&t, i), "{:?}", t.w(i));
            accepted += usize::from(full(&t, i));
        }
        assert!(accepted > 150, "{accepted}");
    }
}
