//! Agreement with PETRARCH2's own gold records, coded from raw text with PETRARCH dictionaries.
//!
//! The data lives beside the repository in `../shared/petrarch2-data` (or `$DYAD_PETRARCH_DATA`);
//! it is never copied into the repository. Without it these tests skip with a loud message.
//!
//! The floors are the levels reached when the PETRARCH loader landed; raise them as the coder
//! improves, never lower them.

use std::path::PathBuf;
use std::process::Command;

fn data() -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_PETRARCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/petrarch2-data")
        });
    if dir.join("validate").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "\n!!! SKIPPED: PETRARCH2 reference data not found at {} (set DYAD_PETRARCH_DATA)\n",
            dir.display()
        );
        None
    }
}

fn validate(records: PathBuf, dicts: PathBuf) -> serde_json::Value {
    validate_with(records, "--petrarch", dicts)
}

/// `dyad validate RECORDS FLAG DICTS --json`, where FLAG is `--petrarch` or `--dict`.
fn validate_with(records: PathBuf, flag: &str, dicts: PathBuf) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("validate")
        .arg(&records)
        .arg(flag)
        .arg(&dicts)
        .arg("--json")
        .output()
        .expect("run dyad");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let v: serde_json::Value = serde_json::from_str(text.trim()).expect("one JSON summary");
    eprintln!("{}: {v}", records.display());
    v
}

fn n(v: &serde_json::Value, k: &str) -> u64 {
    v[k].as_u64().unwrap_or_else(|| panic!("no {k} in {v}"))
}

#[test]
fn unit_test_records_with_the_validation_dictionaries() {
    let Some(d) = data() else { return };
    let v = validate(d.join("text/PETR.UnitTest.records.xml"), d.join("validate"));
    assert_eq!(n(&v, "records"), 284);
    assert_eq!(n(&v, "gold_codings"), 359);
    // 307 of 359 (85.5%) at the last change; the goal is 85%. (248
    // before the PETRARCH-1 pattern syntax was read in full (`_` joins, `%` compounds, `^` skips,
    // words before the verb, blocks of their own for irregular forms) and PETRARCH's noun-phrase
    // readings were followed (possessors, compounds with modifiers, actors inside a subject's
    // phrase); 251 before PETRARCH2's require-dyad rule, which costs the 13 gold codings with no
    // target but silences no-event records and events beyond the gold.)
    // (In the fifth session COMMA-05's TABARI gold, a target inside an "after" clause, went with
    // PETRARCH2's rule that silences COMMA-15; DEMO-04 came back once codes such as [+++] stopped
    // being coded, and COMPOUND-20 with compound members read as whole noun phrases.)
    assert!(n(&v, "exact") >= 307, "exact agreement fell: {v}");
    assert!(
        n(&v, "records_all_exact") >= 242,
        "fewer records fully right: {v}"
    );
    // Every no-event record silent, the second goal. The two `bad_input_parse` records
    // (ERROR-02/03) are not among them: their gold is PETRARCH's reaction to a broken parse tree,
    // which dyad never reads; they are listed apart with what dyad coded.
    assert_eq!(n(&v, "silent_records"), 24, "{v}");
    assert_eq!(n(&v, "silent_kept"), 24, "no-event records coded: {v}");
    let bad: Vec<&str> = v["parse_error_records"]
        .as_array()
        .unwrap_or_else(|| panic!("no parse_error_records in {v}"))
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(bad, ["ERROR-02", "ERROR-03"], "{v}");
    assert!(n(&v, "spurious") <= 15, "more events beyond the gold: {v}");
}

/// PETRARCH's validation set converted to dyad's format codes the unit-test records exactly as the
/// PETRARCH files do: the conversion loses nothing the coder uses.
#[test]
fn validation_dictionaries_converted_to_dyad_give_the_same_agreement() {
    let Some(d) = data() else { return };
    let out_dir =
        std::env::temp_dir().join(format!("dyad-petrarch-converted-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    let conv = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "dict", "convert", "--from", "petrarch", "--to", "dyad", "--quiet",
        ])
        .arg(d.join("validate"))
        .arg("-o")
        .arg(&out_dir)
        .output()
        .expect("run dyad");
    assert!(
        conv.status.success(),
        "{}",
        String::from_utf8_lossy(&conv.stderr)
    );
    let records = d.join("text/PETR.UnitTest.records.xml");
    let original = validate(records.clone(), d.join("validate"));
    let converted = validate_with(records, "--dict", out_dir.clone());
    assert_eq!(n(&original, "records"), 284);
    // Every number of the summary, not only the headline: the same events, the same misses.
    assert_eq!(
        original, converted,
        "converted dictionaries code differently"
    );
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn real_sentences_with_the_phoenix_dictionaries() {
    let Some(d) = data() else { return };
    let gsr = d.join("universalpetrarch/PETR2_GSR_validation.xml");
    if !gsr.is_file() {
        eprintln!("\n!!! SKIPPED: {} not found\n", gsr.display());
        return;
    }
    let v = validate(gsr, d.join("phoenix"));
    assert_eq!(n(&v, "records"), 78);
    // PETRARCH2's own codings of 78 news sentences: 21 of 80 reproduced exactly at first, 30 since
    // complement clauses are combined with their reporting verb and events need both sides, 32
    // since a raised subject ("is scheduled to attend") is the infinitive's and the target comes
    // from the whole verb phrase, 33 with a sentence-opening noun phrase's actors as its subject.
    // (The raising change also wrote one event beyond the gold, 15 to
    // 16: the reverse half of ATTEND's [042:043], which PETRARCH2's output lacks there.)
    // 34 and 15 beyond since an agent's "of" phrase names its country past determiners and
    // place words ("the mayor of the northern West Bank city of Nablus" is PSEGOV).
    assert!(n(&v, "exact") >= 34, "agreement with PETRARCH2 fell: {v}");
    assert!(n(&v, "silent_kept") >= 10, "no-event records coded: {v}");
    assert!(
        n(&v, "spurious") <= 15,
        "more events beyond PETRARCH2's: {v}"
    );
}

#[test]
fn every_shipped_file_loads_and_codes() {
    let Some(d) = data() else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "code",
            "--format",
            "jsonl",
            "--date",
            "2016-05-17",
            "--petrarch",
        ])
        .arg(d.join("phoenix"))
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin
                .take()
                .expect("stdin")
                .write_all(b"Russia accused Turkey of supplying the militants.")?;
            c.wait_with_output()
        })
        .expect("run dyad");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\"code\":\"RUS\""), "{text}");
    assert!(text.contains("\"code\":\"TUR\""), "{text}");
    assert!(text.contains("\"root\":\"11\""), "{text}");
}
