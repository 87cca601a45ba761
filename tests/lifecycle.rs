//! A station's life over real sockets: boot, status, authorize, start, meter values, stop;
//! replays; what the API and the event stream show.

mod common;

use common::TestServer;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_lifecycle_is_stored_and_shown() {
    let server = TestServer::start().await;
    server.put_tag("TAG-OK", "Accepted").await;
    let mut events = EventStream::open(&server, "CP-LIFE").await;
    let mut st = server.booted("CP-LIFE").await;

    for connector in 0..=2 {
        st.call(
            "StatusNotification",
            json!({"connectorId": connector, "errorCode": "NoError", "status": "Available"}),
        )
        .await;
    }
    let auth = st.call("Authorize", json!({"idTag": "TAG-OK"})).await;
    assert_eq!(auth["idTagInfo"]["status"], "Accepted");
    assert_eq!(
        st.call("Authorize", json!({"idTag": "UNKNOWN"})).await["idTagInfo"]["status"],
        "Invalid"
    );

    let start = st
        .call("StartTransaction", json!({"connectorId": 1, "idTag": "TAG-OK", "meterStart": 1000, "timestamp": "2026-03-01T10:00:00Z"}))
        .await;
    let tx = start["transactionId"].as_i64().unwrap();
    assert!(tx > 0);
    assert_eq!(start["idTagInfo"]["status"], "Accepted");

    st.call(
        "MeterValues",
        json!({"connectorId": 1, "transactionId": tx, "meterValue": [{"timestamp": "2026-03-01T10:15:00Z", "sampledValue": [
            {"value": "1.5", "unit": "kWh", "measurand": "Energy.Active.Import.Register"},
            {"value": "7200", "unit": "W", "measurand": "Power.Active.Import"},
            {"value": "231.4", "unit": "V", "measurand": "Voltage", "phase": "L1-N"},
            {"value": "55", "unit": "Percent", "measurand": "SoC", "location": "EV"}
        ]}]}),
    )
    .await;
    let stop = st
        .call("StopTransaction", json!({"transactionId": tx, "idTag": "TAG-OK", "meterStop": 4500, "timestamp": "2026-03-01T11:00:00Z",
            "transactionData": [{"timestamp": "2026-03-01T11:00:00Z", "sampledValue": [{"value": "4500", "context": "Transaction.End"}]}]}))
        .await;
    assert_eq!(stop["idTagInfo"]["status"], "Accepted");

    let detail = server.get(&format!("/api/v1/transactions/{tx}")).await;
    assert_eq!(detail["id"], tx);
    assert_eq!(detail["ocpp_transaction_id"], tx.to_string());
    assert_eq!(detail["station_id"], "CP-LIFE");
    assert_eq!(detail["connector_id"], 1);
    assert_eq!(detail["evse_id"], 1);
    assert_eq!(detail["id_tag"], "TAG-OK");
    assert_eq!(detail["meter_start_wh"], 1000.0);
    assert_eq!(detail["meter_stop_wh"], 4500.0);
    assert_eq!(detail["energy_wh"], 3500.0);
    assert_eq!(detail["stop_reason"], "Local", "no reason means Local");
    assert_eq!(
        detail["started_at"], "2026-03-01T10:00:00Z",
        "the station's own time is kept"
    );
    let values = detail["meter_values"].as_array().unwrap();
    assert_eq!(values.len(), 2, "{values:?}");
    let first = &values[0]["sampled_value"];
    assert_eq!(first[0]["value"], 1500.0, "kWh stored as Wh");
    assert_eq!(first[0]["unit"], "Wh");
    assert_eq!(first[2]["phase"], "L1-N");
    assert_eq!(first[3]["location"], "EV");
    assert_eq!(values[1]["sampled_value"][0]["context"], "Transaction.End");

    let station = server.get("/api/v1/stations/CP-LIFE").await;
    assert_eq!(station["connected"], true);
    assert_eq!(station["boot_status"], "Accepted");
    assert_eq!(station["vendor"], "Test");
    assert_eq!(station["protocol"], "ocpp1.6");
    let connectors = station["connectors"].as_array().unwrap();
    assert_eq!(connectors.len(), 2, "connector 0 is not listed");
    let kinds = events.kinds_until("transaction.stopped").await;
    for kind in [
        "station.connected",
        "station.booted",
        "connector.status",
        "transaction.started",
        "transaction.updated",
    ] {
        assert!(
            kinds.iter().any(|k| k == kind),
            "missing {kind} in {kinds:?}"
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replays_create_nothing_twice() {
    let server = TestServer::start().await;
    server.put_tag("T", "Accepted").await;
    let mut st = server.booted("CP-REPLAY").await;
    let start = json!({"connectorId": 1, "idTag": "T", "meterStart": 0, "timestamp": "2026-03-01T10:00:00Z"});
    let a = st.call("StartTransaction", start.clone()).await["transactionId"].clone();
    let b = st.call("StartTransaction", start).await["transactionId"].clone();
    assert_eq!(a, b, "a replayed start gets the same transaction id");

    let meter = json!({"connectorId": 1, "transactionId": a, "meterValue": [{"timestamp": "2026-03-01T10:05:00Z",
        "sampledValue": [{"value": "100"}]}]});
    st.call("MeterValues", meter.clone()).await;
    st.call("MeterValues", meter).await;
    let stop = json!({"transactionId": a, "meterStop": 2000, "timestamp": "2026-03-01T11:00:00Z", "reason": "EVDisconnected"});
    st.call("StopTransaction", stop.clone()).await;
    st.call("StopTransaction", stop).await;
    // A stop for a transaction nobody knows, and the errata's -1: confirmed all the same.
    st.call(
        "StopTransaction",
        json!({"transactionId": 999_999, "meterStop": 1, "timestamp": "2026-03-01T11:00:00Z"}),
    )
    .await;
    st.call(
        "StopTransaction",
        json!({"transactionId": -1, "meterStop": 1, "timestamp": "2026-03-01T11:00:00Z"}),
    )
    .await;

    let list = server
        .get("/api/v1/transactions?station_id=CP-REPLAY")
        .await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    // Kept for an operator to match by hand, oldest first.
    let unmatched = server
        .get("/api/v1/stations/CP-REPLAY/unmatched-stops")
        .await;
    let ids: Vec<&str> = unmatched
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["ocpp_transaction_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["999999", "-1"], "{unmatched}");
    assert_eq!(unmatched[0]["reason"], "Local");
    assert_eq!(unmatched[0]["meter_stop_wh"], 1.0);
    let detail = server.get(&format!("/api/v1/transactions/{a}")).await;
    assert_eq!(detail["energy_wh"], 2000.0);
    assert_eq!(detail["stop_reason"], "EVDisconnected");
    assert_eq!(
        detail["meter_values"].as_array().unwrap().len(),
        1,
        "the replayed reading is stored once"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_rechecks_the_tag_and_always_gives_an_id() {
    let server = TestServer::start().await;
    server.put_tag("BLOCKED", "Blocked").await;
    let (status, _) = server
        .api(
            "PUT",
            "/api/v1/id-tags/OLD",
            Some(json!({"status": "Accepted", "expiry_date": "2020-01-01T00:00:00Z"})),
        )
        .await;
    assert_eq!(status, 200);
    let mut st = server.booted("CP-TAGS").await;
    let start = |tag: &str, meter: i64| json!({"connectorId": 1, "idTag": tag, "meterStart": meter, "timestamp": "2026-03-01T10:00:00Z"});
    let blocked = st.call("StartTransaction", start("BLOCKED", 1)).await;
    assert_eq!(blocked["idTagInfo"]["status"], "Blocked");
    let expired = st.call("StartTransaction", start("OLD", 2)).await;
    assert_eq!(expired["idTagInfo"]["status"], "Expired");
    let unknown = st.call("StartTransaction", start("NOBODY", 3)).await;
    assert_eq!(unknown["idTagInfo"]["status"], "Invalid");
    let ids: Vec<i64> = [&blocked, &expired, &unknown]
        .iter()
        .map(|r| r["transactionId"].as_i64().unwrap())
        .collect();
    assert!(
        ids.iter().all(|id| *id > 0) && ids[0] != ids[1] && ids[1] != ids[2],
        "{ids:?}"
    );
    let stop = st.call("StopTransaction", json!({"transactionId": ids[0], "idTag": "BLOCKED", "meterStop": 5, "timestamp": "2026-03-01T10:10:00Z"})).await;
    assert_eq!(stop["idTagInfo"]["status"], "Blocked");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quirks_are_accepted_and_counted() {
    let server = TestServer::start().await;
    let mut st = server.booted("CP-QUIRKS").await;
    st.call("Heartbeat", json!({"vendorFlavour": "extra"}))
        .await;
    st.call(
        "MeterValues",
        json!({"connectorId": 0, "meterValue": [{"timestamp": "2026-03-01T10:00:00", "sampledValue": [
            {"value": "21.5", "unit": "Celcius", "measurand": "Temperature"}]}]}),
    )
    .await;
    let metrics = reqwest::get(server.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for kind in [
        "unknown_property",
        "misspelled_unit",
        "timestamp_without_zone",
        "meter_values_without_transaction",
    ] {
        assert!(
            metrics.contains(&format!("switchyard_quirks_total{{kind=\"{kind}\"}}")),
            "{kind} not counted"
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journal_keeps_frames_without_secrets() {
    let server = TestServer::start().await;
    let mut st = server.booted("CP-JOURNAL").await;
    st.call("Heartbeat", json!({})).await;
    // A ChangeConfiguration of the AuthorizationKey goes out through the raw call.
    let call = {
        let body = json!({"action": "ChangeConfiguration", "payload": {"key": "AuthorizationKey", "value": "00112233445566778899"}});
        let server = &server;
        async move {
            server
                .api("POST", "/api/v1/stations/CP-JOURNAL/call", Some(body))
                .await
        }
    };
    let answer = async {
        let (id, action, _) = st.expect_call().await;
        assert_eq!(action, "ChangeConfiguration");
        st.reply(&id, json!({"status": "Accepted"})).await;
    };
    let ((status, _), ()) = tokio::join!(call, answer);
    assert_eq!(status, 200);
    // The journal is written with the next commit; give it a moment.
    let mut frames = Value::Null;
    for _ in 0..50 {
        frames = server.get("/api/v1/stations/CP-JOURNAL/messages").await;
        if frames.as_array().is_some_and(|f| f.len() >= 6) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let text = frames.to_string();
    assert!(
        text.contains("BootNotification") && text.contains("Heartbeat"),
        "{text}"
    );
    assert!(
        text.contains("\"in\"") && text.contains("\"out\""),
        "{text}"
    );
    assert!(
        !text.contains("00112233445566778899"),
        "the key must be redacted: {text}"
    );
    server.stop().await;
}

/// An SSE subscription read as a list of event names.
pub struct EventStream {
    response: reqwest::Response,
    buffer: String,
}

impl EventStream {
    async fn open(server: &TestServer, station: &str) -> EventStream {
        let response = reqwest::Client::new()
            .get(server.url(&format!("/api/v1/events?station_id={station}")))
            .bearer_auth(&server.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        EventStream {
            response,
            buffer: String::new(),
        }
    }

    async fn kinds_until(&mut self, last: &str) -> Vec<String> {
        let mut kinds = Vec::new();
        let deadline = tokio::time::Instant::now() + common::WAIT;
        loop {
            while let Some(pos) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..pos + 2).collect();
                if let Some(name) = block.lines().find_map(|l| l.strip_prefix("event:")) {
                    kinds.push(name.trim().to_owned());
                    if name.trim() == last {
                        return kinds;
                    }
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk())
                .await
                .expect("events in time");
            let Ok(Some(chunk)) = chunk else {
                panic!("event stream ended: {kinds:?}")
            };
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}
