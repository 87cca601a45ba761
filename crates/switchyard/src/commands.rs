//! Version-neutral commands to a station, as the API asks for them.
//!
//! A [`Command`] goes through the [`crate::registry`] to the station's session, whose version
//! adapter turns it into that version's CALL and the answer back into a [`CommandReply`].

use std::time::Duration;

use serde_json::value::RawValue;

use crate::domain::local_list::ListUpdate;
use crate::domain::{
    BootStatus, ChargingProfile, ClearCriteria, ProfilePurpose, RateUnit, ReportedVariable,
    ReservationRecord, TransactionRecord,
};

#[derive(Clone, Debug)]
pub enum Command {
    RemoteStart {
        evse_id: Option<u32>,
        connector_id: Option<u32>,
        id_tag: String,
        /// A TxProfile for the transaction to come (no transaction id: errata 3.41).
        charging_profile: Option<Box<ChargingProfile>>,
    },
    /// The transaction as the system knows it; the adapter sends the station's own id.
    RemoteStop {
        transaction: Box<TransactionRecord>,
    },
    /// `evse_id`: 2.x only, one EVSE rather than the whole station.
    Reset {
        kind: ResetKind,
        evse_id: Option<u32>,
    },
    UnlockConnector {
        evse_id: Option<u32>,
        connector_id: u32,
    },
    ChangeAvailability {
        evse_id: Option<u32>,
        connector_id: Option<u32>,
        kind: Availability,
    },
    GetConfiguration {
        keys: Vec<String>,
    },
    ChangeConfiguration {
        key: String,
        value: String,
    },
    /// 2.x GetTransactionStatus, about one transaction (as the system knows it) or, without
    /// one, whether the station still has messages queued.
    GetTransactionStatus {
        transaction: Option<Box<TransactionRecord>>,
    },
    /// 2.x GetBaseReport; 1.6: GetConfiguration of every key.
    GetBaseReport {
        report_base: ReportBase,
    },
    TriggerMessage {
        message: String,
        evse_id: Option<u32>,
    },
    ClearCache,
    /// One SendLocalList (planned by `domain::local_list`).
    SendLocalList {
        update: ListUpdate,
    },
    GetLocalListVersion,
    DataTransfer {
        vendor_id: String,
        message_id: Option<String>,
        data: Option<String>,
    },
    /// 1.6 / 2.0.1 ReserveNow of a reservation the system has recorded (its id is the
    /// reservationId).
    ReserveNow {
        reservation: Box<ReservationRecord>,
    },
    CancelReservation {
        reservation_id: i64,
    },
    /// SetChargingProfile. `station_transaction_id`: the station's own id of the profile's
    /// transaction (a TxProfile), looked up by the caller.
    SetChargingProfile {
        profile: Box<ChargingProfile>,
        station_transaction_id: Option<String>,
    },
    ClearChargingProfile {
        criteria: ClearCriteria,
    },
    /// `target`: 0 is the whole station (1.6 connectorId, 2.x evseId).
    GetCompositeSchedule {
        target: u32,
        duration_s: u32,
        charging_rate_unit: Option<RateUnit>,
    },
    /// 2.x GetChargingProfiles (K09): the station reports the matching profiles it holds in
    /// ReportChargingProfiles messages (kept in the journal).
    GetChargingProfiles {
        evse_id: Option<u32>,
        purpose: Option<ProfilePurpose>,
        stack_level: Option<u32>,
        profile_ids: Vec<i32>,
        /// `EMS`, `Other`, `SO`, `CSO`.
        limit_sources: Vec<String>,
    },
    /// 1.6 UpdateFirmware; 2.x UpdateFirmware with `request_id` as its requestId.
    UpdateFirmware(Box<FirmwareUpdate>),
    /// 1.6 GetDiagnostics; 2.x GetLog of the DiagnosticsLog with `request_id`.
    GetDiagnostics(Box<DiagnosticsUpload>),
    /// Exactly this CALL (validated against the station's version first).
    Raw {
        action: String,
        payload: Box<RawValue>,
    },
}

impl Command {
    /// The API's kebab-case name (used in metrics and errors).
    pub fn name(&self) -> &'static str {
        match self {
            Command::RemoteStart { .. } => "remote-start",
            Command::RemoteStop { .. } => "remote-stop",
            Command::Reset { .. } => "reset",
            Command::UnlockConnector { .. } => "unlock-connector",
            Command::ChangeAvailability { .. } => "change-availability",
            Command::GetConfiguration { .. } => "get-configuration",
            Command::ChangeConfiguration { .. } => "change-configuration",
            Command::GetBaseReport { .. } => "get-base-report",
            Command::GetTransactionStatus { .. } => "get-transaction-status",
            Command::TriggerMessage { .. } => "trigger-message",
            Command::ClearCache => "clear-cache",
            Command::SendLocalList { .. } => "send-local-list",
            Command::GetLocalListVersion => "get-local-list-version",
            Command::DataTransfer { .. } => "data-transfer",
            Command::ReserveNow { .. } => "reserve-now",
            Command::CancelReservation { .. } => "cancel-reservation",
            Command::UpdateFirmware(_) => "update-firmware",
            Command::GetDiagnostics(_) => "get-diagnostics",
            Command::Raw { .. } => "call",
            Command::SetChargingProfile { .. } => "set-charging-profile",
            Command::ClearChargingProfile { .. } => "clear-charging-profile",
            Command::GetCompositeSchedule { .. } => "get-composite-schedule",
            Command::GetChargingProfiles { .. } => "get-charging-profiles",
        }
    }

    /// Commands the specification forbids while the station's boot is Pending or Rejected
    /// (S16 §4.2: remote start/stop are not allowed while Pending).
    pub fn needs_accepted_boot(&self) -> bool {
        matches!(
            self,
            Command::RemoteStart { .. } | Command::RemoteStop { .. }
        )
    }
}

/// Why the station's boot state forbids a command, if it does (S16 §4.2): a Rejected station
/// is sent nothing; while Pending, no remote start or stop. One rule for the session and the
/// API, which must decide 422 before it looks at the body (API.md's order of checks).
pub fn refusal(
    boot: Option<BootStatus>,
    command: &str,
    needs_accepted_boot: bool,
) -> Option<String> {
    match boot {
        Some(BootStatus::Rejected) => {
            Some("the station's boot was rejected: the system sends it nothing".to_owned())
        }
        Some(BootStatus::Pending) if needs_accepted_boot => Some(format!(
            "{command} is not allowed while the station's boot status is Pending"
        )),
        _ => None,
    }
}

/// Where a station fetches new firmware, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct FirmwareUpdate {
    pub request_id: i64,
    pub location: String,
    pub retrieve_at: crate::domain::Time,
    pub retries: Option<u32>,
    pub retry_interval_s: Option<u32>,
}

/// Where a station uploads its diagnostics (2.x: its DiagnosticsLog), covering which span.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticsUpload {
    pub request_id: i64,
    pub location: String,
    pub start_time: Option<crate::domain::Time>,
    pub stop_time: Option<crate::domain::Time>,
    pub retries: Option<u32>,
    pub retry_interval_s: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetKind {
    Soft,
    Hard,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportBase {
    ConfigurationInventory,
    FullInventory,
    SummaryInventory,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    Operative,
    Inoperative,
}

/// The station's answer.
#[derive(Clone, Debug)]
pub struct CommandReply {
    /// The station's status field (`Accepted`, `Rejected`, `Unlocked`, …), or `Accepted`
    /// where the reply has none.
    pub status: String,
    /// The station's raw payload.
    pub response: Box<RawValue>,
    /// For remote-start: the correlation number that the resulting transaction's events carry.
    pub remote_start_id: Option<i64>,
    /// What the answer tells of the station's configuration, to be kept
    /// (GetConfiguration / GetVariables values, an accepted change).
    pub variables: Vec<ReportedVariable>,
    /// A Basic auth password the station accepted (1.6 `AuthorizationKey`, 2.x
    /// `SecurityCtrlr.BasicAuthPassword`): the system must let it in with this one only,
    /// from the moment the command returns (J16 §6.2.2).
    pub new_password: Option<crate::auth::Password>,
    /// GetLocalListVersion: the station's list version (1.6 `listVersion`, 2.x
    /// `versionNumber`; 0: empty, -1: no local list).
    pub list_version: Option<i32>,
}

/// A station's CALLERROR answer to a command (502 in the API).
#[derive(Clone, Debug, thiserror::Error)]
#[error("station answered with CALLERROR {code}: {description}")]
pub struct StationError {
    pub code: String,
    pub description: String,
    pub details: Box<RawValue>,
}

#[derive(Clone, Debug, thiserror::Error)]
pub enum CommandError {
    #[error("station is not connected")]
    NotConnected,
    #[error("station did not answer within {0:?}")]
    Timeout(Duration),
    #[error(transparent)]
    CallError(StationError),
    /// The station's state forbids the command (e.g. remote start while boot is Pending).
    #[error("{0}")]
    Forbidden(String),
    /// The command cannot be expressed for this station (unknown action, invalid payload).
    #[error("{0}")]
    Invalid(String),
}
