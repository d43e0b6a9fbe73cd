//! What can go wrong with a store, in words a user can act on.

use rusqlite::ffi::ErrorCode;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug)]
pub enum Error {
    /// Another process held the database longer than the busy timeout.
    Locked {
        path: PathBuf,
        waited: Duration,
    },
    /// The file is not a SQLite database at all.
    NotADatabase {
        path: PathBuf,
    },
    /// SQLite found damaged pages.
    Corrupt {
        path: PathBuf,
        detail: String,
    },
    /// A SQLite database, but not one of dyad's.
    NotDyad {
        path: PathBuf,
    },
    /// Written by a newer dyad; nothing was changed.
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The disk (or the database's size limit) is full; the transaction in progress rolled back.
    DiskFull {
        path: PathBuf,
    },
    /// Opening an existing store that does not exist.
    Missing {
        path: PathBuf,
    },
    /// The query was stopped from another thread (see `Store::interrupt_handle`).
    Interrupted,
    /// A query filter that cannot be right (a bad code, an empty range, a bad full-text query).
    BadFilter(String),
    /// Any other SQLite error.
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// Writing an export or query result.
    Io(std::io::Error),
    /// The Parquet writer.
    Parquet(String),
    Other(String),
}

impl Error {
    pub(crate) fn from_sqlite(path: &Path, waited: Duration, e: rusqlite::Error) -> Error {
        let path = path.to_path_buf();
        if let rusqlite::Error::SqliteFailure(f, msg) = &e {
            match f.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                    return Error::Locked { path, waited }
                }
                ErrorCode::NotADatabase => return Error::NotADatabase { path },
                ErrorCode::DatabaseCorrupt => {
                    return Error::Corrupt {
                        path,
                        detail: msg.clone().unwrap_or_else(|| f.to_string()),
                    }
                }
                ErrorCode::DiskFull => return Error::DiskFull { path },
                ErrorCode::OperationInterrupted => return Error::Interrupted,
                _ => {}
            }
        }
        Error::Sqlite { path, source: e }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Locked { path, waited } => write!(
                f,
                "{}: the database is locked by another process (waited {:.1} s); try again when it has finished",
                path.display(),
                waited.as_secs_f64()
            ),
            Error::NotADatabase { path } => write!(
                f,
                "{}: not a database (not an SQLite file, or its header is damaged)",
                path.display()
            ),
            Error::Corrupt { path, detail } => write!(
                f,
                "{}: the database is corrupt ({detail}); nothing was written",
                path.display()
            ),
            Error::NotDyad { path } => write!(
                f,
                "{}: an SQLite database, but not a dyad event store; nothing was written",
                path.display()
            ),
            Error::NewerSchema {
                path,
                found,
                supported,
            } => write!(
                f,
                "{}: written by a newer dyad (schema version {found}, this dyad knows up to {supported}); upgrade dyad. The file was not changed",
                path.display()
            ),
            Error::DiskFull { path } => write!(
                f,
                "{}: the disk is full; the batch in progress was rolled back and nothing of it was written",
                path.display()
            ),
            Error::Missing { path } => write!(
                f,
                "{}: no such database (create it with `dyad ingest FILE --db {}`)",
                path.display(),
                path.display()
            ),
            Error::Interrupted => f.write_str("the query was interrupted"),
            Error::BadFilter(m) => f.write_str(m),
            Error::Sqlite { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Io(e) => write!(f, "{e}"),
            Error::Parquet(m) => write!(f, "parquet: {m}"),
            Error::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Sqlite { source, .. } => Some(source),
            Error::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}
