//! Samples of the Core profile's messages.

use super::*;

empty_samples!(
    ClearCacheRequest,
    HeartbeatRequest,
    MeterValuesResponse,
    StatusNotificationResponse,
);

impl Sample for AuthorizeRequest {
    fn full() -> Self {
        AuthorizeRequest {
            id_tag: fill("TAG"),
        }
    }
    fn minimal() -> Self {
        AuthorizeRequest {
            id_tag: text("04A2B3C4D5"),
        }
    }
}

impl Sample for AuthorizeResponse {
    fn full() -> Self {
        AuthorizeResponse {
            id_tag_info: id_tag_info_full(),
        }
    }
    fn minimal() -> Self {
        AuthorizeResponse {
            id_tag_info: id_tag_info_minimal(),
        }
    }
}

impl Sample for BootNotificationRequest {
    fn full() -> Self {
        BootNotificationRequest {
            charge_point_vendor: fill("Vendor"),
            charge_point_model: fill("Model"),
            charge_point_serial_number: Some(fill("CPSN")),
            charge_box_serial_number: Some(fill("CBSN")),
            firmware_version: Some(fill("1.2.3")),
            iccid: Some(fill("8949")),
            imsi: Some(fill("2620")),
            meter_type: Some(fill("Meter")),
            meter_serial_number: Some(fill("MSN")),
        }
    }
    fn minimal() -> Self {
        BootNotificationRequest {
            charge_point_vendor: text("Switchyard"),
            charge_point_model: text("Sim-1"),
            charge_point_serial_number: None,
            charge_box_serial_number: None,
            firmware_version: None,
            iccid: None,
            imsi: None,
            meter_type: None,
            meter_serial_number: None,
        }
    }
}

impl Sample for BootNotificationResponse {
    fn full() -> Self {
        BootNotificationResponse {
            status: RegistrationStatus::Accepted,
            current_time: at(0),
            interval: 300,
        }
    }
    fn minimal() -> Self {
        BootNotificationResponse {
            status: RegistrationStatus::Pending,
            current_time: at(0),
            interval: 0,
        }
    }
}

impl Sample for ChangeAvailabilityRequest {
    fn full() -> Self {
        ChangeAvailabilityRequest {
            connector_id: 1,
            kind: AvailabilityType::Inoperative,
        }
    }
    fn minimal() -> Self {
        ChangeAvailabilityRequest {
            connector_id: 0,
            kind: AvailabilityType::Operative,
        }
    }
}

impl Sample for ChangeAvailabilityResponse {
    fn full() -> Self {
        ChangeAvailabilityResponse {
            status: AvailabilityStatus::Scheduled,
        }
    }
    fn minimal() -> Self {
        ChangeAvailabilityResponse {
            status: AvailabilityStatus::Accepted,
        }
    }
}

impl Sample for ChangeConfigurationRequest {
    fn full() -> Self {
        ChangeConfigurationRequest {
            key: fill("VendorKey"),
            value: fill("value"),
        }
    }
    fn minimal() -> Self {
        ChangeConfigurationRequest {
            key: text("HeartbeatInterval"),
            value: text("300"),
        }
    }
}

impl Sample for ChangeConfigurationResponse {
    fn full() -> Self {
        ChangeConfigurationResponse {
            status: ConfigurationStatus::RebootRequired,
        }
    }
    fn minimal() -> Self {
        ChangeConfigurationResponse {
            status: ConfigurationStatus::Accepted,
        }
    }
}

impl Sample for ClearCacheResponse {
    fn full() -> Self {
        ClearCacheResponse {
            status: ClearCacheStatus::Rejected,
        }
    }
    fn minimal() -> Self {
        ClearCacheResponse {
            status: ClearCacheStatus::Accepted,
        }
    }
}

impl Sample for DataTransferRequest {
    fn full() -> Self {
        DataTransferRequest {
            vendor_id: fill("com.example"),
            message_id: Some(fill("Message")),
            data: Some(r#"{"free":"text of any length","n":1}"#.to_owned()),
        }
    }
    fn minimal() -> Self {
        DataTransferRequest {
            vendor_id: text("com.example"),
            message_id: None,
            data: None,
        }
    }
}

impl Sample for DataTransferResponse {
    fn full() -> Self {
        DataTransferResponse {
            status: DataTransferStatus::Accepted,
            data: Some("<response>any text</response>".to_owned()),
        }
    }
    fn minimal() -> Self {
        DataTransferResponse {
            status: DataTransferStatus::UnknownVendorId,
            data: None,
        }
    }
}

impl Sample for GetConfigurationRequest {
    fn full() -> Self {
        GetConfigurationRequest {
            key: vec![fill("Key"), text("HeartbeatInterval")],
        }
    }
    fn minimal() -> Self {
        GetConfigurationRequest::default()
    }
}

impl Sample for GetConfigurationResponse {
    fn full() -> Self {
        GetConfigurationResponse {
            configuration_key: vec![
                KeyValue {
                    key: fill("Key"),
                    readonly: true,
                    value: Some(fill("Value")),
                },
                KeyValue {
                    key: text("AuthorizationKey"),
                    readonly: false,
                    value: None,
                },
            ],
            unknown_key: vec![fill("Unknown")],
        }
    }
    fn minimal() -> Self {
        GetConfigurationResponse::default()
    }
}

impl Sample for HeartbeatResponse {
    fn full() -> Self {
        HeartbeatResponse {
            current_time: at(0),
        }
    }
    fn minimal() -> Self {
        Self::full()
    }
}

impl Sample for MeterValuesRequest {
    fn full() -> Self {
        MeterValuesRequest {
            connector_id: 1,
            transaction_id: Some(42),
            meter_value: vec![
                meter_value_full(UnitOfMeasure::Celsius),
                meter_value_full(UnitOfMeasure::Hertz),
            ],
        }
    }
    fn minimal() -> Self {
        MeterValuesRequest {
            connector_id: 0,
            transaction_id: None,
            meter_value: vec![meter_value_minimal()],
        }
    }
}

impl Sample for RemoteStartTransactionRequest {
    fn full() -> Self {
        RemoteStartTransactionRequest {
            connector_id: Some(1),
            id_tag: fill("TAG"),
            charging_profile: Some(charging_profile_full()),
        }
    }
    fn minimal() -> Self {
        RemoteStartTransactionRequest {
            connector_id: None,
            id_tag: text("04A2B3C4D5"),
            charging_profile: None,
        }
    }
}

impl Sample for RemoteStartTransactionResponse {
    fn full() -> Self {
        RemoteStartTransactionResponse {
            status: RemoteStartStopStatus::Accepted,
        }
    }
    fn minimal() -> Self {
        RemoteStartTransactionResponse {
            status: RemoteStartStopStatus::Rejected,
        }
    }
}

impl Sample for RemoteStopTransactionRequest {
    fn full() -> Self {
        RemoteStopTransactionRequest { transaction_id: 42 }
    }
    fn minimal() -> Self {
        RemoteStopTransactionRequest { transaction_id: -1 }
    }
}

impl Sample for RemoteStopTransactionResponse {
    fn full() -> Self {
        RemoteStopTransactionResponse {
            status: RemoteStartStopStatus::Accepted,
        }
    }
    fn minimal() -> Self {
        RemoteStopTransactionResponse {
            status: RemoteStartStopStatus::Rejected,
        }
    }
}

impl Sample for ResetRequest {
    fn full() -> Self {
        ResetRequest {
            kind: ResetType::Hard,
        }
    }
    fn minimal() -> Self {
        ResetRequest {
            kind: ResetType::Soft,
        }
    }
}

impl Sample for ResetResponse {
    fn full() -> Self {
        ResetResponse {
            status: ResetStatus::Accepted,
        }
    }
    fn minimal() -> Self {
        ResetResponse {
            status: ResetStatus::Rejected,
        }
    }
}

impl Sample for StartTransactionRequest {
    fn full() -> Self {
        StartTransactionRequest {
            connector_id: 2,
            id_tag: fill("TAG"),
            meter_start: 5_000_000_000,
            reservation_id: Some(9),
            timestamp: at(10),
        }
    }
    fn minimal() -> Self {
        StartTransactionRequest {
            connector_id: 1,
            id_tag: text("04A2B3C4D5"),
            meter_start: 0,
            reservation_id: None,
            timestamp: at(10),
        }
    }
}

impl Sample for StartTransactionResponse {
    fn full() -> Self {
        StartTransactionResponse {
            id_tag_info: id_tag_info_full(),
            transaction_id: 42,
        }
    }
    fn minimal() -> Self {
        StartTransactionResponse {
            id_tag_info: id_tag_info_minimal(),
            transaction_id: 0,
        }
    }
}

impl Sample for StatusNotificationRequest {
    fn full() -> Self {
        StatusNotificationRequest {
            connector_id: 1,
            error_code: ChargePointErrorCode::EvCommunicationError,
            info: Some(fill("info")),
            status: ChargePointStatus::SuspendedEvse,
            timestamp: Some(at(5)),
            vendor_id: Some(fill("com.example")),
            vendor_error_code: Some(fill("E")),
        }
    }
    fn minimal() -> Self {
        StatusNotificationRequest {
            connector_id: 0,
            error_code: ChargePointErrorCode::NoError,
            info: None,
            status: ChargePointStatus::Available,
            timestamp: None,
            vendor_id: None,
            vendor_error_code: None,
        }
    }
}

impl Sample for StopTransactionRequest {
    fn full() -> Self {
        StopTransactionRequest {
            id_tag: Some(fill("TAG")),
            meter_stop: 5_000_012_345,
            timestamp: at(3600),
            transaction_id: 42,
            reason: Some(Reason::EvDisconnected),
            // Not Hertz: StopTransaction's copy of the unit enum lacks it.
            transaction_data: vec![
                meter_value_full(UnitOfMeasure::Celsius),
                meter_value_minimal(),
            ],
        }
    }
    fn minimal() -> Self {
        StopTransactionRequest {
            id_tag: None,
            meter_stop: 12_345,
            timestamp: at(3600),
            transaction_id: -1,
            reason: None,
            transaction_data: Vec::new(),
        }
    }
}

impl Sample for StopTransactionResponse {
    fn full() -> Self {
        StopTransactionResponse {
            id_tag_info: Some(id_tag_info_full()),
        }
    }
    fn minimal() -> Self {
        StopTransactionResponse::default()
    }
}

impl Sample for UnlockConnectorRequest {
    fn full() -> Self {
        UnlockConnectorRequest { connector_id: 2 }
    }
    fn minimal() -> Self {
        UnlockConnectorRequest { connector_id: 1 }
    }
}

impl Sample for UnlockConnectorResponse {
    fn full() -> Self {
        UnlockConnectorResponse {
            status: UnlockStatus::Unlocked,
        }
    }
    fn minimal() -> Self {
        UnlockConnectorResponse {
            status: UnlockStatus::NotSupported,
        }
    }
}
