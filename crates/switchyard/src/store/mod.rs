//! Storage: one trait, an implementation per engine (SQLite now, PostgreSQL later).
//!
//! Two kinds of access:
//! - Operator data (stations, id tags) and reads for the API: plain async calls.
//! - Session writes ([`Store::write`]): everything a station reported that the system
//!   acknowledges. A write resolves only once it is durably committed, and implementations
//!   batch concurrent writes from many stations into one commit (group commit), so thousands
//!   of stations do not each pay an fsync. The session releases the CALLRESULT on that result.
//!
//! The journal of raw frames is best-effort diagnostics, kept apart from the billing data:
//! appended without waiting, written in batches, trimmed to the last N frames per station. A
//! journal read sees every frame queued before it.

pub mod firmware;
pub mod sqlite;

#[cfg(test)]
pub(crate) mod tests;

use std::sync::Arc;

use async_trait::async_trait;

use crate::domain::local_list::{ListUpdate, LocalListState};
pub use firmware::FirmwareStore;

use crate::domain::firmware::{DiagnosticsStatusReport, FirmwareStatusReport};
use crate::domain::{
    BootReport, ChargingProfile, DesiredValue, JournalEntry, KeptProfile, MeterOutcome,
    MeterReadings, MeterValue, NewReservation, NewTransaction, ProfileAnswer, ReservationRecord,
    ReservationStatus, ReservationUpdate, StartOutcome, StationId, StationPatch, StationRecord,
    StatusReport, StopOutcome, StopTransaction, TagRecord, Time, TransactionEvent,
    TransactionEventOutcome, TransactionRecord, VariableRecord, VariablesReport,
};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("the store is shutting down")]
    Closed,
    #[error("database error: {0}")]
    Database(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A durable write from a station session.
#[derive(Clone, Debug)]
pub enum Write {
    Boot(BootReport),
    Status(StatusReport),
    Start(NewTransaction),
    Stop(StopTransaction),
    Meter(MeterReadings),
    /// Boxed: the largest write by far, and rare next to MeterValues.
    TransactionEvent(Box<TransactionEvent>),
    /// Configuration the station reported (device model variables, 1.6 keys).
    Variables(Box<VariablesReport>),
    /// The station accepted a new Basic auth password (1.6 `AuthorizationKey`, 2.x
    /// `SecurityCtrlr.BasicAuthPassword`): from now on only this hash lets it in.
    Password {
        station_id: StationId,
        password_hash: String,
    },
    /// The station was seen (connected, disconnected, heartbeat): updates `last_seen`.
    Seen {
        station_id: StationId,
        protocol: Option<String>,
        at: Time,
    },
    /// 2.x ReservationStatusUpdate: the station expired or removed a reservation.
    ReservationStatus(ReservationUpdate),
    /// A FirmwareStatusNotification.
    FirmwareStatus(FirmwareStatusReport),
    /// A DiagnosticsStatusNotification / LogStatusNotification.
    DiagnosticsStatus(DiagnosticsStatusReport),
}

/// The result of a [`Write`], variant for variant.
#[derive(Clone, Debug)]
pub enum Written {
    Boot,
    Status,
    Start(StartOutcome),
    Stop(StopOutcome),
    Meter(MeterOutcome),
    TransactionEvent(TransactionEventOutcome),
    /// How many variables the report named (0: the station is not registered).
    Variables(usize),
    /// Whether the station was there to take the password.
    Password(bool),
    Seen,
    /// Whether an active reservation of that station changed.
    ReservationStatus(bool),
    FirmwareStatus,
    /// Whether a diagnostics request of the station's was found to update.
    DiagnosticsStatus(bool),
}

#[derive(Clone, Debug, Default)]
pub struct TransactionFilter {
    pub station_id: Option<StationId>,
    pub active: Option<bool>,
    /// Newest first; at most this many (None: all).
    pub limit: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct ReservationFilter {
    pub station_id: Option<StationId>,
    /// As the reservations read at `now` (an active one past expiry is `Expired`).
    pub status: Option<ReservationStatus>,
    pub now: Time,
}

#[async_trait]
pub trait Store: FirmwareStore + Send + Sync + 'static {
    // Stations
    /// Register or update; returns the record after the change.
    async fn put_station(&self, id: &StationId, patch: StationPatch) -> StoreResult<StationRecord>;
    async fn station(&self, id: &StationId) -> StoreResult<Option<StationRecord>>;
    async fn stations(&self) -> StoreResult<Vec<StationRecord>>;
    /// Returns false if there was no such station.
    async fn delete_station(&self, id: &StationId) -> StoreResult<bool>;

    // Id tags
    async fn put_tag(&self, tag: TagRecord) -> StoreResult<TagRecord>;
    async fn tag(&self, id_tag: &str) -> StoreResult<Option<TagRecord>>;
    async fn tags(&self) -> StoreResult<Vec<TagRecord>>;
    async fn delete_tag(&self, id_tag: &str) -> StoreResult<bool>;

    // Transactions
    async fn transactions(&self, filter: TransactionFilter) -> StoreResult<Vec<TransactionRecord>>;
    async fn transaction(&self, id: i64) -> StoreResult<Option<TransactionRecord>>;
    /// Every meter value of a transaction (transactionData included), oldest first.
    async fn meter_values(&self, transaction_id: i64) -> StoreResult<Vec<MeterValue>>;
    /// Stops that named a transaction the system does not know (an unknown id, or errata
    /// §3.18's -1), oldest first; their readings are stored unlinked (`meter_values` empty).
    async fn unmatched_stops(&self, station_id: &StationId) -> StoreResult<Vec<StopTransaction>>;

    // Configuration
    /// Every variable the station reported (2.x device model, 1.6 configuration keys).
    async fn variables(&self, station_id: &StationId) -> StoreResult<Vec<VariableRecord>>;

    /// The operator's desired configuration of a station (API.md, Configuration).
    async fn desired_configuration(&self, station_id: &StationId)
    -> StoreResult<Vec<DesiredValue>>;
    /// Set a desired value (its last result is forgotten: the value is new).
    async fn put_desired(
        &self,
        station_id: &StationId,
        key: &str,
        value: &str,
        at: Time,
    ) -> StoreResult<DesiredValue>;
    /// Returns false if there was no such desired value.
    async fn delete_desired(&self, station_id: &StationId, key: &str) -> StoreResult<bool>;
    /// Record the station's answer to setting `key` to `value` (ignored if the desired value
    /// changed meanwhile).
    async fn desired_result(
        &self,
        station_id: &StationId,
        key: &str,
        value: &str,
        result: &str,
        at: Time,
    ) -> StoreResult<()>;

    // Local authorization lists
    /// What the station last acknowledged of its local list (default: nothing yet).
    async fn local_list(&self, station_id: &StationId) -> StoreResult<LocalListState>;
    /// Record the outcome of a SendLocalList: with `accepted`, the list after it.
    async fn record_local_list(
        &self,
        station_id: &StationId,
        result: &str,
        accepted: Option<&ListUpdate>,
        at: Time,
    ) -> StoreResult<()>;
    // Reservations
    /// Record a reservation about to be sent to its station; returns its id (never reused).
    /// Until [`Store::settle_reservation`] it is pending: no read shows it.
    async fn create_reservation(&self, new: NewReservation) -> StoreResult<i64>;
    /// Record the station's answer to a pending reservation; the record after it (None if
    /// there is no such reservation). One that a transaction used meanwhile stays used.
    async fn settle_reservation(
        &self,
        id: i64,
        status: ReservationStatus,
        at: Time,
    ) -> StoreResult<Option<ReservationRecord>>;
    /// Forget a pending reservation the station never accepted (not connected, no answer,
    /// CALLERROR). Returns false if there was no pending one.
    async fn abandon_reservation(&self, id: i64) -> StoreResult<bool>;
    /// Mark an active reservation cancelled; the record after it, as of `at`.
    async fn cancel_reservation(&self, id: i64, at: Time)
    -> StoreResult<Option<ReservationRecord>>;
    /// One reservation as it reads at `now` (active ones past expiry read expired).
    async fn reservation(&self, id: i64, now: Time) -> StoreResult<Option<ReservationRecord>>;
    /// Newest first, as they read at `filter.now`.
    async fn reservations(&self, filter: ReservationFilter) -> StoreResult<Vec<ReservationRecord>>;

    // Charging profiles (the ones each station should hold)
    /// Keep `kept` (replacing the station's profile of the same id); false if the station is
    /// not registered.
    async fn put_charging_profile(&self, kept: KeptProfile) -> StoreResult<bool>;
    /// A station's kept profiles, by id.
    async fn charging_profiles(&self, station_id: &StationId) -> StoreResult<Vec<KeptProfile>>;
    async fn charging_profile(
        &self,
        station_id: &StationId,
        id: i32,
    ) -> StoreResult<Option<KeptProfile>>;
    /// Record the station's answer about `sent`; false (nothing changes) if the kept profile
    /// was replaced, cleared or deleted meanwhile, so a late answer never overwrites news.
    async fn record_profile_answer(
        &self,
        station_id: &StationId,
        sent: &ChargingProfile,
        answer: ProfileAnswer,
    ) -> StoreResult<bool>;
    /// Mark a profile deleted while the station could not be told; false if there is none.
    async fn mark_profile_cleared(
        &self,
        station_id: &StationId,
        id: i32,
        at: Time,
    ) -> StoreResult<bool>;
    /// Forget a profile; false if there was none.
    async fn delete_charging_profile(&self, station_id: &StationId, id: i32) -> StoreResult<bool>;

    // Session writes
    /// Commit `write` durably (batched with others) and return what it produced.
    async fn write(&self, write: Write) -> StoreResult<Written>;

    // Journal
    /// Queue a frame for the journal; never waits for the disk.
    fn journal(&self, entry: JournalEntry);
    /// The last `limit` frames of a station, oldest first, including every frame queued
    /// before the call.
    async fn journal_entries(
        &self,
        station_id: &StationId,
        limit: usize,
    ) -> StoreResult<Vec<JournalEntry>>;

    /// Finish every queued write and stop accepting new ones.
    async fn close(&self);
}

pub type DynStore = Arc<dyn Store>;
