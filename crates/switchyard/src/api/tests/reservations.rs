//! `/api/v1/reservations`: the order of checks, what the station is sent, how its answer (or
//! the lack of one) is recorded, and cancellation.

use std::time::Duration;

use chrono::{SubsecRound, Utc};
use serde_json::json;

use super::*;

fn in_an_hour() -> String {
    crate::domain::format_time((Utc::now() + chrono::Duration::hours(1)).trunc_subsecs(0))
}

fn body(station: &str) -> Value {
    json!({
        "station_id": station,
        "connector_id": 1,
        "id_tag": "CARD-1",
        "parent_id_tag": "GROUP-1",
        "expires_at": in_an_hour(),
    })
}

fn answering(status: &'static str) -> impl Fn(&Command) -> Result<CommandReply, CommandError> {
    move |_| Ok(reply(status, &format!(r#"{{"status":"{status}"}}"#), None))
}

/// Make the stand-in session of `id` speak `protocol`.
fn speak(h: &Harness, id: &str, protocol: ocpp::Version) {
    let mut handle = h.app.registry.get(&sid(id)).unwrap();
    handle.protocol = protocol;
    h.app.registry.insert(sid(id), handle);
}

async fn listed(h: &Harness, query: &str) -> Vec<Value> {
    let reply = h.get(&format!("/api/v1/reservations{query}")).await;
    reply.ok().as_array().unwrap().clone()
}

#[tokio::test]
async fn unknown_station_is_404_and_nothing_is_recorded_without_an_answer() {
    let h = Harness::new();
    let reply = h.post("/api/v1/reservations", body("CP-9")).await;
    assert_eq!(reply.error(404), "not_found");
    // 404 before the rest of the body is looked at.
    let reply = h
        .post(
            "/api/v1/reservations",
            json!({"station_id": "CP-9", "expires_at": "yesterday"}),
        )
        .await;
    assert_eq!(reply.error(404), "not_found");
    let reply = h
        .post("/api/v1/reservations", json!({"id_tag": "CARD-1"}))
        .await;
    assert_eq!(reply.error(400), "bad_request");

    h.register("CP-1").await;
    // Not connected: 503, before the body's own errors.
    let mut late = body("CP-1");
    late["expires_at"] = json!("2020-01-01T00:00:00Z");
    let reply = h.post("/api/v1/reservations", late).await;
    assert_eq!(reply.error(503), "station_not_connected");

    // A CALLERROR or no answer: nothing reads active, nothing is listed.
    let _station = h.connect("CP-1", |_| {
        Err(CommandError::CallError(crate::commands::StationError {
            code: "NotSupported".into(),
            description: "no reservations here".into(),
            details: serde_json::value::RawValue::from_string("{}".into()).unwrap(),
        }))
    });
    let reply = h.post("/api/v1/reservations", body("CP-1")).await;
    assert_eq!(reply.error(502), "call_error");
    let _station = h.connect("CP-1", |_| {
        Err(CommandError::Timeout(Duration::from_millis(100)))
    });
    let reply = h.post("/api/v1/reservations", body("CP-1")).await;
    assert_eq!(reply.error(504), "station_timeout");
    assert!(listed(&h, "").await.is_empty());
}

#[tokio::test]
async fn invalid_bodies_are_400_after_the_station_checks() {
    let h = Harness::new();
    h.register("CP-1").await;
    let _station = h.connect("CP-1", answering("Accepted"));
    let with = |field: &str, value: Value| {
        let mut body = body("CP-1");
        body[field] = value;
        body
    };
    let cases = [
        (
            "past expiry",
            with("expires_at", json!("2020-01-01T00:00:00Z")),
        ),
        ("not a time", with("expires_at", json!("soon"))),
        ("long tag", with("id_tag", json!("X".repeat(21)))),
        ("empty tag", with("id_tag", json!(""))),
        ("long parent", with("parent_id_tag", json!("P".repeat(21)))),
        ("1.6 evse differs", with("evse_id", json!(2))),
        ("token type", with("id_token_type", json!("Card"))),
        (
            "1.6 connector type",
            with("connector_type", json!("cType2")),
        ),
        ("unknown field", with("connectorId", json!(1))),
        ("negative connector", with("connector_id", json!(-1))),
    ];
    for (case, body) in cases {
        let reply = h.post("/api/v1/reservations", body).await;
        assert_eq!(reply.error(400), "bad_request", "{case}");
    }
    // 2.x reserves EVSEs, not connectors of one.
    speak(&h, "CP-1", ocpp::Version::V201);
    let reply = h
        .post("/api/v1/reservations", with("evse_id", json!(1)))
        .await;
    assert_eq!(reply.error(400), "bad_request");
    let mut by_type = with("connector_id", json!(0));
    by_type["connector_type"] = json!("Type2");
    let reply = h.post("/api/v1/reservations", by_type).await;
    assert_eq!(reply.error(400), "bad_request");
    assert!(listed(&h, "").await.is_empty());

    for query in ["?status=Active", "?status=pending", "?station_id=a:b"] {
        let reply = h.get(&format!("/api/v1/reservations{query}")).await;
        assert_eq!(reply.error(400), "bad_request", "{query}");
    }
    for id in ["1", "x", "-1"] {
        let reply = h.get(&format!("/api/v1/reservations/{id}")).await;
        assert_eq!(reply.error(404), "not_found", "{id}");
        let reply = h.delete(&format!("/api/v1/reservations/{id}")).await;
        assert_eq!(reply.error(404), "not_found", "{id}");
    }
}

#[tokio::test]
async fn reserve_list_and_cancel_on_a_1_6_station() {
    let h = Harness::new();
    h.register("CP-1").await;
    let mut station = h.connect("CP-1", answering("Accepted"));
    let expires_at = in_an_hour();
    let mut request = body("CP-1");
    request["expires_at"] = json!(expires_at);
    let reply = h.post("/api/v1/reservations", request).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let created = reply.json();
    assert_eq!(created["status"], "Accepted");
    assert_eq!(created["response"], json!({"status": "Accepted"}));
    let reservation = &created["reservation"];
    let id = reservation["id"].as_i64().unwrap();
    assert_eq!(reservation["station_id"], "CP-1");
    assert_eq!(reservation["evse_id"], 1);
    assert_eq!(reservation["connector_id"], 1);
    assert_eq!(reservation["id_tag"], "CARD-1");
    assert_eq!(reservation["parent_id_tag"], "GROUP-1");
    assert_eq!(reservation["expires_at"], json!(expires_at));
    assert_eq!(reservation["status"], "active");
    assert_eq!(reservation["transaction_id"], Value::Null);
    // 2.x-only fields appear only where given.
    assert!(reservation.get("id_token_type").is_none());
    assert!(reservation.get("connector_type").is_none());

    // What the station was sent: this reservation, under its id.
    let Seen::Command(Command::ReserveNow { reservation: sent }) = station.next().await else {
        panic!("expected ReserveNow")
    };
    assert_eq!(sent.id, id);
    assert_eq!((sent.evse_id, sent.connector_id), (Some(1), 1));
    assert_eq!(sent.id_tag, "CARD-1");
    assert_eq!(sent.parent_id_tag.as_deref(), Some("GROUP-1"));
    assert_eq!(sent.id_token_type, None);
    assert_eq!(sent.connector_type, None);

    assert_eq!(
        h.get(&format!("/api/v1/reservations/{id}")).await.ok(),
        *reservation
    );
    assert_eq!(listed(&h, "?station_id=CP-1&status=active").await.len(), 1);
    assert!(listed(&h, "?station_id=CP-2").await.is_empty());
    assert!(listed(&h, "?status=cancelled").await.is_empty());

    let reply = h.delete(&format!("/api/v1/reservations/{id}")).await;
    let cancelled = reply.ok();
    assert_eq!(cancelled["status"], "Accepted");
    assert_eq!(cancelled["reservation"]["status"], "cancelled");
    let Seen::Command(Command::CancelReservation { reservation_id }) = station.next().await else {
        panic!("expected CancelReservation")
    };
    assert_eq!(reservation_id, id);
    assert_eq!(listed(&h, "?status=cancelled").await.len(), 1);
    // No longer active.
    let reply = h.delete(&format!("/api/v1/reservations/{id}")).await;
    assert_eq!(reply.error(409), "conflict");
}

#[tokio::test]
async fn refusals_are_recorded_and_cannot_be_cancelled() {
    let h = Harness::new();
    h.register("CP-1").await;
    for (answer, status) in [
        ("Occupied", "occupied"),
        ("Faulted", "faulted"),
        ("Unavailable", "unavailable"),
        ("Rejected", "rejected"),
    ] {
        let _station = h.connect("CP-1", answering(answer));
        let reply = h.post("/api/v1/reservations", body("CP-1")).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        let created = reply.json();
        assert_eq!(created["status"], answer);
        assert_eq!(created["reservation"]["status"], status);
        let id = created["reservation"]["id"].as_i64().unwrap();
        let reply = h.delete(&format!("/api/v1/reservations/{id}")).await;
        assert_eq!(reply.error(409), "conflict");
    }
    assert_eq!(listed(&h, "").await.len(), 4);
    assert!(listed(&h, "?status=active").await.is_empty());
    assert_eq!(listed(&h, "?status=rejected").await.len(), 1);
}

#[tokio::test]
async fn a_rejected_cancel_leaves_the_reservation_active() {
    let h = Harness::new();
    h.register("CP-1").await;
    let _station = h.connect("CP-1", |command| match command {
        Command::ReserveNow { .. } => Ok(reply("Accepted", r#"{"status":"Accepted"}"#, None)),
        _ => Ok(reply("Rejected", r#"{"status":"Rejected"}"#, None)),
    });
    let created = h.post("/api/v1/reservations", body("CP-1")).await.json();
    let id = created["reservation"]["id"].as_i64().unwrap();
    let answer = h.delete(&format!("/api/v1/reservations/{id}")).await.ok();
    assert_eq!(answer["status"], "Rejected");
    assert_eq!(answer["reservation"]["status"], "active");
}

#[tokio::test]
async fn a_used_or_expired_reservation_reads_so() {
    let h = Harness::new();
    h.register("CP-1").await;
    let _station = h.connect("CP-1", answering("Accepted"));
    let created = h.post("/api/v1/reservations", body("CP-1")).await.json();
    let id = created["reservation"]["id"].as_i64().unwrap();
    let mut start = NewTransaction {
        station_id: sid("CP-1"),
        evse_id: 1,
        connector_id: 1,
        id_tag: "CARD-1".into(),
        started_at: Utc::now(),
        meter_start_wh: 0.0,
        reservation_id: Some(id),
        remote_start_id: None,
        received_at: Utc::now(),
    };
    let Written::Start(outcome) = h
        .app
        .store
        .write(Write::Start(start.clone()))
        .await
        .unwrap()
    else {
        panic!("not a start")
    };
    let used = h.get(&format!("/api/v1/reservations/{id}")).await.ok();
    assert_eq!(used["status"], "used");
    assert_eq!(used["transaction_id"], outcome.transaction_id);
    let reply = h.delete(&format!("/api/v1/reservations/{id}")).await;
    assert_eq!(reply.error(409), "conflict");

    // One that expires while active reads expired, and filters agree.
    let mut soon = body("CP-1");
    let expires = Utc::now() + chrono::Duration::milliseconds(300);
    soon["expires_at"] = json!(crate::domain::format_time(expires));
    let created = h.post("/api/v1/reservations", soon).await.json();
    assert_eq!(created["reservation"]["status"], "active");
    let id = created["reservation"]["id"].as_i64().unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let expired = h.get(&format!("/api/v1/reservations/{id}")).await.ok();
    assert_eq!(expired["status"], "expired");
    assert!(listed(&h, "?status=active").await.is_empty());
    assert_eq!(listed(&h, "?status=expired").await.len(), 1);
    assert_eq!(
        h.delete(&format!("/api/v1/reservations/{id}"))
            .await
            .error(409),
        "conflict"
    );
    // A start naming an unknown reservation is stored all the same.
    start.reservation_id = Some(id + 1000);
    start.connector_id = 2;
    h.app.store.write(Write::Start(start)).await.unwrap();
    assert_eq!(listed(&h, "?status=used").await.len(), 1);
    assert_eq!(listed(&h, "?status=expired").await.len(), 1);
}

#[tokio::test]
async fn a_2_0_1_station_gets_an_evse_or_none() {
    let h = Harness::new();
    h.register("CP-1").await;
    let mut station = h.connect("CP-1", answering("Accepted"));
    speak(&h, "CP-1", ocpp::Version::V201);
    let cases = [
        (json!({"evse_id": 2}), Some(2)),
        (json!({"connector_id": 3}), Some(3)),
        (json!({"evse_id": 0, "connector_id": 0}), None),
        (json!({}), None),
        (json!({"connector_type": "cCCS2"}), None),
    ];
    for (target, evse_id) in cases {
        let mut request = json!({
            "station_id": "CP-1",
            "id_tag": "CARD-1",
            "expires_at": in_an_hour(),
            "id_token_type": "ISO14443",
        });
        for (key, value) in target.as_object().unwrap() {
            request[key] = value.clone();
        }
        let reply = h.post("/api/v1/reservations", request).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        let reservation = &reply.json()["reservation"];
        assert_eq!(reservation["evse_id"], json!(evse_id), "{target}");
        assert_eq!(reservation["connector_id"], 0);
        assert_eq!(reservation["id_token_type"], "ISO14443");
        assert_eq!(
            reservation.get("connector_type").cloned(),
            target.get("connector_type").cloned()
        );
        let Seen::Command(Command::ReserveNow { reservation }) = station.next().await else {
            panic!("expected ReserveNow")
        };
        assert_eq!(reservation.evse_id, evse_id);
        assert_eq!(reservation.id_token_type.as_deref(), Some("ISO14443"));
        assert_eq!(
            reservation.connector_type.as_deref(),
            target["connector_type"].as_str()
        );
    }
}
