//! The simulator's `offline` and `quirks` scenarios against the real server, in one process.
//! `offline`: stations drop their connections mid-transaction, queue, reconnect and replay
//! (some messages twice), and every transaction must still be stored exactly once with the
//! energy the station metered. `quirks`: vendor deviations are accepted and counted.
//! `boot-storm`: every station connects and boots at once. The `*_v201` tests run `charge`,
//! `offline` and `quirks` with OCPP 2.0.1 stations and check them the same way.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::TestServer;
use switchyard_sim::{ApiCheck, Protocol, Report, Scenario, SimConfig};

/// At least `completed` transactions completed, and the API check found every one of them.
fn assert_checked(report: &Report, completed: usize) {
    let text = report.to_text();
    assert!(report.completed.len() >= completed, "{text}");
    assert_eq!(
        report.transactions_checked,
        report.completed.len() as u64,
        "{text}"
    );
}

fn assert_clean(report: &Report) {
    let text = report.to_text();
    assert_eq!(report.protocol_errors, 0, "{text}");
    assert!(!report.failed(), "{text}");
    assert_eq!(report.connected, u64::from(report.stations), "{text}");
    assert_eq!(report.booted, u64::from(report.stations), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_replays_are_stored_once_with_the_metered_energy() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    server.put_tag("SIM-TAG", "Accepted").await;
    let mut config = SimConfig::new(format!("ws://{}/ocpp", server.addr), 30);
    config.id_prefix = "OFF-".into();
    config.ramp = Duration::from_millis(300);
    config.duration = Duration::from_secs(4);
    config.meter_interval = Duration::from_millis(200);
    // Dropped 0.4 s after boot for 1.5 s: the running session stops and the next one
    // starts while offline, so replayed meter values and stops wait for a replayed start.
    config.scenario = Scenario::Offline {
        session: Duration::from_millis(800),
        pause: Duration::from_millis(100),
        drop_after: Duration::from_millis(400),
        offline_for: Duration::from_millis(1500),
    };
    config.api = Some(ApiCheck {
        url: format!("http://{}", server.addr),
        token: server.token.clone(),
    });
    let report = switchyard_sim::run(config).await;
    eprintln!("{}", report.to_text());
    assert_clean(&report);
    // 30 stations × 2 connectors, at least two sessions each (one before the drop, one
    // made offline).
    assert_checked(&report, 120);

    // And from the outside: nothing stored that the stations did not complete, no
    // transaction twice, every one stopped with its energy.
    assert_stored_exactly(&server, &report, 30).await;
    server.stop().await;
}

/// The value of `switchyard_quirks_total{kind="..."}` in the Prometheus text.
fn quirk_count(metrics: &str, kind: &str) -> f64 {
    let prefix = format!("switchyard_quirks_total{{kind=\"{kind}\"}} ");
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quirks_are_accepted_and_counted() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    server.put_tag("SIM-TAG", "Accepted").await;
    let mut config = SimConfig::new(format!("ws://{}/ocpp", server.addr), 20);
    config.id_prefix = "QRK-".into();
    config.ramp = Duration::from_millis(300);
    config.duration = Duration::from_millis(2500);
    config.meter_interval = Duration::from_millis(200);
    config.scenario = Scenario::Quirks {
        session: Duration::from_millis(700),
        pause: Duration::from_millis(100),
    };
    config.api = Some(ApiCheck {
        url: format!("http://{}", server.addr),
        token: server.token.clone(),
    });
    let report = switchyard_sim::run(config).await;
    assert_clean(&report);
    let text = report.to_text();
    // No CALLERROR for any deviation, and the transactions are intact.
    assert!(report.actions.values().all(|a| a.errors == 0), "{text}");
    assert_checked(&report, 40);

    let metrics = reqwest::get(server.url("/metrics"))
        .await
        .expect("metrics")
        .text()
        .await
        .expect("metrics text");
    for kind in [
        "unknown_property",
        "misspelled_unit",
        "timestamp_without_zone",
        "meter_values_without_transaction",
    ] {
        // At least once per station (each boots once and sends all four).
        assert!(quirk_count(&metrics, kind) >= 20.0, "{kind}: {metrics}");
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boot_storm_boots_every_station() {
    boot_storm(Protocol::Ocpp16).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boot_storm_v201_boots_every_station() {
    boot_storm(Protocol::Ocpp201).await;
}

async fn boot_storm(protocol: Protocol) {
    // The server reads every station's configuration after its boot, as in production: the
    // storm of its own calls that follows must be answered too.
    let server = TestServer::start_with(|o| {
        o.auto_register = Some(true);
        o.read_configuration_on_boot = Some(true);
    })
    .await;
    let mut config = SimConfig::new(format!("ws://{}/ocpp", server.addr), 50);
    config.protocol = protocol;
    config.id_prefix = "STORM-".into();
    // Ignored by the boot storm: all 50 connect at once.
    config.ramp = Duration::from_secs(10);
    config.duration = Duration::from_millis(1500);
    config.scenario = Scenario::BootStorm;
    let report = switchyard_sim::run(config).await;
    assert_clean(&report);
    let text = report.to_text();
    assert_eq!(report.scenario, "boot-storm");
    let boots = &report.actions["BootNotification"];
    assert_eq!(boots.count, 50, "{text}");
    assert_eq!(boots.errors, 0, "{text}");
    assert!(
        report.elapsed_s < 5.0,
        "the ramp was not waited for: {text}"
    );
    // The configuration each station reported after its boot is kept (2.0.1: NotifyReport).
    let stations = server.get("/api/v1/stations").await;
    let registered = stations
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["id"].as_str().is_some_and(|id| id.starts_with("STORM-")))
        .count();
    assert_eq!(registered, 50);
    let first = stations[0]["id"].as_str().unwrap().to_owned();
    let configuration = server
        .get(&format!("/api/v1/stations/{first}/configuration"))
        .await;
    assert!(
        configuration.as_array().is_some_and(|c| c.len() > 5),
        "{first}: {configuration}"
    );
    server.stop().await;
}

/// Every transaction the stations completed, and nothing else, is stored for each station,
/// once, stopped, with `energy_wh = stop − start`.
async fn assert_stored_exactly(server: &TestServer, report: &Report, stations: usize) {
    let text = report.to_text();
    let mut per_station: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for done in &report.completed {
        per_station
            .entry(&done.station_id)
            .or_default()
            .push(done.transaction_id.clone());
    }
    assert_eq!(per_station.len(), stations, "{text}");
    for (station, mut ids) in per_station {
        let stored = server
            .get(&format!("/api/v1/transactions?station_id={station}"))
            .await;
        let stored = stored.as_array().expect("a list");
        let mut stored_ids: Vec<String> = stored
            .iter()
            .map(|t| {
                t["ocpp_transaction_id"]
                    .as_str()
                    .expect("an OCPP id")
                    .to_owned()
            })
            .collect();
        ids.sort_unstable();
        stored_ids.sort_unstable();
        assert_eq!(stored_ids, ids, "{station}");
        for t in stored {
            assert!(!t["stopped_at"].is_null(), "{t}");
            let energy =
                t["meter_stop_wh"].as_f64().unwrap() - t["meter_start_wh"].as_f64().unwrap();
            assert_eq!(t["energy_wh"].as_f64(), Some(energy), "{t}");
            assert!(energy >= 0.0, "{t}");
        }
    }
}

fn v201_config(server: &TestServer, prefix: &str, stations: u32) -> SimConfig {
    let mut config = SimConfig::new(format!("ws://{}/ocpp", server.addr), stations);
    config.protocol = Protocol::Ocpp201;
    config.id_prefix = prefix.into();
    config.ramp = Duration::from_millis(300);
    config.meter_interval = Duration::from_millis(200);
    config.api = Some(ApiCheck {
        url: format!("http://{}", server.addr),
        token: server.token.clone(),
    });
    config
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn charge_v201_stores_every_transaction_with_its_energy() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    server.put_tag("SIM-TAG", "Accepted").await;
    let mut config = v201_config(&server, "C201-", 20);
    config.duration = Duration::from_millis(2500);
    config.scenario = Scenario::Charge {
        session: Duration::from_millis(700),
        pause: Duration::from_millis(100),
    };
    let report = switchyard_sim::run(config).await;
    eprintln!("{}", report.to_text());
    assert_clean(&report);
    let text = report.to_text();
    assert!(report.actions.values().all(|a| a.errors == 0), "{text}");
    assert!(report.actions.contains_key("TransactionEvent"), "{text}");
    assert!(!report.actions.contains_key("StartTransaction"), "{text}");
    assert_checked(&report, 40);
    assert_stored_exactly(&server, &report, 20).await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_v201_replays_are_stored_once_with_the_metered_energy() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    server.put_tag("SIM-TAG", "Accepted").await;
    let mut config = v201_config(&server, "OFF201-", 20);
    config.duration = Duration::from_secs(4);
    config.scenario = Scenario::Offline {
        session: Duration::from_millis(800),
        pause: Duration::from_millis(100),
        drop_after: Duration::from_millis(400),
        offline_for: Duration::from_millis(1500),
    };
    let report = switchyard_sim::run(config).await;
    eprintln!("{}", report.to_text());
    assert_clean(&report);
    assert_checked(&report, 80);
    assert_stored_exactly(&server, &report, 20).await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quirks_v201_are_accepted_and_counted() {
    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    server.put_tag("SIM-TAG", "Accepted").await;
    let mut config = v201_config(&server, "Q201-", 20);
    config.duration = Duration::from_millis(2500);
    config.scenario = Scenario::Quirks {
        session: Duration::from_millis(700),
        pause: Duration::from_millis(100),
    };
    let report = switchyard_sim::run(config).await;
    assert_clean(&report);
    let text = report.to_text();
    assert!(report.actions.values().all(|a| a.errors == 0), "{text}");
    assert_checked(&report, 40);
    let metrics = reqwest::get(server.url("/metrics"))
        .await
        .expect("metrics")
        .text()
        .await
        .expect("metrics text");
    for kind in [
        "unknown_property",
        "timestamp_without_zone",
        "unlisted_name",
    ] {
        assert!(quirk_count(&metrics, kind) >= 20.0, "{kind}: {metrics}");
    }
    server.stop().await;
}
