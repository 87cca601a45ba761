//! Samples of the `local_list` module's types.

use super::*;

impl Sample for GetLocalListVersionRequest {
    fn full() -> Self {
        GetLocalListVersionRequest {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetLocalListVersionRequest { custom_data: None }
    }
}

impl Sample for GetLocalListVersionResponse {
    fn full() -> Self {
        GetLocalListVersionResponse {
            version_number: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetLocalListVersionResponse {
            version_number: 1,
            custom_data: None,
        }
    }
}

impl Sample for SendLocalListRequest {
    fn full() -> Self {
        SendLocalListRequest {
            local_authorization_list: vec![AuthorizationData::full()],
            version_number: 3,
            update_type: Update::Full,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SendLocalListRequest {
            local_authorization_list: Vec::new(),
            version_number: 1,
            update_type: Update::Differential,
            custom_data: None,
        }
    }
}

impl Sample for AuthorizationData {
    fn full() -> Self {
        AuthorizationData {
            id_token: IdToken::full(),
            id_token_info: Some(IdTokenInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AuthorizationData {
            id_token: IdToken::minimal(),
            id_token_info: None,
            custom_data: None,
        }
    }
}

impl Sample for SendLocalListResponse {
    fn full() -> Self {
        SendLocalListResponse {
            status: SendLocalListStatus::VersionMismatch,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SendLocalListResponse {
            status: SendLocalListStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
