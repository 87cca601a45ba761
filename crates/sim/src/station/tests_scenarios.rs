//! The `offline` and `quirks` scenarios, and scenario files, in virtual time. `offline`: queued while disconnected, replayed in
//! order after the reconnect, every third message twice with a new message id, a message
//! whose answer was lost sent again, and the server's transactionId filled in once the
//! replayed StartTransaction is answered.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use serde_json::{Value, json};

use super::*;

/// A central system that answers like Switchyard: a replayed StartTransaction (same
/// connector and timestamp) gets the same transactionId.
struct Server {
    st: Station,
    now: Now,
    /// Every CALL the station sent: (message id, action, payload).
    sent: Vec<(String, String, Value)>,
    /// Frames the station wrote while its socket was closing: never answered.
    lost: Vec<(String, String, Value)>,
    events: Vec<StationEvent>,
    starts: HashMap<String, i64>,
    offline_until: Option<Instant>,
}

impl Server {
    fn new() -> Server {
        Server::with(Scenario::Offline {
            session: Duration::from_secs(10),
            pause: Duration::from_secs(1),
            drop_after: Duration::from_secs(5),
            offline_for: Duration::from_secs(20),
        })
    }

    fn with(scenario: Scenario) -> Server {
        let st = Station::new(StationConfig {
            id: "SIM-1".into(),
            connectors: 1,
            meter_interval: Duration::from_secs(2),
            id_tag: "TAG".into(),
            scenario,
            protocol: Protocol::Ocpp16,
        });
        let mut s = Server {
            st,
            now: Now::system(),
            sent: Vec::new(),
            lost: Vec::new(),
            events: Vec::new(),
            starts: HashMap::new(),
            offline_until: None,
        };
        s.st.handle_connected(s.now);
        s.pump();
        s
    }

    fn pump(&mut self) {
        loop {
            let mut dropped = false;
            while let Some(event) = self.st.poll_event() {
                if let StationEvent::GoOffline(period) = event {
                    dropped = true;
                    self.offline_until = Some(self.now.mono + period);
                }
                self.events.push(event);
            }
            let Some(text) = self.st.poll_transmit() else {
                return;
            };
            let frame: Value = serde_json::from_str(&text).expect("JSON");
            let id = frame[1].as_str().expect("id").to_owned();
            let action = frame[2].as_str().expect("action").to_owned();
            let record = (id.clone(), action.clone(), frame[3].clone());
            if dropped || self.offline_until.is_some() {
                // Written as the socket closed: the answer never comes.
                self.lost.push(record);
                while let Some(text) = self.st.poll_transmit() {
                    let f: Value = serde_json::from_str(&text).expect("JSON");
                    let lost = (
                        f[1].as_str().unwrap_or("").to_owned(),
                        f[2].to_string(),
                        f[3].clone(),
                    );
                    self.lost.push(lost);
                }
                self.st.handle_disconnected(self.now);
                continue;
            }
            let reply = match action.as_str() {
                "BootNotification" => {
                    json!({"status": "Accepted", "currentTime": "2026-01-01T00:00:00Z", "interval": 300})
                }
                "Authorize" => json!({"idTagInfo": {"status": "Accepted"}}),
                "StartTransaction" => {
                    let key = format!("{}/{}", frame[3]["connectorId"], frame[3]["timestamp"]);
                    let next = 101 + self.starts.len() as i64;
                    let tx = *self.starts.entry(key).or_insert(next);
                    json!({"idTagInfo": {"status": "Accepted"}, "transactionId": tx})
                }
                "Heartbeat" => json!({"currentTime": "2026-01-01T00:00:00Z"}),
                _ => json!({}),
            };
            self.sent.push(record);
            self.st
                .handle_frame(self.now, &json!([3, id, reply]).to_string());
        }
    }

    fn advance(&mut self, by: Duration) {
        let end = self.now.mono + by;
        while let Some(at) = self.st.poll_timeout().filter(|at| *at <= end) {
            self.now = self.now.after(at.saturating_duration_since(self.now.mono));
            self.st.handle_timeout(self.now);
            self.pump();
        }
        self.now = self.now.after(end.saturating_duration_since(self.now.mono));
    }

    fn transaction_messages(&self) -> Vec<&(String, String, Value)> {
        self.sent
            .iter()
            .filter(|(_, a, _)| {
                matches!(
                    a.as_str(),
                    "StartTransaction" | "StopTransaction" | "MeterValues"
                )
            })
            .collect()
    }
}

#[test]
fn offline_queue_replays_in_order_twice_every_third_with_real_transaction_ids() {
    let mut s = Server::new();
    s.advance(Duration::from_millis(5500));
    assert!(s.offline_until.is_some(), "dropped mid-transaction");
    let lost: Vec<_> = s.lost.iter().map(|(_, a, _)| a.as_str()).collect();
    assert_eq!(
        lost,
        ["MeterValues"],
        "the last MeterValues went out unanswered"
    );
    let lost_payload = s.lost[0].2.clone();
    let online_before = s.transaction_messages().len();

    // 20 s offline: the session stops, the next one starts and meters, all queued.
    s.advance(Duration::from_secs(20));
    assert_eq!(
        s.transaction_messages().len(),
        online_before,
        "nothing sent offline"
    );
    let queued = s.st.queued();
    assert!(queued >= 10, "queued {queued}");

    s.offline_until = None;
    s.st.handle_connected(s.now);
    s.pump();
    let replay: Vec<_> = s.transaction_messages()[online_before..].to_vec();

    // The message whose answer was lost comes first, with a new message id.
    assert_eq!(replay[0].1, "MeterValues");
    assert_eq!(replay[0].2, lost_payload);
    assert_ne!(replay[0].0, s.lost[0].0);
    // Every message id is new; every third queued message is sent twice in a row.
    let ids: HashSet<_> = s.sent.iter().map(|(id, _, _)| id).collect();
    assert_eq!(ids.len(), s.sent.len(), "message ids are never reused");
    let twice = replay.windows(2).filter(|w| w[0].2 == w[1].2).count();
    assert_eq!(twice, queued / 3, "{replay:#?}");
    assert_eq!(replay.len(), queued + queued / 3);

    // In order: timestamps never go back; the offline start precedes its meter values.
    let stamp = |p: &Value| {
        p["timestamp"]
            .as_str()
            .or(p["meterValue"][0]["timestamp"].as_str())
            .map(str::to_owned)
    };
    let stamps: Vec<_> = replay.iter().map(|(_, _, p)| stamp(p)).collect();
    assert!(stamps.windows(2).all(|w| w[0] <= w[1]), "{stamps:?}");
    // Before the first replayed start: the first transaction (101); after a start, its
    // messages carry the id the server gave that start, never -1.
    let mut current = json!(101);
    let mut starts = 0;
    for (_, action, p) in &replay {
        if action == "StartTransaction" {
            let key = format!("{}/{}", p["connectorId"], p["timestamp"]);
            current = json!(s.starts[&key]);
            starts += 1;
            continue;
        }
        assert_eq!(p["transactionId"], current, "{action} {p}");
    }
    assert!(starts >= 1, "a start made offline is replayed");

    // Each transaction completed once, with the server's ids and the metered energy.
    let completed: Vec<_> = s
        .events
        .iter()
        .filter_map(|e| match e {
            StationEvent::TransactionCompleted(done) => Some(done.clone()),
            _ => None,
        })
        .collect();
    let ids: Vec<&str> = completed
        .iter()
        .map(|d| d.transaction_id.as_str())
        .collect();
    assert_eq!(ids[..2], ["101", "102"]);
    let stop = replay
        .iter()
        .rev()
        .find(|(_, a, _)| a == "StopTransaction")
        .expect("the offline session stopped");
    assert_eq!(
        stop.2["meterStop"],
        completed[completed.len() - 1].meter_stop_wh
    );
    assert!(completed.iter().all(|d| d.meter_stop_wh > d.meter_start_wh));
    assert!(
        !s.events
            .iter()
            .any(|e| matches!(e, StationEvent::Violation(_)))
    );
    assert_eq!(s.st.queued(), 0);
}

#[test]
fn offline_station_finishes_only_when_its_queue_is_delivered() {
    let mut s = Server::new();
    s.advance(Duration::from_secs(8));
    assert!(s.st.queued() > 0);
    s.st.finish(s.now);
    s.pump();
    assert!(!s.st.is_quiet(), "queued messages still to send");
    s.offline_until = None;
    s.st.handle_connected(s.now);
    s.pump();
    assert_eq!(s.st.queued(), 0);
    assert!(s.st.is_quiet());
}

#[test]
fn quirks_deviate_and_keep_silent_while_charging() {
    // Sessions of 10 min: the 300 s heartbeat falls inside one.
    let mut s = Server::with(Scenario::Quirks {
        session: Duration::from_secs(600),
        pause: Duration::from_secs(1),
    });
    s.advance(Duration::from_secs(400));
    let actions: Vec<&str> = s.sent.iter().map(|(_, a, _)| a.as_str()).collect();
    assert!(!actions.contains(&"Heartbeat"), "{actions:?}");
    let station_meter = s
        .sent
        .iter()
        .find(|(_, a, p)| a == "MeterValues" && p["connectorId"] == 0)
        .expect("station-level meter values after boot");
    assert!(station_meter.2.get("transactionId").is_none());
    let status = s
        .sent
        .iter()
        .find(|(_, a, _)| a == "StatusNotification")
        .expect("a status");
    assert_eq!(
        status.2["timestamp"].as_str().map(str::len),
        Some(19),
        "{}",
        status.2
    );
    assert!(status.2.get("vendorFirmwareBuild").is_some());
    let meter = s
        .sent
        .iter()
        .find(|(_, a, p)| a == "MeterValues" && p["connectorId"] == 1)
        .expect("transaction meter values");
    let samples = meter.2["meterValue"][0]["sampledValue"].as_array().unwrap();
    assert!(
        samples.iter().any(|v| v["unit"] == "Celcius"),
        "{}",
        meter.2
    );
    // Without a transaction, heartbeats resume.
    s.st.finish(s.now);
    s.pump();
    s.advance(Duration::from_secs(400));
    let actions: Vec<&str> = s.sent.iter().map(|(_, a, _)| a.as_str()).collect();
    assert!(actions.contains(&"Heartbeat"), "{actions:?}");
}

fn script(text: &str) -> Scenario {
    let script = crate::Script::parse("test.toml", "test", text).expect("a good script");
    Scenario::Script(std::sync::Arc::new(script))
}

#[test]
fn a_scenario_file_runs_its_steps_in_order() {
    let mut s = Server::with(script(
        r#"
        [[connector]]
        steps = [
          { do = "wait", for = "3s" },
          { do = "status", status = "Preparing" },
          { do = "authorize", tag = "CARD-7" },
          { do = "start" },
          { do = "charge", for = "10s", every = "5s" },
          { do = "stop", reason = "EVDisconnected" },
          { do = "heartbeat" },
          { do = "data-transfer", vendor-id = "com.example", message-id = "hi", data = "x" },
        ]
        "#,
    ));
    s.advance(Duration::from_secs(60));
    let actions: Vec<&str> = s.sent.iter().map(|(_, a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        [
            "BootNotification",
            "StatusNotification", // Available, at boot
            "StatusNotification", // the status step
            "Authorize",
            "StartTransaction",
            "StatusNotification", // Charging
            "MeterValues",
            "MeterValues",
            "StatusNotification", // Finishing
            "StopTransaction",
            "StatusNotification", // Available
            "Heartbeat",
            "DataTransfer",
        ]
    );
    let payload = |action: &str| &s.sent.iter().find(|(_, a, _)| a == action).expect(action).2;
    assert_eq!(payload("Authorize")["idTag"], "CARD-7");
    assert_eq!(payload("StartTransaction")["idTag"], "CARD-7");
    assert_eq!(payload("StopTransaction")["reason"], "EVDisconnected");
    assert_eq!(payload("DataTransfer")["messageId"], "hi");
    assert_eq!(s.sent[2].2["status"], "Preparing");
    // Not repeated: the connector stays idle, the run ends cleanly.
    s.st.finish(s.now);
    s.pump();
    assert!(s.st.is_quiet());
    let done: Vec<_> = s
        .events
        .iter()
        .filter(|e| matches!(e, StationEvent::TransactionCompleted(_)))
        .collect();
    assert_eq!(done.len(), 1);
}

#[test]
fn a_scenario_file_offline_step_queues_and_replays_once_stored() {
    let mut s = Server::with(script(
        r#"
        [station]
        heartbeat-during-transactions = false

        [[connector]]
        repeat = true
        steps = [
          { do = "wait", for = "1s", jitter = "500ms" },
          { do = "authorize" },
          { do = "start" },
          { do = "charge", for = "4s" },
          { do = "offline", for = "10s" },
          { do = "charge", for = "2s" },
          { do = "stop" },
        ]
        "#,
    ));
    s.advance(Duration::from_secs(6));
    assert!(s.offline_until.is_some(), "dropped mid-transaction");
    s.advance(Duration::from_secs(10));
    assert!(s.st.queued() > 0, "charged and stopped offline");
    // Every round drops the connection again: reconnect as the driver does, when it is due.
    let reconnect_due = |s: &mut Server, at_end: bool| {
        if s.offline_until.is_some_and(|t| at_end || t <= s.now.mono) {
            s.offline_until = None;
            s.st.handle_connected(s.now);
            s.pump();
        }
    };
    for _ in 0..60 {
        reconnect_due(&mut s, false);
        s.advance(Duration::from_millis(500));
    }
    s.st.finish(s.now);
    s.pump();
    reconnect_due(&mut s, true);
    assert_eq!(s.st.queued(), 0);
    assert!(s.st.is_quiet());
    assert!(
        !s.events
            .iter()
            .any(|e| matches!(e, StationEvent::Violation(_)))
    );
    let done: Vec<CompletedTransaction> = s
        .events
        .iter()
        .filter_map(|e| match e {
            StationEvent::TransactionCompleted(d) => Some(d.clone()),
            _ => None,
        })
        .collect();
    assert!(done.len() >= 2, "{done:?}");
    let ids: HashSet<&str> = done.iter().map(|d| d.transaction_id.as_str()).collect();
    assert_eq!(ids.len(), done.len(), "each completed once");
    assert!(done.iter().all(|d| d.meter_stop_wh > d.meter_start_wh));
    let actions: Vec<&str> = s.sent.iter().map(|(_, a, _)| a.as_str()).collect();
    assert!(!actions.contains(&"Heartbeat"), "{actions:?}");
}
