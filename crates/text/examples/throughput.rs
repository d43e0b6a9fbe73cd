//! Rough throughput check: `cargo run --release -p dyad-text --example throughput`.

use std::time::Instant;

fn main() {
    let para = "MOSCOW, May 17 (AP) — Russia's foreign minister didn't rule out new talks with \
                the U.S. on Tuesday, saying Moscow was \"ready to listen.\" The meeting, set for \
                2 p.m. in Geneva, follows Gen. John Smith's visit to Kyiv, where 1,000 troops \
                and 3.5 tonnes of aid arrived. “We won’t accept Russian-backed separatists’ \
                demands,” said Ukraine’s president... Officials in al-Shabaab-held areas were \
                not available for comment!\n\n";
    let mut doc = String::new();
    while doc.len() < 50 << 20 {
        doc.push_str(para);
    }
    let mut toks = Vec::new();
    let t0 = Instant::now();
    let sents = dyad_text::split_sentences(&doc);
    let t1 = Instant::now();
    let mut n = 0;
    for s in &sents {
        toks.clear();
        dyad_text::tokenize(&doc[s.start..s.end], s.start, &mut toks);
        n += toks.len();
    }
    let t2 = Instant::now();
    let mb = doc.len() as f64 / (1 << 20) as f64;
    let split = (t1 - t0).as_secs_f64();
    let tok = (t2 - t1).as_secs_f64();
    println!(
        "{mb:.0} MB, {} sentences, {n} tokens: split {:.0} MB/s, tokenize {:.0} MB/s, both {:.0} MB/s",
        sents.len(),
        mb / split,
        mb / tok,
        mb / (split + tok)
    );
}
