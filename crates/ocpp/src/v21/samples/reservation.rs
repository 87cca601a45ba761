//! Samples of the `reservation` module's types.

use super::*;

impl Sample for CancelReservationRequest {
    fn full() -> Self {
        CancelReservationRequest {
            reservation_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CancelReservationRequest {
            reservation_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for CancelReservationResponse {
    fn full() -> Self {
        CancelReservationResponse {
            status: CancelReservationStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CancelReservationResponse {
            status: CancelReservationStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for ReservationStatusUpdateRequest {
    fn full() -> Self {
        ReservationStatusUpdateRequest {
            reservation_id: 3,
            reservation_update_status: ReservationUpdateStatus::NoTransaction,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReservationStatusUpdateRequest {
            reservation_id: 1,
            reservation_update_status: ReservationUpdateStatus::Expired,
            custom_data: None,
        }
    }
}

impl Sample for ReservationStatusUpdateResponse {
    fn full() -> Self {
        ReservationStatusUpdateResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReservationStatusUpdateResponse { custom_data: None }
    }
}

impl Sample for ReserveNowRequest {
    fn full() -> Self {
        ReserveNowRequest {
            id: 3,
            expiry_date_time: at(60),
            connector_type: Some(fill("ConnectorType")),
            id_token: IdToken::full(),
            evse_id: Some(3),
            group_id_token: Some(IdToken::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReserveNowRequest {
            id: 1,
            expiry_date_time: at(0),
            connector_type: None,
            id_token: IdToken::minimal(),
            evse_id: None,
            group_id_token: None,
            custom_data: None,
        }
    }
}

impl Sample for ReserveNowResponse {
    fn full() -> Self {
        ReserveNowResponse {
            status: ReserveNowStatus::Unavailable,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReserveNowResponse {
            status: ReserveNowStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
