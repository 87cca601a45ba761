//! Charging profiles ↔ OCPP 1.6 (S16 §7.7–7.10): `connectorId` + `csChargingProfiles`.

use ocpp::Timestamp;
use ocpp::v16;

use crate::commands::CommandError;
use crate::domain::{
    ChargingProfile, ClearCriteria, ProfileKind, ProfilePurpose, RateUnit, RecurrencyKind,
};

/// The 1.6 profile for `profile`; `station_transaction_id` is the station's id of its
/// transaction (a TxProfile's), an integer in 1.6.
pub(super) fn profile(
    profile: &ChargingProfile,
    station_transaction_id: Option<&str>,
) -> Result<v16::ChargingProfile, CommandError> {
    let transaction_id = station_transaction_id
        .map(|id| {
            id.parse::<i32>().map_err(|_| {
                CommandError::Invalid(format!(
                    "the transaction's station id {id:?} is not an OCPP 1.6 transaction id"
                ))
            })
        })
        .transpose()?;
    let schedule = &profile.schedule;
    let periods = schedule
        .periods
        .iter()
        .enumerate()
        .map(|(index, period)| {
            if period.phase_to_use.is_some() {
                return Err(CommandError::Invalid(format!(
                    "schedule.periods[{index}].phase_to_use: OCPP 1.6 has no phaseToUse"
                )));
            }
            Ok(v16::ChargingSchedulePeriod {
                start_period: period.start_period,
                limit: period.limit,
                number_phases: period.number_phases,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(v16::ChargingProfile {
        charging_profile_id: profile.id,
        transaction_id,
        stack_level: profile.stack_level,
        charging_profile_purpose: purpose(profile.purpose),
        charging_profile_kind: match profile.kind {
            ProfileKind::Absolute => v16::ChargingProfileKind::Absolute,
            ProfileKind::Recurring => v16::ChargingProfileKind::Recurring,
            ProfileKind::Relative => v16::ChargingProfileKind::Relative,
        },
        recurrency_kind: profile.recurrency_kind.map(|kind| match kind {
            RecurrencyKind::Daily => v16::RecurrencyKind::Daily,
            RecurrencyKind::Weekly => v16::RecurrencyKind::Weekly,
        }),
        valid_from: profile.valid_from.map(Timestamp),
        valid_to: profile.valid_to.map(Timestamp),
        charging_schedule: v16::ChargingSchedule {
            duration: schedule.duration,
            start_schedule: schedule.start_schedule.map(Timestamp),
            charging_rate_unit: rate_unit(schedule.charging_rate_unit),
            charging_schedule_period: periods,
            min_charging_rate: schedule.min_charging_rate,
        },
    })
}

pub(super) fn clear(criteria: &ClearCriteria) -> v16::ClearChargingProfileRequest {
    v16::ClearChargingProfileRequest {
        id: criteria.id,
        connector_id: criteria.target,
        charging_profile_purpose: criteria.purpose.map(purpose),
        stack_level: criteria.stack_level,
    }
}

pub(super) fn rate_unit(unit: RateUnit) -> v16::ChargingRateUnit {
    match unit {
        RateUnit::A => v16::ChargingRateUnit::A,
        RateUnit::W => v16::ChargingRateUnit::W,
    }
}

fn purpose(purpose: ProfilePurpose) -> v16::ChargingProfilePurpose {
    match purpose {
        ProfilePurpose::ChargePointMaxProfile => v16::ChargingProfilePurpose::ChargePointMaxProfile,
        ProfilePurpose::TxDefaultProfile => v16::ChargingProfilePurpose::TxDefaultProfile,
        ProfilePurpose::TxProfile => v16::ChargingProfilePurpose::TxProfile,
    }
}
