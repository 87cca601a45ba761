//! Samples of the `availability` module's types.

use super::*;

impl Sample for ChangeAvailabilityRequest {
    fn full() -> Self {
        ChangeAvailabilityRequest {
            evse: Some(Evse::full()),
            operational_status: OperationalStatus::Operative,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChangeAvailabilityRequest {
            evse: None,
            operational_status: OperationalStatus::Inoperative,
            custom_data: None,
        }
    }
}

impl Sample for ChangeAvailabilityResponse {
    fn full() -> Self {
        ChangeAvailabilityResponse {
            status: ChangeAvailabilityStatus::Scheduled,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChangeAvailabilityResponse {
            status: ChangeAvailabilityStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for HeartbeatRequest {
    fn full() -> Self {
        HeartbeatRequest {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        HeartbeatRequest { custom_data: None }
    }
}

impl Sample for HeartbeatResponse {
    fn full() -> Self {
        HeartbeatResponse {
            current_time: at(60),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        HeartbeatResponse {
            current_time: at(0),
            custom_data: None,
        }
    }
}

impl Sample for StatusNotificationRequest {
    fn full() -> Self {
        StatusNotificationRequest {
            timestamp: at(60),
            connector_status: ConnectorStatus::Faulted,
            evse_id: 3,
            connector_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        StatusNotificationRequest {
            timestamp: at(0),
            connector_status: ConnectorStatus::Available,
            evse_id: 1,
            connector_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for StatusNotificationResponse {
    fn full() -> Self {
        StatusNotificationResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        StatusNotificationResponse { custom_data: None }
    }
}
