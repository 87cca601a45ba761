//! The SQLite store: one file, zero setup (ARCHITECTURE.md, "Embedded by default").
//!
//! - Writes go through one writer thread that group-commits them (`writer.rs`): a write's
//!   future resolves only after the COMMIT that holds it, so "ack means durable" with
//!   `synchronous=FULL` (the default), while thousands of stations share each fsync.
//! - Reads run on a small pool of read-only connections (`pool.rs`) on tokio's blocking pool;
//!   WAL lets them run beside the writer.
//! - The schema is versioned with `PRAGMA user_version` (`schema.rs`, `migrations/`).
//! - The message journal is a second file with a writer of its own (`journal.rs`).

mod billing;
mod charging_profiles;
mod convert;
mod firmware;
mod journal;
mod operator_state;
mod pool;
mod reads;
mod reservations;
mod samples;
mod schema;
mod transaction_events;
mod variables;
mod writer;
mod writes;

#[cfg(test)]
mod tests;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use async_trait::async_trait;
use rusqlite::Connection;
use tokio::sync::{mpsc, oneshot};

use self::charging_profiles::ProfileOp;
use self::journal::Journal;
use self::operator_state::{OperatorDone, OperatorWrite};
use self::pool::ReaderPool;
use self::reservations::{Change, Changed};
use self::samples::PackedReadings;
use self::writer::{Msg, Request, Shared, Writer};
use self::writes::{Done, Op};
use super::{ReservationFilter, Store, StoreError, StoreResult, TransactionFilter, Write, Written};
use crate::domain::local_list::{ListUpdate, LocalListState};
use crate::domain::{
    ChargingProfile, DesiredValue, JournalEntry, KeptProfile, MeterValue, NewReservation,
    ProfileAnswer, ReservationRecord, ReservationStatus, StationId, StationPatch, StationRecord,
    StopTransaction, TagRecord, Time, TransactionRecord, VariableRecord,
};

/// How long a connection waits for a lock held by another (another process, or a checkpoint).
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// The WAL file is truncated back to this size after a checkpoint.
const WAL_SIZE_LIMIT: i64 = 64 * 1024 * 1024;
/// The writer's page cache. Batches touch index pages all over the file (every station's
/// rows); SQLite's 2 MiB default makes the writer re-read them at every batch.
const WRITER_CACHE_KIB: i64 = 64 * 1024;

/// How often the checkpointer copies committed WAL pages back into the database.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// Checkpoint from a thread of its own: an automatic checkpoint runs inside the commit that
/// crosses the threshold, and every station waiting on that group commit pays for it (the p99
/// of durable MeterValues). PASSIVE never waits for, or blocks, the writer.
fn spawn_checkpointer(path: &Path, shared: std::sync::Weak<Shared>) -> StoreResult<()> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    std::thread::Builder::new()
        .name("switchyard-checkpoint".into())
        .spawn(move || {
            let mut last_commits = u64::MAX;
            loop {
                std::thread::sleep(CHECKPOINT_EVERY);
                // The store and its writer are gone: the last connection's close checkpoints.
                let Some(shared) = shared.upgrade() else {
                    return;
                };
                let commits = shared.commits();
                if commits == last_commits {
                    continue;
                }
                last_commits = commits;
                if let Err(error) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                {
                    tracing::warn!(%error, "WAL checkpoint failed; will retry");
                }
            }
        })
        .map_err(|e| StoreError::Database(format!("cannot start the checkpoint thread: {e}")))?;
    Ok(())
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        StoreError::Database(error.to_string())
    }
}

/// `PRAGMA synchronous`: how hard SQLite works to reach the disk at each commit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Synchronous {
    /// No fsync: a power loss may lose acknowledged writes. For tests and benchmarks.
    Off,
    /// WAL: commits are durable once checkpointed; a power loss may lose the last ones.
    Normal,
    /// Every commit is fsynced before it is acknowledged.
    #[default]
    Full,
    /// As `Full`, and the directory too.
    Extra,
}

impl Synchronous {
    pub fn as_str(self) -> &'static str {
        match self {
            Synchronous::Off => "OFF",
            Synchronous::Normal => "NORMAL",
            Synchronous::Full => "FULL",
            Synchronous::Extra => "EXTRA",
        }
    }
}

impl fmt::Display for Synchronous {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Synchronous {
    type Err = String;
    fn from_str(text: &str) -> Result<Synchronous, String> {
        match text.to_ascii_lowercase().as_str() {
            "off" => Ok(Synchronous::Off),
            "normal" => Ok(Synchronous::Normal),
            "full" => Ok(Synchronous::Full),
            "extra" => Ok(Synchronous::Extra),
            _ => Err(format!(
                "unknown synchronous mode {text:?} (off, normal, full, extra)"
            )),
        }
    }
}

#[derive(Clone, Debug)]
pub struct SqliteOptions {
    pub synchronous: Synchronous,
    /// Journal frames kept per station.
    pub journal_limit: usize,
    /// The most writes committed together.
    pub max_batch: usize,
}

impl Default for SqliteOptions {
    fn default() -> SqliteOptions {
        SqliteOptions {
            synchronous: Synchronous::Full,
            journal_limit: 1000,
            max_batch: 512,
        }
    }
}

/// See the module documentation.
pub struct SqliteStore {
    requests: mpsc::Sender<Msg>,
    shared: Arc<Shared>,
    readers: Arc<ReaderPool>,
    /// None when the journal is off (`journal_limit` 0).
    journal: Option<Journal>,
    closed: AtomicBool,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl SqliteStore {
    /// Open (creating if needed) and migrate the database at `path`, and start the writer.
    /// Blocks briefly; call it at startup.
    pub fn open(path: &Path, options: SqliteOptions) -> StoreResult<SqliteStore> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Database(format!(
                "{}: could not switch to WAL (journal_mode is {mode})",
                path.display()
            )));
        }
        conn.pragma_update(None, "synchronous", options.synchronous.as_str())?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT)?;
        conn.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)?;
        // Checkpoints run on their own thread (see `spawn_checkpointer`), not inside commits.
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrate(&mut conn)?;

        let max_batch = options.max_batch.max(1);
        let (requests, receiver) = mpsc::channel(max_batch.saturating_mul(4));
        let shared = Arc::new(Shared::default());
        let thread = Writer {
            conn,
            requests: receiver,
            shared: Arc::clone(&shared),
            max_batch,
        }
        .spawn()?;
        spawn_checkpointer(path, Arc::downgrade(&shared))?;
        let journal = match options.journal_limit {
            0 => None,
            limit => Some(Journal::open(
                &journal::path_beside(path),
                limit,
                BUSY_TIMEOUT,
            )?),
        };
        tracing::info!(path = %path.display(), synchronous = %options.synchronous,
            "sqlite store open");
        Ok(SqliteStore {
            requests,
            shared,
            readers: Arc::new(ReaderPool::new(path.to_path_buf(), BUSY_TIMEOUT)),
            journal,
            closed: AtomicBool::new(false),
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Open `sqlite://relative/path.db` or `sqlite:///absolute/path.db`.
    pub fn open_url(url: &str, options: SqliteOptions) -> StoreResult<SqliteStore> {
        SqliteStore::open(&path_from_url(url)?, options)
    }

    /// How many transactions the writer has committed (each holds a batch of writes).
    pub fn commits(&self) -> u64 {
        self.shared.commits()
    }

    async fn submit(&self, op: Op) -> StoreResult<Done> {
        if self.closed.load(Ordering::Acquire) {
            return Err(StoreError::Closed);
        }
        let (reply, answer) = oneshot::channel();
        self.requests
            .send(Msg::Op(Request { op, reply }))
            .await
            .map_err(|_| StoreError::Closed)?;
        answer.await.map_err(|_| StoreError::Closed)?
    }
}

impl SqliteStore {
    async fn operator(&self, write: OperatorWrite) -> StoreResult<OperatorDone> {
        match self.submit(Op::Operator(write)).await? {
            Done::Operator(done) => Ok(done),
            _ => Err(wrong_answer()),
        }
    }

    async fn profile_op(&self, op: ProfileOp) -> StoreResult<bool> {
        match self.submit(Op::Profile(op)).await? {
            Done::Profile(changed) => Ok(changed),
            _ => Err(wrong_answer()),
        }
    }
}

fn path_from_url(url: &str) -> StoreResult<PathBuf> {
    let bad = |why: &str| StoreError::Database(format!("bad sqlite url {url:?}: {why}"));
    let path = url
        .strip_prefix("sqlite://")
        .ok_or_else(|| bad("expected sqlite://PATH"))?;
    if path.is_empty() {
        return Err(bad("no path"));
    }
    if path.contains('?') {
        return Err(bad("query parameters are not supported"));
    }
    Ok(PathBuf::from(path))
}

fn wrong_answer() -> StoreError {
    StoreError::Database("the writer answered with the wrong kind of result".into())
}

#[async_trait]
impl Store for SqliteStore {
    async fn put_station(&self, id: &StationId, patch: StationPatch) -> StoreResult<StationRecord> {
        match self.submit(Op::PutStation(id.clone(), patch)).await? {
            Done::Station(station) => Ok(station),
            _ => Err(wrong_answer()),
        }
    }

    async fn station(&self, id: &StationId) -> StoreResult<Option<StationRecord>> {
        let id = id.clone();
        self.readers
            .read(move |conn| {
                let snapshot = conn.unchecked_transaction()?;
                reads::station(&snapshot, &id)
            })
            .await
    }

    async fn stations(&self) -> StoreResult<Vec<StationRecord>> {
        self.readers
            .read(|conn| {
                let snapshot = conn.unchecked_transaction()?;
                reads::stations(&snapshot)
            })
            .await
    }

    async fn delete_station(&self, id: &StationId) -> StoreResult<bool> {
        match self.submit(Op::DeleteStation(id.clone())).await? {
            Done::Deleted(deleted) => {
                if let Some(journal) = &self.journal {
                    journal.forget(id.clone());
                }
                Ok(deleted)
            }
            _ => Err(wrong_answer()),
        }
    }

    async fn put_tag(&self, tag: TagRecord) -> StoreResult<TagRecord> {
        match self.submit(Op::PutTag(tag)).await? {
            Done::Tag(tag) => Ok(tag),
            _ => Err(wrong_answer()),
        }
    }

    async fn tag(&self, id_tag: &str) -> StoreResult<Option<TagRecord>> {
        let id_tag = id_tag.to_owned();
        self.readers
            .read(move |conn| reads::tag(conn, &id_tag))
            .await
    }

    async fn tags(&self) -> StoreResult<Vec<TagRecord>> {
        self.readers.read(reads::tags).await
    }

    async fn delete_tag(&self, id_tag: &str) -> StoreResult<bool> {
        match self.submit(Op::DeleteTag(id_tag.to_owned())).await? {
            Done::Deleted(deleted) => Ok(deleted),
            _ => Err(wrong_answer()),
        }
    }

    async fn transactions(&self, filter: TransactionFilter) -> StoreResult<Vec<TransactionRecord>> {
        self.readers
            .read(move |conn| reads::transactions(conn, &filter))
            .await
    }

    async fn transaction(&self, id: i64) -> StoreResult<Option<TransactionRecord>> {
        self.readers
            .read(move |conn| reads::transaction(conn, id))
            .await
    }

    async fn unmatched_stops(&self, station_id: &StationId) -> StoreResult<Vec<StopTransaction>> {
        let station_id = station_id.clone();
        self.readers
            .read(move |conn| reads::unmatched_stops(conn, &station_id))
            .await
    }

    async fn meter_values(&self, transaction_id: i64) -> StoreResult<Vec<MeterValue>> {
        self.readers
            .read(move |conn| reads::meter_values(conn, transaction_id))
            .await
    }

    async fn variables(&self, station_id: &StationId) -> StoreResult<Vec<VariableRecord>> {
        let station_id = station_id.clone();
        self.readers
            .read(move |conn| variables::variables(conn, &station_id))
            .await
    }

    async fn desired_configuration(
        &self,
        station_id: &StationId,
    ) -> StoreResult<Vec<DesiredValue>> {
        let station_id = station_id.clone();
        self.readers
            .read(move |conn| operator_state::desired(conn, &station_id))
            .await
    }

    async fn put_desired(
        &self,
        station_id: &StationId,
        key: &str,
        value: &str,
        at: Time,
    ) -> StoreResult<DesiredValue> {
        let write = OperatorWrite::PutDesired {
            station_id: station_id.clone(),
            key: key.to_owned(),
            value: value.to_owned(),
            at,
        };
        match self.operator(write).await? {
            OperatorDone::Desired(desired) => Ok(desired),
            _ => Err(wrong_answer()),
        }
    }

    async fn delete_desired(&self, station_id: &StationId, key: &str) -> StoreResult<bool> {
        let write = OperatorWrite::DeleteDesired {
            station_id: station_id.clone(),
            key: key.to_owned(),
        };
        match self.operator(write).await? {
            OperatorDone::Deleted(deleted) => Ok(deleted),
            _ => Err(wrong_answer()),
        }
    }

    async fn desired_result(
        &self,
        station_id: &StationId,
        key: &str,
        value: &str,
        result: &str,
        at: Time,
    ) -> StoreResult<()> {
        let write = OperatorWrite::DesiredResult {
            station_id: station_id.clone(),
            key: key.to_owned(),
            value: value.to_owned(),
            result: result.to_owned(),
            at,
        };
        self.operator(write).await.map(|_| ())
    }

    async fn local_list(&self, station_id: &StationId) -> StoreResult<LocalListState> {
        let station_id = station_id.clone();
        self.readers
            .read(move |conn| {
                let snapshot = conn.unchecked_transaction()?;
                operator_state::local_list(&snapshot, &station_id)
            })
            .await
    }

    async fn record_local_list(
        &self,
        station_id: &StationId,
        result: &str,
        accepted: Option<&ListUpdate>,
        at: Time,
    ) -> StoreResult<()> {
        let write = OperatorWrite::LocalList {
            station_id: station_id.clone(),
            result: result.to_owned(),
            accepted: accepted.cloned(),
            at,
        };
        self.operator(write).await.map(|_| ())
    }

    async fn create_reservation(&self, new: NewReservation) -> StoreResult<i64> {
        match self.submit(Op::Reservation(Change::Create(new))).await? {
            Done::Reservation(Changed::Created(id)) => Ok(id),
            _ => Err(wrong_answer()),
        }
    }

    async fn settle_reservation(
        &self,
        id: i64,
        status: ReservationStatus,
        at: Time,
    ) -> StoreResult<Option<ReservationRecord>> {
        let change = Change::Settle { id, status, at };
        match self.submit(Op::Reservation(change)).await? {
            Done::Reservation(Changed::Record(record)) => Ok(record),
            _ => Err(wrong_answer()),
        }
    }

    async fn abandon_reservation(&self, id: i64) -> StoreResult<bool> {
        match self.submit(Op::Reservation(Change::Abandon(id))).await? {
            Done::Reservation(Changed::Abandoned(gone)) => Ok(gone),
            _ => Err(wrong_answer()),
        }
    }

    async fn cancel_reservation(
        &self,
        id: i64,
        at: Time,
    ) -> StoreResult<Option<ReservationRecord>> {
        match self
            .submit(Op::Reservation(Change::Cancel { id, at }))
            .await?
        {
            Done::Reservation(Changed::Record(record)) => Ok(record),
            _ => Err(wrong_answer()),
        }
    }

    async fn reservation(&self, id: i64, now: Time) -> StoreResult<Option<ReservationRecord>> {
        self.readers
            .read(move |conn| reservations::reservation(conn, id, now))
            .await
    }

    async fn reservations(&self, filter: ReservationFilter) -> StoreResult<Vec<ReservationRecord>> {
        self.readers
            .read(move |conn| reservations::reservations(conn, &filter))
            .await
    }

    async fn put_charging_profile(&self, kept: KeptProfile) -> StoreResult<bool> {
        self.profile_op(ProfileOp::Put(Box::new(kept))).await
    }

    async fn charging_profiles(&self, station_id: &StationId) -> StoreResult<Vec<KeptProfile>> {
        let station_id = station_id.clone();
        self.readers
            .read(move |conn| charging_profiles::profiles(conn, &station_id))
            .await
    }

    async fn charging_profile(
        &self,
        station_id: &StationId,
        id: i32,
    ) -> StoreResult<Option<KeptProfile>> {
        let station_id = station_id.clone();
        self.readers
            .read(move |conn| charging_profiles::profile(conn, &station_id, id))
            .await
    }

    async fn record_profile_answer(
        &self,
        station_id: &StationId,
        sent: &ChargingProfile,
        answer: ProfileAnswer,
    ) -> StoreResult<bool> {
        self.profile_op(ProfileOp::Answer {
            station_id: station_id.clone(),
            sent: Box::new(sent.clone()),
            answer,
        })
        .await
    }

    async fn mark_profile_cleared(
        &self,
        station_id: &StationId,
        id: i32,
        at: Time,
    ) -> StoreResult<bool> {
        self.profile_op(ProfileOp::Cleared {
            station_id: station_id.clone(),
            id,
            at,
        })
        .await
    }

    async fn delete_charging_profile(&self, station_id: &StationId, id: i32) -> StoreResult<bool> {
        self.profile_op(ProfileOp::Delete {
            station_id: station_id.clone(),
            id,
        })
        .await
    }

    async fn write(&self, write: Write) -> StoreResult<Written> {
        let op = match write {
            // Packed here, on the caller's thread: the writer serves everyone.
            Write::Meter(readings) => Op::Meter(PackedReadings::new(&readings)),
            write => Op::Session(write),
        };
        match self.submit(op).await? {
            Done::Written(written) => Ok(written),
            _ => Err(wrong_answer()),
        }
    }

    fn journal(&self, entry: JournalEntry) {
        if let Some(journal) = &self.journal
            && !self.closed.load(Ordering::Acquire)
        {
            journal.push(entry);
        }
    }

    async fn journal_entries(
        &self,
        station_id: &StationId,
        limit: usize,
    ) -> StoreResult<Vec<JournalEntry>> {
        match &self.journal {
            Some(journal) => journal.entries(station_id, limit).await,
            None => Ok(Vec::new()),
        }
    }

    async fn close(&self) {
        self.closed.store(true, Ordering::Release);
        let (done, finished) = oneshot::channel();
        if self.requests.send(Msg::Close(done)).await.is_ok() {
            // Err: the writer is gone already.
            let _ = finished.await;
        }
        let thread = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(thread) = thread {
            // The thread ends right after answering; joining closes the write connection.
            match tokio::task::spawn_blocking(move || thread.join()).await {
                Ok(Ok(())) => {}
                _ => tracing::error!("the sqlite writer thread ended abnormally"),
            }
        }
        self.readers.close().await;
        if let Some(journal) = &self.journal {
            journal.close().await;
        }
    }
}
