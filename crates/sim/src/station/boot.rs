//! Boot and heartbeat: BootNotification until Accepted (retrying at the interval the server
//! gives), then a heartbeat at HeartbeatInterval.

use std::time::Duration;

use ocpp::v16::{self, RegistrationStatus};
use ocpp::v201;

use super::config::HEARTBEAT_INTERVAL;
use super::{Boot, MIN_BOOT_RETRY, Now, Purpose, Session, Station, StationEvent, ci, connector_id};

impl Station {
    /// The boot was answered (the 2.0.1 status is read as the 1.6 one of the same name).
    pub(super) fn booted(&mut self, now: Now, status: RegistrationStatus, interval_s: u32) {
        let interval = Duration::from_secs(u64::from(interval_s));
        if status != RegistrationStatus::Accepted {
            self.events.push_back(StationEvent::Refused {
                action: "BootNotification",
                status: format!("{status:?}"),
            });
            self.retry_boot(now, interval.max(MIN_BOOT_RETRY));
            return;
        }
        let was_accepted = self.boot == Boot::Accepted;
        self.boot = Boot::Accepted;
        // A later boot on this run is a reconnect, not a power-up or a reset.
        self.boot_reason = v201::BootReason::Unknown;
        if interval_s > 0 {
            self.store
                .set_internal(HEARTBEAT_INTERVAL, interval_s.to_string());
        }
        self.schedule_heartbeat(now);
        if was_accepted {
            return; // a triggered boot: nothing else changes
        }
        self.events.push_back(StationEvent::Booted);
        self.start_programs(now);
        if self.config.scenario.quirky() {
            self.send_station_meter(now);
        }
        for index in 0..self.connectors.len() {
            self.send_status(now, connector_id(index));
            // Stagger the connectors so one station's sessions do not move in lockstep.
            let stagger = Duration::from_millis(100 * index as u64);
            if let Some(after) = self.config.scenario.next_session_after()
                && self.script.is_none()
                && !self.finishing
                && let Session::Idle { next_start } = &mut self.connectors[index].session
            {
                *next_start = Some(now.mono + after + stagger);
            }
        }
    }

    pub(super) fn retry_boot(&mut self, now: Now, after: Duration) {
        self.boot = Boot::Pending {
            retry_at: Some(now.mono + after),
        };
    }

    pub(super) fn schedule_heartbeat(&mut self, now: Now) {
        self.heartbeat_at = match self.store.get_u64(HEARTBEAT_INTERVAL) {
            Some(s) if s > 0 => Some(now.mono + Duration::from_secs(s)),
            _ => None,
        };
    }

    pub(super) fn send_boot(&mut self, now: Now) {
        self.boot = match self.boot {
            Boot::Accepted => Boot::Accepted,
            Boot::Pending { .. } => Boot::Pending { retry_at: None },
        };
        let serial = self.config.id.chars().rev().take(25).collect::<Vec<_>>();
        let serial: String = serial.into_iter().rev().collect();
        if self.is_v201() {
            let request = v201::BootNotificationRequest {
                charging_station: v201::ChargingStation {
                    serial_number: Some(ci(&serial)),
                    model: ci("SimCharger AC22"),
                    modem: None,
                    vendor_name: ci("Switchyard"),
                    firmware_version: Some(ci(concat!("sim-", env!("CARGO_PKG_VERSION")))),
                    custom_data: None,
                },
                reason: self.boot_reason,
                custom_data: None,
            };
            self.send201(now, &request, Purpose::Boot);
            return;
        }
        let request = v16::BootNotificationRequest {
            charge_point_vendor: ci("Switchyard"),
            charge_point_model: ci("SimCharger AC22"),
            charge_point_serial_number: Some(ci(&serial)),
            charge_box_serial_number: None,
            firmware_version: Some(ci(concat!("sim-", env!("CARGO_PKG_VERSION")))),
            iccid: None,
            imsi: None,
            meter_type: Some(ci("SimMeter 3P")),
            meter_serial_number: Some(ci(&serial)),
        };
        self.send(now, &request, Purpose::Boot);
    }

    pub(super) fn send_heartbeat(&mut self, now: Now) {
        if !self.heartbeat_suppressed() {
            self.send_heartbeat_now(now);
        }
        self.schedule_heartbeat(now);
    }

    /// One Heartbeat, whatever the schedule (a script's step, and the timer).
    pub(super) fn send_heartbeat_now(&mut self, now: Now) {
        if self.is_v201() {
            self.send201(now, &v201::HeartbeatRequest::default(), Purpose::Other);
        } else {
            self.send(now, &v16::HeartbeatRequest {}, Purpose::Other);
        }
    }
}
