//! HTML character reference decoding.

use std::borrow::Cow;

/// Decode HTML character references (`&amp;`, `&#8220;`, `&#x201C;`, `&rsquo;`, ...).
///
/// Unknown or malformed references are kept verbatim. Numeric references in
/// the C1 range (`&#150;`) are mapped through Windows-1252 as browsers do;
/// invalid code points become U+FFFD. `&shy;` (soft hyphen) decodes to nothing.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        match decode_one(after) {
            Some((consumed, Decoded::Char(c))) => {
                out.push(c);
                rest = &after[consumed..];
            }
            Some((consumed, Decoded::Str(t))) => {
                out.push_str(t);
                rest = &after[consumed..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

/// Decode the reference starting just after `&`. Returns the number of bytes
/// consumed (not counting the `&`).
fn decode_one(s: &str) -> Option<(usize, Decoded)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x') | Some(b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut i = start;
        let mut value: u32 = 0;
        while let Some(&c) = b.get(i) {
            let digit = if hex {
                (c as char).to_digit(16)
            } else {
                (c as char).to_digit(10)
            };
            let Some(digit) = digit else { break };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            i += 1;
        }
        if i == start {
            return None;
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        return Some((i, Decoded::Char(numeric_char(value))));
    }
    let len = b
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if len == 0 {
        return None;
    }
    let name = &s[..len];
    if b.get(len) == Some(&b';') {
        return named_entity(name).map(|t| (len + 1, Decoded::Str(t)));
    }
    // Legacy references that browsers accept without the semicolon.
    match name {
        "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg" | "AMP" | "LT" | "GT" | "QUOT" => {
            named_entity(&name.to_ascii_lowercase()).map(|t| (len, Decoded::Str(t)))
        }
        _ => None,
    }
}

fn numeric_char(v: u32) -> char {
    const C1: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}',
        '\u{017D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}',
        '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}',
        '\u{9D}', '\u{017E}', '\u{0178}',
    ];
    match v {
        0 => '\u{FFFD}',
        0x80..=0x9F => C1[(v - 0x80) as usize],
        _ => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// Windows-1252 decoding of a single byte (used for pages declared as Latin-1).
pub(crate) fn cp1252_char(b: u8) -> char {
    if (0x80..=0x9F).contains(&b) {
        numeric_char(u32::from(b))
    } else {
        char::from(b)
    }
}

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{A0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "zwnj" => "\u{200C}",
        "zwj" => "\u{200D}",
        "lrm" => "\u{200E}",
        "rlm" => "\u{200F}",
        "shy" => "",
        "ndash" => "\u{2013}",
        "mdash" => "\u{2014}",
        "horbar" => "\u{2015}",
        "lsquo" => "\u{2018}",
        "rsquo" => "\u{2019}",
        "sbquo" => "\u{201A}",
        "ldquo" => "\u{201C}",
        "rdquo" => "\u{201D}",
        "bdquo" => "\u{201E}",
        "dagger" => "\u{2020}",
        "Dagger" => "\u{2021}",
        "bull" => "\u{2022}",
        "hellip" => "\u{2026}",
        "permil" => "\u{2030}",
        "prime" => "\u{2032}",
        "Prime" => "\u{2033}",
        "lsaquo" => "\u{2039}",
        "rsaquo" => "\u{203A}",
        "oline" => "\u{203E}",
        "frasl" => "\u{2044}",
        "euro" => "\u{20AC}",
        "trade" => "\u{2122}",
        "larr" => "\u{2190}",
        "uarr" => "\u{2191}",
        "rarr" => "\u{2192}",
        "darr" => "\u{2193}",
        "minus" => "\u{2212}",
        "iexcl" => "\u{A1}",
        "cent" => "\u{A2}",
        "pound" => "\u{A3}",
        "curren" => "\u{A4}",
        "yen" => "\u{A5}",
        "brvbar" => "\u{A6}",
        "sect" => "\u{A7}",
        "uml" => "\u{A8}",
        "copy" => "\u{A9}",
        "ordf" => "\u{AA}",
        "laquo" => "\u{AB}",
        "not" => "\u{AC}",
        "reg" => "\u{AE}",
        "macr" => "\u{AF}",
        "deg" => "\u{B0}",
        "plusmn" => "\u{B1}",
        "sup2" => "\u{B2}",
        "sup3" => "\u{B3}",
        "acute" => "\u{B4}",
        "micro" => "\u{B5}",
        "para" => "\u{B6}",
        "middot" => "\u{B7}",
        "cedil" => "\u{B8}",
        "sup1" => "\u{B9}",
        "ordm" => "\u{BA}",
        "raquo" => "\u{BB}",
        "frac14" => "\u{BC}",
        "frac12" => "\u{BD}",
        "frac34" => "\u{BE}",
        "iquest" => "\u{BF}",
        "Agrave" => "\u{C0}",
        "Aacute" => "\u{C1}",
        "Acirc" => "\u{C2}",
        "Atilde" => "\u{C3}",
        "Auml" => "\u{C4}",
        "Aring" => "\u{C5}",
        "AElig" => "\u{C6}",
        "Ccedil" => "\u{C7}",
        "Egrave" => "\u{C8}",
        "Eacute" => "\u{C9}",
        "Ecirc" => "\u{CA}",
        "Euml" => "\u{CB}",
        "Igrave" => "\u{CC}",
        "Iacute" => "\u{CD}",
        "Icirc" => "\u{CE}",
        "Iuml" => "\u{CF}",
        "ETH" => "\u{D0}",
        "Ntilde" => "\u{D1}",
        "Ograve" => "\u{D2}",
        "Oacute" => "\u{D3}",
        "Ocirc" => "\u{D4}",
        "Otilde" => "\u{D5}",
        "Ouml" => "\u{D6}",
        "times" => "\u{D7}",
        "Oslash" => "\u{D8}",
        "Ugrave" => "\u{D9}",
        "Uacute" => "\u{DA}",
        "Ucirc" => "\u{DB}",
        "Uuml" => "\u{DC}",
        "Yacute" => "\u{DD}",
        "THORN" => "\u{DE}",
        "szlig" => "\u{DF}",
        "agrave" => "\u{E0}",
        "aacute" => "\u{E1}",
        "acirc" => "\u{E2}",
        "atilde" => "\u{E3}",
        "auml" => "\u{E4}",
        "aring" => "\u{E5}",
        "aelig" => "\u{E6}",
        "ccedil" => "\u{E7}",
        "egrave" => "\u{E8}",
        "eacute" => "\u{E9}",
        "ecirc" => "\u{EA}",
        "euml" => "\u{EB}",
        "igrave" => "\u{EC}",
        "iacute" => "\u{ED}",
        "icirc" => "\u{EE}",
        "iuml" => "\u{EF}",
        "eth" => "\u{F0}",
        "ntilde" => "\u{F1}",
        "ograve" => "\u{F2}",
        "oacute" => "\u{F3}",
        "ocirc" => "\u{F4}",
        "otilde" => "\u{F5}",
        "ouml" => "\u{F6}",
        "divide" => "\u{F7}",
        "oslash" => "\u{F8}",
        "ugrave" => "\u{F9}",
        "uacute" => "\u{FA}",
        "ucirc" => "\u{FB}",
        "uuml" => "\u{FC}",
        "yacute" => "\u{FD}",
        "thorn" => "\u{FE}",
        "yuml" => "\u{FF}",
        "OElig" => "\u{152}",
        "oelig" => "\u{153}",
        "Scaron" => "\u{160}",
        "scaron" => "\u{161}",
        "Yuml" => "\u{178}",
        "fnof" => "\u{192}",
        "circ" => "\u{2C6}",
        "tilde" => "\u{2DC}",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::decode_entities;

    #[test]
    fn decodes_common_references() {
        assert_eq!(
            decode_entities("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&apos;"),
            "a & b <c> \"d\" 'e'"
        );
        assert_eq!(
            decode_entities("&#8220;Hi&#x201D; &#X201c;"),
            "\u{201C}Hi\u{201D} \u{201C}"
        );
        assert_eq!(
            decode_entities("it&rsquo;s &ldquo;x&rdquo; &mdash; &ndash; &hellip;"),
            "it\u{2019}s \u{201C}x\u{201D} \u{2014} \u{2013} \u{2026}"
        );
        assert_eq!(decode_entities("a&nbsp;b"), "a\u{A0}b");
        assert_eq!(decode_entities("Caf&eacute;"), "Caf\u{E9}");
        assert_eq!(decode_entities("&#150;"), "\u{2013}");
    }

    #[test]
    fn keeps_unknown_or_malformed() {
        assert_eq!(decode_entities("AT&T"), "AT&T");
        assert_eq!(decode_entities("&bogus; & &#; &#x;"), "&bogus; & &#; &#x;");
        assert_eq!(decode_entities("&amp"), "&");
        assert_eq!(
            decode_entities("&#0;&#xD800;&#99999999999;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(decode_entities("trailing &"), "trailing &");
        assert_eq!(decode_entities("é&amp;é"), "é&é");
    }
}
