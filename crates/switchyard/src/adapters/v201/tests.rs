use super::*;
use crate::commands::{ReportBase, ResetKind};
use crate::domain::{AttributeKind, Mutability, StationId, VariableKey};

fn context(station: &StationId) -> CallContext<'_> {
    CallContext {
        station_id: station,
        received_at: chrono::Utc::now(),
    }
}

fn raw(json: &str) -> Box<RawValue> {
    RawValue::from_string(json.to_owned()).unwrap()
}

#[test]
fn transaction_event_becomes_the_domain_event() {
    let station = StationId::new("CP-201").unwrap();
    let payload = raw(
        r#"{"eventType":"Ended","timestamp":"2026-01-01T10:00:00Z","triggerReason":"EVDeparted",
            "seqNo":4,"offline":true,
            "transactionInfo":{"transactionId":"abc-1","stoppedReason":"EVDisconnected",
                               "remoteStartId":12},
            "evse":{"id":2,"connectorId":1},"idToken":{"idToken":"CARD","type":"ISO14443"},
            "meterValue":[{"timestamp":"2026-01-01T10:00:00Z","sampledValue":[
                {"value":12.5,"unitOfMeasure":{"unit":"kWh","multiplier":0}},
                {"value":7.2,"measurand":"Power.Active.Import",
                 "unitOfMeasure":{"unit":"W","multiplier":3}}]}]}"#,
    );
    let (inbound, quirks) = V201
        .decode_call("TransactionEvent", &payload, context(&station))
        .unwrap();
    assert!(quirks.is_empty());
    let Inbound::TransactionEvent(event) = inbound else {
        panic!("{inbound:?}");
    };
    assert_eq!(event.kind, TransactionEventKind::Ended);
    assert_eq!(event.ocpp_transaction_id, "abc-1");
    assert_eq!((event.seq_no, event.offline), (4, true));
    assert_eq!((event.evse_id, event.connector_id), (Some(2), Some(1)));
    assert_eq!(event.id_tag.as_deref(), Some("CARD"));
    assert_eq!(event.remote_start_id, Some(12));
    assert_eq!(event.stopped_reason.as_deref(), Some("EVDisconnected"));
    assert_eq!(event.trigger_reason, "EVDeparted");
    assert_eq!(event.protocol, "ocpp2.0.1");
    let samples = &event.meter_values[0].sampled_value;
    assert_eq!(samples[0].measurand, "Energy.Active.Import.Register");
    assert_eq!(samples[0].value, SampleValue::Number(12_500.0));
    assert_eq!(samples[0].unit.as_deref(), Some("Wh"));
    assert_eq!(samples[1].value, SampleValue::Number(7_200.0));
    assert_eq!(samples[1].unit.as_deref(), Some("W"));
}

#[test]
fn a_sample_without_unit_is_in_wh() {
    let value: v201::SampledValue = serde_json::from_str(r#"{"value":1.5}"#).unwrap();
    let sample = sampled_value(value);
    assert_eq!(sample.value, SampleValue::Number(1.5));
    assert_eq!(sample.unit.as_deref(), Some("Wh"));
}

#[test]
fn boot_and_status_and_unknown() {
    let station = StationId::new("CP-201").unwrap();
    let boot = raw(
        r#"{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V",
            "serialNumber":"S-1","firmwareVersion":"1.0"}}"#,
    );
    let (inbound, _) = V201
        .decode_call("BootNotification", &boot, context(&station))
        .unwrap();
    assert_eq!(
        inbound,
        Inbound::Boot(BootInfo {
            vendor: "V".into(),
            model: "M".into(),
            serial_number: Some("S-1".into()),
            firmware_version: Some("1.0".into()),
        })
    );
    let status = raw(
        r#"{"timestamp":"2026-01-01T10:00:00Z","connectorStatus":"Occupied","evseId":2,
            "connectorId":1}"#,
    );
    let (inbound, _) = V201
        .decode_call("StatusNotification", &status, context(&station))
        .unwrap();
    let Inbound::Status(report) = inbound else {
        panic!("{inbound:?}");
    };
    assert_eq!(
        (
            report.connector.evse_id,
            report.connector.connector_id,
            report.connector.status.as_str()
        ),
        (2, 1, "Occupied")
    );
    assert!(matches!(
        V201.decode_call("StartTransaction", &raw("{}"), context(&station)),
        Err(DecodeError::UnknownAction)
    ));
    assert!(matches!(
        V201.decode_call("Reset", &raw(r#"{"type":"OnIdle"}"#), context(&station)),
        Err(DecodeError::NotSupported)
    ));
}

#[test]
fn commands_map_onto_2_0_1_calls() {
    let (action, payload, _) = V201
        .encode_command(
            &Command::RemoteStart {
                evse_id: Some(1),
                connector_id: None,
                id_tag: "APP".into(),
                charging_profile: None,
            },
            77,
        )
        .unwrap();
    assert_eq!(action, "RequestStartTransaction");
    let json: serde_json::Value = serde_json::from_str(payload.get()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"evseId": 1, "remoteStartId": 77,
                           "idToken": {"idToken": "APP", "type": "Central"}})
    );
    let (action, payload, expect) = V201
        .encode_command(
            &Command::ChangeConfiguration {
                key: "OCPPCommCtrlr.HeartbeatInterval".into(),
                value: "60".into(),
            },
            0,
        )
        .unwrap();
    assert_eq!(action, "SetVariables");
    assert_eq!(
        expect,
        Expect::Change {
            key: VariableKey::component_variable("OCPPCommCtrlr", "HeartbeatInterval"),
            value: "60".into()
        }
    );
    v201::validate_request(Action::SetVariables, payload.get()).unwrap();
    let reply = V201.decode_reply(
        &expect,
        raw(
            r#"{"setVariableResult":[{"attributeStatus":"RebootRequired",
               "component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}"#,
        ),
    );
    assert_eq!(reply.status, "RebootRequired");
    assert!(
        reply.variables.is_empty(),
        "only an accepted change is kept"
    );
    let reply = V201.decode_reply(
        &expect,
        raw(r#"{"setVariableResult":[{"attributeStatus":"Accepted",
               "component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}"#),
    );
    assert_eq!(reply.variables.len(), 1);
    assert_eq!(
        reply.variables[0].attributes[0].value.as_deref(),
        Some("60")
    );
    assert!(matches!(
        V201.encode_command(&Command::GetConfiguration { keys: Vec::new() }, 0),
        Err(CommandError::Invalid(_))
    ));
    assert!(matches!(
        V201.encode_command(
            &Command::ChangeConfiguration {
                key: "NoDot".into(),
                value: "1".into()
            },
            0
        ),
        Err(CommandError::Invalid(_))
    ));
}

#[test]
fn basic_auth_password_is_redacted() {
    let frame = r#"[2,"1","SetVariables",{"setVariableData":[
        {"attributeValue":"s3cret-pass","component":{"name":"SecurityCtrlr"},
         "variable":{"name":"BasicAuthPassword"}},
        {"attributeValue":"60","component":{"name":"OCPPCommCtrlr"},
         "variable":{"name":"HeartbeatInterval"}}]}]"#;
    let redacted = V201.redact(frame);
    assert!(!redacted.contains("s3cret-pass"), "{redacted}");
    assert!(redacted.contains("BasicAuthPassword") && redacted.contains("\"60\""));
    // Spelled in another case, or hidden behind a JSON escape: still found.
    for sneaky in [
        frame.replace("BasicAuthPassword", "basicauthpassword"),
        frame.replace("BasicAuthPassword", "Basic\\u0041uthPassword"),
    ] {
        assert!(!V201.redact(&sneaky).contains("s3cret-pass"), "{sneaky}");
    }
    // Other frames pass untouched, without a copy.
    let plain = r#"[2,"2","Heartbeat",{}]"#;
    assert!(matches!(V201.redact(plain), Cow::Borrowed(_)));
}

#[test]
fn notify_report_becomes_variables() {
    let station = StationId::new("CP-201").unwrap();
    let payload = raw(
        r#"{"requestId":7,"generatedAt":"2026-01-01T10:00:00Z","seqNo":0,"tbc":false,
            "reportData":[
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},
               "variableAttribute":[{"type":"Actual","value":"300","mutability":"ReadWrite",
                                     "persistent":true,"constant":false},
                                    {"type":"MaxSet","value":"3600"}],
               "variableCharacteristics":{"unit":"s","dataType":"integer","minLimit":1,
                                          "supportsMonitoring":false}},
              {"component":{"name":"Connector","instance":"left","evse":{"id":2,"connectorId":1}},
               "variable":{"name":"ConnectorType","instance":"x"},
               "variableAttribute":[{"value":"cCCS2","mutability":"ReadOnly"}]}]}"#,
    );
    let (inbound, quirks) = V201
        .decode_call("NotifyReport", &payload, context(&station))
        .unwrap();
    assert!(quirks.is_empty());
    let Inbound::Variables(variables) = inbound else {
        panic!("{inbound:?}");
    };
    assert_eq!(variables.len(), 2);
    let hb = &variables[0];
    assert_eq!(
        hb.key,
        VariableKey::component_variable("OCPPCommCtrlr", "HeartbeatInterval")
    );
    assert_eq!(hb.attributes.len(), 2);
    assert_eq!(hb.attributes[1].kind, AttributeKind::MaxSet);
    let characteristics = hb.characteristics.as_ref().unwrap();
    assert_eq!(characteristics.data_type, "integer");
    assert_eq!(characteristics.unit.as_deref(), Some("s"));
    let connector = &variables[1];
    assert_eq!(connector.key.evse_id, Some(2));
    assert_eq!(connector.key.connector_id, Some(1));
    assert_eq!(connector.key.component_instance.as_deref(), Some("left"));
    assert_eq!(connector.key.variable_instance.as_deref(), Some("x"));
    // No type: Actual.
    assert_eq!(connector.attributes[0].kind, AttributeKind::Actual);
    assert_eq!(
        connector.attributes[0].mutability,
        Some(Mutability::ReadOnly)
    );
}

#[test]
fn get_variables_answers_keep_what_was_read() {
    let (action, payload, expect) = V201
        .encode_command(
            &Command::GetConfiguration {
                keys: vec!["OCPPCommCtrlr.HeartbeatInterval".into(), "X.Y".into()],
            },
            0,
        )
        .unwrap();
    assert_eq!(action, "GetVariables");
    assert_eq!(expect, Expect::Configuration);
    v201::validate_request(Action::GetVariables, payload.get()).unwrap();
    let reply = V201.decode_reply(
        &expect,
        raw(r#"{"getVariableResult":[
                {"attributeStatus":"Accepted","attributeValue":"300",
                 "component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}},
                {"attributeStatus":"UnknownComponent",
                 "component":{"name":"X"},"variable":{"name":"Y"}}]}"#),
    );
    assert_eq!(reply.status, "Accepted");
    assert_eq!(reply.variables.len(), 1);
    assert_eq!(
        reply.variables[0].attributes[0].value.as_deref(),
        Some("300")
    );
}

#[test]
fn get_base_report_names_a_fresh_request() {
    let (action, payload, expect) = V201
        .encode_command(
            &Command::GetBaseReport {
                report_base: ReportBase::ConfigurationInventory,
            },
            4242,
        )
        .unwrap();
    assert_eq!(action, "GetBaseReport");
    assert_eq!(expect, Expect::Status);
    v201::validate_request(Action::GetBaseReport, payload.get()).unwrap();
    let json: serde_json::Value = serde_json::from_str(payload.get()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"requestId": 4242, "reportBase": "ConfigurationInventory"})
    );
}

#[test]
fn an_unlisted_measurand_does_not_lose_the_message() {
    let station = StationId::new("CP-201").unwrap();
    let payload = raw(
        r#"{"evseId":1,"meterValue":[{"timestamp":"2026-01-01T10:00:00Z","sampledValue":[
            {"value":1250,"measurand":"Energy.Active.Import.Register"},
            {"value":41.5,"measurand":"Temperature","unitOfMeasure":{"unit":"Celsius"}}]}]}"#,
    );
    let (inbound, quirks) = V201
        .decode_call("MeterValues", &payload, context(&station))
        .unwrap();
    assert_eq!(quirks, vec![Quirk::UnlistedName]);
    let Inbound::Meter(readings) = inbound else {
        panic!("{inbound:?}");
    };
    let samples = &readings.meter_values[0].sampled_value;
    assert_eq!(samples[0].value, SampleValue::Number(1250.0));
    assert_eq!(samples[1].measurand, "Temperature");
    assert_eq!(samples[1].unit.as_deref(), Some("Celsius"));
}

#[test]
fn reset_of_an_evse_and_transaction_status() {
    let (action, payload, _) = V201
        .encode_command(
            &Command::Reset {
                kind: ResetKind::Hard,
                evse_id: Some(2),
            },
            0,
        )
        .unwrap();
    assert_eq!(action, "Reset");
    let json: serde_json::Value = serde_json::from_str(payload.get()).unwrap();
    assert_eq!(json, serde_json::json!({"type": "Immediate", "evseId": 2}));

    let t = chrono::Utc::now();
    let record = crate::domain::TransactionRecord {
        id: 9,
        ocpp_transaction_id: "tx-77".into(),
        station_id: StationId::new("CP-201").unwrap(),
        evse_id: 1,
        connector_id: 1,
        id_tag: "TAG".into(),
        started_at: t,
        stopped_at: None,
        meter_start_wh: None,
        meter_stop_wh: None,
        stop_reason: None,
        remote_start_id: None,
        start_received_at: t,
        stop_received_at: None,
        flag: None,
    };
    for (transaction, expected) in [
        (
            Some(Box::new(record)),
            serde_json::json!({"transactionId": "tx-77"}),
        ),
        (None, serde_json::json!({})),
    ] {
        let (action, payload, expect) = V201
            .encode_command(&Command::GetTransactionStatus { transaction }, 0)
            .unwrap();
        assert_eq!(
            (action.as_str(), expect),
            ("GetTransactionStatus", Expect::Status)
        );
        v201::validate_request(Action::GetTransactionStatus, payload.get()).unwrap();
        let json: serde_json::Value = serde_json::from_str(payload.get()).unwrap();
        assert_eq!(json, expected);
    }
}

#[test]
fn a_no_authorization_token_is_not_authorized() {
    let station = StationId::new("CP-201").unwrap();
    let payload = raw(
        r#"{"eventType":"Started","timestamp":"2026-01-01T10:00:00Z","triggerReason":"CablePluggedIn",
            "seqNo":0,"transactionInfo":{"transactionId":"free-1"},
            "idToken":{"idToken":"","type":"NoAuthorization"}}"#,
    );
    let (inbound, _) = V201
        .decode_call("TransactionEvent", &payload, context(&station))
        .unwrap();
    let Inbound::TransactionEvent(event) = inbound else {
        panic!("{inbound:?}");
    };
    assert_eq!(
        event.id_tag, None,
        "no idTokenInfo to answer, so none saying Invalid"
    );
}

#[test]
fn a_raw_set_variables_reads_each_result_and_an_accepted_password() {
    let payload = raw(r#"{"setVariableData":[
            {"attributeValue":"this-is-the-new-password","component":{"name":"SecurityCtrlr"},
             "variable":{"name":"BasicAuthPassword"}},
            {"attributeValue":"30","component":{"name":"OCPPCommCtrlr"},
             "variable":{"name":"HeartbeatInterval"}},
            {"attributeValue":"99","attributeType":"MaxSet","component":{"name":"SampledDataCtrlr"},
             "variable":{"name":"TxUpdatedInterval"}}]}"#);
    let (_, _, expect) = V201
        .encode_command(
            &Command::Raw {
                action: "SetVariables".into(),
                payload,
            },
            1,
        )
        .unwrap();
    let password = VariableKey::component_variable("SecurityCtrlr", "BasicAuthPassword");
    let heartbeat = VariableKey::component_variable("OCPPCommCtrlr", "HeartbeatInterval");
    assert_eq!(
        expect,
        Expect::SetVariables(vec![
            (password.clone(), "this-is-the-new-password".into()),
            (heartbeat.clone(), "30".into()),
        ]),
        "a MaxSet is not the variable's value"
    );
    let answer = |password_status: &str| {
        raw(&format!(
            r#"{{"setVariableResult":[
                {{"attributeStatus":"{password_status}","component":{{"name":"SecurityCtrlr"}},
                  "variable":{{"name":"BasicAuthPassword"}}}},
                {{"attributeStatus":"Accepted","component":{{"name":"OCPPCommCtrlr"}},
                  "variable":{{"name":"HeartbeatInterval"}}}}]}}"#
        ))
    };
    let reply = V201.decode_reply(&expect, answer("Rejected"));
    assert_eq!(
        reply.new_password, None,
        "a rejected password keeps the old"
    );
    assert_eq!(reply.variables.len(), 1);
    assert_eq!(reply.variables[0].key, heartbeat);
    let reply = V201.decode_reply(&expect, answer("Accepted"));
    assert_eq!(
        reply.new_password,
        Some(crate::auth::Password::new("this-is-the-new-password"))
    );
    // A password in another component is not the station's Basic auth password.
    assert!(!VariableKey::component_variable("Other", "BasicAuthPassword").is_station_password());
}

fn reservation(evse_id: Option<u32>, parent: Option<&str>) -> crate::domain::ReservationRecord {
    let now = chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap();
    crate::domain::ReservationRecord {
        id: 42,
        station_id: StationId::new("CP-201").unwrap(),
        evse_id,
        connector_id: 0,
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

fn sent(command: &Command, action: Action) -> serde_json::Value {
    let (name, payload, expect) = V201.encode_command(command, 1).unwrap();
    assert_eq!(name, action.as_str());
    assert_eq!(expect, Expect::Status);
    v201::validate_request(action, payload.get()).unwrap();
    serde_json::from_str(payload.get()).unwrap()
}

#[test]
fn reserve_now_names_an_evse_or_none_and_the_group() {
    let mut typed = reservation(Some(2), Some("GROUP-1"));
    typed.id_token_type = Some("ISO14443".into());
    let command = Command::ReserveNow {
        reservation: Box::new(typed),
    };
    assert_eq!(
        sent(&command, Action::ReserveNow),
        serde_json::json!({"id": 42, "expiryDateTime": "2026-01-01T00:30:00.000Z",
            "idToken": {"idToken": "CARD-1", "type": "ISO14443"}, "evseId": 2,
            "groupIdToken": {"idToken": "GROUP-1", "type": "Central"}})
    );
    // Any EVSE (H01 S1): no evseId, and no connectorType either.
    let command = Command::ReserveNow {
        reservation: Box::new(reservation(None, None)),
    };
    assert_eq!(
        sent(&command, Action::ReserveNow),
        serde_json::json!({"id": 42, "expiryDateTime": "2026-01-01T00:30:00.000Z",
            "idToken": {"idToken": "CARD-1", "type": "Central"}})
    );
    // A connector type (H01 S3, TC_H_15), and no EVSE.
    let mut by_type = reservation(None, None);
    by_type.connector_type = Some("cType2".into());
    let command = Command::ReserveNow {
        reservation: Box::new(by_type),
    };
    assert_eq!(
        sent(&command, Action::ReserveNow)["connectorType"],
        serde_json::json!("cType2")
    );
    for (id_token_type, connector_type) in [(Some("Card"), None), (None, Some("Type2"))] {
        let mut bad = reservation(None, None);
        bad.id_token_type = id_token_type.map(Into::into);
        bad.connector_type = connector_type.map(Into::into);
        let command = Command::ReserveNow {
            reservation: Box::new(bad),
        };
        assert!(matches!(
            V201.encode_command(&command, 1),
            Err(CommandError::Invalid(_))
        ));
    }
    let command = Command::CancelReservation { reservation_id: 42 };
    assert_eq!(
        sent(&command, Action::CancelReservation),
        serde_json::json!({"reservationId": 42})
    );
}

#[test]
fn reservation_status_updates_and_transaction_events_name_the_reservation() {
    let station = StationId::new("CP-201").unwrap();
    for (update, status) in [
        ("Expired", ReservationStatus::Expired),
        ("Removed", ReservationStatus::Cancelled),
    ] {
        let payload = raw(&format!(
            r#"{{"reservationId":42,"reservationUpdateStatus":"{update}"}}"#
        ));
        let (inbound, _) = V201
            .decode_call("ReservationStatusUpdate", &payload, context(&station))
            .unwrap();
        let Inbound::ReservationStatus(decoded) = inbound else {
            panic!("{inbound:?}");
        };
        assert_eq!((decoded.reservation_id, decoded.status), (42, status));
        assert_eq!(decoded.station_id, station);
    }
    let payload = raw(
        r#"{"eventType":"Started","timestamp":"2026-01-01T10:00:00Z",
            "triggerReason":"Authorized","seqNo":0,"reservationId":42,
            "transactionInfo":{"transactionId":"abc-2"},"evse":{"id":1,"connectorId":1},
            "idToken":{"idToken":"CARD-1","type":"ISO14443"}}"#,
    );
    let (inbound, _) = V201
        .decode_call("TransactionEvent", &payload, context(&station))
        .unwrap();
    let Inbound::TransactionEvent(event) = inbound else {
        panic!("{inbound:?}");
    };
    assert_eq!(event.reservation_id, Some(42));
}
