//! Reservation: functional block H of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, IdToken, StatusInfo};
use crate::Timestamp;

requests! {
    CancelReservationRequest => CancelReservationResponse, CancelReservation;
    ReservationStatusUpdateRequest => ReservationStatusUpdateResponse, ReservationStatusUpdate;
    ReserveNowRequest => ReserveNowResponse, ReserveNow;
}

/// CancelReservation request (P2-201 H02): the CSMS cancels a reservation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelReservationRequest {
    pub reservation_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// CancelReservation response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelReservationResponse {
    pub status: CancelReservationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CancelReservationStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CancelReservationStatus {
    Accepted,
    Rejected,
}

/// ReservationStatusUpdate request (P2-201 H04): the station reports that a reservation expired or
/// was removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservationStatusUpdateRequest {
    pub reservation_id: i32,
    pub reservation_update_status: ReservationUpdateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ReservationUpdateStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReservationUpdateStatus {
    Expired,
    Removed,
}

/// ReservationStatusUpdate response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservationStatusUpdateResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ReserveNow request (P2-201 H01): the CSMS reserves an EVSE (or the station) for an id token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReserveNowRequest {
    pub id: i32,
    pub expiry_date_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_type: Option<Connector>,
    pub id_token: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id_token: Option<IdToken>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// The connector type a reservation asks for (`ConnectorEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Connector {
    #[serde(rename = "cCCS1")]
    CCcs1,
    #[serde(rename = "cCCS2")]
    CCcs2,
    #[serde(rename = "cG105")]
    CG105,
    #[serde(rename = "cTesla")]
    CTesla,
    #[serde(rename = "cType1")]
    CType1,
    #[serde(rename = "cType2")]
    CType2,
    #[serde(rename = "s309-1P-16A")]
    S3091P16A,
    #[serde(rename = "s309-1P-32A")]
    S3091P32A,
    #[serde(rename = "s309-3P-16A")]
    S3093P16A,
    #[serde(rename = "s309-3P-32A")]
    S3093P32A,
    #[serde(rename = "sBS1361")]
    SBs1361,
    #[serde(rename = "sCEE-7-7")]
    SCee77,
    #[serde(rename = "sType2")]
    SType2,
    #[serde(rename = "sType3")]
    SType3,
    Other1PhMax16A,
    Other1PhOver16A,
    Other3Ph,
    Pan,
    #[serde(rename = "wInductive")]
    WInductive,
    #[serde(rename = "wResonant")]
    WResonant,
    Undetermined,
    Unknown,
}

/// ReserveNow response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReserveNowResponse {
    pub status: ReserveNowStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ReserveNowStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReserveNowStatus {
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}
