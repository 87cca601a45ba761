//! Diagnostics (monitoring, logs, customer information): functional block N of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{
    CertificateHashData, Component, ComponentVariable, CustomData, GenericDeviceModelStatus,
    GenericStatus, IdToken, StatusInfo, Variable,
};
use crate::{CiString, Timestamp};

requests! {
    ClearVariableMonitoringRequest => ClearVariableMonitoringResponse, ClearVariableMonitoring;
    CustomerInformationRequest => CustomerInformationResponse, CustomerInformation;
    GetLogRequest => GetLogResponse, GetLog;
    GetMonitoringReportRequest => GetMonitoringReportResponse, GetMonitoringReport;
    LogStatusNotificationRequest => LogStatusNotificationResponse, LogStatusNotification;
    NotifyCustomerInformationRequest =>
        NotifyCustomerInformationResponse, NotifyCustomerInformation;
    NotifyEventRequest => NotifyEventResponse, NotifyEvent;
    NotifyMonitoringReportRequest => NotifyMonitoringReportResponse, NotifyMonitoringReport;
    SetMonitoringBaseRequest => SetMonitoringBaseResponse, SetMonitoringBase;
    SetMonitoringLevelRequest => SetMonitoringLevelResponse, SetMonitoringLevel;
    SetVariableMonitoringRequest => SetVariableMonitoringResponse, SetVariableMonitoring;
}

/// ClearVariableMonitoring request (P2-201 N06): the CSMS removes variable monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearVariableMonitoringRequest {
    /// At least 1 item in the schema; not enforced when read.
    pub id: Vec<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClearVariableMonitoring response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearVariableMonitoringResponse {
    /// At least 1 item in the schema; not enforced when read.
    pub clear_monitoring_result: Vec<ClearMonitoringResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ClearMonitoringStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClearMonitoringStatus {
    Accepted,
    Rejected,
    NotFound,
}

/// `ClearMonitoringResultType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearMonitoringResult {
    pub status: ClearMonitoringStatus,
    pub id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// CustomerInformation request (P2-201 N09, N10): the CSMS asks for (or clears) data the station
/// keeps about a customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerInformationRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_certificate: Option<CertificateHashData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<IdToken>,
    pub request_id: i32,
    pub report: bool,
    pub clear: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_identifier: Option<CiString<64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// CustomerInformation response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerInformationResponse {
    pub status: CustomerInformationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CustomerInformationStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CustomerInformationStatus {
    Accepted,
    Rejected,
    Invalid,
}

/// GetLog request (P2-201 N01): the CSMS asks the station to upload a log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLogRequest {
    pub log: LogParameters,
    pub log_type: Log,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Where to upload a log, and which time span it covers (`LogParametersType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogParameters {
    pub remote_location: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oldest_timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Which log GetLog asks for (`LogEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Log {
    DiagnosticsLog,
    SecurityLog,
}

/// GetLog response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLogResponse {
    pub status: LogStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<CiString<255>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `LogStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LogStatus {
    Accepted,
    Rejected,
    AcceptedCanceled,
}

/// GetMonitoringReport request (P2-201 N02): the CSMS asks for a report of monitors, delivered by
/// NotifyMonitoringReport.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetMonitoringReportRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub component_variable: Vec<ComponentVariable>,
    pub request_id: i32,
    /// 1 to 3 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monitoring_criteria: Vec<MonitoringCriterion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `MonitoringCriterionEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MonitoringCriterion {
    ThresholdMonitoring,
    DeltaMonitoring,
    PeriodicMonitoring,
}

/// GetMonitoringReport response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetMonitoringReportResponse {
    pub status: GenericDeviceModelStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// LogStatusNotification request (P2-201 N01): the station reports progress of a log upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogStatusNotificationRequest {
    pub status: UploadLogStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `UploadLogStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UploadLogStatus {
    BadMessage,
    Idle,
    NotSupportedOperation,
    PermissionDenied,
    Uploaded,
    UploadFailure,
    Uploading,
    AcceptedCanceled,
}

/// LogStatusNotification response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogStatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyCustomerInformation request (P2-201 N09): the station delivers requested customer data;
/// `tbc` says more follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyCustomerInformationRequest {
    pub data: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: u32,
    pub generated_at: Timestamp,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyCustomerInformation response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyCustomerInformationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyEvent request (P2-201 N07, N08): the station reports monitoring events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyEventRequest {
    pub generated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: u32,
    /// At least 1 item in the schema; not enforced when read.
    pub event_data: Vec<EventData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `EventTriggerEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventTrigger {
    Alerting,
    Delta,
    Periodic,
}

/// `EventNotificationEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventNotification {
    HardWiredNotification,
    HardWiredMonitor,
    PreconfiguredMonitor,
    CustomMonitor,
}

/// One event NotifyEvent reports: a monitor triggering, or a hard-wired notification
/// (`EventDataType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventData {
    pub event_id: i32,
    pub timestamp: Timestamp,
    pub trigger: EventTrigger,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<i32>,
    pub actual_value: CiString<2500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_code: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_info: Option<CiString<500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    pub component: Component,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_monitoring_id: Option<i32>,
    pub event_notification_type: EventNotification,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyEvent response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyEventResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyMonitoringReport request (P2-201 N02): the station delivers (part of) a monitoring report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyMonitoringReportRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monitor: Vec<MonitoringData>,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: u32,
    pub generated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `VariableMonitoringType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VariableMonitoring {
    pub id: i32,
    pub transaction: bool,
    pub value: f64,
    #[serde(rename = "type")]
    pub kind: Monitor,
    pub severity: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// How a variable monitor triggers: thresholds, deltas or periodic reports (`MonitorEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Monitor {
    UpperThreshold,
    LowerThreshold,
    Delta,
    Periodic,
    PeriodicClockAligned,
}

/// `MonitoringDataType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringData {
    pub component: Component,
    pub variable: Variable,
    /// At least 1 item in the schema; not enforced when read.
    pub variable_monitoring: Vec<VariableMonitoring>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyMonitoringReport response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyMonitoringReportResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetMonitoringBase request (P2-201 N03): the CSMS activates a predefined set of monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetMonitoringBaseRequest {
    pub monitoring_base: MonitoringBase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `MonitoringBaseEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MonitoringBase {
    All,
    FactoryDefault,
    HardWiredOnly,
}

/// SetMonitoringBase response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetMonitoringBaseResponse {
    pub status: GenericDeviceModelStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetMonitoringLevel request (P2-201 N05): the CSMS sets the severity threshold for reported
/// events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetMonitoringLevelRequest {
    pub severity: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetMonitoringLevel response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetMonitoringLevelResponse {
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetVariableMonitoring request (P2-201 N04): the CSMS installs variable monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetVariableMonitoringRequest {
    /// At least 1 item in the schema; not enforced when read.
    pub set_monitoring_data: Vec<SetMonitoringData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SetMonitoringDataType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetMonitoringData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction: Option<bool>,
    pub value: f64,
    #[serde(rename = "type")]
    pub kind: Monitor,
    pub severity: u32,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetVariableMonitoring response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetVariableMonitoringResponse {
    /// At least 1 item in the schema; not enforced when read.
    pub set_monitoring_result: Vec<SetMonitoringResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SetMonitoringStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SetMonitoringStatus {
    Accepted,
    UnknownComponent,
    UnknownVariable,
    UnsupportedMonitorType,
    Rejected,
    Duplicate,
}

/// `SetMonitoringResultType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetMonitoringResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    pub status: SetMonitoringStatus,
    #[serde(rename = "type")]
    pub kind: Monitor,
    pub component: Component,
    pub variable: Variable,
    pub severity: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
