//! The contract every [`Store`] implementation meets, written against [`DynStore`] so each
//! engine runs the same suite (SQLite: `sqlite/tests.rs`).
//!
//! Each test is a function taking a fresh, empty store. [`contract_tests!`] turns the list into
//! `#[tokio::test]`s for an engine, given an expression that opens one.

mod charging_profiles;
mod concurrency;
mod events;
mod firmware;
mod meter;
mod reservations;
mod stations;
mod transactions;
mod variables;

pub(crate) use charging_profiles::*;
pub(crate) use concurrency::*;
pub(crate) use events::*;
pub(crate) use firmware::*;
pub(crate) use meter::*;
pub(crate) use reservations::*;
pub(crate) use stations::*;
pub(crate) use transactions::*;
pub(crate) use variables::*;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::{DynStore, TransactionFilter, Write, Written};
use crate::domain::{
    MeterOutcome, MeterReadings, MeterValue, NewTransaction, SampleValue, SampledValue,
    StartOutcome, StationId, StationPatch, StopOutcome, StopTransaction, Time,
};

/// Generate one `#[tokio::test]` per contract test; `$open` is an async expression giving a
/// fresh `DynStore` (it may keep a temp dir alive by shadowing in the test body).
macro_rules! contract_tests {
    ($open:expr; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $name() {
                let (_guard, store) = $open;
                crate::store::tests::$name(store.clone()).await;
                store.close().await;
            }
        )*
    };
}
pub(crate) use contract_tests;

/// Every contract test, for [`contract_tests!`].
macro_rules! all_contract_tests {
    ($open:expr) => {
        crate::store::tests::contract_tests!($open;
            station_upsert_patch_and_clear,
            station_reports,
            reports_for_unknown_stations_do_nothing,
            password_writes_replace_the_hash,
            delete_station_keeps_billing_data,
            tags_crud,
            journal_order_and_limit,
            journal_flushes_without_writes,
            start_and_replay,
            distinct_starts_get_increasing_ids,
            stop_records_energy,
            stop_replay_changes_nothing,
            stop_unknown_transaction,
            unknown_and_minus_one_stops_are_kept_not_guessed,
            transactions_ordering_and_filters,
            meter_linked_by_id,
            meter_linked_by_connector,
            meter_unknown_id_is_unlinked,
            meter_replay_inserts_nothing,
            transaction_data_is_stored,
            events_build_one_transaction,
            events_out_of_order_merge_the_same,
            events_in_the_same_instant_order_by_the_register,
            events_seq_no_restarting_at_zero_is_a_new_transaction,
            events_lifetime_meter_is_not_billed,
            events_and_1_6_starts_do_not_mix,
            meter_values_of_an_evse_join_its_2x_transaction,
            variables_merge_by_key_and_attribute,
            variables_keep_no_secrets,
            variables_of_unknown_or_deleted_stations,
            desired_values_and_local_lists,
            concurrent_writes,
            writes_after_close_are_refused,
            reservations_pending_settled_and_expired,
            reservation_ids_are_never_reused,
            reservation_cancel_only_active,
            reservation_used_by_a_start_and_its_replay,
            reservation_used_by_a_transaction_event,
            reservation_station_updates,
            profiles_are_kept_and_replaced_by_id,
            profile_answers_land_only_on_what_was_sent,
            cleared_and_deleted_profiles,
            profiles_of_unknown_or_deleted_stations,
        );
    };
}
pub(crate) use all_contract_tests;

/// 2026-01-01T00:00:00Z plus `seconds`.
pub(crate) fn at(seconds: i64) -> Time {
    let base: DateTime<Utc> = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("valid base time");
    base + Duration::seconds(seconds)
}

pub(crate) fn station(id: &str) -> StationId {
    StationId::new(id).expect("valid station id")
}

pub(crate) async fn register(store: &DynStore, id: &str) {
    store
        .put_station(&station(id), StationPatch::default())
        .await
        .expect("register station");
}

pub(crate) fn new_transaction(
    station_id: &str,
    connector_id: u32,
    id_tag: &str,
    started: i64,
    meter_start_wh: f64,
) -> NewTransaction {
    NewTransaction {
        station_id: station(station_id),
        evse_id: connector_id,
        connector_id,
        id_tag: id_tag.into(),
        started_at: at(started),
        meter_start_wh,
        reservation_id: None,
        remote_start_id: None,
        received_at: at(started + 1),
    }
}

pub(crate) async fn start(store: &DynStore, new: NewTransaction) -> StartOutcome {
    match store.write(Write::Start(new)).await.expect("start") {
        Written::Start(outcome) => outcome,
        other => panic!("unexpected answer {other:?}"),
    }
}

pub(crate) fn stop_transaction(
    station_id: &str,
    ocpp_transaction_id: &str,
    id_tag: Option<&str>,
    stopped: i64,
    meter_stop_wh: f64,
) -> StopTransaction {
    StopTransaction {
        station_id: station(station_id),
        ocpp_transaction_id: ocpp_transaction_id.into(),
        id_tag: id_tag.map(Into::into),
        stopped_at: at(stopped),
        meter_stop_wh,
        reason: "Local".into(),
        meter_values: Vec::new(),
        received_at: at(stopped + 2),
    }
}

pub(crate) async fn stop(store: &DynStore, stop: StopTransaction) -> StopOutcome {
    match store.write(Write::Stop(stop)).await.expect("stop") {
        Written::Stop(outcome) => outcome,
        other => panic!("unexpected answer {other:?}"),
    }
}

pub(crate) fn sample(value: f64, measurand: &str) -> SampledValue {
    SampledValue {
        value: SampleValue::Number(value),
        measurand: measurand.to_owned().into(),
        unit: Some("Wh".into()),
        phase: None,
        location: None,
        context: Some("Sample.Periodic".into()),
    }
}

/// One meter value at `seconds` with the energy register and four more samples.
pub(crate) fn five_samples(seconds: i64, energy_wh: f64) -> MeterValue {
    let mut samples = vec![sample(energy_wh, "Energy.Active.Import.Register")];
    for phase in ["L1", "L2", "L3"] {
        samples.push(SampledValue {
            phase: Some(phase.into()),
            unit: Some("A".into()),
            ..sample(16.0, "Current.Import")
        });
    }
    samples.push(SampledValue {
        unit: Some("W".into()),
        ..sample(11_000.0, "Power.Active.Import")
    });
    MeterValue {
        timestamp: at(seconds),
        sampled_value: samples,
    }
}

pub(crate) fn readings(
    station_id: &str,
    connector_id: u32,
    ocpp_transaction_id: Option<&str>,
    meter_values: Vec<MeterValue>,
) -> MeterReadings {
    MeterReadings {
        station_id: station(station_id),
        evse_id: connector_id,
        connector_id,
        ocpp_transaction_id: ocpp_transaction_id.map(Into::into),
        meter_values,
        received_at: at(100_000),
    }
}

pub(crate) async fn meter(store: &DynStore, readings: MeterReadings) -> MeterOutcome {
    match store.write(Write::Meter(readings)).await.expect("meter") {
        Written::Meter(outcome) => outcome,
        other => panic!("unexpected answer {other:?}"),
    }
}
