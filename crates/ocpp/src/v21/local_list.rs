//! Local authorization list management: functional block D of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, IdToken, IdTokenInfo, StatusInfo};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{SendLocalListStatus, Update};

requests! {
    GetLocalListVersionRequest => GetLocalListVersionResponse, GetLocalListVersion;
    SendLocalListRequest => SendLocalListResponse, SendLocalList;
}

/// GetLocalListVersion request: the CSMS asks which local authorization list version the station
/// has.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLocalListVersionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetLocalListVersion response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLocalListVersionResponse {
    pub version_number: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SendLocalList request: the CSMS replaces or updates the local authorization list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendLocalListRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_authorization_list: Vec<AuthorizationData>,
    pub version_number: i32,
    pub update_type: Update,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One entry of the local authorization list: an id token and, unless removed, its info
/// (`AuthorizationData`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationData {
    pub id_token: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token_info: Option<IdTokenInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SendLocalList response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendLocalListResponse {
    pub status: SendLocalListStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
