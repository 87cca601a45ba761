//! Operating features the system runs of its own accord, over real sockets: the configuration
//! read on boot, desired configuration values, and local lists kept in step with the id tags.

mod common;

use common::{Station, TestServer};
use serde_json::{Value, json};

async fn server() -> TestServer {
    TestServer::start_with(|o| o.read_configuration_on_boot = Some(true)).await
}

/// The next CALL, which must be `action`: its message id and payload.
async fn expect(st: &mut Station, action: &str) -> (String, Value) {
    let (id, got, payload) = st.expect_call().await;
    assert_eq!(got, action, "{payload}");
    (id, payload)
}

fn keys(pairs: &[(&str, &str)]) -> Value {
    json!({"configurationKey": pairs.iter().map(|(k, v)| json!({"key": k, "value": v, "readonly": false})).collect::<Vec<_>>()})
}

fn tags_of(payload: &Value) -> Vec<(String, Option<String>)> {
    payload["localAuthorizationList"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|e| {
                    (
                        e["idTag"].as_str().unwrap().to_owned(),
                        e["idTagInfo"]["status"].as_str().map(str::to_owned),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configuration_is_read_on_boot_and_desired_values_are_applied() {
    let server = server().await;
    server.register("CP-CFG").await;
    let desired = |value: &str| json!({"value": value});
    let path = "/api/v1/stations/CP-CFG/configuration/HeartbeatInterval";

    // Offline: stored, not applied, shown as only desired.
    let (status, body) = server.api("PUT", path, Some(desired("60"))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({"key": "HeartbeatInterval", "desired": "60", "applied": null})
    );
    let configuration = server.get("/api/v1/stations/CP-CFG/configuration").await;
    assert_eq!(
        configuration,
        json!([{"key": "HeartbeatInterval", "value": null, "readonly": false,
                "desired": "60", "reported_at": null}])
    );

    // On boot: the whole configuration is read, then the differing value set.
    let mut st = server.booted("CP-CFG").await;
    let (id, payload) = expect(&mut st, "GetConfiguration").await;
    assert_eq!(payload, json!({}), "every key");
    st.reply(
        &id,
        keys(&[
            ("HeartbeatInterval", "300"),
            ("MeterValueSampleInterval", "60"),
        ]),
    )
    .await;
    let (id, payload) = expect(&mut st, "ChangeConfiguration").await;
    assert_eq!(payload, json!({"key": "HeartbeatInterval", "value": "60"}));
    st.reply(&id, json!({"status": "Accepted"})).await;
    common::eventually(|| async {
        let configuration = server.get("/api/v1/stations/CP-CFG/configuration").await;
        let line = configuration
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["key"] == "HeartbeatInterval")
            .cloned()
            .unwrap();
        (line["value"] == "60" && line["last_result"] == "Accepted").then_some(())
    })
    .await;

    // Connected: applied at once, the answer returned and kept.
    let api = server.api(
        "PUT",
        "/api/v1/stations/CP-CFG/configuration/MeterValueSampleInterval",
        Some(desired("-1")),
    );
    let station = async {
        let (id, payload) = expect(&mut st, "ChangeConfiguration").await;
        assert_eq!(payload["value"], "-1");
        st.reply(&id, json!({"status": "Rejected"})).await;
    };
    let ((status, body), ()) = tokio::join!(api, station);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["applied"]["status"], "Rejected");
    let configuration = server.get("/api/v1/stations/CP-CFG/configuration").await;
    let line = configuration
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "MeterValueSampleInterval")
        .unwrap();
    assert_eq!(
        (&line["value"], &line["desired"], &line["last_result"]),
        (&json!("60"), &json!("-1"), &json!("Rejected"))
    );

    // Forgetting; passwords are never desired values; unknown stations are 404.
    let (status, _) = server
        .api(
            "DELETE",
            "/api/v1/stations/CP-CFG/configuration/MeterValueSampleInterval",
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (status, body) = server
        .api(
            "DELETE",
            "/api/v1/stations/CP-CFG/configuration/MeterValueSampleInterval",
            None,
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    for (key, body) in [
        (
            "AuthorizationKey",
            desired("0011223344556677889900aabbccddeeff"),
        ),
        (
            "SecurityCtrlr.BasicAuthPassword",
            desired("a-new-password-1234"),
        ),
        ("HeartbeatInterval", json!({"value": 60})),
        ("HeartbeatInterval", json!({"value": "60", "extra": 1})),
    ] {
        let (status, answer) = server
            .api(
                "PUT",
                &format!("/api/v1/stations/CP-CFG/configuration/{key}"),
                Some(body),
            )
            .await;
        assert_eq!(status, 400, "{key}: {answer}");
    }
    let (status, _) = server
        .api(
            "PUT",
            "/api/v1/stations/NOPE/configuration/HeartbeatInterval",
            Some(desired("60")),
        )
        .await;
    assert_eq!(status, 404);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_local_list_follows_the_id_tags() {
    let server = server().await;
    server.register("CP-LL").await;
    server.put_tag("TAG-A", "Accepted").await;
    server.put_tag("TAG-B", "Accepted").await;
    let list_config = keys(&[
        ("LocalAuthListEnabled", "true"),
        ("LocalAuthListMaxLength", "10"),
        ("SendLocalListMaxLength", "1"),
    ]);

    // First boot: a Full update, one entry per message as the station takes them.
    let mut st = server.booted("CP-LL").await;
    let (id, _) = expect(&mut st, "GetConfiguration").await;
    st.reply(&id, list_config.clone()).await;
    let (id, first) = expect(&mut st, "SendLocalList").await;
    assert_eq!(
        (&first["updateType"], &first["listVersion"]),
        (&json!("Full"), &json!(1))
    );
    assert_eq!(tags_of(&first), [("TAG-A".into(), Some("Accepted".into()))]);
    st.reply(&id, json!({"status": "Accepted"})).await;
    let (id, second) = expect(&mut st, "SendLocalList").await;
    assert_eq!(
        (&second["updateType"], &second["listVersion"]),
        (&json!("Differential"), &json!(2))
    );
    assert_eq!(
        tags_of(&second),
        [("TAG-B".into(), Some("Accepted".into()))]
    );
    st.reply(&id, json!({"status": "Accepted"})).await;
    common::eventually(|| async {
        let list = server.get("/api/v1/stations/CP-LL/local-list").await;
        (list["version"] == 2).then_some(())
    })
    .await;
    let list = server.get("/api/v1/stations/CP-LL/local-list").await;
    assert_eq!(
        (
            &list["enabled"],
            &list["in_sync"],
            &list["entries"],
            &list["last_result"]
        ),
        (&json!(true), &json!(true), &json!(2), &json!("Accepted"))
    );

    // A tag changes: a Differential update with just it.
    server.put_tag("TAG-C", "Blocked").await;
    let (id, update) = expect(&mut st, "SendLocalList").await;
    assert_eq!(
        (&update["updateType"], &update["listVersion"]),
        (&json!("Differential"), &json!(3))
    );
    assert_eq!(tags_of(&update), [("TAG-C".into(), Some("Blocked".into()))]);
    st.reply(&id, json!({"status": "Accepted"})).await;

    // A tag is deleted: sent without idTagInfo. The station refuses the version: Full again.
    let (status, _) = server.api("DELETE", "/api/v1/id-tags/TAG-A", None).await;
    assert_eq!(status, 204);
    let (id, removal) = expect(&mut st, "SendLocalList").await;
    assert_eq!(removal["updateType"], "Differential");
    assert_eq!(tags_of(&removal), [("TAG-A".into(), None)]);
    st.reply(&id, json!({"status": "VersionMismatch"})).await;
    let (id, full) = expect(&mut st, "SendLocalList").await;
    assert_eq!(
        (&full["updateType"], &full["listVersion"]),
        (&json!("Full"), &json!(4))
    );
    assert_eq!(tags_of(&full), [("TAG-B".into(), Some("Accepted".into()))]);
    st.reply(&id, json!({"status": "Accepted"})).await;
    let (id, rest) = expect(&mut st, "SendLocalList").await;
    assert_eq!(tags_of(&rest), [("TAG-C".into(), Some("Blocked".into()))]);
    st.reply(&id, json!({"status": "Accepted"})).await;

    // The API forces a Full update and returns the station's answer.
    let api = server.api("POST", "/api/v1/stations/CP-LL/local-list/sync", None);
    let station = async {
        for expected_full in [true, false] {
            let (id, update) = expect(&mut st, "SendLocalList").await;
            assert_eq!(update["updateType"] == "Full", expected_full);
            st.reply(&id, json!({"status": "Accepted"})).await;
        }
    };
    let ((status, body), ()) = tokio::join!(api, station);
    assert_eq!(
        (status, body["status"].as_str()),
        (200, Some("Accepted")),
        "{body}"
    );
    let list = server.get("/api/v1/stations/CP-LL/local-list").await;
    assert_eq!(
        (&list["version"], &list["in_sync"]),
        (&json!(7), &json!(true))
    );

    // After a reboot the station reports another version: it lost its list, Full again.
    drop(st);
    server.wait_connected("CP-LL", false).await;
    let mut st = server.booted("CP-LL").await;
    let (id, _) = expect(&mut st, "GetConfiguration").await;
    st.reply(&id, list_config).await;
    let (id, _) = expect(&mut st, "GetLocalListVersion").await;
    st.reply(&id, json!({"listVersion": 0})).await;
    let (id, full) = expect(&mut st, "SendLocalList").await;
    assert_eq!(
        (&full["updateType"], &full["listVersion"]),
        (&json!("Full"), &json!(8))
    );
    st.reply(&id, json!({"status": "Accepted"})).await;

    // A station that answers NotSupported is not sent the list again when tags change.
    let (id, _) = expect(&mut st, "SendLocalList").await;
    st.reply(&id, json!({"status": "NotSupported"})).await;
    common::eventually(|| async {
        let list = server.get("/api/v1/stations/CP-LL/local-list").await;
        (list["last_result"] == "NotSupported").then_some(())
    })
    .await;
    server.put_tag("TAG-D", "Accepted").await;
    // The next call the station sees is the one the operator asks for, not another list.
    let api = server.api(
        "POST",
        "/api/v1/stations/CP-LL/commands/get-local-list-version",
        Some(json!({})),
    );
    let station = async {
        let (id, _) = expect(&mut st, "GetLocalListVersion").await;
        st.reply(&id, json!({"listVersion": 9})).await;
    };
    let ((status, answer), ()) = tokio::join!(api, station);
    assert_eq!(
        (status, &answer["response"]["listVersion"]),
        (200, &json!(9))
    );
    server.stop().await;
}
