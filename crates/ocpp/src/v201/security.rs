//! Security: functional block A of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, GenericStatus, StatusInfo};
use crate::{CiString, Timestamp};

requests! {
    CertificateSignedRequest => CertificateSignedResponse, CertificateSigned;
    SecurityEventNotificationRequest =>
        SecurityEventNotificationResponse, SecurityEventNotification;
    SignCertificateRequest => SignCertificateResponse, SignCertificate;
}

/// CertificateSigned request (P2-201 A02, A03): the CSMS returns the certificate chain signed from
/// the station's CSR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSignedRequest {
    pub certificate_chain: CiString<10000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<CertificateSigningUse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CertificateSigningUseEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateSigningUse {
    ChargingStationCertificate,
    V2GCertificate,
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

/// `CertificateSignedStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateSignedStatus {
    Accepted,
    Rejected,
}

/// SecurityEventNotification request (P2-201 A04): the station reports a security event (critical
/// ones always).
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

/// SignCertificate request (P2-201 A02, A03): the station sends a CSR for the CSMS to have signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignCertificateRequest {
    pub csr: CiString<5500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<CertificateSigningUse>,
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
