//! Read-only connections for queries. WAL lets them read a consistent snapshot while the
//! writer thread commits beside them.
//!
//! Each connection lives on a thread of its own, started when reads pile up and kept until
//! the store closes; at most [`MAX_READERS`]. Reads on tokio's blocking pool instead let a
//! burst (thousands of stations booting, each reading its configuration) grow that pool to
//! 160 short-lived threads, each opening a connection whose page cache and lookaside were
//! allocated from a thread heap that was then abandoned: the server kept four times the
//! memory it used. Two cores gain nothing from more SQLite readers.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use tokio::sync::oneshot;

use crate::store::{StoreError, StoreResult};

/// How many reader threads, each with one connection, there are at most.
const MAX_READERS: usize = 8;

/// A read, given the thread's connection or the error that kept it from opening one.
type Job = Box<dyn FnOnce(Result<&Connection, &rusqlite::Error>) + Send>;

pub(crate) struct ReaderPool {
    shared: Arc<Shared>,
}

struct Shared {
    path: PathBuf,
    busy_timeout: Duration,
    state: Mutex<State>,
    work: Condvar,
}

#[derive(Default)]
struct State {
    queue: VecDeque<Job>,
    /// Threads waiting for work.
    idle: usize,
    threads: Vec<JoinHandle<()>>,
    closed: bool,
}

impl ReaderPool {
    pub(crate) fn new(path: PathBuf, busy_timeout: Duration) -> ReaderPool {
        ReaderPool {
            shared: Arc::new(Shared {
                path,
                busy_timeout,
                state: Mutex::new(State::default()),
                work: Condvar::new(),
            }),
        }
    }

    /// Run `query` on a reader connection, on one of the pool's threads.
    pub(crate) async fn read<T, F>(&self, query: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let result = match conn {
                Ok(conn) => query(conn).map_err(StoreError::from),
                Err(error) => Err(StoreError::Database(error.to_string())),
            };
            // Err: the caller stopped waiting.
            let _ = tx.send(result);
        });
        {
            let mut state = self.shared.lock();
            if state.closed {
                return Err(StoreError::Closed);
            }
            state.queue.push_back(job);
            if state.idle == 0 && state.threads.len() < MAX_READERS {
                let shared = Arc::clone(&self.shared);
                let spawned = std::thread::Builder::new()
                    .name("switchyard-reader".into())
                    .spawn(move || shared.serve());
                match spawned {
                    Ok(thread) => state.threads.push(thread),
                    // The running threads (if any) still take the job.
                    Err(error) if !state.threads.is_empty() => {
                        tracing::warn!(%error, "cannot start another sqlite reader thread");
                    }
                    Err(error) => {
                        state.queue.pop_back();
                        return Err(StoreError::Database(format!(
                            "cannot start a sqlite reader thread: {error}"
                        )));
                    }
                }
            }
        }
        self.shared.work.notify_one();
        rx.await
            .map_err(|_| StoreError::Database("a sqlite reader thread ended abnormally".into()))?
    }

    /// Finish the queued reads, then close every connection and end the threads.
    pub(crate) async fn close(&self) {
        let threads = {
            let mut state = self.shared.lock();
            state.closed = true;
            std::mem::take(&mut state.threads)
        };
        self.shared.work.notify_all();
        let joined = tokio::task::spawn_blocking(move || {
            threads.into_iter().all(|thread| thread.join().is_ok())
        })
        .await;
        if !matches!(joined, Ok(true)) {
            tracing::error!("a sqlite reader thread ended abnormally");
        }
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A reader thread: take jobs until the pool closes.
    fn serve(&self) {
        let mut conn: Option<Connection> = None;
        loop {
            let job = {
                let mut state = self.lock();
                loop {
                    if let Some(job) = state.queue.pop_front() {
                        break job;
                    }
                    if state.closed {
                        return;
                    }
                    state.idle += 1;
                    state = self
                        .work
                        .wait(state)
                        .unwrap_or_else(|poisoned| poisoned.into_inner());
                    state.idle -= 1;
                }
            };
            if conn.is_none() {
                match self.open() {
                    Ok(opened) => conn = Some(opened),
                    Err(error) => {
                        job(Err(&error));
                        continue;
                    }
                }
            }
            if let Some(open) = &conn {
                job(Ok(open));
                // A read that failed may have left a transaction open: start afresh.
                if !open.is_autocommit() {
                    conn = None;
                }
            }
        }
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(self.busy_timeout)?;
        conn.set_prepared_statement_cache_capacity(32);
        Ok(conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool_on_temp_db() -> (tempfile::TempDir, ReaderPool) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (7);")
            .unwrap();
        (dir, ReaderPool::new(path, Duration::from_secs(1)))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn many_concurrent_reads_share_a_bounded_set_of_threads() {
        let (_dir, pool) = pool_on_temp_db();
        let pool = Arc::new(pool);
        let reads = (0..200).map(|_| {
            let pool = Arc::clone(&pool);
            tokio::spawn(async move {
                pool.read(|conn| conn.query_row("SELECT x FROM t", [], |row| row.get::<_, i64>(0)))
                    .await
            })
        });
        for read in futures_util::future::join_all(reads).await {
            assert_eq!(read.unwrap().unwrap(), 7);
        }
        assert!(pool.shared.lock().threads.len() <= MAX_READERS);
        pool.close().await;
        assert!(matches!(
            pool.read(|conn| conn.query_row("SELECT 1", [], |row| row.get::<_, i64>(0)))
                .await,
            Err(StoreError::Closed)
        ));
    }

    #[tokio::test]
    async fn a_failed_read_is_reported_and_the_pool_goes_on() {
        let (_dir, pool) = pool_on_temp_db();
        let failed = pool
            .read(|conn| conn.query_row("SELECT nope FROM t", [], |row| row.get::<_, i64>(0)))
            .await;
        assert!(matches!(failed, Err(StoreError::Database(_))));
        let ok = pool
            .read(|conn| conn.query_row("SELECT x FROM t", [], |row| row.get::<_, i64>(0)))
            .await;
        assert_eq!(ok.unwrap(), 7);
        pool.close().await;
    }

    #[tokio::test]
    async fn a_database_that_cannot_be_opened_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let pool = ReaderPool::new(dir.path().join("missing.db"), Duration::from_secs(1));
        let read = pool
            .read(|conn| conn.query_row("SELECT 1", [], |row| row.get::<_, i64>(0)))
            .await;
        assert!(matches!(read, Err(StoreError::Database(_))));
        pool.close().await;
    }
}
