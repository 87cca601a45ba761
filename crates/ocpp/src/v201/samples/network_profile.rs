//! Samples of the `network_profile` module's types.

use super::*;

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
            apn_authentication: ApnAuthentication::Chap,
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

impl Sample for NetworkConnectionProfile {
    fn full() -> Self {
        NetworkConnectionProfile {
            apn: Some(Apn::full()),
            ocpp_version: OcppVersion::Ocpp20,
            ocpp_transport: OcppTransport::Soap,
            ocpp_csms_url: fill("OcppCsmsUrl"),
            message_timeout: 3,
            security_profile: 3,
            ocpp_interface: OcppInterface::Wireless3,
            vpn: Some(Vpn::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NetworkConnectionProfile {
            apn: None,
            ocpp_version: OcppVersion::Ocpp12,
            ocpp_transport: OcppTransport::Json,
            ocpp_csms_url: text("OcppCsmsUrl"),
            message_timeout: 1,
            security_profile: 1,
            ocpp_interface: OcppInterface::Wired0,
            vpn: None,
            custom_data: None,
        }
    }
}
