//! Availability: functional block G of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, Evse, StatusInfo};
use crate::Timestamp;

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{ChangeAvailabilityStatus, ConnectorStatus, OperationalStatus};

requests! {
    ChangeAvailabilityRequest => ChangeAvailabilityResponse, ChangeAvailability;
    HeartbeatRequest => HeartbeatResponse, Heartbeat;
    StatusNotificationRequest => StatusNotificationResponse, StatusNotification;
}

/// ChangeAvailability request: the CSMS makes the station, an EVSE or a connector (in)operative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeAvailabilityRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    pub operational_status: OperationalStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
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

/// Heartbeat request: the station shows it is alive and learns the CSMS time.
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

/// StatusNotification request: the station reports a connector's status.
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

/// StatusNotification response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
