//! The OCPP 2.0.1 messages the station sends: BootNotification, StatusNotification per EVSE,
//! TransactionEvent (Started, Updated, Ended) in place of 1.6's Start/StopTransaction and
//! transaction MeterValues, and NotifyReport. Connectors, sessions, the meter and the queue
//! are shared with 1.6; only the messages differ. Each simulated connector is EVSE n with
//! connector 1.

use chrono::DateTime;
use ocpp::v16::{self, ChargePointStatus, IdToken};
use ocpp::v201::{self, MeterValue, SampledValue, TransactionEventRequest, TriggerReason};

use super::meter::{CURRENT_A, POWER_W, VOLTAGE_V};
use super::offline::TxMessage;
use super::{CompletedTransaction, Now, Purpose, Session, Station, Tx, ci};

/// The one connector of each EVSE.
const CONNECTOR: u32 = 1;

/// A 1.6 status as a 2.0.1 connector shows it: the session states are all `Occupied`.
pub(super) fn connector_status(status: ChargePointStatus) -> v201::ConnectorStatus {
    use ChargePointStatus as S;
    match status {
        S::Available => v201::ConnectorStatus::Available,
        S::Preparing | S::Charging | S::SuspendedEv | S::SuspendedEvse | S::Finishing => {
            v201::ConnectorStatus::Occupied
        }
        S::Reserved => v201::ConnectorStatus::Reserved,
        S::Unavailable => v201::ConnectorStatus::Unavailable,
        S::Faulted => v201::ConnectorStatus::Faulted,
    }
}

/// The station's tags are RFID cards.
fn id_token(tag: &IdToken) -> v201::IdToken {
    v201::IdToken {
        additional_info: Vec::new(),
        id_token: ci(tag.as_str()),
        kind: v201::IdTokenKind::Iso14443,
        custom_data: None,
    }
}

/// Why a session stopped, as the Ended event says it: stoppedReason and triggerReason.
fn stop_reasons(reason: v16::Reason) -> (v201::Reason, TriggerReason) {
    use v16::Reason as R;
    match reason {
        R::Local => (v201::Reason::Local, TriggerReason::StopAuthorized),
        R::EvDisconnected => (v201::Reason::EvDisconnected, TriggerReason::EvDeparted),
        R::Remote => (v201::Reason::Remote, TriggerReason::RemoteStop),
        R::DeAuthorized => (v201::Reason::DeAuthorized, TriggerReason::Deauthorized),
        R::HardReset => (v201::Reason::ImmediateReset, TriggerReason::ResetCommand),
        R::SoftReset | R::Reboot => (v201::Reason::Reboot, TriggerReason::ResetCommand),
        R::UnlockCommand => (v201::Reason::Other, TriggerReason::UnlockCommand),
        R::EmergencyStop => (
            v201::Reason::EmergencyStop,
            TriggerReason::AbnormalCondition,
        ),
        R::PowerLoss => (v201::Reason::PowerLoss, TriggerReason::AbnormalCondition),
        R::Other => (v201::Reason::Other, TriggerReason::AbnormalCondition),
    }
}

fn unit(name: &str) -> Option<v201::UnitOfMeasure> {
    Some(v201::UnitOfMeasure {
        unit: Some(ci(name)),
        multiplier: None,
        custom_data: None,
    })
}

/// A sample; Wh is the default unit, so the energy register goes without one.
fn sample(
    value: f64,
    measurand: v201::Measurand,
    context: v201::ReadingContext,
    phase: Option<v201::Phase>,
    unit_name: Option<&str>,
) -> SampledValue {
    SampledValue {
        value,
        context: Some(context),
        measurand: Some(measurand),
        phase,
        location: Some(v201::Location::Outlet),
        signed_meter_value: None,
        unit_of_measure: unit_name.and_then(unit),
        custom_data: None,
    }
}

fn energy(now: Now, wh: i64, context: v201::ReadingContext) -> Vec<MeterValue> {
    vec![MeterValue {
        sampled_value: vec![sample(
            wh as f64,
            v201::Measurand::EnergyActiveImportRegister,
            context,
            None,
            None,
        )],
        timestamp: now.timestamp(),
        custom_data: None,
    }]
}

fn evse(connector: u32) -> v201::Evse {
    v201::Evse {
        id: connector,
        connector_id: Some(CONNECTOR),
        custom_data: None,
    }
}

impl Station {
    pub(super) fn send_status_v201(&mut self, now: Now, connector: u32) {
        let Some(c) = self.connector(connector) else {
            return;
        };
        let request = v201::StatusNotificationRequest {
            timestamp: now.timestamp(),
            connector_status: connector_status(c.status),
            evse_id: connector,
            connector_id: CONNECTOR,
            custom_data: None,
        };
        self.send201(now, &request, Purpose::Other);
    }

    /// A transactionId unique to this station across runs (the start time in milliseconds)
    /// and within a run (a counter): at most 36 characters.
    pub(super) fn new_transaction_id(&mut self, now: Now) -> String {
        self.transactions_made += 1;
        format!("{}-{}", now.wall.timestamp_millis(), self.transactions_made)
    }

    /// One TransactionEvent; `offline` while the connection is down (queued for later).
    #[allow(clippy::too_many_arguments)]
    fn transaction_event(
        &self,
        now: Now,
        connector: u32,
        event_type: v201::TransactionEvent,
        trigger_reason: TriggerReason,
        seq_no: u32,
        transaction_info: v201::Transaction,
        id_token: Option<v201::IdToken>,
        meter_value: Vec<MeterValue>,
    ) -> TransactionEventRequest {
        TransactionEventRequest {
            event_type,
            meter_value,
            timestamp: now.timestamp(),
            trigger_reason,
            seq_no,
            offline: (!self.connected).then_some(true),
            number_of_phases_used: (event_type == v201::TransactionEvent::Started).then_some(3),
            cable_max_current: None,
            reservation_id: None,
            transaction_info,
            evse: Some(evse(connector)),
            id_token,
            custom_data: None,
        }
    }

    /// The session's idToken: the one a RequestStartTransaction named, else the tag's.
    pub(super) fn token_v201(&self, connector: u32, tag: &IdToken) -> v201::IdToken {
        self.connector(connector)
            .and_then(|c| c.remote_token.clone())
            .unwrap_or_else(|| id_token(tag))
    }

    /// The time of a meter reading on `connector`: now, or a millisecond after the last one.
    /// Two readings with one timestamp would leave the CSMS to guess which is the later
    /// (Switchyard keeps the first), and the wall clock may not move between two wake-ups.
    fn reading_time(&mut self, connector: u32, now: Now) -> Now {
        let Some(c) = self.connector_mut(connector) else {
            return now;
        };
        // Timestamps go out in whole milliseconds: compare those.
        let mut ms = now.wall.timestamp_millis();
        if let Some(last) = c.last_reading {
            ms = ms.max(last.timestamp_millis() + 1);
        }
        let mut at = now;
        at.wall = DateTime::from_timestamp_millis(ms).unwrap_or(now.wall);
        c.last_reading = Some(at.wall);
        at
    }

    /// Started, seqNo 0: the tag was authorised (or the server asked for it), energy flows.
    pub(super) fn started_event(
        &mut self,
        now: Now,
        connector: u32,
        tag: &IdToken,
        uid: &str,
        remote_start_id: Option<i32>,
        meter_start: i64,
    ) -> TransactionEventRequest {
        let now = self.reading_time(connector, now);
        let trigger = if remote_start_id.is_some() {
            TriggerReason::RemoteStart
        } else {
            TriggerReason::Authorized
        };
        let info = v201::Transaction {
            transaction_id: ci(uid),
            charging_state: Some(v201::ChargingState::Charging),
            time_spent_charging: None,
            stopped_reason: None,
            remote_start_id,
            custom_data: None,
        };
        let meter = energy(now, meter_start, v201::ReadingContext::TransactionBegin);
        self.transaction_event(
            now,
            connector,
            v201::TransactionEvent::Started,
            trigger,
            0,
            info,
            Some(self.token_v201(connector, tag)),
            meter,
        )
    }

    /// Ended: the final register reading; queued or sent, as the Started event was.
    pub(super) fn stop_session_v201(
        &mut self,
        now: Now,
        connector: u32,
        tx: Tx,
        meter_stop: i64,
        reason: v16::Reason,
        queued: bool,
    ) {
        let (stopped_reason, trigger) = stop_reasons(reason);
        let at = self.reading_time(connector, now);
        let info = v201::Transaction {
            transaction_id: ci(&tx.uid),
            charging_state: Some(v201::ChargingState::EvConnected),
            time_spent_charging: None,
            stopped_reason: Some(stopped_reason),
            remote_start_id: None,
            custom_data: None,
        };
        let meter = energy(at, meter_stop, v201::ReadingContext::TransactionEnd);
        let request = self.transaction_event(
            at,
            connector,
            v201::TransactionEvent::Ended,
            trigger,
            tx.seq_no,
            info,
            Some(self.token_v201(connector, &tx.tag)),
            meter,
        );
        if queued {
            let done = CompletedTransaction {
                station_id: self.config.id.clone(),
                connector_id: CONNECTOR,
                evse_id: Some(connector),
                transaction_id: tx.uid.clone(),
                meter_start_wh: tx.meter_start,
                meter_stop_wh: meter_stop,
            };
            let message = TxMessage::Event {
                request: Box::new(request),
                done: Some(done),
            };
            self.queue.push(tx.local, message);
            self.set_status(now, connector, ChargePointStatus::Finishing);
            self.end_session(now, connector);
            return;
        }
        if let Some(c) = self.connector_mut(connector) {
            c.session = Session::Stopping { tx, meter_stop };
        }
        self.set_status(now, connector, ChargePointStatus::Finishing);
        self.send201(now, &request, Purpose::Stop(connector));
    }

    /// During a transaction, an Updated event (periodic); outside one, or when triggered,
    /// MeterValues for the EVSE.
    pub(super) fn send_meter_values_v201(&mut self, now: Now, connector: u32, triggered: bool) {
        let interval = self
            .connector(connector)
            .and_then(|c| c.every)
            .unwrap_or_else(|| self.sample_interval());
        let context = if triggered {
            v201::ReadingContext::Trigger
        } else {
            v201::ReadingContext::SamplePeriodic
        };
        let samples = self.samples(connector, context);
        let now = self.reading_time(connector, now);
        let queued = self.config.scenario.queues_transactions();
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        let tx = match &mut c.session {
            Session::Active(tx) if !triggered => {
                tx.next_meter = now.mono + interval;
                tx.seq_no += 1;
                Some((tx.uid.clone(), tx.seq_no - 1, tx.local))
            }
            _ => None,
        };
        if samples.is_empty() {
            return;
        }
        let meter = vec![MeterValue {
            sampled_value: samples,
            timestamp: now.timestamp(),
            custom_data: None,
        }];
        let Some((uid, seq_no, local)) = tx else {
            let request = v201::MeterValuesRequest {
                evse_id: connector,
                meter_value: meter,
                custom_data: None,
            };
            self.send201(now, &request, Purpose::Other);
            return;
        };
        let info = v201::Transaction {
            transaction_id: ci(&uid),
            charging_state: Some(v201::ChargingState::Charging),
            time_spent_charging: None,
            stopped_reason: None,
            remote_start_id: None,
            custom_data: None,
        };
        let request = self.transaction_event(
            now,
            connector,
            v201::TransactionEvent::Updated,
            TriggerReason::MeterValuePeriodic,
            seq_no,
            info,
            None,
            meter,
        );
        if queued {
            let message = TxMessage::Event {
                request: Box::new(request),
                done: None,
            };
            self.queue.push(local, message);
        } else {
            self.send201(now, &request, Purpose::Other);
        }
    }

    /// The SampledDataCtrlr.TxUpdatedMeasurands this meter can measure, per phase where the
    /// 1.6 station reports phases; power, current, voltage and SoC with their units.
    fn samples(&self, connector: u32, context: v201::ReadingContext) -> Vec<SampledValue> {
        let Some(c) = self.connector(connector) else {
            return Vec::new();
        };
        let charging = matches!(c.session, Session::Active(_));
        let (power, current) = if charging {
            (POWER_W as f64, CURRENT_A)
        } else {
            (0.0, 0.0)
        };
        let mut values = Vec::new();
        for m in self.sampled_measurands() {
            match m {
                v16::Measurand::EnergyActiveImportRegister => values.push(sample(
                    c.register_wh() as f64,
                    v201::Measurand::EnergyActiveImportRegister,
                    context,
                    None,
                    None,
                )),
                v16::Measurand::PowerActiveImport => values.push(sample(
                    power,
                    v201::Measurand::PowerActiveImport,
                    context,
                    None,
                    Some("W"),
                )),
                v16::Measurand::CurrentImport => {
                    for phase in [v201::Phase::L1, v201::Phase::L2, v201::Phase::L3] {
                        let m = v201::Measurand::CurrentImport;
                        values.push(sample(current, m, context, Some(phase), Some("A")));
                    }
                }
                v16::Measurand::Voltage => {
                    for phase in [v201::Phase::L1N, v201::Phase::L2N, v201::Phase::L3N] {
                        let m = v201::Measurand::Voltage;
                        values.push(sample(VOLTAGE_V, m, context, Some(phase), Some("V")));
                    }
                }
                v16::Measurand::SoC if charging => {
                    let mut soc = sample(
                        c.soc_percent.round(),
                        v201::Measurand::SoC,
                        context,
                        None,
                        Some("Percent"),
                    );
                    soc.location = Some(v201::Location::Ev);
                    values.push(soc);
                }
                _ => {}
            }
        }
        values
    }

    /// The station's main meter: EVSE 0, outside any transaction.
    pub(super) fn send_station_meter_v201(&mut self, now: Now, total_wh: i64) {
        let mut meter = energy(now, total_wh, v201::ReadingContext::SamplePeriodic);
        for value in &mut meter {
            for s in &mut value.sampled_value {
                s.location = Some(v201::Location::Inlet);
            }
        }
        let request = v201::MeterValuesRequest {
            evse_id: 0,
            meter_value: meter,
            custom_data: None,
        };
        self.send201(now, &request, Purpose::Other);
    }

    /// GetBaseReport's NotifyReport: the whole device model in one message (it is small).
    pub(super) fn send_report(&mut self, now: Now, request_id: i32, configuration_only: bool) {
        let request = v201::NotifyReportRequest {
            request_id,
            generated_at: now.timestamp(),
            report_data: self.model.report(&self.store, configuration_only),
            tbc: Some(false),
            seq_no: 0,
            custom_data: None,
        };
        self.send201(now, &request, Purpose::Other);
    }
}
