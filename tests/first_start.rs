//! First start: the binary generates an API token, stores it in the data dir, prints it once,
//! and reuses it on the next start.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

/// Start `switchyard serve` on a free port; returns its stdout lines up to the "running" line.
async fn start(data_dir: &std::path::Path) -> (tokio::process::Child, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_switchyard"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .env("RUST_LOG", "warn")
        .env_remove("SWITCHYARD_API_TOKEN")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = Vec::new();
    loop {
        let line = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
            .await
            .expect("output in time")
            .unwrap()
            .expect("stdout open");
        let done = line.contains("Switchyard is running");
        seen.push(line);
        if done {
            return (child, seen);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_is_generated_stored_and_printed_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, lines) = start(dir.path()).await;
    let printed = lines
        .iter()
        .find_map(|l| l.split(": ").nth(1).filter(|_| l.starts_with("API token")))
        .map(str::to_owned);
    let stored = std::fs::read_to_string(dir.path().join("api-token")).expect("token file");
    assert_eq!(printed.as_deref(), Some(stored.trim()), "{lines:?}");
    assert_eq!(stored.trim().len(), 64);
    let addr = lines
        .last()
        .unwrap()
        .split("API http://")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let client = reqwest::Client::new();
    let ok = client
        .get(format!("http://{addr}/api/v1/stations"))
        .bearer_auth(stored.trim())
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    first.kill().await.unwrap();

    let (mut second, lines) = start(dir.path()).await;
    assert!(
        !lines.iter().any(|l| l.starts_with("API token")),
        "printed only once: {lines:?}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("api-token")).unwrap(),
        stored,
        "the same token"
    );
    second.kill().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn config_file_environment_and_flags_layer() {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message;

    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("switchyard.toml");
    std::fs::write(
        &config,
        "heartbeat-interval = 77\nauto-register = true\napi-token = \"from-file\"\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_switchyard"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--log-format",
            "json",
            "--config",
        ])
        .arg(&config)
        .arg("--data-dir")
        .arg(dir.path())
        .env("SWITCHYARD_HEARTBEAT_INTERVAL", "88")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = tokio::time::timeout(Duration::from_secs(20), out.next_line())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        if let Some(rest) = line.split("API http://").nth(1) {
            break rest.split('/').next().unwrap().to_owned();
        }
    };
    // The file's token and auto-register apply; the environment's interval beats the file's.
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/ocpp/CFG-1"))
        .await
        .unwrap();
    let boot = r#"[2,"1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]"#;
    ws.send(Message::Text(boot.into())).await.unwrap();
    let reply = loop {
        if let Some(Ok(Message::Text(text))) = ws.next().await {
            break serde_json::from_str::<serde_json::Value>(text.as_str()).unwrap();
        }
    };
    assert_eq!(reply[2]["interval"], 88);
    let client = reqwest::Client::new();
    let ok = client
        .get(format!("http://{addr}/api/v1/stations/CFG-1"))
        .bearer_auth("from-file")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    child.kill().await.unwrap();
    // Logs were JSON, one object per line.
    let mut err = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = err.next_line().await.unwrap().expect("a log line");
    let parsed: serde_json::Value = serde_json::from_str(&first).expect("JSON log line");
    assert!(parsed.get("level").is_some(), "{first}");
}
