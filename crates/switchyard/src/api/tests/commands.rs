//! `/api/v1/stations/{id}/commands/{command}` and `/call`: the order of checks, options, and
//! replies through a stand-in session.

use std::time::Duration;

use serde_json::json;

use super::*;
use crate::events::{Event, EventKind};

/// A valid body for each command.
fn valid_bodies(transaction_id: i64) -> Vec<(&'static str, Value)> {
    vec![
        (
            "remote-start",
            json!({"connector_id": 1, "id_tag": "CARD-1"}),
        ),
        ("remote-stop", json!({"transaction_id": transaction_id})),
        ("reset", json!({"type": "Soft"})),
        ("unlock-connector", json!({"connector_id": 1})),
        (
            "change-availability",
            json!({"connector_id": 0, "type": "Inoperative"}),
        ),
        ("get-configuration", json!({"keys": ["HeartbeatInterval"]})),
        (
            "change-configuration",
            json!({"key": "HeartbeatInterval", "value": "60"}),
        ),
        (
            "get-base-report",
            json!({"report_base": "ConfigurationInventory"}),
        ),
        (
            "get-transaction-status",
            json!({"transaction_id": transaction_id}),
        ),
        ("reset", json!({"type": "Hard", "evse_id": 1})),
        ("trigger-message", json!({"message": "Heartbeat"})),
        ("clear-cache", json!({})),
        (
            "data-transfer",
            json!({"vendor_id": "acme", "message_id": "hi", "data": "x"}),
        ),
        (
            "get-composite-schedule",
            json!({"evse_id": 1, "duration": 600}),
        ),
    ]
}

fn command_uri(station: &str, command: &str) -> String {
    format!("/api/v1/stations/{station}/commands/{command}")
}

#[tokio::test]
async fn unknown_station_or_command_is_404_first() {
    let h = Harness::new();
    for (command, body) in valid_bodies(1) {
        let reply = h.post(&command_uri("CP-9", command), body).await;
        assert_eq!(reply.error(404), "not_found", "{command}");
        assert!(
            reply.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("CP-9")
        );
        // Even with an invalid body and query.
        let reply = h
            .post(
                &format!("{}?timeout_s=-1", command_uri("CP-9", command)),
                json!(7),
            )
            .await;
        assert_eq!(reply.error(404), "not_found", "{command}");
    }
    h.register("CP-1").await;
    for uri in [
        command_uri("CP-1", "self-destruct"),
        command_uri("CP-1", "RemoteStart"),
        command_uri("CP-9", "self-destruct"),
    ] {
        assert_eq!(
            h.post(&uri, json!({})).await.error(404),
            "not_found",
            "{uri}"
        );
    }
    let reply = h.post("/api/v1/stations/CP-9/call", json!({})).await;
    assert_eq!(reply.error(404), "not_found");
}

#[tokio::test]
async fn disconnected_station_is_503_before_400() {
    let h = Harness::new();
    h.register("CP-1").await;
    let running = h.start("CP-1", 1, at(8), 0.0).await;
    for (command, body) in valid_bodies(running) {
        let reply = h.post(&command_uri("CP-1", command), body).await;
        assert_eq!(reply.error(503), "station_not_connected", "{command}");
        let reply = h
            .post(
                &format!("{}?timeout_s=abc", command_uri("CP-1", command)),
                json!({"nonsense": true}),
            )
            .await;
        assert_eq!(reply.error(503), "station_not_connected", "{command}");
    }
    let reply = h
        .post(
            "/api/v1/stations/CP-1/call",
            json!({"action": "Reset", "payload": {"type": "Soft"}}),
        )
        .await;
    assert_eq!(reply.error(503), "station_not_connected");
    let reply = h.post("/api/v1/stations/CP-1/call", json!("garbage")).await;
    assert_eq!(reply.error(503), "station_not_connected");
}

#[tokio::test]
async fn remote_stop_checks_the_transaction_first() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.register("CP-2").await;
    let stopped = h.start("CP-1", 1, at(8), 0.0).await;
    h.stop("CP-1", stopped, at(9), 10.0).await;
    let elsewhere = h.start("CP-2", 1, at(8), 0.0).await;
    let uri = command_uri("CP-1", "remote-stop");
    for connected in [false, true] {
        let reply = h.post(&uri, json!({"transaction_id": 999})).await;
        assert_eq!(reply.error(404), "not_found");
        let reply = h.post(&uri, json!({"transaction_id": elsewhere})).await;
        assert_eq!(reply.error(404), "not_found");
        let reply = h.post(&uri, json!({"transaction_id": stopped})).await;
        assert_eq!(reply.error(409), "conflict");
        if !connected {
            h.connect("CP-1", |_| unreachable!("nothing may reach the station"));
        }
    }
}

#[tokio::test]
async fn invalid_requests_to_a_connected_station_are_400() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.connect("CP-1", |_| unreachable!("nothing may reach the station"));
    let reset = command_uri("CP-1", "reset");
    for query in [
        "timeout_s=0",
        "timeout_s=-1",
        "timeout_s=300.5",
        "timeout_s=abc",
        "timeout_s=NaN",
        "timeout_s=inf",
        "wait_start_s=5",
    ] {
        let reply = h
            .post(&format!("{reset}?{query}"), json!({"type": "Soft"}))
            .await;
        assert_eq!(reply.error(400), "bad_request", "{query}");
    }
    for query in ["wait_start_s=-1", "wait_start_s=301", "wait_start_s=x"] {
        let uri = format!("{}?{query}", command_uri("CP-1", "remote-start"));
        let reply = h.post(&uri, json!({"id_tag": "CARD-1"})).await;
        assert_eq!(reply.error(400), "bad_request", "{query}");
    }
    for (command, body) in [
        ("reset", json!({"type": "Medium"})),
        ("reset", json!({})),
        ("remote-start", json!({"idTag": "CARD-1"})),
        ("remote-stop", json!({"transaction_id": "one"})),
        ("unlock-connector", json!({"connector_id": 0})),
    ] {
        let reply = h.post(&command_uri("CP-1", command), body.clone()).await;
        assert_eq!(reply.error(400), "bad_request", "{command} {body}");
    }
    let call = "/api/v1/stations/CP-1/call";
    for body in [
        json!({"action": "Reset"}),
        json!({"action": "", "payload": {}}),
        json!({"action": "Reset", "payload": "Soft"}),
        json!([1, 2]),
    ] {
        assert_eq!(
            h.post(call, body.clone()).await.error(400),
            "bad_request",
            "{body}"
        );
    }
    let reply = h
        .post(
            &format!("{call}?timeout_s=0"),
            json!({"action": "Heartbeat", "payload": {}}),
        )
        .await;
    assert_eq!(reply.error(400), "bad_request");
}

#[tokio::test]
async fn replies_and_what_the_station_was_sent() {
    let h = Harness::new();
    h.register("CP-1").await;
    let running = h.start("CP-1", 2, at(8), 0.0).await;
    let mut station = h.connect("CP-1", |command| match command {
        Command::GetConfiguration { .. } => Ok(reply(
            "Accepted",
            r#"{"configurationKey":[],"unknownKey":["X"]}"#,
            None,
        )),
        _ => Ok(reply("Rejected", r#"{"status":"Rejected"}"#, None)),
    });
    let uri = format!("{}?timeout_s=0.5", command_uri("CP-1", "get-configuration"));
    let answer = h.post(&uri, json!({"keys": ["X"]})).await.ok();
    assert_eq!(
        answer,
        json!({"status": "Accepted", "response": {"configurationKey": [], "unknownKey": ["X"]}})
    );
    assert!(matches!(
        station.next().await,
        Seen::Command(Command::GetConfiguration { keys }) if keys == ["X"]
    ));

    let answer = h
        .post(
            &command_uri("CP-1", "remote-stop"),
            json!({"transaction_id": running}),
        )
        .await
        .ok();
    assert_eq!(answer["status"], "Rejected");
    assert!(answer.get("remote_start_id").is_none());
    match station.next().await {
        Seen::Command(Command::RemoteStop { transaction }) => {
            assert_eq!(transaction.id, running);
            assert_eq!(transaction.connector_id, 2);
        }
        other => panic!("{other:?}"),
    }

    // Empty bodies count as {} (curl -X POST), without a content type too.
    let request = Request::post(command_uri("CP-1", "clear-cache"))
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(h.send(request).await.ok()["status"], "Rejected");
    assert!(matches!(
        station.next().await,
        Seen::Command(Command::ClearCache)
    ));

    let answer = h
        .post(
            "/api/v1/stations/CP-1/call",
            json!({"action": "DataTransfer", "payload": {"vendorId": "acme"}}),
        )
        .await
        .ok();
    assert_eq!(answer, json!({"result": {"status": "Rejected"}}));
    match station.next().await {
        Seen::Command(Command::Raw { action, payload }) => {
            assert_eq!(action, "DataTransfer");
            assert_eq!(payload.get(), r#"{"vendorId":"acme"}"#);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn session_errors_map_to_statuses() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.connect("CP-1", |command| match command {
        Command::Reset { .. } => Err(CommandError::CallError(crate::commands::StationError {
            code: "NotSupported".into(),
            description: "no resets here".into(),
            details: serde_json::value::RawValue::from_string(r#"{"hint":1}"#.into()).unwrap(),
        })),
        Command::RemoteStart { .. } => Err(CommandError::Forbidden(
            "the station's boot is Pending".into(),
        )),
        Command::ClearCache => Err(CommandError::Timeout(Duration::from_secs(2))),
        Command::Raw { .. } => Err(CommandError::Invalid("unknown action Frobnicate".into())),
        _ => Err(CommandError::NotConnected),
    });
    let reply = h
        .post(&command_uri("CP-1", "reset"), json!({"type": "Hard"}))
        .await;
    assert_eq!(reply.error(502), "call_error");
    let error = &reply.json()["error"];
    assert_eq!(error["ocpp_error_code"], "NotSupported");
    assert_eq!(error["details"], json!({"hint": 1}));
    let reply = h
        .post(
            &command_uri("CP-1", "remote-start"),
            json!({"id_tag": "CARD-1"}),
        )
        .await;
    assert_eq!(reply.error(422), "unprocessable");
    let reply = h.post(&command_uri("CP-1", "clear-cache"), json!({})).await;
    assert_eq!(reply.error(504), "station_timeout");
    let reply = h
        .post(
            "/api/v1/stations/CP-1/call",
            json!({"action": "Frobnicate", "payload": {}}),
        )
        .await;
    assert_eq!(reply.error(400), "bad_request");
    let reply = h
        .post(
            &command_uri("CP-1", "trigger-message"),
            json!({"message": "Heartbeat"}),
        )
        .await;
    assert_eq!(reply.error(503), "station_not_connected");
}

#[tokio::test]
async fn remote_start_waits_for_its_transaction() {
    let h = Harness::new();
    h.register("CP-1").await;
    let app = h.app.clone();
    let next_id = std::sync::atomic::AtomicI64::new(40);
    h.connect("CP-1", move |command| {
        let Command::RemoteStart { id_tag, .. } = command else {
            unreachable!()
        };
        let remote_start_id = next_id.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if id_tag == "NEVER" {
            return Ok(reply(
                "Accepted",
                r#"{"status":"Accepted"}"#,
                Some(remote_start_id),
            ));
        }
        if id_tag == "QUIET" {
            // Stored, but its event is lost (a lagging receiver): the store is asked.
            let app = app.clone();
            tokio::spawn(async move {
                let started = NewTransaction {
                    station_id: sid("CP-1"),
                    evse_id: 1,
                    connector_id: 1,
                    id_tag: "QUIET".into(),
                    started_at: at(8),
                    meter_start_wh: 0.0,
                    reservation_id: None,
                    remote_start_id: Some(remote_start_id),
                    received_at: at(8),
                };
                app.store.write(Write::Start(started)).await.unwrap();
            });
            return Ok(reply(
                "Accepted",
                r#"{"status":"Accepted"}"#,
                Some(remote_start_id),
            ));
        }
        if id_tag == "NO" {
            return Ok(reply(
                "Rejected",
                r#"{"status":"Rejected"}"#,
                Some(remote_start_id),
            ));
        }
        // Another remote start's transaction first, then this one's, as the session would.
        for (transaction, rsid) in [(1, remote_start_id + 100), (77, remote_start_id)] {
            app.events.publish(
                Event::new(EventKind::TransactionStarted, &sid("CP-1"))
                    .with("transaction_id", transaction)
                    .with("remote_start_id", rsid),
            );
        }
        Ok(reply(
            "Accepted",
            r#"{"status":"Accepted"}"#,
            Some(remote_start_id),
        ))
    });
    let uri = command_uri("CP-1", "remote-start");
    let answer = h.post(&uri, json!({"id_tag": "CARD-1"})).await.ok();
    assert_eq!(answer["remote_start_id"], 40);
    assert!(answer.get("transaction_id").is_none(), "{answer}");

    let answer = h
        .post(
            &format!("{uri}?wait_start_s=5"),
            json!({"id_tag": "CARD-1"}),
        )
        .await
        .ok();
    assert_eq!(answer["remote_start_id"], 41);
    assert_eq!(answer["transaction_id"], 77);

    let answer = h
        .post(
            &format!("{uri}?wait_start_s=0.2"),
            json!({"id_tag": "NEVER"}),
        )
        .await
        .ok();
    assert_eq!(answer["remote_start_id"], 42);
    assert_eq!(answer["transaction_id"], Value::Null);

    let answer = h
        .post(
            &format!("{uri}?wait_start_s=0.5"),
            json!({"id_tag": "QUIET"}),
        )
        .await
        .ok();
    assert_eq!(answer["remote_start_id"], 43);
    let quiet = h.get("/api/v1/transactions?station_id=CP-1").await.ok();
    assert_eq!(answer["transaction_id"], quiet[0]["id"]);
    assert!(answer["transaction_id"].is_i64(), "{answer}");

    let answer = h
        .post(&format!("{uri}?wait_start_s=5"), json!({"id_tag": "NO"}))
        .await
        .ok();
    assert_eq!(answer["status"], "Rejected");
    assert_eq!(answer["transaction_id"], Value::Null);
}
