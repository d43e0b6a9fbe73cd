//! Parses and indexes `data/gazetteer.tsv` at compile time (folding ~75,000 names and sorting their
//! hashes takes far longer than reading the result), with the crate's own parser.

#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/gazetteer.rs"]
mod gazetteer;

fn main() {
    for f in ["data/gazetteer.tsv", "src/gazetteer.rs", "src/fold.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let tsv = gazetteer::GAZETTEER_TSV;
    let g = gazetteer::Gazetteer::parse(tsv)
        .unwrap_or_else(|e| panic!("crates/context/data/gazetteer.tsv: {e}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let path = out.join("gazetteer.bin");
    std::fs::write(&path, g.to_bytes(tsv))
        .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}
