//! The station's CALLs: decode, gate on boot state, persist, answer.

use ocpp::Quirk;
use ocpp::rpc::{Call, MessageId, RpcError};

use super::{Awaiting, BootState, Effect, EffectResult, Now, Observation, Session};
use crate::adapters::{BootInfo, CallContext, DecodeError, Inbound, Outbound};
use crate::domain::auth::{Authorization, authorize};
use crate::domain::{
    BootReport, BootStatus, MeterValue, NewTransaction, SampleValue, StatusReport, TagStatus,
    TransactionEventOutcome, VariablesReport,
};
use crate::events::{Event, EventKind};
use crate::store::{Write, Written};

/// What an effect's result completes.
#[derive(Debug)]
pub(super) enum Then {
    /// The boot policy was read; next, record the boot.
    BootPolicy(BootInfo),
    /// The boot was recorded.
    Boot {
        info: BootInfo,
        status: BootStatus,
    },
    Authorize,
    Start(NewTransaction),
    Stop {
        named_tag: bool,
    },
    /// Only what the event needs: cloning the readings cost ~50 allocations per message.
    Meter {
        evse_id: u32,
        connector_id: u32,
        meter_wh: Option<f64>,
    },
    Status(StatusReport),
    /// Stored: answer with an empty confirmation.
    Empty,
    TransactionEvent {
        /// The event carried an idToken: answer with its idTokenInfo.
        with_token: bool,
        evse_id: u32,
        connector_id: u32,
        meter_wh: Option<f64>,
    },
}

impl Session {
    pub(super) fn handle_call(&mut self, now: Now, call: Call) {
        let context = CallContext {
            station_id: &self.station,
            received_at: now.wall,
        };
        let decoded = self
            .adapter
            .decode_call(&call.action, &call.payload, context);
        let (inbound, quirks) = match decoded {
            Ok(ok) => ok,
            Err(error) => {
                self.observe(Observation::CallReceived {
                    action: "unknown".to_owned(),
                });
                let id = call.id;
                let error = match error {
                    DecodeError::UnknownAction => RpcError::UnknownAction { id },
                    DecodeError::NotSupported => RpcError::NotSupported { id },
                    DecodeError::Payload(error) => RpcError::Payload { id, error },
                };
                return self.reject(error);
            }
        };
        self.observe(Observation::CallReceived {
            action: call.action.clone(),
        });
        for quirk in quirks {
            self.note_quirk(quirk);
        }
        // Errata §3.8 (J16E) / B02.FR.09: after Pending or Rejected, only BootNotification.
        if let BootState::Booted(status @ (BootStatus::Pending | BootStatus::Rejected)) = self.boot
            && !inbound.allowed_before_boot()
        {
            let reason = format!(
                "boot status is {}: only BootNotification is allowed",
                status.as_str()
            );
            return self.reject(RpcError::NotAllowed {
                id: call.id,
                reason,
            });
        }
        self.dispatch(now, call.id, inbound);
    }

    fn dispatch(&mut self, now: Now, call: MessageId, inbound: Inbound) {
        let station_id = self.station.clone();
        match inbound {
            Inbound::Boot(info) => {
                let id = self.effect_id();
                self.awaiting.insert(
                    id,
                    Awaiting::Reply {
                        call,
                        then: Then::BootPolicy(info),
                    },
                );
                self.effects.push_back(Effect::LookupStation { id });
            }
            Inbound::Heartbeat => {
                self.respond(now, call, &Outbound::Heartbeat);
                let write = Write::Seen {
                    station_id,
                    protocol: None,
                    at: now.wall,
                };
                self.push_write(write, Awaiting::Nothing);
            }
            Inbound::Authorize { id_tag } => {
                let id = self.effect_id();
                self.awaiting.insert(
                    id,
                    Awaiting::Reply {
                        call,
                        then: Then::Authorize,
                    },
                );
                self.effects.push_back(Effect::LookupTag { id, id_tag });
            }
            Inbound::AuthorizeWithoutToken => {
                let accepted = Authorization {
                    status: TagStatus::Accepted,
                    expiry_date: None,
                    parent_id_tag: None,
                };
                self.respond(now, call, &Outbound::Authorize(accepted));
            }
            Inbound::Start(mut start) => {
                start.remote_start_id =
                    self.take_remote_start(now, start.connector_id, &start.id_tag);
                let then = Then::Start(start.clone());
                self.push_write(Write::Start(start), Awaiting::Reply { call, then });
            }
            Inbound::Stop(stop) => {
                let named_tag = stop.id_tag.is_some();
                self.push_write(
                    Write::Stop(stop),
                    Awaiting::Reply {
                        call,
                        then: Then::Stop { named_tag },
                    },
                );
            }
            Inbound::Meter(readings) => {
                let then = Then::Meter {
                    evse_id: readings.evse_id,
                    connector_id: readings.connector_id,
                    meter_wh: latest_energy_wh(&readings.meter_values),
                };
                self.push_write(Write::Meter(readings), Awaiting::Reply { call, then });
            }
            Inbound::TransactionEvent(event) => {
                let then = Then::TransactionEvent {
                    with_token: event.id_tag.is_some(),
                    evse_id: event.evse_id.unwrap_or(0),
                    connector_id: event.connector_id.unwrap_or(0),
                    meter_wh: latest_energy_wh(&event.meter_values),
                };
                self.push_write(
                    Write::TransactionEvent(event),
                    Awaiting::Reply { call, then },
                );
            }
            Inbound::Status(status) => {
                let then = Then::Status(status.clone());
                self.push_write(Write::Status(status), Awaiting::Reply { call, then });
            }
            Inbound::Variables(variables) => {
                let report = VariablesReport {
                    station_id,
                    received_at: now.wall,
                    variables,
                };
                self.push_write(
                    Write::Variables(Box::new(report)),
                    Awaiting::Reply {
                        call,
                        then: Then::Empty,
                    },
                );
            }
            Inbound::DataTransfer { .. } => {
                self.respond(now, call, &Outbound::DataTransferUnknownVendor)
            }
            Inbound::Notification => self.respond(now, call, &Outbound::Empty),
            // Acknowledged only once stored, so a status is never lost (principle 1).
            Inbound::FirmwareStatus(report) => self.push_write(
                Write::FirmwareStatus(report),
                Awaiting::Reply {
                    call,
                    then: Then::Empty,
                },
            ),
            Inbound::DiagnosticsStatus(report) => self.push_write(
                Write::DiagnosticsStatus(report),
                Awaiting::Reply {
                    call,
                    then: Then::Empty,
                },
            ),
            Inbound::Refused => self.respond(now, call, &Outbound::Refused),
            // Acknowledged only once stored, like every report the system acts on.
            Inbound::ReservationStatus(update) => self.push_write(
                Write::ReservationStatus(update),
                Awaiting::Reply {
                    call,
                    then: Then::Empty,
                },
            ),
        }
    }

    pub(super) fn finish_inbound(
        &mut self,
        now: Now,
        call: MessageId,
        then: Then,
        result: EffectResult,
    ) {
        match (then, result) {
            (Then::BootPolicy(info), EffectResult::Station(Ok(policy))) => {
                // A station deleted meanwhile keeps its connection until closed; answer Rejected.
                let status = policy.map_or(BootStatus::Rejected, BootStatus::from);
                let write = Write::Boot(BootReport {
                    station_id: self.station.clone(),
                    protocol: self.adapter.protocol().subprotocol().to_owned(),
                    status,
                    vendor: info.vendor.clone(),
                    model: info.model.clone(),
                    serial_number: info.serial_number.clone(),
                    firmware_version: info.firmware_version.clone(),
                    received_at: now.wall,
                });
                self.push_write(
                    write,
                    Awaiting::Reply {
                        call,
                        then: Then::Boot { info, status },
                    },
                );
            }
            (Then::Boot { info, status }, EffectResult::Written(Ok(_))) => {
                self.boot = BootState::Booted(status);
                let interval = self.config.heartbeat_interval;
                self.respond(now, call, &Outbound::Boot { status, interval });
                self.observe(Observation::Booted { status });
                let event = Event::new(EventKind::StationBooted, &self.station)
                    .with("status", status.as_str())
                    .with("vendor", info.vendor)
                    .with("model", info.model);
                self.publish(event);
            }
            (Then::Authorize, EffectResult::Tag(Ok(tag))) => {
                let authorization = authorize(tag.as_ref(), now.wall);
                self.respond(now, call, &Outbound::Authorize(authorization));
            }
            (Then::Start(info), EffectResult::Written(Ok(Written::Start(outcome)))) => {
                let authorization = authorize(outcome.tag.as_ref(), now.wall);
                let transaction_id = outcome.transaction_id;
                self.respond(
                    now,
                    call,
                    &Outbound::Start {
                        transaction_id,
                        authorization,
                    },
                );
                if outcome.created {
                    let mut event = self
                        .transaction_event(
                            EventKind::TransactionStarted,
                            transaction_id,
                            info.evse_id,
                            info.connector_id,
                        )
                        .with("id_tag", info.id_tag)
                        .with("meter_start_wh", info.meter_start_wh)
                        .with("started_at", crate::domain::format_time(info.started_at));
                    if let Some(remote) = outcome.remote_start_id {
                        event = event.with("remote_start_id", remote);
                    }
                    self.publish(event);
                }
            }
            (Then::Stop { named_tag }, EffectResult::Written(Ok(Written::Stop(outcome)))) => {
                let authorization = named_tag.then(|| authorize(outcome.tag.as_ref(), now.wall));
                self.respond(now, call, &Outbound::Stop { authorization });
                match outcome.transaction {
                    None => self.note_quirk(Quirk::UnknownTransaction),
                    Some(_) if outcome.already_stopped => {}
                    Some(tx) => {
                        let mut event = self
                            .transaction_event(
                                EventKind::TransactionStopped,
                                tx.id,
                                tx.evse_id,
                                tx.connector_id,
                            )
                            .with("stop_reason", tx.stop_reason.clone().unwrap_or_default())
                            .with("meter_stop_wh", tx.meter_stop_wh.unwrap_or_default());
                        if let Some(energy) = tx.energy_wh() {
                            event = event.with("energy_wh", energy);
                        }
                        if let Some(remote) = tx.remote_start_id {
                            event = event.with("remote_start_id", remote);
                        }
                        self.publish(event);
                    }
                }
            }
            (
                Then::Meter {
                    evse_id,
                    connector_id,
                    meter_wh,
                },
                EffectResult::Written(Ok(Written::Meter(outcome))),
            ) => {
                self.respond(now, call, &Outbound::Empty);
                if let Some(tx) = outcome.transaction
                    && outcome.inserted > 0
                {
                    let mut event = self
                        .transaction_event(
                            EventKind::TransactionUpdated,
                            tx.id,
                            evse_id,
                            connector_id,
                        )
                        .with("samples", outcome.inserted as u64);
                    if let Some(wh) = meter_wh {
                        event = event.with("meter_wh", wh);
                    }
                    if let Some(remote) = tx.remote_start_id {
                        event = event.with("remote_start_id", remote);
                    }
                    self.publish(event);
                }
            }
            (
                Then::TransactionEvent {
                    with_token,
                    evse_id,
                    connector_id,
                    meter_wh,
                },
                EffectResult::Written(Ok(Written::TransactionEvent(outcome))),
            ) => {
                let authorization = with_token.then(|| authorize(outcome.tag.as_ref(), now.wall));
                self.respond(now, call, &Outbound::TransactionEvent { authorization });
                self.publish_transaction_event(&outcome, (evse_id, connector_id), meter_wh);
            }
            (Then::Empty, EffectResult::Written(Ok(_))) => {
                self.respond(now, call, &Outbound::Empty)
            }
            (Then::Status(report), EffectResult::Written(Ok(_))) => {
                self.respond(now, call, &Outbound::Empty);
                let info = report.connector;
                let event = Event::new(EventKind::ConnectorStatus, &self.station)
                    .with("evse_id", info.evse_id)
                    .with("connector_id", info.connector_id)
                    .with("status", info.status)
                    .with(
                        "error_code",
                        info.error_code.map_or(serde_json::Value::Null, Into::into),
                    );
                self.publish(event);
            }
            (_, result) => {
                // A store failure: nothing was acknowledged, so the station will retry.
                let description = match result {
                    EffectResult::Written(Err(e))
                    | EffectResult::Tag(Err(e))
                    | EffectResult::Station(Err(e)) => e,
                    _ => "unexpected store result".to_owned(),
                };
                self.observe(Observation::Violation {
                    description: format!("store: {description}"),
                });
                self.reject_internal(call, "the central system could not store this message");
            }
        }
    }

    fn respond(&mut self, now: Now, call: MessageId, outbound: &Outbound) {
        let payload = self.adapter.encode_response(outbound, now.wall);
        self.endpoint.respond(call, payload);
    }

    /// The `transaction.*` events a stored TransactionEvent leads to: started when it is the
    /// first the system saw, updated for new samples, stopped when it ended the transaction.
    /// A replay publishes nothing.
    fn publish_transaction_event(
        &mut self,
        outcome: &TransactionEventOutcome,
        (evse_id, connector_id): (u32, u32),
        meter_wh: Option<f64>,
    ) {
        if outcome.replay {
            return;
        }
        let tx = &outcome.transaction;
        // The record knows the EVSE once any event named it; this event may not have.
        let (evse_id, connector_id) = match (tx.evse_id, tx.connector_id) {
            (0, _) => (evse_id, connector_id),
            known => known,
        };
        let with_remote = |event: Event| match tx.remote_start_id {
            Some(remote) => event.with("remote_start_id", remote),
            None => event,
        };
        if outcome.created {
            let event = self
                .transaction_event(EventKind::TransactionStarted, tx.id, evse_id, connector_id)
                .with("id_tag", tx.id_tag.clone())
                .with("started_at", crate::domain::format_time(tx.started_at));
            self.publish(with_remote(event));
        }
        if outcome.inserted > 0 {
            let mut event = self
                .transaction_event(EventKind::TransactionUpdated, tx.id, evse_id, connector_id)
                .with("samples", outcome.inserted as u64);
            if let Some(wh) = meter_wh {
                event = event.with("meter_wh", wh);
            }
            self.publish(with_remote(event));
        }
        if outcome.ended {
            let mut event = self
                .transaction_event(EventKind::TransactionStopped, tx.id, evse_id, connector_id)
                .with("stop_reason", tx.stop_reason.clone().unwrap_or_default());
            if let Some(wh) = tx.meter_stop_wh {
                event = event.with("meter_stop_wh", wh);
            }
            if let Some(energy) = tx.energy_wh() {
                event = event.with("energy_wh", energy);
            }
            if !outcome.missing_seq_nos.is_empty() {
                tracing::warn!(station = %self.station, transaction = tx.id,
                    missing = ?outcome.missing_seq_nos, "transaction ended with events missing");
                event = event.with("missing_seq_nos", outcome.missing_seq_nos.clone());
            }
            self.publish(with_remote(event));
        }
    }

    fn transaction_event(
        &self,
        kind: EventKind,
        transaction_id: i64,
        evse_id: u32,
        connector_id: u32,
    ) -> Event {
        Event::new(kind, &self.station)
            .with("transaction_id", transaction_id)
            .with("evse_id", evse_id)
            .with("connector_id", connector_id)
    }
}

/// The last `Energy.Active.Import.Register` reading in Wh, if the values carry one.
fn latest_energy_wh(values: &[MeterValue]) -> Option<f64> {
    values
        .iter()
        .flat_map(|mv| mv.sampled_value.iter())
        .filter(|sv| {
            sv.measurand == "Energy.Active.Import.Register"
                && sv.unit.as_deref().is_none_or(|u| u == "Wh")
        })
        .filter_map(|sv| match sv.value {
            SampleValue::Number(n) => Some(n),
            SampleValue::Text(_) => None,
        })
        .next_back()
}
