//! Transactions: functional block E of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::metering::MeterValue;
use super::types::{CustomData, Evse, IdToken, IdTokenInfo, MessageContent};
use crate::{CiString, Timestamp};

requests! {
    GetTransactionStatusRequest => GetTransactionStatusResponse, GetTransactionStatus;
    TransactionEventRequest => TransactionEventResponse, TransactionEvent;
}

/// GetTransactionStatus request (P2-201 E14): the CSMS asks whether transaction messages are still
/// queued.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetTransactionStatusRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetTransactionStatus response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetTransactionStatusResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ongoing_indicator: Option<bool>,
    pub messages_in_queue: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// TransactionEvent request (P2-201 E01-E15): the station reports a transaction starting, changing
/// or ending; replaces 1.6's Start/StopTransaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionEventRequest {
    pub event_type: TransactionEvent,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meter_value: Vec<MeterValue>,
    pub timestamp: Timestamp,
    pub trigger_reason: TriggerReason,
    pub seq_no: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offline: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_phases_used: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cable_max_current: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<i32>,
    pub transaction_info: Transaction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<IdToken>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Where energy transfer stands in a transaction (`ChargingStateEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingState {
    Charging,
    #[serde(rename = "EVConnected")]
    EvConnected,
    #[serde(rename = "SuspendedEV")]
    SuspendedEv,
    #[serde(rename = "SuspendedEVSE")]
    SuspendedEvse,
    Idle,
}

/// Why a transaction stopped (`ReasonEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reason {
    DeAuthorized,
    EmergencyStop,
    EnergyLimitReached,
    #[serde(rename = "EVDisconnected")]
    EvDisconnected,
    GroundFault,
    ImmediateReset,
    Local,
    LocalOutOfCredit,
    MasterPass,
    Other,
    OvercurrentFault,
    PowerLoss,
    PowerQuality,
    Reboot,
    Remote,
    #[serde(rename = "SOCLimitReached")]
    SocLimitReached,
    #[serde(rename = "StoppedByEV")]
    StoppedByEv,
    TimeLimitReached,
    Timeout,
}

/// Whether a TransactionEvent starts, updates or ends a transaction (`TransactionEventEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TransactionEvent {
    Ended,
    Started,
    Updated,
}

/// What made the station send a TransactionEvent (`TriggerReasonEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TriggerReason {
    Authorized,
    CablePluggedIn,
    ChargingRateChanged,
    ChargingStateChanged,
    Deauthorized,
    EnergyLimitReached,
    #[serde(rename = "EVCommunicationLost")]
    EvCommunicationLost,
    #[serde(rename = "EVConnectTimeout")]
    EvConnectTimeout,
    MeterValueClock,
    MeterValuePeriodic,
    TimeLimitReached,
    Trigger,
    UnlockCommand,
    StopAuthorized,
    #[serde(rename = "EVDeparted")]
    EvDeparted,
    #[serde(rename = "EVDetected")]
    EvDetected,
    RemoteStop,
    RemoteStart,
    AbnormalCondition,
    SignedDataReceived,
    ResetCommand,
}

/// The transaction a TransactionEvent reports on (`TransactionType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    pub transaction_id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_state: Option<ChargingState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_spent_charging: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_reason: Option<Reason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_start_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// TransactionEvent response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionEventResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_priority: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token_info: Option<IdTokenInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_personal_message: Option<MessageContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
