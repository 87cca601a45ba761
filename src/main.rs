//! `switchyard`: the OCPP central system's command line.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use switchyard::config::{Config, LogFormat, ServeOptions};

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
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve { config, options } => {
            let file = match config {
                Some(path) => ServeOptions::from_file(&path)?,
                None => ServeOptions::default(),
            };
            let config = options.over(file).resolve()?;
            init_logging(config.log_format);
            tokio::runtime::Runtime::new()
                .context("cannot start the runtime")?
                .block_on(serve(config))
        }
    }
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
