//! The shared state every part of a running server reaches: store, registry, events, config.

use std::sync::Arc;

use crate::config::Config;
use crate::events::EventBus;
use crate::registry::Registry;
use crate::store::DynStore;

/// Cheap to clone; one per server.
#[derive(Clone)]
pub struct App {
    pub config: Arc<Config>,
    pub store: DynStore,
    pub registry: Arc<Registry>,
    pub events: EventBus,
    /// The bearer token for /api/v1 (resolved: given, loaded or generated).
    pub api_token: Arc<str>,
    /// Renders the Prometheus text for /metrics.
    pub metrics: crate::metrics::MetricsHandle,
    /// Cancelled when the server stops: connections close with 1001.
    pub shutdown: tokio_util::sync::CancellationToken,
    /// Station connection tasks, awaited on shutdown so in-flight commits finish.
    pub tasks: tokio_util::task::TaskTracker,
    /// Follow-ups the system runs of its own accord (after boot, local list syncs).
    pub automation: Arc<crate::automation::Automation>,
    /// Quirks already logged, per station and kind.
    pub logged_quirks: Arc<crate::gateway::LoggedQuirks>,
}
