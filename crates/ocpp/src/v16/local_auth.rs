//! Local Auth List Management profile.

use serde::{Deserialize, Serialize};

use super::types::{IdTagInfo, IdToken};

requests! {
    GetLocalListVersionRequest => GetLocalListVersionResponse, GetLocalListVersion;
    SendLocalListRequest => SendLocalListResponse, SendLocalList;
}

/// GetLocalListVersion.req, sent by the central system (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetLocalListVersionRequest {}

/// GetLocalListVersion.conf, sent by the charge point. `0` means the list is empty, `-1`
/// that the charge point has no local list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLocalListVersionResponse {
    pub list_version: i32,
}

/// One entry of the local authorization list; no `idTagInfo` in a differential update
/// removes the entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationData {
    pub id_tag: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_tag_info: Option<IdTagInfo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UpdateType {
    Differential,
    Full,
}

/// SendLocalList.req, sent by the central system. An empty list is left out, which means
/// the same as `[]`: a `Full` update without entries empties the local list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendLocalListRequest {
    pub list_version: i32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_authorization_list: Vec<AuthorizationData>,
    pub update_type: UpdateType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UpdateStatus {
    Accepted,
    Failed,
    NotSupported,
    VersionMismatch,
}

/// SendLocalList.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendLocalListResponse {
    pub status: UpdateStatus,
}
