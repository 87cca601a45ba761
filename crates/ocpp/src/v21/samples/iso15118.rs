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
            maximum_contract_certificate_chains: Some(3),
            prioritized_emai_ds: vec![fill("PrioritizedEMAIDs")],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Get15118EVCertificateRequest {
            iso15118_schema_version: text("Iso15118SchemaVersion"),
            action: CertificateAction::Install,
            exi_request: text("ExiRequest"),
            maximum_contract_certificate_chains: None,
            prioritized_emai_ds: Vec::new(),
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
            remaining_contracts: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Get15118EVCertificateResponse {
            status: Iso15118EvCertificateStatus::Accepted,
            status_info: None,
            exi_response: text("ExiResponse"),
            remaining_contracts: None,
            custom_data: None,
        }
    }
}

impl Sample for GetCertificateChainStatusRequest {
    fn full() -> Self {
        GetCertificateChainStatusRequest {
            certificate_status_requests: vec![CertificateStatusRequestInfo::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetCertificateChainStatusRequest {
            certificate_status_requests: vec![CertificateStatusRequestInfo::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for CertificateStatusRequestInfo {
    fn full() -> Self {
        CertificateStatusRequestInfo {
            certificate_hash_data: CertificateHashData::full(),
            source: CertificateStatusSource::Ocsp,
            urls: vec![fill("Urls")],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CertificateStatusRequestInfo {
            certificate_hash_data: CertificateHashData::minimal(),
            source: CertificateStatusSource::Crl,
            urls: vec![text("Urls")],
            custom_data: None,
        }
    }
}

impl Sample for GetCertificateChainStatusResponse {
    fn full() -> Self {
        GetCertificateChainStatusResponse {
            certificate_status: vec![CertificateStatus::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetCertificateChainStatusResponse {
            certificate_status: vec![CertificateStatus::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for CertificateStatus {
    fn full() -> Self {
        CertificateStatus {
            certificate_hash_data: CertificateHashData::full(),
            source: CertificateStatusSource::Ocsp,
            status: CertificateStatusKind::Failed,
            next_update: at(60),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CertificateStatus {
            certificate_hash_data: CertificateHashData::minimal(),
            source: CertificateStatusSource::Crl,
            status: CertificateStatusKind::Good,
            next_update: at(0),
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
            certificate_type: vec![GetCertificateIdUse::OemRootCertificate],
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
            certificate_type: GetCertificateIdUse::OemRootCertificate,
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
            certificate_type: InstallCertificateUse::OemRootCertificate,
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
