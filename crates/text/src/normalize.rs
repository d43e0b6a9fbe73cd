//! Token normalisation for dictionary matching.

/// Append the normalised form of one token's text to `out`: Unicode
/// lowercase, curly apostrophes/quotes to straight ones (`’ ‘` → `'`,
/// `“ ”` → `"`), en/em dashes and minus to `-`. Soft hyphens and zero-width
/// characters are dropped. ASCII fast path.
pub fn normalize_into(token_text: &str, out: &mut String) {
    if token_text.is_ascii() {
        let start = out.len();
        out.push_str(token_text);
        out[start..].make_ascii_lowercase();
        return;
    }
    out.reserve(token_text.len());
    for ch in token_text.chars() {
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
            continue;
        }
        match ch {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => {
                out.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
            | '\u{2033}' | '\u{FF02}' => out.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            _ => out.extend(ch.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut o = String::new();
        normalize_into(s, &mut o);
        o
    }

    #[test]
    fn ascii() {
        assert_eq!(norm("U.S."), "u.s.");
        assert_eq!(norm("Russia"), "russia");
        assert_eq!(norm("n't"), "n't");
    }

    #[test]
    fn unicode() {
        assert_eq!(norm("’s"), "'s");
        assert_eq!(norm("‘"), "'");
        assert_eq!(norm("“"), "\"");
        assert_eq!(norm("”"), "\"");
        assert_eq!(norm("—"), "-");
        assert_eq!(norm("–"), "-");
        assert_eq!(norm("\u{2212}"), "-");
        assert_eq!(norm("ÉLYSÉE"), "élysée");
        assert_eq!(norm("O’Brien"), "o'brien");
        assert_eq!(norm("ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(norm("Shab\u{AD}aab"), "shabaab");
    }

    #[test]
    fn appends() {
        let mut o = String::from("x ");
        normalize_into("AbC", &mut o);
        normalize_into("Ü", &mut o);
        assert_eq!(o, "x abcü");
    }
}
