//! The CAMEO event codebook for dyad.
//!
//! This crate holds the full CAMEO 1.1b3 event-code hierarchy (the twenty
//! two-digit roots `01`..`20`, their three-digit codes and the four-digit
//! codes below them) and, for every code, its Goldstein conflict–cooperation
//! weight and its counterpart in the PLOVER ontology, if it has one.
//!
//! The table lives in `data/cameo.tsv` and is compiled into the crate; see
//! [`Codebook::embedded`]. Its facts come from public sources:
//!
//! * code names: the CAMEO 1.1b3 manual (Gerner, Schrodt and Yilmaz);
//! * Goldstein values: GDELT 1.0's `CAMEO.goldsteinscale.txt`. The handful of
//!   codes added to CAMEO after GDELT fixed its table (`1213`, `1214`, `155`,
//!   `176`, `1834`, `1951`, `1952`) take their parent code's value;
//! * PLOVER event type and mode: the Open Event Data Alliance's
//!   `CAMEO2PLOVER-2021.txt` in the `openeventdata/PLOVER` repository. CAMEO
//!   roots `01` and `02` (statements and appeals) were dropped by PLOVER and
//!   so have no PLOVER value, nor do codes the mapping does not list.
//!
//! ```
//! use dyad_events::Codebook;
//! let book = Codebook::embedded();
//! let e = book.get("0211").unwrap();
//! assert_eq!(e.name, "Appeal for economic cooperation");
//! assert_eq!(e.goldstein, 3.4);
//! assert_eq!(e.quad_class(), 1);
//! ```

use std::sync::OnceLock;

/// A PLOVER event type (e.g. `ASSAULT`) and optional mode (e.g. `firearms`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Plover {
    pub event_type: String,
    pub mode: Option<String>,
}

/// One row of the CAMEO codebook.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoEntry {
    /// The CAMEO code, 2 to 4 digits, e.g. `"0211"`.
    pub code: String,
    /// CAMEO's short name for the code.
    pub name: String,
    /// The Goldstein score GDELT assigns to the code, in `[-10, 10]`.
    pub goldstein: f32,
    /// The PLOVER counterpart, `None` when PLOVER has none.
    pub plover: Option<Plover>,
}

impl CameoEntry {
    /// The two-digit root of the code (`"16"` for `"1621"`).
    pub fn root(&self) -> &str {
        &self.code[..2]
    }

    /// GDELT's QuadClass for this code's root (1..=4).
    pub fn quad_class(&self) -> u8 {
        // `Codebook::parse` only admits codes whose root is 01..20.
        quad_class(self.root()).unwrap_or(0)
    }
}

/// GDELT's QuadClass: 1 verbal cooperation (01-05), 2 material cooperation
/// (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). None for
/// anything else.
pub fn quad_class(root: &str) -> Option<u8> {
    let b = root.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    match (b[0] - b'0') * 10 + (b[1] - b'0') {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// The CAMEO codebook: entries sorted by code for binary-search lookup.
#[derive(Clone, Debug, PartialEq)]
pub struct Codebook {
    entries: Vec<CameoEntry>,
}

const EMBEDDED_TSV: &str = include_str!("../data/cameo.tsv");
const HEADER: [&str; 5] = [
    "code",
    "name",
    "goldstein",
    "plover_event_type",
    "plover_mode",
];

impl Codebook {
    /// The codebook compiled into the crate, parsed once on first use.
    pub fn embedded() -> &'static Codebook {
        static BOOK: OnceLock<Codebook> = OnceLock::new();
        BOOK.get_or_init(|| {
            Codebook::parse(EMBEDDED_TSV).expect("embedded data/cameo.tsv is valid")
        })
    }

    /// Parses the TSV format of `data/cameo.tsv`: `#` comment lines and blank
    /// lines are skipped, the first other line must be the header row, and
    /// every later line is `code, name, goldstein, plover_event_type,
    /// plover_mode`, tab-separated. Errors name the 1-based line.
    pub fn parse(text: &str) -> Result<Codebook, String> {
        let mut entries: Vec<(usize, CameoEntry)> = Vec::new();
        let mut seen_header = false;
        for (idx, raw) in text.lines().enumerate() {
            let lineno = idx + 1;
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if !seen_header {
                if fields != HEADER {
                    return Err(format!(
                        "line {lineno}: expected header row `{}`",
                        HEADER.join("\\t")
                    ));
                }
                seen_header = true;
                continue;
            }
            let entry = parse_row(&fields).map_err(|e| format!("line {lineno}: {e}"))?;
            entries.push((lineno, entry));
        }
        if !seen_header {
            return Err("line 1: missing header row".to_string());
        }
        entries.sort_by(|a, b| a.1.code.cmp(&b.1.code));
        for pair in entries.windows(2) {
            if pair[0].1.code == pair[1].1.code {
                let (first, second) = (pair[0].0.min(pair[1].0), pair[0].0.max(pair[1].0));
                return Err(format!(
                    "line {second}: duplicate code {} (first on line {first})",
                    pair[1].1.code
                ));
            }
        }
        Ok(Codebook {
            entries: entries.into_iter().map(|(_, e)| e).collect(),
        })
    }

    /// Looks up an exact code (`"16"`, `"160"`, `"1621"`).
    pub fn get(&self, code: &str) -> Option<&CameoEntry> {
        self.entries
            .binary_search_by(|e| e.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// All entries in code order (lexicographic, so each code's children
    /// directly follow it: `01`, `010`, ..., `019`, `02`, `020`, `021`, `0211`).
    pub fn iter(&self) -> impl Iterator<Item = &CameoEntry> {
        self.entries.iter()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the codebook has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// True when `code` is a code of this codebook.
    pub fn is_valid(&self, code: &str) -> bool {
        self.get(code).is_some()
    }
}

fn parse_row(fields: &[&str]) -> Result<CameoEntry, String> {
    if fields.len() != HEADER.len() {
        return Err(format!(
            "expected {} tab-separated columns, found {}",
            HEADER.len(),
            fields.len()
        ));
    }
    let code = fields[0].trim();
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("code `{code}` is not 2 to 4 digits"));
    }
    if quad_class(&code[..2]).is_none() {
        return Err(format!("code `{code}` has root outside 01..20"));
    }
    let name = fields[1].trim();
    if name.is_empty() {
        return Err(format!("code {code} has an empty name"));
    }
    let gs = fields[2].trim();
    let goldstein: f32 = gs
        .parse()
        .map_err(|_| format!("goldstein `{gs}` is not a number"))?;
    if !(-10.0..=10.0).contains(&goldstein) {
        return Err(format!("goldstein {goldstein} is outside [-10, 10]"));
    }
    let event_type = fields[3].trim();
    let mode = fields[4].trim();
    let plover = if event_type.is_empty() {
        if !mode.is_empty() {
            return Err(format!("plover mode `{mode}` without an event type"));
        }
        None
    } else {
        if !event_type
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b'_')
        {
            return Err(format!(
                "plover event type `{event_type}` is not an upper-case name"
            ));
        }
        Some(Plover {
            event_type: event_type.to_string(),
            mode: (!mode.is_empty()).then(|| mode.to_string()),
        })
    };
    Ok(CameoEntry {
        code: code.to_string(),
        name: name.to_string(),
        goldstein,
        plover,
    })
}
