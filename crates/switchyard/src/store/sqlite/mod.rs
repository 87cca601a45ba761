//! SQLite store: being written on its own branch; this interim version opens nothing.
use std::path::Path;

use super::StoreError;

#[derive(Debug, Clone, Copy, Default)]
pub enum Synchronous {
    Off,
    Normal,
    #[default]
    Full,
    Extra,
}

#[derive(Debug, Clone, Default)]
pub struct SqliteOptions {
    pub synchronous: Synchronous,
    pub journal_limit: usize,
    pub max_batch: usize,
}

pub struct SqliteStore;

impl SqliteStore {
    pub async fn open(_path: &Path, _options: SqliteOptions) -> Result<SqliteStore, StoreError> {
        Err(StoreError::Database(
            "the SQLite store is not built yet".into(),
        ))
    }
}
