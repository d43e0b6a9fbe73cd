//! Abbreviation tables shared by the tokenizer (does a period attach to this
//! word?) and the sentence splitter (can this abbreviation end a sentence?).

/// How likely an abbreviation is to end a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Titles, initials, `vs.`, `No.`: never end a sentence.
    Never,
    /// Country initialisms, months, states, `Inc.`, `Corp.`: end a sentence only before a
    /// common sentence-start function word (`The`, `He`, `But`, ...).
    Weak,
    /// `etc.`, `a.m.`, `p.m.`: end a sentence before any
    /// capitalised word that does not usually continue the phrase.
    Final,
}

/// An entry of the abbreviation table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Abbrev {
    pub class: AbbrevClass,
    /// Only an abbreviation when a number follows (`No. 5`, `Mar. 3`).
    pub needs_digit: bool,
}

fn lookup_exact(w: &str) -> Option<Abbrev> {
    use AbbrevClass::*;
    let (class, needs_digit) = match w {
        // Titles and ranks.
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Dr" | "Drs" | "Prof" | "Gen" | "Gens"
        | "Sen" | "Sens" | "Rep" | "Reps" | "Gov" | "Govs" | "Lt" | "Col" | "Sgt" | "Capt"
        | "Maj" | "Adm" | "Brig" | "Cmdr" | "Cdr" | "Cpl" | "Pvt" | "Spc" | "Pres" | "Rev"
        | "Hon" | "Fr" | "Amb" | "Atty" | "Det" | "Insp" | "Supt" | "Sec" | "St" | "Mt" | "Ft"
        | "Ave" | "Blvd" | "vs" | "cf" | "approx" | "Nos" | "Vol" | "Ch" | "Pt" => (Never, false),
        "No" => (Never, true),
        // Months (not May; "Mar" only before a number).
        "Jan" | "Feb" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" => {
            (Weak, false)
        }
        "Mar" => (Weak, true),
        // Suffixes and U.S. state abbreviations (AP style).
        "Jr" | "Sr" | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Fla" | "Ga" | "Kan"
        | "Ky" | "Md" | "Mich" | "Minn" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa"
        | "Tenn" | "Tex" | "Va" | "Vt" | "Wis" | "Wyo" | "Dept" | "Univ" => (Weak, false),
        // Company suffixes: "Toyota Motor Corp. President Akio Toyoda" is common,
        // so only a function word after them starts a new sentence.
        "Inc" | "Corp" | "Ltd" | "Co" | "Cos" | "Bros" | "Plc" => (Weak, false),
        // Often sentence-final.
        "etc" | "al" => (Final, false),
        _ => return None,
    };
    Some(Abbrev { class, needs_digit })
}

/// Look up a word (without its period) in the abbreviation table. All-caps
/// spellings of capitalised entries (`GEN`, `INC`) are accepted too.
pub(crate) fn lookup(w: &str) -> Option<Abbrev> {
    if let Some(a) = lookup_exact(w) {
        return Some(a);
    }
    let b = w.as_bytes();
    if b.len() >= 2 && b.len() <= 8 && b.iter().all(|c| c.is_ascii_uppercase()) {
        let mut buf = [0u8; 8];
        buf[..b.len()].copy_from_slice(b);
        buf[1..b.len()].make_ascii_lowercase();
        let t = std::str::from_utf8(&buf[..b.len()]).ok()?;
        return lookup_exact(t);
    }
    None
}

/// Common words that start a sentence. Used to decide whether an
/// abbreviation such as `U.S.` ends the sentence: `...to the U.S. The talks`.
pub(crate) fn is_sentence_starter(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "Your"
            | "Some"
            | "Many"
            | "Most"
            | "Several"
            | "Both"
            | "Each"
            | "Every"
            | "All"
            | "No"
            | "None"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "With"
            | "Without"
            | "Under"
            | "Over"
            | "After"
            | "Before"
            | "During"
            | "Since"
            | "Until"
            | "When"
            | "While"
            | "Where"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Which"
            | "If"
            | "As"
            | "Although"
            | "Though"
            | "Because"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "Nor"
            | "However"
            | "Meanwhile"
            | "Also"
            | "Still"
            | "Then"
            | "Now"
            | "Earlier"
            | "Later"
            | "Last"
            | "Such"
            | "Another"
            | "Other"
            | "Others"
            | "Even"
            | "Only"
            | "Instead"
            | "Asked"
            | "According"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
    )
}

/// Capitalised words that usually continue a phrase after `p.m.`, `Inc.` or
/// `Jr.` rather than start a new sentence.
pub(crate) fn is_continuation(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    matches!(
        w,
        "Day"
            | "GMT"
            | "UTC"
            | "EST"
            | "EDT"
            | "ET"
            | "CST"
            | "CDT"
            | "PST"
            | "PDT"
            | "PT"
            | "CET"
            | "CEST"
            | "BST"
            | "IST"
            | "Ltd"
            | "Inc"
            | "Co"
            | "Corp"
            | "LLC"
            | "Plc"
            | "PLC"
            | "AG"
            | "SA"
            | "NV"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Local"
            | "Moscow"
            | "Eastern"
            | "Pacific"
            | "Central"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_titles_and_caps() {
        assert_eq!(lookup("Gen").unwrap().class, AbbrevClass::Never);
        assert_eq!(lookup("GEN").unwrap().class, AbbrevClass::Never);
        assert_eq!(lookup("Inc").unwrap().class, AbbrevClass::Weak);
        assert_eq!(lookup("etc").unwrap().class, AbbrevClass::Final);
        assert_eq!(lookup("Jan").unwrap().class, AbbrevClass::Weak);
        assert!(lookup("May").is_none());
        assert!(lookup("US").is_none());
        assert!(lookup("No").unwrap().needs_digit);
        assert!(lookup("said").is_none());
    }

    #[test]
    fn starters() {
        assert!(is_sentence_starter("The"));
        assert!(is_sentence_starter("Mr."));
        assert!(!is_sentence_starter("Army"));
        assert!(is_continuation("Tuesday"));
    }
}
