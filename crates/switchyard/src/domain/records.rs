//! Records as the system keeps them.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{StationId, Time};

/// What the station's BootNotification gets while its record says so (set per station).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum BootPolicy {
    #[default]
    Accepted,
    Pending,
    Rejected,
}

/// The answer the system gave to the station's last BootNotification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BootStatus {
    Accepted,
    Pending,
    Rejected,
}

impl BootStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BootStatus::Accepted => "Accepted",
            BootStatus::Pending => "Pending",
            BootStatus::Rejected => "Rejected",
        }
    }

    pub fn parse(text: &str) -> Option<BootStatus> {
        match text {
            "Accepted" => Some(BootStatus::Accepted),
            "Pending" => Some(BootStatus::Pending),
            "Rejected" => Some(BootStatus::Rejected),
            _ => None,
        }
    }
}

impl From<BootPolicy> for BootStatus {
    fn from(policy: BootPolicy) -> BootStatus {
        match policy {
            BootPolicy::Accepted => BootStatus::Accepted,
            BootPolicy::Pending => BootStatus::Pending,
            BootPolicy::Rejected => BootStatus::Rejected,
        }
    }
}

/// A registered station as stored. The password hash never leaves the store layer's callers
/// that need it (the gateway); the API drops it.
#[derive(Clone, Debug, PartialEq)]
pub struct StationRecord {
    pub id: StationId,
    /// An argon2 PHC string; `None` means no Basic auth (security profile 0).
    pub password_hash: Option<String>,
    pub site_id: Option<String>,
    pub description: Option<String>,
    pub boot_policy: BootPolicy,
    pub protocol: Option<String>,
    pub boot_status: Option<BootStatus>,
    pub vendor: Option<String>,
    pub model: Option<String>,
    pub serial_number: Option<String>,
    pub firmware_version: Option<String>,
    pub last_seen: Option<Time>,
    pub connectors: Vec<ConnectorRecord>,
    /// `None`: not set, the password alone decides (profile 0 or 1, any transport).
    pub security_profile: Option<super::SecurityProfile>,
}

/// A change to a station's registration. `None` leaves a field as it is; `Some(None)` clears it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StationPatch {
    pub password_hash: Option<Option<String>>,
    pub site_id: Option<Option<String>>,
    pub description: Option<Option<String>>,
    pub boot_policy: Option<BootPolicy>,
    pub security_profile: Option<Option<super::SecurityProfile>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConnectorRecord {
    pub evse_id: u32,
    pub connector_id: u32,
    pub status: String,
    pub error_code: Option<String>,
    pub info: Option<String>,
    pub vendor_error_code: Option<String>,
    /// The station's own timestamp of the status, if it sent one.
    pub station_time: Option<Time>,
    pub updated_at: Time,
}

/// The authorization status of an id tag (the same words in 1.6 and 2.0.1 for these four).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TagStatus {
    Accepted,
    Blocked,
    Expired,
    Invalid,
    /// 1.6 only: the tag is already in use in another transaction and may not be used twice.
    ConcurrentTx,
}

impl TagStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TagStatus::Accepted => "Accepted",
            TagStatus::Blocked => "Blocked",
            TagStatus::Expired => "Expired",
            TagStatus::Invalid => "Invalid",
            TagStatus::ConcurrentTx => "ConcurrentTx",
        }
    }

    pub fn parse(text: &str) -> Option<TagStatus> {
        match text {
            "Accepted" => Some(TagStatus::Accepted),
            "Blocked" => Some(TagStatus::Blocked),
            "Expired" => Some(TagStatus::Expired),
            "Invalid" => Some(TagStatus::Invalid),
            "ConcurrentTx" => Some(TagStatus::ConcurrentTx),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TagRecord {
    pub id_tag: String,
    pub status: TagStatus,
    pub expiry_date: Option<Time>,
    pub parent_id_tag: Option<String>,
}

/// A StartTransaction (1.6) as the system records it.
#[derive(Clone, Debug, PartialEq)]
pub struct NewTransaction {
    pub station_id: StationId,
    pub evse_id: u32,
    pub connector_id: u32,
    pub id_tag: String,
    /// The station's timestamp of the start.
    pub started_at: Time,
    pub meter_start_wh: f64,
    pub reservation_id: Option<i64>,
    pub remote_start_id: Option<i64>,
    /// When the system received it.
    pub received_at: Time,
}

/// What storing a start produced.
#[derive(Clone, Debug, PartialEq)]
pub struct StartOutcome {
    /// The system's transaction id (1.6: also the station's transactionId).
    pub transaction_id: i64,
    /// False when this was a replay of a start already stored: nothing new was created.
    pub created: bool,
    /// The remote start this transaction belongs to, as first stored.
    pub remote_start_id: Option<i64>,
    /// The id tag as the system knows it now, to answer with fresh idTagInfo.
    pub tag: Option<TagRecord>,
}

/// A StopTransaction (1.6) as the system records it.
#[derive(Clone, Debug, PartialEq)]
pub struct StopTransaction {
    pub station_id: StationId,
    /// The station's transactionId, as sent (may be unknown, or -1: errata §3.18).
    pub ocpp_transaction_id: String,
    pub id_tag: Option<String>,
    pub stopped_at: Time,
    pub meter_stop_wh: f64,
    /// Already normalised: a stop without a reason is `Local`.
    pub reason: String,
    pub meter_values: Vec<MeterValue>,
    pub received_at: Time,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StopOutcome {
    /// The transaction that was stopped, or `None` if the system does not know it.
    pub transaction: Option<TransactionRecord>,
    /// True if it had already been stopped (a replay): nothing changed.
    pub already_stopped: bool,
    pub tag: Option<TagRecord>,
}

/// What a 2.x TransactionEvent says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransactionEventKind {
    Started,
    Updated,
    Ended,
}

impl TransactionEventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TransactionEventKind::Started => "Started",
            TransactionEventKind::Updated => "Updated",
            TransactionEventKind::Ended => "Ended",
        }
    }
}

/// A 2.x TransactionEvent as the system records it. Events of one transaction may arrive in
/// any order (offline queues, replays); (station, transaction id, seqNo) identifies one.
#[derive(Clone, Debug, PartialEq)]
pub struct TransactionEvent {
    pub station_id: StationId,
    /// The negotiated subprotocol (`ocpp2.0.1`, `ocpp2.1`).
    pub protocol: String,
    /// The station's transactionId.
    pub ocpp_transaction_id: String,
    pub kind: TransactionEventKind,
    pub seq_no: u32,
    /// The station's time of the event.
    pub timestamp: Time,
    pub trigger_reason: String,
    /// The station queued it while offline.
    pub offline: bool,
    pub evse_id: Option<u32>,
    pub connector_id: Option<u32>,
    /// `idToken.idToken`, when the event carries one.
    pub id_tag: Option<String>,
    pub remote_start_id: Option<i64>,
    /// The reservation the transaction uses (the system's reservation id).
    pub reservation_id: Option<i64>,
    /// `transactionInfo.stoppedReason` (an `Ended` without one was stopped `Local`ly).
    pub stopped_reason: Option<String>,
    /// Normalised like MeterValues: energies in Wh, the multiplier applied.
    pub meter_values: Vec<MeterValue>,
    pub received_at: Time,
}

/// What storing a TransactionEvent produced.
#[derive(Clone, Debug, PartialEq)]
pub struct TransactionEventOutcome {
    /// The transaction as it stands after the event.
    pub transaction: TransactionRecord,
    /// The event (station, transaction id, seqNo) had been stored before: nothing changed.
    pub replay: bool,
    /// This event was the first the system saw of the transaction.
    pub created: bool,
    /// This event ended the transaction (the first `Ended` for it).
    pub ended: bool,
    /// How many sampled values were new.
    pub inserted: usize,
    /// For an ended transaction: seqNos between its first and last event that never arrived
    /// (at most [`MAX_REPORTED_GAPS`]).
    pub missing_seq_nos: Vec<u32>,
    /// The event's id token as the system knows it now, to answer with idTokenInfo.
    pub tag: Option<TagRecord>,
}

/// How many missing seqNos an outcome lists at most.
pub const MAX_REPORTED_GAPS: usize = 32;

/// A MeterValues message as the system records it.
#[derive(Clone, Debug, PartialEq)]
pub struct MeterReadings {
    pub station_id: StationId,
    pub evse_id: u32,
    pub connector_id: u32,
    /// The station's transactionId, if it named one.
    pub ocpp_transaction_id: Option<String>,
    pub meter_values: Vec<MeterValue>,
    pub received_at: Time,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MeterOutcome {
    /// The transaction the readings were filed under, if the system knows it.
    pub transaction: Option<TransactionRef>,
    /// How many sampled values were new (replays add none).
    pub inserted: usize,
}

/// What a MeterValues needs of its transaction: far less than the record, which the writer
/// would otherwise read and copy for every reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransactionRef {
    pub id: i64,
    pub remote_start_id: Option<i64>,
}

/// One timestamped set of samples.
#[derive(Clone, Debug, PartialEq)]
pub struct MeterValue {
    pub timestamp: Time,
    pub sampled_value: Vec<SampledValue>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SampledValue {
    pub value: SampleValue,
    /// Always set: 1.6's default is `Energy.Active.Import.Register`.
    pub measurand: Label,
    /// Normalised: `kWh` is stored as `Wh`, `kW` as `W`, `kvarh` as `varh`.
    pub unit: Option<Label>,
    pub phase: Option<Label>,
    pub location: Option<Label>,
    pub context: Option<Label>,
}

/// A name from a fixed vocabulary (a measurand, a unit): borrowed from the protocol's static
/// spelling when it comes off the wire, so a reading's ~40 labels allocate nothing.
pub type Label = Cow<'static, str>;

/// A sampled value: a number where the station sent one, otherwise the text as sent.
#[derive(Clone, Debug, PartialEq)]
pub enum SampleValue {
    Number(f64),
    Text(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct TransactionRecord {
    pub id: i64,
    pub ocpp_transaction_id: String,
    pub station_id: StationId,
    pub evse_id: u32,
    pub connector_id: u32,
    pub id_tag: String,
    pub started_at: Time,
    pub stopped_at: Option<Time>,
    /// `None` until known: a 2.x transaction starts at its first energy register reading.
    pub meter_start_wh: Option<f64>,
    pub meter_stop_wh: Option<f64>,
    pub stop_reason: Option<String>,
    pub remote_start_id: Option<i64>,
    pub start_received_at: Time,
    pub stop_received_at: Option<Time>,
    /// Why the billing figures are not to be trusted as they stand (see [`BillingFlag`]).
    pub flag: Option<BillingFlag>,
}

/// Something about a transaction's energy figures an operator should look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BillingFlag {
    /// The first energy reading came after a zero or missing baseline and was as large as a
    /// meter's lifetime register; it was taken as the start rather than billing the difference
    /// (one CSMS billed 910 kWh for 0.083 kWh that way).
    LifetimeMeterBaseline,
}

impl BillingFlag {
    pub fn as_str(self) -> &'static str {
        match self {
            BillingFlag::LifetimeMeterBaseline => "lifetime_meter_baseline",
        }
    }

    pub fn parse(text: &str) -> Option<BillingFlag> {
        (text == "lifetime_meter_baseline").then_some(BillingFlag::LifetimeMeterBaseline)
    }
}

impl TransactionRecord {
    pub fn energy_wh(&self) -> Option<f64> {
        Some(self.meter_stop_wh? - self.meter_start_wh?)
    }

    pub fn is_active(&self) -> bool {
        self.stopped_at.is_none()
    }
}

/// A connector's status report.
/// A connector's status report: the row it becomes, with `updated_at` = when it was received.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusReport {
    pub station_id: StationId,
    pub connector: ConnectorRecord,
}

/// What a BootNotification told the system, and what the system answered.
#[derive(Clone, Debug, PartialEq)]
pub struct BootReport {
    pub station_id: StationId,
    pub protocol: String,
    pub status: BootStatus,
    pub vendor: String,
    pub model: String,
    pub serial_number: Option<String>,
    pub firmware_version: Option<String>,
    pub received_at: Time,
}

/// One raw frame of the per-station message journal.
#[derive(Clone, Debug, PartialEq)]
pub struct JournalEntry {
    pub station_id: StationId,
    pub at: Time,
    pub direction: Direction,
    pub frame: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    In,
    Out,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::In => "in",
            Direction::Out => "out",
        }
    }
}
