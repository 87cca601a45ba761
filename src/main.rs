//! `switchyard`: the OCPP central system's command line.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};
use switchyard::config::{Config, LogFormat, ServeOptions};
use switchyard_sim::{ApiCheck, Protocol, Scenario, SimConfig, parse_duration};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "switchyard", version, about = "An OCPP central system")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the central system: OCPP WebSockets and the HTTP API on one listener.
    Serve {
        /// A TOML file with settings (flags and SWITCHYARD_* variables override it).
        #[arg(long, env = "SWITCHYARD_CONFIG")]
        config: Option<PathBuf>,
        #[command(flatten)]
        options: ServeOptions,
    },
    /// Simulate OCPP 1.6 stations against a central system and report what they saw.
    ///
    /// Loopback only: --url must name a loopback address (127.0.0.0/8, ::1, localhost).
    /// Toward 127.x servers, stations connect from source addresses spread over
    /// 127.0.1.1–127.0.1.250, so no source address runs out of ephemeral ports.
    Sim(SimArgs),
}

#[derive(clap::Args)]
struct SimArgs {
    /// The server's OCPP URL; each station appends `/{station_id}`.
    #[arg(long)]
    url: String,
    #[arg(long, default_value_t = 1)]
    stations: u32,
    #[arg(long, default_value = "SIM-")]
    id_prefix: String,
    /// The OCPP version the stations speak: `ocpp1.6` (`ocpp2.0.1` and `ocpp2.1` are named
    /// but not played yet).
    #[arg(long, default_value = "ocpp1.6")]
    protocol: Protocol,
    #[arg(long, default_value_t = 2)]
    connectors: u32,
    /// HTTP Basic auth password, the same for every station (security profile 1).
    #[arg(long, env = "SWITCHYARD_SIM_PASSWORD")]
    password: Option<String>,
    /// Spread the connections over this long (`10s`, `500ms`, `2m`).
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    ramp: Duration,
    /// The whole run, ramp included.
    #[arg(long, default_value = "60s", value_parser = parse_duration)]
    duration: Duration,
    /// MeterValues interval while charging.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    meter_interval: Duration,
    /// `offline` scenario: drop the connection this long after the first boot (mid-session).
    #[arg(long, default_value = "20s", value_parser = parse_duration)]
    drop_after: Duration,
    /// `offline` scenario: stay offline this long (queueing), then reconnect and replay.
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    offline_for: Duration,
    /// After the run, check every completed transaction through this server's HTTP API
    /// (`http://127.0.0.1:8180`): stored once, with energy = meterStop − meterStart.
    #[arg(long, requires = "api_token")]
    api: Option<String>,
    /// The API's bearer token (for `--api`).
    #[arg(long, env = "SWITCHYARD_SIM_API_TOKEN")]
    api_token: Option<String>,
    /// Length of each charging session (`charge`, `offline` and `quirks` scenarios).
    #[arg(long, default_value = "60s", value_parser = parse_duration)]
    session: Duration,
    /// The id tag stations present for their own sessions.
    #[arg(long, default_value = "SIM-TAG")]
    id_tag: String,
    /// `idle`, `boot-storm`, `charge`, `offline` or `quirks` (or `--scenario-file`).
    #[arg(long, required_unless_present = "scenario_file")]
    scenario: Option<Scenario>,
    /// A scenario file: what each connector does, step by step (TOML; see the README).
    /// `--session`, `--drop-after` and `--offline-for` do not apply: the file says.
    #[arg(long, value_name = "PATH", conflicts_with = "scenario")]
    scenario_file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    report: ReportFormat,
    /// Spread the stations over this many worker processes (each plays a contiguous slice
    /// of station ids; the reports are merged). Default: as few as the open-file limit
    /// allows (one process holds at most its limit minus 100 connections).
    #[arg(long)]
    workers: Option<u32>,
    /// Internal: this process is worker I of --workers (set by the parent).
    #[arg(long, hide = true, requires = "workers")]
    worker_index: Option<u32>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Sim(args) => sim(args),
        Command::Serve { config, options } => {
            let file = match config {
                Some(path) => ServeOptions::from_file(&path)?,
                None => ServeOptions::default(),
            };
            let config = options.over(file).resolve()?;
            init_logging(config.log_format);
            tokio::runtime::Runtime::new()
                .context("cannot start the runtime")?
                .block_on(serve(config))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Connections a process may hold besides its stations (stdio, runtime, resolver, API check).
const FD_RESERVE: u64 = 100;

fn sim(args: SimArgs) -> anyhow::Result<ExitCode> {
    if !args.protocol.is_played() {
        anyhow::bail!(
            "the simulator plays ocpp1.6 and ocpp2.0.1 stations; {} stations are not played yet",
            args.protocol
        );
    }
    // Read and checked before any station connects (and before workers start).
    let scenario = match (&args.scenario_file, &args.scenario) {
        (Some(path), _) => Scenario::Script(std::sync::Arc::new(
            switchyard_sim::Script::load(path).map_err(|e| anyhow::anyhow!(e))?,
        )),
        (None, Some(scenario)) => scenario.clone(),
        (None, None) => anyhow::bail!("--scenario or --scenario-file is required"),
    };
    let fd_limit = raise_fd_limit();
    let per_process = fd_limit.saturating_sub(FD_RESERVE).max(1);
    let needed = u64::from(args.stations).div_ceil(per_process).max(1);
    if let Some(index) = args.worker_index {
        let workers = args.workers.unwrap_or(1).max(1);
        let (first, count) = slice(args.stations, workers, index);
        return sim_process(args, scenario, first, count, true);
    }
    let workers = match args.workers {
        Some(0) => anyhow::bail!("--workers must be at least 1"),
        Some(n) if u64::from(n) < needed => anyhow::bail!(
            "fd limit {fd_limit} allows {per_process} stations per process; \
             {} stations need at least {needed} workers, not {n}",
            args.stations
        ),
        Some(n) => n,
        None => {
            let n = u32::try_from(needed).context("too many workers")?;
            if n > 1 {
                eprintln!(
                    "fd limit {fd_limit} allows {per_process} stations per process; \
                     using {n} workers"
                );
            }
            n
        }
    };
    if workers == 1 {
        let stations = args.stations;
        return sim_process(args, scenario, 0, stations, false);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the runtime")?;
    if let Err(refused) = runtime.block_on(switchyard_sim::loopback_target(&args.url)) {
        anyhow::bail!(refused);
    }
    run_workers(&args, workers)
}

/// Raise the soft open-file limit to the hard one; the soft limit afterwards.
fn raise_fd_limit() -> u64 {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    if limit.current != limit.maximum {
        let raised = Rlimit {
            current: limit.maximum,
            maximum: limit.maximum,
        };
        if let Err(e) = setrlimit(Resource::Nofile, raised) {
            eprintln!("cannot raise the open-file limit to the hard limit: {e}");
        }
    }
    getrlimit(Resource::Nofile).current.unwrap_or(u64::MAX)
}

/// Worker `index` of `workers`: its first station and how many it plays (contiguous slices,
/// the first `stations % workers` one station larger).
fn slice(stations: u32, workers: u32, index: u32) -> (u32, u32) {
    let (base, extra) = (stations / workers, stations % workers);
    let first = index * base + index.min(extra);
    (first, base + u32::from(index < extra))
}

/// The parent: re-run this binary as `workers` children, each with `--worker-index I` and
/// a JSON report on stdout, and merge what they report.
fn run_workers(args: &SimArgs, workers: u32) -> anyhow::Result<ExitCode> {
    let exe = std::env::current_exe().context("cannot find this binary")?;
    let forwarded = forwarded_args(std::env::args_os().skip(1));
    let mut children = Vec::new();
    for index in 0..workers {
        let child = std::process::Command::new(&exe)
            .args(&forwarded)
            .arg("--workers")
            .arg(workers.to_string())
            .arg("--worker-index")
            .arg(index.to_string())
            .arg("--report")
            .arg("json")
            .stdout(std::process::Stdio::piped())
            .stdin(std::process::Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start worker {index}"))?;
        children.push(std::thread::spawn(move || child.wait_with_output()));
    }
    let mut reports = Vec::new();
    let mut failed = false;
    for (index, child) in children.into_iter().enumerate() {
        let output = child
            .join()
            .map_err(|_| anyhow::anyhow!("worker {index}: waiting thread panicked"))?
            .with_context(|| format!("worker {index}"))?;
        match serde_json::from_slice::<switchyard_sim::Report>(&output.stdout) {
            Ok(report) => reports.push(report),
            Err(e) => {
                failed = true;
                eprintln!("worker {index} gave no report ({}): {e}", output.status);
            }
        }
        if !output.status.success() {
            failed = true;
            eprintln!("worker {index} failed ({})", output.status);
        }
    }
    let report = switchyard_sim::Report::merge(reports);
    match args.report {
        ReportFormat::Text => print!("{}", report.to_text()),
        ReportFormat::Json => println!("{}", report.to_json()),
    }
    Ok(if failed || report.failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The parent's arguments for a worker, without the ones the parent sets itself.
fn forwarded_args(args: impl Iterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    const OWN: [&str; 3] = ["--workers", "--worker-index", "--report"];
    let mut out = Vec::new();
    let mut skip_value = false;
    for arg in args {
        if std::mem::take(&mut skip_value) {
            continue;
        }
        let text = arg.to_string_lossy();
        if OWN.contains(&text.as_ref()) {
            skip_value = true;
        } else if !OWN.iter().any(|own| text.starts_with(&format!("{own}="))) {
            out.push(arg);
        }
    }
    out
}

/// Play stations `first..first + count` in this process.
fn sim_process(
    args: SimArgs,
    scenario: Scenario,
    first: u32,
    count: u32,
    worker: bool,
) -> anyhow::Result<ExitCode> {
    let scenario = match scenario {
        Scenario::Charge { pause, .. } => Scenario::Charge {
            session: args.session,
            pause,
        },
        Scenario::Quirks { pause, .. } => Scenario::Quirks {
            session: args.session,
            pause,
        },
        Scenario::Offline { pause, .. } => Scenario::Offline {
            session: args.session,
            pause,
            drop_after: args.drop_after,
            offline_for: args.offline_for,
        },
        other => other,
    };
    let api = match (args.api, args.api_token) {
        (Some(url), Some(token)) => Some(ApiCheck { url, token }),
        _ => None,
    };
    let config = SimConfig {
        url: args.url,
        stations: count,
        first,
        id_prefix: args.id_prefix,
        protocol: args.protocol,
        connectors: args.connectors,
        password: args.password,
        ramp: args.ramp,
        duration: args.duration,
        meter_interval: args.meter_interval,
        id_tag: args.id_tag,
        scenario,
        progress: !worker,
        api,
        keep_samples: worker,
    };
    let runtime = tokio::runtime::Runtime::new().context("cannot start the runtime")?;
    if let Err(refused) = runtime.block_on(switchyard_sim::loopback_target(&config.url)) {
        anyhow::bail!(refused);
    }
    let report = runtime.block_on(switchyard_sim::run(config));
    match args.report {
        ReportFormat::Text => print!("{}", report.to_text()),
        ReportFormat::Json => println!("{}", report.to_json()),
    }
    Ok(if report.failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let data_dir = config.data_dir.clone();
    let running = switchyard::server::start(config)
        .await
        .context("cannot start the server")?;
    let url = format!("http://{}", running.addr);
    tracing::info!(addr = %running.addr, "switchyard is listening");
    if running.token_generated {
        // Printed once: the token is in the data dir from now on.
        println!(
            "API token (saved in {}): {}",
            data_dir.join("api-token").display(),
            running.api_token
        );
    }
    println!(
        "Switchyard is running: API {url}/api/v1  stations ws://{}/ocpp/{{station_id}}",
        running.addr
    );
    if let Some(tls) = running.tls_addr {
        tracing::info!(addr = %tls, "switchyard is listening for TLS");
        println!(
            "TLS (security profiles 2 and 3): API https://{tls}/api/v1  stations wss://{tls}/ocpp/{{station_id}}"
        );
    }
    shutdown_signal().await;
    tracing::info!("shutting down: closing stations, finishing commits");
    running.stop().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Logs on stderr; stdout carries only what the operator must read (token, URL).
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_cover_the_fleet_contiguously() {
        for (stations, workers) in [(10, 2), (10, 3), (2, 3), (50_000, 3)] {
            let mut next = 0;
            for index in 0..workers {
                let (first, count) = slice(stations, workers, index);
                assert_eq!(first, next);
                next += count;
            }
            assert_eq!(next, stations);
        }
        assert_eq!(slice(10, 3, 0), (0, 4));
        assert_eq!(slice(10, 3, 2), (7, 3));
    }

    #[test]
    fn workers_get_the_parents_args_without_its_own() {
        let args = [
            "sim",
            "--url",
            "ws://127.0.0.1:1/ocpp",
            "--workers",
            "3",
            "--report=text",
            "--stations",
            "9",
            "--report",
            "json",
            "--workers=2",
        ];
        let forwarded = forwarded_args(args.iter().map(Into::into));
        let expected = ["sim", "--url", "ws://127.0.0.1:1/ocpp", "--stations", "9"];
        assert_eq!(forwarded, expected.map(std::ffi::OsString::from));
    }
}
