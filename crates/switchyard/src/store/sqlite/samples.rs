//! The sampled values of one meter reading, packed into one JSON column.
//!
//! A 1.6 MeterValues carries ~10 sampled values per timestamp. Stored one row each, with two
//! indexes, the writer did ~20 B-tree inserts per message and could not keep up with the
//! fleet; one row per reading does two. The packing is plain JSON (an array of objects with
//! one-letter keys, see `0004_meter_readings.sql`), so `json_each` still reaches every sample
//! from SQL.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::domain::{Label, MeterReadings, MeterValue, SampleValue, SampledValue, StationId, Time};

#[derive(Serialize, Deserialize)]
struct Packed<'a> {
    /// A finite number.
    #[serde(rename = "v", default, skip_serializing_if = "Option::is_none")]
    number: Option<f64>,
    /// Text as sent: a value that is not a number (or not a finite one; JSON has no NaN).
    #[serde(rename = "t", borrow, default, skip_serializing_if = "Option::is_none")]
    text: Option<Cow<'a, str>>,
    #[serde(rename = "m", borrow)]
    measurand: Cow<'a, str>,
    #[serde(rename = "u", borrow, default, skip_serializing_if = "Option::is_none")]
    unit: Option<Cow<'a, str>>,
    #[serde(rename = "p", borrow, default, skip_serializing_if = "Option::is_none")]
    phase: Option<Cow<'a, str>>,
    #[serde(rename = "l", borrow, default, skip_serializing_if = "Option::is_none")]
    location: Option<Cow<'a, str>>,
    #[serde(rename = "c", borrow, default, skip_serializing_if = "Option::is_none")]
    context: Option<Cow<'a, str>>,
}

fn borrowed(text: &Option<Label>) -> Option<Cow<'_, str>> {
    text.as_deref().map(Cow::Borrowed)
}

fn owned(text: Option<Cow<'_, str>>) -> Option<Label> {
    text.map(|t| Cow::Owned(t.into_owned()))
}

/// The JSON text stored for `samples`.
pub(crate) fn pack<'a>(samples: impl IntoIterator<Item = &'a SampledValue>) -> String {
    let packed: Vec<Packed<'_>> = samples
        .into_iter()
        .map(|sample| {
            let (number, text) = match &sample.value {
                SampleValue::Number(n) if n.is_finite() => (Some(*n), None),
                SampleValue::Number(n) => (None, Some(Cow::Owned(n.to_string()))),
                SampleValue::Text(t) => (None, Some(Cow::Borrowed(t.as_str()))),
            };
            Packed {
                number,
                text,
                measurand: Cow::Borrowed(&sample.measurand),
                unit: borrowed(&sample.unit),
                phase: borrowed(&sample.phase),
                location: borrowed(&sample.location),
                context: borrowed(&sample.context),
            }
        })
        .collect();
    // A Vec of plain structs with string keys cannot fail to serialise.
    serde_json::to_string(&packed).unwrap_or_else(|_| "[]".to_owned())
}

/// A reading packed by the caller, so the JSON is built on a runtime worker and not on the
/// writer thread that every write waits for.
#[derive(Debug)]
pub(crate) struct PackedReading {
    pub(crate) timestamp: Time,
    /// [`pack`] of the reading's samples.
    pub(crate) samples: String,
    /// How many samples `samples` holds.
    pub(crate) count: usize,
}

impl PackedReading {
    pub(crate) fn new(value: &MeterValue) -> PackedReading {
        PackedReading {
            timestamp: value.timestamp,
            samples: pack(&value.sampled_value),
            count: value.sampled_value.len(),
        }
    }
}

/// Everything of a MeterValues the writer needs, readings packed.
#[derive(Debug)]
pub(crate) struct PackedReadings {
    pub(crate) station_id: StationId,
    /// The metering point: the 1.6 connector (its own EVSE), the 2.x EVSE.
    pub(crate) evse_id: u32,
    pub(crate) ocpp_transaction_id: Option<String>,
    pub(crate) received_at: Time,
    pub(crate) values: Vec<PackedReading>,
}

impl PackedReadings {
    pub(crate) fn new(readings: &MeterReadings) -> PackedReadings {
        PackedReadings {
            station_id: readings.station_id.clone(),
            evse_id: readings.evse_id,
            ocpp_transaction_id: readings.ocpp_transaction_id.clone(),
            received_at: readings.received_at,
            values: readings
                .meter_values
                .iter()
                .map(PackedReading::new)
                .collect(),
        }
    }
}

/// The samples of a stored reading.
pub(crate) fn unpack(json: &str) -> Result<Vec<SampledValue>, serde_json::Error> {
    let packed: Vec<Packed<'_>> = serde_json::from_str(json)?;
    Ok(packed
        .into_iter()
        .map(|p| SampledValue {
            value: match (p.number, p.text) {
                (Some(n), _) => SampleValue::Number(n),
                (None, t) => SampleValue::Text(t.map(Cow::into_owned).unwrap_or_default()),
            },
            measurand: Cow::Owned(p.measurand.into_owned()),
            unit: owned(p.unit),
            phase: owned(p.phase),
            location: owned(p.location),
            context: owned(p.context),
        })
        .collect())
}

/// What makes two samples of one reading the same sample (the old per-sample dedup key).
pub(crate) fn same_key(a: &SampledValue, b: &SampledValue) -> bool {
    a.measurand == b.measurand
        && a.phase == b.phase
        && a.location == b.location
        && a.context == b.context
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(value: SampleValue, measurand: &str, phase: Option<&str>) -> SampledValue {
        SampledValue {
            value,
            measurand: measurand.to_owned().into(),
            unit: Some("V".into()),
            phase: phase.map(|p| p.to_owned().into()),
            location: None,
            context: Some("Sample.Periodic".into()),
        }
    }

    #[test]
    fn round_trips_and_is_compact() {
        let samples = vec![
            sample(SampleValue::Number(230.5), "Voltage", Some("L1-N")),
            sample(SampleValue::Text("n/a \"quoted\"".into()), "Voltage", None),
        ];
        let json = pack(&samples);
        assert_eq!(
            json,
            r#"[{"v":230.5,"m":"Voltage","u":"V","p":"L1-N","c":"Sample.Periodic"},{"t":"n/a \"quoted\"","m":"Voltage","u":"V","c":"Sample.Periodic"}]"#
        );
        assert_eq!(unpack(&json).unwrap(), samples);
    }

    #[test]
    fn numbers_json_cannot_hold_are_kept_as_text() {
        let json = pack(&[sample(SampleValue::Number(f64::NAN), "SoC", None)]);
        assert_eq!(
            unpack(&json).unwrap()[0].value,
            SampleValue::Text("NaN".into())
        );
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(unpack("[{\"v\":1}]").is_err());
        assert!(unpack("nope").is_err());
    }
}
