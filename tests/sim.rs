//! The simulator against the real server, in one process: the `charge` scenario's
//! transactions must all be stored with the energy the stations metered, and the server's
//! remote commands must work against a simulated station, 1.6 and 2.0.1.

mod common;

use std::time::Duration;

use common::TestServer;
use serde_json::{Value, json};
use switchyard_sim::{CompletedTransaction, Protocol, Report, Scenario, SimConfig};

/// Wait until the station answers commands (connected and booted).
async fn wait_answering(server: &TestServer, station: &str) {
    let deadline = tokio::time::Instant::now() + common::WAIT;
    loop {
        let (status, _) = server
            .api(
                "POST",
                &format!("/api/v1/stations/{station}/commands/clear-cache"),
                Some(json!({})),
            )
            .await;
        if status == 200 {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{station} never answered"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn command(server: &TestServer, station: &str, path: &str, body: Value) -> Value {
    let (status, reply) = server
        .api(
            "POST",
            &format!("/api/v1/stations/{station}/commands/{path}"),
            Some(body),
        )
        .await;
    assert_eq!(status, 200, "{path}: {reply}");
    reply
}

/// Every transaction the simulator completed is stored once, stopped, with its energy.
async fn assert_stored(server: &TestServer, completed: &[CompletedTransaction]) {
    for done in completed {
        let list = server
            .get(&format!(
                "/api/v1/transactions?station_id={}",
                done.station_id
            ))
            .await;
        let ocpp_id = done.transaction_id.to_string();
        let matching: Vec<&Value> = list
            .as_array()
            .expect("a list")
            .iter()
            .filter(|t| t["ocpp_transaction_id"] == ocpp_id.as_str())
            .collect();
        assert_eq!(matching.len(), 1, "{done:?} in {list}");
        let stored = matching[0];
        assert_eq!(stored["connector_id"], done.connector_id, "{stored}");
        assert_eq!(
            stored["meter_start_wh"], done.meter_start_wh as f64,
            "{stored}"
        );
        assert_eq!(
            stored["meter_stop_wh"], done.meter_stop_wh as f64,
            "{stored}"
        );
        let energy = (done.meter_stop_wh - done.meter_start_wh) as f64;
        assert_eq!(stored["energy_wh"], energy, "{stored}");
        assert!(!stored["stopped_at"].is_null(), "{stored}");
    }
}

fn assert_clean(report: &Report) {
    assert_eq!(report.protocol_errors, 0, "{}", report.to_text());
    assert!(!report.failed(), "{}", report.to_text());
    assert_eq!(
        report.connected,
        u64::from(report.stations),
        "{}",
        report.to_text()
    );
    assert_eq!(
        report.booted,
        u64::from(report.stations),
        "{}",
        report.to_text()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn charge_scenario_is_stored_exactly_and_commands_reach_a_simulated_station() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    server.put_tag("SIM-TAG", "Accepted").await;
    server.put_tag("REMOTE-TAG", "Accepted").await;
    let url = format!("ws://{}/ocpp", server.addr);

    let mut fleet = SimConfig::new(url.clone(), 20);
    fleet.ramp = Duration::from_millis(500);
    fleet.duration = Duration::from_secs(3);
    fleet.meter_interval = Duration::from_millis(200);
    fleet.scenario = Scenario::Charge {
        session: Duration::from_millis(700),
        pause: Duration::from_millis(100),
    };
    // One idle station for the remote commands, so its connectors are free.
    let mut single = SimConfig::new(url, 1);
    single.id_prefix = "CMD-".into();
    single.ramp = Duration::ZERO;
    single.duration = Duration::from_secs(4);
    single.meter_interval = Duration::from_millis(200);
    single.scenario = Scenario::Idle;
    let fleet = tokio::spawn(switchyard_sim::run(fleet));
    let single = tokio::spawn(switchyard_sim::run(single));

    wait_answering(&server, "CMD-1").await;
    let reply = command(
        &server,
        "CMD-1",
        "get-configuration",
        json!({"keys": ["HeartbeatInterval", "NumberOfConnectors", "NoSuchKey"]}),
    )
    .await;
    let keys = &reply["response"]["configurationKey"];
    assert_eq!(keys[0]["key"], "HeartbeatInterval", "{reply}");
    assert_eq!(
        keys[1],
        json!({"key": "NumberOfConnectors", "readonly": true, "value": "2"})
    );
    assert_eq!(reply["response"]["unknownKey"], json!(["NoSuchKey"]));

    let set = |key: &str, value: &str| json!({"key": key, "value": value});
    let reply = command(
        &server,
        "CMD-1",
        "change-configuration",
        set("HeartbeatInterval", "120"),
    )
    .await;
    assert_eq!(reply["status"], "Accepted", "{reply}");
    let reply = command(
        &server,
        "CMD-1",
        "change-configuration",
        set("NumberOfConnectors", "9"),
    )
    .await;
    assert_eq!(reply["status"], "Rejected", "{reply}");
    let reply = command(
        &server,
        "CMD-1",
        "get-configuration",
        json!({"keys": ["HeartbeatInterval"]}),
    )
    .await;
    assert_eq!(
        reply["response"]["configurationKey"][0]["value"], "120",
        "{reply}"
    );

    let tx = remote_start_and_stop(&server, "CMD-1", "connector_id").await;

    let fleet = fleet.await.expect("fleet run");
    let single = single.await.expect("single run");
    assert_clean(&fleet);
    assert_clean(&single);
    // 20 stations × 2 connectors, ~2.5 s of 0.8 s cycles each.
    assert!(fleet.completed.len() >= 40, "{}", fleet.to_text());
    assert!(
        fleet.actions["MeterValues"].count >= 100,
        "{}",
        fleet.to_text()
    );
    assert_stored(&server, &fleet.completed).await;
    // The remote start and stop went through the simulated station's own transaction flow.
    assert_eq!(single.completed.len(), 1, "{}", single.to_text());
    assert_stored(&server, &single.completed).await;
    let stored = server.get(&format!("/api/v1/transactions/{tx}")).await;
    assert_eq!(stored["stop_reason"], "Remote", "{stored}");
    assert!(
        stored["energy_wh"].as_f64().is_some_and(|e| e > 0.0),
        "{stored}"
    );
    server.stop().await;
}

/// The version-neutral commands reach a 2.0.1 station as GetVariables, SetVariables and
/// RequestStart/StopTransaction, and the station's answers come back through the API.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_reach_a_simulated_v201_station() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    server.put_tag("REMOTE-TAG", "Accepted").await;
    let mut single = SimConfig::new(format!("ws://{}/ocpp", server.addr), 1);
    single.protocol = Protocol::Ocpp201;
    single.id_prefix = "CMD201-".into();
    single.ramp = Duration::ZERO;
    single.duration = Duration::from_secs(4);
    single.meter_interval = Duration::from_millis(200);
    single.scenario = Scenario::Idle;
    let single = tokio::spawn(switchyard_sim::run(single));

    wait_answering(&server, "CMD201-1").await;
    let reply = command(
        &server,
        "CMD201-1",
        "change-configuration",
        json!({"key": "OCPPCommCtrlr.HeartbeatInterval", "value": "120"}),
    )
    .await;
    assert_eq!(reply["status"], "Accepted", "{reply}");
    let reply = command(
        &server,
        "CMD201-1",
        "change-configuration",
        json!({"key": "SecurityCtrlr.Identity", "value": "other"}),
    )
    .await;
    assert_eq!(reply["status"], "Rejected", "{reply}");
    let reply = command(
        &server,
        "CMD201-1",
        "get-configuration",
        json!({"keys": ["OCPPCommCtrlr.HeartbeatInterval", "Nowhere.Nothing"]}),
    )
    .await;
    let results = &reply["response"]["getVariableResult"];
    assert_eq!(results[0]["attributeValue"], "120", "{reply}");
    assert_eq!(results[1]["attributeStatus"], "UnknownComponent", "{reply}");

    let tx = remote_start_and_stop(&server, "CMD201-1", "evse_id").await;

    let single = single.await.expect("single run");
    assert_clean(&single);
    assert_eq!(single.completed.len(), 1, "{}", single.to_text());
    let stored = server.get(&format!("/api/v1/transactions/{tx}")).await;
    assert_eq!(stored["stop_reason"], "Remote", "{stored}");
    assert!(
        stored["energy_wh"].as_f64().is_some_and(|e| e > 0.0),
        "{stored}"
    );
    server.stop().await;
}

/// A remote start on `place` (`connector_id` or `evse_id`) 2 that waits for its transaction,
/// then a remote stop of it, both accepted; the system's transaction id.
async fn remote_start_and_stop(server: &TestServer, station: &str, place: &str) -> i64 {
    let mut body = json!({"id_tag": "REMOTE-TAG"});
    body[place] = json!(2);
    let (status, reply) = server
        .api(
            "POST",
            &format!("/api/v1/stations/{station}/commands/remote-start?wait_start_s=5"),
            Some(body),
        )
        .await;
    assert_eq!(status, 200, "{reply}");
    assert_eq!(reply["status"], "Accepted", "{reply}");
    let tx = reply["transaction_id"]
        .as_i64()
        .expect("the started transaction");
    let stored = server.get(&format!("/api/v1/transactions/{tx}")).await;
    assert_eq!(stored[place], 2, "{stored}");
    assert_eq!(stored["id_tag"], "REMOTE-TAG", "{stored}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let reply = command(
        server,
        station,
        "remote-stop",
        json!({"transaction_id": tx}),
    )
    .await;
    assert_eq!(reply["status"], "Accepted", "{reply}");
    tx
}
