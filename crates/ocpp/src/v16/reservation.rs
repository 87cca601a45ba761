//! Reservation profile.

use serde::{Deserialize, Serialize};

use super::types::IdToken;
use crate::Timestamp;

requests! {
    CancelReservationRequest => CancelReservationResponse, CancelReservation;
    ReserveNowRequest => ReserveNowResponse, ReserveNow;
}

/// CancelReservation.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelReservationRequest {
    pub reservation_id: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CancelReservationStatus {
    Accepted,
    Rejected,
}

/// CancelReservation.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelReservationResponse {
    pub status: CancelReservationStatus,
}

/// ReserveNow.req, sent by the central system. Connector 0 reserves the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReserveNowRequest {
    pub connector_id: u32,
    pub expiry_date: Timestamp,
    pub id_tag: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id_tag: Option<IdToken>,
    pub reservation_id: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReservationStatus {
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}

/// ReserveNow.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReserveNowResponse {
    pub status: ReservationStatus,
}
