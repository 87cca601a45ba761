//! The station's answers, fed frames and read back, in virtual time: no sockets, no sleeps.

use std::time::Duration;

use serde_json::{Value, json};

use super::*;

/// A station plus a scripted central system that answers every station call at once.
struct Harness {
    st: Station,
    now: Now,
    /// Every CALL the station sent: (action, payload).
    sent: Vec<(String, Value)>,
    /// The station's answers to our calls: the whole frame.
    answers: Vec<Value>,
    events: Vec<StationEvent>,
    next_tx: i64,
    server_ids: u64,
}

impl Harness {
    fn new(scenario: Scenario) -> Harness {
        let st = Station::new(StationConfig {
            id: "SIM-1".into(),
            connectors: 2,
            meter_interval: Duration::from_secs(10),
            id_tag: "TAG".into(),
            scenario,
            protocol: Protocol::Ocpp16,
        });
        Harness {
            st,
            now: Now::system(),
            sent: Vec::new(),
            answers: Vec::new(),
            events: Vec::new(),
            next_tx: 100,
            server_ids: 0,
        }
    }

    /// Connected, booted, and the boot-time StatusNotifications answered.
    fn booted(scenario: Scenario) -> Harness {
        let mut h = Harness::new(scenario);
        h.st.handle_connected(h.now);
        h.pump();
        assert!(h.events.contains(&StationEvent::Booted));
        h.take_sent();
        h
    }

    /// Answer everything the station sends until it is silent.
    fn pump(&mut self) {
        while let Some(text) = self.st.poll_transmit() {
            let frame: Value = serde_json::from_str(&text).expect("station sends JSON");
            if frame[0] != 2 {
                self.answers.push(frame);
                continue;
            }
            let action = frame[2].as_str().expect("action").to_owned();
            let reply = match action.as_str() {
                "BootNotification" => {
                    json!({"status": "Accepted", "currentTime": "2026-01-01T00:00:00Z", "interval": 300})
                }
                "Authorize" => json!({"idTagInfo": {"status": "Accepted"}}),
                "StartTransaction" => {
                    self.next_tx += 1;
                    json!({"idTagInfo": {"status": "Accepted"}, "transactionId": self.next_tx})
                }
                "Heartbeat" => json!({"currentTime": "2026-01-01T00:00:00Z"}),
                _ => json!({}),
            };
            self.sent.push((action, frame[3].clone()));
            let answer = json!([3, frame[1], reply]).to_string();
            self.st.handle_frame(self.now, &answer);
        }
        while let Some(event) = self.st.poll_event() {
            self.events.push(event);
        }
    }

    /// The server calls the station; returns the answer frame.
    fn call(&mut self, action: &str, payload: Value) -> Value {
        self.server_ids += 1;
        let id = format!("s{}", self.server_ids);
        let frame = json!([2, id, action, payload]).to_string();
        self.st.handle_frame(self.now, &frame);
        self.pump();
        let position = self
            .answers
            .iter()
            .position(|a| a[1] == id)
            .expect("the station answered");
        self.answers.remove(position)
    }

    fn take_sent(&mut self) -> Vec<(String, Value)> {
        std::mem::take(&mut self.sent)
    }

    fn actions(sent: &[(String, Value)]) -> Vec<&str> {
        sent.iter().map(|(a, _)| a.as_str()).collect()
    }

    /// Advance virtual time to `t` from now, firing every timer on the way.
    fn advance(&mut self, by: Duration) {
        let end = self.now.mono + by;
        while let Some(at) = self.st.poll_timeout().filter(|at| *at <= end) {
            self.now = self.now.after(at.saturating_duration_since(self.now.mono));
            self.st.handle_timeout(self.now);
            self.pump();
        }
        self.now = self.now.after(end.saturating_duration_since(self.now.mono));
    }

    fn completed(&self) -> Vec<CompletedTransaction> {
        self.events
            .iter()
            .filter_map(|e| match e {
                StationEvent::TransactionCompleted(done) => Some(done.clone()),
                _ => None,
            })
            .collect()
    }

    /// Start a transaction on connector 1 by remote start; returns its id.
    fn remote_start(&mut self) -> i64 {
        let answer = self.call(
            "RemoteStartTransaction",
            json!({"connectorId": 1, "idTag": "R"}),
        );
        assert_eq!(answer[2], json!({"status": "Accepted"}));
        self.take_sent();
        self.next_tx
    }
}

#[test]
fn boot_sends_status_per_connector() {
    let mut h = Harness::new(Scenario::Idle);
    h.st.handle_connected(h.now);
    h.pump();
    let sent = h.take_sent();
    assert_eq!(
        Harness::actions(&sent),
        [
            "BootNotification",
            "StatusNotification",
            "StatusNotification"
        ]
    );
    assert_eq!(sent[0].1["chargePointVendor"], "Switchyard");
    assert_eq!(sent[1].1["connectorId"], 1);
    assert_eq!(sent[2].1["status"], "Available");
    // Heartbeat at the interval the server gave.
    h.advance(Duration::from_secs(301));
    assert_eq!(Harness::actions(&h.take_sent()), ["Heartbeat"]);
}

#[test]
fn remote_start_is_answered_before_the_transaction_starts() {
    let mut h = Harness::booted(Scenario::Idle);
    let answer = h.call("RemoteStartTransaction", json!({"idTag": "R"}));
    assert_eq!(answer[2], json!({"status": "Accepted"}));
    let sent = h.take_sent();
    assert_eq!(
        Harness::actions(&sent),
        [
            "StatusNotification",
            "Authorize",
            "StartTransaction",
            "StatusNotification"
        ]
    );
    assert_eq!(sent[0].1["status"], "Preparing");
    assert_eq!(sent[2].1["connectorId"], 1);
    assert_eq!(sent[2].1["idTag"], "R");
    assert_eq!(sent[3].1["status"], "Charging");
    // Connector 1 is busy now: a second remote start on it is refused, the first free one
    // (connector 2) is used when none is named.
    let busy = h.call(
        "RemoteStartTransaction",
        json!({"connectorId": 1, "idTag": "R"}),
    );
    assert_eq!(busy[2], json!({"status": "Rejected"}));
    h.call("RemoteStartTransaction", json!({"idTag": "R"}));
    assert_eq!(h.take_sent()[2].1["connectorId"], 2);
}

#[test]
fn remote_start_skips_authorize_when_configured() {
    let mut h = Harness::booted(Scenario::Idle);
    h.call(
        "ChangeConfiguration",
        json!({"key": "AuthorizeRemoteTxRequests", "value": "false"}),
    );
    h.call("RemoteStartTransaction", json!({"idTag": "R"}));
    let sent = h.take_sent();
    assert_eq!(
        Harness::actions(&sent),
        [
            "StatusNotification",
            "StartTransaction",
            "StatusNotification"
        ]
    );
}

#[test]
fn remote_stop_stops_with_reason_remote() {
    let mut h = Harness::booted(Scenario::Idle);
    let tx = h.remote_start();
    h.advance(Duration::from_secs(60));
    h.take_sent();
    let unknown = h.call("RemoteStopTransaction", json!({"transactionId": 9999}));
    assert_eq!(unknown[2], json!({"status": "Rejected"}));
    let answer = h.call("RemoteStopTransaction", json!({"transactionId": tx}));
    assert_eq!(answer[2], json!({"status": "Accepted"}));
    let sent = h.take_sent();
    assert_eq!(
        Harness::actions(&sent),
        [
            "StatusNotification",
            "StopTransaction",
            "StatusNotification"
        ]
    );
    assert_eq!(sent[1].1["reason"], "Remote");
    assert_eq!(sent[1].1["transactionId"], tx);
    assert_eq!(sent[2].1["status"], "Available");
    let done = h.completed();
    assert_eq!(done.len(), 1);
    // 11,040 W for a minute: 184 Wh.
    assert_eq!(done[0].meter_stop_wh - done[0].meter_start_wh, 184);
}

#[test]
fn reset_stops_transactions_then_asks_to_reconnect() {
    let mut h = Harness::booted(Scenario::Idle);
    h.remote_start();
    let answer = h.call("Reset", json!({"type": "Soft"}));
    assert_eq!(answer[2], json!({"status": "Accepted"}));
    let sent = h.take_sent();
    let stop = sent
        .iter()
        .find(|(a, _)| a == "StopTransaction")
        .expect("a stop");
    assert_eq!(stop.1["reason"], "SoftReset");
    assert!(h.events.contains(&StationEvent::Reconnect));
    // The driver reconnects: a fresh boot.
    h.st.handle_disconnected(h.now);
    h.st.handle_connected(h.now);
    h.pump();
    assert_eq!(Harness::actions(&h.take_sent())[0], "BootNotification");
}

#[test]
fn change_configuration_follows_the_store_rules() {
    let mut h = Harness::booted(Scenario::Idle);
    let status = |h: &mut Harness, key: &str, value: &str| {
        h.call("ChangeConfiguration", json!({"key": key, "value": value}))[2]["status"].clone()
    };
    assert_eq!(status(&mut h, "HeartbeatInterval", "60"), "Accepted");
    assert_eq!(status(&mut h, "heartbeatinterval", "61"), "Accepted");
    assert_eq!(status(&mut h, "HeartbeatInterval", "soon"), "Rejected");
    assert_eq!(status(&mut h, "NumberOfConnectors", "4"), "Rejected");
    assert_eq!(
        status(&mut h, "SupportedFeatureProfiles", "Core"),
        "Rejected"
    );
    assert_eq!(status(&mut h, "LocalAuthorizeOffline", "maybe"), "Rejected");
    assert_eq!(status(&mut h, "NoSuchKey", "1"), "NotSupported");
    assert_eq!(h.st.config_store().get("HeartbeatInterval"), Some("61"));
    // The new heartbeat interval applies at once.
    h.advance(Duration::from_secs(62));
    assert_eq!(Harness::actions(&h.take_sent()), ["Heartbeat"]);
}

#[test]
fn get_configuration_lists_all_or_the_asked_keys() {
    let mut h = Harness::booted(Scenario::Idle);
    let all = h.call("GetConfiguration", json!({}));
    let keys = all[2]["configurationKey"].as_array().expect("keys");
    assert!(keys.len() >= 20);
    assert!(keys.contains(&json!({"key": "NumberOfConnectors", "readonly": true, "value": "2"})));
    assert!(
        keys.contains(&json!({"key": "SupportedFeatureProfiles", "readonly": true,
                "value": "Core,LocalAuthListManagement,RemoteTrigger"}))
    );
    assert!(all[2].get("unknownKey").is_none());
    let some = h.call(
        "GetConfiguration",
        json!({"key": ["HeartbeatInterval", "Nope"]}),
    );
    assert_eq!(
        some[2],
        json!({"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"}],
               "unknownKey": ["Nope"]})
    );
}

#[test]
fn unlock_connector_unlocks_and_ends_a_session() {
    let mut h = Harness::booted(Scenario::Idle);
    assert_eq!(
        h.call("UnlockConnector", json!({"connectorId": 2}))[2],
        json!({"status": "Unlocked"})
    );
    assert_eq!(
        h.call("UnlockConnector", json!({"connectorId": 7}))[2],
        json!({"status": "UnlockFailed"})
    );
    h.remote_start();
    h.call("UnlockConnector", json!({"connectorId": 1}));
    let sent = h.take_sent();
    let stop = sent
        .iter()
        .find(|(a, _)| a == "StopTransaction")
        .expect("a stop");
    assert_eq!(stop.1["reason"], "UnlockCommand");
}

#[test]
fn change_availability_changes_status_or_is_scheduled() {
    let mut h = Harness::booted(Scenario::Idle);
    let answer = h.call(
        "ChangeAvailability",
        json!({"connectorId": 2, "type": "Inoperative"}),
    );
    assert_eq!(answer[2], json!({"status": "Accepted"}));
    let sent = h.take_sent();
    assert_eq!(Harness::actions(&sent), ["StatusNotification"]);
    assert_eq!(
        sent[0].1,
        json!({"connectorId": 2, "errorCode": "NoError", "status": "Unavailable", "timestamp": sent[0].1["timestamp"]})
    );
    // An unavailable connector takes no remote start.
    let refused = h.call(
        "RemoteStartTransaction",
        json!({"connectorId": 2, "idTag": "R"}),
    );
    assert_eq!(refused[2], json!({"status": "Rejected"}));
    // Charging on connector 1: the change waits for the session's end.
    let tx = h.remote_start();
    let answer = h.call(
        "ChangeAvailability",
        json!({"connectorId": 0, "type": "Inoperative"}),
    );
    assert_eq!(answer[2], json!({"status": "Scheduled"}));
    h.call("RemoteStopTransaction", json!({"transactionId": tx}));
    let sent = h.take_sent();
    assert_eq!(sent.last().expect("a status").1["status"], "Unavailable");
    let bad = h.call(
        "ChangeAvailability",
        json!({"connectorId": 9, "type": "Operative"}),
    );
    assert_eq!(bad[2], json!({"status": "Rejected"}));
}

#[test]
fn clear_cache_and_data_transfer() {
    let mut h = Harness::booted(Scenario::Idle);
    assert_eq!(
        h.call("ClearCache", json!({}))[2],
        json!({"status": "Accepted"})
    );
    assert_eq!(
        h.call("DataTransfer", json!({"vendorId": "ACME", "data": "x"}))[2],
        json!({"status": "UnknownVendorId"})
    );
}

#[test]
fn trigger_message_sends_what_was_asked() {
    let mut h = Harness::booted(Scenario::Idle);
    for (message, expected) in [
        ("BootNotification", vec!["BootNotification"]),
        ("Heartbeat", vec!["Heartbeat"]),
        (
            "StatusNotification",
            vec!["StatusNotification", "StatusNotification"],
        ),
        ("MeterValues", vec!["MeterValues", "MeterValues"]),
    ] {
        let answer = h.call("TriggerMessage", json!({"requestedMessage": message}));
        assert_eq!(answer[2], json!({"status": "Accepted"}), "{message}");
        assert_eq!(Harness::actions(&h.take_sent()), expected, "{message}");
    }
    let one = h.call(
        "TriggerMessage",
        json!({"requestedMessage": "MeterValues", "connectorId": 2}),
    );
    assert_eq!(one[2], json!({"status": "Accepted"}));
    let sent = h.take_sent();
    assert_eq!(sent[0].1["connectorId"], 2);
    assert_eq!(
        sent[0].1["meterValue"][0]["sampledValue"][0]["context"],
        "Trigger"
    );
    let firmware = h.call(
        "TriggerMessage",
        json!({"requestedMessage": "FirmwareStatusNotification"}),
    );
    assert_eq!(firmware[2], json!({"status": "NotImplemented"}));
}

#[test]
fn other_calls_get_call_errors() {
    let mut h = Harness::booted(Scenario::Idle);
    let reserve = h.call(
        "ReserveNow",
        json!({"connectorId": 1, "expiryDate": "2026-01-01T00:00:00Z", "idTag": "R", "reservationId": 1}),
    );
    assert_eq!(reserve[0], 4);
    assert_eq!(reserve[2], "NotSupported");
    assert_eq!(h.call("Frobnicate", json!({}))[2], "NotImplemented");
    let bad = h.call("Reset", json!({"type": "Sideways"}));
    assert_eq!(bad[0], 4);
    assert_eq!(bad[2], "PropertyConstraintViolation");
}

#[test]
fn charge_scenario_meters_and_completes_sessions() {
    let scenario = Scenario::Charge {
        session: Duration::from_secs(60),
        pause: Duration::from_secs(5),
    };
    let mut h = Harness::booted(scenario);
    h.advance(Duration::from_secs(150));
    let sent = h.take_sent();
    let meters: Vec<&Value> = sent
        .iter()
        .filter(|(a, _)| a == "MeterValues")
        .map(|(_, p)| p)
        .collect();
    assert!(meters.len() >= 10, "{} meter values", meters.len());
    let sample = &meters[0]["meterValue"][0]["sampledValue"];
    let measurands: Vec<&str> = sample
        .as_array()
        .expect("samples")
        .iter()
        .map(|s| s["measurand"].as_str().expect("measurand"))
        .collect();
    for m in [
        "Energy.Active.Import.Register",
        "Power.Active.Import",
        "Current.Import",
        "Voltage",
        "SoC",
    ] {
        assert!(measurands.contains(&m), "{m} in {measurands:?}");
    }
    // The register only goes up, per connector.
    let register = |p: &Value| -> i64 {
        p["meterValue"][0]["sampledValue"][0]["value"]
            .as_str()
            .and_then(|v| v.parse().ok())
            .expect("a register reading")
    };
    let on_1: Vec<i64> = meters
        .iter()
        .filter(|p| p["connectorId"] == 1)
        .map(|p| register(p))
        .collect();
    assert!(on_1.windows(2).all(|w| w[0] < w[1]), "{on_1:?}");
    // Two sessions per connector in 150 s: 5 s pause + 60 s, twice.
    let done = h.completed();
    assert_eq!(done.len(), 4, "{done:?}");
    for d in &done {
        assert_eq!(d.meter_stop_wh - d.meter_start_wh, 184, "{d:?}");
    }
    // Finishing stops the running sessions and starts no new one (only the heartbeat is left).
    h.advance(Duration::from_secs(10));
    h.st.finish(h.now);
    h.pump();
    assert!(h.st.is_quiet());
    assert!(
        h.st.poll_timeout()
            .is_none_or(|t| t > h.now.mono + Duration::from_secs(60))
    );
}

#[test]
fn a_lost_connection_drops_calls_in_flight_but_not_the_transaction() {
    let mut h = Harness::booted(Scenario::Idle);
    let tx = h.remote_start();
    // Unplugged mid-stop on connector 1 (the StopTransaction is never answered) ...
    h.st.handle_frame(
        h.now,
        r#"[2,"s-x","RemoteStopTransaction",{"transactionId":9999}]"#,
    );
    h.st.handle_disconnected(h.now);
    while h.st.poll_transmit().is_some() {}
    // ... and back: a fresh boot, the connectors' statuses, and the transaction still metering.
    h.st.handle_connected(h.now);
    h.pump();
    let sent = h.take_sent();
    assert_eq!(
        Harness::actions(&sent),
        [
            "BootNotification",
            "StatusNotification",
            "StatusNotification"
        ]
    );
    assert_eq!(sent[1].1["status"], "Charging");
    assert_eq!(sent[2].1["status"], "Available");
    h.advance(Duration::from_secs(11));
    let sent = h.take_sent();
    assert_eq!(sent[0].0, "MeterValues");
    assert_eq!(sent[0].1["transactionId"], tx);
    assert!(h.st.poll_timeout().is_some());
}

#[test]
fn local_lists_are_kept_and_versioned() {
    let mut h = Harness::booted(Scenario::Idle);
    let list = |version: i32, update: &str, entries: Value| json!({"listVersion": version, "updateType": update, "localAuthorizationList": entries});
    let accepted = json!([{"idTag": "A", "idTagInfo": {"status": "Accepted"}}]);
    assert_eq!(
        h.call("SendLocalList", list(2, "Full", accepted))[2],
        json!({"status": "Accepted"})
    );
    let removal = json!([{"idTag": "A"}]);
    assert_eq!(
        h.call("SendLocalList", list(2, "Differential", removal.clone()))[2],
        json!({"status": "VersionMismatch"})
    );
    assert_eq!(
        h.call("SendLocalList", list(3, "Differential", removal))[2],
        json!({"status": "Accepted"})
    );
    assert_eq!(
        h.call("GetLocalListVersion", json!({}))[2],
        json!({"listVersion": 3})
    );
    assert_eq!(h.st.local_list.len(), 0);
    // A station whose list is turned off has none.
    h.call(
        "ChangeConfiguration",
        json!({"key": "LocalAuthListEnabled", "value": "false"}),
    );
    assert_eq!(
        h.call("SendLocalList", list(4, "Full", json!([])))[2],
        json!({"status": "NotSupported"})
    );
}
