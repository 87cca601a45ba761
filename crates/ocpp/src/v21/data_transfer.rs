//! Data transfer: functional block P of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::types::{CustomData, StatusInfo};
use crate::CiString;

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::DataTransferStatus;

requests! {
    DataTransferRequest => DataTransferResponse, DataTransfer;
}

/// DataTransfer request: vendor-specific data, in either direction; `data` may be any JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataTransferRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    pub vendor_id: CiString<255>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// DataTransfer response, sent by whichever side received the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataTransferResponse {
    pub status: DataTransferStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
