//! Whatever the text, the coder never panics and every span it reports indexes the text.

use dyad_coder::{Coder, Scratch};

#[test]
fn random_text_never_panics_and_spans_stay_in_bounds() {
    let dict = dyad_dict::load(&[]).expect("embedded dictionaries load");
    let coder = Coder::new(&dict);
    let mut scratch = Scratch::default();
    let words = [
        "Russia",
        "accused",
        "Turkey",
        "of",
        "the",
        "was",
        "attacked",
        "by",
        "and",
        "not",
        "said",
        "that",
        "he",
        "it",
        "U.S.",
        "Lavrov",
        "troops",
        "Syrian",
        "rebels",
        ",",
        ".",
        "\"",
        "“",
        "”",
        "’s",
        "n't",
        "-",
        "in",
        "Moscow",
        "whether",
        "to",
        "plans",
        "Hamas",
        "were",
        "freed",
        "é",
        "\n\n",
        "VIENNA (Reuters) -",
        "(",
        ")",
        ";",
        "which",
        "who",
        "Mr.",
        "1,000",
        "…",
        "\u{200b}",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..3000 {
        let n = (next() % 60) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(words[(next() % words.len() as u64) as usize]);
            if next() % 4 != 0 {
                text.push(' ');
            }
        }
        let date = (round % 2 == 0).then(|| chrono::NaiveDate::from_ymd_opt(2016, 5, 17).unwrap());
        let coded = coder.code_document(&text, date, &mut scratch);
        for e in &coded.events {
            for (a, b) in [e.verb, e.evidence, e.sentence]
                .into_iter()
                .chain(e.source.iter().map(|s| s.span))
                .chain(e.target.iter().map(|t| t.span))
            {
                assert!(a <= b && b <= text.len(), "span {a}..{b} out of {text:?}");
                assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
            }
            assert!(
                dyad_events::Codebook::embedded().get(&e.cameo).is_some(),
                "{}",
                e.cameo
            );
        }
        let (events, _) = coder.explain(&text, date);
        assert_eq!(
            events.len(),
            coded.events.len(),
            "explain and code agree on {text:?}"
        );
    }
}
