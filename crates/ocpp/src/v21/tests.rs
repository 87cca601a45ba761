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
        if !R::ACTION.is_send_only() {
            self.check::<R::Response>(&format!("{}Response", R::ACTION));
        }
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
    // 90 CALL actions with a request and a response schema, and NotifyPeriodicEventStream.
    assert_eq!(Action::ALL.len(), 91);
    let names: HashSet<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    assert_eq!(names.len(), Action::ALL.len());
    let count = |block| Action::ALL.iter().filter(|a| a.block() == block).count();
    assert_eq!(count(FunctionalBlock::Provisioning), 8);
    assert_eq!(count(FunctionalBlock::TariffAndCost), 5);
    assert_eq!(count(FunctionalBlock::SmartCharging), 13);
    assert_eq!(count(FunctionalBlock::Diagnostics), 16);
    assert_eq!(count(FunctionalBlock::DerControl), 6);
    assert_eq!(count(FunctionalBlock::BatterySwapping), 2);
    assert_eq!(count(FunctionalBlock::DataTransfer), 1);
}

#[test]
fn only_the_periodic_event_stream_is_sent_with_send() {
    let send: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| a.is_send_only())
        .collect();
    assert_eq!(send, [Action::NotifyPeriodicEventStream]);
    assert!(!crate::v201::Action::TransactionEvent.is_send_only());
    let sample = serde_json::to_value(NotifyPeriodicEventStreamRequest::full()).unwrap();
    assert!(sample["data"][0]["v"].is_string());
}

#[test]
fn action_names_parse_back_exactly() {
    for action in Action::ALL {
        assert_eq!(Action::parse(action.as_str()), Some(action));
        assert_eq!(action.to_string(), action.as_str());
    }
    assert_eq!(Action::parse("AFRRSignal"), Some(Action::AFRRSignal));
    assert_eq!(Action::parse("SetDERControl"), Some(Action::SetDERControl));
    assert_eq!(Action::parse("SetDerControl"), None);
    assert_eq!(Action::parse("NotifyEvChargingNeeds"), None);
    assert_eq!(Action::parse("transactionevent"), None);
    assert_eq!(Action::parse(" Heartbeat"), None);
    assert_eq!(Action::parse(""), None);
    assert_eq!(Action::parse("StartTransaction"), None);
}

#[test]
fn senders() {
    assert_eq!(Action::DataTransfer.sender(), Sender::Both);
    assert_eq!(Action::TransactionEvent.sender(), Sender::Station);
    assert_eq!(Action::NotifyPeriodicEventStream.sender(), Sender::Station);
    assert_eq!(Action::SetDefaultTariff.sender(), Sender::Csms);
    assert_eq!(Action::RequestBatterySwap.sender(), Sender::Csms);
    assert_eq!(Action::BatterySwap.sender(), Sender::Station);
    let both: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| a.sender() == Sender::Both)
        .collect();
    assert_eq!(both, [Action::DataTransfer]);
}

#[test]
fn request_types_name_their_action() {
    assert_eq!(TransactionEventRequest::ACTION, Action::TransactionEvent);
    assert_eq!(AFRRSignalRequest::ACTION, Action::AFRRSignal);
    assert_eq!(
        NotifyPeriodicEventStreamRequest::ACTION,
        Action::NotifyPeriodicEventStream
    );
}

#[test]
fn empty_payloads_are_empty_objects() {
    assert_eq!(
        serde_json::to_string(&HeartbeatRequest::default()).unwrap(),
        "{}"
    );
    assert_eq!(
        serde_json::to_string(&ClearTariffsRequest::default()).unwrap(),
        "{}"
    );
    assert_eq!(
        decode::<HeartbeatRequest>("{}").unwrap().value,
        HeartbeatRequest::default()
    );
    assert!(decode::<HeartbeatRequest>("[]").is_err());
    assert!(decode::<HeartbeatRequest>("null").is_err());
}

#[test]
fn id_token_type_is_a_free_string_in_2_1() {
    let json = r#"{"idToken":{"idToken":"04A2","type":"ISO14443"}}"#;
    let d = decode::<AuthorizeRequest>(json).unwrap();
    assert_eq!(d.value.id_token.kind.as_str(), "ISO14443");
    let json = r#"{"idToken":{"idToken":"04A2","type":"SomeNewKind"}}"#;
    assert!(decode::<AuthorizeRequest>(json).is_ok());
    let long = "x".repeat(21);
    let json = format!(r#"{{"idToken":{{"idToken":"04A2","type":"{long}"}}}}"#);
    let err = decode::<AuthorizeRequest>(&json).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::BadValue);
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
    let json = serde_json::to_value(SetChargingProfileRequest::full()).unwrap();
    let period = &json["chargingProfile"]["chargingSchedule"][0]["chargingSchedulePeriod"][0];
    assert!(period["limit_L2"].is_f64() && period["dischargeLimit_L3"].is_f64());
    let json = serde_json::to_value(NotifyEVChargingNeedsRequest::full()).unwrap();
    let dc = &json["chargingNeeds"]["dcChargingParameters"];
    assert!(dc["fullSoC"].is_u64() && dc["bulkSoC"].is_u64());
}

#[test]
fn missing_required_property_is_refused() {
    let err = decode::<StatusNotificationRequest>(
        r#"{"timestamp":"2026-11-21T18:00:00Z","connectorStatus":"Available","evseId":1}"#,
    )
    .unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::Missing);
    let err = decode::<HeartbeatRequest>(r#"{"customData":{}}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::Missing);
}

#[test]
fn bounded_integers_are_enforced() {
    let err = decode::<UnlockConnectorRequest>(r#"{"evseId":-1,"connectorId":1}"#).unwrap_err();
    assert_eq!(err.kind, PayloadErrorKind::BadValue);
    assert_eq!(PhaseCount::new(4), None);
    assert_eq!(PhaseCount::new(3).map(PhaseCount::get), Some(3));
    let schedule = |phases: &str| {
        let json = format!(r#"{{"startPeriod":0,"numberPhases":{phases}}}"#);
        decode::<ChargingSchedulePeriod>(&json)
    };
    assert!(schedule("3").is_ok());
    assert_eq!(schedule("4").unwrap_err().kind, PayloadErrorKind::BadValue);
    assert_eq!(
        schedule("1.5").unwrap_err().kind,
        PayloadErrorKind::WrongType
    );
}

#[test]
fn limits_and_enums_are_enforced() {
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
    let out: Value = serde_json::to_value(&d.value).unwrap();
    assert_eq!(out, serde_json::from_str::<Value>(json).unwrap());
}

#[test]
fn unknown_properties_are_reported() {
    let json = r#"{"evseId":1,"meterValue":[{"timestamp":"2026-11-21T18:00:00Z",
        "sampledValue":[{"value":21.5,"vendorExtra":1}]}]}"#;
    let d = decode::<MeterValuesRequest>(json).unwrap();
    assert_eq!(
        d.quirks,
        vec![Quirk::UnknownProperty(
            "meterValue.0.sampledValue.0.vendorExtra".into()
        )]
    );
}

#[test]
fn samples_fill_strings_to_their_limit() {
    let token = IdToken::full();
    assert_eq!(token.id_token.chars().count(), 255);
    let short: crate::CiString<3> = samples::text("abcdef");
    assert_eq!(short.as_str(), "abc");
}
