//! Samples of the `types` module's types.

use super::*;

impl Sample for CustomData {
    fn full() -> Self {
        <CustomData as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <CustomData as v201::samples::Sample>::minimal()
    }
}

impl Sample for StatusInfo {
    fn full() -> Self {
        StatusInfo {
            reason_code: fill("ReasonCode"),
            additional_info: Some(fill("AdditionalInfo")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        StatusInfo {
            reason_code: text("ReasonCode"),
            additional_info: None,
            custom_data: None,
        }
    }
}

impl Sample for CertificateHashData {
    fn full() -> Self {
        <CertificateHashData as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <CertificateHashData as v201::samples::Sample>::minimal()
    }
}

impl Sample for ComponentVariable {
    fn full() -> Self {
        ComponentVariable {
            component: Component::full(),
            variable: Some(Variable::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ComponentVariable {
            component: Component::minimal(),
            variable: None,
            custom_data: None,
        }
    }
}

impl Sample for Component {
    fn full() -> Self {
        Component {
            evse: Some(Evse::full()),
            name: fill("Name"),
            instance: Some(fill("Instance")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Component {
            evse: None,
            name: text("Name"),
            instance: None,
            custom_data: None,
        }
    }
}

impl Sample for Evse {
    fn full() -> Self {
        Evse {
            id: 3,
            connector_id: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Evse {
            id: 1,
            connector_id: None,
            custom_data: None,
        }
    }
}

impl Sample for Variable {
    fn full() -> Self {
        <Variable as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <Variable as v201::samples::Sample>::minimal()
    }
}

impl Sample for IdToken {
    fn full() -> Self {
        IdToken {
            additional_info: vec![AdditionalInfo::full()],
            id_token: fill("IdToken"),
            kind: fill("Type"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        IdToken {
            additional_info: Vec::new(),
            id_token: text("IdToken"),
            kind: text("Type"),
            custom_data: None,
        }
    }
}

impl Sample for AdditionalInfo {
    fn full() -> Self {
        AdditionalInfo {
            additional_id_token: fill("AdditionalIdToken"),
            kind: fill("Type"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AdditionalInfo {
            additional_id_token: text("AdditionalIdToken"),
            kind: text("Type"),
            custom_data: None,
        }
    }
}

impl Sample for OcspRequestData {
    fn full() -> Self {
        OcspRequestData {
            hash_algorithm: HashAlgorithm::Sha512,
            issuer_name_hash: fill("IssuerNameHash"),
            issuer_key_hash: fill("IssuerKeyHash"),
            serial_number: fill("SerialNumber"),
            responder_url: fill("ResponderURL"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        OcspRequestData {
            hash_algorithm: HashAlgorithm::Sha256,
            issuer_name_hash: text("IssuerNameHash"),
            issuer_key_hash: text("IssuerKeyHash"),
            serial_number: text("SerialNumber"),
            responder_url: text("ResponderURL"),
            custom_data: None,
        }
    }
}

impl Sample for IdTokenInfo {
    fn full() -> Self {
        IdTokenInfo {
            status: AuthorizationStatus::Unknown,
            cache_expiry_date_time: Some(at(60)),
            charging_priority: Some(3),
            group_id_token: Some(IdToken::full()),
            language1: Some(fill("Language1")),
            language2: Some(fill("Language2")),
            evse_id: vec![3],
            personal_message: Some(MessageContent::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        IdTokenInfo {
            status: AuthorizationStatus::Accepted,
            cache_expiry_date_time: None,
            charging_priority: None,
            group_id_token: None,
            language1: None,
            language2: None,
            evse_id: Vec::new(),
            personal_message: None,
            custom_data: None,
        }
    }
}

impl Sample for MessageContent {
    fn full() -> Self {
        MessageContent {
            format: MessageFormat::Qrcode,
            language: Some(fill("Language")),
            content: fill("Content"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        MessageContent {
            format: MessageFormat::Ascii,
            language: None,
            content: text("Content"),
            custom_data: None,
        }
    }
}
