//! The group-commit writer: one thread owns the only write connection.
//!
//! Requests arrive over a bounded channel, each with a oneshot for its answer. The thread takes
//! one, drains whatever else is queued (up to `max_batch`), applies everything in ONE
//! transaction (should a request fail, the batch is redone with each request under its own
//! savepoint, so a failing request gets its own error and spoils nothing else), commits, and
//! only then answers. If the commit fails, every request of the batch gets the error: nothing is
//! acknowledged that is not durable.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;

use rusqlite::Connection;
use tokio::runtime::Runtime;
use tokio::sync::{mpsc, oneshot};

use super::writes::{self, Done, Op};
use crate::store::{StoreError, StoreResult};

pub(crate) enum Msg {
    Op(Request),
    /// Finish everything queued, then stop; the sender is told when done.
    Close(oneshot::Sender<()>),
}

pub(crate) struct Request {
    pub(crate) op: Op,
    pub(crate) reply: oneshot::Sender<StoreResult<Done>>,
}

/// What the store handle and the writer thread share.
#[derive(Default)]
pub(crate) struct Shared {
    commits: AtomicU64,
}

impl Shared {
    pub(crate) fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }
}

pub(crate) struct Writer {
    pub(crate) conn: Connection,
    pub(crate) requests: mpsc::Receiver<Msg>,
    pub(crate) shared: Arc<Shared>,
    pub(crate) max_batch: usize,
}

impl Writer {
    /// Start the writer thread. The runtime (a current-thread one, used only to wait on the
    /// channel with a deadline) is built here so that failing to build it fails `open`.
    pub(crate) fn spawn(self) -> StoreResult<JoinHandle<()>> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .map_err(|e| StoreError::Database(format!("writer runtime: {e}")))?;
        std::thread::Builder::new()
            .name("switchyard-sqlite-writer".into())
            .spawn(move || Running::new(self).run(&runtime))
            .map_err(|e| StoreError::Database(format!("writer thread: {e}")))
    }
}

struct Running {
    writer: Writer,
    /// Who asked to close, to be told once everything is committed.
    closers: Vec<oneshot::Sender<()>>,
}

impl Running {
    fn new(writer: Writer) -> Running {
        Running {
            writer,
            closers: Vec::new(),
        }
    }

    fn run(mut self, runtime: &Runtime) {
        loop {
            let mut batch = Vec::new();
            // None: every sender is gone, the store was dropped without `close`.
            let stopping = match runtime.block_on(self.writer.requests.recv()) {
                Some(Msg::Op(request)) => {
                    batch.push(request);
                    self.fill(&mut batch);
                    !self.closers.is_empty()
                }
                Some(Msg::Close(closer)) => {
                    self.closers.push(closer);
                    true
                }
                None => true,
            };
            self.commit(batch);
            if stopping {
                break;
            }
        }
        // No new requests; finish those already queued.
        self.writer.requests.close();
        loop {
            let mut batch = Vec::new();
            let received = self.fill(&mut batch);
            self.commit(batch);
            if received == 0 {
                break;
            }
        }
        for closer in self.closers.drain(..) {
            let _ = closer.send(());
        }
        tracing::debug!("sqlite writer stopped");
    }

    /// Add whatever is queued, up to `max_batch`; a close request ends the batch. Returns how
    /// many messages were taken.
    fn fill(&mut self, batch: &mut Vec<Request>) -> usize {
        let mut received = 0;
        while batch.len() < self.writer.max_batch {
            match self.writer.requests.try_recv() {
                Ok(Msg::Op(request)) => batch.push(request),
                Ok(Msg::Close(closer)) => {
                    self.closers.push(closer);
                    received += 1;
                    break;
                }
                Err(_) => break,
            }
            received += 1;
        }
        received
    }

    /// Apply `batch` in one transaction, then answer.
    fn commit(&mut self, batch: Vec<Request>) {
        if batch.is_empty() {
            return;
        }
        match self.apply(&batch) {
            Ok(results) => {
                self.writer.shared.commits.fetch_add(1, Ordering::Relaxed);
                for (request, result) in batch.into_iter().zip(results) {
                    // The caller may have given up waiting; the write stands regardless.
                    let _ = request.reply.send(result);
                }
            }
            Err(error) => {
                tracing::error!(%error, writes = batch.len(),
                    "sqlite batch failed; nothing in it was committed");
                let message = error.to_string();
                for request in batch {
                    let _ = request
                        .reply
                        .send(Err(StoreError::Database(message.clone())));
                }
            }
        }
    }

    /// Everything inside one transaction. `Ok` only once COMMIT succeeded.
    ///
    /// First all requests together: a savepoint per request costs two statements and a copy
    /// of every page it touches, and requests almost never fail. If one does, that attempt is
    /// rolled back and the batch runs again with each request under its own savepoint.
    fn apply(&mut self, batch: &[Request]) -> Result<Vec<StoreResult<Done>>, StoreError> {
        if let Some(results) = self.transaction(|conn| apply_together(conn, batch))? {
            return Ok(results);
        }
        self.transaction(|conn| apply_isolated(conn, batch).map(Some))?
            .ok_or_else(|| StoreError::Database("sqlite batch was not committed".into()))
    }

    /// Run `body` in a transaction: commit when it gives `Some`, roll back when `None` or an
    /// error.
    fn transaction<T>(
        &mut self,
        body: impl FnOnce(&Connection) -> Result<Option<T>, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        let conn = &self.writer.conn;
        execute(conn, "BEGIN IMMEDIATE")?;
        let result = body(conn).and_then(|done| {
            if done.is_some() {
                in_transaction(conn)?;
                execute(conn, "COMMIT")?;
            }
            Ok(done)
        });
        if !matches!(result, Ok(Some(_)))
            && !conn.is_autocommit()
            && let Err(error) = conn.execute_batch("ROLLBACK")
        {
            tracing::error!(%error, "sqlite rollback failed");
        }
        result
    }
}

/// Every request in order; `None` as soon as one fails (the caller rolls back).
fn apply_together(
    conn: &Connection,
    batch: &[Request],
) -> Result<Option<Vec<StoreResult<Done>>>, StoreError> {
    let mut results = Vec::with_capacity(batch.len());
    for request in batch {
        in_transaction(conn)?;
        match writes::apply(conn, &request.op) {
            Ok(done) => results.push(Ok(done)),
            Err(_) => return Ok(None),
        }
    }
    Ok(Some(results))
}

/// Every request under its own savepoint, so a failing one gets its own error and spoils
/// nothing else.
fn apply_isolated(
    conn: &Connection,
    batch: &[Request],
) -> Result<Vec<StoreResult<Done>>, StoreError> {
    let mut results = Vec::with_capacity(batch.len());
    for request in batch {
        in_transaction(conn)?;
        execute(conn, "SAVEPOINT write")?;
        match writes::apply(conn, &request.op) {
            Ok(done) => {
                execute(conn, "RELEASE write")?;
                results.push(Ok(done));
            }
            Err(error) => {
                // Undo this request only; the others in the batch go on.
                in_transaction(conn)?;
                execute(conn, "ROLLBACK TO write")?;
                execute(conn, "RELEASE write")?;
                results.push(Err(error));
            }
        }
    }
    Ok(results)
}

fn execute(conn: &Connection, sql: &str) -> Result<(), StoreError> {
    conn.prepare_cached(sql)?.execute([])?;
    Ok(())
}

/// Some errors (disk full, I/O) make SQLite roll back the whole transaction by itself. Going
/// on would run the rest of the batch outside it, and a later SAVEPOINT would open a new
/// transaction whose COMMIT "succeeds" without the writes before: stop the batch instead.
fn in_transaction(conn: &Connection) -> Result<(), StoreError> {
    if conn.is_autocommit() {
        return Err(StoreError::Database(
            "sqlite rolled the batch's transaction back".into(),
        ));
    }
    Ok(())
}
