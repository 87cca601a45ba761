//! `switchyard sim --workers 2` through the real binary against the real server: the parent
//! re-runs itself as two workers and merges their reports.

mod common;

use std::time::Duration;

use common::TestServer;
use serde_json::Value;

async fn run_sim(args: &[&str]) -> std::process::Output {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_switchyard"))
        .arg("sim")
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .await
        .expect("switchyard sim runs")
}

#[tokio::test(flavor = "multi_thread")]
async fn two_workers_report_the_whole_fleet() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    let url = format!("ws://{}/ocpp", server.addr);
    let output = tokio::time::timeout(
        Duration::from_secs(60),
        run_sim(&[
            "--url",
            &url,
            "--stations",
            "10",
            "--workers",
            "2",
            "--scenario",
            "idle",
            "--ramp",
            "500ms",
            "--duration",
            "2s",
            "--report",
            "json",
        ]),
    )
    .await
    .expect("the run ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{}: {stderr}", output.status);
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON report");
    assert_eq!(report["stations"], 10, "{report}");
    assert_eq!(report["connected"], 10, "{report}");
    assert_eq!(report["booted"], 10, "{report}");
    assert_eq!(
        report["actions"]["BootNotification"]["count"], 10,
        "{report}"
    );
    assert!(
        report["actions"]["BootNotification"]
            .get("samples_us")
            .is_none()
    );
    // Both slices, every id once: SIM-1 … SIM-10 are all known to the server.
    let stations = server.get("/api/v1/stations").await;
    let ids: std::collections::BTreeSet<String> = stations
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|s| s["id"].as_str().map(str::to_owned))
        .collect();
    let expected: std::collections::BTreeSet<String> =
        (1..=10).map(|i| format!("SIM-{i}")).collect();
    assert_eq!(ids, expected);
    server.stop().await;
}

#[tokio::test]
async fn a_remote_url_is_refused() {
    let output = run_sim(&[
        "--url",
        "ws://192.0.2.1:8180/ocpp",
        "--stations",
        "1",
        "--scenario",
        "idle",
    ])
    .await;
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not a loopback address"), "{stderr}");
}

#[tokio::test]
async fn too_few_workers_for_the_fd_limit_are_refused() {
    let output = run_sim(&[
        "--url",
        "ws://127.0.0.1:1/ocpp",
        "--stations",
        "4294967295",
        "--workers",
        "1",
        "--scenario",
        "idle",
    ])
    .await;
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("stations per process"), "{stderr}");
}
