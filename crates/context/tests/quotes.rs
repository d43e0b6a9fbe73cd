//! Direct quotations and speakers on a hand-written multi-paragraph story.

use std::ops::Range;

use dyad_context::{
    attribute, attribute_wanted_in, find_quotes, DocTokens, Quote, SpeakerKind, SpeakerLookup,
};

const STORY: &str = "GENEVA (Reuters) - The United Nations envoy for Syria, Staffan de Mistura, said on Monday that both sides had agreed to a pause.

\"We have a window of opportunity,\" de Mistura told reporters. \"It may not last.\"

A spokesman for the Syrian foreign ministry said: \"The government is ready to talk.\"

\u{201C}We will not negotiate with terrorists,\u{201D} said Mohammed Alloush, the opposition\u{2019}s chief negotiator.

De Mistura said the next round would start on Friday.

\"This is a 'decisive' moment,\" he said, \"and nobody should waste it.\"

The Syrian foreign ministry said the report was false. Alloush said nothing.

\"We reject these claims,\" it said in a statement.

\u{201C}Talks will continue for weeks.

\u{201C}As long as it takes,\u{201D} the envoy added.

Alloush said the opposition wanted \"real guarantees\" before any deal.";

/// (quote text, speaker text, kind, inherited)
fn summary(text: &str, q: &Quote) -> (String, Option<(String, SpeakerKind, bool)>) {
    (
        text[q.span.clone()].to_string(),
        q.speaker
            .as_ref()
            .map(|s| (text[s.span.clone()].to_string(), s.kind, s.inherited)),
    )
}

fn sp(s: &str, k: SpeakerKind, inherited: bool) -> Option<(String, SpeakerKind, bool)> {
    Some((s.to_string(), k, inherited))
}

#[test]
fn quotes_and_speaker_phrases() {
    use SpeakerKind::{Name, Pronoun, Role};
    let t = STORY;
    let qs = find_quotes(t);
    let got: Vec<_> = qs.iter().map(|q| summary(t, q)).collect();
    let want = vec![
        (
            "\"We have a window of opportunity,\"".to_string(),
            sp("de Mistura", Name, false),
        ),
        (
            "\"It may not last.\"".to_string(),
            sp("de Mistura", Name, true),
        ),
        (
            "\"The government is ready to talk.\"".to_string(),
            sp("A spokesman for the Syrian foreign ministry", Role, false),
        ),
        (
            "\u{201C}We will not negotiate with terrorists,\u{201D}".to_string(),
            sp("Mohammed Alloush", Name, false),
        ),
        (
            "\"This is a 'decisive' moment,\"".to_string(),
            sp("he", Pronoun, false),
        ),
        (
            "\"and nobody should waste it.\"".to_string(),
            sp("he", Pronoun, false),
        ),
        (
            "\"We reject these claims,\"".to_string(),
            sp("it", Pronoun, false),
        ),
        (
            "\u{201C}Talks will continue for weeks.\n\n\u{201C}As long as it takes,\u{201D}"
                .to_string(),
            sp("the envoy", Role, false),
        ),
        (
            "\"real guarantees\"".to_string(),
            sp("Alloush", Name, false),
        ),
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
    // Inner ranges drop the marks; verbs are the reporting verbs.
    assert_eq!(&t[qs[0].inner.clone()], "We have a window of opportunity,");
    let verbs: Vec<&str> = qs
        .iter()
        .map(|q| &t[q.speaker.as_ref().unwrap().verb.clone()])
        .collect();
    assert_eq!(
        verbs,
        ["told", "told", "said", "said", "said", "said", "said", "added", "said"]
    );
}

struct Actors<'a>(&'a str);

impl SpeakerLookup for Actors<'_> {
    type Actor = &'static str;
    fn actor(&self, m: Range<usize>) -> Option<&'static str> {
        match &self.0[m] {
            "Staffan de Mistura" | "de Mistura" | "De Mistura" | "the envoy" => Some("UNO"),
            "Mohammed Alloush" | "Alloush" => Some("SYRREB"),
            "A spokesman for the Syrian foreign ministry" | "The Syrian foreign ministry" => {
                Some("SYRGOV")
            }
            _ => None,
        }
    }
}

#[test]
fn pronouns_resolve_across_paragraphs() {
    let t = STORY;
    let qs = find_quotes(t);
    let att = attribute(t, &qs, &Actors(t));
    let mentions: Vec<Option<&str>> = att
        .iter()
        .map(|a| a.mention.clone().map(|m| &t[m]))
        .collect();
    assert_eq!(
        mentions,
        [
            Some("de Mistura"),
            Some("de Mistura"),
            Some("A spokesman for the Syrian foreign ministry"),
            Some("Mohammed Alloush"),
            // "he" two paragraphs after "De Mistura said ..." (indirect speech).
            Some("De Mistura"),
            Some("De Mistura"),
            // "it" wants a body: the ministry, not Alloush, named after it.
            Some("The Syrian foreign ministry"),
            Some("the envoy"),
            Some("Alloush"),
        ]
    );
    let codes: Vec<Option<&str>> = att.iter().map(|a| a.actor).collect();
    assert_eq!(
        codes,
        [
            Some("UNO"),
            Some("UNO"),
            Some("SYRGOV"),
            Some("SYRREB"),
            Some("UNO"),
            Some("UNO"),
            Some("SYRGOV"),
            Some("UNO"),
            Some("SYRREB")
        ]
    );
    assert!(att.iter().zip(&qs).all(|(a, q)| a.quote == q.span));
}

#[test]
fn closure_lookup_and_caller_persons() {
    // "He" with no speaker phrase before it: no antecedent unless the caller knows persons.
    let t = "Sergei Lavrov arrived in Geneva.\n\n\"We are ready,\" he said.";
    let qs = find_quotes(t);
    let by_closure = attribute(t, &qs, &|m: Range<usize>| Some(t[m].len()));
    assert_eq!(by_closure[0].mention, None);
    assert_eq!(by_closure[0].actor, None);

    struct People;
    impl SpeakerLookup for People {
        type Actor = &'static str;
        fn actor(&self, _: Range<usize>) -> Option<&'static str> {
            Some("RUSGOV")
        }
        fn persons(&self) -> Vec<Range<usize>> {
            let lavrov = 0..13;
            vec![lavrov]
        }
    }
    let att = attribute(t, &qs, &People);
    assert_eq!(att[0].mention.clone().map(|m| &t[m]), Some("Sergei Lavrov"));
    assert_eq!(att[0].actor, Some("RUSGOV"));
}

#[test]
fn quotation_marks() {
    // British single quotes at the top level, apostrophes inside.
    let t = "\u{2018}We don\u{2019}t accept Assad\u{2019}s terms,\u{2019} the minister said.";
    let qs = find_quotes(t);
    assert_eq!(qs.len(), 1);
    assert_eq!(
        summary(t, &qs[0]),
        (
            "\u{2018}We don\u{2019}t accept Assad\u{2019}s terms,\u{2019}".to_string(),
            sp("the minister", SpeakerKind::Role, false)
        )
    );
    // Guillemets, and "according to".
    let t = "\u{00AB}Nous resterons,\u{00BB} according to a French diplomat.";
    let qs = find_quotes(t);
    assert_eq!(
        summary(t, &qs[0]).1,
        sp("a French diplomat", SpeakerKind::Role, false)
    );
    // A quotation left open at the end of a paragraph ends there when the next paragraph does
    // not reopen it; a quotation of punctuation only is none.
    let t = "Lavrov said: \"We will see.\n\nThe talks ended. \"...\"";
    let qs = find_quotes(t);
    assert_eq!(qs.len(), 1);
    assert_eq!(&t[qs[0].span.clone()], "\"We will see.");
    assert_eq!(summary(t, &qs[0]).1, sp("Lavrov", SpeakerKind::Name, false));
    // Appositive after the name; adverb between speaker and verb.
    let t = "\"No,\" Lavrov, Russia's foreign minister, later said.";
    assert_eq!(
        summary(t, &find_quotes(t)[0]).1,
        sp("Lavrov", SpeakerKind::Name, false)
    );
    // Scare quotes in a sentence without a speaker: no speaker, no invention.
    let t = "The so-called \"safe zones\" remain empty.";
    let qs = find_quotes(t);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].speaker, None);
    assert!(find_quotes("No quotes here.").is_empty());
    assert!(find_quotes("").is_empty());
}

#[test]
fn a_relative_clause_between_commas_is_not_the_speaker() {
    // The antecedent of "he" is the envoy, not "attended the Vienna meeting".
    let t = "U.N. envoy Staffan de Mistura, who attended the Vienna meeting, said he would \
             consult with Mr. Kerry. \"Momentum is important,\" he said.";
    let qs = find_quotes(t);
    let atts = attribute(t, &qs, &|m: Range<usize>| Some(m));
    assert_eq!(atts.len(), 1);
    let mention = atts[0].mention.clone().expect("an antecedent");
    assert_eq!(&t[mention], "U.N. envoy Staffan de Mistura");
    // The same with the speaker phrase itself.
    let t = "\"Momentum is important,\" Staffan de Mistura, who attended the meeting, said.";
    let qs = find_quotes(t);
    assert_eq!(qs.len(), 1);
    assert_eq!(
        summary(t, &qs[0]).1.map(|s| s.0),
        Some("Staffan de Mistura".to_string())
    );
}

#[test]
fn a_wanted_quotation_is_attributed_as_when_all_are() {
    // Each quotation alone, and every other one, against all at once: pronouns ("he", "it")
    // must find the same antecedents though the scan for them stops early.
    let texts = [
        STORY,
        "U.N. envoy Staffan de Mistura, who attended the Vienna meeting, said he would \
         consult with Mr. Kerry. \"Momentum is important,\" he said.",
        "Sergei Lavrov arrived in Geneva.\n\n\"We are ready,\" he said.",
    ];
    for t in texts {
        let qs = find_quotes(t);
        let doc = DocTokens::new(t);
        let lookup = |m: Range<usize>| Some(m);
        let all = attribute(t, &qs, &lookup);
        for k in 0..qs.len() {
            let picks: [&dyn Fn(&Quote) -> bool; 2] =
                [&|q: &Quote| q.span == qs[k].span, &|q: &Quote| {
                    q.span.start % 2 == k % 2
                }];
            for wanted in picks {
                let some = attribute_wanted_in(&doc, &qs, &lookup, wanted);
                assert_eq!(some.len(), all.len());
                for (q, (a, b)) in qs.iter().zip(all.iter().zip(&some)) {
                    assert_eq!(a.speaker, b.speaker);
                    if wanted(q) {
                        assert_eq!((&a.mention, &a.actor), (&b.mention, &b.actor), "{t}");
                    } else {
                        assert_eq!((&b.mention, &b.actor), (&None, &None));
                    }
                }
            }
        }
    }
}
