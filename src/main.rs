//! `switchyard`: the OCPP central system's command line.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};
use switchyard::config::{Config, LogFormat, ServeOptions};
use switchyard_sim::{ApiCheck, Scenario, SimConfig, parse_duration};

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
    /// `idle`, `boot-storm`, `charge`, `offline` or `quirks`.
    #[arg(long)]
    scenario: Scenario,
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    report: ReportFormat,
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

fn sim(args: SimArgs) -> anyhow::Result<ExitCode> {
    let scenario = match args.scenario {
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
        stations: args.stations,
        id_prefix: args.id_prefix,
        connectors: args.connectors,
        password: args.password,
        ramp: args.ramp,
        duration: args.duration,
        meter_interval: args.meter_interval,
        id_tag: args.id_tag,
        scenario,
        progress: true,
        api,
    };
    let report = tokio::runtime::Runtime::new()
        .context("cannot start the runtime")?
        .block_on(switchyard_sim::run(config));
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
