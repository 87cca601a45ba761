//! Simulated OCPP stations and a load generator, built on the same protocol crate as the
//! server (`switchyard sim`).
//!
//! - [`station`]: one charge point, sans-IO: its connectors, configuration store (the 1.6 Core
//!   keys, and the 2.0.1 device model over them), transactions and energy meter, and the
//!   answers a real charger gives to the central system's calls, in OCPP 1.6 or 2.0.1
//!   ([`Protocol`]). Tested without sockets, in virtual time.
//! - [`driver`]: one tokio task per station: WebSocket connect (subprotocol `ocpp1.6` or
//!   `ocpp2.0.1`, optional Basic auth), boot, heartbeat, the scenario, and statistics.
//! - [`Scenario`]: what stations do once booted: `idle` (boot and heartbeat), `charge`
//!   (Authorize → StartTransaction → MeterValues every sample interval → StopTransaction, again
//!   and again on every connector), and `offline` (`charge` with a dropped connection: the
//!   transaction messages are queued, replayed in order, some twice; see `station/offline.rs`).
//!   `quirks` is `charge` with vendor deviations in the payloads (see `station/quirks.rs`).
//!   `boot-storm` is `idle` with no ramp.
//! - [`Script`]: scenario files (`--scenario-file`), a list of steps per connector that the
//!   station runs at its decision points (`station/program.rs`). `charge` and `quirks` are
//!   the embedded `scenarios/charge.toml`.
//! - `--api`: afterwards every completed transaction is checked through the server's HTTP API
//!   (stored once, right energy).
//! - [`Report`]: messages by action, throughput, round-trip percentiles, errors by kind, and
//!   the transactions the server confirmed (for checks against its API).
//!
//! ```no_run
//! # async fn demo() {
//! let mut config = switchyard_sim::SimConfig::new("ws://127.0.0.1:8180/ocpp", 10);
//! config.scenario = switchyard_sim::Scenario::charge();
//! let report = switchyard_sim::run(config).await;
//! println!("{}", report.to_text());
//! # }
//! ```

mod check;
pub mod driver;
mod protocol;
mod report;
mod scenario;
mod script;
pub mod station;
mod stats;

pub use driver::{ApiCheck, SimConfig, loopback_target, run, source_address};
pub use protocol::Protocol;
pub use report::{ActionReport, Report};
pub use scenario::{Scenario, UnknownScenario, parse_duration};
pub use script::{Program, Script, ScriptError, Step};
pub use station::CompletedTransaction;
