//! Battery swapping: functional block S of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, GenericStatus, IdToken, StatusInfo};
use crate::{CiString, Timestamp};

requests! {
    BatterySwapRequest => BatterySwapResponse, BatterySwap;
    RequestBatterySwapRequest => RequestBatterySwapResponse, RequestBatterySwap;
}

/// BatterySwap request: the station reports that batteries were taken in or out of a swap station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatterySwapRequest {
    pub battery_data: Vec<BatteryData>,
    pub event_type: BatterySwapEvent,
    pub id_token: IdToken,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One battery of a swap station: where it is, its serial number, state of charge and state of
/// health (`BatteryDataType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatteryData {
    pub evse_id: u32,
    pub serial_number: CiString<50>,
    #[serde(rename = "soC")]
    pub soc: f64,
    #[serde(rename = "soH")]
    pub soh: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub production_date: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_info: Option<CiString<500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `BatterySwapEventEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BatterySwapEvent {
    BatteryIn,
    BatteryOut,
    BatteryOutTimeout,
}

/// BatterySwap response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatterySwapResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// RequestBatterySwap request: the CSMS asks a swap station to start a battery swap for an id
/// token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestBatterySwapRequest {
    pub id_token: IdToken,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// RequestBatterySwap response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestBatterySwapResponse {
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
