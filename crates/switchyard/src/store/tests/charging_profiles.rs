//! Kept charging profiles: put replaces by id, answers only land on the profile that was
//! sent, cleared and deleted profiles, and stations that are unknown or deleted.

use super::*;
use crate::domain::{
    ChargingProfile, ChargingSchedule, KeptProfile, ProfileAnswer, ProfileKind, ProfilePurpose,
    ProfileState, RateUnit, SchedulePeriod,
};

fn charging_profile(id: i32, limit: f64) -> ChargingProfile {
    ChargingProfile {
        id,
        evse_id: Some(1),
        connector_id: None,
        stack_level: 2,
        purpose: ProfilePurpose::TxDefaultProfile,
        kind: ProfileKind::Relative,
        recurrency_kind: None,
        valid_from: None,
        valid_to: None,
        transaction_id: None,
        schedule: ChargingSchedule {
            start_schedule: None,
            duration: None,
            charging_rate_unit: RateUnit::A,
            min_charging_rate: None,
            periods: vec![SchedulePeriod {
                start_period: 0,
                limit,
                number_phases: Some(3),
                phase_to_use: None,
            }],
        },
    }
}

fn kept(id: &str, profile: ChargingProfile, seconds: i64) -> KeptProfile {
    KeptProfile {
        station_id: station(id),
        profile,
        state: ProfileState::Pending,
        last_status: None,
        last_response: None,
        updated_at: at(seconds),
        answered_at: None,
    }
}

fn answer(status: &str, seconds: i64) -> ProfileAnswer {
    ProfileAnswer {
        state: ProfileState::from_answer(status),
        status: status.into(),
        response: format!(r#"{{"status":"{status}"}}"#),
        at: at(seconds),
    }
}

pub(crate) async fn profiles_are_kept_and_replaced_by_id(store: DynStore) {
    register(&store, "CP-P").await;
    register(&store, "CP-Q").await;
    let s = station("CP-P");
    assert!(
        store
            .put_charging_profile(kept("CP-P", charging_profile(5, 16.0), 1))
            .await
            .unwrap()
    );
    assert!(
        store
            .put_charging_profile(kept("CP-P", charging_profile(2, 8.0), 2))
            .await
            .unwrap()
    );
    assert!(
        store
            .put_charging_profile(kept("CP-Q", charging_profile(5, 32.0), 3))
            .await
            .unwrap()
    );
    let listed = store.charging_profiles(&s).await.unwrap();
    assert_eq!(
        listed.iter().map(|k| k.profile.id).collect::<Vec<_>>(),
        [2, 5]
    );
    assert_eq!(listed[1], kept("CP-P", charging_profile(5, 16.0), 1));
    // The same id again replaces it, state and answer included.
    let mut again = kept("CP-P", charging_profile(5, 10.0), 4);
    again.state = ProfileState::Accepted;
    again.last_status = Some("Accepted".into());
    again.answered_at = Some(at(4));
    assert!(store.put_charging_profile(again.clone()).await.unwrap());
    assert_eq!(store.charging_profile(&s, 5).await.unwrap(), Some(again));
    assert_eq!(store.charging_profiles(&s).await.unwrap().len(), 2);
    // Another station's profile of the same id is its own.
    let other = store.charging_profile(&station("CP-Q"), 5).await.unwrap();
    assert_eq!(other.unwrap().profile.schedule.periods[0].limit, 32.0);
    assert_eq!(store.charging_profile(&s, 99).await.unwrap(), None);
}

pub(crate) async fn profile_answers_land_only_on_what_was_sent(store: DynStore) {
    register(&store, "CP-P").await;
    let s = station("CP-P");
    let sent = charging_profile(1, 16.0);
    store
        .put_charging_profile(kept("CP-P", sent.clone(), 1))
        .await
        .unwrap();
    assert!(
        store
            .record_profile_answer(&s, &sent, answer("Rejected", 2))
            .await
            .unwrap()
    );
    let now = store.charging_profile(&s, 1).await.unwrap().unwrap();
    assert_eq!(now.state, ProfileState::Rejected);
    assert_eq!(now.last_status.as_deref(), Some("Rejected"));
    assert_eq!(
        now.last_response.as_deref(),
        Some(r#"{"status":"Rejected"}"#)
    );
    assert_eq!(now.answered_at, Some(at(2)));
    assert_eq!(now.updated_at, at(1));
    // Replaced meanwhile: a late answer about the old version changes nothing.
    let newer = charging_profile(1, 6.0);
    store
        .put_charging_profile(kept("CP-P", newer.clone(), 3))
        .await
        .unwrap();
    assert!(
        !store
            .record_profile_answer(&s, &sent, answer("Accepted", 4))
            .await
            .unwrap()
    );
    let now = store.charging_profile(&s, 1).await.unwrap().unwrap();
    assert_eq!(now.state, ProfileState::Pending);
    assert_eq!(now.profile, newer);
    assert!(
        store
            .record_profile_answer(&s, &newer, answer("Accepted", 5))
            .await
            .unwrap()
    );
    assert_eq!(
        store.charging_profile(&s, 1).await.unwrap().unwrap().state,
        ProfileState::Accepted
    );
}

pub(crate) async fn cleared_and_deleted_profiles(store: DynStore) {
    register(&store, "CP-P").await;
    let s = station("CP-P");
    let sent = charging_profile(3, 16.0);
    store
        .put_charging_profile(kept("CP-P", sent.clone(), 1))
        .await
        .unwrap();
    assert!(store.mark_profile_cleared(&s, 3, at(2)).await.unwrap());
    let now = store.charging_profile(&s, 3).await.unwrap().unwrap();
    assert_eq!(now.state, ProfileState::Cleared);
    assert_eq!(now.updated_at, at(2));
    // A late answer to the SetChargingProfile does not revive it.
    assert!(
        !store
            .record_profile_answer(&s, &sent, answer("Accepted", 3))
            .await
            .unwrap()
    );
    assert_eq!(
        store.charging_profile(&s, 3).await.unwrap().unwrap().state,
        ProfileState::Cleared
    );
    assert!(!store.mark_profile_cleared(&s, 4, at(2)).await.unwrap());
    assert!(store.delete_charging_profile(&s, 3).await.unwrap());
    assert!(!store.delete_charging_profile(&s, 3).await.unwrap());
    assert!(store.charging_profiles(&s).await.unwrap().is_empty());
}

pub(crate) async fn profiles_of_unknown_or_deleted_stations(store: DynStore) {
    assert!(
        !store
            .put_charging_profile(kept("CP-NONE", charging_profile(1, 1.0), 1))
            .await
            .unwrap()
    );
    assert!(
        store
            .charging_profiles(&station("CP-NONE"))
            .await
            .unwrap()
            .is_empty()
    );
    register(&store, "CP-P").await;
    store
        .put_charging_profile(kept("CP-P", charging_profile(1, 1.0), 1))
        .await
        .unwrap();
    assert!(store.delete_station(&station("CP-P")).await.unwrap());
    register(&store, "CP-P").await;
    assert!(
        store
            .charging_profiles(&station("CP-P"))
            .await
            .unwrap()
            .is_empty(),
        "a deleted station's profiles go with it"
    );
}
