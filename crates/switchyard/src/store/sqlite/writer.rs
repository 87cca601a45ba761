//! The group-commit writer: one thread owns the only write connection.
//!
//! Requests arrive over a bounded channel, each with a oneshot for its answer. The thread takes
//! one, drains whatever else is queued (up to `max_batch`) together with the pending journal
//! frames, applies everything in ONE transaction (each request under its own savepoint, so a
//! failing request gets its own error and spoils nothing else), commits, and only then
//! answers. If the commit fails, every request of the batch gets the error: nothing is
//! acknowledged that is not durable.
//!
//! Journal frames do not wait for a write to carry them: when only frames are pending they are
//! committed after [`JOURNAL_LINGER`], so an idle system pays one commit per burst of frames.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::Connection;
use tokio::runtime::Runtime;
use tokio::sync::{Notify, mpsc, oneshot};
use tokio::time::Instant;

use super::writes::{self, Done, Op};
use crate::domain::{JournalEntry, StationId};
use crate::store::{StoreError, StoreResult};

/// How long journal frames may wait for a write to share a commit with.
const JOURNAL_LINGER: Duration = Duration::from_millis(50);
/// Journal frames waiting for the writer beyond this many are dropped.
const MAX_PENDING_FRAMES: usize = 100_000;

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
    journal: Mutex<Vec<JournalEntry>>,
    journal_ready: Notify,
    commits: AtomicU64,
}

impl Shared {
    pub(crate) fn push_journal(&self, entry: JournalEntry) {
        let was_empty = {
            let mut journal = self.journal.lock().unwrap_or_else(|p| p.into_inner());
            if journal.len() >= MAX_PENDING_FRAMES {
                // The writer is stuck; the journal is best-effort, memory is not.
                return;
            }
            let was_empty = journal.is_empty();
            journal.push(entry);
            was_empty
        };
        // The writer drains the whole list; it only needs waking when the list was empty.
        if was_empty {
            self.journal_ready.notify_one();
        }
    }

    fn take_journal(&self) -> Vec<JournalEntry> {
        std::mem::take(&mut *self.journal.lock().unwrap_or_else(|p| p.into_inner()))
    }

    pub(crate) fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }
}

pub(crate) struct Writer {
    pub(crate) conn: Connection,
    pub(crate) requests: mpsc::Receiver<Msg>,
    pub(crate) shared: Arc<Shared>,
    pub(crate) max_batch: usize,
    pub(crate) journal_limit: usize,
}

enum Event {
    Msg(Msg),
    JournalDue,
    /// Every sender is gone: the store was dropped without `close`.
    Disconnected,
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
    /// Journal frames inserted per station since its last trim.
    journal_counts: HashMap<StationId, usize>,
    /// When pending journal frames are committed if no write comes first.
    journal_due: Option<Instant>,
    /// Who asked to close, to be told once everything is committed.
    closers: Vec<oneshot::Sender<()>>,
}

impl Running {
    fn new(writer: Writer) -> Running {
        Running {
            writer,
            journal_counts: HashMap::new(),
            journal_due: None,
            closers: Vec::new(),
        }
    }

    fn run(mut self, runtime: &Runtime) {
        loop {
            let mut batch = Vec::new();
            let stopping = match runtime.block_on(self.next_event()) {
                Event::Msg(Msg::Op(request)) => {
                    batch.push(request);
                    self.fill(&mut batch);
                    !self.closers.is_empty()
                }
                Event::Msg(Msg::Close(closer)) => {
                    self.closers.push(closer);
                    true
                }
                Event::JournalDue => false,
                Event::Disconnected => true,
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

    async fn next_event(&mut self) -> Event {
        loop {
            let requests = &mut self.writer.requests;
            match self.journal_due {
                None => tokio::select! {
                    biased;
                    msg = requests.recv() => return msg.map_or(Event::Disconnected, Event::Msg),
                    () = self.writer.shared.journal_ready.notified() => {
                        self.journal_due = Some(Instant::now() + JOURNAL_LINGER);
                    }
                },
                Some(due) => tokio::select! {
                    biased;
                    msg = requests.recv() => return msg.map_or(Event::Disconnected, Event::Msg),
                    () = tokio::time::sleep_until(due) => return Event::JournalDue,
                },
            }
        }
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

    /// Apply `batch` and the pending journal frames in one transaction, then answer.
    fn commit(&mut self, batch: Vec<Request>) {
        let journal = self.writer.shared.take_journal();
        self.journal_due = None;
        if batch.is_empty() && journal.is_empty() {
            return;
        }
        match self.apply(&batch, &journal) {
            Ok(results) => {
                self.writer.shared.commits.fetch_add(1, Ordering::Relaxed);
                for (request, result) in batch.into_iter().zip(results) {
                    // The caller may have given up waiting; the write stands regardless.
                    let _ = request.reply.send(result);
                }
            }
            Err(error) => {
                tracing::error!(%error, writes = batch.len(), frames = journal.len(),
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
    fn apply(
        &mut self,
        batch: &[Request],
        journal: &[JournalEntry],
    ) -> Result<Vec<StoreResult<Done>>, StoreError> {
        execute(&self.writer.conn, "BEGIN IMMEDIATE")?;
        let result = self.apply_in_transaction(batch, journal);
        let result = result.and_then(|results| {
            in_transaction(&self.writer.conn)?;
            execute(&self.writer.conn, "COMMIT")?;
            Ok(results)
        });
        if result.is_err()
            && !self.writer.conn.is_autocommit()
            && let Err(error) = self.writer.conn.execute_batch("ROLLBACK")
        {
            tracing::error!(%error, "sqlite rollback failed");
        }
        result
    }

    fn apply_in_transaction(
        &mut self,
        batch: &[Request],
        journal: &[JournalEntry],
    ) -> Result<Vec<StoreResult<Done>>, StoreError> {
        // Frames first, so that a station deleted in this batch loses its frames too.
        self.append_journal(journal)?;
        let conn = &self.writer.conn;
        let mut results = Vec::with_capacity(batch.len());
        for request in batch {
            in_transaction(conn)?;
            execute(conn, "SAVEPOINT write")?;
            match writes::apply(conn, &request.op) {
                Ok(done) => {
                    execute(conn, "RELEASE write")?;
                    if let Op::DeleteStation(id) = &request.op {
                        self.journal_counts.remove(id);
                    }
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

    /// Insert journal frames, and trim each station that gained a tenth of the limit since its
    /// last trim. Failures here are logged, never passed on: the journal is best-effort.
    fn append_journal(&mut self, journal: &[JournalEntry]) -> Result<(), StoreError> {
        let conn = &self.writer.conn;
        let limit = self.writer.journal_limit;
        if limit == 0 || journal.is_empty() {
            return Ok(());
        }
        let step = (limit / 10).max(1);
        let mut to_trim = Vec::new();
        for entry in journal {
            match writes::insert_journal_entry(conn, entry) {
                Ok(()) => {
                    let count = self
                        .journal_counts
                        .entry(entry.station_id.clone())
                        .or_default();
                    *count += 1;
                    if *count == step {
                        to_trim.push(entry.station_id.clone());
                    }
                }
                Err(error) => {
                    tracing::warn!(%error, station_id = %entry.station_id, "journal frame not stored");
                }
            }
        }
        in_transaction(conn)?;
        for station in to_trim {
            if let Err(error) = writes::trim_journal(conn, &station, limit) {
                tracing::warn!(%error, station_id = %station, "journal not trimmed");
            }
            // Failed or not, try again after another step.
            self.journal_counts.insert(station, 0);
        }
        in_transaction(conn)
    }
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
