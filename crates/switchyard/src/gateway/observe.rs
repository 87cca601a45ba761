//! Session observations → metrics and log lines.

use crate::domain::StationId;
use crate::metrics::{CALL_ERRORS, CALL_ROUND_TRIP, MESSAGES, QUIRKS};
use crate::session::Observation;

pub fn record(station: &StationId, observation: Observation) {
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
            if first {
                tracing::info!(%station, %quirk, "tolerated a deviation from the schema (logged once per connection)");
            }
        }
        Observation::Booted { status } => {
            tracing::info!(%station, status = status.as_str(), "BootNotification answered");
        }
    }
}
