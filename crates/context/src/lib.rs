//! `dyad-context`: the context of a coded event — when it happened, where, and on whose word.
//!
//! * [`resolve_date`]: the date phrase of a clause resolved against the publication date.
//! * [`DocPlaces`]: place phrases of a document resolved with an offline GeoNames
//!   [`Gazetteer`], one [`Location`] per clause, with the dateline as the fallback.
//! * [`find_quotes`] and [`attribute`]: direct quotations and their speakers.
//!
//! Every byte range taken or returned indexes the original document text.

mod date;
mod embedded;
mod fold;
mod gazetteer;
mod places;
mod quotes;
mod tokens;

pub use tokens::DocTokens;

pub use date::{find_dates, find_dates_in, resolve_date, DateRef, Precision};
pub use fold::fold;
pub use gazetteer::{Candidate, Gazetteer, GazetteerError, Kind, Place, GAZETTEER_TSV};
pub use places::{DocPlaces, Location, LocationPrecision};
pub use quotes::{
    attribute, attribute_in, attribute_wanted_in, find_quotes, find_quotes_in, Attribution, Quote,
    Speaker, SpeakerKind, SpeakerLookup,
};
