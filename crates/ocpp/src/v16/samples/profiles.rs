//! Samples of the Firmware Management, Local Auth List Management, Reservation, Smart
//! Charging and Remote Trigger profiles' messages.

use super::*;

empty_samples!(
    DiagnosticsStatusNotificationResponse,
    FirmwareStatusNotificationResponse,
    UpdateFirmwareResponse,
    GetLocalListVersionRequest,
);

impl Sample for DiagnosticsStatusNotificationRequest {
    fn full() -> Self {
        DiagnosticsStatusNotificationRequest {
            status: DiagnosticsStatus::UploadFailed,
        }
    }
    fn minimal() -> Self {
        DiagnosticsStatusNotificationRequest {
            status: DiagnosticsStatus::Idle,
        }
    }
}

impl Sample for FirmwareStatusNotificationRequest {
    fn full() -> Self {
        FirmwareStatusNotificationRequest {
            status: FirmwareStatus::InstallationFailed,
        }
    }
    fn minimal() -> Self {
        FirmwareStatusNotificationRequest {
            status: FirmwareStatus::Idle,
        }
    }
}

impl Sample for GetDiagnosticsRequest {
    fn full() -> Self {
        GetDiagnosticsRequest {
            location: "ftp://user:secret@diagnostics.example.com/uploads/".to_owned(),
            retries: Some(3),
            retry_interval: Some(60),
            start_time: Some(at(-86_400)),
            stop_time: Some(at(0)),
        }
    }
    fn minimal() -> Self {
        GetDiagnosticsRequest {
            location: "https://diagnostics.example.com/".to_owned(),
            retries: None,
            retry_interval: None,
            start_time: None,
            stop_time: None,
        }
    }
}

impl Sample for GetDiagnosticsResponse {
    fn full() -> Self {
        GetDiagnosticsResponse {
            file_name: Some(fill("diagnostics")),
        }
    }
    fn minimal() -> Self {
        GetDiagnosticsResponse::default()
    }
}

impl Sample for UpdateFirmwareRequest {
    fn full() -> Self {
        UpdateFirmwareRequest {
            location: "https://firmware.example.com/cp-1.2.4.bin".to_owned(),
            retries: Some(5),
            retrieve_date: at(3600),
            retry_interval: Some(120),
        }
    }
    fn minimal() -> Self {
        UpdateFirmwareRequest {
            location: "https://firmware.example.com/cp-1.2.4.bin".to_owned(),
            retries: None,
            retrieve_date: at(0),
            retry_interval: None,
        }
    }
}

impl Sample for GetLocalListVersionResponse {
    fn full() -> Self {
        GetLocalListVersionResponse { list_version: 17 }
    }
    fn minimal() -> Self {
        GetLocalListVersionResponse { list_version: -1 }
    }
}

impl Sample for SendLocalListRequest {
    fn full() -> Self {
        SendLocalListRequest {
            list_version: 18,
            local_authorization_list: vec![
                AuthorizationData {
                    id_tag: fill("TAG"),
                    id_tag_info: Some(id_tag_info_full()),
                },
                AuthorizationData {
                    id_tag: text("04A2B3C4D5"),
                    id_tag_info: None,
                },
            ],
            update_type: UpdateType::Differential,
        }
    }
    fn minimal() -> Self {
        SendLocalListRequest {
            list_version: 1,
            local_authorization_list: Vec::new(),
            update_type: UpdateType::Full,
        }
    }
}

impl Sample for SendLocalListResponse {
    fn full() -> Self {
        SendLocalListResponse {
            status: UpdateStatus::VersionMismatch,
        }
    }
    fn minimal() -> Self {
        SendLocalListResponse {
            status: UpdateStatus::Accepted,
        }
    }
}

impl Sample for CancelReservationRequest {
    fn full() -> Self {
        CancelReservationRequest { reservation_id: 9 }
    }
    fn minimal() -> Self {
        CancelReservationRequest { reservation_id: 0 }
    }
}

impl Sample for CancelReservationResponse {
    fn full() -> Self {
        CancelReservationResponse {
            status: CancelReservationStatus::Accepted,
        }
    }
    fn minimal() -> Self {
        CancelReservationResponse {
            status: CancelReservationStatus::Rejected,
        }
    }
}

impl Sample for ReserveNowRequest {
    fn full() -> Self {
        ReserveNowRequest {
            connector_id: 1,
            expiry_date: at(1800),
            id_tag: fill("TAG"),
            parent_id_tag: Some(fill("PARENT")),
            reservation_id: 9,
        }
    }
    fn minimal() -> Self {
        ReserveNowRequest {
            connector_id: 0,
            expiry_date: at(1800),
            id_tag: text("04A2B3C4D5"),
            parent_id_tag: None,
            reservation_id: 10,
        }
    }
}

impl Sample for ReserveNowResponse {
    fn full() -> Self {
        ReserveNowResponse {
            status: ReservationStatus::Occupied,
        }
    }
    fn minimal() -> Self {
        ReserveNowResponse {
            status: ReservationStatus::Accepted,
        }
    }
}

impl Sample for ClearChargingProfileRequest {
    fn full() -> Self {
        ClearChargingProfileRequest {
            id: Some(7),
            connector_id: Some(1),
            charging_profile_purpose: Some(ChargingProfilePurpose::ChargePointMaxProfile),
            stack_level: Some(2),
        }
    }
    fn minimal() -> Self {
        ClearChargingProfileRequest::default()
    }
}

impl Sample for ClearChargingProfileResponse {
    fn full() -> Self {
        ClearChargingProfileResponse {
            status: ClearChargingProfileStatus::Unknown,
        }
    }
    fn minimal() -> Self {
        ClearChargingProfileResponse {
            status: ClearChargingProfileStatus::Accepted,
        }
    }
}

impl Sample for GetCompositeScheduleRequest {
    fn full() -> Self {
        GetCompositeScheduleRequest {
            connector_id: 1,
            duration: 86_400,
            charging_rate_unit: Some(ChargingRateUnit::W),
        }
    }
    fn minimal() -> Self {
        GetCompositeScheduleRequest {
            connector_id: 0,
            duration: 3600,
            charging_rate_unit: None,
        }
    }
}

impl Sample for GetCompositeScheduleResponse {
    fn full() -> Self {
        GetCompositeScheduleResponse {
            status: GetCompositeScheduleStatus::Accepted,
            connector_id: Some(1),
            schedule_start: Some(at(0)),
            charging_schedule: Some(charging_schedule_full()),
        }
    }
    fn minimal() -> Self {
        GetCompositeScheduleResponse {
            status: GetCompositeScheduleStatus::Rejected,
            connector_id: None,
            schedule_start: None,
            charging_schedule: None,
        }
    }
}

impl Sample for SetChargingProfileRequest {
    fn full() -> Self {
        SetChargingProfileRequest {
            connector_id: 1,
            cs_charging_profiles: charging_profile_full(),
        }
    }
    fn minimal() -> Self {
        SetChargingProfileRequest {
            connector_id: 0,
            cs_charging_profiles: charging_profile_minimal(),
        }
    }
}

impl Sample for SetChargingProfileResponse {
    fn full() -> Self {
        SetChargingProfileResponse {
            status: ChargingProfileStatus::NotSupported,
        }
    }
    fn minimal() -> Self {
        SetChargingProfileResponse {
            status: ChargingProfileStatus::Accepted,
        }
    }
}

impl Sample for TriggerMessageRequest {
    fn full() -> Self {
        TriggerMessageRequest {
            requested_message: MessageTrigger::StatusNotification,
            connector_id: Some(1),
        }
    }
    fn minimal() -> Self {
        TriggerMessageRequest {
            requested_message: MessageTrigger::BootNotification,
            connector_id: None,
        }
    }
}

impl Sample for TriggerMessageResponse {
    fn full() -> Self {
        TriggerMessageResponse {
            status: TriggerMessageStatus::NotImplemented,
        }
    }
    fn minimal() -> Self {
        TriggerMessageResponse {
            status: TriggerMessageStatus::Accepted,
        }
    }
}
