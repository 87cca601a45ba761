//! Live events: what happened, for SSE clients (and later NATS).

use std::sync::Arc;

use serde_json::{Map, Value};
use tokio::sync::broadcast;

use crate::domain::StationId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    StationConnected,
    StationDisconnected,
    StationBooted,
    ConnectorStatus,
    TransactionStarted,
    TransactionUpdated,
    TransactionStopped,
}

impl EventKind {
    /// The SSE `event:` name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::StationConnected => "station.connected",
            EventKind::StationDisconnected => "station.disconnected",
            EventKind::StationBooted => "station.booted",
            EventKind::ConnectorStatus => "connector.status",
            EventKind::TransactionStarted => "transaction.started",
            EventKind::TransactionUpdated => "transaction.updated",
            EventKind::TransactionStopped => "transaction.stopped",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Event {
    pub kind: EventKind,
    pub station_id: StationId,
    /// The SSE `data:` object; always carries `station_id`.
    pub data: Map<String, Value>,
}

impl Event {
    pub fn new(kind: EventKind, station_id: &StationId) -> Event {
        let mut data = Map::new();
        data.insert("station_id".into(), Value::String(station_id.to_string()));
        Event {
            kind,
            station_id: station_id.clone(),
            data,
        }
    }

    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Event {
        self.data.insert(key.to_owned(), value.into());
        self
    }
}

/// Fan-out to every subscriber. Slow subscribers lose the oldest events, never block stations.
#[derive(Clone, Debug)]
pub struct EventBus {
    tx: broadcast::Sender<Arc<Event>>,
}

impl EventBus {
    pub fn new(capacity: usize) -> EventBus {
        EventBus {
            tx: broadcast::channel(capacity).0,
        }
    }

    pub fn publish(&self, event: Event) {
        // No subscribers is fine.
        let _ = self.tx.send(Arc::new(event));
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Event>> {
        self.tx.subscribe()
    }
}

impl Default for EventBus {
    fn default() -> Self {
        EventBus::new(4096)
    }
}
