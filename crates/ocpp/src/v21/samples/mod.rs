//! Sample messages for tests and the schema conformance check (`examples/samples.rs`).
//!
//! As for 2.0.1: for every request and response type, and every type they contain,
//! [`Sample::full`] fills every optional property (`customData` included), with every
//! length-limited string exactly at its limit, and [`Sample::minimal`] only what the schema
//! requires; a nested object whose schema requires nothing gets one property in its minimal
//! sample. Types 2.1 takes unchanged from 2.0.1 use the 2.0.1 samples. [`for_each_action`] walks
//! every action's request type, so a check written once as a [`Visit`] covers the whole
//! catalogue.

use std::fmt;
use std::num::NonZeroU32;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::*;
pub use crate::v16::samples::{at, fill, text};
use crate::v201;
pub use crate::v201::samples::percent;

mod authorization;
mod availability;
mod battery_swap;
mod data_transfer;
mod der_control;
mod diagnostics;
mod display;
mod firmware;
mod iso15118;
mod local_list;
mod meter_values;
mod metering;
mod network_profile;
mod provisioning;
mod remote_control;
mod reservation;
mod schedule;
mod security;
mod smart_charging;
mod tariff;
mod tariff_cost;
mod transactions;
mod types;
mod v2x;

/// A phase count for samples (`value` is at most 3 where used).
pub fn phases(value: u8) -> PhaseCount {
    PhaseCount::new(value).unwrap_or_default()
}

/// A message type that can build a fully populated and a minimal sample of itself.
pub trait Sample: Serialize + DeserializeOwned + PartialEq + fmt::Debug + Sized {
    fn full() -> Self;
    fn minimal() -> Self;
}

/// The response type of a request sent with SEND, which has no response: nothing to sample.
impl Sample for () {
    fn full() -> Self {}
    fn minimal() -> Self {}
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
    visitor.visit::<CertificateSignedRequest>();
    visitor.visit::<SecurityEventNotificationRequest>();
    visitor.visit::<SignCertificateRequest>();

    visitor.visit::<BootNotificationRequest>();
    visitor.visit::<GetBaseReportRequest>();
    visitor.visit::<GetReportRequest>();
    visitor.visit::<GetVariablesRequest>();
    visitor.visit::<NotifyReportRequest>();
    visitor.visit::<ResetRequest>();
    visitor.visit::<SetNetworkProfileRequest>();
    visitor.visit::<SetVariablesRequest>();

    visitor.visit::<AuthorizeRequest>();
    visitor.visit::<ClearCacheRequest>();
    visitor.visit::<NotifySettlementRequest>();
    visitor.visit::<NotifyWebPaymentStartedRequest>();
    visitor.visit::<VatNumberValidationRequest>();

    visitor.visit::<GetLocalListVersionRequest>();
    visitor.visit::<SendLocalListRequest>();

    visitor.visit::<GetTransactionStatusRequest>();
    visitor.visit::<TransactionEventRequest>();

    visitor.visit::<RequestStartTransactionRequest>();
    visitor.visit::<RequestStopTransactionRequest>();
    visitor.visit::<TriggerMessageRequest>();
    visitor.visit::<UnlockConnectorRequest>();

    visitor.visit::<ChangeAvailabilityRequest>();
    visitor.visit::<HeartbeatRequest>();
    visitor.visit::<StatusNotificationRequest>();

    visitor.visit::<CancelReservationRequest>();
    visitor.visit::<ReservationStatusUpdateRequest>();
    visitor.visit::<ReserveNowRequest>();

    visitor.visit::<ChangeTransactionTariffRequest>();
    visitor.visit::<ClearTariffsRequest>();
    visitor.visit::<CostUpdatedRequest>();
    visitor.visit::<GetTariffsRequest>();
    visitor.visit::<SetDefaultTariffRequest>();

    visitor.visit::<MeterValuesRequest>();

    visitor.visit::<ClearChargingProfileRequest>();
    visitor.visit::<ClearedChargingLimitRequest>();
    visitor.visit::<GetChargingProfilesRequest>();
    visitor.visit::<GetCompositeScheduleRequest>();
    visitor.visit::<NotifyChargingLimitRequest>();
    visitor.visit::<NotifyEVChargingNeedsRequest>();
    visitor.visit::<NotifyEVChargingScheduleRequest>();
    visitor.visit::<NotifyPriorityChargingRequest>();
    visitor.visit::<PullDynamicScheduleUpdateRequest>();
    visitor.visit::<ReportChargingProfilesRequest>();
    visitor.visit::<SetChargingProfileRequest>();
    visitor.visit::<UpdateDynamicScheduleRequest>();
    visitor.visit::<UsePriorityChargingRequest>();

    visitor.visit::<FirmwareStatusNotificationRequest>();
    visitor.visit::<PublishFirmwareRequest>();
    visitor.visit::<PublishFirmwareStatusNotificationRequest>();
    visitor.visit::<UnpublishFirmwareRequest>();
    visitor.visit::<UpdateFirmwareRequest>();

    visitor.visit::<DeleteCertificateRequest>();
    visitor.visit::<Get15118EVCertificateRequest>();
    visitor.visit::<GetCertificateChainStatusRequest>();
    visitor.visit::<GetCertificateStatusRequest>();
    visitor.visit::<GetInstalledCertificateIdsRequest>();
    visitor.visit::<InstallCertificateRequest>();

    visitor.visit::<AdjustPeriodicEventStreamRequest>();
    visitor.visit::<ClearVariableMonitoringRequest>();
    visitor.visit::<ClosePeriodicEventStreamRequest>();
    visitor.visit::<CustomerInformationRequest>();
    visitor.visit::<GetLogRequest>();
    visitor.visit::<GetMonitoringReportRequest>();
    visitor.visit::<GetPeriodicEventStreamRequest>();
    visitor.visit::<LogStatusNotificationRequest>();
    visitor.visit::<NotifyCustomerInformationRequest>();
    visitor.visit::<NotifyEventRequest>();
    visitor.visit::<NotifyMonitoringReportRequest>();
    visitor.visit::<NotifyPeriodicEventStreamRequest>();
    visitor.visit::<OpenPeriodicEventStreamRequest>();
    visitor.visit::<SetMonitoringBaseRequest>();
    visitor.visit::<SetMonitoringLevelRequest>();
    visitor.visit::<SetVariableMonitoringRequest>();

    visitor.visit::<ClearDisplayMessageRequest>();
    visitor.visit::<GetDisplayMessagesRequest>();
    visitor.visit::<NotifyDisplayMessagesRequest>();
    visitor.visit::<SetDisplayMessageRequest>();

    visitor.visit::<DataTransferRequest>();

    visitor.visit::<AFRRSignalRequest>();
    visitor.visit::<NotifyAllowedEnergyTransferRequest>();

    visitor.visit::<ClearDERControlRequest>();
    visitor.visit::<GetDERControlRequest>();
    visitor.visit::<NotifyDERAlarmRequest>();
    visitor.visit::<NotifyDERStartStopRequest>();
    visitor.visit::<ReportDERControlRequest>();
    visitor.visit::<SetDERControlRequest>();

    visitor.visit::<BatterySwapRequest>();
    visitor.visit::<RequestBatterySwapRequest>();
}
