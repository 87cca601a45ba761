//! Charging profiles ↔ OCPP 2.0.1 (P2-201 K01, K05, K08, K10): `evseId` + `chargingProfile`
//! with one `chargingSchedule`.

use ocpp::Timestamp;
use ocpp::v201;

use super::super::limited;
use crate::commands::CommandError;
use crate::domain::{
    ChargingProfile, ClearCriteria, ProfileKind, ProfilePurpose, RateUnit, RecurrencyKind,
};

/// The 2.0.1 profile for `profile`; `station_transaction_id` is the station's transactionId
/// of its transaction (a TxProfile's).
pub(super) fn profile(
    profile: &ChargingProfile,
    station_transaction_id: Option<&str>,
) -> Result<v201::ChargingProfile, CommandError> {
    // K01.FR.03: a TxProfile sent by SetChargingProfile names its transaction; only the one
    // in RequestStartTransaction (K05) has none yet.
    let schedule = &profile.schedule;
    Ok(v201::ChargingProfile {
        id: profile.id,
        stack_level: profile.stack_level,
        charging_profile_purpose: purpose(profile.purpose),
        charging_profile_kind: match profile.kind {
            ProfileKind::Absolute => v201::ChargingProfileKind::Absolute,
            ProfileKind::Recurring => v201::ChargingProfileKind::Recurring,
            ProfileKind::Relative => v201::ChargingProfileKind::Relative,
        },
        recurrency_kind: profile.recurrency_kind.map(|kind| match kind {
            RecurrencyKind::Daily => v201::RecurrencyKind::Daily,
            RecurrencyKind::Weekly => v201::RecurrencyKind::Weekly,
        }),
        valid_from: profile.valid_from.map(Timestamp),
        valid_to: profile.valid_to.map(Timestamp),
        // One schedule per profile; its id only has to be unique within the profile.
        charging_schedule: vec![v201::ChargingSchedule {
            id: profile.id,
            start_schedule: schedule.start_schedule.map(Timestamp),
            duration: schedule.duration,
            charging_rate_unit: rate_unit(schedule.charging_rate_unit),
            charging_schedule_period: schedule
                .periods
                .iter()
                .map(|period| v201::ChargingSchedulePeriod {
                    start_period: period.start_period,
                    limit: period.limit,
                    number_phases: period.number_phases,
                    phase_to_use: period.phase_to_use,
                    custom_data: None,
                })
                .collect(),
            min_charging_rate: schedule.min_charging_rate,
            sales_tariff: None,
            custom_data: None,
        }],
        transaction_id: station_transaction_id
            .map(|id| limited("transaction_id", id))
            .transpose()?,
        custom_data: None,
    })
}

/// K01.FR.03 (a TxProfile names its transaction) for SetChargingProfile.
pub(super) fn check_transaction(
    profile: &ChargingProfile,
    station_transaction_id: Option<&str>,
) -> Result<(), CommandError> {
    if profile.purpose == ProfilePurpose::TxProfile && station_transaction_id.is_none() {
        return Err(CommandError::Invalid(
            "OCPP 2.0.1 needs the transaction of a TxProfile: give transaction_id".into(),
        ));
    }
    Ok(())
}

/// K10: by id alone, or by criteria.
pub(super) fn clear(criteria: &ClearCriteria) -> v201::ClearChargingProfileRequest {
    let by_criteria =
        criteria.target.is_some() || criteria.purpose.is_some() || criteria.stack_level.is_some();
    v201::ClearChargingProfileRequest {
        charging_profile_id: criteria.id,
        charging_profile_criteria: by_criteria.then(|| v201::ClearChargingProfile {
            evse_id: criteria.target,
            charging_profile_purpose: criteria.purpose.map(purpose),
            stack_level: criteria.stack_level,
            custom_data: None,
        }),
        custom_data: None,
    }
}

/// K09's selection: purpose, stack level, ids, limit sources (`EMS`, `Other`, `SO`, `CSO`).
pub(super) fn criterion(
    purpose: Option<ProfilePurpose>,
    stack_level: Option<u32>,
    ids: &[i32],
    sources: &[String],
) -> Result<v201::ChargingProfileCriterion, CommandError> {
    let charging_limit_source = sources
        .iter()
        .map(|source| {
            serde_json::from_value(serde_json::Value::String(source.clone())).map_err(|_| {
                CommandError::Invalid(format!(
                    "unknown charging limit source {source:?} (EMS, Other, SO, CSO)"
                ))
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(v201::ChargingProfileCriterion {
        charging_profile_purpose: purpose.map(self::purpose),
        stack_level,
        charging_profile_id: ids.to_vec(),
        charging_limit_source,
        custom_data: None,
    })
}

pub(super) fn rate_unit(unit: RateUnit) -> v201::ChargingRateUnit {
    match unit {
        RateUnit::A => v201::ChargingRateUnit::A,
        RateUnit::W => v201::ChargingRateUnit::W,
    }
}

fn purpose(purpose: ProfilePurpose) -> v201::ChargingProfilePurpose {
    match purpose {
        ProfilePurpose::ChargePointMaxProfile => {
            v201::ChargingProfilePurpose::ChargingStationMaxProfile
        }
        ProfilePurpose::TxDefaultProfile => v201::ChargingProfilePurpose::TxDefaultProfile,
        ProfilePurpose::TxProfile => v201::ChargingProfilePurpose::TxProfile,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::adapters::VersionAdapter;
    use crate::adapters::v201::V201;
    use crate::commands::{Command, CommandError};
    use crate::domain::{ChargingProfile, ClearCriteria, ProfilePurpose, RateUnit};

    fn encode(command: Command) -> (String, serde_json::Value) {
        let (action, payload, _) = V201.encode_command(&command, 1).unwrap();
        let parsed = ocpp::v201::Action::parse(&action).unwrap();
        ocpp::v201::validate_request(parsed, payload.get()).unwrap();
        (action, serde_json::from_str(payload.get()).unwrap())
    }

    #[test]
    fn set_charging_profile_is_evse_and_one_schedule() {
        let mut profile = ChargingProfile::sample();
        profile.schedule.periods[1].phase_to_use = Some(2);
        let (action, payload) = encode(Command::SetChargingProfile {
            profile: Box::new(profile),
            station_transaction_id: None,
        });
        assert_eq!(action, "SetChargingProfile");
        assert_eq!(
            payload,
            json!({"evseId": 1, "chargingProfile": {
                "id": 12, "stackLevel": 3, "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Recurring", "recurrencyKind": "Daily",
                "validFrom": "2026-03-01T00:00:00.000Z", "validTo": "2026-03-01T23:00:00.000Z",
                "chargingSchedule": [{
                    "id": 12, "startSchedule": "2026-03-01T06:00:00.000Z", "duration": 7200,
                    "chargingRateUnit": "W", "minChargingRate": 1400.04,
                    "chargingSchedulePeriod": [
                        {"startPeriod": 0, "limit": 11000.04, "numberPhases": 3},
                        {"startPeriod": 1800, "limit": 3680.0, "numberPhases": 1,
                         "phaseToUse": 2}]}]}})
        );
    }

    #[test]
    fn station_max_profile_and_tx_profiles() {
        let mut max = ChargingProfile::sample();
        max.evse_id = None;
        max.purpose = ProfilePurpose::ChargePointMaxProfile;
        let (_, payload) = encode(Command::SetChargingProfile {
            profile: Box::new(max),
            station_transaction_id: None,
        });
        assert_eq!(payload["evseId"], 0);
        assert_eq!(
            payload["chargingProfile"]["chargingProfilePurpose"],
            "ChargingStationMaxProfile"
        );
        let mut tx = ChargingProfile::sample();
        tx.purpose = ProfilePurpose::TxProfile;
        tx.transaction_id = Some(5);
        let (_, payload) = encode(Command::SetChargingProfile {
            profile: Box::new(tx.clone()),
            station_transaction_id: Some("tx-abc".into()),
        });
        assert_eq!(payload["chargingProfile"]["transactionId"], "tx-abc");
        // K01.FR.03: not without its transaction.
        let without = V201.encode_command(
            &Command::SetChargingProfile {
                profile: Box::new(tx.clone()),
                station_transaction_id: None,
            },
            1,
        );
        assert!(matches!(without, Err(CommandError::Invalid(_))));
        // K05: but a remote start's TxProfile has none yet.
        tx.transaction_id = None;
        let (action, payload) = encode(Command::RemoteStart {
            evse_id: Some(1),
            connector_id: None,
            id_tag: "APP".into(),
            charging_profile: Some(Box::new(tx)),
        });
        assert_eq!(action, "RequestStartTransaction");
        assert_eq!(payload["chargingProfile"]["id"], 12);
        assert!(payload["chargingProfile"].get("transactionId").is_none());
    }

    #[test]
    fn get_charging_profiles_selects_by_criteria() {
        let (action, payload) = encode(Command::GetChargingProfiles {
            evse_id: Some(0),
            purpose: Some(ProfilePurpose::ChargePointMaxProfile),
            stack_level: Some(1),
            profile_ids: vec![7],
            limit_sources: vec!["SO".into()],
        });
        assert_eq!(action, "GetChargingProfiles");
        assert_eq!(
            payload,
            json!({"requestId": 1, "evseId": 0, "chargingProfile": {
                "chargingProfilePurpose": "ChargingStationMaxProfile", "stackLevel": 1,
                "chargingProfileId": [7], "chargingLimitSource": ["SO"]}})
        );
        let (_, payload) = encode(Command::GetChargingProfiles {
            evse_id: None,
            purpose: None,
            stack_level: None,
            profile_ids: Vec::new(),
            limit_sources: Vec::new(),
        });
        assert_eq!(payload, json!({"requestId": 1, "chargingProfile": {}}));
        let unknown = V201.encode_command(
            &Command::GetChargingProfiles {
                evse_id: None,
                purpose: None,
                stack_level: None,
                profile_ids: Vec::new(),
                limit_sources: vec!["Grid".into()],
            },
            1,
        );
        assert!(matches!(unknown, Err(CommandError::Invalid(_))));
    }

    #[test]
    fn clear_by_id_or_criteria_and_composite_schedule() {
        let (_, payload) = encode(Command::ClearChargingProfile {
            criteria: ClearCriteria {
                id: Some(3),
                ..ClearCriteria::default()
            },
        });
        assert_eq!(payload, json!({"chargingProfileId": 3}));
        let (_, payload) = encode(Command::ClearChargingProfile {
            criteria: ClearCriteria {
                id: None,
                target: Some(0),
                purpose: Some(ProfilePurpose::ChargePointMaxProfile),
                stack_level: None,
            },
        });
        assert_eq!(
            payload,
            json!({"chargingProfileCriteria": {"evseId": 0,
                "chargingProfilePurpose": "ChargingStationMaxProfile"}})
        );
        let (action, payload) = encode(Command::GetCompositeSchedule {
            target: 1,
            duration_s: 600,
            charging_rate_unit: Some(RateUnit::W),
        });
        assert_eq!(
            (action.as_str(), payload),
            (
                "GetCompositeSchedule",
                json!({"duration": 600, "chargingRateUnit": "W", "evseId": 1})
            )
        );
    }
}
