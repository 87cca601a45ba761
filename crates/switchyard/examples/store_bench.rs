//! Group-commit throughput of the SQLite store.
//!
//! Run with (release mode; a debug build measures the debug build):
//!
//! ```text
//! cargo run --release -p switchyard --example store_bench -- [TASKS] [SECONDS] [SYNCHRONOUS]
//! ```
//!
//! Defaults: 1000 tasks, 5 seconds, `full`. Each task plays one station connector: it starts a
//! transaction, then sends MeterValues naming it (5 sampled values each) back to back, each
//! waiting for its durable acknowledgement, as a session does. The store is a fresh file in a
//! temp directory (so the figures depend on that disk's fsync), opened with the default
//! options apart from `synchronous`.
//!
//! Prints writes/s, sampled values/s, commits/s, the mean batch (writes per commit) and the
//! p50/p99 latency of a write.

use std::error::Error;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use switchyard::domain::{
    MeterReadings, MeterValue, NewTransaction, SampleValue, SampledValue, StationId,
};
use switchyard::store::sqlite::{SqliteOptions, SqliteStore, Synchronous};
use switchyard::store::{DynStore, Write, Written};
use tokio::sync::Barrier;

type BoxError = Box<dyn Error + Send + Sync>;

const SAMPLES: [(&str, Option<&str>, &str); 5] = [
    ("Energy.Active.Import.Register", None, "Wh"),
    ("Current.Import", Some("L1"), "A"),
    ("Current.Import", Some("L2"), "A"),
    ("Current.Import", Some("L3"), "A"),
    ("Power.Active.Import", None, "W"),
];

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let mut args = std::env::args().skip(1);
    let tasks: usize = args.next().map_or(Ok(1000), |a| a.parse())?;
    let seconds: f64 = args.next().map_or(Ok(5.0), |a| a.parse())?;
    let synchronous: Synchronous = args.next().map_or(Ok(Synchronous::Full), |a| a.parse())?;
    let duration = Duration::from_secs_f64(seconds);

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.db");
    let options = SqliteOptions {
        synchronous,
        ..SqliteOptions::default()
    };
    let sqlite = Arc::new(SqliteStore::open(&path, options)?);
    let store: DynStore = sqlite.clone();
    println!(
        "store_bench: {tasks} tasks, {seconds} s, synchronous={synchronous}, file {}",
        path.display()
    );

    let barrier = Arc::new(Barrier::new(tasks + 1));
    let mut handles = Vec::with_capacity(tasks);
    for task in 0..tasks {
        let store = store.clone();
        let barrier = Arc::clone(&barrier);
        handles.push(tokio::spawn(async move {
            let result = run_task(store, task, &barrier, duration).await;
            if result.is_err() {
                // Do not leave the others waiting at the barrier.
                barrier.wait().await;
            }
            result
        }));
    }
    barrier.wait().await;
    let commits_before = sqlite.commits();
    let started = Instant::now();
    let mut latencies: Vec<u32> = Vec::new();
    for handle in handles {
        latencies.extend(handle.await??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let commits = sqlite.commits() - commits_before;
    store.close().await;

    latencies.sort_unstable();
    let writes = latencies.len();
    let percentile = |p: f64| -> f64 {
        let index = ((writes as f64 * p).ceil() as usize).clamp(1, writes.max(1)) - 1;
        latencies.get(index).copied().unwrap_or(0) as f64 / 1000.0
    };
    println!("writes:          {writes} in {elapsed:.2} s");
    println!("writes/s:        {:.0}", writes as f64 / elapsed);
    println!(
        "sampled values/s {:.0}",
        (writes * SAMPLES.len()) as f64 / elapsed
    );
    println!("commits/s:       {:.0}", commits as f64 / elapsed);
    println!(
        "mean batch:      {:.1} writes/commit",
        writes as f64 / commits.max(1) as f64
    );
    println!("latency p50:     {:.2} ms", percentile(0.50));
    println!("latency p99:     {:.2} ms", percentile(0.99));
    Ok(())
}

/// One connector: start a transaction (not measured), wait for everyone, then MeterValues
/// until `duration` is over. Returns each write's latency in microseconds.
async fn run_task(
    store: DynStore,
    task: usize,
    barrier: &Barrier,
    duration: Duration,
) -> Result<Vec<u32>, BoxError> {
    let station_id = StationId::new(format!("BENCH-{:04}", task / 2))?;
    let connector_id = u32::try_from(task % 2 + 1)?;
    let base = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .ok_or("bad base time")?;
    let started = store
        .write(Write::Start(NewTransaction {
            station_id: station_id.clone(),
            evse_id: connector_id,
            connector_id,
            id_tag: format!("TAG-{task}"),
            started_at: base,
            meter_start_wh: 0.0,
            reservation_id: None,
            remote_start_id: None,
            received_at: base,
        }))
        .await?;
    let Written::Start(started) = started else {
        return Err("unexpected answer to a start".into());
    };
    let ocpp_transaction_id = started.transaction_id.to_string();

    barrier.wait().await;
    let end = Instant::now() + duration;
    let mut latencies = Vec::new();
    let mut n: i64 = 0;
    while Instant::now() < end {
        n += 1;
        // A new timestamp each time, so no sample is a duplicate.
        let timestamp = base + chrono::Duration::seconds(n);
        let sampled_value = SAMPLES
            .iter()
            .map(|(measurand, phase, unit)| SampledValue {
                value: SampleValue::Number(n as f64 * 10.0),
                measurand: (*measurand).into(),
                unit: Some((*unit).into()),
                phase: phase.map(Into::into),
                location: None,
                context: Some("Sample.Periodic".into()),
            })
            .collect();
        let write = Write::Meter(MeterReadings {
            station_id: station_id.clone(),
            evse_id: connector_id,
            connector_id,
            ocpp_transaction_id: Some(ocpp_transaction_id.clone()),
            meter_values: vec![MeterValue {
                timestamp,
                sampled_value,
            }],
            received_at: Utc::now(),
        });
        let sent = Instant::now();
        let written = store.write(write).await?;
        latencies.push(u32::try_from(sent.elapsed().as_micros()).unwrap_or(u32::MAX));
        if !matches!(written, Written::Meter(ref outcome) if outcome.inserted == SAMPLES.len()) {
            return Err(format!("unexpected answer {written:?}").into());
        }
    }
    Ok(latencies)
}
