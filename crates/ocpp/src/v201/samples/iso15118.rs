//! Samples of the `iso15118` module's types.

use super::*;

impl Sample for DeleteCertificateRequest {
    fn full() -> Self {
        DeleteCertificateRequest {
            certificate_hash_data: CertificateHashData::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DeleteCertificateRequest {
            certificate_hash_data: CertificateHashData::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for DeleteCertificateResponse {
    fn full() -> Self {
        DeleteCertificateResponse {
            status: DeleteCertificateStatus::NotFound,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DeleteCertificateResponse {
            status: DeleteCertificateStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for Get15118EVCertificateRequest {
    fn full() -> Self {
        Get15118EVCertificateRequest {
            iso15118_schema_version: fill("Iso15118SchemaVersion"),
            action: CertificateAction::Update,
            exi_request: fill("ExiRequest"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Get15118EVCertificateRequest {
            iso15118_schema_version: text("Iso15118SchemaVersion"),
            action: CertificateAction::Install,
            exi_request: text("ExiRequest"),
            custom_data: None,
        }
    }
}

impl Sample for Get15118EVCertificateResponse {
    fn full() -> Self {
        Get15118EVCertificateResponse {
            status: Iso15118EvCertificateStatus::Failed,
            status_info: Some(StatusInfo::full()),
            exi_response: fill("ExiResponse"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Get15118EVCertificateResponse {
            status: Iso15118EvCertificateStatus::Accepted,
            status_info: None,
            exi_response: text("ExiResponse"),
            custom_data: None,
        }
    }
}

impl Sample for GetCertificateStatusRequest {
    fn full() -> Self {
        GetCertificateStatusRequest {
            ocsp_request_data: OcspRequestData::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetCertificateStatusRequest {
            ocsp_request_data: OcspRequestData::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for GetCertificateStatusResponse {
    fn full() -> Self {
        GetCertificateStatusResponse {
            status: GetCertificateStatus::Failed,
            status_info: Some(StatusInfo::full()),
            ocsp_result: Some(fill("OcspResult")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetCertificateStatusResponse {
            status: GetCertificateStatus::Accepted,
            status_info: None,
            ocsp_result: None,
            custom_data: None,
        }
    }
}

impl Sample for GetInstalledCertificateIdsRequest {
    fn full() -> Self {
        GetInstalledCertificateIdsRequest {
            certificate_type: vec![GetCertificateIdUse::ManufacturerRootCertificate],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetInstalledCertificateIdsRequest {
            certificate_type: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for GetInstalledCertificateIdsResponse {
    fn full() -> Self {
        GetInstalledCertificateIdsResponse {
            status: GetInstalledCertificateStatus::NotFound,
            status_info: Some(StatusInfo::full()),
            certificate_hash_data_chain: vec![CertificateHashDataChain::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetInstalledCertificateIdsResponse {
            status: GetInstalledCertificateStatus::Accepted,
            status_info: None,
            certificate_hash_data_chain: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for CertificateHashDataChain {
    fn full() -> Self {
        CertificateHashDataChain {
            certificate_hash_data: CertificateHashData::full(),
            certificate_type: GetCertificateIdUse::ManufacturerRootCertificate,
            child_certificate_hash_data: vec![CertificateHashData::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CertificateHashDataChain {
            certificate_hash_data: CertificateHashData::minimal(),
            certificate_type: GetCertificateIdUse::V2GRootCertificate,
            child_certificate_hash_data: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for InstallCertificateRequest {
    fn full() -> Self {
        InstallCertificateRequest {
            certificate_type: InstallCertificateUse::ManufacturerRootCertificate,
            certificate: fill("Certificate"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        InstallCertificateRequest {
            certificate_type: InstallCertificateUse::V2GRootCertificate,
            certificate: text("Certificate"),
            custom_data: None,
        }
    }
}

impl Sample for InstallCertificateResponse {
    fn full() -> Self {
        InstallCertificateResponse {
            status: InstallCertificateStatus::Failed,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        InstallCertificateResponse {
            status: InstallCertificateStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
