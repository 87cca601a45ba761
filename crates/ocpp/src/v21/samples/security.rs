//! Samples of the `security` module's types.

use super::*;

impl Sample for CertificateSignedRequest {
    fn full() -> Self {
        CertificateSignedRequest {
            certificate_chain: fill("CertificateChain"),
            certificate_type: Some(CertificateSigningUse::V2G20Certificate),
            request_id: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CertificateSignedRequest {
            certificate_chain: text("CertificateChain"),
            certificate_type: None,
            request_id: None,
            custom_data: None,
        }
    }
}

impl Sample for CertificateSignedResponse {
    fn full() -> Self {
        CertificateSignedResponse {
            status: CertificateSignedStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CertificateSignedResponse {
            status: CertificateSignedStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for SecurityEventNotificationRequest {
    fn full() -> Self {
        SecurityEventNotificationRequest {
            kind: fill("Type"),
            timestamp: at(60),
            tech_info: Some(fill("TechInfo")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SecurityEventNotificationRequest {
            kind: text("Type"),
            timestamp: at(0),
            tech_info: None,
            custom_data: None,
        }
    }
}

impl Sample for SecurityEventNotificationResponse {
    fn full() -> Self {
        SecurityEventNotificationResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SecurityEventNotificationResponse { custom_data: None }
    }
}

impl Sample for SignCertificateRequest {
    fn full() -> Self {
        SignCertificateRequest {
            csr: fill("Csr"),
            certificate_type: Some(CertificateSigningUse::V2G20Certificate),
            hash_root_certificate: Some(CertificateHashData::full()),
            request_id: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SignCertificateRequest {
            csr: text("Csr"),
            certificate_type: None,
            hash_root_certificate: None,
            request_id: None,
            custom_data: None,
        }
    }
}

impl Sample for SignCertificateResponse {
    fn full() -> Self {
        SignCertificateResponse {
            status: GenericStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SignCertificateResponse {
            status: GenericStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
