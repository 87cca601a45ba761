//! Diagnostics: functional block N of OCPP 2.1 Part 2, periodic event streams included.

use serde::{Deserialize, Serialize};

use super::types::{
    CertificateHashData, Component, ComponentVariable, CustomData, GenericDeviceModelStatus,
    GenericStatus, IdToken, StatusInfo, Variable,
};
use crate::{CiString, Timestamp};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{
    ClearMonitoringStatus, CustomerInformationStatus, EventNotification, EventTrigger, LogStatus,
    MonitoringBase, MonitoringCriterion, SetMonitoringStatus, UploadLogStatus,
};

requests! {
    AdjustPeriodicEventStreamRequest => AdjustPeriodicEventStreamResponse, AdjustPeriodicEventStream;
    ClearVariableMonitoringRequest => ClearVariableMonitoringResponse, ClearVariableMonitoring;
    ClosePeriodicEventStreamRequest => ClosePeriodicEventStreamResponse, ClosePeriodicEventStream;
    CustomerInformationRequest => CustomerInformationResponse, CustomerInformation;
    GetLogRequest => GetLogResponse, GetLog;
    GetMonitoringReportRequest => GetMonitoringReportResponse, GetMonitoringReport;
    GetPeriodicEventStreamRequest => GetPeriodicEventStreamResponse, GetPeriodicEventStream;
    LogStatusNotificationRequest => LogStatusNotificationResponse, LogStatusNotification;
    NotifyCustomerInformationRequest => NotifyCustomerInformationResponse, NotifyCustomerInformation;
    NotifyEventRequest => NotifyEventResponse, NotifyEvent;
    NotifyMonitoringReportRequest => NotifyMonitoringReportResponse, NotifyMonitoringReport;
    NotifyPeriodicEventStreamRequest => (), NotifyPeriodicEventStream;
    OpenPeriodicEventStreamRequest => OpenPeriodicEventStreamResponse, OpenPeriodicEventStream;
    SetMonitoringBaseRequest => SetMonitoringBaseResponse, SetMonitoringBase;
    SetMonitoringLevelRequest => SetMonitoringLevelResponse, SetMonitoringLevel;
    SetVariableMonitoringRequest => SetVariableMonitoringResponse, SetVariableMonitoring;
}

/// AdjustPeriodicEventStream request: the CSMS changes the rate of a periodic event stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdjustPeriodicEventStreamRequest {
    pub id: u32,
    pub params: PeriodicEventStreamParams,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// How often a periodic event stream sends: an interval in seconds and a number of values per
/// message (`PeriodicEventStreamParamsType`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodicEventStreamParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// AdjustPeriodicEventStream response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdjustPeriodicEventStreamResponse {
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClearVariableMonitoring request: the CSMS removes variable monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearVariableMonitoringRequest {
    pub id: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClearVariableMonitoring response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearVariableMonitoringResponse {
    pub clear_monitoring_result: Vec<ClearMonitoringResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ClearMonitoringResultType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearMonitoringResult {
    pub status: ClearMonitoringStatus,
    pub id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClosePeriodicEventStream request: the station closes a periodic event stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClosePeriodicEventStreamRequest {
    pub id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClosePeriodicEventStream response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClosePeriodicEventStreamResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// CustomerInformation request: the CSMS asks for (or clears) data the station keeps about a
/// customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerInformationRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_certificate: Option<CertificateHashData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<IdToken>,
    pub request_id: u32,
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

/// GetLog request: the CSMS asks the station to upload a log.
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
    pub remote_location: CiString<2000>,
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
    DataCollectorLog,
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

/// GetMonitoringReport request: the CSMS asks for a report of monitors, delivered by
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

/// GetPeriodicEventStream request: the CSMS asks which periodic event streams are open.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetPeriodicEventStreamRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetPeriodicEventStream response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetPeriodicEventStreamResponse {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constant_stream_data: Vec<ConstantStreamData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// An open periodic event stream: its id, the monitor it streams and its rate
/// (`ConstantStreamDataType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConstantStreamData {
    pub id: u32,
    pub params: PeriodicEventStreamParams,
    pub variable_monitoring_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// LogStatusNotification request: the station reports progress of a log upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogStatusNotificationRequest {
    pub status: UploadLogStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// LogStatusNotification response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogStatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyCustomerInformation request: the station delivers requested customer data; `tbc` says more
/// follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyCustomerInformationRequest {
    pub data: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: u32,
    pub generated_at: Timestamp,
    pub request_id: u32,
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

/// NotifyEvent request: the station reports monitoring events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyEventRequest {
    pub generated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: u32,
    pub event_data: Vec<EventData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One event NotifyEvent reports: a monitor triggering, or a hard-wired notification
/// (`EventDataType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventData {
    pub event_id: u32,
    pub timestamp: Timestamp,
    pub trigger: EventTrigger,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<u32>,
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
    pub variable_monitoring_id: Option<u32>,
    pub event_notification_type: EventNotification,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u32>,
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

/// NotifyMonitoringReport request: the station delivers (part of) a monitoring report.
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

/// `MonitoringDataType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringData {
    pub component: Component,
    pub variable: Variable,
    pub variable_monitoring: Vec<VariableMonitoring>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `VariableMonitoringType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VariableMonitoring {
    pub id: u32,
    pub transaction: bool,
    pub value: f64,
    #[serde(rename = "type")]
    pub kind: Monitor,
    pub severity: u32,
    pub event_notification_type: EventNotification,
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
    TargetDelta,
    TargetDeltaRelative,
}

/// NotifyMonitoringReport response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyMonitoringReportResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyPeriodicEventStream request: the station streams monitored values. Sent as a SEND (message
/// type 6): it has no response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyPeriodicEventStreamRequest {
    pub data: Vec<StreamDataElement>,
    pub id: u32,
    pub pending: u32,
    pub basetime: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One value of a periodic event stream: an offset in seconds from the message's `basetime`, and
/// the value (`StreamDataElementType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StreamDataElement {
    pub t: f64,
    pub v: CiString<2500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// OpenPeriodicEventStream request: the station opens a stream for the values of a periodic
/// monitor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenPeriodicEventStreamRequest {
    pub constant_stream_data: ConstantStreamData,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// OpenPeriodicEventStream response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenPeriodicEventStreamResponse {
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetMonitoringBase request: the CSMS activates a predefined set of monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetMonitoringBaseRequest {
    pub monitoring_base: MonitoringBase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
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

/// SetMonitoringLevel request: the CSMS sets the severity threshold for reported events.
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

/// SetVariableMonitoring request: the CSMS installs variable monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetVariableMonitoringRequest {
    pub set_monitoring_data: Vec<SetMonitoringData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SetMonitoringDataType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetMonitoringData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periodic_event_stream: Option<PeriodicEventStreamParams>,
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
    pub set_monitoring_result: Vec<SetMonitoringResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SetMonitoringResultType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetMonitoringResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u32>,
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
