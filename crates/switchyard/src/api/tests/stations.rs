//! `/api/v1/stations` and the message journal.

use serde_json::json;

use super::*;
use crate::domain::{
    BootPolicy, BootReport, BootStatus, ConnectorRecord, Direction, JournalEntry, StatusReport,
};

/// API.md's station fields, plus our `boot_policy` and `security_profile`.
const FIELDS: [&str; 15] = [
    "id",
    "registered",
    "connected",
    "protocol",
    "boot_status",
    "boot_policy",
    "vendor",
    "model",
    "serial_number",
    "firmware_version",
    "site_id",
    "description",
    "last_seen",
    "connectors",
    "security_profile",
];

#[tokio::test]
async fn put_get_list_delete_round_trip() {
    let h = Harness::new();
    let station = h
        .put(
            "/api/v1/stations/CP-1",
            json!({"site_id": "depot", "description": "bay 4"}),
        )
        .await
        .ok();
    let object = station.as_object().unwrap();
    for field in FIELDS {
        assert!(object.contains_key(field), "no {field} in {station}");
    }
    assert_eq!(object.len(), FIELDS.len(), "{station}");
    assert_eq!(station["id"], "CP-1");
    assert_eq!(station["registered"], true);
    assert_eq!(station["connected"], false);
    assert_eq!(station["protocol"], Value::Null);
    assert_eq!(station["boot_status"], Value::Null);
    assert_eq!(station["boot_policy"], "Accepted");
    assert_eq!(station["site_id"], "depot");
    assert_eq!(station["description"], "bay 4");
    assert_eq!(station["connectors"], json!([]));

    assert_eq!(h.get("/api/v1/stations/CP-1").await.ok(), station);
    h.register("CP-2").await;
    let list = h.get("/api/v1/stations").await.ok();
    let ids: Vec<_> = list.as_array().unwrap().iter().map(|s| &s["id"]).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&&json!("CP-1")) && ids.contains(&&json!("CP-2")));

    let reply = h.delete("/api/v1/stations/CP-1").await;
    assert_eq!(reply.status.as_u16(), 204, "{}", reply.text);
    assert!(reply.text.is_empty());
    assert_eq!(h.get("/api/v1/stations/CP-1").await.error(404), "not_found");
    assert_eq!(
        h.delete("/api/v1/stations/CP-1").await.error(404),
        "not_found"
    );
    assert_eq!(
        h.get("/api/v1/stations")
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn absent_fields_stay_and_null_clears() {
    let h = Harness::new();
    let uri = "/api/v1/stations/CP-1";
    h.put(uri, json!({"site_id": "depot", "description": "bay 4"}))
        .await
        .ok();
    let station = h.put(uri, json!({"description": null})).await.ok();
    assert_eq!(station["site_id"], "depot");
    assert_eq!(station["description"], Value::Null);
    let station = h.put(uri, json!({})).await.ok();
    assert_eq!(station["site_id"], "depot");
    let station = h.put(uri, json!({"site_id": "yard"})).await.ok();
    assert_eq!(station["site_id"], "yard");
    assert_eq!(station["description"], Value::Null);
}

#[tokio::test]
async fn passwords_are_hashed_and_never_returned() {
    let h = Harness::new();
    let uri = "/api/v1/stations/CP-1";
    let password = "s3cret-Passw0rd!";
    let reply = h.put(uri, json!({"password": password})).await;
    reply.ok();
    let stored = || async {
        h.app
            .store
            .station(&sid("CP-1"))
            .await
            .unwrap()
            .unwrap()
            .password_hash
    };
    let hash = stored().await.unwrap();
    assert!(crate::auth::verify_password(password, &hash));
    for text in [
        reply.text,
        h.get(uri).await.text,
        h.get("/api/v1/stations").await.text,
    ] {
        assert!(!text.contains("password"), "{text}");
        assert!(!text.contains(password) && !text.contains(&hash), "{text}");
    }
    // Left out: kept. Invalid: 400 and kept. Null: cleared.
    h.put(uri, json!({"description": "x"})).await.ok();
    assert_eq!(stored().await.as_deref(), Some(&*hash));
    for bad in [
        "short",
        "has a space in it",
        "naïve-password",
        &"x".repeat(65),
        "",
    ] {
        let reply = h
            .put(uri, json!({"password": bad, "description": "changed"}))
            .await;
        assert_eq!(reply.error(400), "bad_request", "{bad:?}");
    }
    assert_eq!(stored().await.as_deref(), Some(&*hash));
    assert_eq!(h.get(uri).await.ok()["description"], "x");
    h.put(uri, json!({"password": null})).await.ok();
    assert_eq!(stored().await, None);
}

#[tokio::test]
async fn boot_policy_extension() {
    let h = Harness::new();
    let uri = "/api/v1/stations/CP-1";
    let station = h.put(uri, json!({"boot_policy": "Pending"})).await.ok();
    assert_eq!(station["boot_policy"], "Pending");
    let record = h.app.store.station(&sid("CP-1")).await.unwrap().unwrap();
    assert_eq!(record.boot_policy, BootPolicy::Pending);
    assert_eq!(h.put(uri, json!({})).await.ok()["boot_policy"], "Pending");
    assert_eq!(
        h.put(uri, json!({"boot_policy": null})).await.ok()["boot_policy"],
        "Accepted"
    );
    let reply = h.put(uri, json!({"boot_policy": "Maybe"})).await;
    assert_eq!(reply.error(400), "bad_request");
}

#[tokio::test]
async fn security_profile_extension() {
    let h = Harness::new();
    let uri = "/api/v1/stations/CP-1";
    assert_eq!(
        h.put(uri, json!({})).await.ok()["security_profile"],
        serde_json::Value::Null
    );
    let station = h.put(uri, json!({"security_profile": 3})).await.ok();
    assert_eq!(station["security_profile"], 3);
    let record = h.app.store.station(&sid("CP-1")).await.unwrap().unwrap();
    assert_eq!(
        record.security_profile,
        Some(crate::domain::SecurityProfile::TlsClientCertificate)
    );
    for bad in [json!(4), json!(-1), json!("2")] {
        let reply = h.put(uri, json!({"security_profile": bad})).await;
        assert_eq!(reply.error(400), "bad_request", "{bad}");
    }
    // Profiles 1 and 2 are Basic auth: not without a password, and the password cannot be
    // removed while they hold.
    let reply = h.put(uri, json!({"security_profile": 2})).await;
    assert_eq!(reply.error(400), "bad_request");
    let both = json!({"security_profile": 2, "password": "0123456789abcdef"});
    assert_eq!(h.put(uri, both).await.ok()["security_profile"], 2);
    let reply = h.put(uri, json!({"password": null})).await;
    assert_eq!(reply.error(400), "bad_request");
    // A00.FR.005: no lowering through OCPP, decided before the station is even asked (it
    // is not connected here: otherwise 503).
    let lower = json!({"key": "SecurityProfile", "value": "1"});
    let reply = h
        .post("/api/v1/stations/CP-1/commands/change-configuration", lower)
        .await;
    assert_eq!(reply.error(422), "unprocessable");
    let raise = json!({"key": "SecurityProfile", "value": "3"});
    let reply = h
        .post("/api/v1/stations/CP-1/commands/change-configuration", raise)
        .await;
    assert_eq!(reply.error(503), "station_not_connected");
    assert_eq!(
        h.put(uri, json!({"security_profile": null})).await.ok()["security_profile"],
        serde_json::Value::Null
    );
}

#[tokio::test]
async fn invalid_ids_and_bodies_are_bad_requests() {
    let h = Harness::new();
    for uri in [
        "/api/v1/stations/a%3Ab".to_owned(),
        format!("/api/v1/stations/{}", "x".repeat(49)),
        "/api/v1/stations/tab%09bed".to_owned(),
    ] {
        assert_eq!(
            h.put(&uri, json!({})).await.error(400),
            "bad_request",
            "{uri}"
        );
        // An id that cannot be registered is simply unknown where it is looked up.
        assert_eq!(h.get(&uri).await.error(404), "not_found", "{uri}");
        assert_eq!(h.delete(&uri).await.error(404), "not_found", "{uri}");
    }
    for body in [
        json!({"pasword": "12345678"}),
        json!({"site_id": 5}),
        json!([]),
    ] {
        let reply = h.put("/api/v1/stations/CP-1", body.clone()).await;
        assert_eq!(reply.error(400), "bad_request", "{body}");
    }
    assert_eq!(h.get("/api/v1/stations").await.ok(), json!([]));
    // Spaces are fine (percent-encoded in the path).
    let station = h.put("/api/v1/stations/RDAM%20123", json!({})).await.ok();
    assert_eq!(station["id"], "RDAM 123");
}

#[tokio::test]
async fn reported_state_and_connectors_without_connector_zero() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.app
        .store
        .write(Write::Boot(BootReport {
            station_id: sid("CP-1"),
            protocol: "ocpp1.6".into(),
            status: BootStatus::Accepted,
            vendor: "Acme".into(),
            model: "Volt".into(),
            serial_number: Some("SN-9".into()),
            firmware_version: None,
            received_at: at(8),
        }))
        .await
        .unwrap();
    for (connector, status, error) in [
        (0, "Available", None),
        (1, "Faulted", Some("GroundFailure")),
    ] {
        h.app
            .store
            .write(Write::Status(StatusReport {
                station_id: sid("CP-1"),
                connector: ConnectorRecord {
                    evse_id: connector,
                    connector_id: connector,
                    status: status.into(),
                    error_code: error.map(str::to_owned),
                    info: None,
                    vendor_error_code: None,
                    station_time: None,
                    updated_at: at(9),
                },
            }))
            .await
            .unwrap();
    }
    let station = h.get("/api/v1/stations/CP-1").await.ok();
    assert_eq!(station["boot_status"], "Accepted");
    assert_eq!(station["vendor"], "Acme");
    assert_eq!(station["model"], "Volt");
    assert_eq!(station["serial_number"], "SN-9");
    assert_eq!(station["firmware_version"], Value::Null);
    assert_eq!(
        station["connectors"],
        json!([{"evse_id": 1, "connector_id": 1, "status": "Faulted",
                "error_code": "GroundFailure", "updated_at": "2026-01-02T09:00:00Z"}])
    );
}

#[tokio::test]
async fn connected_flag_and_delete_disconnects() {
    let h = Harness::new();
    h.register("CP-1").await;
    let mut station = h.connect("CP-1", |_| unreachable!());
    assert_eq!(h.get("/api/v1/stations/CP-1").await.ok()["connected"], true);
    assert_eq!(h.get("/api/v1/stations").await.ok()[0]["connected"], true);
    let reply = h.delete("/api/v1/stations/CP-1").await;
    assert_eq!(reply.status.as_u16(), 204);
    assert!(matches!(
        station.next().await,
        Seen::Close(1000, "station deleted")
    ));
    h.get("/api/v1/stations/CP-1").await.error(404);
}

#[tokio::test]
async fn journal_lists_the_latest_frames_oldest_first() {
    let h = Harness::new();
    assert_eq!(
        h.get("/api/v1/stations/CP-1/messages").await.error(404),
        "not_found"
    );
    // 404 comes before 400.
    assert_eq!(
        h.get("/api/v1/stations/CP-1/messages?limit=x")
            .await
            .error(404),
        "not_found"
    );
    h.register("CP-1").await;
    for (n, direction) in [Direction::In, Direction::Out, Direction::In]
        .into_iter()
        .enumerate()
    {
        h.app.store.journal(JournalEntry {
            station_id: sid("CP-1"),
            at: at(10 + n as u32),
            direction,
            frame: format!("[2,\"{n}\",\"Heartbeat\",{{}}]"),
        });
    }
    // The journal is written with the next commit.
    h.put("/api/v1/stations/CP-2", json!({})).await.ok();
    let all = h.get("/api/v1/stations/CP-1/messages").await.ok();
    assert_eq!(all.as_array().unwrap().len(), 3, "{all}");
    let last_two = h.get("/api/v1/stations/CP-1/messages?limit=2").await.ok();
    assert_eq!(
        last_two,
        json!([
            {"at": "2026-01-02T11:00:00Z", "direction": "out", "frame": "[2,\"1\",\"Heartbeat\",{}]"},
            {"at": "2026-01-02T12:00:00Z", "direction": "in", "frame": "[2,\"2\",\"Heartbeat\",{}]"},
        ])
    );
    for bad in ["limit=0", "limit=-1", "limit=x", "limit=1.5"] {
        let reply = h
            .get(&format!("/api/v1/stations/CP-1/messages?{bad}"))
            .await;
        assert_eq!(reply.error(400), "bad_request", "{bad}");
    }
}
