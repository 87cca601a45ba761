//! Samples of the Security extension's messages.

use super::*;

empty_samples!(
    LogStatusNotificationResponse,
    SecurityEventNotificationResponse,
    SignedFirmwareStatusNotificationResponse,
);

fn certificate_hash_data(serial: &str) -> CertificateHashData {
    CertificateHashData {
        hash_algorithm: HashAlgorithm::Sha256,
        issuer_name_hash: fill("a1b2c3"),
        issuer_key_hash: fill("d4e5f6"),
        serial_number: text(serial),
    }
}

impl Sample for CertificateSignedRequest {
    fn full() -> Self {
        CertificateSignedRequest {
            certificate_chain: fill("-----BEGIN CERTIFICATE-----\n"),
        }
    }
    fn minimal() -> Self {
        CertificateSignedRequest {
            certificate_chain: text(
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            ),
        }
    }
}

impl Sample for CertificateSignedResponse {
    fn full() -> Self {
        CertificateSignedResponse {
            status: CertificateSignedStatus::Accepted,
        }
    }
    fn minimal() -> Self {
        CertificateSignedResponse {
            status: CertificateSignedStatus::Rejected,
        }
    }
}

impl Sample for DeleteCertificateRequest {
    fn full() -> Self {
        DeleteCertificateRequest {
            certificate_hash_data: CertificateHashData {
                hash_algorithm: HashAlgorithm::Sha512,
                issuer_name_hash: fill("a1b2c3"),
                issuer_key_hash: fill("d4e5f6"),
                serial_number: fill("0123"),
            },
        }
    }
    fn minimal() -> Self {
        DeleteCertificateRequest {
            certificate_hash_data: certificate_hash_data("01"),
        }
    }
}

impl Sample for DeleteCertificateResponse {
    fn full() -> Self {
        DeleteCertificateResponse {
            status: DeleteCertificateStatus::NotFound,
        }
    }
    fn minimal() -> Self {
        DeleteCertificateResponse {
            status: DeleteCertificateStatus::Accepted,
        }
    }
}

impl Sample for ExtendedTriggerMessageRequest {
    fn full() -> Self {
        ExtendedTriggerMessageRequest {
            requested_message: ExtendedMessageTrigger::SignChargePointCertificate,
            connector_id: Some(0),
        }
    }
    fn minimal() -> Self {
        ExtendedTriggerMessageRequest {
            requested_message: ExtendedMessageTrigger::LogStatusNotification,
            connector_id: None,
        }
    }
}

impl Sample for ExtendedTriggerMessageResponse {
    fn full() -> Self {
        ExtendedTriggerMessageResponse {
            status: TriggerMessageStatus::Accepted,
        }
    }
    fn minimal() -> Self {
        ExtendedTriggerMessageResponse {
            status: TriggerMessageStatus::Rejected,
        }
    }
}

impl Sample for GetInstalledCertificateIdsRequest {
    fn full() -> Self {
        GetInstalledCertificateIdsRequest {
            certificate_type: CertificateUse::CentralSystemRootCertificate,
        }
    }
    fn minimal() -> Self {
        GetInstalledCertificateIdsRequest {
            certificate_type: CertificateUse::ManufacturerRootCertificate,
        }
    }
}

impl Sample for GetInstalledCertificateIdsResponse {
    fn full() -> Self {
        GetInstalledCertificateIdsResponse {
            certificate_hash_data: vec![certificate_hash_data("01"), certificate_hash_data("02")],
            status: GetInstalledCertificateStatus::Accepted,
        }
    }
    fn minimal() -> Self {
        GetInstalledCertificateIdsResponse {
            certificate_hash_data: Vec::new(),
            status: GetInstalledCertificateStatus::NotFound,
        }
    }
}

impl Sample for GetLogRequest {
    fn full() -> Self {
        GetLogRequest {
            log: LogParameters {
                remote_location: fill("https://logs.example.com/"),
                oldest_timestamp: Some(at(-86_400)),
                latest_timestamp: Some(at(0)),
            },
            log_type: LogType::SecurityLog,
            request_id: 5,
            retries: Some(2),
            retry_interval: Some(30),
        }
    }
    fn minimal() -> Self {
        GetLogRequest {
            log: LogParameters {
                remote_location: text("https://logs.example.com/"),
                oldest_timestamp: None,
                latest_timestamp: None,
            },
            log_type: LogType::DiagnosticsLog,
            request_id: 6,
            retries: None,
            retry_interval: None,
        }
    }
}

impl Sample for GetLogResponse {
    fn full() -> Self {
        GetLogResponse {
            status: LogStatus::AcceptedCanceled,
            filename: Some(fill("security")),
        }
    }
    fn minimal() -> Self {
        GetLogResponse {
            status: LogStatus::Rejected,
            filename: None,
        }
    }
}

impl Sample for InstallCertificateRequest {
    fn full() -> Self {
        InstallCertificateRequest {
            certificate_type: CertificateUse::ManufacturerRootCertificate,
            certificate: fill("-----BEGIN CERTIFICATE-----\n"),
        }
    }
    fn minimal() -> Self {
        InstallCertificateRequest {
            certificate_type: CertificateUse::CentralSystemRootCertificate,
            certificate: text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"),
        }
    }
}

impl Sample for InstallCertificateResponse {
    fn full() -> Self {
        InstallCertificateResponse {
            status: InstallCertificateStatus::Failed,
        }
    }
    fn minimal() -> Self {
        InstallCertificateResponse {
            status: InstallCertificateStatus::Accepted,
        }
    }
}

impl Sample for LogStatusNotificationRequest {
    fn full() -> Self {
        LogStatusNotificationRequest {
            status: UploadLogStatus::Uploaded,
            request_id: Some(5),
        }
    }
    fn minimal() -> Self {
        LogStatusNotificationRequest {
            status: UploadLogStatus::Idle,
            request_id: None,
        }
    }
}

impl Sample for SecurityEventNotificationRequest {
    fn full() -> Self {
        SecurityEventNotificationRequest {
            kind: fill("TamperDetectionActivated"),
            timestamp: at(0),
            tech_info: Some(fill("lid opened")),
        }
    }
    fn minimal() -> Self {
        SecurityEventNotificationRequest {
            kind: text("StartupOfTheDevice"),
            timestamp: at(0),
            tech_info: None,
        }
    }
}

impl Sample for SignCertificateRequest {
    fn full() -> Self {
        SignCertificateRequest {
            csr: fill("-----BEGIN CERTIFICATE REQUEST-----\n"),
        }
    }
    fn minimal() -> Self {
        SignCertificateRequest {
            csr: text(
                "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n",
            ),
        }
    }
}

impl Sample for SignCertificateResponse {
    fn full() -> Self {
        SignCertificateResponse {
            status: GenericStatus::Accepted,
        }
    }
    fn minimal() -> Self {
        SignCertificateResponse {
            status: GenericStatus::Rejected,
        }
    }
}

impl Sample for SignedFirmwareStatusNotificationRequest {
    fn full() -> Self {
        SignedFirmwareStatusNotificationRequest {
            status: SignedFirmwareStatus::InvalidSignature,
            request_id: Some(8),
        }
    }
    fn minimal() -> Self {
        SignedFirmwareStatusNotificationRequest {
            status: SignedFirmwareStatus::Idle,
            request_id: None,
        }
    }
}

impl Sample for SignedUpdateFirmwareRequest {
    fn full() -> Self {
        SignedUpdateFirmwareRequest {
            retries: Some(3),
            retry_interval: Some(60),
            request_id: 8,
            firmware: Firmware {
                location: fill("https://firmware.example.com/"),
                retrieve_date_time: at(60),
                install_date_time: Some(at(3600)),
                signing_certificate: fill("-----BEGIN CERTIFICATE-----\n"),
                signature: fill("MEUCIQ"),
            },
        }
    }
    fn minimal() -> Self {
        SignedUpdateFirmwareRequest {
            retries: None,
            retry_interval: None,
            request_id: 9,
            firmware: Firmware {
                location: text("https://firmware.example.com/cp-1.2.4.bin"),
                retrieve_date_time: at(60),
                install_date_time: None,
                signing_certificate: text("-----BEGIN CERTIFICATE-----\nMIIB\n"),
                signature: text("MEUCIQ=="),
            },
        }
    }
}

impl Sample for SignedUpdateFirmwareResponse {
    fn full() -> Self {
        SignedUpdateFirmwareResponse {
            status: UpdateFirmwareStatus::RevokedCertificate,
        }
    }
    fn minimal() -> Self {
        SignedUpdateFirmwareResponse {
            status: UpdateFirmwareStatus::Accepted,
        }
    }
}
