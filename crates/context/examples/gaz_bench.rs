//! Time and memory of the first use of the embedded gazetteer:
//! `cargo run --release -p dyad-context --example gaz_bench`.
use std::time::Instant;

/// Resident set size in KiB (Linux), 0 elsewhere.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4)
}

fn main() {
    let before = rss_kib();
    let t = Instant::now();
    let g = dyad_context::Gazetteer::embedded();
    let first = t.elapsed();
    println!(
        "first use: {} entries in {:?}, resident memory +{} KiB",
        g.places().len(),
        first,
        rss_kib().saturating_sub(before)
    );
    for _ in 0..5 {
        let t = Instant::now();
        let g = dyad_context::Gazetteer::parse(dyad_context::GAZETTEER_TSV).expect("parses");
        println!("parse: {} entries in {:?}", g.places().len(), t.elapsed());
    }
    let text = "Fighting continued in northern Syria, where rebels shelled the northwestern city of Aleppo.";
    let t = Instant::now();
    for _ in 0..1000 {
        let whole = 0..text.len();
        let p = dyad_context::DocPlaces::new(text, std::slice::from_ref(&whole), None, &[]);
        assert_eq!(p.places().len(), 2);
    }
    println!(
        "DocPlaces::new on one sentence: {:?} each",
        t.elapsed() / 1000
    );
}
