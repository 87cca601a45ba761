//! Session observations → metrics and log lines.

use std::collections::HashSet;
use std::sync::Mutex;

use crate::domain::StationId;
use crate::metrics::{CALL_ERRORS, CALL_ROUND_TRIP, MESSAGES, QUIRKS};
use crate::session::Observation;

/// Which (station, quirk kind) pairs have been logged, so each is logged once per station
/// for the life of the server, however often the station reconnects.
#[derive(Debug, Default)]
pub struct LoggedQuirks(Mutex<HashSet<(StationId, &'static str)>>);

impl LoggedQuirks {
    fn first(&self, station: &StationId, kind: &'static str) -> bool {
        let mut logged = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        logged.insert((station.clone(), kind))
    }
}

pub fn record(station: &StationId, observation: Observation, logged: &LoggedQuirks) {
    match observation {
        Observation::CallReceived { action } => {
            metrics::counter!(MESSAGES, "action" => action, "direction" => "in").increment(1);
        }
        Observation::CallSent { action } => {
            metrics::counter!(MESSAGES, "action" => action, "direction" => "out").increment(1);
        }
        Observation::RoundTrip { action, duration } => {
            metrics::histogram!(CALL_ROUND_TRIP, "action" => action).record(duration.as_secs_f64());
        }
        Observation::CallErrorSent { code } => {
            metrics::counter!(CALL_ERRORS, "code" => code, "direction" => "out").increment(1);
        }
        Observation::CallErrorReceived { code } => {
            // The code is the station's text: keep the label set bounded.
            let code = ocpp::rpc::ErrorCode::parse(&code)
                .map_or("Unknown", |c| c.as_str(ocpp::Version::V201));
            metrics::counter!(CALL_ERRORS, "code" => code, "direction" => "in").increment(1);
        }
        Observation::Violation { description } => {
            tracing::warn!(%station, %description, "protocol violation");
        }
        Observation::LateReply => {
            tracing::info!(%station, "dropped a late answer to a call that had timed out");
        }
        Observation::Quirk { quirk, first } => {
            metrics::counter!(QUIRKS, "kind" => quirk.kind()).increment(1);
            // The session says whether it is new on this connection; only then look further.
            if first && logged.first(station, quirk.kind()) {
                tracing::info!(%station, %quirk, "tolerated a deviation from the schema (logged once per station)");
            }
        }
        Observation::Booted { status } => {
            tracing::info!(%station, status = status.as_str(), "BootNotification answered");
        }
    }
}
