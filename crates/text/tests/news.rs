//! Document-level behaviour on news-like prose.

use dyad_text::{dateline, normalize_into, split_sentences, tokenize, TokenKind};

fn sents(doc: &str) -> Vec<&str> {
    split_sentences(doc)
        .iter()
        .map(|s| &doc[s.start..s.end])
        .collect()
}

#[test]
fn reuters_story() {
    let doc = "Iran, powers fail to agree\n\n\
               VIENNA (Reuters) - Iran and six world powers failed to reach a deal on Monday, \
               U.S. Secretary of State John Kerry said. \"We are not there yet,\" Kerry told \
               reporters. The talks, which began at 9 a.m. on Sunday, will resume in Jan. \
               2015.\n\nMr. Zarif's spokesman didn't comment.";
    let d = dateline(doc).unwrap();
    assert_eq!(d.place, "VIENNA");
    assert_eq!(&doc[d.start..d.end], "VIENNA (Reuters) -");
    assert_eq!(
        sents(doc),
        [
            "Iran, powers fail to agree",
            "Iran and six world powers failed to reach a deal on Monday, U.S. Secretary of State John Kerry said.",
            "\"We are not there yet,\" Kerry told reporters.",
            "The talks, which began at 9 a.m. on Sunday, will resume in Jan. 2015.",
            "Mr. Zarif's spokesman didn't comment.",
        ]
    );
}

#[test]
fn ap_story_with_curly_quotes() {
    let doc = "KABUL, Afghanistan (AP) — A suicide bomber struck near the U.N. compound, \
               officials said. “It’s a tragedy,” said Lt. Col. Ahmad Rahimi. The Taliban’s \
               spokesman claimed responsibility…  Nobody else did!";
    assert_eq!(
        sents(doc),
        [
            "A suicide bomber struck near the U.N. compound, officials said.",
            "“It’s a tragedy,” said Lt. Col. Ahmad Rahimi.",
            "The Taliban’s spokesman claimed responsibility…",
            "Nobody else did!",
        ]
    );
    let s = split_sentences(doc)[1];
    let mut toks = Vec::new();
    tokenize(&doc[s.start..s.end], s.start, &mut toks);
    let texts: Vec<&str> = toks.iter().map(|t| &doc[t.start..t.end]).collect();
    assert_eq!(
        texts,
        [
            "“", "It", "’s", "a", "tragedy", ",", "”", "said", "Lt.", "Col.", "Ahmad", "Rahimi",
            "."
        ]
    );
    // "’s" after "It" is the Possessive kind (PTB does not distinguish is/has).
    assert_eq!(toks[2].kind, TokenKind::Possessive);
    let mut n = String::new();
    for t in &toks {
        normalize_into(t.text(doc), &mut n);
        n.push(' ');
    }
    assert_eq!(n, "\" it 's a tragedy , \" said lt. col. ahmad rahimi . ");
}

#[test]
fn dictionary_phrase_and_text_tokenise_identically() {
    let phrase = "Russian-backed separatists";
    let text = "Kyiv accused Russian-backed separatists of shelling.";
    let mut a = Vec::new();
    tokenize(phrase, 0, &mut a);
    let mut b = Vec::new();
    tokenize(text, 0, &mut b);
    let ta: Vec<&str> = a.iter().map(|t| t.text(phrase)).collect();
    let tb: Vec<&str> = b.iter().map(|t| t.text(text)).collect();
    assert_eq!(ta, ["Russian", "-", "backed", "separatists"]);
    assert!(tb.windows(4).any(|w| w == ta.as_slice()));
}

#[test]
fn edge_documents() {
    // Only a dateline.
    assert!(split_sentences("KABUL —").is_empty());
    // Dateline followed by a newline.
    assert_eq!(
        sents("GENEVA:\nTalks resumed. They ended."),
        ["Talks resumed.", "They ended."]
    );
    // Nested curly quotes closing after the period.
    assert_eq!(
        sents("He said: “They told me ‘leave now.’” Then silence fell."),
        ["He said: “They told me ‘leave now.’”", "Then silence fell."]
    );
    // Question inside a quote followed by an attribution.
    assert_eq!(
        sents("“Why now?” asked Sen. Smith. “Because.”"),
        ["“Why now?” asked Sen. Smith.", "“Because.”"]
    );
    // Newline after terminal punctuation and a capitalised line.
    assert_eq!(
        sents("First line ends.\nSecond line"),
        ["First line ends.", "Second line"]
    );
    // Several headlines.
    assert_eq!(
        sents("WORLD NEWS\n\nRebels advance\n\nBody text here."),
        ["WORLD NEWS", "Rebels advance", "Body text here."]
    );
    // Exclamation then lowercase: no split.
    assert_eq!(
        sents("\"Stop!\" shouted police."),
        ["\"Stop!\" shouted police."]
    );
}
