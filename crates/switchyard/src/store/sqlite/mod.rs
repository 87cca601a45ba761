//! SQLite store (being written): the schema, queries and write rules so far.

mod billing;
mod convert;
mod reads;
mod schema;
mod writes;

use super::StoreError;

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        StoreError::Database(error.to_string())
    }
}
