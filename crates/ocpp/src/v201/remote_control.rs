//! Remote control: functional block F of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::schedule::ChargingProfile;
use super::types::{CustomData, Evse, IdToken, StatusInfo};
use crate::CiString;

requests! {
    RequestStartTransactionRequest => RequestStartTransactionResponse, RequestStartTransaction;
    RequestStopTransactionRequest => RequestStopTransactionResponse, RequestStopTransaction;
    TriggerMessageRequest => TriggerMessageResponse, TriggerMessage;
    UnlockConnectorRequest => UnlockConnectorResponse, UnlockConnector;
}

/// RequestStartTransaction request (P2-201 F01, F02): the CSMS asks the station to start a
/// transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestStartTransactionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id_token: Option<IdToken>,
    pub id_token: IdToken,
    pub remote_start_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile: Option<ChargingProfile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// RequestStartTransaction response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestStartTransactionResponse {
    pub status: RequestStartStopStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `RequestStartStopStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestStartStopStatus {
    Accepted,
    Rejected,
}

/// RequestStopTransaction request (P2-201 F03): the CSMS asks the station to stop a transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestStopTransactionRequest {
    pub transaction_id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// RequestStopTransaction response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestStopTransactionResponse {
    pub status: RequestStartStopStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// TriggerMessage request (P2-201 F06): the CSMS asks the station to send a given message now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TriggerMessageRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    pub requested_message: MessageTrigger,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Which message TriggerMessage asks for (`MessageTriggerEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageTrigger {
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargingStationCertificate,
    SignV2GCertificate,
    StatusNotification,
    TransactionEvent,
    SignCombinedCertificate,
    PublishFirmwareStatusNotification,
}

/// TriggerMessage response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TriggerMessageResponse {
    pub status: TriggerMessageStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TriggerMessageStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TriggerMessageStatus {
    Accepted,
    Rejected,
    NotImplemented,
}

/// UnlockConnector request (P2-201 F05): the CSMS asks the station to unlock a connector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnlockConnectorRequest {
    pub evse_id: u32,
    pub connector_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// UnlockConnector response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnlockConnectorResponse {
    pub status: UnlockStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `UnlockStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnlockStatus {
    Unlocked,
    UnlockFailed,
    OngoingAuthorizedTransaction,
    UnknownConnector,
}
