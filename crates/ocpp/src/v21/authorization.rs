//! Authorization: functional block C of OCPP 2.1 Part 2, with the payment messages 2.1 adds to it.

use serde::{Deserialize, Serialize};

use super::tariff::Tariff;
use super::types::{
    CustomData, EnergyTransferMode, GenericStatus, IdToken, IdTokenInfo, OcspRequestData,
    StatusInfo,
};
use crate::{CiString, Timestamp};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{AuthorizeCertificateStatus, ClearCacheStatus};

requests! {
    AuthorizeRequest => AuthorizeResponse, Authorize;
    ClearCacheRequest => ClearCacheResponse, ClearCache;
    NotifySettlementRequest => NotifySettlementResponse, NotifySettlement;
    NotifyWebPaymentStartedRequest => NotifyWebPaymentStartedResponse, NotifyWebPaymentStarted;
    VatNumberValidationRequest => VatNumberValidationResponse, VatNumberValidation;
}

/// Authorize request: the station asks whether an id token may charge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizeRequest {
    pub id_token: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CiString<10000>>,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_energy_transfer: Vec<EnergyTransferMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tariff: Option<Tariff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClearCache request: the CSMS clears the station's authorization cache.
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

/// NotifySettlement request: the station reports the settlement of a payment made at its payment
/// terminal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifySettlementRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    pub psp_ref: CiString<255>,
    pub status: PaymentStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<CiString<500>>,
    pub settlement_amount: f64,
    pub settlement_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_id: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_url: Option<CiString<2000>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_company: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// How a payment at the station was settled (`PaymentStatusEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaymentStatus {
    Settled,
    Canceled,
    Rejected,
    Failed,
}

/// A postal address, for an invoice (`AddressType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub name: CiString<50>,
    pub address1: CiString<100>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address2: Option<CiString<100>>,
    pub city: CiString<100>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<CiString<20>>,
    pub country: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifySettlement response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifySettlementResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_url: Option<CiString<2000>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_id: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyWebPaymentStarted request: the CSMS tells the station that a driver started paying on a
/// web page (e.g. via a QR code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyWebPaymentStartedRequest {
    pub evse_id: u32,
    pub timeout: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyWebPaymentStarted response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyWebPaymentStartedResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// VatNumberValidation request: the station asks the CSMS to check a VAT number for a company
/// invoice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VatNumberValidationRequest {
    pub vat_number: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// VatNumberValidation response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VatNumberValidationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    pub vat_number: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
