//! Meter values: functional block J of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};

use super::metering::MeterValue;
use super::types::CustomData;

requests! {
    MeterValuesRequest => MeterValuesResponse, MeterValues;
}

/// MeterValues request: the station reports readings outside transactions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeterValuesRequest {
    pub evse_id: u32,
    pub meter_value: Vec<MeterValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// MeterValues response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeterValuesResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
