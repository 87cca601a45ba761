//! Samples of the `network_profile` module's types.

use super::*;

impl Sample for SetNetworkProfileRequest {
    fn full() -> Self {
        SetNetworkProfileRequest {
            configuration_slot: 3,
            connection_data: NetworkConnectionProfile::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetNetworkProfileRequest {
            configuration_slot: 1,
            connection_data: NetworkConnectionProfile::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for NetworkConnectionProfile {
    fn full() -> Self {
        NetworkConnectionProfile {
            apn: Some(Apn::full()),
            ocpp_version: Some(OcppVersion::Ocpp21),
            ocpp_interface: OcppInterface::Any,
            ocpp_transport: OcppTransport::Json,
            message_timeout: 3,
            ocpp_csms_url: fill("OcppCsmsUrl"),
            security_profile: 3,
            identity: Some(fill("Identity")),
            basic_auth_password: Some(fill("BasicAuthPassword")),
            vpn: Some(Vpn::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NetworkConnectionProfile {
            apn: None,
            ocpp_version: None,
            ocpp_interface: OcppInterface::Wired0,
            ocpp_transport: OcppTransport::Soap,
            message_timeout: 1,
            ocpp_csms_url: text("OcppCsmsUrl"),
            security_profile: 1,
            identity: None,
            basic_auth_password: None,
            vpn: None,
            custom_data: None,
        }
    }
}

impl Sample for Apn {
    fn full() -> Self {
        Apn {
            apn: fill("Apn"),
            apn_user_name: Some(fill("ApnUserName")),
            apn_password: Some(fill("ApnPassword")),
            sim_pin: Some(3),
            preferred_network: Some(fill("PreferredNetwork")),
            use_only_preferred_network: Some(true),
            apn_authentication: ApnAuthentication::Auto,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Apn {
            apn: text("Apn"),
            apn_user_name: None,
            apn_password: None,
            sim_pin: None,
            preferred_network: None,
            use_only_preferred_network: None,
            apn_authentication: ApnAuthentication::Pap,
            custom_data: None,
        }
    }
}

impl Sample for Vpn {
    fn full() -> Self {
        Vpn {
            server: fill("Server"),
            user: fill("User"),
            group: Some(fill("Group")),
            password: fill("Password"),
            key: fill("Key"),
            kind: VpnKind::Pptp,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Vpn {
            server: text("Server"),
            user: text("User"),
            group: None,
            password: text("Password"),
            key: text("Key"),
            kind: VpnKind::IkEv2,
            custom_data: None,
        }
    }
}

impl Sample for SetNetworkProfileResponse {
    fn full() -> Self {
        SetNetworkProfileResponse {
            status: SetNetworkProfileStatus::Failed,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetNetworkProfileResponse {
            status: SetNetworkProfileStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
