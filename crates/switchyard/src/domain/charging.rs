//! Smart charging profiles, one model for OCPP 1.6 (Smart Charging profile, S16 §3.13 and
//! §7.7–7.10) and 2.0.1 (functional block K, P2-201 K01–K10), and the rules a profile must
//! follow before the system sends it.
//!
//! The version adapters translate: 1.6 `connectorId` and `csChargingProfiles`, 2.0.1 `evseId`
//! and `chargingProfile` with one `chargingSchedule`; `ChargePointMaxProfile` is 2.x's
//! `ChargingStationMaxProfile`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{StationId, Time};

/// 2.0.1 allows 1 to 1024 periods per schedule (ChargingScheduleType); 1.6 stations announce
/// their own, lower limit (ChargingScheduleMaxPeriods).
pub const MAX_PERIODS: usize = 1024;

/// What a profile limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum ProfilePurpose {
    /// The whole station's maximum (2.x: `ChargingStationMaxProfile`, accepted as input too).
    #[serde(alias = "ChargingStationMaxProfile")]
    ChargePointMaxProfile,
    /// The default for new transactions.
    TxDefaultProfile,
    /// One transaction.
    TxProfile,
}

/// How the schedule is anchored in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum ProfileKind {
    /// From `start_schedule`.
    Absolute,
    /// From `start_schedule`, repeating daily or weekly (`recurrency_kind`).
    Recurring,
    /// From the start of the transaction.
    Relative,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum RecurrencyKind {
    Daily,
    Weekly,
}

/// The unit of a schedule's limits: amperes (per phase) or watts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum RateUnit {
    A,
    W,
}

/// One period of a schedule: `limit` from `start_period` seconds until the next period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SchedulePeriod {
    /// Seconds from the start of the schedule; the first period starts at 0.
    pub start_period: u32,
    /// In the schedule's `charging_rate_unit`; at least 0 (1.6 sends one decimal).
    pub limit: f64,
    /// 1 to 3; left out: 3 (AC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 3)]
    pub number_phases: Option<u32>,
    /// 2.x only: the phase (1 to 3) a single-phase period uses; only with `number_phases` 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 3)]
    pub phase_to_use: Option<u32>,
}

/// Limits over time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChargingSchedule {
    /// Required for Absolute and Recurring profiles, absent for Relative ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_schedule: Option<DateTime<Utc>>,
    /// Seconds; left out: the last period lasts until the profile ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    pub charging_rate_unit: RateUnit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_charging_rate: Option<f64>,
    /// 1 to 1024, strictly ascending by `start_period`, the first at 0.
    pub periods: Vec<SchedulePeriod>,
}

/// A charging profile as the operator gives it and the system keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChargingProfile {
    /// The chargingProfileId sent to the station.
    pub id: i32,
    /// 2.x style: the EVSE, 0 = the whole station (the default). Not with `connector_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    /// 1.6 style: the connector, 0 = the whole station. Not with `evse_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<u32>,
    pub stack_level: u32,
    pub purpose: ProfilePurpose,
    pub kind: ProfileKind,
    /// Required with kind Recurring, and only then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrency_kind: Option<RecurrencyKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<DateTime<Utc>>,
    /// The system's transaction id (a TxProfile only; the transaction must be active on the
    /// station). The station is sent its own id for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<i64>,
    pub schedule: ChargingSchedule,
}

/// Why a profile cannot be sent; each message names the field (400 in the API).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("give evse_id or connector_id, not both")]
    EvseAndConnector,
    #[error("the profile id must not be negative")]
    NegativeId,
    #[error("a ChargePointMaxProfile applies to the whole station: evse_id/connector_id must be 0")]
    MaxProfileNotOnStation,
    #[error("a TxProfile applies to one EVSE/connector: evse_id/connector_id must be at least 1")]
    TxProfileOnStation,
    #[error("transaction_id is only for a TxProfile")]
    TransactionNotTxProfile,
    #[error("a Recurring profile needs recurrency_kind (Daily or Weekly)")]
    RecurrencyMissing,
    #[error("recurrency_kind is only for a Recurring profile")]
    RecurrencyNotRecurring,
    #[error("an {0:?} profile needs schedule.start_schedule")]
    StartScheduleMissing(ProfileKind),
    #[error("a Relative profile starts with the transaction: leave schedule.start_schedule out")]
    RelativeWithStart,
    #[error("valid_from must be before valid_to")]
    ValidityEmpty,
    #[error("schedule.periods must not be empty")]
    NoPeriods,
    #[error("schedule.periods has {0} periods; at most {MAX_PERIODS}")]
    TooManyPeriods(usize),
    #[error("schedule.periods[0].start_period must be 0")]
    FirstPeriodNotAtZero,
    #[error(
        "schedule.periods must be strictly ascending by start_period: \
         periods[{index}] starts at {start}, not after {previous}"
    )]
    PeriodsNotAscending {
        index: usize,
        start: u32,
        previous: u32,
    },
    #[error("schedule.periods[{index}].start_period {start} is not within duration {duration}")]
    PeriodAfterDuration {
        index: usize,
        start: u32,
        duration: u32,
    },
    #[error("schedule.periods[{0}].limit must be a number of at least 0")]
    NegativeLimit(usize),
    #[error("schedule.periods[{0}].number_phases must be 1, 2 or 3")]
    BadPhases(usize),
    #[error("schedule.periods[{0}].phase_to_use must be 1, 2 or 3, and only with number_phases 1")]
    BadPhaseToUse(usize),
    #[error("schedule.min_charging_rate must be a number of at least 0")]
    NegativeMinRate,
}

impl ChargingProfile {
    /// Where the profile applies: 0 is the whole station (1.6 connectorId, 2.x evseId).
    pub fn target(&self) -> u32 {
        self.evse_id.or(self.connector_id).unwrap_or(0)
    }

    /// The rules of S16 §3.13 / §7.8–7.10 and P2-201 K01 that the system itself can check.
    pub fn validate(&self) -> Result<(), ProfileError> {
        if self.evse_id.is_some() && self.connector_id.is_some() {
            return Err(ProfileError::EvseAndConnector);
        }
        if self.id < 0 {
            return Err(ProfileError::NegativeId);
        }
        let target = self.target();
        match self.purpose {
            // S16 §3.13.1 and K01.FR.38: the station maximum lives on connector/EVSE 0 only.
            ProfilePurpose::ChargePointMaxProfile if target != 0 => {
                return Err(ProfileError::MaxProfileNotOnStation);
            }
            // S16 §5.16.1 and K01.FR.16: a TxProfile belongs to a transaction on one EVSE.
            ProfilePurpose::TxProfile if target == 0 => {
                return Err(ProfileError::TxProfileOnStation);
            }
            _ => {}
        }
        if self.transaction_id.is_some() && self.purpose != ProfilePurpose::TxProfile {
            return Err(ProfileError::TransactionNotTxProfile);
        }
        match (self.kind, self.recurrency_kind) {
            (ProfileKind::Recurring, None) => return Err(ProfileError::RecurrencyMissing),
            (ProfileKind::Absolute | ProfileKind::Relative, Some(_)) => {
                return Err(ProfileError::RecurrencyNotRecurring);
            }
            _ => {}
        }
        // K01.FR.40/41: Absolute and Recurring schedules have a start, Relative ones do not
        // (1.6 reads a missing start as "relative", which is what Relative is for).
        match (self.kind, self.schedule.start_schedule) {
            (ProfileKind::Relative, Some(_)) => return Err(ProfileError::RelativeWithStart),
            (kind @ (ProfileKind::Absolute | ProfileKind::Recurring), None) => {
                return Err(ProfileError::StartScheduleMissing(kind));
            }
            _ => {}
        }
        if let (Some(from), Some(to)) = (self.valid_from, self.valid_to)
            && from >= to
        {
            return Err(ProfileError::ValidityEmpty);
        }
        self.schedule.validate()
    }

    /// Whether two profiles compete for the same slot at the station: same place, purpose and
    /// stack level (and transaction), with overlapping validity. A station keeps only one of
    /// them (S16 §3.13.2 replaces it; 2.0.1 K01.FR.39 rejects the second).
    pub fn collides_with(&self, other: &ChargingProfile) -> bool {
        let overlap = |a_from: Option<Time>, a_to: Option<Time>, b_from, b_to| {
            let starts_before_b_ends = match (a_from, b_to) {
                (Some(from), Some(to)) => from < to,
                _ => true,
            };
            let ends_after_b_starts = match (a_to, b_from) {
                (Some(to), Some(from)) => to > from,
                _ => true,
            };
            starts_before_b_ends && ends_after_b_starts
        };
        self.id != other.id
            && self.target() == other.target()
            && self.purpose == other.purpose
            && self.stack_level == other.stack_level
            && self.transaction_id == other.transaction_id
            && overlap(
                self.valid_from,
                self.valid_to,
                other.valid_from,
                other.valid_to,
            )
    }
}

impl ChargingSchedule {
    pub fn validate(&self) -> Result<(), ProfileError> {
        let periods = &self.periods;
        if periods.is_empty() {
            return Err(ProfileError::NoPeriods);
        }
        if periods.len() > MAX_PERIODS {
            return Err(ProfileError::TooManyPeriods(periods.len()));
        }
        if periods[0].start_period != 0 {
            return Err(ProfileError::FirstPeriodNotAtZero);
        }
        for (index, pair) in periods.windows(2).enumerate() {
            let (previous, next) = (pair[0].start_period, pair[1].start_period);
            if next <= previous {
                return Err(ProfileError::PeriodsNotAscending {
                    index: index + 1,
                    start: next,
                    previous,
                });
            }
        }
        for (index, period) in periods.iter().enumerate() {
            if let Some(duration) = self.duration
                && period.start_period >= duration
                && index > 0
            {
                return Err(ProfileError::PeriodAfterDuration {
                    index,
                    start: period.start_period,
                    duration,
                });
            }
            if !(period.limit.is_finite() && period.limit >= 0.0) {
                return Err(ProfileError::NegativeLimit(index));
            }
            if period.number_phases.is_some_and(|n| !(1..=3).contains(&n)) {
                return Err(ProfileError::BadPhases(index));
            }
            if let Some(phase) = period.phase_to_use
                && (!(1..=3).contains(&phase) || period.number_phases != Some(1))
            {
                return Err(ProfileError::BadPhaseToUse(index));
            }
        }
        if self
            .min_charging_rate
            .is_some_and(|rate| !(rate.is_finite() && rate >= 0.0))
        {
            return Err(ProfileError::NegativeMinRate);
        }
        Ok(())
    }
}

/// Which profiles a ClearChargingProfile removes at the station: every given field narrows
/// the selection (S16 §6.13; P2-201 K10). By id alone, or by the other fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClearCriteria {
    pub id: Option<i32>,
    /// 0 is the whole station (1.6 connectorId, 2.x evseId).
    pub target: Option<u32>,
    pub purpose: Option<ProfilePurpose>,
    pub stack_level: Option<u32>,
}

impl ClearCriteria {
    /// Whether a kept profile is among those the station removes.
    pub fn matches(&self, profile: &ChargingProfile) -> bool {
        self.id.is_none_or(|id| id == profile.id)
            && self.target.is_none_or(|t| t == profile.target())
            && self.purpose.is_none_or(|p| p == profile.purpose)
            && self.stack_level.is_none_or(|s| s == profile.stack_level)
    }
}

/// Where a kept profile stands with its station.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProfileState {
    /// Not yet answered: the station was offline or did not answer; sent after its next boot.
    Pending,
    /// The station accepted it.
    Accepted,
    /// The station refused it (Rejected, NotSupported or a CALLERROR), or its version cannot
    /// carry it: not sent again until it is put again.
    Rejected,
    /// Deleted while the station was offline: ClearChargingProfile goes out after its next
    /// boot, then the profile is forgotten.
    Cleared,
}

impl ProfileState {
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileState::Pending => "pending",
            ProfileState::Accepted => "accepted",
            ProfileState::Rejected => "rejected",
            ProfileState::Cleared => "cleared",
        }
    }

    pub fn parse(text: &str) -> Option<ProfileState> {
        match text {
            "pending" => Some(ProfileState::Pending),
            "accepted" => Some(ProfileState::Accepted),
            "rejected" => Some(ProfileState::Rejected),
            "cleared" => Some(ProfileState::Cleared),
            _ => None,
        }
    }

    /// The state a station's answer to SetChargingProfile leads to.
    pub fn from_answer(status: &str) -> ProfileState {
        match status {
            "Accepted" => ProfileState::Accepted,
            _ => ProfileState::Rejected,
        }
    }
}

/// A profile the system keeps for a station, with what the station last said of it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptProfile {
    pub station_id: StationId,
    pub profile: ChargingProfile,
    pub state: ProfileState,
    /// The station's last answer: its status (`Accepted`, `Rejected`, `NotSupported`), the
    /// code of its CALLERROR, or `NotExpressible` (its version cannot carry the profile).
    pub last_status: Option<String>,
    /// The station's last answer payload as JSON text (a CALLERROR as `{"error_code",
    /// "description", "details"}`).
    pub last_response: Option<String>,
    /// When the profile was last put (or deleted, for `Cleared`).
    pub updated_at: Time,
    /// When the station last answered about it.
    pub answered_at: Option<Time>,
}

/// A station's answer about a kept profile, recorded only if the profile is still the one
/// that was sent.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileAnswer {
    pub state: ProfileState,
    pub status: String,
    pub response: String,
    pub at: Time,
}

#[cfg(test)]
impl ChargingProfile {
    /// A valid Recurring TxDefaultProfile on EVSE 1, for tests elsewhere.
    pub(crate) fn sample() -> ChargingProfile {
        use chrono::TimeZone;
        let at = |hour| Utc.with_ymd_and_hms(2026, 3, 1, hour, 0, 0).unwrap();
        ChargingProfile {
            id: 12,
            evse_id: Some(1),
            connector_id: None,
            stack_level: 3,
            purpose: ProfilePurpose::TxDefaultProfile,
            kind: ProfileKind::Recurring,
            recurrency_kind: Some(RecurrencyKind::Daily),
            valid_from: Some(at(0)),
            valid_to: Some(at(23)),
            transaction_id: None,
            schedule: ChargingSchedule {
                start_schedule: Some(at(6)),
                duration: Some(7200),
                charging_rate_unit: RateUnit::W,
                min_charging_rate: Some(1400.04),
                periods: vec![
                    SchedulePeriod {
                        start_period: 0,
                        limit: 11000.04,
                        number_phases: Some(3),
                        phase_to_use: None,
                    },
                    SchedulePeriod {
                        start_period: 1800,
                        limit: 3680.0,
                        number_phases: Some(1),
                        phase_to_use: None,
                    },
                ],
            },
        }
    }
}

#[cfg(test)]
mod tests;
