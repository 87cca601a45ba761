//! `switchyard sim --scenario-file` through the real binary against the real server: a
//! user-written scenario (authorize with its own tag, charge, drop the connection
//! mid-transaction, stop, data transfer, repeated) over two workers, with the `--api`
//! check, played by 1.6 and by 2.0.1 stations; a bad file, and a protocol not played yet,
//! refused before any station connects.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::TestServer;
use serde_json::Value;

async fn run_sim(args: &[&str]) -> std::process::Output {
    let run = tokio::process::Command::new(env!("CARGO_BIN_EXE_switchyard"))
        .arg("sim")
        .args(args)
        .stdin(std::process::Stdio::null())
        .output();
    tokio::time::timeout(Duration::from_secs(60), run)
        .await
        .expect("the run ends")
        .expect("switchyard sim runs")
}

const SCENARIO: &str = r#"
name = "user-file"

[station]
heartbeat-during-transactions = false

[[connector]]
repeat = true
steps = [
  { do = "wait", for = "100ms", jitter = "100ms" },
  { do = "authorize", tag = "FILE-CARD" },
  { do = "start" },
  { do = "charge", for = "400ms", every = "100ms" },
  { do = "offline", for = "700ms" },
  { do = "charge", for = "300ms" },
  { do = "stop", reason = "EVDisconnected" },
  { do = "data-transfer", vendor-id = "com.example", message-id = "unplugged" },
]

[[connector]]
repeat = true
steps = [
  { do = "wait", for = "200ms" },
  { do = "status", status = "Preparing" },
  { do = "start" },
  { do = "charge", for = "600ms" },
  { do = "stop" },
  { do = "heartbeat" },
]
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_scenario_file_is_stored_once_with_the_metered_energy() {
    user_file_run("ocpp1.6", "StopTransaction").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_scenario_file_plays_on_v201_stations() {
    user_file_run("ocpp2.0.1", "TransactionEvent").await;
}

/// The user file through two workers; `stop_action` is how the protocol ends a transaction.
async fn user_file_run(protocol: &str, stop_action: &str) {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    server.put_tag("SIM-TAG", "Accepted").await;
    server.put_tag("FILE-CARD", "Accepted").await;
    let file = server.dir.path().join("user-file.toml");
    std::fs::write(&file, SCENARIO).expect("scenario file written");
    let url = format!("ws://{}/ocpp", server.addr);
    let api = format!("http://{}", server.addr);
    let output = run_sim(&[
        "--url",
        &url,
        "--protocol",
        protocol,
        "--scenario-file",
        file.to_str().expect("a UTF-8 path"),
        "--stations",
        "8",
        "--workers",
        "2",
        "--id-prefix",
        "FILE-",
        "--ramp",
        "300ms",
        "--duration",
        "4s",
        "--meter-interval",
        "200ms",
        "--api",
        &api,
        "--api-token",
        &server.token,
        "--report",
        "json",
    ])
    .await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON report");
    assert!(
        output.status.success(),
        "{}: {stderr} {report}",
        output.status
    );
    assert_eq!(report["scenario"], "user-file", "{report}");
    assert_eq!(report["protocol_errors"], 0, "{report}");
    assert_eq!(report["booted"], 8, "{report}");
    for action in ["Authorize", "DataTransfer", stop_action] {
        assert!(
            report["actions"][action]["count"].as_u64() > Some(0),
            "{action}: {report}"
        );
    }
    // The simulator's own check: every transaction it completed is stored once, right energy.
    let completed = report["transactions_completed"].as_u64().expect("a count");
    assert!(completed >= 16, "two per station at least: {report}");
    assert_eq!(
        report["transactions_checked"].as_u64(),
        Some(completed),
        "{report}"
    );

    // And from the outside: nothing else stored, none twice, each stopped with its energy.
    let mut stored = 0;
    for station in 1..=8 {
        let list = server
            .get(&format!("/api/v1/transactions?station_id=FILE-{station}"))
            .await;
        let list = list.as_array().expect("a list");
        let ids: HashSet<&str> = list
            .iter()
            .map(|t| t["ocpp_transaction_id"].as_str().expect("an OCPP id"))
            .collect();
        assert_eq!(
            ids.len(),
            list.len(),
            "a transaction stored twice: {list:?}"
        );
        for t in list {
            assert!(!t["stopped_at"].is_null(), "{t}");
            let start = t["meter_start_wh"].as_f64().expect("meter start");
            let stop = t["meter_stop_wh"].as_f64().expect("meter stop");
            assert_eq!(t["energy_wh"].as_f64(), Some(stop - start), "{t}");
            // A session started just before the end is stopped at once: no energy, none lost.
            assert!(stop >= start, "{t}");
        }
        stored += list.len() as u64;
    }
    assert_eq!(stored, completed, "{report}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_scenario_file_is_refused_before_any_station_connects() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    let file = server.dir.path().join("typo.toml");
    let text = "[[connector]]\nsteps = [\n  { do = \"wait\", for = \"1s\" },\n  { do = \"charge\", fro = \"1s\" },\n]\n";
    std::fs::write(&file, text).expect("scenario file written");
    let url = format!("ws://{}/ocpp", server.addr);
    let path = file.to_str().expect("a UTF-8 path");
    let output = run_sim(&["--url", &url, "--scenario-file", path, "--duration", "2s"]).await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{path}: connector 1, step 2 (charge): unknown key \"fro\""
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stations = server.get("/api/v1/stations").await;
    assert_eq!(stations.as_array().map(Vec::len), Some(0), "{stations}");
    server.stop().await;
}

/// `--protocol` has its final shape; versions the simulator cannot play yet are refused
/// clearly, before any station connects.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_protocol_not_played_yet_is_refused_before_any_station_connects() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    let url = format!("ws://{}/ocpp", server.addr);
    for (protocol, expected) in [
        ("ocpp2.1", "ocpp2.1 stations are not played yet"),
        ("ocpp9", "unknown protocol \"ocpp9\""),
    ] {
        let output = run_sim(&[
            "--url",
            &url,
            "--protocol",
            protocol,
            "--scenario",
            "idle",
            "--duration",
            "2s",
        ])
        .await;
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
    }
    let stations = server.get("/api/v1/stations").await;
    assert_eq!(stations.as_array().map(Vec::len), Some(0), "{stations}");
    server.stop().await;
}
