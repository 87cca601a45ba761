//! The energy meter and MeterValues: an 11 kW three-phase AC charge, the register advancing
//! with real elapsed time, sampled as MeterValuesSampledData lists.

use std::time::Duration;

use ocpp::Timestamp;
use ocpp::v16::{
    self, Measurand, MeterValue, Phase, ReadingContext, Request as _, SampledValue, UnitOfMeasure,
};
use serde::Serialize;

use super::config::{METER_VALUE_SAMPLE_INTERVAL, METER_VALUES_SAMPLED_DATA};
use super::offline::TxMessage;
use super::{Now, Purpose, Session, Station, WMS_PER_WH};

/// 16 A on three phases at 230 V.
pub(super) const CURRENT_A: f64 = 16.0;
pub(super) const VOLTAGE_V: f64 = 230.0;
pub(super) const POWER_W: i64 = (3.0 * CURRENT_A * VOLTAGE_V) as i64;
/// The readings above as they go on the wire: power `{:.0}`, current and voltage `{:.1}`.
const POWER_W_TEXT: &str = "11040";
const IDLE_POWER_TEXT: &str = "0";
const CURRENT_A_TEXT: &str = "16.0";
const IDLE_CURRENT_TEXT: &str = "0.0";
const VOLTAGE_V_TEXT: &str = "230.0";
/// A 60 kWh battery: one percent of state of charge per 600 Wh.
const WH_PER_SOC_PERCENT: f64 = 600.0;

impl Station {
    /// The sample interval: `--meter-interval` (sub-second for tests) until the server
    /// changes MeterValueSampleInterval, then that.
    pub(super) fn sample_interval(&self) -> Duration {
        self.meter_interval
    }

    /// ChangeConfiguration of MeterValueSampleInterval was accepted; 0 means "not sampled"
    /// in 1.6, which we read as a minute so a charging connector is never silent.
    pub(super) fn set_sample_interval(&mut self) {
        self.meter_interval = match self.store.get_u64(METER_VALUE_SAMPLE_INTERVAL) {
            Some(0) | None => Duration::from_secs(60),
            Some(s) => Duration::from_secs(s),
        };
    }

    /// Move the register on by the energy delivered since the last tick.
    pub(super) fn advance_meter(&mut self, now: Now, connector: u32) {
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        if let Session::Active(tx) = &mut c.session {
            let ms = now.mono.saturating_duration_since(tx.last_tick).as_millis();
            // Whole milliseconds only; the rest is carried over to the next tick.
            tx.last_tick += Duration::from_millis(u64::try_from(ms).unwrap_or(u64::MAX));
            let wms = POWER_W * i64::try_from(ms).unwrap_or(i64::MAX / POWER_W);
            c.register_wms += wms;
            let wh = wms as f64 / WMS_PER_WH as f64;
            c.soc_percent = (c.soc_percent + wh / WH_PER_SOC_PERCENT).min(100.0);
        }
    }

    /// MeterValues for `connector`: its transaction's samples, or the bare register reading
    /// when idle (a triggered reading).
    pub(super) fn send_meter_values(
        &mut self,
        now: Now,
        connector: u32,
        context: Option<ReadingContext>,
    ) {
        self.advance_meter(now, connector);
        if self.is_v201() {
            self.send_meter_values_v201(now, connector, context.is_some());
            return;
        }
        let interval = self
            .connector(connector)
            .and_then(|c| c.every)
            .unwrap_or_else(|| self.sample_interval());
        let measurands = self.sampled_measurands();
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        let (transaction_id, local, charging) = match &mut c.session {
            Session::Active(tx) => {
                tx.next_meter = now.mono + interval;
                (Some(tx.id), tx.local, true)
            }
            _ => (None, 0, false),
        };
        // The charge is steady, so every reading but the register and the state of charge
        // is one of two fixed strings: written out here rather than formatted from floats
        // for every message (`format!("{:.1}", 16.0)`), which cost more than the rest of
        // the message. The test `fixed_readings_match_their_formatted_values` keeps them
        // equal to the formatted numbers.
        let (power, current) = if charging {
            (POWER_W_TEXT, CURRENT_A_TEXT)
        } else {
            (IDLE_POWER_TEXT, IDLE_CURRENT_TEXT)
        };
        let register = c.register_wh().to_string();
        let soc = format!("{:.0}", c.soc_percent);
        let sample = |value, m, unit, phase| Sample {
            value,
            context,
            measurand: m,
            phase,
            location: v16::Location::Outlet,
            unit,
        };
        let mut values = Vec::with_capacity(measurands.len() * 3);
        for m in measurands {
            match m {
                Measurand::EnergyActiveImportRegister => {
                    values.push(sample(&register, m, UnitOfMeasure::Wh, None));
                }
                Measurand::PowerActiveImport => {
                    values.push(sample(power, m, UnitOfMeasure::W, None));
                }
                Measurand::CurrentImport => {
                    for phase in [Phase::L1, Phase::L2, Phase::L3] {
                        values.push(sample(current, m.clone(), UnitOfMeasure::A, Some(phase)));
                    }
                }
                Measurand::Voltage => {
                    for phase in [Phase::L1N, Phase::L2N, Phase::L3N] {
                        values.push(sample(
                            VOLTAGE_V_TEXT,
                            m.clone(),
                            UnitOfMeasure::V,
                            Some(phase),
                        ));
                    }
                }
                Measurand::SoC if charging => {
                    let mut soc = sample(&soc, m, UnitOfMeasure::Percent, None);
                    soc.location = v16::Location::Ev;
                    values.push(soc);
                }
                _ => {}
            }
        }
        if values.is_empty() {
            return;
        }
        let request = Request {
            connector_id: connector,
            transaction_id,
            meter_value: [Reading {
                timestamp: now.timestamp(),
                sampled_value: &values,
            }],
        };
        if charging && self.config.scenario.queues_transactions() {
            self.queue.push(local, TxMessage::Meter(request.to_typed()));
        } else if self.config.scenario.quirky() {
            self.send(now, &request.to_typed(), Purpose::Other);
        } else if self.connected
            && let Ok(payload) = serde_json::value::to_raw_value(&request)
        {
            // Straight from the borrowed readings: no String per sampled value.
            let action = v16::MeterValuesRequest::ACTION.as_str();
            self.send_raw(now, action, payload, Purpose::Other);
        }
    }

    /// The measurands listed in MeterValuesSampledData that this meter can measure.
    pub(super) fn sampled_measurands(&self) -> Vec<Measurand> {
        let list = self
            .store
            .get(METER_VALUES_SAMPLED_DATA)
            .unwrap_or_default();
        list.split(',')
            .filter_map(|name| {
                Some(match name.trim() {
                    "Energy.Active.Import.Register" => Measurand::EnergyActiveImportRegister,
                    "Power.Active.Import" => Measurand::PowerActiveImport,
                    "Current.Import" => Measurand::CurrentImport,
                    "Voltage" => Measurand::Voltage,
                    "SoC" => Measurand::SoC,
                    _ => return None,
                })
            })
            .collect()
    }
}

/// A MeterValues request over borrowed readings: serialises exactly as
/// [`v16::MeterValuesRequest`] does (`borrowed_readings_serialise_as_the_typed_request`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Request<'a> {
    connector_id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    transaction_id: Option<i32>,
    meter_value: [Reading<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Reading<'a> {
    timestamp: Timestamp,
    sampled_value: &'a [Sample<'a>],
}

/// [`SampledValue`] with a borrowed value; `format` is never sent, the rest always but
/// `context` and `phase`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Sample<'a> {
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<ReadingContext>,
    measurand: Measurand,
    #[serde(skip_serializing_if = "Option::is_none")]
    phase: Option<Phase>,
    location: v16::Location,
    unit: UnitOfMeasure,
}

impl Request<'_> {
    /// The owned request, for the offline queue and the `quirks` scenario.
    fn to_typed(&self) -> v16::MeterValuesRequest {
        v16::MeterValuesRequest {
            connector_id: self.connector_id,
            transaction_id: self.transaction_id,
            meter_value: self
                .meter_value
                .iter()
                .map(|r| MeterValue {
                    timestamp: r.timestamp,
                    sampled_value: r
                        .sampled_value
                        .iter()
                        .map(|s| SampledValue {
                            value: s.value.to_owned(),
                            context: s.context,
                            format: None,
                            measurand: Some(s.measurand.clone()),
                            phase: s.phase,
                            location: Some(s.location),
                            unit: Some(s.unit),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_readings_match_their_formatted_values() {
        assert_eq!(POWER_W_TEXT, format!("{:.0}", POWER_W as f64));
        assert_eq!(IDLE_POWER_TEXT, format!("{:.0}", 0.0));
        assert_eq!(CURRENT_A_TEXT, format!("{CURRENT_A:.1}"));
        assert_eq!(IDLE_CURRENT_TEXT, format!("{:.1}", 0.0));
        assert_eq!(VOLTAGE_V_TEXT, format!("{VOLTAGE_V:.1}"));
    }

    #[test]
    fn borrowed_readings_serialise_as_the_typed_request() {
        let sample = |context, phase, location| Sample {
            value: "16.0",
            context,
            measurand: Measurand::CurrentImport,
            phase,
            location,
            unit: UnitOfMeasure::A,
        };
        let samples = [
            sample(None, Some(Phase::L1), v16::Location::Outlet),
            sample(Some(ReadingContext::Trigger), None, v16::Location::Ev),
            sample(
                Some(ReadingContext::SamplePeriodic),
                Some(Phase::L2N),
                v16::Location::Body,
            ),
        ];
        let timestamp = Timestamp::from_unix_millis(1_767_225_600_123).unwrap();
        for transaction_id in [None, Some(42)] {
            let request = Request {
                connector_id: 2,
                transaction_id,
                meter_value: [Reading {
                    timestamp,
                    sampled_value: &samples,
                }],
            };
            let borrowed = serde_json::to_string(&request).unwrap();
            let typed = serde_json::to_string(&request.to_typed()).unwrap();
            assert_eq!(borrowed, typed);
        }
    }
}
