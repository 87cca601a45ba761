//! Security: functional block A of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CertificateHashData, CustomData, GenericStatus, StatusInfo};
use crate::{CiString, Timestamp};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::CertificateSignedStatus;

requests! {
    CertificateSignedRequest => CertificateSignedResponse, CertificateSigned;
    SecurityEventNotificationRequest => SecurityEventNotificationResponse, SecurityEventNotification;
    SignCertificateRequest => SignCertificateResponse, SignCertificate;
}

/// CertificateSigned request: the CSMS returns the certificate chain signed from the station's CSR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSignedRequest {
    pub certificate_chain: CiString<10000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<CertificateSigningUse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CertificateSigningUseEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateSigningUse {
    ChargingStationCertificate,
    V2GCertificate,
    V2G20Certificate,
}

/// CertificateSigned response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSignedResponse {
    pub status: CertificateSignedStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SecurityEventNotification request: the station reports a security event (critical ones always).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityEventNotificationRequest {
    #[serde(rename = "type")]
    pub kind: CiString<50>,
    pub timestamp: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_info: Option<CiString<255>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SecurityEventNotification response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityEventNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SignCertificate request: the station sends a CSR for the CSMS to have signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignCertificateRequest {
    pub csr: CiString<5500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<CertificateSigningUse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash_root_certificate: Option<CertificateHashData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SignCertificate response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignCertificateResponse {
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
