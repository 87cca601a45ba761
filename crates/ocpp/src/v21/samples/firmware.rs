//! Samples of the `firmware` module's types.

use super::*;

impl Sample for FirmwareStatusNotificationRequest {
    fn full() -> Self {
        FirmwareStatusNotificationRequest {
            status: FirmwareStatus::SignatureVerified,
            request_id: Some(3),
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        FirmwareStatusNotificationRequest {
            status: FirmwareStatus::Downloaded,
            request_id: None,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for FirmwareStatusNotificationResponse {
    fn full() -> Self {
        FirmwareStatusNotificationResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        FirmwareStatusNotificationResponse { custom_data: None }
    }
}

impl Sample for PublishFirmwareRequest {
    fn full() -> Self {
        PublishFirmwareRequest {
            location: fill("Location"),
            retries: Some(3),
            checksum: fill("Checksum"),
            request_id: 3,
            retry_interval: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PublishFirmwareRequest {
            location: text("Location"),
            retries: None,
            checksum: text("Checksum"),
            request_id: 1,
            retry_interval: None,
            custom_data: None,
        }
    }
}

impl Sample for PublishFirmwareResponse {
    fn full() -> Self {
        PublishFirmwareResponse {
            status: GenericStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PublishFirmwareResponse {
            status: GenericStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for PublishFirmwareStatusNotificationRequest {
    fn full() -> Self {
        PublishFirmwareStatusNotificationRequest {
            status: PublishFirmwareStatus::PublishFailed,
            location: vec![fill("Location")],
            request_id: Some(3),
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PublishFirmwareStatusNotificationRequest {
            status: PublishFirmwareStatus::Idle,
            location: Vec::new(),
            request_id: None,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for PublishFirmwareStatusNotificationResponse {
    fn full() -> Self {
        PublishFirmwareStatusNotificationResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PublishFirmwareStatusNotificationResponse { custom_data: None }
    }
}

impl Sample for UnpublishFirmwareRequest {
    fn full() -> Self {
        UnpublishFirmwareRequest {
            checksum: fill("Checksum"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UnpublishFirmwareRequest {
            checksum: text("Checksum"),
            custom_data: None,
        }
    }
}

impl Sample for UnpublishFirmwareResponse {
    fn full() -> Self {
        UnpublishFirmwareResponse {
            status: UnpublishFirmwareStatus::Unpublished,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UnpublishFirmwareResponse {
            status: UnpublishFirmwareStatus::DownloadOngoing,
            custom_data: None,
        }
    }
}

impl Sample for UpdateFirmwareRequest {
    fn full() -> Self {
        UpdateFirmwareRequest {
            retries: Some(3),
            retry_interval: Some(3),
            request_id: 3,
            firmware: Firmware::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UpdateFirmwareRequest {
            retries: None,
            retry_interval: None,
            request_id: 1,
            firmware: Firmware::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for Firmware {
    fn full() -> Self {
        Firmware {
            location: fill("Location"),
            retrieve_date_time: at(60),
            install_date_time: Some(at(60)),
            signing_certificate: Some(fill("SigningCertificate")),
            signature: Some(fill("Signature")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Firmware {
            location: text("Location"),
            retrieve_date_time: at(0),
            install_date_time: None,
            signing_certificate: None,
            signature: None,
            custom_data: None,
        }
    }
}

impl Sample for UpdateFirmwareResponse {
    fn full() -> Self {
        UpdateFirmwareResponse {
            status: UpdateFirmwareStatus::RevokedCertificate,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UpdateFirmwareResponse {
            status: UpdateFirmwareStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
