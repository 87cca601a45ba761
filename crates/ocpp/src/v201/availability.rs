//! Availability: functional block G of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, Evse, StatusInfo};
use crate::Timestamp;

requests! {
    ChangeAvailabilityRequest => ChangeAvailabilityResponse, ChangeAvailability;
    HeartbeatRequest => HeartbeatResponse, Heartbeat;
    StatusNotificationRequest => StatusNotificationResponse, StatusNotification;
}

/// ChangeAvailability request (P2-201 G03, G04): the CSMS makes the station, an EVSE or a connector
/// (in)operative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeAvailabilityRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    pub operational_status: OperationalStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// What ChangeAvailability asks for (`OperationalStatusEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OperationalStatus {
    Inoperative,
    Operative,
}

/// ChangeAvailability response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeAvailabilityResponse {
    pub status: ChangeAvailabilityStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ChangeAvailabilityStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeAvailabilityStatus {
    Accepted,
    Rejected,
    Scheduled,
}

/// Heartbeat request (P2-201 G02): the station shows it is alive and learns the CSMS time.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeartbeatRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Heartbeat response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HeartbeatResponse {
    pub current_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// StatusNotification request (P2-201 G01): the station reports a connector's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusNotificationRequest {
    pub timestamp: Timestamp,
    pub connector_status: ConnectorStatus,
    pub evse_id: u32,
    pub connector_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// A connector's status as StatusNotification reports it (fewer states than 1.6)
/// (`ConnectorStatusEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConnectorStatus {
    Available,
    Occupied,
    Reserved,
    Unavailable,
    Faulted,
}

/// StatusNotification response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
