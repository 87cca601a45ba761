//! Provisioning: functional block B of OCPP 2.1 Part 2 (SetNetworkProfile is in `network_profile`).

use std::num::NonZeroU32;

use serde::{Deserialize, Serialize};

use super::types::{
    Component, ComponentVariable, CustomData, GenericDeviceModelStatus, StatusInfo, Variable,
};
use crate::{CiString, Timestamp};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{
    Attribute, BootReason, ChargingStation, ComponentCriterion, Data, GetVariableStatus, Modem,
    Mutability, RegistrationStatus, ReportBase, ResetStatus, SetVariableStatus, VariableAttribute,
};

requests! {
    BootNotificationRequest => BootNotificationResponse, BootNotification;
    GetBaseReportRequest => GetBaseReportResponse, GetBaseReport;
    GetReportRequest => GetReportResponse, GetReport;
    GetVariablesRequest => GetVariablesResponse, GetVariables;
    NotifyReportRequest => NotifyReportResponse, NotifyReport;
    ResetRequest => ResetResponse, Reset;
    SetVariablesRequest => SetVariablesResponse, SetVariables;
}

/// BootNotification request: the station registers after (re)booting; the answer says whether it is
/// accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BootNotificationRequest {
    pub charging_station: ChargingStation,
    pub reason: BootReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// BootNotification response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BootNotificationResponse {
    pub current_time: Timestamp,
    pub interval: u32,
    pub status: RegistrationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetBaseReport request: the CSMS asks for a predefined device-model report, delivered by
/// NotifyReport.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetBaseReportRequest {
    pub request_id: i32,
    pub report_base: ReportBase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetBaseReport response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetBaseReportResponse {
    pub status: GenericDeviceModelStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetReport request: the CSMS asks for a filtered device-model report, delivered by NotifyReport.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetReportRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub component_variable: Vec<ComponentVariable>,
    pub request_id: i32,
    /// 1 to 4 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub component_criteria: Vec<ComponentCriterion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetReport response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetReportResponse {
    pub status: GenericDeviceModelStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetVariables request: the CSMS reads device-model variables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetVariablesRequest {
    pub get_variable_data: Vec<GetVariableData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One variable to read (`GetVariableDataType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetVariableData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<Attribute>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetVariables response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetVariablesResponse {
    pub get_variable_result: Vec<GetVariableResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// The outcome of reading one variable, with its value if found (`GetVariableResultType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetVariableResult {
    pub attribute_status: GetVariableStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<Attribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_value: Option<CiString<2500>>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyReport request: the station delivers (part of) a requested report; `tbc` says more
/// follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyReportRequest {
    pub request_id: i32,
    pub generated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_data: Vec<ReportData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One variable of one component, with its attributes and characteristics, as NotifyReport delivers
/// it (`ReportDataType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportData {
    pub component: Component,
    pub variable: Variable,
    /// 1 to 4 items in the schema; not enforced when read.
    pub variable_attribute: Vec<VariableAttribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_characteristics: Option<VariableCharacteristics>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// What a variable's values may be: unit, data type, bounds, allowed values
/// (`VariableCharacteristicsType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VariableCharacteristics {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CiString<16>>,
    pub data_type: Data,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_limit: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_limit: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_elements: Option<NonZeroU32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values_list: Option<CiString<1000>>,
    pub supports_monitoring: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyReport response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyReportResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Reset request: the CSMS asks the station, or one EVSE, to reset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetRequest {
    #[serde(rename = "type")]
    pub kind: Reset,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// When to reset: now, or once no transaction is running (`ResetEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reset {
    Immediate,
    OnIdle,
    ImmediateAndResume,
}

/// Reset response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetResponse {
    pub status: ResetStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetVariables request: the CSMS writes device-model variables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetVariablesRequest {
    pub set_variable_data: Vec<SetVariableData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One variable to write, and its new value (`SetVariableDataType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetVariableData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<Attribute>,
    pub attribute_value: CiString<2500>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetVariables response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetVariablesResponse {
    pub set_variable_result: Vec<SetVariableResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// The outcome of writing one variable (`SetVariableResultType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetVariableResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<Attribute>,
    pub attribute_status: SetVariableStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_status_info: Option<StatusInfo>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
