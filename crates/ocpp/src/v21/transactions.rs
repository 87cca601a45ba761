//! Transactions: functional block E of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};

use super::metering::MeterValue;
use super::schedule::OperationMode;
use super::tariff::Price;
use super::types::{CustomData, Evse, IdToken, IdTokenInfo, MessageContent, Percent, PhaseCount};
use crate::{CiString, Timestamp};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::TransactionEvent;

requests! {
    GetTransactionStatusRequest => GetTransactionStatusResponse, GetTransactionStatus;
    TransactionEventRequest => TransactionEventResponse, TransactionEvent;
}

/// GetTransactionStatus request: the CSMS asks whether transaction messages are still queued.
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

/// TransactionEvent request: the station reports a transaction starting, changing or ending;
/// replaces 1.6's Start/StopTransaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionEventRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_details: Option<CostDetails>,
    pub event_type: TransactionEvent,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meter_value: Vec<MeterValue>,
    pub timestamp: Timestamp,
    pub trigger_reason: TriggerReason,
    pub seq_no: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offline: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_phases_used: Option<PhaseCount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cable_max_current: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preconditioning_status: Option<PreconditioningStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_sleep: Option<bool>,
    pub transaction_info: Transaction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<IdToken>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// The cost of a transaction as the station calculated it, period by period (`CostDetailsType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CostDetails {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charging_periods: Vec<ChargingPeriod>,
    pub total_cost: TotalCost,
    pub total_usage: TotalUsage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_to_calculate: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<CiString<500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ChargingPeriodType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingPeriod {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<CostDimension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tariff_id: Option<CiString<60>>,
    pub start_period: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CostDimensionType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CostDimension {
    #[serde(rename = "type")]
    pub kind: CostDimensionKind,
    pub volume: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CostDimensionEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CostDimensionKind {
    Energy,
    MaxCurrent,
    MinCurrent,
    MaxPower,
    MinPower,
    IdleTIme,
    ChargingTime,
}

/// The total cost of a transaction, split into what it is for (`TotalCostType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TotalCost {
    pub currency: CiString<3>,
    pub type_of_cost: TariffCost,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<Price>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<Price>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_time: Option<Price>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_time: Option<Price>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_time: Option<Price>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_fixed: Option<Price>,
    pub total: TotalPrice,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffCostEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TariffCost {
    NormalCost,
    MinCost,
    MaxCost,
}

/// `TotalPriceType` in the schemas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TotalPrice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excl_tax: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incl_tax: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TotalUsageType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TotalUsage {
    pub energy: f64,
    pub charging_time: i32,
    pub idle_time: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_time: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// What made the station send a TransactionEvent (`TriggerReasonEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TriggerReason {
    AbnormalCondition,
    Authorized,
    CablePluggedIn,
    ChargingRateChanged,
    ChargingStateChanged,
    CostLimitReached,
    Deauthorized,
    EnergyLimitReached,
    #[serde(rename = "EVCommunicationLost")]
    EvCommunicationLost,
    #[serde(rename = "EVConnectTimeout")]
    EvConnectTimeout,
    #[serde(rename = "EVDeparted")]
    EvDeparted,
    #[serde(rename = "EVDetected")]
    EvDetected,
    LimitSet,
    MeterValueClock,
    MeterValuePeriodic,
    OperationModeChanged,
    RemoteStart,
    RemoteStop,
    ResetCommand,
    RunningCost,
    SignedDataReceived,
    #[serde(rename = "SoCLimitReached")]
    SocLimitReached,
    StopAuthorized,
    TariffChanged,
    TariffNotAccepted,
    TimeLimitReached,
    Trigger,
    TxResumed,
    UnlockCommand,
}

/// `PreconditioningStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PreconditioningStatus {
    Unknown,
    Ready,
    NotReady,
    Preconditioning,
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
    pub operation_mode: Option<OperationMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tariff_id: Option<CiString<60>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_limit: Option<TransactionLimit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Where energy transfer stands in a transaction (`ChargingStateEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingState {
    #[serde(rename = "EVConnected")]
    EvConnected,
    Charging,
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
    MasterPass,
    Local,
    LocalOutOfCredit,
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
    ReqEnergyTransferRejected,
}

/// Limits on a transaction that end it when reached: cost, energy, time or state of charge
/// (`TransactionLimitType`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionLimit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_energy: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_time: Option<i32>,
    #[serde(rename = "maxSoC", default, skip_serializing_if = "Option::is_none")]
    pub max_soc: Option<Percent>,
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
    pub transaction_limit: Option<TransactionLimit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_personal_message: Option<MessageContent>,
    /// 1 to 4 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updated_personal_message_extra: Vec<MessageContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
