//! Print the places and quotes of a text file: `cargo run -p dyad-context --example places_demo FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: places_demo FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let t = Instant::now();
    let g = dyad_context::Gazetteer::embedded();
    println!(
        "gazetteer: {} entries, loaded in {:?}",
        g.places().len(),
        t.elapsed()
    );
    let sentences: Vec<_> = dyad_text::split_sentences(&text)
        .iter()
        .map(|s| s.start..s.end)
        .collect();
    let dl = dyad_text::dateline(&text).map(|d| d.start..d.end);
    let t = Instant::now();
    let places = dyad_context::DocPlaces::new(&text, &sentences, dl, &[]);
    println!("places in {:?}", t.elapsed());
    if let Some(d) = places.dateline() {
        println!(
            "dateline: {:?} -> {} {} {:?}",
            &text[d.span.clone()],
            d.name,
            d.country,
            d.admin1
        );
    }
    for p in places.places() {
        println!(
            "{:?} -> {} {} {:?} {:?} ({}, {})",
            &text[p.span.clone()],
            p.name,
            p.country,
            p.admin1,
            p.precision,
            p.lat,
            p.lon
        );
    }
    for q in dyad_context::find_quotes(&text) {
        let s = q
            .speaker
            .as_ref()
            .map(|s| (&text[s.span.clone()], s.kind, s.inherited));
        println!("quote {:?} speaker {:?}", &text[q.span.clone()], s);
    }
}
