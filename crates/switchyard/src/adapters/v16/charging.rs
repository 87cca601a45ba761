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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::adapters::VersionAdapter;
    use crate::adapters::v16::V16;
    use crate::commands::{Command, CommandError};
    use crate::domain::{ChargingProfile, ClearCriteria, ProfilePurpose, RateUnit};

    fn encode(command: Command) -> (String, serde_json::Value) {
        let (action, payload, _) = V16.encode_command(&command, 1).unwrap();
        let parsed = ocpp::v16::Action::parse(&action).unwrap();
        ocpp::v16::validate_request(parsed, payload.get()).unwrap();
        (action, serde_json::from_str(payload.get()).unwrap())
    }

    #[test]
    fn set_charging_profile_is_connector_and_cs_charging_profiles() {
        let (action, payload) = encode(Command::SetChargingProfile {
            profile: Box::new(ChargingProfile::sample()),
            station_transaction_id: None,
        });
        assert_eq!(action, "SetChargingProfile");
        assert_eq!(
            payload,
            json!({"connectorId": 1, "csChargingProfiles": {
                "chargingProfileId": 12, "stackLevel": 3,
                "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Recurring", "recurrencyKind": "Daily",
                "validFrom": "2026-03-01T00:00:00.000Z", "validTo": "2026-03-01T23:00:00.000Z",
                "chargingSchedule": {
                    "duration": 7200, "startSchedule": "2026-03-01T06:00:00.000Z",
                    "chargingRateUnit": "W", "minChargingRate": 1400.0,
                    "chargingSchedulePeriod": [
                        {"startPeriod": 0, "limit": 11000.0, "numberPhases": 3},
                        {"startPeriod": 1800, "limit": 3680.0, "numberPhases": 1}]}}})
        );
        let mut tx = ChargingProfile::sample();
        tx.purpose = ProfilePurpose::TxProfile;
        tx.transaction_id = Some(99);
        let (_, payload) = encode(Command::SetChargingProfile {
            profile: Box::new(tx.clone()),
            station_transaction_id: Some("41".into()),
        });
        assert_eq!(payload["csChargingProfiles"]["transactionId"], 41);
        let not_a_number = V16.encode_command(
            &Command::SetChargingProfile {
                profile: Box::new(tx),
                station_transaction_id: Some("abc".into()),
            },
            1,
        );
        assert!(matches!(not_a_number, Err(CommandError::Invalid(_))));
    }

    #[test]
    fn station_max_profile_keeps_its_1_6_name() {
        let mut max = ChargingProfile::sample();
        max.evse_id = Some(0);
        max.purpose = ProfilePurpose::ChargePointMaxProfile;
        let (_, payload) = encode(Command::SetChargingProfile {
            profile: Box::new(max),
            station_transaction_id: None,
        });
        assert_eq!(payload["connectorId"], 0);
        assert_eq!(
            payload["csChargingProfiles"]["chargingProfilePurpose"],
            "ChargePointMaxProfile"
        );
    }

    #[test]
    fn clear_composite_and_remote_start() {
        let (action, payload) = encode(Command::ClearChargingProfile {
            criteria: ClearCriteria {
                id: Some(3),
                ..ClearCriteria::default()
            },
        });
        assert_eq!(
            (action.as_str(), payload),
            ("ClearChargingProfile", json!({"id": 3}))
        );
        let (_, payload) = encode(Command::ClearChargingProfile {
            criteria: ClearCriteria {
                id: None,
                target: Some(1),
                purpose: Some(ProfilePurpose::TxDefaultProfile),
                stack_level: Some(2),
            },
        });
        assert_eq!(
            payload,
            json!({"connectorId": 1, "chargingProfilePurpose": "TxDefaultProfile", "stackLevel": 2})
        );
        let (action, payload) = encode(Command::GetCompositeSchedule {
            target: 0,
            duration_s: 3600,
            charging_rate_unit: Some(RateUnit::A),
        });
        assert_eq!(
            (action.as_str(), payload),
            (
                "GetCompositeSchedule",
                json!({"connectorId": 0, "duration": 3600, "chargingRateUnit": "A"})
            )
        );
        let mut tx = ChargingProfile::sample();
        tx.purpose = ProfilePurpose::TxProfile;
        let (_, payload) = encode(Command::RemoteStart {
            evse_id: None,
            connector_id: Some(1),
            id_tag: "CARD".into(),
            charging_profile: Some(Box::new(tx)),
        });
        assert_eq!(
            payload["chargingProfile"]["chargingProfilePurpose"],
            "TxProfile"
        );
        assert!(payload["chargingProfile"].get("transactionId").is_none());
    }

    #[test]
    fn phase_to_use_is_not_1_6() {
        let mut profile = ChargingProfile::sample();
        profile.schedule.periods[1].phase_to_use = Some(2);
        let result = V16.encode_command(
            &Command::SetChargingProfile {
                profile: Box::new(profile),
                station_transaction_id: None,
            },
            1,
        );
        assert!(matches!(result, Err(CommandError::Invalid(m)) if m.contains("phaseToUse")));
    }
}
