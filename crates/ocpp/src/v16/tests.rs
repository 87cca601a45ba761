use std::collections::HashSet;

use super::samples::{self, Sample, Visit, for_each_action};
use super::*;
use crate::rpc::{PayloadErrorKind, decode};
use crate::sample_checks::{assert_no_empty_values, property_count, round_trip};
use crate::{CiString, Quirk};

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
            property_count(&minimal) <= property_count(&full),
            "{what}: the minimal sample has more than the full one"
        );
    }
}

impl Visit for Checker {
    fn visit<R>(&mut self)
    where
        R: Request + Sample,
        R::Response: Sample,
    {
        self.seen.push(R::ACTION);
        self.check::<R>(&format!("{}.req", R::ACTION));
        self.check::<R::Response>(&format!("{}.conf", R::ACTION));
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
    assert_eq!(Action::ALL.len(), 39);
    let names: HashSet<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    assert_eq!(names.len(), Action::ALL.len());
    let security = Action::ALL
        .iter()
        .filter(|a| a.profile() == Profile::Security)
        .count();
    assert_eq!(security, 11);
    let core = Action::ALL
        .iter()
        .filter(|a| a.profile() == Profile::Core)
        .count();
    assert_eq!(core, 16);
}

#[test]
fn action_names_parse_back_exactly() {
    for action in Action::ALL {
        assert_eq!(Action::parse(action.as_str()), Some(action));
        assert_eq!(action.to_string(), action.as_str());
    }
    assert_eq!(
        Action::parse("BootNotification"),
        Some(Action::BootNotification)
    );
    assert_eq!(Action::parse("bootnotification"), None);
    assert_eq!(Action::parse(" Heartbeat"), None);
    assert_eq!(Action::parse("Heartbeat.req"), None);
    assert_eq!(Action::parse(""), None);
}

#[test]
fn senders() {
    assert_eq!(Action::DataTransfer.sender(), Sender::Both);
    assert_eq!(Action::BootNotification.sender(), Sender::Station);
    assert_eq!(Action::SignCertificate.sender(), Sender::Station);
    assert_eq!(Action::CertificateSigned.sender(), Sender::Csms);
    assert_eq!(Action::TriggerMessage.sender(), Sender::Csms);
    let both: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| a.sender() == Sender::Both)
        .collect();
    assert_eq!(both, [Action::DataTransfer]);
}

#[test]
fn request_types_name_their_action() {
    assert_eq!(AuthorizeRequest::ACTION, Action::Authorize);
    assert_eq!(
        SignedFirmwareStatusNotificationRequest::ACTION,
        Action::SignedFirmwareStatusNotification
    );
}

#[test]
fn empty_payloads_are_empty_objects() {
    assert_eq!(serde_json::to_string(&HeartbeatRequest {}).unwrap(), "{}");
    assert_eq!(
        serde_json::to_string(&ClearCacheRequest::default()).unwrap(),
        "{}"
    );
    assert_eq!(
        serde_json::to_string(&StopTransactionResponse::default()).unwrap(),
        "{}"
    );
    assert_eq!(
        decode::<HeartbeatRequest>("{}").unwrap().value,
        HeartbeatRequest {}
    );
    assert_eq!(
        decode::<MeterValuesResponse>(" { } ").unwrap().value,
        MeterValuesResponse {}
    );
    assert!(decode::<HeartbeatRequest>("[]").is_err());
    assert!(decode::<HeartbeatRequest>("null").is_err());
}

#[test]
fn optional_fields_are_omitted_not_null() {
    let json = serde_json::to_string(&BootNotificationRequest::minimal()).unwrap();
    assert_eq!(
        json,
        r#"{"chargePointVendor":"Switchyard","chargePointModel":"Sim-1"}"#
    );
    let json = serde_json::to_string(&SendLocalListRequest::minimal()).unwrap();
    assert_eq!(json, r#"{"listVersion":1,"updateType":"Full"}"#);
    let json = serde_json::to_string(&GetConfigurationRequest::default()).unwrap();
    assert_eq!(json, "{}");
}

#[test]
fn field_names_follow_the_schemas() {
    let json = serde_json::to_value(ResetRequest {
        kind: ResetType::Soft,
    })
    .unwrap();
    assert_eq!(json, serde_json::json!({"type": "Soft"}));
    let json = serde_json::to_value(GetConfigurationResponse::full()).unwrap();
    assert_eq!(json["configurationKey"][0]["readonly"], true);
    let json = serde_json::to_value(GetLogResponse::full()).unwrap();
    assert!(json.get("filename").is_some());
    let json = serde_json::to_value(SetChargingProfileRequest::full()).unwrap();
    assert!(json["csChargingProfiles"]["chargingSchedule"]["chargingSchedulePeriod"].is_array());
    let json = serde_json::to_value(StatusNotificationRequest::full()).unwrap();
    assert_eq!(json["errorCode"], "EVCommunicationError");
    assert_eq!(json["status"], "SuspendedEVSE");
}

#[test]
fn missing_required_property_is_refused() {
    let err = decode::<StartTransactionRequest>(
        r#"{"connectorId":1,"idTag":"A","timestamp":"2026-11-21T18:00:00Z"}"#,
    )
    .unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::Missing);
    assert_eq!(err.message, "required property `meterStart` is missing");
    let err = decode::<AuthorizeResponse>(r#"{"idTagInfo":{}}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::Missing);
}

#[test]
fn stop_transaction_reason_is_optional() {
    let d = decode::<StopTransactionRequest>(
        r#"{"meterStop":10,"timestamp":"2026-11-21T18:00:00Z","transactionId":3}"#,
    )
    .unwrap();
    assert_eq!(d.value.reason, None);
    assert!(d.value.transaction_data.is_empty());
}

#[test]
fn transaction_id_may_be_minus_one_but_connector_id_may_not() {
    let d = decode::<RemoteStopTransactionRequest>(r#"{"transactionId":-1}"#).unwrap();
    assert_eq!(d.value.transaction_id, -1);
    let err = decode::<UnlockConnectorRequest>(r#"{"connectorId":-1}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::BadValue);
}

#[test]
fn limits_and_enums_are_enforced() {
    let too_long = "x".repeat(21);
    let err = decode::<AuthorizeRequest>(&format!(r#"{{"idTag":"{too_long}"}}"#)).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::BadValue);
    let err = decode::<ResetRequest>(r#"{"type":"hard"}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::BadValue);
    let err = decode::<ResetRequest>(r#"{"type":1}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::WrongType);
}

#[test]
fn unknown_properties_and_celcius_are_reported() {
    let json = r#"{"connectorId":1,"meterValue":[{"timestamp":"2026-11-21T18:00:00Z",
        "sampledValue":[{"value":"21.5","unit":"Celcius","measurand":"Temperature",
        "vendorExtra":1}]}]}"#;
    let d = decode::<MeterValuesRequest>(json).unwrap();
    let unit = d.value.meter_value[0].sampled_value[0].unit;
    assert_eq!(unit, Some(UnitOfMeasure::Celsius));
    assert_eq!(
        d.quirks,
        vec![
            Quirk::MisspelledUnit,
            Quirk::UnknownProperty("meterValue.0.sampledValue.0.vendorExtra".into())
        ]
    );
    let out = serde_json::to_string(&d.value).unwrap();
    assert!(out.contains(r#""unit":"Celsius""#), "{out}");
}

#[test]
fn samples_fill_strings_to_their_limit() {
    let tag: IdToken = samples::fill("TAG");
    assert_eq!(tag.chars().count(), 20);
    assert!(
        tag.len() > 20,
        "the sample should count characters, not bytes"
    );
    let short: CiString<3> = samples::text("abcdef");
    assert_eq!(short.as_str(), "abc");
}
