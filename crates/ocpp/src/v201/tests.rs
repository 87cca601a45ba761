use std::collections::HashSet;

use serde_json::{Value, json};

use super::samples::{self, Sample, Visit, for_each_action};
use super::*;
use crate::Quirk;
use crate::rpc::{PayloadErrorKind, decode};
use crate::sample_checks::{assert_no_empty_values, property_count, round_trip};

#[derive(Default)]
struct Checker {
    seen: Vec<Action>,
}

impl Checker {
    fn check<T: Sample>(&self, what: &str) {
        let full = T::full();
        let minimal = T::minimal();
        round_trip(&full, &format!("{what} full"));
        round_trip(&minimal, &format!("{what} minimal"));
        let full = serde_json::to_value(&full).unwrap();
        let minimal = serde_json::to_value(&minimal).unwrap();
        assert_no_empty_values(&full, "");
        assert_no_empty_values(&minimal, "");
        assert!(
            property_count(&minimal) < property_count(&full),
            "{what}: the minimal sample has no fewer properties than the full one"
        );
        // Every object may carry customData, so a full sample always has it at the top.
        assert!(full.get("customData").is_some(), "{what}: no customData");
    }
}

impl Visit for Checker {
    fn visit<R>(&mut self)
    where
        R: Request + Sample,
        R::Response: Sample,
    {
        self.seen.push(R::ACTION);
        self.check::<R>(&format!("{}Request", R::ACTION));
        self.check::<R::Response>(&format!("{}Response", R::ACTION));
    }
}

#[test]
fn every_action_round_trips_full_and_minimal_samples() {
    let mut checker = Checker::default();
    for_each_action(&mut checker);
    assert_eq!(checker.seen, Action::ALL);
}

#[test]
fn catalogue_has_every_action_once() {
    assert_eq!(Action::ALL.len(), 64);
    let names: HashSet<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    assert_eq!(names.len(), Action::ALL.len());
    let count = |block| Action::ALL.iter().filter(|a| a.block() == block).count();
    assert_eq!(count(FunctionalBlock::Provisioning), 8);
    assert_eq!(count(FunctionalBlock::SmartCharging), 9);
    assert_eq!(count(FunctionalBlock::Diagnostics), 11);
    assert_eq!(count(FunctionalBlock::DataTransfer), 1);
}

#[test]
fn action_names_parse_back_exactly() {
    for action in Action::ALL {
        assert_eq!(Action::parse(action.as_str()), Some(action));
        assert_eq!(action.to_string(), action.as_str());
    }
    assert_eq!(
        Action::parse("NotifyEVChargingNeeds"),
        Some(Action::NotifyEVChargingNeeds)
    );
    assert_eq!(
        Action::parse("Get15118EVCertificate"),
        Some(Action::Get15118EVCertificate)
    );
    assert_eq!(Action::parse("NotifyEvChargingNeeds"), None);
    assert_eq!(Action::parse("transactionevent"), None);
    assert_eq!(Action::parse(" Heartbeat"), None);
    assert_eq!(Action::parse("HeartbeatRequest"), None);
    assert_eq!(Action::parse(""), None);
    // 1.6 actions that 2.0.1 replaced are not 2.0.1 actions.
    assert_eq!(Action::parse("StartTransaction"), None);
    assert_eq!(Action::parse("RemoteStartTransaction"), None);
}

#[test]
fn senders() {
    assert_eq!(Action::DataTransfer.sender(), Sender::Both);
    assert_eq!(Action::TransactionEvent.sender(), Sender::Station);
    assert_eq!(Action::SignCertificate.sender(), Sender::Station);
    assert_eq!(Action::CertificateSigned.sender(), Sender::Csms);
    assert_eq!(Action::Get15118EVCertificate.sender(), Sender::Station);
    assert_eq!(Action::RequestStartTransaction.sender(), Sender::Csms);
    let both: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| a.sender() == Sender::Both)
        .collect();
    assert_eq!(both, [Action::DataTransfer]);
}

#[test]
fn request_types_name_their_action() {
    assert_eq!(TransactionEventRequest::ACTION, Action::TransactionEvent);
    assert_eq!(
        NotifyEVChargingNeedsRequest::ACTION,
        Action::NotifyEVChargingNeeds
    );
}

#[test]
fn empty_payloads_are_empty_objects() {
    assert_eq!(
        serde_json::to_string(&HeartbeatRequest::default()).unwrap(),
        "{}"
    );
    assert_eq!(
        serde_json::to_string(&ClearCacheRequest::default()).unwrap(),
        "{}"
    );
    assert_eq!(
        decode::<HeartbeatRequest>("{}").unwrap().value,
        HeartbeatRequest::default()
    );
    assert_eq!(
        decode::<MeterValuesResponse>(" { } ").unwrap().value,
        MeterValuesResponse::default()
    );
    assert!(decode::<HeartbeatRequest>("[]").is_err());
    assert!(decode::<HeartbeatRequest>("null").is_err());
}

#[test]
fn optional_fields_are_omitted_not_null() {
    let json = serde_json::to_string(&BootNotificationRequest::minimal()).unwrap();
    assert_eq!(
        json,
        r#"{"chargingStation":{"model":"Model","vendorName":"VendorName"},"reason":"ApplicationReset"}"#
    );
    let json = serde_json::to_string(&GetLocalListVersionRequest::minimal()).unwrap();
    assert_eq!(json, "{}");
}

#[test]
fn field_names_follow_the_schemas() {
    let json = serde_json::to_value(ResetRequest {
        kind: Reset::OnIdle,
        evse_id: None,
        custom_data: None,
    })
    .unwrap();
    assert_eq!(json, json!({"type": "OnIdle"}));
    let json = serde_json::to_value(AuthorizeRequest::full()).unwrap();
    assert!(json["idToken"]["type"].is_string());
    assert!(json["iso15118CertificateHashData"][0]["responderURL"].is_string());
    let json = serde_json::to_value(NotifyEVChargingNeedsRequest::full()).unwrap();
    let dc = &json["chargingNeeds"]["dcChargingParameters"];
    assert!(dc["fullSoC"].is_u64() && dc["bulkSoC"].is_u64());
    let json = serde_json::to_value(TransactionEventRequest::full()).unwrap();
    assert!(json["meterValue"][0]["sampledValue"][0]["value"].is_f64());
    assert!(json["transactionInfo"]["transactionId"].is_string());
}

#[test]
fn missing_required_property_is_refused() {
    let err = decode::<StatusNotificationRequest>(
        r#"{"timestamp":"2026-11-21T18:00:00Z","connectorStatus":"Available","evseId":1}"#,
    )
    .unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::Missing);
    assert_eq!(err.message, "required property `connectorId` is missing");
    let err = decode::<AuthorizeResponse>(r#"{"idTokenInfo":{}}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::Missing);
    let err = decode::<HeartbeatRequest>(r#"{"customData":{}}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::Missing);
}

#[test]
fn evse_ids_may_not_be_negative() {
    let err = decode::<UnlockConnectorRequest>(r#"{"evseId":-1,"connectorId":1}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::BadValue);
    let d = decode::<UnlockConnectorRequest>(r#"{"evseId":0,"connectorId":1}"#).unwrap();
    assert_eq!(d.value.evse_id, 0);
}

#[test]
fn limits_and_enums_are_enforced() {
    let too_long = "x".repeat(37);
    let json = format!(r#"{{"idToken":{{"idToken":"{too_long}","type":"Central"}}}}"#);
    let err = decode::<AuthorizeRequest>(&json).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::BadValue);
    let err = decode::<ResetRequest>(r#"{"type":"immediate"}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::BadValue);
    let err = decode::<ResetRequest>(r#"{"type":1}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::WrongType);
}

#[test]
fn custom_data_is_known_and_kept_whole() {
    let json = r#"{"customData":{"vendorId":"com.example","build":{"n":7},"tags":["a"]}}"#;
    let d = decode::<HeartbeatRequest>(json).unwrap();
    assert!(d.quirks.is_empty(), "{:?}", d.quirks);
    let custom = d.value.custom_data.clone().unwrap();
    assert_eq!(custom.vendor_id.as_str(), "com.example");
    assert_eq!(custom.extra["build"], json!({"n": 7}));
    let out: Value = serde_json::to_value(&d.value).unwrap();
    assert_eq!(out, serde_json::from_str::<Value>(json).unwrap());
    let err = decode::<HeartbeatRequest>(r#"{"customData":{"vendorId":7}}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::WrongType);
}

#[test]
fn unknown_properties_are_reported() {
    let json = r#"{"evseId":1,"meterValue":[{"timestamp":"2026-11-21T18:00:00Z",
        "sampledValue":[{"value":21.5,"measurand":"Voltage","vendorExtra":1}]}]}"#;
    let d = decode::<MeterValuesRequest>(json).unwrap();
    assert_eq!(d.value.meter_value[0].sampled_value[0].value, 21.5);
    assert_eq!(
        d.quirks,
        vec![Quirk::UnknownProperty(
            "meterValue.0.sampledValue.0.vendorExtra".into()
        )]
    );
}

#[test]
fn data_transfer_data_is_any_json() {
    for data in [r#""text""#, "7", r#"{"a":[1,2]}"#, "[true]"] {
        let json = format!(r#"{{"vendorId":"com.example","data":{data}}}"#);
        let d = decode::<DataTransferRequest>(&json).unwrap();
        let expected: Value = serde_json::from_str(data).unwrap();
        assert_eq!(d.value.data, Some(expected));
    }
}

#[test]
fn samples_fill_strings_to_their_limit() {
    let token = IdToken::full();
    assert_eq!(token.id_token.chars().count(), 36);
    let custom = CustomData::full();
    let short: crate::CiString<3> = samples::text("abcdef");
    assert_eq!(short.as_str(), "abc");
    assert_eq!(custom.vendor_id.chars().count(), 255);
}

#[test]
fn state_of_charge_is_a_percentage() {
    let dc = |soc: &str| {
        let json = format!(
            r#"{{"evseId":1,"chargingNeeds":{{"requestedEnergyTransfer":"DC",
            "dcChargingParameters":{{"evMaxCurrent":100,"evMaxVoltage":400,"stateOfCharge":{soc}}}}}}}"#
        );
        decode::<NotifyEVChargingNeedsRequest>(&json)
    };
    let d = dc("100").unwrap();
    let params = d.value.charging_needs.dc_charging_parameters.unwrap();
    assert_eq!(params.state_of_charge.map(Percent::get), Some(100));
    assert_eq!(dc("101").unwrap_err().kind, PayloadErrorKind::BadValue);
    assert_eq!(dc("-1").unwrap_err().kind, PayloadErrorKind::BadValue);
    assert_eq!(dc("50.5").unwrap_err().kind, PayloadErrorKind::WrongType);
    assert_eq!(Percent::new(101), None);
}

#[test]
fn unlisted_measurands_are_kept_and_noted() {
    let d = decode::<SampledValue>(r#"{"value":21.5,"measurand":"Temperature"}"#).unwrap();
    let Some(Measurand::Unlisted(name)) = &d.value.measurand else {
        panic!("{:?}", d.value.measurand);
    };
    assert_eq!(name.as_str(), "Temperature");
    assert_eq!(d.quirks, vec![Quirk::UnlistedName]);
    assert_eq!(
        serde_json::to_string(&d.value).unwrap(),
        r#"{"value":21.5,"measurand":"Temperature"}"#
    );
    // Listed names are no quirk; the wrong type is still a type error.
    let d = decode::<SampledValue>(r#"{"value":1,"measurand":"Voltage"}"#).unwrap();
    assert_eq!(d.value.measurand, Some(Measurand::Voltage));
    assert!(d.quirks.is_empty());
    let error = decode::<SampledValue>(r#"{"value":1,"measurand":7}"#).unwrap_err();
    assert_eq!(error.kind, PayloadErrorKind::WrongType);
    let long = format!(r#"{{"value":1,"measurand":"{}"}}"#, "x".repeat(51));
    assert!(decode::<SampledValue>(&long).is_err());
}
