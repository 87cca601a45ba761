//! Profile validation: every rule with its message, and period ordering as a property.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use serde_json::json;

use super::*;

fn time(hour: u32) -> Time {
    Utc.with_ymd_and_hms(2026, 3, 1, hour, 0, 0).unwrap()
}

fn period(start_period: u32, limit: f64) -> SchedulePeriod {
    SchedulePeriod {
        start_period,
        limit,
        number_phases: None,
        phase_to_use: None,
    }
}

/// A valid TxDefaultProfile on EVSE 1.
fn profile() -> ChargingProfile {
    ChargingProfile {
        id: 7,
        evse_id: Some(1),
        connector_id: None,
        stack_level: 0,
        purpose: ProfilePurpose::TxDefaultProfile,
        kind: ProfileKind::Absolute,
        recurrency_kind: None,
        valid_from: Some(time(1)),
        valid_to: Some(time(5)),
        transaction_id: None,
        schedule: ChargingSchedule {
            start_schedule: Some(time(1)),
            duration: Some(3600),
            charging_rate_unit: RateUnit::A,
            min_charging_rate: None,
            periods: vec![period(0, 16.0), period(600, 10.0)],
        },
    }
}

#[track_caller]
fn refused(change: impl FnOnce(&mut ChargingProfile), expected: ProfileError) {
    let mut profile = profile();
    change(&mut profile);
    assert_eq!(profile.validate(), Err(expected));
}

#[test]
fn a_valid_profile_passes() {
    assert_eq!(profile().validate(), Ok(()));
    let mut recurring = profile();
    recurring.kind = ProfileKind::Recurring;
    recurring.recurrency_kind = Some(RecurrencyKind::Daily);
    assert_eq!(recurring.validate(), Ok(()));
    let mut relative = profile();
    relative.kind = ProfileKind::Relative;
    relative.schedule.start_schedule = None;
    assert_eq!(relative.validate(), Ok(()));
    let mut max = profile();
    max.evse_id = Some(0);
    max.purpose = ProfilePurpose::ChargePointMaxProfile;
    assert_eq!(max.validate(), Ok(()));
    let mut tx = profile();
    tx.purpose = ProfilePurpose::TxProfile;
    tx.transaction_id = Some(3);
    assert_eq!(tx.validate(), Ok(()));
}

#[test]
fn each_rule_has_its_error() {
    refused(|p| p.connector_id = Some(1), ProfileError::EvseAndConnector);
    refused(|p| p.id = -1, ProfileError::NegativeId);
    refused(
        |p| p.purpose = ProfilePurpose::ChargePointMaxProfile,
        ProfileError::MaxProfileNotOnStation,
    );
    refused(
        |p| {
            p.purpose = ProfilePurpose::TxProfile;
            p.evse_id = None;
        },
        ProfileError::TxProfileOnStation,
    );
    refused(
        |p| p.transaction_id = Some(1),
        ProfileError::TransactionNotTxProfile,
    );
    refused(
        |p| p.kind = ProfileKind::Recurring,
        ProfileError::RecurrencyMissing,
    );
    refused(
        |p| p.recurrency_kind = Some(RecurrencyKind::Weekly),
        ProfileError::RecurrencyNotRecurring,
    );
    refused(
        |p| p.schedule.start_schedule = None,
        ProfileError::StartScheduleMissing(ProfileKind::Absolute),
    );
    refused(
        |p| p.kind = ProfileKind::Relative,
        ProfileError::RelativeWithStart,
    );
    refused(|p| p.valid_to = Some(time(1)), ProfileError::ValidityEmpty);
    refused(|p| p.schedule.periods.clear(), ProfileError::NoPeriods);
    refused(
        |p| p.schedule.periods = (0..1025).map(|i| period(i, 1.0)).collect(),
        ProfileError::TooManyPeriods(1025),
    );
    refused(
        |p| p.schedule.periods[0].start_period = 5,
        ProfileError::FirstPeriodNotAtZero,
    );
    refused(
        |p| p.schedule.periods.push(period(600, 1.0)),
        ProfileError::PeriodsNotAscending {
            index: 2,
            start: 600,
            previous: 600,
        },
    );
    refused(
        |p| p.schedule.periods.push(period(3600, 1.0)),
        ProfileError::PeriodAfterDuration {
            index: 2,
            start: 3600,
            duration: 3600,
        },
    );
    refused(
        |p| p.schedule.periods[1].limit = -0.1,
        ProfileError::NegativeLimit(1),
    );
    refused(
        |p| p.schedule.periods[1].limit = f64::NAN,
        ProfileError::NegativeLimit(1),
    );
    refused(
        |p| p.schedule.periods[0].number_phases = Some(4),
        ProfileError::BadPhases(0),
    );
    refused(
        |p| p.schedule.periods[0].phase_to_use = Some(1),
        ProfileError::BadPhaseToUse(0),
    );
    refused(
        |p| {
            p.schedule.periods[0].number_phases = Some(1);
            p.schedule.periods[0].phase_to_use = Some(4);
        },
        ProfileError::BadPhaseToUse(0),
    );
    refused(
        |p| p.schedule.min_charging_rate = Some(-1.0),
        ProfileError::NegativeMinRate,
    );
}

#[test]
fn messages_name_the_field() {
    let error = ProfileError::PeriodsNotAscending {
        index: 2,
        start: 60,
        previous: 600,
    };
    assert!(error.to_string().contains("periods[2]"), "{error}");
    assert!(
        ProfileError::RecurrencyMissing
            .to_string()
            .contains("recurrency_kind")
    );
}

#[test]
fn json_is_snake_case_and_strict() {
    let value = json!({
        "id": 3, "connector_id": 0, "stack_level": 1,
        "purpose": "ChargingStationMaxProfile", "kind": "Relative",
        "schedule": {"charging_rate_unit": "W", "periods": [{"start_period": 0, "limit": 11000}]}
    });
    let profile: ChargingProfile = serde_json::from_value(value).unwrap();
    assert_eq!(profile.purpose, ProfilePurpose::ChargePointMaxProfile);
    assert_eq!(profile.target(), 0);
    assert_eq!(profile.validate(), Ok(()));
    let back = serde_json::to_value(&profile).unwrap();
    assert_eq!(back["purpose"], "ChargePointMaxProfile");
    assert!(back.get("evse_id").is_none());
    let unknown = json!({
        "id": 3, "stack_level": 1, "purpose": "TxProfile", "kind": "Relative",
        "chargingProfileKind": "Absolute",
        "schedule": {"charging_rate_unit": "W", "periods": []}
    });
    assert!(serde_json::from_value::<ChargingProfile>(unknown).is_err());
}

#[test]
fn collisions_need_the_same_slot_and_overlapping_validity() {
    let a = profile();
    let mut b = profile();
    b.id = 8;
    assert!(a.collides_with(&b));
    assert!(!a.collides_with(&a), "a profile replaces itself");
    b.stack_level = 1;
    assert!(!a.collides_with(&b));
    b.stack_level = 0;
    b.valid_from = Some(time(5));
    b.valid_to = None;
    assert!(!a.collides_with(&b), "a ends when b starts");
    b.valid_from = Some(time(4));
    assert!(a.collides_with(&b));
    b.evse_id = Some(2);
    assert!(!a.collides_with(&b));
}

#[test]
fn states_round_trip_and_follow_answers() {
    for state in [
        ProfileState::Pending,
        ProfileState::Accepted,
        ProfileState::Rejected,
        ProfileState::Cleared,
    ] {
        assert_eq!(ProfileState::parse(state.as_str()), Some(state));
    }
    assert_eq!(
        ProfileState::from_answer("Accepted"),
        ProfileState::Accepted
    );
    assert_eq!(
        ProfileState::from_answer("Rejected"),
        ProfileState::Rejected
    );
    assert_eq!(
        ProfileState::from_answer("NotSupported"),
        ProfileState::Rejected
    );
}

proptest! {
    /// Ordering is accepted exactly when start periods strictly ascend from 0.
    #[test]
    fn period_order_is_checked_exactly(starts in proptest::collection::vec(0u32..5000, 1..20)) {
        let mut p = profile();
        p.schedule.duration = None;
        p.schedule.periods = starts.iter().map(|&s| period(s, 1.0)).collect();
        let ascending = starts[0] == 0 && starts.windows(2).all(|w| w[0] < w[1]);
        prop_assert_eq!(p.validate().is_ok(), ascending);
    }

    /// Sorting and deduplicating any set of starts that includes 0 gives a valid schedule.
    #[test]
    fn sorted_unique_starts_from_zero_are_valid(mut starts in proptest::collection::vec(1u32..100_000, 0..50)) {
        starts.push(0);
        starts.sort_unstable();
        starts.dedup();
        let mut p = profile();
        p.schedule.duration = None;
        p.schedule.periods = starts.iter().map(|&s| period(s, 0.0)).collect();
        prop_assert_eq!(p.validate(), Ok(()));
    }
}
