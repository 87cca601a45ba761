//! The `quirks` scenario: what real chargers send that the schemas forbid but whose meaning
//! is clear. Applied to the JSON of our own typed messages just before they go out, so the
//! rest of the station stays schema-correct.

use ocpp::v16::{self, Measurand, MeterValue, SampledValue, UnitOfMeasure};
use serde_json::json;
use serde_json::value::RawValue;

use super::{Now, Purpose, Station, WMS_PER_WH};

/// `request` as JSON with the deviations for its action (1.6 or 2.0.1).
pub(super) fn mangle<R: serde::Serialize>(
    action: &str,
    request: &R,
    v201: bool,
) -> Option<Box<RawValue>> {
    let mut value = serde_json::to_value(request).ok()?;
    match action {
        "StatusNotification" => {
            // A property the schema does not have, and local time without a zone.
            value["vendorFirmwareBuild"] = json!("2024.11-q");
            if let Some(stamp) = value["timestamp"].as_str() {
                value["timestamp"] = json!(without_zone(stamp));
            }
        }
        "MeterValues" if !v201 => {
            value["vendorFirmwareBuild"] = json!("2024.11-q");
            if let Some(samples) = value["meterValue"][0]["sampledValue"].as_array_mut() {
                // The spelling found in the 1.6 schema itself.
                samples.push(json!({
                    "value": "31.5",
                    "measurand": "Temperature",
                    "unit": "Celcius",
                    "location": "Body",
                }));
            }
        }
        // 2.0.1 does not list Temperature, yet meters report it (the server keeps such a
        // sample as an unlisted measurand); its unit is free text, so "Celcius" is 1.6's quirk.
        "MeterValues" | "TransactionEvent" => {
            value["vendorFirmwareBuild"] = json!("2024.11-q");
            if let Some(samples) = value["meterValue"][0]["sampledValue"].as_array_mut() {
                samples.push(json!({
                    "value": 31.5,
                    "measurand": "Temperature",
                    "unitOfMeasure": {"unit": "Celsius"},
                    "location": "Body",
                }));
            }
        }
        _ => {}
    }
    serde_json::value::to_raw_value(&value).ok()
}

/// `2026-01-01T10:00:00.123Z` → `2026-01-01T10:00:00`.
fn without_zone(stamp: &str) -> String {
    stamp.chars().take(19).collect()
}

impl Station {
    /// The station's main meter, on connector 0 and outside any transaction.
    pub(super) fn send_station_meter(&mut self, now: Now) {
        let total_wh: i64 = self
            .connectors
            .iter()
            .map(|c| c.register_wms / WMS_PER_WH)
            .sum();
        if self.is_v201() {
            self.send_station_meter_v201(now, total_wh);
            return;
        }
        let request = v16::MeterValuesRequest {
            connector_id: 0,
            transaction_id: None,
            meter_value: vec![MeterValue {
                timestamp: now.timestamp(),
                sampled_value: vec![SampledValue {
                    value: total_wh.to_string(),
                    context: Some(v16::ReadingContext::SamplePeriodic),
                    format: None,
                    measurand: Some(Measurand::EnergyActiveImportRegister),
                    phase: None,
                    location: Some(v16::Location::Inlet),
                    unit: Some(UnitOfMeasure::Wh),
                }],
            }],
        };
        self.send(now, &request, Purpose::Other);
    }

    /// Some chargers stay silent while charging: their MeterValues count as a sign of life.
    pub(super) fn heartbeat_suppressed(&self) -> bool {
        !self.config.scenario.heartbeat_during_transactions()
            && self
                .connectors
                .iter()
                .any(|c| matches!(c.session, super::Session::Active(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_lose_their_zone() {
        assert_eq!(
            without_zone("2026-01-01T10:00:00.123Z"),
            "2026-01-01T10:00:00"
        );
    }
}
