//! Sample messages for tests and the schema conformance check (`examples/samples.rs`).
//!
//! For every request and response type, [`Sample::full`] fills every optional property, with
//! every length-limited string exactly at its limit, and [`Sample::minimal`] only what the
//! schema requires. [`for_each_action`] walks every action's request type, so a check written
//! once as a [`Visit`] covers the whole catalogue.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::*;
use crate::{CiString, Timestamp};

/// Samples of payload-less messages: `{}` either way.
macro_rules! empty_samples {
    ($($message:ident),* $(,)?) => {
        $(
            impl $crate::v16::samples::Sample for $message {
                fn full() -> Self {
                    $message {}
                }
                fn minimal() -> Self {
                    $message {}
                }
            }
        )*
    };
}

mod core;
mod profiles;
mod security;

/// A message type that can build a fully populated and a minimal sample of itself.
pub trait Sample: Serialize + DeserializeOwned + PartialEq + fmt::Debug + Sized {
    fn full() -> Self;
    fn minimal() -> Self;
}

/// Something done once per action, with its request type (and so its response type).
pub trait Visit {
    fn visit<R>(&mut self)
    where
        R: Request + Sample,
        R::Response: Sample;
}

/// Call `visitor` once for every action, in [`Action::ALL`] order.
pub fn for_each_action(visitor: &mut impl Visit) {
    visitor.visit::<AuthorizeRequest>();
    visitor.visit::<BootNotificationRequest>();
    visitor.visit::<ChangeAvailabilityRequest>();
    visitor.visit::<ChangeConfigurationRequest>();
    visitor.visit::<ClearCacheRequest>();
    visitor.visit::<DataTransferRequest>();
    visitor.visit::<GetConfigurationRequest>();
    visitor.visit::<HeartbeatRequest>();
    visitor.visit::<MeterValuesRequest>();
    visitor.visit::<RemoteStartTransactionRequest>();
    visitor.visit::<RemoteStopTransactionRequest>();
    visitor.visit::<ResetRequest>();
    visitor.visit::<StartTransactionRequest>();
    visitor.visit::<StatusNotificationRequest>();
    visitor.visit::<StopTransactionRequest>();
    visitor.visit::<UnlockConnectorRequest>();

    visitor.visit::<DiagnosticsStatusNotificationRequest>();
    visitor.visit::<FirmwareStatusNotificationRequest>();
    visitor.visit::<GetDiagnosticsRequest>();
    visitor.visit::<UpdateFirmwareRequest>();

    visitor.visit::<GetLocalListVersionRequest>();
    visitor.visit::<SendLocalListRequest>();

    visitor.visit::<CancelReservationRequest>();
    visitor.visit::<ReserveNowRequest>();

    visitor.visit::<ClearChargingProfileRequest>();
    visitor.visit::<GetCompositeScheduleRequest>();
    visitor.visit::<SetChargingProfileRequest>();

    visitor.visit::<TriggerMessageRequest>();

    visitor.visit::<CertificateSignedRequest>();
    visitor.visit::<DeleteCertificateRequest>();
    visitor.visit::<ExtendedTriggerMessageRequest>();
    visitor.visit::<GetInstalledCertificateIdsRequest>();
    visitor.visit::<GetLogRequest>();
    visitor.visit::<InstallCertificateRequest>();
    visitor.visit::<LogStatusNotificationRequest>();
    visitor.visit::<SecurityEventNotificationRequest>();
    visitor.visit::<SignCertificateRequest>();
    visitor.visit::<SignedFirmwareStatusNotificationRequest>();
    visitor.visit::<SignedUpdateFirmwareRequest>();
}

/// 2026-11-21T18:00:00.123Z plus `seconds`.
pub fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix_millis(1_795_284_000_123 + seconds * 1000)
        .unwrap_or(Timestamp(chrono::DateTime::<chrono::Utc>::default()))
}

/// `text` cut to at most `N` characters.
pub fn text<const N: usize>(text: &str) -> CiString<N> {
    CiString::new(text.chars().take(N).collect::<String>()).unwrap_or_default()
}

/// A string of exactly `N` characters: `prefix`, one non-ASCII character (so limits are
/// checked in characters, not bytes) and `x` padding.
pub fn fill<const N: usize>(prefix: &str) -> CiString<N> {
    let padded: String = prefix
        .chars()
        .chain(std::iter::once('ä'))
        .chain(std::iter::repeat('x'))
        .take(N)
        .collect();
    CiString::new(padded).unwrap_or_default()
}

pub fn id_tag_info_full() -> IdTagInfo {
    IdTagInfo {
        expiry_date: Some(at(86_400)),
        parent_id_tag: Some(fill("PARENT")),
        status: AuthorizationStatus::Accepted,
    }
}

pub fn id_tag_info_minimal() -> IdTagInfo {
    IdTagInfo::new(AuthorizationStatus::Invalid)
}

/// A sampled value with every field set, in `unit`.
pub fn sampled_value_full(value: &str, unit: UnitOfMeasure) -> SampledValue {
    SampledValue {
        value: value.to_owned(),
        context: Some(ReadingContext::SamplePeriodic),
        format: Some(ValueFormat::Raw),
        measurand: Some(Measurand::EnergyActiveImportRegister),
        phase: Some(Phase::L1N),
        location: Some(Location::Outlet),
        unit: Some(unit),
    }
}

pub fn meter_value_full(unit: UnitOfMeasure) -> MeterValue {
    MeterValue {
        timestamp: at(60),
        sampled_value: vec![
            sampled_value_full("1234.5", UnitOfMeasure::KWh),
            sampled_value_full("21.5", unit),
        ],
    }
}

pub fn meter_value_minimal() -> MeterValue {
    MeterValue {
        timestamp: at(60),
        sampled_value: vec![SampledValue::new("1234")],
    }
}

pub fn charging_schedule_full() -> ChargingSchedule {
    ChargingSchedule {
        duration: Some(3600),
        start_schedule: Some(at(0)),
        charging_rate_unit: ChargingRateUnit::A,
        charging_schedule_period: vec![
            ChargingSchedulePeriod {
                start_period: 0,
                limit: 32.0,
                number_phases: Some(3),
            },
            ChargingSchedulePeriod {
                start_period: 1800,
                limit: 11.1,
                number_phases: Some(1),
            },
        ],
        min_charging_rate: Some(6.1),
    }
}

pub fn charging_schedule_minimal() -> ChargingSchedule {
    ChargingSchedule {
        duration: None,
        start_schedule: None,
        charging_rate_unit: ChargingRateUnit::W,
        charging_schedule_period: vec![ChargingSchedulePeriod {
            start_period: 0,
            limit: 11000.0,
            number_phases: None,
        }],
        min_charging_rate: None,
    }
}

pub fn charging_profile_full() -> ChargingProfile {
    ChargingProfile {
        charging_profile_id: 7,
        transaction_id: Some(-1),
        stack_level: 2,
        charging_profile_purpose: ChargingProfilePurpose::TxProfile,
        charging_profile_kind: ChargingProfileKind::Recurring,
        recurrency_kind: Some(RecurrencyKind::Daily),
        valid_from: Some(at(0)),
        valid_to: Some(at(7 * 86_400)),
        charging_schedule: charging_schedule_full(),
    }
}

pub fn charging_profile_minimal() -> ChargingProfile {
    ChargingProfile {
        charging_profile_id: 1,
        transaction_id: None,
        stack_level: 0,
        charging_profile_purpose: ChargingProfilePurpose::TxDefaultProfile,
        charging_profile_kind: ChargingProfileKind::Absolute,
        recurrency_kind: None,
        valid_from: None,
        valid_to: None,
        charging_schedule: charging_schedule_minimal(),
    }
}
