//! The commands behind the `dyad` binary, as a library so that the benchmark
//! (`benches/stages.rs`) can time each stage of `dyad code` through the very code the binary runs.

pub mod alloc;
pub mod code;
pub mod db;
pub mod dict_cmd;
pub mod output;
pub mod quotes;
pub mod serve;
pub mod validate;

use clap::ValueEnum;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per event (the stable output contract).
    Jsonl,
    /// Tab-separated values with one header line.
    Tsv,
    /// An aligned table for people (the default on a terminal).
    Table,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Text,
    Jsonl,
    Html,
}

#[derive(clap::Args, Clone, Debug)]
pub struct DictArgs {
    /// Add the dictionary files (*.actors, *.agents, *.verbs, *.discards, *.issues) of DIR on top
    /// of the embedded ones (in their place when DIR says `standalone`).
    #[arg(long = "dict", value_name = "DIR", conflicts_with = "petrarch")]
    pub dict: Vec<PathBuf>,
    /// Use the PETRARCH/TABARI dictionaries of DIR (files named *verbs*/CAMEO*, *actors*,
    /// *agents*, *discard*, *issue*) instead of dyad's own.
    #[arg(long, value_name = "DIR")]
    pub petrarch: Option<PathBuf>,
}
