//! Authorization: functional block C of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, IdToken, IdTokenInfo, OcspRequestData, StatusInfo};
use crate::CiString;

requests! {
    AuthorizeRequest => AuthorizeResponse, Authorize;
    ClearCacheRequest => ClearCacheResponse, ClearCache;
}

/// Authorize request (P2-201 C01, C07): the station asks whether an id token may charge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizeRequest {
    pub id_token: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CiString<5500>>,
    /// 1 to 4 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub iso15118_certificate_hash_data: Vec<OcspRequestData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Authorize response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizeResponse {
    pub id_token_info: IdTokenInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_status: Option<AuthorizeCertificateStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `AuthorizeCertificateStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuthorizeCertificateStatus {
    Accepted,
    SignatureError,
    CertificateExpired,
    CertificateRevoked,
    NoCertificateAvailable,
    CertChainError,
    ContractCancelled,
}

/// ClearCache request (P2-201 C11): the CSMS clears the station's authorization cache.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearCacheRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClearCache response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearCacheResponse {
    pub status: ClearCacheStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ClearCacheStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClearCacheStatus {
    Accepted,
    Rejected,
}
