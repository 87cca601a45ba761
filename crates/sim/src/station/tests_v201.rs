//! The 2.0.1 station in virtual time: boot, the charge flow as TransactionEvents, the
//! offline queue's replay (offline = true, seqNo order, duplicates), and the answer to each
//! CSMS call. The CSMS here answers every call at once, like Switchyard.

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use serde_json::{Value, json};

use super::*;

struct Csms {
    st: Station,
    now: Now,
    /// Every CALL the station sent and had answered: (message id, action, payload).
    sent: Vec<(String, String, Value)>,
    /// The station's answers to our calls: the whole frame.
    answers: Vec<Value>,
    events: Vec<StationEvent>,
    boot_status: &'static str,
    /// Set when the station drops its connection: frames are lost until the reconnect.
    offline_until: Option<Instant>,
    server_ids: u64,
}

impl Csms {
    fn new(scenario: Scenario, connectors: u32) -> Csms {
        let st = Station::new(StationConfig {
            id: "SIM201-1".into(),
            connectors,
            meter_interval: Duration::from_secs(10),
            id_tag: "TAG".into(),
            scenario,
            protocol: Protocol::Ocpp201,
        });
        Csms {
            st,
            now: Now::system(),
            sent: Vec::new(),
            answers: Vec::new(),
            events: Vec::new(),
            boot_status: "Accepted",
            offline_until: None,
            server_ids: 0,
        }
    }

    fn booted(scenario: Scenario, connectors: u32) -> Csms {
        let mut c = Csms::new(scenario, connectors);
        c.st.handle_connected(c.now);
        c.pump();
        assert!(c.events.contains(&StationEvent::Booted));
        c.sent.clear();
        c
    }

    fn pump(&mut self) {
        loop {
            while let Some(event) = self.st.poll_event() {
                if let StationEvent::GoOffline(period) = event {
                    self.offline_until = Some(self.now.mono + period);
                    while self.st.poll_transmit().is_some() {}
                    self.st.handle_disconnected(self.now);
                }
                self.events.push(event);
            }
            let Some(text) = self.st.poll_transmit() else {
                return;
            };
            if self.offline_until.is_some() {
                continue; // lost with the socket
            }
            let frame: Value = serde_json::from_str(&text).expect("JSON");
            if frame[0] != 2 {
                self.answers.push(frame);
                continue;
            }
            let id = frame[1].as_str().expect("id").to_owned();
            let action = frame[2].as_str().expect("action").to_owned();
            let reply = match action.as_str() {
                "BootNotification" => json!({"status": self.boot_status,
                    "currentTime": "2026-01-01T00:00:00Z", "interval": 300}),
                "Authorize" => json!({"idTokenInfo": {"status": "Accepted"}}),
                "Heartbeat" => json!({"currentTime": "2026-01-01T00:00:00Z"}),
                "TransactionEvent" if frame[3]["eventType"] == "Started" => {
                    json!({"idTokenInfo": {"status": "Accepted"}})
                }
                _ => json!({}),
            };
            self.sent.push((id.clone(), action, frame[3].clone()));
            self.st
                .handle_frame(self.now, &json!([3, id, reply]).to_string());
        }
    }

    fn advance(&mut self, by: Duration) {
        let end = self.now.mono + by;
        loop {
            let reconnect = self.offline_until.filter(|at| *at <= end);
            let timer = self.st.poll_timeout().filter(|at| *at <= end);
            let at = match (timer, reconnect) {
                (Some(t), Some(r)) => t.min(r),
                (t, r) => match t.or(r) {
                    Some(at) => at,
                    None => break,
                },
            };
            self.now = self.now.after(at.saturating_duration_since(self.now.mono));
            if reconnect == Some(at) {
                self.offline_until = None;
                self.st.handle_connected(self.now);
            } else {
                self.st.handle_timeout(self.now);
            }
            self.pump();
        }
        self.now = self.now.after(end.saturating_duration_since(self.now.mono));
    }

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

    fn of(&self, action: &str) -> Vec<&Value> {
        self.sent
            .iter()
            .filter(|(_, a, _)| a == action)
            .map(|(_, _, p)| p)
            .collect()
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
}

fn energy(event: &Value) -> f64 {
    event["meterValue"][0]["sampledValue"]
        .as_array()
        .expect("samples")
        .iter()
        .find(|s| s["measurand"] == "Energy.Active.Import.Register")
        .and_then(|s| s["value"].as_f64())
        .expect("an energy reading")
}

fn charge() -> Scenario {
    Scenario::Charge {
        session: Duration::from_secs(30),
        pause: Duration::from_secs(2),
    }
}

#[test]
fn boot_reports_the_station_and_each_evse() {
    let mut c = Csms::new(Scenario::Idle, 2);
    c.st.handle_connected(c.now);
    c.pump();
    let boot = &c.sent[0];
    assert_eq!(boot.1, "BootNotification");
    assert_eq!(boot.2["reason"], "PowerUp");
    let station = &boot.2["chargingStation"];
    assert_eq!(station["vendorName"], "Switchyard");
    assert_eq!(station["model"], "SimCharger AC22");
    assert!(station["serialNumber"].is_string());
    assert!(station["firmwareVersion"].is_string());
    let statuses = c.of("StatusNotification");
    assert_eq!(statuses.len(), 2);
    for (i, s) in statuses.iter().enumerate() {
        assert_eq!(s["evseId"], i + 1);
        assert_eq!(s["connectorId"], 1);
        assert_eq!(s["connectorStatus"], "Available");
        assert!(s["timestamp"].is_string());
    }
    c.sent.clear();
    c.advance(Duration::from_secs(301));
    assert_eq!(c.of("Heartbeat").len(), 1, "at the boot's interval");
}

#[test]
fn a_pending_boot_is_retried_at_the_interval() {
    let mut c = Csms::new(Scenario::Idle, 1);
    c.boot_status = "Pending";
    c.st.handle_connected(c.now);
    c.pump();
    assert!(c.of("StatusNotification").is_empty());
    c.boot_status = "Accepted";
    c.advance(Duration::from_secs(299));
    assert_eq!(c.of("BootNotification").len(), 1);
    c.advance(Duration::from_secs(2));
    assert_eq!(c.of("BootNotification").len(), 2);
    assert_eq!(c.of("StatusNotification").len(), 1);
}

#[test]
fn charge_runs_transactions_as_events() {
    let mut c = Csms::booted(charge(), 1);
    c.advance(Duration::from_secs(40));
    let authorize = c.of("Authorize");
    assert_eq!(
        authorize[0]["idToken"],
        json!({"idToken": "TAG", "type": "ISO14443"})
    );
    let events = c.of("TransactionEvent");
    let started = events[0];
    assert_eq!(started["eventType"], "Started");
    assert_eq!(started["seqNo"], 0);
    assert_eq!(started["triggerReason"], "Authorized");
    assert_eq!(started["evse"], json!({"id": 1, "connectorId": 1}));
    assert_eq!(started["idToken"]["type"], "ISO14443");
    assert_eq!(started["transactionInfo"]["chargingState"], "Charging");
    assert!(started.get("offline").is_none());
    let uid = started["transactionInfo"]["transactionId"]
        .as_str()
        .expect("an id");
    assert!(!uid.is_empty() && uid.len() <= 36, "{uid}");

    let updated: Vec<_> = events
        .iter()
        .filter(|e| e["eventType"] == "Updated")
        .collect();
    // Every 10 s of a 30 s session (the last one as it stops).
    assert!((2..=3).contains(&updated.len()), "{}", updated.len());
    let samples = updated[0]["meterValue"][0]["sampledValue"]
        .as_array()
        .expect("samples");
    let measurands: HashSet<&str> = samples
        .iter()
        .filter_map(|s| s["measurand"].as_str())
        .collect();
    for m in [
        "Energy.Active.Import.Register",
        "Power.Active.Import",
        "Current.Import",
        "Voltage",
        "SoC",
    ] {
        assert!(measurands.contains(m), "{m}");
    }
    let power = samples
        .iter()
        .find(|s| s["measurand"] == "Power.Active.Import")
        .expect("power");
    assert_eq!(power["value"], 11040.0);
    assert_eq!(power["unitOfMeasure"]["unit"], "W");
    assert_eq!(updated[0]["triggerReason"], "MeterValuePeriodic");

    let ended = events
        .iter()
        .find(|e| e["eventType"] == "Ended")
        .expect("ended");
    assert_eq!(ended["seqNo"], updated.len() + 1);
    assert_eq!(ended["transactionInfo"]["stoppedReason"], "Local");
    assert_eq!(ended["triggerReason"], "StopAuthorized");
    assert_eq!(ended["transactionInfo"]["transactionId"], uid);
    // 30 s at 11,040 W.
    assert_eq!(energy(ended) - energy(started), 92.0);
    for e in &events {
        let seq = e["seqNo"].as_u64().expect("seqNo");
        assert!(e["transactionInfo"]["transactionId"] != uid || seq <= 4);
    }

    let done = c.completed();
    assert_eq!(done[0].transaction_id, uid);
    assert_eq!(done[0].meter_stop_wh - done[0].meter_start_wh, 92);
    // Preparing, Charging and Finishing are one Occupied in 2.0.1.
    let statuses: Vec<&str> = c
        .of("StatusNotification")
        .iter()
        .map(|s| s["connectorStatus"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(&statuses[..2], ["Occupied", "Available"]);
}

#[test]
fn offline_events_are_queued_flagged_and_replayed_in_order() {
    let scenario = Scenario::Offline {
        session: Duration::from_secs(10),
        pause: Duration::from_secs(1),
        drop_after: Duration::from_secs(5),
        offline_for: Duration::from_secs(20),
    };
    let mut c = Csms::booted(scenario, 1);
    c.advance(Duration::from_secs(5));
    assert!(c.offline_until.is_some(), "dropped mid-transaction");
    let online = c.of("TransactionEvent").len();
    c.advance(Duration::from_secs(19));
    assert_eq!(
        c.of("TransactionEvent").len(),
        online,
        "nothing sent offline"
    );
    assert!(c.st.queued() >= 5, "queued {}", c.st.queued());
    c.advance(Duration::from_secs(3));
    assert!(c.offline_until.is_none(), "reconnected");
    c.st.finish(c.now);
    c.pump();
    c.advance(Duration::from_secs(5));
    assert!(c.st.is_quiet(), "queue delivered");

    let events: Vec<(&String, &Value)> = c
        .sent
        .iter()
        .filter(|(_, a, _)| a == "TransactionEvent")
        .map(|(id, _, p)| (id, p))
        .collect();
    // Per transaction: seqNos never go back, a replay repeats the last one.
    let mut last: BTreeMap<String, u64> = BTreeMap::new();
    let mut seen: HashSet<(String, u64)> = HashSet::new();
    let mut twice = 0;
    let mut flagged = 0;
    for (_, e) in &events {
        let uid = e["transactionInfo"]["transactionId"]
            .as_str()
            .expect("id")
            .to_owned();
        let seq = e["seqNo"].as_u64().expect("seqNo");
        if let Some(before) = last.get(&uid) {
            assert!(seq >= *before, "{uid}: {seq} after {before}");
        } else {
            assert_eq!(seq, 0, "{uid} starts at 0");
        }
        last.insert(uid.clone(), seq);
        if !seen.insert((uid, seq)) {
            twice += 1;
        }
        if e["offline"] == true {
            flagged += 1;
        }
    }
    assert!(twice >= 1, "some replayed twice");
    assert!(flagged >= 3, "events made offline say so ({flagged})");
    let ids: HashSet<&String> = events.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids.len(), events.len(), "a replay has a new message id");
    // Each transaction completed exactly once, however often its Ended went.
    let done = c.completed();
    let uids: HashSet<&str> = done.iter().map(|d| d.transaction_id.as_str()).collect();
    assert_eq!(uids.len(), done.len());
    assert!(done.len() >= 2, "one before and one during the outage");
}

#[test]
fn request_start_and_stop_drive_a_transaction() {
    let mut c = Csms::booted(Scenario::Idle, 2);
    let answer = c.call(
        "RequestStartTransaction",
        json!({"evseId": 2, "idToken": {"idToken": "REMOTE", "type": "Central"}, "remoteStartId": 77}),
    );
    assert_eq!(answer[2]["status"], "Accepted");
    let started = c.of("TransactionEvent")[0].clone();
    assert_eq!(started["transactionInfo"]["remoteStartId"], 77);
    assert_eq!(started["triggerReason"], "RemoteStart");
    assert_eq!(started["evse"]["id"], 2);
    assert_eq!(
        started["idToken"],
        json!({"idToken": "REMOTE", "type": "Central"}),
        "the token as the CSMS gave it"
    );
    assert_eq!(
        c.of("Authorize")[0]["idToken"],
        json!({"idToken": "REMOTE", "type": "Central"})
    );
    let uid = started["transactionInfo"]["transactionId"].clone();

    let busy = c.call(
        "RequestStartTransaction",
        json!({"evseId": 2, "idToken": {"idToken": "X", "type": "Central"}, "remoteStartId": 78}),
    );
    assert_eq!(busy[2]["status"], "Rejected", "EVSE 2 is in use");

    let unknown = c.call("RequestStopTransaction", json!({"transactionId": "nope"}));
    assert_eq!(unknown[2]["status"], "Rejected");
    let stop = c.call("RequestStopTransaction", json!({"transactionId": uid}));
    assert_eq!(stop[2]["status"], "Accepted");
    let ended = c.of("TransactionEvent").last().copied().cloned();
    let ended = ended.expect("ended");
    assert_eq!(ended["eventType"], "Ended");
    assert_eq!(ended["transactionInfo"]["stoppedReason"], "Remote");
    assert_eq!(ended["triggerReason"], "RemoteStop");
}

#[test]
fn reset_reconnects_and_boots_for_a_remote_reset() {
    let mut c = Csms::booted(Scenario::Idle, 1);
    c.call(
        "RequestStartTransaction",
        json!({"idToken": {"idToken": "R", "type": "Central"}, "remoteStartId": 1}),
    );
    let on_idle = c.call("Reset", json!({"type": "OnIdle"}));
    assert_eq!(on_idle[2]["status"], "Scheduled", "a transaction runs");
    let evse = c.call("Reset", json!({"type": "Immediate", "evseId": 1}));
    assert_eq!(evse[2]["status"], "Rejected");
    let reset = c.call("Reset", json!({"type": "Immediate"}));
    assert_eq!(reset[2]["status"], "Accepted");
    let ended = c.of("TransactionEvent").last().copied().cloned();
    assert_eq!(
        ended.expect("ended")["transactionInfo"]["stoppedReason"],
        "ImmediateReset"
    );
    assert!(c.events.contains(&StationEvent::Reconnect));
    c.sent.clear();
    c.st.handle_disconnected(c.now);
    c.st.handle_connected(c.now);
    c.pump();
    assert_eq!(c.of("BootNotification")[0]["reason"], "RemoteReset");
}

#[test]
fn variables_follow_the_device_model() {
    let mut c = Csms::booted(Scenario::Idle, 1);
    let get = c.call(
        "GetVariables",
        json!({"getVariableData": [
            {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}},
            {"component": {"name": "Nowhere"}, "variable": {"name": "X"}},
            {"component": {"name": "AuthCtrlr"}, "variable": {"name": "Nothing"}},
            {"component": {"name": "DeviceDataCtrlr"},
             "variable": {"name": "ItemsPerMessage", "instance": "GetVariables"}},
        ]}),
    );
    let results = get[2]["getVariableResult"].as_array().expect("results");
    assert_eq!(results[0]["attributeStatus"], "Accepted");
    assert_eq!(results[0]["attributeValue"], "300", "the boot's interval");
    assert_eq!(results[1]["attributeStatus"], "UnknownComponent");
    assert_eq!(results[2]["attributeStatus"], "UnknownVariable");
    assert_eq!(results[3]["attributeValue"], "50");

    let set = c.call(
        "SetVariables",
        json!({"setVariableData": [
            {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"},
             "attributeValue": "60"},
            {"component": {"name": "SecurityCtrlr"}, "variable": {"name": "Identity"},
             "attributeValue": "other"},
            {"component": {"name": "SampledDataCtrlr"}, "variable": {"name": "TxUpdatedInterval"},
             "attributeValue": "soon"},
            {"component": {"name": "AuthCtrlr"}, "variable": {"name": "AuthorizeRemoteStart"},
             "attributeValue": "false"},
        ]}),
    );
    let results = set[2]["setVariableResult"].as_array().expect("results");
    let statuses: Vec<&str> = results
        .iter()
        .map(|r| r["attributeStatus"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(statuses, ["Accepted", "Rejected", "Rejected", "Accepted"]);
    c.sent.clear();
    c.advance(Duration::from_secs(61));
    assert_eq!(c.of("Heartbeat").len(), 1, "the new interval");

    // AuthorizeRemoteStart false: straight to the Started event.
    c.call(
        "RequestStartTransaction",
        json!({"idToken": {"idToken": "R", "type": "Central"}, "remoteStartId": 5}),
    );
    assert!(c.of("Authorize").is_empty());
    assert_eq!(c.of("TransactionEvent").len(), 1);
}

#[test]
fn base_report_notifies_the_device_model() {
    let mut c = Csms::booted(Scenario::Idle, 1);
    let answer = c.call(
        "GetBaseReport",
        json!({"requestId": 9, "reportBase": "FullInventory"}),
    );
    assert_eq!(answer[2]["status"], "Accepted");
    let report = c.of("NotifyReport")[0].clone();
    assert_eq!(report["requestId"], 9);
    assert_eq!(report["tbc"], false);
    assert_eq!(report["seqNo"], 0);
    let data = report["reportData"].as_array().expect("data");
    assert!(
        data.iter()
            .any(|d| d["component"]["name"] == "OCPPCommCtrlr"
                && d["variable"]["name"] == "HeartbeatInterval"
                && d["variableAttribute"][0]["value"] == "300"
                && d["variableAttribute"][0]["mutability"] == "ReadWrite")
    );
}

#[test]
fn other_calls_are_answered_as_a_real_station_does() {
    let mut c = Csms::booted(Scenario::Idle, 2);
    let status = |v: &Value| v[2]["status"].as_str().unwrap_or("").to_owned();
    let off = c.call(
        "ChangeAvailability",
        json!({"operationalStatus": "Inoperative", "evse": {"id": 1}}),
    );
    assert_eq!(status(&off), "Accepted");
    assert_eq!(
        c.of("StatusNotification").last().expect("status")["connectorStatus"],
        "Unavailable"
    );
    let bad = c.call(
        "ChangeAvailability",
        json!({"operationalStatus": "Operative", "evse": {"id": 9}}),
    );
    assert_eq!(status(&bad), "Rejected");

    let unlock = c.call("UnlockConnector", json!({"evseId": 2, "connectorId": 1}));
    assert_eq!(status(&unlock), "Unlocked");
    let unknown = c.call("UnlockConnector", json!({"evseId": 7, "connectorId": 1}));
    assert_eq!(status(&unknown), "UnknownConnector");

    assert_eq!(status(&c.call("ClearCache", json!({}))), "Accepted");
    let data = c.call("DataTransfer", json!({"vendorId": "com.example"}));
    assert_eq!(status(&data), "UnknownVendorId");

    for (message, action) in [
        ("BootNotification", "BootNotification"),
        ("Heartbeat", "Heartbeat"),
        ("StatusNotification", "StatusNotification"),
        ("MeterValues", "MeterValues"),
    ] {
        c.sent.clear();
        let answer = c.call("TriggerMessage", json!({"requestedMessage": message}));
        assert_eq!(status(&answer), "Accepted", "{message}");
        assert!(!c.of(action).is_empty(), "{message} sent");
    }
    assert_eq!(c.of("MeterValues")[0]["evseId"], 1);
    let firmware = c.call(
        "TriggerMessage",
        json!({"requestedMessage": "FirmwareStatusNotification"}),
    );
    assert_eq!(status(&firmware), "NotImplemented");

    let profile = c.call("ClearChargingProfile", json!({}));
    assert_eq!(profile[0], 4);
    assert_eq!(profile[2], "NotSupported");
    assert_eq!(c.call("Frobnicate", json!({}))[2], "NotImplemented");
}

#[test]
fn transaction_status_says_whether_events_wait() {
    let mut c = Csms::booted(Scenario::Idle, 1);
    c.call(
        "RequestStartTransaction",
        json!({"idToken": {"idToken": "R", "type": "Central"}, "remoteStartId": 3}),
    );
    let uid = c.of("TransactionEvent")[0]["transactionInfo"]["transactionId"].clone();
    let ongoing = c.call("GetTransactionStatus", json!({"transactionId": uid}));
    assert_eq!(
        ongoing[2],
        json!({"ongoingIndicator": true, "messagesInQueue": false})
    );
    let unknown = c.call("GetTransactionStatus", json!({"transactionId": "old"}));
    assert_eq!(unknown[2]["ongoingIndicator"], false);
}

#[test]
fn quirks_deviate_only_where_a_v201_server_should_tolerate_it() {
    let scenario = Scenario::Quirks {
        session: Duration::from_secs(30),
        pause: Duration::from_secs(2),
    };
    let mut c = Csms::new(scenario, 1);
    c.st.handle_connected(c.now);
    c.pump();
    let status = c.of("StatusNotification")[0].clone();
    assert_eq!(status["vendorFirmwareBuild"], "2024.11-q");
    let stamp = status["timestamp"].as_str().expect("a timestamp");
    assert_eq!(stamp.len(), 19, "no zone: {stamp}");
    let station_meter = c.of("MeterValues")[0].clone();
    assert_eq!(station_meter["evseId"], 0);
    c.sent.clear();
    c.advance(Duration::from_secs(400));
    let events = c.of("TransactionEvent");
    assert!(
        events
            .iter()
            .all(|e| e["vendorFirmwareBuild"] == "2024.11-q")
    );
    // A Temperature sample (a measurand 2.0.1 does not list) in the 2.0.1 shape: a number,
    // the unit in unitOfMeasure.
    for e in &events {
        let samples = e["meterValue"][0]["sampledValue"]
            .as_array()
            .expect("samples");
        assert!(samples.iter().all(|s| s["value"].is_number()), "{e}");
        let temperature: Vec<_> = samples
            .iter()
            .filter(|s| s["measurand"] == "Temperature")
            .collect();
        assert_eq!(temperature.len(), 1, "{e}");
        assert_eq!(temperature[0]["unitOfMeasure"]["unit"], "Celsius");
    }
    // Charging for 30 s of every 32: the 300 s heartbeat waits for a pause.
    assert!(c.of("Heartbeat").len() <= 1);
}

#[test]
fn local_lists_are_kept_and_versioned_in_v201_too() {
    let mut c = Csms::booted(Scenario::Idle, 1);
    let status = |v: &Value| v[2]["status"].as_str().unwrap_or("").to_owned();
    let entry = json!({"idToken": {"idToken": "A", "type": "ISO14443"},
                       "idTokenInfo": {"status": "Accepted"}});
    let full = c.call(
        "SendLocalList",
        json!({"versionNumber": 5, "updateType": "Full", "localAuthorizationList": [entry]}),
    );
    assert_eq!(status(&full), "Accepted");
    assert!(c.st.local_list.accepts("A"));
    let stale = c.call(
        "SendLocalList",
        json!({"versionNumber": 5, "updateType": "Differential",
               "localAuthorizationList": [{"idToken": {"idToken": "A", "type": "ISO14443"}}]}),
    );
    assert_eq!(status(&stale), "VersionMismatch");
    let version = c.call("GetLocalListVersion", json!({}));
    assert_eq!(version[2], json!({"versionNumber": 5}));
    let enabled = c.call(
        "GetVariables",
        json!({"getVariableData": [{"component": {"name": "LocalAuthListCtrlr"},
                                     "variable": {"name": "Enabled"}}]}),
    );
    assert_eq!(enabled[2]["getVariableResult"][0]["attributeValue"], "true");
}
