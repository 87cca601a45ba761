//! The server's answers to our calls: each moves the state on according to what the call
//! was for ([`Purpose`]); a refusal or an unreadable answer puts the connector back.

use std::time::Duration;

use ocpp::rpc;
use ocpp::{CallId, Reply};

use ocpp::v201;
use serde_json::value::RawValue;

use super::{MIN_BOOT_RETRY, Now, Purpose, Station, StationEvent, v16};

impl Station {
    pub(super) fn handle_reply(
        &mut self,
        now: Now,
        call: CallId,
        action: String,
        reply: Reply,
        round_trip: Duration,
    ) {
        let purpose = self.pending.remove(&call).unwrap_or(Purpose::Other);
        let payload = match reply {
            Reply::Result(payload) => payload,
            Reply::Error(error) => {
                self.events.push_back(StationEvent::Reply {
                    action,
                    round_trip,
                    error: Some(error.code),
                });
                if let Purpose::Queued = purpose {
                    self.queued_answered(None);
                }
                self.abandon(now, purpose);
                return;
            }
        };
        if let Purpose::Other = purpose {
            // Nothing to decode (MeterValues, Heartbeat, StatusNotification): the action name
            // goes to the event as it is, without a copy for an error message never written.
            self.events.push_back(StationEvent::Reply {
                action,
                round_trip,
                error: None,
            });
            return;
        }
        self.events.push_back(StationEvent::Reply {
            action: action.clone(),
            round_trip,
            error: None,
        });
        let outcome = if self.is_v201() {
            self.handle_result_v201(now, purpose, &payload)
        } else {
            self.handle_result_v16(now, purpose, &payload)
        };
        if let Err(error) = outcome {
            self.events.push_back(StationEvent::Violation(format!(
                "unreadable {action} answer: {error}"
            )));
            self.abandon(now, purpose);
        }
    }

    fn handle_result_v16(
        &mut self,
        now: Now,
        purpose: Purpose,
        payload: &RawValue,
    ) -> Result<(), String> {
        match purpose {
            Purpose::Boot => decode(payload).map(|r: v16::BootNotificationResponse| {
                self.booted(now, r.status, r.interval);
            }),
            Purpose::Authorize(c) => decode(payload).map(|r: v16::AuthorizeResponse| {
                self.authorized(now, c, &format!("{:?}", r.id_tag_info.status));
            }),
            Purpose::Start(c) => decode(payload).map(|r: v16::StartTransactionResponse| {
                let status = r.id_tag_info.status;
                let refusal =
                    (status != v16::AuthorizationStatus::Accepted).then(|| format!("{status:?}"));
                self.started(now, c, r.transaction_id, refusal);
            }),
            Purpose::Stop(c) => {
                decode::<v16::StopTransactionResponse>(payload).map(|_| self.stopped(now, c))
            }
            Purpose::Queued => {
                self.queued_answered(Some(payload));
                Ok(())
            }
            Purpose::Other => Ok(()),
        }
    }

    fn handle_result_v201(
        &mut self,
        now: Now,
        purpose: Purpose,
        payload: &RawValue,
    ) -> Result<(), String> {
        match purpose {
            Purpose::Boot => decode(payload).map(|r: v201::BootNotificationResponse| {
                let status = match r.status {
                    v201::RegistrationStatus::Accepted => v16::RegistrationStatus::Accepted,
                    v201::RegistrationStatus::Pending => v16::RegistrationStatus::Pending,
                    v201::RegistrationStatus::Rejected => v16::RegistrationStatus::Rejected,
                };
                self.booted(now, status, r.interval);
            }),
            Purpose::Authorize(c) => decode(payload).map(|r: v201::AuthorizeResponse| {
                self.authorized(now, c, &format!("{:?}", r.id_token_info.status));
            }),
            Purpose::Start(c) => decode(payload).map(|r: v201::TransactionEventResponse| {
                // No idTokenInfo: the CSMS did not object to the token.
                let refusal = r
                    .id_token_info
                    .map(|info| info.status)
                    .filter(|s| *s != v201::AuthorizationStatus::Accepted)
                    .map(|s| format!("{s:?}"));
                self.started(now, c, -1, refusal);
            }),
            Purpose::Stop(c) => {
                decode::<v201::TransactionEventResponse>(payload).map(|_| self.stopped(now, c))
            }
            Purpose::Queued => decode::<v201::TransactionEventResponse>(payload).map(|_| {
                self.queued_answered(Some(payload));
            }),
            Purpose::Other => Ok(()),
        }
    }

    /// A call failed: put the connector back where a real charger would.
    pub(super) fn abandon(&mut self, now: Now, purpose: Purpose) {
        match purpose {
            Purpose::Boot => self.retry_boot(now, MIN_BOOT_RETRY),
            Purpose::Authorize(c) | Purpose::Start(c) => self.end_session(now, c),
            // The station's meter is the truth; the stop is not retried in this slice.
            Purpose::Stop(c) => self.end_session(now, c),
            Purpose::Queued | Purpose::Other => {}
        }
    }
}

fn decode<T: serde::de::DeserializeOwned>(payload: &RawValue) -> Result<T, String> {
    rpc::decode::<T>(payload.get())
        .map(|d| d.value)
        .map_err(|e| format!("{:?}: {e}", e.code()))
}
