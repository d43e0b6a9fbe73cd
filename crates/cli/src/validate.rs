//! `dyad validate`: codes PETRARCH validation records from their raw text and compares the events
//! with the gold codings they carry.

use crate::code::load_dicts;
use crate::DictArgs;
use chrono::NaiveDate;
use dyad_coder::{Coder, Scratch};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// A PETRARCH records file (`<Sentence>` elements with `<EventCoding>` gold and `<Text>`).
    #[arg(value_name = "RECORDS.xml")]
    records: PathBuf,
    /// Print every record that disagrees, not only the counts per category.
    #[arg(long)]
    verbose: bool,
    /// Print the summary as one JSON object (for scripts and tests).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    dicts: DictArgs,
}

/// One coding: source, target ("---" for none) and event code.
type Coding = (String, String, String);

#[derive(Debug)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    pub gold: Vec<Coding>,
    /// Marked `noevents` or as a dateline/discard case: nothing should be coded.
    pub silent: bool,
    /// Marked `error="bad_input_parse"`: the gold is PETRARCH's reaction to a deliberately broken
    /// parse tree, which dyad never reads, so the record says nothing about coding its text.
    pub parse_error: bool,
    /// Line of the `<Sentence>` tag, for messages.
    pub line: usize,
}

/// XML's predefined entities ("&amp;TIETYPE" is the text "&TIETYPE").
fn unescape(w: &str) -> String {
    if !w.contains('&') {
        return w.to_string();
    }
    w.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(name)?;
    let rest = tag[at + name.len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let end = rest[1..].find(quote)?;
    Some(rest[1..1 + end].to_string())
}

/// Parses the records; a malformed record is an error naming its line.
pub fn parse_records(xml: &str) -> Result<Vec<Record>, String> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(off) = xml[pos..].find("<Sentence ") {
        let start = pos + off;
        let line = xml[..start].matches('\n').count() + 1;
        let end = xml[start..]
            .find("</Sentence>")
            .map(|e| start + e)
            .ok_or_else(|| format!("line {line}: <Sentence> without </Sentence>"))?;
        let body = &xml[start..end];
        pos = end;
        let tag_end = body
            .find('>')
            .ok_or_else(|| format!("line {line}: unclosed tag"))?;
        let tag = &body[..tag_end];
        let id = attr(tag, " id").unwrap_or_else(|| format!("line-{line}"));
        let category = attr(tag, "category").unwrap_or_default();
        let date = attr(tag, "date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok());
        let text = match (body.find("<Text>"), body.find("</Text>")) {
            // Some texts keep the parser's multiword tokens ("Dol_Amroth"): words apart.
            (Some(a), Some(b)) if b > a => body[a + 6..b]
                .split(|c: char| c.is_whitespace() || c == '_')
                .filter(|w| !w.is_empty())
                .map(unescape)
                .collect::<Vec<_>>()
                .join(" "),
            _ => return Err(format!("line {line}: record {id} has no <Text>")),
        };
        let mut gold = Vec::new();
        let mut silent = false;
        let mut parse_error = false;
        let mut rest = body;
        while let Some(a) = rest.find("<EventCoding") {
            let t_end = rest[a..].find('>').map(|e| a + e).unwrap_or(rest.len());
            let t = &rest[a..t_end];
            let error = attr(t, "error");
            if error.as_deref() == Some("bad_input_parse") {
                parse_error = true;
            } else if t.contains("noevents") || error.is_some() {
                silent = true;
            } else {
                let get = |n: &str| attr(t, n).map(|v| v.trim_matches('"').to_string());
                match (get("sourcecode"), get("targetcode"), get("eventcode")) {
                    (Some(s), Some(tg), Some(c)) => gold.push((s, tg, c)),
                    _ => {
                        return Err(format!(
                            "line {line}: record {id}: incomplete <EventCoding>"
                        ))
                    }
                }
            }
            rest = &rest[t_end..];
        }
        out.push(Record {
            id,
            category,
            date,
            text,
            gold,
            silent,
            parse_error,
            line,
        });
    }
    Ok(out)
}

#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub records: usize,
    pub gold_codings: usize,
    pub exact: usize,
    pub root: usize,
    pub produced: usize,
    pub spurious: usize,
    pub silent_records: usize,
    pub silent_kept: usize,
    pub records_all_exact: usize,
    pub disagreements: BTreeMap<String, usize>,
    /// Records whose gold reflects a broken parse tree: listed with what dyad coded, counted
    /// neither as silent nor as spurious, and in none of the agreement figures.
    pub parse_error_records: Vec<ParseErrorRecord>,
}

#[derive(Debug, serde::Serialize)]
pub struct ParseErrorRecord {
    pub id: String,
    /// dyad's events as "SOURCE CODE TARGET".
    pub coded: Vec<String>,
}

/// An actor as PETRARCH writes it: "---" for none, "---GOV" for an agent with no country.
fn petrarch_code(a: Option<&dyad_coder::ActorRef>) -> String {
    match a {
        None => "---".into(),
        Some(a) if a.bare_agent => format!("---{}", a.code),
        Some(a) => a.code.clone(),
    }
}

/// Why a gold coding was not reproduced, judged against the closest produced event.
fn category(gold: &Coding, produced: &[Coding]) -> &'static str {
    let (s, t, c) = gold;
    if s.contains(' ') || t.contains(' ') {
        return "gold names an actor missing from the dictionaries";
    }
    if produced.is_empty() {
        return "no event coded";
    }
    let root = |x: &str| x.get(..2).unwrap_or(x).to_string();
    if produced
        .iter()
        .any(|p| p.0 == *s && p.1 == *t && root(&p.2) == root(c))
    {
        return "right actors, code differs below the root";
    }
    if produced.iter().any(|p| p.0 == *s && p.1 == *t) {
        return "right actors, wrong event root";
    }
    if produced.iter().any(|p| p.2 == *c && p.0 == *s) {
        return "right source and code, wrong target";
    }
    if produced.iter().any(|p| p.2 == *c && p.1 == *t) {
        return "right target and code, wrong source";
    }
    if produced.iter().any(|p| p.0 == *t && p.1 == *s) {
        return "source and target swapped";
    }
    "other events coded instead"
}

pub fn run(args: ValidateArgs) -> ExitCode {
    let xml = match std::fs::read(&args.records) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("dyad: {}: {e}", args.records.display());
            return ExitCode::from(2);
        }
    };
    let records = match parse_records(&xml) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dyad: {}: {e}", args.records.display());
            return ExitCode::from(2);
        }
    };
    let dict = match load_dicts(&args.dicts) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dyad: {e}");
            return ExitCode::from(2);
        }
    };
    let coder = Coder::new(&dict);
    let mut scratch = Scratch::default();
    let mut sum = Summary::default();
    let mut out = std::io::stdout().lock();
    for r in &records {
        sum.records += 1;
        let coded = coder.code_document(&r.text, r.date, &mut scratch);
        let produced: Vec<Coding> = coded
            .events
            .iter()
            .map(|e| {
                (
                    petrarch_code(e.source.as_ref()),
                    petrarch_code(e.target.as_ref()),
                    e.cameo.clone(),
                )
            })
            .collect();
        sum.produced += produced.len();
        if r.parse_error {
            sum.parse_error_records.push(ParseErrorRecord {
                id: r.id.clone(),
                coded: produced
                    .iter()
                    .map(|(s, t, e)| format!("{s} {e} {t}"))
                    .collect(),
            });
            continue;
        }
        if r.silent {
            sum.silent_records += 1;
            if produced.is_empty() {
                sum.silent_kept += 1;
            } else {
                *sum.disagreements
                    .entry("events coded where none are expected".into())
                    .or_default() += 1;
            }
        }
        // Each produced event can account for one gold coding; exact matches are taken first.
        let mut free = vec![true; produced.len()];
        let mut exact_here = 0;
        let mut missed: Vec<&Coding> = Vec::new();
        for g in &r.gold {
            sum.gold_codings += 1;
            match (0..produced.len()).find(|&i| free[i] && produced[i] == *g) {
                Some(i) => {
                    free[i] = false;
                    exact_here += 1;
                }
                None => missed.push(g),
            }
        }
        sum.exact += exact_here;
        for g in &missed {
            let same_root = (0..produced.len()).find(|&i| {
                free[i]
                    && produced[i].0 == g.0
                    && produced[i].1 == g.1
                    && produced[i].2.get(..2) == g.2.get(..2)
            });
            if let Some(i) = same_root {
                free[i] = false;
                sum.root += 1;
            }
            *sum.disagreements
                .entry(category(g, &produced).into())
                .or_default() += 1;
        }
        sum.root += exact_here;
        let spurious = if r.silent {
            0
        } else {
            free.iter().filter(|f| **f).count()
        };
        sum.spurious += spurious;
        if spurious > 0 {
            *sum.disagreements
                .entry("extra events beyond the gold".into())
                .or_default() += spurious;
        }
        let all_exact = missed.is_empty() && spurious == 0 && (!r.silent || produced.is_empty());
        if all_exact {
            sum.records_all_exact += 1;
        }
        if args.verbose && !all_exact {
            let show = |c: &[Coding]| {
                c.iter()
                    .map(|(s, t, e)| format!("{s} {e} {t}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let _ = writeln!(
                out,
                "{} [{}] line {}\n  text: {}\n  gold: {}\n  dyad: {}",
                r.id,
                r.category,
                r.line,
                r.text,
                if r.silent {
                    "(no events)".into()
                } else {
                    show(&r.gold)
                },
                show(&produced)
            );
        }
    }
    if args.json {
        let _ = writeln!(out, "{}", serde_json::to_string(&sum).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let _ = writeln!(out, "records                   {}", sum.records);
    let _ = writeln!(
        out,
        "gold codings              {} (in {} records; {} records expect no event)",
        sum.gold_codings,
        sum.records - sum.silent_records - sum.parse_error_records.len(),
        sum.silent_records
    );
    let _ = writeln!(
        out,
        "exact (source, target, code)  {} = {:.1}%",
        sum.exact,
        pct(sum.exact, sum.gold_codings)
    );
    let _ = writeln!(
        out,
        "same CAMEO root           {} = {:.1}%",
        sum.root,
        pct(sum.root, sum.gold_codings)
    );
    let _ = writeln!(
        out,
        "no-event records silent   {} of {}",
        sum.silent_kept, sum.silent_records
    );
    let _ = writeln!(
        out,
        "events produced           {} ({} beyond the gold)",
        sum.produced, sum.spurious
    );
    let _ = writeln!(out, "records fully right       {}", sum.records_all_exact);
    if !sum.parse_error_records.is_empty() {
        // Their gold is PETRARCH's reaction to a broken parse tree; dyad reads the text instead.
        let list = sum
            .parse_error_records
            .iter()
            .map(|p| {
                let coded = if p.coded.is_empty() {
                    "nothing".to_string()
                } else {
                    p.coded.join("; ")
                };
                format!("{} ({coded})", p.id)
            })
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "bad-parse records         {} not judged (gold is about a broken parse tree): {list}",
            sum.parse_error_records.len()
        );
    }
    let _ = writeln!(out, "disagreements by category:");
    let mut cats: Vec<_> = sum.disagreements.iter().collect();
    cats.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (c, n) in cats {
        let _ = writeln!(out, "  {n:>5}  {c}");
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_with_gold_noevents_and_errors() {
        let xml = r#"<Sentences>
<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"NEW ACTOR"' targetcode="GON" eventcode="032"></EventCoding>
<Text>
Arnor restored ties &amp;
 with Minas_Tirith.
</Text>
</Sentence>
<Sentence date="19950102" id="A-2" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
<Sentence date="19950103" id="A-3" category="X">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing either.</Text>
</Sentence>
<Sentence date="19950104" id="A-4" category="ERROR">
<!-- unbalanced parse -->
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor restored ties with Gondor.</Text>
</Sentence>
</Sentences>"#;
        let r = parse_records(xml).unwrap();
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].text, "Arnor restored ties & with Minas Tirith.");
        assert_eq!(r[0].gold.len(), 2);
        assert_eq!(r[0].gold[1].0, "NEW ACTOR");
        assert_eq!(r[0].date, NaiveDate::from_ymd_opt(1995, 1, 1));
        assert_eq!(r[0].line, 2);
        assert!(!r[0].silent && r[1].silent && r[2].silent);
        // A broken-parse case is neither a silent record nor one with gold.
        assert!(r[3].parse_error && !r[3].silent && r[3].gold.is_empty());
        assert!(!r[0].parse_error && !r[1].parse_error && !r[2].parse_error);
        assert!(parse_records("<Sentence id=\"x\">").is_err());
    }

    #[test]
    fn categories_name_the_nearest_miss() {
        let g: Coding = ("ARN".into(), "GON".into(), "064".into());
        let p = |s: &str, t: &str, c: &str| vec![(s.to_string(), t.to_string(), c.to_string())];
        assert_eq!(category(&g, &[]), "no event coded");
        assert_eq!(
            category(&g, &p("ARN", "GON", "061")),
            "right actors, code differs below the root"
        );
        assert_eq!(
            category(&g, &p("ARN", "GON", "112")),
            "right actors, wrong event root"
        );
        assert_eq!(
            category(&g, &p("GON", "ARN", "112")),
            "source and target swapped"
        );
        assert_eq!(
            category(&g, &p("ARN", "MOR", "064")),
            "right source and code, wrong target"
        );
    }
}
