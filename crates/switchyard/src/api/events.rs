//! `GET /api/v1/events`: live events as Server-Sent Events.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::State;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use futures_util::Stream;
use serde::Deserialize;
use tokio::sync::broadcast::{self, error::RecvError};
use utoipa::IntoParams;

use super::error::{ApiError, ErrorBody};
use super::json::AppQuery;
use crate::app::App;
use crate::domain::StationId;
use crate::events::Event;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// Only this station's events (empty: all stations).
    pub station_id: Option<String>,
}

#[utoipa::path(
    get, path = "/events", tag = "events",
    params(EventQuery),
    responses(
        (status = 200, content_type = "text/event-stream", body = String, description = "\
An endless stream. Each event's `event:` field names it: `station.connected`, \
`station.disconnected`, `station.booted`, `connector.status`, `transaction.started`, \
`transaction.updated`, `transaction.stopped`. `data:` is a JSON object with `station_id`; \
`connector.status` adds `evse_id`, `connector_id`, `status`, `error_code`; `transaction.*` add \
`transaction_id` (the system's), `evse_id`, `connector_id` and `remote_start_id` where there is \
one. Comment lines keep the connection alive. A client too slow to keep up loses the oldest \
events, not the stream."),
        (status = 400, description = "Invalid `station_id`", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn events(
    State(app): State<App>,
    AppQuery(query): AppQuery<EventQuery>,
) -> Result<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>, ApiError> {
    let station = match query.station_id.as_deref() {
        None | Some("") => None,
        Some(id) => Some(
            StationId::new(id)
                .map_err(|e| ApiError::bad_request(format!("invalid station_id: {e}")))?,
        ),
    };
    // Subscribed now, so nothing published after the request arrived is missed.
    let receiver = app.events.subscribe();
    Ok(Sse::new(stream(receiver, station)).keep_alive(KeepAlive::default()))
}

/// The events for `station` (or all), skipping ahead when the receiver lags.
fn stream(
    receiver: broadcast::Receiver<Arc<Event>>,
    station: Option<StationId>,
) -> impl Stream<Item = Result<SseEvent, Infallible>> {
    futures_util::stream::unfold((receiver, station), |(mut receiver, station)| async move {
        loop {
            match receiver.recv().await {
                Ok(event) => {
                    if station.as_ref().is_some_and(|s| *s != event.station_id) {
                        continue;
                    }
                    return Some((Ok(sse_event(&event)), (receiver, station)));
                }
                Err(RecvError::Lagged(missed)) => {
                    tracing::warn!(missed, "an SSE client lags behind; skipping ahead");
                }
                Err(RecvError::Closed) => return None,
            }
        }
    })
}

fn sse_event(event: &Event) -> SseEvent {
    // A map of JSON values always serializes, and never contains a raw newline.
    let data = serde_json::to_string(&event.data).unwrap_or_else(|_| "{}".to_owned());
    SseEvent::default().event(event.kind.as_str()).data(data)
}

#[cfg(test)]
mod tests {
    use futures_util::StreamExt;

    use super::*;
    use crate::events::{EventBus, EventKind};

    #[tokio::test]
    async fn filters_by_station_and_survives_lag() {
        let bus = EventBus::new(2);
        let cp1 = StationId::new("CP-1").unwrap();
        let cp2 = StationId::new("CP-2").unwrap();
        let events = stream(bus.subscribe(), Some(cp1.clone()));
        let mut events = std::pin::pin!(events);
        // Overflow the channel: the oldest are lost, the stream goes on.
        for n in 0..5 {
            bus.publish(Event::new(EventKind::StationConnected, &cp1).with("n", n));
        }
        bus.publish(Event::new(EventKind::StationBooted, &cp2));
        let next = events.next().await.unwrap().unwrap();
        let text = format!("{next:?}");
        assert!(text.contains("station.connected"), "{text}");
        bus.publish(Event::new(EventKind::StationDisconnected, &cp1));
        let next = events.next().await.unwrap().unwrap();
        assert!(format!("{next:?}").contains("station.disconnected"));
    }
}
