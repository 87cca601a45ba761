//! Tariff and cost: functional block I of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};

use super::tariff::Tariff;
use super::types::{CustomData, StatusInfo};
use crate::{CiString, Timestamp};

requests! {
    ChangeTransactionTariffRequest => ChangeTransactionTariffResponse, ChangeTransactionTariff;
    ClearTariffsRequest => ClearTariffsResponse, ClearTariffs;
    CostUpdatedRequest => CostUpdatedResponse, CostUpdated;
    GetTariffsRequest => GetTariffsResponse, GetTariffs;
    SetDefaultTariffRequest => SetDefaultTariffResponse, SetDefaultTariff;
}

/// ChangeTransactionTariff request: the CSMS replaces the tariff of an ongoing transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeTransactionTariffRequest {
    pub tariff: Tariff,
    pub transaction_id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ChangeTransactionTariff response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeTransactionTariffResponse {
    pub status: TariffChangeStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffChangeStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TariffChangeStatus {
    Accepted,
    Rejected,
    TooManyElements,
    ConditionNotSupported,
    TxNotFound,
    NoCurrencyChange,
}

/// ClearTariffs request: the CSMS removes tariffs from the station.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearTariffsRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tariff_ids: Vec<CiString<60>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClearTariffs response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearTariffsResponse {
    pub clear_tariffs_result: Vec<ClearTariffsResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ClearTariffsResultType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearTariffsResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tariff_id: Option<CiString<60>>,
    pub status: TariffClearStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffClearStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TariffClearStatus {
    Accepted,
    Rejected,
    NoTariff,
}

/// CostUpdated request: the CSMS tells the station the running cost of a transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CostUpdatedRequest {
    pub total_cost: f64,
    pub transaction_id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// CostUpdated response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CostUpdatedResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetTariffs request: the CSMS asks which tariffs are installed, and where they apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetTariffsRequest {
    pub evse_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetTariffs response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetTariffsResponse {
    pub status: TariffGetStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tariff_assignments: Vec<TariffAssignment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffGetStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TariffGetStatus {
    Accepted,
    Rejected,
    NoTariff,
}

/// Which tariff applies where: its kind and the EVSEs or id tokens it is assigned to
/// (`TariffAssignmentType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffAssignment {
    pub tariff_id: CiString<60>,
    pub tariff_kind: TariffKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evse_ids: Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub id_tokens: Vec<CiString<255>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffKindEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TariffKind {
    DefaultTariff,
    DriverTariff,
}

/// SetDefaultTariff request: the CSMS installs the tariff an EVSE uses when no other applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetDefaultTariffRequest {
    pub evse_id: u32,
    pub tariff: Tariff,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetDefaultTariff response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetDefaultTariffResponse {
    pub status: TariffSetStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffSetStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TariffSetStatus {
    Accepted,
    Rejected,
    TooManyElements,
    ConditionNotSupported,
    DuplicateTariffId,
}
