//! `dyad quotes`: every direct quotation of the input with its speaker, and the speaker
//! resolution that `dyad code` also uses to attribute events coded from quoted sentences.

use crate::code::{ingest_options, load_dicts, parse_date_arg};
use crate::InputFormatArg;
use dyad_coder::{ActorRef, Coded, Coder, Scratch};
use dyad_context::{
    attribute_wanted_in, find_quotes_in, Attribution, DocTokens, Quote, SpeakerKind, SpeakerLookup,
};
use std::io::{BufWriter, Write};
use std::ops::Range;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct QuotesArgs {
    /// Input files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for documents that carry none (decides people's offices).
    #[arg(long)]
    date: Option<String>,
    /// Input format, instead of guessing it from the file extension.
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Stop at the first malformed record instead of skipping it.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    dicts: crate::DictArgs,
}

/// Whether `text` has an opening quotation mark at all: a cheap test before asking the coder for
/// the actor list that speaker resolution needs.
pub fn may_quote(text: &str) -> bool {
    let b = text.as_bytes();
    // “ and ‘ are E2 80 9C and E2 80 98, « is C2 AB: found by their lead bytes.
    memchr::memchr(b'"', b).is_some()
        || memchr::memchr2_iter(0xE2, 0xC2, b).any(|i| {
            matches!(
                b.get(i..i + 3),
                Some([0xE2, 0x80, 0x9C | 0x98]) | Some([0xC2, 0xAB, _])
            ) || b.get(i..) == Some(&[0xC2, 0xAB][..])
        })
}

/// Speaker mentions resolved to the coder's actor mentions of the same document.
struct Actors<'a> {
    list: &'a [ActorRef],
    quotes: &'a [Quote],
    /// Spans of the mentions in subject position: the first actor of each sentence and the
    /// source of each event.
    subjects: Vec<(usize, usize)>,
}

fn overlap(a: (usize, usize), b: &Range<usize>) -> usize {
    a.1.min(b.end).saturating_sub(a.0.max(b.start))
}

impl SpeakerLookup for Actors<'_> {
    /// An index into the actor list.
    type Actor = usize;

    /// The actor mention that overlaps the speaker mention most, a named person first
    /// ("U.N. envoy Staffan de Mistura" is the person, not the U.N.).
    fn actor(&self, mention: Range<usize>) -> Option<usize> {
        self.list
            .iter()
            .enumerate()
            .filter(|(_, a)| overlap(a.span, &mention) > 0)
            .max_by_key(|(i, a)| (a.person, overlap(a.span, &mention), std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
    }

    /// Named people in subject position outside quotations. "he said" after "De Mistura said he
    /// would consult with Mr. Kerry" is De Mistura, not Kerry; and a person named inside a
    /// quotation is spoken about, not a candidate for the "he said" after it.
    fn persons(&self) -> Vec<Range<usize>> {
        self.list
            .iter()
            .filter(|a| a.person && self.subjects.contains(&a.span))
            .map(|a| a.span.0..a.span.1)
            .filter(|s| {
                !self
                    .quotes
                    .iter()
                    .any(|q| q.span.start <= s.start && s.end <= q.span.end)
            })
            .collect()
    }
}

/// The quotations of a document and, for each, its speaker resolved to an index into `actors`
/// (the coder's actor mentions of the document, `coded` its coding).
pub fn speakers(
    doc: &DocTokens,
    coded: &Coded,
    actors: &[ActorRef],
) -> (Vec<Quote>, Vec<Attribution<usize>>) {
    speakers_wanted(doc, coded, actors, &|_| true)
}

/// [`speakers`] with only the quotations `wanted` picks resolved (the others come back with no
/// mention and no actor).
pub fn speakers_wanted(
    doc: &DocTokens,
    coded: &Coded,
    actors: &[ActorRef],
    wanted: &dyn Fn(&Quote) -> bool,
) -> (Vec<Quote>, Vec<Attribution<usize>>) {
    let quotes = find_quotes_in(doc);
    if quotes.is_empty() {
        return (quotes, Vec::new());
    }
    let mut subjects: Vec<(usize, usize)> = coded
        .events
        .iter()
        .filter_map(|e| e.source.as_ref().map(|a| a.span))
        .collect();
    for &(start, end) in &coded.sentences {
        let quoted = |a: &ActorRef| {
            quotes
                .iter()
                .any(|q| q.span.start <= a.span.0 && a.span.1 <= q.span.end)
        };
        if let Some(first) = actors
            .iter()
            .find(|a| a.span.0 >= start && a.span.1 <= end && !quoted(a))
        {
            subjects.push(first.span);
        }
    }
    let lookup = Actors {
        list: actors,
        quotes: &quotes,
        subjects,
    };
    let attributions = attribute_wanted_in(doc, &quotes, &lookup, wanted);
    (quotes, attributions)
}

fn kind_name(k: SpeakerKind) -> &'static str {
    match k {
        SpeakerKind::Name => "name",
        SpeakerKind::Role => "role",
        SpeakerKind::Pronoun => "pronoun",
    }
}

/// One output line: `{doc_id, speaker, quote, span}`. The speaker is null when no phrase names
/// one; otherwise `name`, `code` and `country` come from the actor the phrase (or, for a
/// pronoun, its antecedent) stands for, `name` falling back to the words of the mention when
/// the dictionaries know no actor there. `text`, `kind` and `span` give the phrase as written.
fn line(
    doc_id: &str,
    text: &str,
    quote: &Quote,
    att: &Attribution<usize>,
    actors: &[ActorRef],
) -> serde_json::Value {
    let speaker = att.speaker.as_ref().map(|s| {
        let actor = att.actor.map(|i| &actors[i]);
        let name = actor
            .map(|a| a.name.clone())
            .or_else(|| att.mention.as_ref().map(|m| text[m.clone()].to_string()));
        serde_json::json!({
            "name": name,
            "code": actor.map(|a| a.code.as_str()),
            "country": actor.and_then(|a| a.country.as_deref()),
            "text": &text[s.span.clone()],
            "kind": kind_name(s.kind),
            "span": [s.span.start, s.span.end],
        })
    });
    serde_json::json!({
        "doc_id": doc_id,
        "speaker": speaker,
        "quote": &text[quote.inner.clone()],
        "span": [quote.inner.start, quote.inner.end],
    })
}

pub fn run(args: QuotesArgs) -> ExitCode {
    let date = match parse_date_arg(args.date.as_deref()) {
        Ok(d) => d,
        Err(e) => return crate::code::fail(&e),
    };
    let dict = match load_dicts(&args.dicts) {
        Ok(d) => d,
        Err(e) => return crate::code::fail(&e),
    };
    let coder = Coder::new(&dict);
    let opts = ingest_options(date, args.input_format);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut scratch = Scratch::default();
    let (mut documents, mut quotes, mut skipped) = (0usize, 0usize, 0usize);
    let mut missing = false;
    let mut broken = false;
    'inputs: for path in &args.inputs {
        let mut stream = match dyad_ingest::open(path, &opts) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("dyad: {e}");
                missing = true;
                continue;
            }
        };
        for item in stream.by_ref() {
            let doc = match item {
                Ok(doc) => doc,
                Err(e) => {
                    eprintln!("dyad: {e} (record skipped)");
                    skipped += 1;
                    if args.strict {
                        eprintln!("dyad: stopping at the first bad record (--strict)");
                        let _ = out.flush();
                        return ExitCode::from(1);
                    }
                    continue;
                }
            };
            documents += 1;
            if !may_quote(&doc.text) {
                continue;
            }
            let (coded, actors) =
                coder.code_document_with_actors(&doc.text, doc.date, &mut scratch);
            let tokens = DocTokens::from_tokens(&doc.text, scratch.tokens());
            let (found, atts) = speakers(&tokens, &coded, &actors);
            for (q, a) in found.iter().zip(&atts) {
                quotes += 1;
                let l = line(&doc.id, &doc.text, q, a, &actors);
                if let Err(e) = writeln!(out, "{l}") {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        broken = true;
                        break 'inputs;
                    }
                    return crate::code::fail(&format!("writing output: {e}"));
                }
            }
        }
        for w in stream.warnings() {
            eprintln!("dyad: warning: {w}");
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return crate::code::fail(&format!("writing output: {e}"));
        }
    }
    if !broken {
        eprintln!("dyad: {documents} documents, {quotes} quotations, {skipped} skipped");
    }
    std::mem::forget(dict);
    if missing {
        ExitCode::from(2)
    } else if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::may_quote;

    #[test]
    fn opening_marks_are_found_by_their_bytes() {
        for s in [
            "He said \"no\".",
            "\u{201C}No,\u{201D} he said.",
            "He said \u{2018}no\u{2019}.",
            "Il a dit \u{AB} non \u{BB}.",
            "ends with \u{AB}",
            "\u{AB}",
        ] {
            assert!(may_quote(s), "{s}");
        }
        // Closing marks, dashes and other characters that share a lead byte do not open a quote.
        for s in [
            "",
            "No quotation here.",
            "Assad\u{2019}s troops \u{2014} and \u{BB} \u{A9} \u{201D}",
            "\u{C2}",
        ] {
            assert!(!may_quote(s), "{s}");
        }
    }
}
