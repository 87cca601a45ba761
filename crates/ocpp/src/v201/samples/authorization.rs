//! Samples of the `authorization` module's types.

use super::*;

impl Sample for AuthorizeRequest {
    fn full() -> Self {
        AuthorizeRequest {
            id_token: IdToken::full(),
            certificate: Some(fill("Certificate")),
            iso15118_certificate_hash_data: vec![OcspRequestData::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AuthorizeRequest {
            id_token: IdToken::minimal(),
            certificate: None,
            iso15118_certificate_hash_data: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for AuthorizeResponse {
    fn full() -> Self {
        AuthorizeResponse {
            id_token_info: IdTokenInfo::full(),
            certificate_status: Some(AuthorizeCertificateStatus::ContractCancelled),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AuthorizeResponse {
            id_token_info: IdTokenInfo::minimal(),
            certificate_status: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearCacheRequest {
    fn full() -> Self {
        ClearCacheRequest {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearCacheRequest { custom_data: None }
    }
}

impl Sample for ClearCacheResponse {
    fn full() -> Self {
        ClearCacheResponse {
            status: ClearCacheStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearCacheResponse {
            status: ClearCacheStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
