use serde_json::json;

use super::*;

fn raw(value: serde_json::Value) -> Box<RawValue> {
    serde_json::value::to_raw_value(&value).unwrap()
}

fn decode(action: &str, payload: serde_json::Value) -> Result<(Inbound, Vec<Quirk>), DecodeError> {
    let station = crate::domain::StationId::new("CP-1").unwrap();
    let context = CallContext {
        station_id: &station,
        received_at: chrono::Utc::now(),
    };
    V16.decode_call(action, &raw(payload), context)
}

fn decode_ok(action: &str, payload: serde_json::Value) -> (Inbound, Vec<Quirk>) {
    decode(action, payload).unwrap()
}

#[test]
fn meter_values_are_normalised() {
    let (inbound, quirks) = decode_ok(
        "MeterValues",
        json!({"connectorId": 2, "transactionId": 9, "meterValue": [{"timestamp": "2026-01-01T10:00:00", "sampledValue": [
            {"value": "12.5", "unit": "kWh", "measurand": "Energy.Active.Import.Register", "context": "Sample.Periodic"},
            {"value": "230.1", "unit": "V", "measurand": "Voltage", "phase": "L1-N"},
            {"value": "21.5", "unit": "Celcius", "measurand": "Temperature", "location": "Body"},
            {"value": "1000"},
            {"value": "AB12", "format": "SignedData"}
        ]}]}),
    );
    assert!(quirks.contains(&Quirk::MisspelledUnit));
    assert!(quirks.contains(&Quirk::TimestampWithoutZone));
    let Inbound::Meter(info) = inbound else {
        panic!()
    };
    assert_eq!(info.ocpp_transaction_id.as_deref(), Some("9"));
    let sv = &info.meter_values[0].sampled_value;
    assert_eq!(sv[0].value, SampleValue::Number(12500.0));
    assert_eq!(sv[0].unit.as_deref(), Some("Wh"));
    assert_eq!(sv[0].context.as_deref(), Some("Sample.Periodic"));
    assert_eq!(sv[1].phase.as_deref(), Some("L1-N"));
    assert_eq!(sv[2].unit.as_deref(), Some("Celsius"));
    assert_eq!(sv[2].location.as_deref(), Some("Body"));
    assert_eq!(sv[3].measurand, "Energy.Active.Import.Register");
    assert_eq!(sv[3].unit.as_deref(), Some("Wh"), "energy defaults to Wh");
    assert_eq!(sv[4].value, SampleValue::Text("AB12".into()));
    assert_eq!(
        info.meter_values[0].timestamp.to_rfc3339(),
        "2026-01-01T10:00:00+00:00"
    );
}

#[test]
fn unknown_properties_are_reported_not_refused() {
    let (_, quirks) = decode_ok("Heartbeat", json!({"x": 1}));
    assert_eq!(quirks, vec![Quirk::UnknownProperty("x".into())]);
}

#[test]
fn station_cannot_send_csms_actions() {
    assert!(matches!(
        decode("RemoteStartTransaction", json!({"idTag": "x"})),
        Err(DecodeError::NotSupported)
    ));
    assert!(matches!(
        decode("Bogus", json!({})),
        Err(DecodeError::UnknownAction)
    ));
}

#[test]
fn commands_encode_to_the_schema_shapes() {
    let encode = |c: Command| {
        let (action, payload, _) = V16.encode_command(&c, 1).unwrap();
        (
            action,
            serde_json::from_str::<serde_json::Value>(payload.get()).unwrap(),
        )
    };
    assert_eq!(
        encode(Command::RemoteStart {
            evse_id: Some(2),
            connector_id: None,
            id_tag: "T".into(),
            charging_profile: None,
        }),
        (
            "RemoteStartTransaction".into(),
            json!({"connectorId": 2, "idTag": "T"})
        )
    );
    assert_eq!(
        encode(Command::ChangeAvailability {
            evse_id: None,
            connector_id: None,
            kind: Availability::Inoperative
        }),
        (
            "ChangeAvailability".into(),
            json!({"connectorId": 0, "type": "Inoperative"})
        )
    );
    assert_eq!(
        encode(Command::GetConfiguration { keys: vec![] }),
        ("GetConfiguration".into(), json!({}))
    );
    assert_eq!(
        encode(Command::TriggerMessage {
            message: "StatusNotification".into(),
            evse_id: Some(1)
        }),
        (
            "TriggerMessage".into(),
            json!({"requestedMessage": "StatusNotification", "connectorId": 1})
        )
    );
    assert!(
        V16.encode_command(
            &Command::TriggerMessage {
                message: "Nope".into(),
                evse_id: None
            },
            1
        )
        .is_err()
    );
    assert!(
        V16.encode_command(
            &Command::RemoteStart {
                evse_id: None,
                connector_id: None,
                id_tag: "x".repeat(21),
                charging_profile: None,
            },
            1
        )
        .is_err()
    );
}

#[test]
fn raw_calls_are_validated() {
    let raw_call = |action: &str, payload| Command::Raw {
        action: action.into(),
        payload: raw(payload),
    };
    assert!(
        V16.encode_command(
            &raw_call("ChangeConfiguration", json!({"key": "a", "value": "b"})),
            1
        )
        .is_ok()
    );
    assert!(
        V16.encode_command(&raw_call("ChangeConfiguration", json!({"key": "a"})), 1)
            .is_err()
    );
    assert!(
        V16.encode_command(&raw_call("Heartbeat", json!({})), 1)
            .is_err(),
        "stations send Heartbeat"
    );
    assert!(V16.encode_command(&raw_call("Nope", json!({})), 1).is_err());
}

#[test]
fn replies_give_a_status() {
    let reply = V16.decode_reply(&Expect::Status, raw(json!({"status": "Unlocked"})));
    assert_eq!(reply.status, "Unlocked");
    let reply = V16.decode_reply(&Expect::Configuration, raw(json!({"configurationKey": []})));
    assert_eq!(reply.status, "Accepted");
}

#[test]
fn configuration_answers_are_kept_leniently() {
    let long = "x".repeat(600);
    let reply = V16.decode_reply(
        &Expect::Configuration,
        raw(json!({"configurationKey": [
            {"key": "HeartbeatInterval", "readonly": false, "value": "300"},
            {"key": "NumberOfConnectors", "readonly": true, "value": "2"},
            {"key": "VendorBlob", "readonly": true, "value": long},
            {"key": "NoValue", "readonly": false}
        ], "unknownKey": ["Nope"]})),
    );
    let kept: Vec<_> = reply
        .variables
        .iter()
        .map(|v| {
            let a = &v.attributes[0];
            (
                v.key.configuration_name(),
                a.value.as_deref().map(str::len),
                a.mutability,
            )
        })
        .collect();
    assert_eq!(
        kept,
        vec![
            (
                "HeartbeatInterval".to_owned(),
                Some(3),
                Some(Mutability::ReadWrite)
            ),
            (
                "NumberOfConnectors".to_owned(),
                Some(1),
                Some(Mutability::ReadOnly)
            ),
            (
                "VendorBlob".to_owned(),
                Some(600),
                Some(Mutability::ReadOnly)
            ),
            ("NoValue".to_owned(), None, Some(Mutability::ReadWrite)),
        ]
    );
    assert!(kept.iter().all(|(k, ..)| k != "Nope"));

    let (_, _, expect) = V16
        .encode_command(
            &Command::ChangeConfiguration {
                key: "HeartbeatInterval".into(),
                value: "60".into(),
            },
            0,
        )
        .unwrap();
    let rejected = V16.decode_reply(&expect, raw(json!({"status": "Rejected"})));
    assert!(rejected.variables.is_empty());
    let accepted = V16.decode_reply(&expect, raw(json!({"status": "Accepted"})));
    assert_eq!(accepted.status, "Accepted");
    assert_eq!(
        accepted.variables[0].attributes[0].value.as_deref(),
        Some("60")
    );

    let (action, _, expect) = V16
        .encode_command(
            &Command::GetBaseReport {
                report_base: crate::commands::ReportBase::FullInventory,
            },
            0,
        )
        .unwrap();
    assert_eq!(
        (action.as_str(), expect),
        ("GetConfiguration", Expect::Configuration)
    );
}

#[test]
fn authorization_key_is_redacted() {
    let frame =
        r#"[2,"1","ChangeConfiguration",{"key":"AuthorizationKey","value":"0011223344556677"}]"#;
    let redacted = V16.redact(frame);
    assert!(!redacted.contains("0011223344556677"));
    assert!(redacted.contains("AuthorizationKey"));
    for sneaky in [
        r#"[2,"1","ChangeConfiguration",{"key":"authorizationkey","value":"0011223344556677"}]"#,
        r#"[2,"1","ChangeConfiguration",{"key":"Authorization\u004bey","value":"0011223344556677"}]"#,
        r#"[3,"1",{"configurationKey":[{"key":"AUTHORIZATIONKEY","readonly":false,"value":"0011223344556677"}]}]"#,
    ] {
        assert!(!V16.redact(sneaky).contains("0011223344556677"), "{sneaky}");
    }
    let other = r#"[2,"1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"60"}]"#;
    assert_eq!(V16.redact(other), other);
}

#[test]
fn case_insensitive_search_finds_every_spelling_and_nothing_else() {
    assert!(contains_ignore_ascii_case(
        "xxAuThOrIzAtIoNkEy",
        "authorizationkey"
    ));
    assert!(contains_ignore_ascii_case(
        "authorizationkey",
        "authorizationkey"
    ));
    assert!(contains_ignore_ascii_case(
        "aaauthorizationkeyy",
        "authorizationkey"
    ));
    assert!(!contains_ignore_ascii_case(
        "authorizationke",
        "authorizationkey"
    ));
    assert!(!contains_ignore_ascii_case(
        "authorization key",
        "authorizationkey"
    ));
    assert!(!contains_ignore_ascii_case("", "authorizationkey"));
    assert!(contains_ignore_ascii_case("anything", ""));
    // Not confused by multi-byte characters around a match.
    assert!(contains_ignore_ascii_case(
        "é🔑AUTHORIZATIONKEYé",
        "authorizationkey"
    ));
}

#[test]
fn what_16_cannot_express_is_refused() {
    let reset = Command::Reset {
        kind: ResetKind::Soft,
        evse_id: Some(1),
    };
    assert!(matches!(
        V16.encode_command(&reset, 0),
        Err(CommandError::Invalid(_))
    ));
    let status = Command::GetTransactionStatus { transaction: None };
    assert!(matches!(
        V16.encode_command(&status, 0),
        Err(CommandError::Invalid(_))
    ));
}

fn reservation(connector_id: u32, parent: Option<&str>) -> crate::domain::ReservationRecord {
    let now = chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap();
    crate::domain::ReservationRecord {
        id: 42,
        station_id: crate::domain::StationId::new("CP-1").unwrap(),
        evse_id: (connector_id > 0).then_some(connector_id),
        connector_id,
        id_tag: "CARD-1".into(),
        parent_id_tag: parent.map(Into::into),
        id_token_type: None,
        connector_type: None,
        expires_at: now + chrono::Duration::minutes(30),
        status: crate::domain::ReservationStatus::Active,
        transaction_id: None,
        created_at: now,
        updated_at: now,
    }
}

#[test]
fn reserve_now_and_cancel_reservation_are_schema_valid() {
    let mut typed = reservation(2, Some("GROUP-1"));
    // 1.6 idTags have no type: it is left out, not refused.
    typed.id_token_type = Some("ISO14443".into());
    let command = Command::ReserveNow {
        reservation: Box::new(typed),
    };
    let (action, payload, expect) = V16.encode_command(&command, 1).unwrap();
    assert_eq!(action, "ReserveNow");
    assert_eq!(expect, Expect::Status);
    v16::validate_request(Action::ReserveNow, payload.get()).unwrap();
    let sent: serde_json::Value = serde_json::from_str(payload.get()).unwrap();
    assert_eq!(
        sent,
        json!({"connectorId": 2, "expiryDate": "2026-01-01T00:30:00.000Z", "idTag": "CARD-1",
               "parentIdTag": "GROUP-1", "reservationId": 42})
    );
    // The whole charge point, no parent.
    let command = Command::ReserveNow {
        reservation: Box::new(reservation(0, None)),
    };
    let (_, payload, _) = V16.encode_command(&command, 1).unwrap();
    let sent: serde_json::Value = serde_json::from_str(payload.get()).unwrap();
    assert_eq!(sent["connectorId"], 0);
    assert!(sent.get("parentIdTag").is_none());

    // 1.6 has no connector types: refused rather than reserving something else.
    let mut by_type = reservation(0, None);
    by_type.connector_type = Some("cType2".into());
    let command = Command::ReserveNow {
        reservation: Box::new(by_type),
    };
    assert!(matches!(
        V16.encode_command(&command, 1),
        Err(CommandError::Invalid(_))
    ));

    let command = Command::CancelReservation { reservation_id: 42 };
    let (action, payload, _) = V16.encode_command(&command, 1).unwrap();
    assert_eq!(action, "CancelReservation");
    v16::validate_request(Action::CancelReservation, payload.get()).unwrap();
    assert_eq!(payload.get(), r#"{"reservationId":42}"#);
    let too_big = Command::CancelReservation {
        reservation_id: i64::from(i32::MAX) + 1,
    };
    assert!(matches!(
        V16.encode_command(&too_big, 1),
        Err(CommandError::Invalid(_))
    ));
}

#[test]
fn start_transaction_carries_its_reservation() {
    let (inbound, _) = decode(
        "StartTransaction",
        json!({"connectorId": 1, "idTag": "CARD-1", "meterStart": 0,
               "timestamp": "2026-01-01T00:00:00Z", "reservationId": 42}),
    )
    .unwrap();
    let Inbound::Start(start) = inbound else {
        panic!("{inbound:?}")
    };
    assert_eq!(start.reservation_id, Some(42));
}
