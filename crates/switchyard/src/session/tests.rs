//! Session scenarios in virtual time: a scripted station, effects resolved by hand.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use serde_json::{Value, json};

use super::*;
use crate::adapters::v16::V16;
use crate::commands::Command;
use crate::domain::{BootPolicy, StartOutcome, StopOutcome, TagStatus, TransactionRecord};
use crate::events::EventKind;

struct Harness {
    session: Session,
    now: Now,
    transmitted: Vec<Value>,
    effects: Vec<Effect>,
}

impl Harness {
    fn new() -> Harness {
        let station = StationId::new("CP-1").unwrap();
        let config = SessionConfig {
            heartbeat_interval: 300,
            id_prefix: "t-".into(),
        };
        let now = Now {
            mono: Instant::now(),
            wall: Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap(),
        };
        Harness {
            session: Session::new(station, &V16, config),
            now,
            transmitted: vec![],
            effects: vec![],
        }
    }

    fn advance(&mut self, by: Duration) {
        self.now.mono += by;
        self.now.wall += chrono::Duration::from_std(by).unwrap();
        self.session.handle_timeout(self.now);
        self.pump();
    }

    fn send(&mut self, frame: Value) {
        self.session.handle_frame(self.now, &frame.to_string());
        self.pump();
    }

    fn pump(&mut self) {
        while let Some(t) = self.session.poll_transmit() {
            self.transmitted.push(serde_json::from_str(&t).unwrap());
        }
        while let Some(e) = self.session.poll_effect() {
            self.effects.push(e);
        }
    }

    fn take_sent(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.transmitted)
    }

    /// The pending effect that needs a result (write or lookup), removed from the list.
    fn take_request(&mut self) -> (EffectId, String) {
        let pos = self
            .effects
            .iter()
            .position(|e| {
                matches!(
                    e,
                    Effect::Write { .. } | Effect::LookupTag { .. } | Effect::LookupStation { .. }
                )
            })
            .expect("an effect awaiting a result");
        match self.effects.remove(pos) {
            Effect::Write { id, write } => (id, format!("{write:?}")),
            Effect::LookupTag { id, id_tag } => (id, format!("tag {id_tag}")),
            Effect::LookupStation { id } => (id, "station".into()),
            _ => unreachable!(),
        }
    }

    fn resolve(&mut self, id: EffectId, result: EffectResult) {
        self.session.handle_effect_result(self.now, id, result);
        self.pump();
    }

    fn events(&self) -> Vec<EventKind> {
        self.effects
            .iter()
            .filter_map(|e| {
                if let Effect::Publish(ev) = e {
                    Some(ev.kind)
                } else {
                    None
                }
            })
            .collect()
    }

    fn boot(&mut self, policy: BootPolicy) -> Value {
        self.send(json!([2, "b1", "BootNotification", {"chargePointVendor": "V", "chargePointModel": "M"}]));
        let (id, what) = self.take_request();
        assert_eq!(what, "station");
        self.resolve(id, EffectResult::Station(Ok(Some(policy))));
        let (id, what) = self.take_request();
        assert!(what.starts_with("Boot("), "{what}");
        assert!(
            self.take_sent().is_empty(),
            "no answer before the boot is stored"
        );
        self.resolve(id, EffectResult::Written(Ok(Written::Boot)));
        self.take_sent().remove(0)
    }
}

fn tx_record(id: i64) -> TransactionRecord {
    let t = Utc.with_ymd_and_hms(2026, 1, 1, 11, 0, 0).unwrap();
    TransactionRecord {
        id,
        ocpp_transaction_id: id.to_string(),
        station_id: StationId::new("CP-1").unwrap(),
        evse_id: 1,
        connector_id: 1,
        id_tag: "TAG".into(),
        started_at: t,
        stopped_at: Some(t),
        meter_start_wh: Some(100.0),
        meter_stop_wh: Some(1100.0),
        stop_reason: Some("Local".into()),
        remote_start_id: None,
        start_received_at: t,
        stop_received_at: Some(t),
        flag: None,
    }
}

#[test]
fn boot_accepted_with_interval_after_the_store_commits() {
    let mut h = Harness::new();
    let reply = h.boot(BootPolicy::Accepted);
    assert_eq!(reply[0], 3);
    assert_eq!(reply[1], "b1");
    assert_eq!(reply[2]["status"], "Accepted");
    assert_eq!(reply[2]["interval"], 300);
    assert_eq!(reply[2]["currentTime"], "2026-01-01T12:00:00.000Z");
    assert_eq!(h.events(), vec![EventKind::StationBooted]);
    assert_eq!(h.session.boot_status(), Some(BootStatus::Accepted));
}

#[test]
fn pending_boot_refuses_other_calls_with_security_error() {
    let mut h = Harness::new();
    assert_eq!(h.boot(BootPolicy::Pending)[2]["status"], "Pending");
    h.send(json!([2, "h1", "Heartbeat", {}]));
    let sent = h.take_sent();
    assert_eq!(sent[0][0], 4);
    assert_eq!(sent[0][1], "h1");
    assert_eq!(sent[0][2], "SecurityError");
    // BootNotification itself is still served.
    assert_eq!(h.boot(BootPolicy::Accepted)[2]["status"], "Accepted");
    h.send(json!([2, "h2", "Heartbeat", {}]));
    assert_eq!(h.take_sent()[0][0], 3);
}

#[test]
fn reconnect_without_boot_is_served() {
    let mut h = Harness::new();
    h.send(json!([2, "h1", "Heartbeat", {}]));
    let sent = h.take_sent();
    assert_eq!(sent[0][0], 3);
    assert_eq!(sent[0][2]["currentTime"], "2026-01-01T12:00:00.000Z");
}

#[test]
fn start_is_answered_only_after_commit_even_for_an_unknown_tag() {
    let mut h = Harness::new();
    h.send(json!([2, "s1", "StartTransaction",
        {"connectorId": 1, "idTag": "NOPE", "meterStart": 100, "timestamp": "2026-01-01T11:00:00Z"}]));
    let (id, what) = h.take_request();
    assert!(what.starts_with("Start("), "{what}");
    assert!(h.take_sent().is_empty(), "ack only after commit");
    let outcome = StartOutcome {
        transaction_id: 7,
        created: true,
        remote_start_id: None,
        tag: None,
    };
    h.resolve(id, EffectResult::Written(Ok(Written::Start(outcome))));
    let sent = h.take_sent();
    assert_eq!(
        sent[0][2],
        json!({"transactionId": 7, "idTagInfo": {"status": "Invalid"}})
    );
    assert_eq!(h.events(), vec![EventKind::TransactionStarted]);
}

#[test]
fn replayed_start_publishes_nothing_new() {
    let mut h = Harness::new();
    h.send(json!([2, "s1", "StartTransaction",
        {"connectorId": 1, "idTag": "T", "meterStart": 100, "timestamp": "2026-01-01T11:00:00Z"}]));
    let (id, _) = h.take_request();
    let tag = crate::domain::TagRecord {
        id_tag: "T".into(),
        status: TagStatus::Accepted,
        expiry_date: None,
        parent_id_tag: None,
    };
    let outcome = StartOutcome {
        transaction_id: 7,
        created: false,
        remote_start_id: None,
        tag: Some(tag),
    };
    h.resolve(id, EffectResult::Written(Ok(Written::Start(outcome))));
    assert_eq!(h.take_sent()[0][2]["idTagInfo"]["status"], "Accepted");
    assert!(h.events().is_empty());
}

#[test]
fn store_failure_is_a_callerror_not_an_ack() {
    let mut h = Harness::new();
    h.send(json!([2, "m1", "MeterValues", {"connectorId": 1, "transactionId": 7,
        "meterValue": [{"timestamp": "2026-01-01T11:30:00Z", "sampledValue": [{"value": "1.5", "unit": "kWh"}]}]}]));
    let (id, what) = h.take_request();
    assert!(what.contains("Number(1500.0)"), "kWh stored as Wh: {what}");
    h.resolve(id, EffectResult::Written(Err("disk full".into())));
    let sent = h.take_sent();
    assert_eq!(sent[0][0], 4);
    assert_eq!(sent[0][2], "InternalError");
}

#[test]
fn stop_without_reason_is_local_and_unknown_transaction_is_confirmed() {
    let mut h = Harness::new();
    h.send(json!([2, "x1", "StopTransaction", {"transactionId": -1, "meterStop": 1100, "timestamp": "2026-01-01T12:00:00Z"}]));
    let (id, what) = h.take_request();
    assert!(what.contains("reason: \"Local\""), "{what}");
    let outcome = StopOutcome {
        transaction: None,
        already_stopped: false,
        tag: None,
    };
    h.resolve(id, EffectResult::Written(Ok(Written::Stop(outcome))));
    assert_eq!(
        h.take_sent()[0],
        json!([3, "x1", {}]),
        "no idTagInfo without an idTag"
    );
    assert!(h.effects.iter().any(|e| matches!(
        e,
        Effect::Observe(Observation::Quirk {
            quirk: Quirk::UnknownTransaction,
            ..
        })
    )));
}

#[test]
fn stop_of_a_transaction_publishes_energy() {
    let mut h = Harness::new();
    h.send(json!([2, "x1", "StopTransaction",
        {"transactionId": 7, "idTag": "T", "meterStop": 1100, "timestamp": "2026-01-01T12:00:00Z", "reason": "EVDisconnected"}]));
    let (id, what) = h.take_request();
    assert!(what.contains("EVDisconnected"), "{what}");
    let outcome = StopOutcome {
        transaction: Some(tx_record(7)),
        already_stopped: false,
        tag: None,
    };
    h.resolve(id, EffectResult::Written(Ok(Written::Stop(outcome))));
    assert_eq!(
        h.take_sent()[0][2],
        json!({"idTagInfo": {"status": "Invalid"}})
    );
    let Some(Effect::Publish(event)) = h.effects.iter().find(|e| matches!(e, Effect::Publish(_)))
    else {
        panic!()
    };
    assert_eq!(event.kind, EventKind::TransactionStopped);
    assert_eq!(event.data["energy_wh"], 1000.0);
}

#[test]
fn invalid_payloads_get_the_fitting_code_and_the_session_goes_on() {
    let mut h = Harness::new();
    h.send(json!([2, "a", "Authorize", {}]));
    h.send(json!([2, "b", "Authorize", {"idTag": 5}]));
    h.send(json!([2, "c", "Authorize", {"idTag": "012345678901234567890"}]));
    h.send(json!([2, "d", "NoSuchAction", {}]));
    h.send(json!([2, "e", "Reset", {"type": "Hard"}]));
    let codes: Vec<_> = h
        .take_sent()
        .iter()
        .map(|f| (f[1].clone(), f[2].clone()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (json!("a"), json!("OccurenceConstraintViolation")),
            (json!("b"), json!("TypeConstraintViolation")),
            (json!("c"), json!("PropertyConstraintViolation")),
            (json!("d"), json!("NotImplemented")),
            (json!("e"), json!("NotSupported")),
        ]
    );
    h.send(json!([2, "f", "Heartbeat", {}]));
    assert_eq!(h.take_sent()[0][0], 3);
}

#[test]
fn command_round_trip_and_timeout() {
    let mut h = Harness::new();
    h.session.handle_command(
        h.now,
        1,
        Command::Reset {
            kind: crate::commands::ResetKind::Soft,
            evse_id: None,
        },
        Duration::from_secs(5),
        1,
    );
    h.pump();
    let call = h.take_sent().remove(0);
    assert_eq!(call[2], "Reset");
    assert_eq!(call[3], json!({"type": "Soft"}));
    h.send(json!([3, call[1], {"status": "Rejected"}]));
    let done = h.effects.iter().find_map(|e| match e {
        Effect::CommandDone { token: 1, result } => Some(
            result
                .as_ref()
                .map(|r| r.status.clone())
                .map_err(|e| e.to_string()),
        ),
        _ => None,
    });
    assert_eq!(done, Some(Ok("Rejected".to_owned())));

    h.session
        .handle_command(h.now, 2, Command::ClearCache, Duration::from_secs(5), 2);
    h.pump();
    h.take_sent();
    h.advance(Duration::from_secs(5));
    assert!(h.effects.iter().any(|e| matches!(
        e,
        Effect::CommandDone {
            token: 2,
            result: Err(CommandError::Timeout(_))
        }
    )));
}

#[test]
fn configuration_answers_are_stored_before_the_command_is_done() {
    let mut h = Harness::new();
    let get = Command::GetConfiguration { keys: Vec::new() };
    h.session
        .handle_command(h.now, 7, get, Duration::from_secs(5), 1);
    h.pump();
    let call = h.take_sent().remove(0);
    assert_eq!(call[2], "GetConfiguration");
    h.send(json!([3, call[1], {"configurationKey": [
        {"key": "HeartbeatInterval", "readonly": false, "value": "300"}]}]));
    let done = |h: &Harness| {
        h.effects
            .iter()
            .any(|e| matches!(e, Effect::CommandDone { token: 7, .. }))
    };
    assert!(!done(&h), "the answer waits for the store");
    let (id, what) = h.take_request();
    assert!(
        what.starts_with("Variables(") && what.contains("HeartbeatInterval"),
        "{what}"
    );
    // A failing store does not turn the station's answer into an error.
    h.resolve(id, EffectResult::Written(Err("disk full".into())));
    let reply = h.effects.iter().find_map(|e| match e {
        Effect::CommandDone { token: 7, result } => Some(result.as_ref().map(|r| r.status.clone())),
        _ => None,
    });
    assert_eq!(reply.map(|r| r.ok()), Some(Some("Accepted".to_owned())));
}

#[test]
fn an_accepted_password_is_in_force_before_the_command_is_done() {
    let mut h = Harness::new();
    let change = Command::ChangeConfiguration {
        key: "AuthorizationKey".into(),
        value: "00112233445566778899aabbccddeeff".into(),
    };
    h.session
        .handle_command(h.now, 8, change, Duration::from_secs(5), 1);
    h.pump();
    let call = h.take_sent().remove(0);
    assert_eq!(call[2], "ChangeConfiguration");
    h.send(json!([3, call[1], {"status": "Accepted"}]));
    let position = h
        .effects
        .iter()
        .position(|e| matches!(e, Effect::ChangePassword { .. }))
        .expect("the new password is stored");
    let Effect::ChangePassword { id, password } = h.effects.remove(position) else {
        unreachable!()
    };
    assert_eq!(password.expose(), "00112233445566778899aabbccddeeff");
    assert!(!format!("{password:?}").contains("0011"), "never printed");
    assert!(
        !h.effects.iter().any(|e| matches!(e, Effect::Write { .. })),
        "the key itself is not kept as configuration"
    );
    assert!(
        !h.effects
            .iter()
            .any(|e| matches!(e, Effect::CommandDone { .. })),
        "the command waits for the password"
    );
    h.resolve(id, EffectResult::Written(Ok(Written::Password(true))));
    assert!(h.effects.iter().any(|e| matches!(
        e,
        Effect::CommandDone { token: 8, result: Ok(r) } if r.status == "Accepted"
    )));
}

#[test]
fn remote_start_is_refused_while_pending_and_correlated_when_accepted() {
    let mut h = Harness::new();
    h.boot(BootPolicy::Pending);
    let start = || Command::RemoteStart {
        evse_id: None,
        connector_id: Some(1),
        id_tag: "T".into(),
        charging_profile: None,
    };
    h.session
        .handle_command(h.now, 1, start(), Duration::from_secs(5), 42);
    h.pump();
    assert!(h.effects.iter().any(|e| matches!(
        e,
        Effect::CommandDone {
            token: 1,
            result: Err(CommandError::Forbidden(_))
        }
    )));
    assert!(h.take_sent().is_empty());

    h.boot(BootPolicy::Accepted);
    h.session
        .handle_command(h.now, 2, start(), Duration::from_secs(5), 43);
    h.pump();
    let call = h.take_sent().remove(0);
    h.send(json!([3, call[1], {"status": "Accepted"}]));
    h.send(json!([2, "s1", "StartTransaction",
        {"connectorId": 1, "idTag": "T", "meterStart": 0, "timestamp": "2026-01-01T12:00:00Z"}]));
    let (_, what) = h.take_request();
    assert!(what.contains("remote_start_id: Some(43)"), "{what}");
}

#[test]
fn quirks_are_reported_once_per_kind() {
    let mut h = Harness::new();
    for id in ["q1", "q2"] {
        h.send(json!([2, id, "Heartbeat", {"vendorExtra": 1}]));
    }
    let firsts: Vec<bool> = h
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Observe(Observation::Quirk { first, .. }) => Some(*first),
            _ => None,
        })
        .collect();
    assert_eq!(firsts, vec![true, false]);
}

#[test]
fn reservation_status_update_is_acknowledged_only_once_stored() {
    let mut h = Harness::new();
    h.session = Session::new(
        StationId::new("CP-201").unwrap(),
        &crate::adapters::v201::V201,
        SessionConfig {
            heartbeat_interval: 300,
            id_prefix: "t-".into(),
        },
    );
    h.send(json!([2, "r1", "ReservationStatusUpdate",
        {"reservationId": 42, "reservationUpdateStatus": "Removed"}]));
    let (id, what) = h.take_request();
    assert!(
        what.starts_with("ReservationStatus(") && what.contains("reservation_id: 42"),
        "{what}"
    );
    assert!(
        what.contains("Cancelled"),
        "Removed is recorded as cancelled: {what}"
    );
    assert!(h.take_sent().is_empty(), "ack only after commit");
    h.resolve(
        id,
        EffectResult::Written(Ok(Written::ReservationStatus(true))),
    );
    assert_eq!(h.take_sent(), vec![json!([3, "r1", {}])]);
    // Not stored: not acknowledged, so the station sends it again.
    h.send(json!([2, "r2", "ReservationStatusUpdate",
        {"reservationId": 43, "reservationUpdateStatus": "Expired"}]));
    let (id, _) = h.take_request();
    h.resolve(id, EffectResult::Written(Err("disk full".into())));
    let sent = h.take_sent();
    assert_eq!(
        (sent[0][0].clone(), sent[0][1].clone()),
        (json!(4), json!("r2"))
    );
}

#[test]
fn a_start_with_a_reservation_writes_it_with_the_start() {
    let mut h = Harness::new();
    h.send(json!([2, "s1", "StartTransaction",
        {"connectorId": 1, "idTag": "T", "meterStart": 100, "timestamp": "2026-01-01T11:00:00Z",
         "reservationId": 42}]));
    let (_, what) = h.take_request();
    assert!(
        what.starts_with("Start(") && what.contains("reservation_id: Some(42)"),
        "{what}"
    );
}

#[test]
fn firmware_and_diagnostics_statuses_are_acknowledged_once_stored() {
    let mut h = Harness::new();
    h.boot(BootPolicy::Accepted);
    h.take_sent();
    let cases = [
        (
            "FirmwareStatusNotification",
            "Installed",
            "FirmwareStatus(",
            Written::FirmwareStatus,
        ),
        (
            "DiagnosticsStatusNotification",
            "Uploaded",
            "DiagnosticsStatus(",
            Written::DiagnosticsStatus(true),
        ),
    ];
    for (action, status, write, written) in cases {
        h.send(json!([2, "n1", action, {"status": status}]));
        let (id, what) = h.take_request();
        assert!(what.starts_with(write), "{what}");
        assert!(what.contains(status), "{what}");
        assert!(h.take_sent().is_empty(), "no answer before it is stored");
        h.resolve(id, EffectResult::Written(Ok(written)));
        assert_eq!(h.take_sent(), vec![json!([3, "n1", {}])]);
    }
}
