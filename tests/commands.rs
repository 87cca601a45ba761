//! Every command of API.md to a connected 1.6 station, over real sockets, and each way a
//! command can fail.

mod common;

use std::time::Duration;

use common::{Station, TestServer};
use serde_json::{Value, json};

/// Issue a command through the API while the station answers its CALL with `answer`.
/// Returns the API status, body, and the CALL (action, payload) the station saw.
async fn command(
    server: &TestServer,
    st: &mut Station,
    path: &str,
    body: Value,
    answer: Value,
) -> (u16, Value, String, Value) {
    let api = server.api("POST", path, Some(body));
    let station = async {
        let (id, action, payload) = st.expect_call().await;
        st.reply(&id, answer).await;
        (action, payload)
    };
    let ((status, body), (action, payload)) = tokio::join!(api, station);
    (status, body, action, payload)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_core_command_reaches_the_station() {
    let server = TestServer::start().await;
    let mut st = server.booted("CP-CMD").await;
    let base = "/api/v1/stations/CP-CMD/commands";
    let cases: Vec<(&str, Value, &str, Value, Value)> = vec![
        (
            "reset",
            json!({"type": "Hard"}),
            "Reset",
            json!({"type": "Hard"}),
            json!({"status": "Accepted"}),
        ),
        (
            "unlock-connector",
            json!({"connector_id": 2}),
            "UnlockConnector",
            json!({"connectorId": 2}),
            json!({"status": "Unlocked"}),
        ),
        (
            "change-availability",
            json!({"connector_id": 1, "type": "Inoperative"}),
            "ChangeAvailability",
            json!({"connectorId": 1, "type": "Inoperative"}),
            json!({"status": "Scheduled"}),
        ),
        (
            "get-configuration",
            json!({"keys": ["HeartbeatInterval"]}),
            "GetConfiguration",
            json!({"key": ["HeartbeatInterval"]}),
            json!({"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"}]}),
        ),
        (
            "get-configuration",
            json!({}),
            "GetConfiguration",
            json!({}),
            json!({"configurationKey": []}),
        ),
        (
            "change-configuration",
            json!({"key": "HeartbeatInterval", "value": "60"}),
            "ChangeConfiguration",
            json!({"key": "HeartbeatInterval", "value": "60"}),
            json!({"status": "RebootRequired"}),
        ),
        (
            "trigger-message",
            json!({"message": "StatusNotification", "evse_id": 1}),
            "TriggerMessage",
            json!({"requestedMessage": "StatusNotification", "connectorId": 1}),
            json!({"status": "Accepted"}),
        ),
        (
            "clear-cache",
            json!({}),
            "ClearCache",
            json!({}),
            json!({"status": "Rejected"}),
        ),
        (
            "data-transfer",
            json!({"vendor_id": "ACME", "message_id": "hello", "data": "x"}),
            "DataTransfer",
            json!({"vendorId": "ACME", "messageId": "hello", "data": "x"}),
            json!({"status": "Accepted", "data": "y"}),
        ),
    ];
    for (name, body, action, payload, answer) in cases {
        let (status, reply, seen_action, seen_payload) = command(
            &server,
            &mut st,
            &format!("{base}/{name}"),
            body,
            answer.clone(),
        )
        .await;
        assert_eq!(status, 200, "{name}: {reply}");
        assert_eq!(seen_action, action, "{name}");
        assert_eq!(seen_payload, payload, "{name}");
        let expected_status = answer.get("status").cloned().unwrap_or(json!("Accepted"));
        assert_eq!(reply["status"], expected_status, "{name}");
        assert_eq!(reply["response"], answer, "{name}");
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remote_start_correlates_and_remote_stop_finds_the_transaction() {
    let server = TestServer::start().await;
    server.put_tag("T", "Accepted").await;
    let mut st = server.booted("CP-REMOTE").await;
    let api = server.api(
        "POST",
        "/api/v1/stations/CP-REMOTE/commands/remote-start?wait_start_s=10",
        Some(json!({"connector_id": 1, "id_tag": "T"})),
    );
    let station = async {
        let (id, action, payload) = st.expect_call().await;
        assert_eq!(action, "RemoteStartTransaction");
        assert_eq!(payload, json!({"connectorId": 1, "idTag": "T"}));
        st.reply(&id, json!({"status": "Accepted"})).await;
        let start = json!({"connectorId": 1, "idTag": "T", "meterStart": 10, "timestamp": "2026-03-01T10:00:00Z"});
        st.call("StartTransaction", start).await["transactionId"]
            .as_i64()
            .unwrap()
    };
    let ((status, reply), tx) = tokio::join!(api, station);
    assert_eq!(status, 200, "{reply}");
    assert_eq!(reply["status"], "Accepted");
    assert!(reply["remote_start_id"].is_i64(), "{reply}");
    assert_eq!(reply["transaction_id"], tx);

    let (status, reply, action, payload) = command(
        &server,
        &mut st,
        "/api/v1/stations/CP-REMOTE/commands/remote-stop",
        json!({"transaction_id": tx}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(
        (status, action.as_str()),
        (200, "RemoteStopTransaction"),
        "{reply}"
    );
    assert_eq!(payload, json!({"transactionId": tx}));
    st.call("StopTransaction", json!({"transactionId": tx, "meterStop": 20, "timestamp": "2026-03-01T10:30:00Z", "reason": "Remote"})).await;
    let (status, body) = server
        .api(
            "POST",
            "/api/v1/stations/CP-REMOTE/commands/remote-stop",
            Some(json!({"transaction_id": tx})),
        )
        .await;
    assert_eq!(
        status, 409,
        "a stopped transaction cannot be stopped: {body}"
    );
    assert_eq!(body["error"]["code"], "conflict");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn raw_call_is_validated_and_callerror_is_502() {
    let server = TestServer::start().await;
    let mut st = server.booted("CP-RAW").await;
    let path = "/api/v1/stations/CP-RAW/call";
    let (status, body, action, _) = command(
        &server,
        &mut st,
        path,
        json!({"action": "GetLocalListVersion", "payload": {}}),
        json!({"listVersion": 3}),
    )
    .await;
    assert_eq!((status, action.as_str()), (200, "GetLocalListVersion"));
    assert_eq!(body["result"], json!({"listVersion": 3}));

    for bad in [
        json!({"action": "Nope", "payload": {}}),
        json!({"action": "Reset", "payload": {"type": "Warm"}}),
        json!({"action": "Heartbeat", "payload": {}}),
        json!({"payload": {}}),
    ] {
        let (status, body) = server.api("POST", path, Some(bad.clone())).await;
        assert_eq!(status, 400, "{bad} → {body}");
    }

    let api = server.api(
        "POST",
        path,
        Some(json!({"action": "ClearCache", "payload": {}})),
    );
    let station = async {
        let (id, _, _) = st.expect_call().await;
        st.reply_error(&id, "NotSupported").await;
    };
    let ((status, body), ()) = tokio::join!(api, station);
    assert_eq!(status, 502, "{body}");
    assert_eq!(body["error"]["code"], "call_error");
    assert_eq!(body["error"]["ocpp_error_code"], "NotSupported");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeout_is_504_and_the_late_answer_is_not_taken_for_the_next_call() {
    let server = TestServer::start().await;
    let mut st = server.booted("CP-LATE").await;
    let path = "/api/v1/stations/CP-LATE/commands/clear-cache?timeout_s=0.3";
    let api = server.api("POST", path, Some(json!({})));
    let station = async { st.expect_call().await };
    let ((status, body), (late_id, _, _)) = tokio::join!(api, station);
    assert_eq!(status, 504, "{body}");
    assert_eq!(body["error"]["code"], "station_timeout");

    // The next command; the station first sends the late answer to the old one.
    let api = server.api(
        "POST",
        "/api/v1/stations/CP-LATE/commands/reset",
        Some(json!({"type": "Soft"})),
    );
    let station = async {
        let (id, action, _) = st.expect_call().await;
        assert_eq!(action, "Reset");
        st.reply(&late_id, json!({"status": "Accepted"})).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        st.reply(&id, json!({"status": "Rejected"})).await;
    };
    let ((status, body), ()) = tokio::join!(api, station);
    assert_eq!(status, 200);
    assert_eq!(body["status"], "Rejected", "the late Accepted was dropped");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pending_station_gets_422_for_remote_start_and_disconnected_gets_503() {
    let server = TestServer::start().await;
    let (status, _) = server
        .api(
            "PUT",
            "/api/v1/stations/CP-PEND",
            Some(json!({"boot_policy": "Pending"})),
        )
        .await;
    assert_eq!(status, 200);
    let mut st = server.connect("CP-PEND").await;
    assert_eq!(st.boot().await["status"], "Pending");
    let start = json!({"connector_id": 1, "id_tag": "T"});
    let (status, body) = server
        .api(
            "POST",
            "/api/v1/stations/CP-PEND/commands/remote-start",
            Some(start.clone()),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    // Other calls before Accepted get SecurityError (errata §3.8).
    let frame = st.call_frame("Heartbeat", json!({})).await;
    assert_eq!(frame[2], "SecurityError");
    drop(st);
    server.register("CP-OFF").await;
    let (status, body) = server
        .api(
            "POST",
            "/api/v1/stations/CP-OFF/commands/remote-start",
            Some(start),
        )
        .await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["error"]["code"], "station_not_connected");
    server.stop().await;
}
