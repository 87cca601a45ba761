//! Provisioning: functional block B of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::network_profile::NetworkConnectionProfile;
use super::types::{
    Component, ComponentVariable, CustomData, GenericDeviceModelStatus, StatusInfo, Variable,
};
use crate::{CiString, Timestamp};

requests! {
    BootNotificationRequest => BootNotificationResponse, BootNotification;
    GetBaseReportRequest => GetBaseReportResponse, GetBaseReport;
    GetReportRequest => GetReportResponse, GetReport;
    GetVariablesRequest => GetVariablesResponse, GetVariables;
    NotifyReportRequest => NotifyReportResponse, NotifyReport;
    ResetRequest => ResetResponse, Reset;
    SetNetworkProfileRequest => SetNetworkProfileResponse, SetNetworkProfile;
    SetVariablesRequest => SetVariablesResponse, SetVariables;
}

/// BootNotification request (P2-201 B01-B04): the station registers after (re)booting; the answer
/// says whether it is accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BootNotificationRequest {
    pub charging_station: ChargingStation,
    pub reason: BootReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ModemType` in the schemas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Modem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iccid: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imsi: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ChargingStationType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingStation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<CiString<25>>,
    pub model: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modem: Option<Modem>,
    pub vendor_name: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware_version: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `BootReasonEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BootReason {
    ApplicationReset,
    FirmwareUpdate,
    LocalReset,
    PowerUp,
    RemoteReset,
    ScheduledReset,
    Triggered,
    Unknown,
    Watchdog,
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

/// `RegistrationStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegistrationStatus {
    Accepted,
    Pending,
    Rejected,
}

/// GetBaseReport request (P2-201 B07): the CSMS asks for a predefined device-model report,
/// delivered by NotifyReport.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetBaseReportRequest {
    pub request_id: i32,
    pub report_base: ReportBase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ReportBaseEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReportBase {
    ConfigurationInventory,
    FullInventory,
    SummaryInventory,
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

/// GetReport request (P2-201 B08): the CSMS asks for a filtered device-model report, delivered by
/// NotifyReport.
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

/// `ComponentCriterionEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ComponentCriterion {
    Active,
    Available,
    Enabled,
    Problem,
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

/// GetVariables request (P2-201 B06): the CSMS reads device-model variables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetVariablesRequest {
    /// At least 1 item in the schema; not enforced when read.
    pub get_variable_data: Vec<GetVariableData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Which value of a variable is meant: actual, target, or a bound (`AttributeEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Attribute {
    Actual,
    Target,
    MinSet,
    MaxSet,
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
    /// At least 1 item in the schema; not enforced when read.
    pub get_variable_result: Vec<GetVariableResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `GetVariableStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GetVariableStatus {
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
}

/// The outcome of reading one variable, with its value if found (`GetVariableResultType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetVariableResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_status_info: Option<StatusInfo>,
    pub attribute_status: GetVariableStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<Attribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_value: Option<CiString<2500>>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyReport request (P2-201 B07, B08): the station delivers (part of) a requested report; `tbc`
/// says more follows.
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

/// One attribute (actual, target, bounds) of a variable, with its value and mutability
/// (`VariableAttributeType`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VariableAttribute {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Attribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<CiString<2500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mutability: Option<Mutability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constant: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Whether a variable attribute may be read, written or both (`MutabilityEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mutability {
    ReadOnly,
    WriteOnly,
    ReadWrite,
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
    pub values_list: Option<CiString<1000>>,
    pub supports_monitoring: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// The data type of a device-model variable's value (all values travel as strings)
/// (`DataEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Data {
    #[serde(rename = "string")]
    String,
    #[serde(rename = "decimal")]
    Decimal,
    #[serde(rename = "integer")]
    Integer,
    #[serde(rename = "dateTime")]
    DateTime,
    #[serde(rename = "boolean")]
    Boolean,
    OptionList,
    SequenceList,
    MemberList,
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

/// NotifyReport response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyReportResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Reset request (P2-201 B11, B12): the CSMS asks the station, or one EVSE, to reset.
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

/// `ResetStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResetStatus {
    Accepted,
    Rejected,
    Scheduled,
}

/// SetNetworkProfile request (P2-201 B09): the CSMS stores connection data in a configuration slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetNetworkProfileRequest {
    pub configuration_slot: i32,
    pub connection_data: NetworkConnectionProfile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetNetworkProfile response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetNetworkProfileResponse {
    pub status: SetNetworkProfileStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SetNetworkProfileStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SetNetworkProfileStatus {
    Accepted,
    Rejected,
    Failed,
}

/// SetVariables request (P2-201 B05): the CSMS writes device-model variables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetVariablesRequest {
    /// At least 1 item in the schema; not enforced when read.
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
    pub attribute_value: CiString<1000>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetVariables response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetVariablesResponse {
    /// At least 1 item in the schema; not enforced when read.
    pub set_variable_result: Vec<SetVariableResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SetVariableStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SetVariableStatus {
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
    RebootRequired,
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
