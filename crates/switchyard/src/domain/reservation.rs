//! Reservations (1.6 Reservation profile, 2.0.1 functional block H), version-neutral.
//!
//! A reservation's id is the integer `reservationId` the station gets (2.0.1: `id`); it is
//! unique system-wide and fits the 32-bit signed integer both versions send it in.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{StationId, Time};

/// Where a reservation stands. A station's answer other than `Accepted` is kept as its
/// lowercase name (`rejected`, `occupied`, `faulted`, `unavailable`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ReservationStatus {
    /// Accepted by the station, not used, cancelled or expired yet.
    Active,
    /// A transaction started with it (`transaction_id` says which).
    Used,
    Cancelled,
    Expired,
    Rejected,
    Occupied,
    Faulted,
    Unavailable,
}

impl ReservationStatus {
    pub const ALL: [ReservationStatus; 8] = [
        ReservationStatus::Active,
        ReservationStatus::Used,
        ReservationStatus::Cancelled,
        ReservationStatus::Expired,
        ReservationStatus::Rejected,
        ReservationStatus::Occupied,
        ReservationStatus::Faulted,
        ReservationStatus::Unavailable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReservationStatus::Active => "active",
            ReservationStatus::Used => "used",
            ReservationStatus::Cancelled => "cancelled",
            ReservationStatus::Expired => "expired",
            ReservationStatus::Rejected => "rejected",
            ReservationStatus::Occupied => "occupied",
            ReservationStatus::Faulted => "faulted",
            ReservationStatus::Unavailable => "unavailable",
        }
    }

    pub fn parse(text: &str) -> Option<ReservationStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// What the station's ReserveNow answer makes of a reservation (1.6 ReservationStatus,
    /// 2.0.1 ReserveNowStatusEnumType: the same five words). An answer outside them is not an
    /// acceptance, so it counts as `rejected`.
    pub fn from_answer(status: &str) -> ReservationStatus {
        match status {
            "Accepted" => ReservationStatus::Active,
            "Occupied" => ReservationStatus::Occupied,
            "Faulted" => ReservationStatus::Faulted,
            "Unavailable" => ReservationStatus::Unavailable,
            _ => ReservationStatus::Rejected,
        }
    }
}

/// A reservation as the system keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReservationRecord {
    pub id: i64,
    pub station_id: StationId,
    /// The reserved EVSE (1.6: the connector's number); `None`: any, or the whole station.
    pub evse_id: Option<u32>,
    /// 0: the whole station (1.6) or the whole EVSE (2.x).
    pub connector_id: u32,
    pub id_tag: String,
    /// 1.6 parentIdTag; 2.0.1 groupIdToken.
    pub parent_id_tag: Option<String>,
    /// 2.x only: the idToken's type (IdTokenEnumType; `None`: `Central`).
    pub id_token_type: Option<String>,
    /// 2.x only: the connector type asked for (ConnectorEnumType, H01 S3).
    pub connector_type: Option<String>,
    pub expires_at: Time,
    pub status: ReservationStatus,
    /// The system's id of the transaction that used it.
    pub transaction_id: Option<i64>,
    pub created_at: Time,
    pub updated_at: Time,
}

impl ReservationRecord {
    /// The record as it reads at `now`: an active reservation past its expiry is expired
    /// (the station drops it then: S16 §5.13, H01.FR.23), whether or not anyone swept it.
    pub fn as_of(mut self, now: Time) -> ReservationRecord {
        if self.status == ReservationStatus::Active && self.expires_at <= now {
            self.status = ReservationStatus::Expired;
        }
        self
    }

    pub fn is_active(&self, now: Time) -> bool {
        self.status == ReservationStatus::Active && self.expires_at > now
    }
}

/// A reservation about to be sent to the station.
#[derive(Clone, Debug, PartialEq)]
pub struct NewReservation {
    pub station_id: StationId,
    pub target: ReservationTarget,
    pub id_tag: String,
    pub parent_id_tag: Option<String>,
    pub id_token_type: Option<String>,
    pub connector_type: Option<String>,
    pub expires_at: Time,
    pub created_at: Time,
}

/// What a station reported of one of its reservations (2.0.1 ReservationStatusUpdate).
#[derive(Clone, Debug, PartialEq)]
pub struct ReservationUpdate {
    pub station_id: StationId,
    pub reservation_id: i64,
    /// `Expired` or, for a removed one, `Cancelled`.
    pub status: ReservationStatus,
    pub received_at: Time,
}

/// What a reservation is for, normalised for the station's OCPP version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReservationTarget {
    pub evse_id: Option<u32>,
    pub connector_id: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error(
        "in OCPP 1.6 the EVSE and the connector are one number: evse_id {evse_id} and \
         connector_id {connector_id} differ"
    )]
    Differs { evse_id: u32, connector_id: u32 },
    #[error(
        "OCPP 2.x reserves a whole EVSE (or any EVSE), not one connector: leave connector_id \
         out or 0 when giving evse_id"
    )]
    ConnectorOfEvse,
}

impl ReservationTarget {
    /// The request's `evse_id` and `connector_id` (0 or absent: the whole station), read for
    /// `version`:
    /// - 1.6 numbers connectors only, so either field names it and both must agree.
    /// - 2.x ReserveNow names an EVSE or none (H01); a connector alone is read as the EVSE of
    ///   that number, as the 1.6-minded commands of the API do.
    pub fn new(
        version: ocpp::Version,
        evse_id: Option<u32>,
        connector_id: Option<u32>,
    ) -> Result<ReservationTarget, TargetError> {
        let numbered = |n: u32| (n > 0).then_some(n);
        if version == ocpp::Version::V16 {
            let connector = match (evse_id, connector_id) {
                (Some(e), Some(c)) if e != c => {
                    return Err(TargetError::Differs {
                        evse_id: e,
                        connector_id: c,
                    });
                }
                (Some(n), _) | (None, Some(n)) => n,
                (None, None) => 0,
            };
            return Ok(ReservationTarget {
                evse_id: numbered(connector),
                connector_id: connector,
            });
        }
        match (evse_id.and_then(numbered), connector_id.unwrap_or(0)) {
            (Some(_), c) if c > 0 => Err(TargetError::ConnectorOfEvse),
            (Some(evse), _) => Ok(ReservationTarget {
                evse_id: Some(evse),
                connector_id: 0,
            }),
            (None, c) => Ok(ReservationTarget {
                evse_id: numbered(c),
                connector_id: 0,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};
    use ocpp::Version;

    use super::*;

    fn record(status: ReservationStatus, expires_in_s: i64) -> (ReservationRecord, Time) {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        let record = ReservationRecord {
            id: 1,
            station_id: StationId::new("CP-1").unwrap(),
            evse_id: Some(1),
            connector_id: 1,
            id_tag: "TAG".into(),
            parent_id_tag: None,
            id_token_type: None,
            connector_type: None,
            expires_at: now + Duration::seconds(expires_in_s),
            status,
            transaction_id: None,
            created_at: now,
            updated_at: now,
        };
        (record, now)
    }

    #[test]
    fn statuses_round_trip_and_answers_map() {
        for status in ReservationStatus::ALL {
            assert_eq!(ReservationStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ReservationStatus::parse("Active"), None);
        let answers = [
            ("Accepted", ReservationStatus::Active),
            ("Occupied", ReservationStatus::Occupied),
            ("Faulted", ReservationStatus::Faulted),
            ("Unavailable", ReservationStatus::Unavailable),
            ("Rejected", ReservationStatus::Rejected),
            ("Bogus", ReservationStatus::Rejected),
        ];
        for (answer, status) in answers {
            assert_eq!(ReservationStatus::from_answer(answer), status, "{answer}");
        }
    }

    #[test]
    fn an_active_reservation_past_expiry_reads_expired() {
        let (active, now) = record(ReservationStatus::Active, 60);
        assert!(active.is_active(now));
        assert_eq!(active.clone().as_of(now).status, ReservationStatus::Active);
        let later = now + Duration::seconds(60);
        assert!(!active.is_active(later));
        assert_eq!(active.as_of(later).status, ReservationStatus::Expired);
        // Only active ones expire: a used or rejected one keeps its status.
        let (used, now) = record(ReservationStatus::Used, -60);
        assert_eq!(used.as_of(now).status, ReservationStatus::Used);
        let (rejected, now) = record(ReservationStatus::Rejected, -60);
        assert_eq!(rejected.as_of(now).status, ReservationStatus::Rejected);
    }

    #[test]
    fn targets_in_1_6_are_connectors() {
        let target = |e, c| ReservationTarget::new(Version::V16, e, c);
        let whole = ReservationTarget {
            evse_id: None,
            connector_id: 0,
        };
        let second = ReservationTarget {
            evse_id: Some(2),
            connector_id: 2,
        };
        assert_eq!(target(None, None), Ok(whole));
        assert_eq!(target(None, Some(0)), Ok(whole));
        assert_eq!(target(Some(0), Some(0)), Ok(whole));
        assert_eq!(target(None, Some(2)), Ok(second));
        assert_eq!(target(Some(2), None), Ok(second));
        assert_eq!(target(Some(2), Some(2)), Ok(second));
        assert_eq!(
            target(Some(1), Some(2)),
            Err(TargetError::Differs {
                evse_id: 1,
                connector_id: 2
            })
        );
    }

    #[test]
    fn targets_in_2_0_1_are_evses() {
        let target = |e, c| ReservationTarget::new(Version::V201, e, c);
        let any = ReservationTarget {
            evse_id: None,
            connector_id: 0,
        };
        let evse = |n| ReservationTarget {
            evse_id: Some(n),
            connector_id: 0,
        };
        assert_eq!(target(None, None), Ok(any));
        assert_eq!(target(Some(0), None), Ok(any));
        assert_eq!(target(None, Some(0)), Ok(any));
        assert_eq!(target(Some(2), None), Ok(evse(2)));
        assert_eq!(target(Some(2), Some(0)), Ok(evse(2)));
        assert_eq!(target(None, Some(3)), Ok(evse(3)));
        assert_eq!(target(Some(2), Some(1)), Err(TargetError::ConnectorOfEvse));
    }
}
