//! Core profile.

use serde::{Deserialize, Serialize};

use super::types::{ChargingProfile, IdTagInfo, IdToken, MeterValue};
use crate::{CiString, Timestamp};

requests! {
    AuthorizeRequest => AuthorizeResponse, Authorize;
    BootNotificationRequest => BootNotificationResponse, BootNotification;
    ChangeAvailabilityRequest => ChangeAvailabilityResponse, ChangeAvailability;
    ChangeConfigurationRequest => ChangeConfigurationResponse, ChangeConfiguration;
    ClearCacheRequest => ClearCacheResponse, ClearCache;
    DataTransferRequest => DataTransferResponse, DataTransfer;
    GetConfigurationRequest => GetConfigurationResponse, GetConfiguration;
    HeartbeatRequest => HeartbeatResponse, Heartbeat;
    MeterValuesRequest => MeterValuesResponse, MeterValues;
    RemoteStartTransactionRequest => RemoteStartTransactionResponse, RemoteStartTransaction;
    RemoteStopTransactionRequest => RemoteStopTransactionResponse, RemoteStopTransaction;
    ResetRequest => ResetResponse, Reset;
    StartTransactionRequest => StartTransactionResponse, StartTransaction;
    StatusNotificationRequest => StatusNotificationResponse, StatusNotification;
    StopTransactionRequest => StopTransactionResponse, StopTransaction;
    UnlockConnectorRequest => UnlockConnectorResponse, UnlockConnector;
}

/// Authorize.req, sent by the charge point: may this identifier charge?
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizeRequest {
    pub id_tag: IdToken,
}

/// Authorize.conf, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizeResponse {
    pub id_tag_info: IdTagInfo,
}

/// BootNotification.req, sent by the charge point after (re)booting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BootNotificationRequest {
    pub charge_point_vendor: CiString<20>,
    pub charge_point_model: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_point_serial_number: Option<CiString<25>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_box_serial_number: Option<CiString<25>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware_version: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iccid: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imsi: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_type: Option<CiString<25>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_serial_number: Option<CiString<25>>,
}

/// Whether the central system registers the charge point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegistrationStatus {
    Accepted,
    Pending,
    Rejected,
}

/// BootNotification.conf, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BootNotificationResponse {
    pub status: RegistrationStatus,
    pub current_time: Timestamp,
    /// Seconds: the heartbeat interval if accepted, else the wait before retrying.
    pub interval: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AvailabilityType {
    Inoperative,
    Operative,
}

/// ChangeAvailability.req, sent by the central system. Connector 0 is the whole charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeAvailabilityRequest {
    pub connector_id: u32,
    #[serde(rename = "type")]
    pub kind: AvailabilityType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AvailabilityStatus {
    Accepted,
    Rejected,
    Scheduled,
}

/// ChangeAvailability.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeAvailabilityResponse {
    pub status: AvailabilityStatus,
}

/// ChangeConfiguration.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeConfigurationRequest {
    pub key: CiString<50>,
    pub value: CiString<500>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConfigurationStatus {
    Accepted,
    Rejected,
    RebootRequired,
    NotSupported,
}

/// ChangeConfiguration.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeConfigurationResponse {
    pub status: ConfigurationStatus,
}

/// ClearCache.req, sent by the central system (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ClearCacheRequest {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClearCacheStatus {
    Accepted,
    Rejected,
}

/// ClearCache.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearCacheResponse {
    pub status: ClearCacheStatus,
}

/// DataTransfer.req, sent by either side. `data` is a string of any length.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataTransferRequest {
    pub vendor_id: CiString<255>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DataTransferStatus {
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId,
}

/// DataTransfer.conf, sent by whichever side received the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataTransferResponse {
    pub status: DataTransferStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

/// GetConfiguration.req, sent by the central system. No keys means every key.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetConfigurationRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key: Vec<CiString<50>>,
}

/// One configuration key and its value (note the all-lowercase `readonly`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyValue {
    pub key: CiString<50>,
    pub readonly: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<CiString<500>>,
}

/// GetConfiguration.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetConfigurationResponse {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub configuration_key: Vec<KeyValue>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown_key: Vec<CiString<50>>,
}

/// Heartbeat.req, sent by the charge point (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HeartbeatRequest {}

/// Heartbeat.conf, sent by the central system with its clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeartbeatResponse {
    pub current_time: Timestamp,
}

/// MeterValues.req, sent by the charge point. The schema wants at least one meter value;
/// decoding does not enforce it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeterValuesRequest {
    pub connector_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<i32>,
    pub meter_value: Vec<MeterValue>,
}

/// MeterValues.conf, sent by the central system (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MeterValuesResponse {}

/// RemoteStartTransaction.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteStartTransactionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<u32>,
    pub id_tag: IdToken,
    /// Must be a `TxProfile`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile: Option<ChargingProfile>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RemoteStartStopStatus {
    Accepted,
    Rejected,
}

/// RemoteStartTransaction.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteStartTransactionResponse {
    pub status: RemoteStartStopStatus,
}

/// RemoteStopTransaction.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteStopTransactionRequest {
    pub transaction_id: i32,
}

/// RemoteStopTransaction.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteStopTransactionResponse {
    pub status: RemoteStartStopStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResetType {
    Hard,
    Soft,
}

/// Reset.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetRequest {
    #[serde(rename = "type")]
    pub kind: ResetType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResetStatus {
    Accepted,
    Rejected,
}

/// Reset.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetResponse {
    pub status: ResetStatus,
}

/// StartTransaction.req, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StartTransactionRequest {
    pub connector_id: u32,
    pub id_tag: IdToken,
    /// Meter register in Wh at the start.
    pub meter_start: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<i32>,
    pub timestamp: Timestamp,
}

/// StartTransaction.conf, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StartTransactionResponse {
    pub id_tag_info: IdTagInfo,
    pub transaction_id: i32,
}

/// A connector's (or, for connector 0, the charge point's) error condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargePointErrorCode {
    ConnectorLockFailure,
    #[serde(rename = "EVCommunicationError")]
    EvCommunicationError,
    GroundFailure,
    HighTemperature,
    InternalError,
    LocalListConflict,
    NoError,
    OtherError,
    OverCurrentFailure,
    PowerMeterFailure,
    PowerSwitchFailure,
    ReaderFailure,
    ResetFailure,
    UnderVoltage,
    OverVoltage,
    WeakSignal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargePointStatus {
    Available,
    Preparing,
    Charging,
    #[serde(rename = "SuspendedEVSE")]
    SuspendedEvse,
    #[serde(rename = "SuspendedEV")]
    SuspendedEv,
    Finishing,
    Reserved,
    Unavailable,
    Faulted,
}

/// StatusNotification.req, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusNotificationRequest {
    pub connector_id: u32,
    pub error_code: ChargePointErrorCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<CiString<50>>,
    pub status: ChargePointStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<CiString<255>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_error_code: Option<CiString<50>>,
}

/// StatusNotification.conf, sent by the central system (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StatusNotificationResponse {}

/// Why a transaction stopped (absent means `Local`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reason {
    EmergencyStop,
    #[serde(rename = "EVDisconnected")]
    EvDisconnected,
    HardReset,
    Local,
    Other,
    PowerLoss,
    Reboot,
    Remote,
    SoftReset,
    UnlockCommand,
    DeAuthorized,
}

/// StopTransaction.req, sent by the charge point. `reason` is optional (the original 1.6
/// schema wrongly required it; J16E §2.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StopTransactionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_tag: Option<IdToken>,
    /// Meter register in Wh at the end.
    pub meter_stop: i64,
    pub timestamp: Timestamp,
    pub transaction_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transaction_data: Vec<MeterValue>,
}

/// StopTransaction.conf, sent by the central system.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StopTransactionResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_tag_info: Option<IdTagInfo>,
}

/// UnlockConnector.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnlockConnectorRequest {
    pub connector_id: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnlockStatus {
    Unlocked,
    UnlockFailed,
    NotSupported,
}

/// UnlockConnector.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnlockConnectorResponse {
    pub status: UnlockStatus,
}
