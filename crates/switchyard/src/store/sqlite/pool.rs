//! Read-only connections for queries. WAL lets them read a consistent snapshot while the
//! writer thread commits beside them.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::store::{StoreError, StoreResult};

/// How many idle connections are kept; more may be open while reads pile up, and are closed
/// when they finish.
const MAX_IDLE: usize = 8;

pub(crate) struct ReaderPool {
    path: PathBuf,
    busy_timeout: Duration,
    idle: Mutex<Vec<Connection>>,
}

impl ReaderPool {
    pub(crate) fn new(path: PathBuf, busy_timeout: Duration) -> ReaderPool {
        ReaderPool {
            path,
            busy_timeout,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Run `query` on a reader connection on tokio's blocking pool.
    pub(crate) async fn read<T, F>(self: &Arc<Self>, query: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let conn = pool.take()?;
            let result = query(&conn);
            // A connection whose read failed may be left mid-transaction: do not reuse it.
            if result.is_ok() && conn.is_autocommit() {
                pool.give_back(conn);
            }
            Ok(result?)
        })
        .await
        .map_err(|e| StoreError::Database(format!("read task failed: {e}")))?
    }

    fn take(&self) -> StoreResult<Connection> {
        let idle = self
            .idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .pop();
        match idle {
            Some(conn) => Ok(conn),
            None => self.open(),
        }
    }

    fn give_back(&self, conn: Connection) {
        let mut idle = self
            .idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if idle.len() < MAX_IDLE {
            idle.push(conn);
        }
    }

    fn open(&self) -> StoreResult<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(self.busy_timeout)?;
        conn.set_prepared_statement_cache_capacity(32);
        Ok(conn)
    }

    /// Close every idle connection.
    pub(crate) fn clear(&self) {
        self.idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clear();
    }
}
