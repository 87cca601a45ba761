//! Prometheus metrics. Names are stable; station ids are never labels (100k series).

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const CONNECTED_STATIONS: &str = "switchyard_connected_stations";
pub const MESSAGES: &str = "switchyard_messages_total";
pub const CALL_ROUND_TRIP: &str = "switchyard_call_round_trip_seconds";
pub const CALL_ERRORS: &str = "switchyard_call_errors_total";
pub const QUIRKS: &str = "switchyard_quirks_total";
pub const COMMITS: &str = "switchyard_store_commit_seconds";
pub const CONNECTIONS_REFUSED: &str = "switchyard_connections_refused_total";

#[derive(Clone)]
pub struct MetricsHandle(PrometheusHandle);

impl MetricsHandle {
    /// The process-wide recorder (installed once; several servers in one test process share it).
    pub fn install() -> MetricsHandle {
        static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
        let handle = HANDLE.get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Suffix("_seconds".into()),
                    &[
                        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
                        5.0, 10.0, 30.0,
                    ],
                )
                .unwrap_or_else(|_| PrometheusBuilder::new());
            match builder.install_recorder() {
                Ok(handle) => handle,
                // Another recorder is already installed (embedding); render an empty one.
                Err(_) => PrometheusBuilder::new().build_recorder().handle(),
            }
        });
        MetricsHandle(handle.clone())
    }

    pub fn render(&self) -> String {
        self.0.render()
    }
}
