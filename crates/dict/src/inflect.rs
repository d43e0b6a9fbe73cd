//! Verb inflection: curators write lemmas, the coder needs every surface form.
//!
//! Regular rules generate a superset where English spelling is not predictable from letters alone
//! (consonant doubling depends on stress): both "visited" and "visitted" are produced, and the form
//! that never occurs in text costs nothing. `irregular-verbs.txt` overrides the past forms.

use crate::model::IrregularForms;

/// How a surface form relates to its lemma; the coder needs participles to see passives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Base,
    Third,
    Past,
    /// Past tense and past participle are spelled the same ("accused").
    PastOrParticiple,
    Participle,
    Ing,
}

impl Form {
    pub fn can_be_participle(self) -> bool {
        matches!(self, Form::Participle | Form::PastOrParticiple)
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Ends consonant-vowel-consonant (not w, x, y): the shape where doubling may happen.
fn cvc(w: &[u8]) -> bool {
    let n = w.len();
    n >= 3
        && !is_vowel(w[n - 1])
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
        && is_vowel(w[n - 2])
        && !is_vowel(w[n - 3])
}

fn third(lemma: &str) -> String {
    let b = lemma.as_bytes();
    let n = b.len();
    if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
        || (lemma.ends_with('o') && n >= 2 && !is_vowel(b[n - 2]))
    {
        format!("{lemma}es")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &lemma[..n - 1])
    } else {
        format!("{lemma}s")
    }
}

fn regular_past(lemma: &str) -> Vec<String> {
    let b = lemma.as_bytes();
    let n = b.len();
    if lemma.ends_with('e') {
        vec![format!("{lemma}d")]
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        vec![format!("{}ied", &lemma[..n - 1])]
    } else if cvc(b) {
        vec![
            format!("{lemma}ed"),
            format!("{lemma}{}ed", b[n - 1] as char),
        ]
    } else {
        vec![format!("{lemma}ed")]
    }
}

fn regular_ing(lemma: &str) -> Vec<String> {
    let b = lemma.as_bytes();
    let n = b.len();
    if lemma.ends_with("ie") {
        vec![format!("{}ying", &lemma[..n - 2])]
    } else if lemma.ends_with('e')
        && !lemma.ends_with("ee")
        && !lemma.ends_with("ye")
        && !lemma.ends_with("oe")
        && n > 2
    {
        vec![format!("{}ing", &lemma[..n - 1])]
    } else if cvc(b) {
        vec![
            format!("{lemma}ing"),
            format!("{lemma}{}ing", b[n - 1] as char),
        ]
    } else {
        vec![format!("{lemma}ing")]
    }
}

/// Every surface form of `lemma` with its kind, the lemma itself first.
pub fn inflect(lemma: &str, irregular: Option<&IrregularForms>) -> Vec<(String, Form)> {
    let mut out = vec![(lemma.to_string(), Form::Base)];
    out.push((third(lemma), Form::Third));
    for t in irregular.map(|i| i.third.as_slice()).unwrap_or_default() {
        out.push((t.clone(), Form::Third));
    }
    let (past, participle) = match irregular {
        Some(i) => (i.past.clone(), i.participle.clone()),
        None => {
            let p = regular_past(lemma);
            (p.clone(), p)
        }
    };
    for p in &past {
        let form = if participle.contains(p) {
            Form::PastOrParticiple
        } else {
            Form::Past
        };
        out.push((p.clone(), form));
    }
    for p in participle.iter().filter(|p| !past.contains(p)) {
        out.push((p.clone(), Form::Participle));
    }
    let ing = match irregular {
        Some(i) if !i.ing.is_empty() => i.ing.clone(),
        _ => regular_ing(lemma),
    };
    out.extend(ing.into_iter().map(|w| (w, Form::Ing)));
    // "cut", "put", "overrun": one spelling may be base, past and participle at once, and the
    // coder needs to know every role it can play.
    // A handful of forms: comparing with the earlier ones beats hashing cloned strings.
    let mut k = 0;
    while k < out.len() {
        if out[..k].contains(&out[k]) {
            out.remove(k);
        } else {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lemma: &str, irr: Option<&IrregularForms>) -> Vec<String> {
        inflect(lemma, irr).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn regular_verbs() {
        assert_eq!(
            words("accuse", None),
            ["accuse", "accuses", "accused", "accusing"]
        );
        assert_eq!(words("deny", None), ["deny", "denies", "denied", "denying"]);
        assert_eq!(words("stay", None), ["stay", "stays", "stayed", "staying"]);
        assert_eq!(
            words("agree", None),
            ["agree", "agrees", "agreed", "agreeing"]
        );
        assert_eq!(
            words("reach", None),
            ["reach", "reaches", "reached", "reaching"]
        );
        assert_eq!(words("veto", None), ["veto", "vetoes", "vetoed", "vetoing"]);
        assert!(words("ban", None).contains(&"banned".to_string()));
        assert!(words("ban", None).contains(&"banning".to_string()));
        assert!(words("visit", None).contains(&"visited".to_string()));
        assert!(words("tie", None).contains(&"tying".to_string()));
    }

    #[test]
    fn irregular_forms_override_and_mark_participles() {
        let irr = IrregularForms {
            past: vec!["took".into()],
            participle: vec!["taken".into()],
            ..Default::default()
        };
        let forms = inflect("take", Some(&irr));
        assert!(forms.contains(&("took".into(), Form::Past)));
        assert!(forms.contains(&("taken".into(), Form::Participle)));
        assert!(forms.contains(&("taking".into(), Form::Ing)));
        assert!(!forms.iter().any(|(w, _)| w == "taked"));
        let regular = inflect("attack", None);
        assert!(regular.contains(&("attacked".into(), Form::PastOrParticiple)));
        let same = IrregularForms {
            past: vec!["overran".into()],
            participle: vec!["overrun".into()],
            ..Default::default()
        };
        let forms = inflect("overrun", Some(&same));
        assert!(forms.contains(&("overrun".into(), Form::Base)));
        assert!(forms.contains(&("overrun".into(), Form::Participle)));
        assert!(Form::PastOrParticiple.can_be_participle() && !Form::Past.can_be_participle());
    }
}
