//! Operator commands: out as CALLs through the endpoint, answers back to the shell.

use std::time::Duration;

use ocpp::{CallId, Reply};

use super::{Awaiting, Effect, Now, REMOTE_START_WINDOW, Session};
use crate::adapters::Expect;
use crate::commands::{Command, CommandError, CommandReply};
use crate::domain::VariablesReport;
use crate::store::Write;

#[derive(Debug)]
pub(super) struct Pending {
    token: super::CommandToken,
    pub(super) expect: Expect,
    /// For a remote start: what to match the coming StartTransaction against.
    remote_start: Option<RemoteStart>,
    timeout: Duration,
}

#[derive(Debug, Clone)]
pub(super) struct RemoteStart {
    id: i64,
    connector_id: Option<u32>,
    id_tag: String,
    accepted_at: std::time::Instant,
}

impl Session {
    /// An operator command. `remote_start_id` is a system-wide unique number the shell
    /// supplies; it is used only if the command is a remote start.
    pub fn handle_command(
        &mut self,
        now: Now,
        token: super::CommandToken,
        command: Command,
        timeout: Duration,
        remote_start_id: i64,
    ) {
        if let Err(error) = self.check_allowed(&command) {
            return self.effects.push_back(Effect::CommandDone {
                token,
                result: Err(error),
            });
        }
        let (action, payload, expect) = match self.adapter.encode_command(&command, remote_start_id)
        {
            Ok(call) => call,
            Err(error) => {
                return self.effects.push_back(Effect::CommandDone {
                    token,
                    result: Err(error),
                });
            }
        };
        let remote_start = match &command {
            Command::RemoteStart {
                evse_id,
                connector_id,
                id_tag,
                ..
            } => Some(RemoteStart {
                id: remote_start_id,
                connector_id: connector_id.or(*evse_id),
                id_tag: id_tag.clone(),
                accepted_at: now.mono,
            }),
            _ => None,
        };
        self.observe(super::Observation::CallSent {
            action: action.clone(),
        });
        let call = self.endpoint.start_call(now.mono, action, payload, timeout);
        self.commands.insert(
            call,
            Pending {
                token,
                expect,
                remote_start,
                timeout,
            },
        );
    }

    fn check_allowed(&self, command: &Command) -> Result<(), CommandError> {
        match crate::commands::refusal(
            self.boot_status(),
            command.name(),
            command.needs_accepted_boot(),
        ) {
            Some(reason) => Err(CommandError::Forbidden(reason)),
            None => Ok(()),
        }
    }

    pub(super) fn handle_reply(&mut self, now: Now, call: CallId, reply: Reply) {
        let Some(pending) = self.commands.remove(&call) else {
            return;
        };
        let result = match reply {
            Reply::Result(payload) => {
                let mut reply = self.adapter.decode_reply(&pending.expect, payload);
                if let Some(mut start) = pending.remote_start {
                    reply.remote_start_id = Some(start.id);
                    if reply.status == "Accepted" {
                        start.accepted_at = now.mono;
                        self.remote_starts.push(start);
                    }
                }
                if let Some(password) = reply.new_password.take() {
                    // The command returns once the new password is in force, so a station
                    // that reconnects at once is let in with it (TC_073, TC_A_09). The
                    // password itself is never kept as a variable.
                    reply.variables.retain(|v| !v.key.is_secret());
                    if !reply.variables.is_empty() {
                        let report = VariablesReport {
                            station_id: self.station.clone(),
                            received_at: now.wall,
                            variables: std::mem::take(&mut reply.variables),
                        };
                        self.push_write(Write::Variables(Box::new(report)), Awaiting::Nothing);
                    }
                    let id = self.effect_id();
                    self.awaiting.insert(
                        id,
                        Awaiting::Command {
                            token: pending.token,
                            reply,
                        },
                    );
                    self.effects
                        .push_back(Effect::ChangePassword { id, password });
                    return;
                }
                if !reply.variables.is_empty() {
                    let report = VariablesReport {
                        station_id: self.station.clone(),
                        received_at: now.wall,
                        variables: std::mem::take(&mut reply.variables),
                    };
                    let token = pending.token;
                    return self.push_write(
                        Write::Variables(Box::new(report)),
                        Awaiting::Command { token, reply },
                    );
                }
                Ok(reply)
            }
            Reply::Error(error) => {
                self.observe(super::Observation::CallErrorReceived {
                    code: error.code.clone(),
                });
                Err(CommandError::CallError(crate::commands::StationError {
                    code: error.code,
                    description: error.description,
                    details: error.details,
                }))
            }
        };
        self.effects.push_back(Effect::CommandDone {
            token: pending.token,
            result,
        });
    }

    pub(super) fn handle_call_timeout(&mut self, _now: Now, call: CallId) {
        if let Some(pending) = self.commands.remove(&call) {
            let result = Err(CommandError::Timeout(pending.timeout));
            self.effects.push_back(Effect::CommandDone {
                token: pending.token,
                result,
            });
        }
    }

    /// The remote start a StartTransaction belongs to (API.md: same connector and id tag
    /// within 60 s of acceptance; a remote start without connector matches any connector).
    pub(super) fn take_remote_start(
        &mut self,
        now: Now,
        connector_id: u32,
        id_tag: &str,
    ) -> Option<i64> {
        self.remote_starts
            .retain(|r| now.mono.saturating_duration_since(r.accepted_at) <= REMOTE_START_WINDOW);
        let pos = self
            .remote_starts
            .iter()
            .position(|r| r.id_tag == id_tag && r.connector_id.is_none_or(|c| c == connector_id))?;
        Some(self.remote_starts.swap_remove(pos).id)
    }
}

impl CommandReply {
    pub fn accepted(&self) -> bool {
        self.status == "Accepted"
    }
}
