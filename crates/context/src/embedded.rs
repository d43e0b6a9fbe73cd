//! The gazetteer compiled into the binary: parsed and indexed by the build script, decoded here on
//! first use (a copy of the index, no parsing, folding or sorting).

use std::sync::OnceLock;

use crate::gazetteer::{Gazetteer, GAZETTEER_TSV};

/// [`Gazetteer::to_bytes`] of the embedded file, written by `build.rs`.
static INDEXED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();

impl Gazetteer {
    /// The embedded gazetteer, decoded on first call. The build script parsed the file and wrote
    /// the index from that very text, so a failure here is a build defect, not bad input.
    pub fn embedded() -> &'static Gazetteer {
        EMBEDDED.get_or_init(|| {
            Gazetteer::from_bytes(INDEXED, GAZETTEER_TSV)
                .unwrap_or_else(|| panic!("the gazetteer index built by crates/context/build.rs does not match data/gazetteer.tsv"))
        })
    }
}
