//! OCPP 2.1 messages: every action of every functional block, in both directions.
//!
//! Written from the official 2.1 JSON schemas (OCPP 2.1 Part 3) by the rules of [`crate::v201`]:
//! property names, enum spellings, `maxLength`s ([`CiString`](crate::CiString)) and
//! required/optional exactly as there; schema definitions become types of the same name without
//! the `Type`/`EnumType` suffix, an enum whose name would clash with a struct's is a `…Kind`
//! ([`CertificateStatusKind`], [`CostDimensionKind`]); optional properties are `Option`s, or
//! `Vec`s for optional arrays, left out when empty; `customData` is known everywhere
//! ([`CustomData`]).
//!
//! A definition whose schema is the same in 2.1 as in 2.0.1 (properties, enums, limits,
//! required, and the same for everything it contains) is the 2.0.1 type, re-exported from the
//! module it belongs to; everything else is defined here. 2.1 changed many common types:
//! [`IdToken`]'s `type` is a free string, [`StatusInfo`] and [`ChargingProfile`] grew, and
//! many enums gained values.
//!
//! Modules follow the functional blocks of 2.1 Part 2 (A Security … P DataTransfer, then
//! Q bidirectional power transfer, R DER control and S battery swapping); the types several
//! blocks share are in `types`, `metering`, `schedule` and `tariff`. Everything is re-exported
//! here. [`Action`] names the actions, and [`Request`] ties each request type to its action and
//! response type.
//!
//! Numbers as in 2.0.1: `integer` is `i32`, or `u32` for what cannot be negative (ids, counts,
//! durations, anything with `minimum: 0`); [`NonZeroU32`](std::num::NonZeroU32) where the
//! schema says `minimum: 1`; the percentages (`0` to `100`) are a [`Percent`], phase counts and
//! phase numbers (`0` to `3`) a [`PhaseCount`]. `number` is `f64`.
//!
//! NotifyPeriodicEventStream is sent with SEND (message type 6), never answered: its
//! request type is typed like any other, its `Response` is `()`, and
//! [`Action::is_send_only`] says so.

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
#[doc(hidden)]
pub mod samples;
mod schedule;
mod security;
mod smart_charging;
mod tariff;
mod tariff_cost;
mod transactions;
mod types;
mod v2x;
mod validate;

pub use crate::catalogue::Sender;
pub use authorization::*;
pub use availability::*;
pub use battery_swap::*;
pub use data_transfer::*;
pub use der_control::*;
pub use diagnostics::*;
pub use display::*;
pub use firmware::*;
pub use iso15118::*;
pub use local_list::*;
pub use meter_values::*;
pub use metering::*;
pub use network_profile::*;
pub use provisioning::*;
pub use remote_control::*;
pub use reservation::*;
pub use schedule::*;
pub use security::*;
pub use smart_charging::*;
pub use tariff::*;
pub use tariff_cost::*;
pub use transactions::*;
pub use types::*;
pub use v2x::*;
pub use validate::{validate_request, validate_response};

/// The functional block of OCPP 2.1 Part 2 an action's use cases belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FunctionalBlock {
    /// A.
    Security,
    /// B.
    Provisioning,
    /// C, with 2.1's payment messages.
    Authorization,
    /// D.
    LocalAuthorizationListManagement,
    /// E.
    Transactions,
    /// F.
    RemoteControl,
    /// G.
    Availability,
    /// H.
    Reservation,
    /// I.
    TariffAndCost,
    /// J.
    MeterValues,
    /// K.
    SmartCharging,
    /// L.
    FirmwareManagement,
    /// M: ISO 15118 certificate management.
    CertificateManagement,
    /// N, periodic event streams included.
    Diagnostics,
    /// O.
    DisplayMessage,
    /// P.
    DataTransfer,
    /// Q: V2X.
    BidirectionalPowerTransfer,
    /// R: control of distributed energy resources.
    DerControl,
    /// S.
    BatterySwapping,
}

catalogue! {
    "2.1", block: FunctionalBlock;
    CertificateSigned: Csms, Security;
    SecurityEventNotification: Station, Security;
    SignCertificate: Station, Security;

    BootNotification: Station, Provisioning;
    GetBaseReport: Csms, Provisioning;
    GetReport: Csms, Provisioning;
    GetVariables: Csms, Provisioning;
    NotifyReport: Station, Provisioning;
    Reset: Csms, Provisioning;
    SetNetworkProfile: Csms, Provisioning;
    SetVariables: Csms, Provisioning;

    Authorize: Station, Authorization;
    ClearCache: Csms, Authorization;
    NotifySettlement: Station, Authorization;
    NotifyWebPaymentStarted: Csms, Authorization;
    VatNumberValidation: Station, Authorization;

    GetLocalListVersion: Csms, LocalAuthorizationListManagement;
    SendLocalList: Csms, LocalAuthorizationListManagement;

    GetTransactionStatus: Csms, Transactions;
    TransactionEvent: Station, Transactions;

    RequestStartTransaction: Csms, RemoteControl;
    RequestStopTransaction: Csms, RemoteControl;
    TriggerMessage: Csms, RemoteControl;
    UnlockConnector: Csms, RemoteControl;

    ChangeAvailability: Csms, Availability;
    Heartbeat: Station, Availability;
    StatusNotification: Station, Availability;

    CancelReservation: Csms, Reservation;
    ReservationStatusUpdate: Station, Reservation;
    ReserveNow: Csms, Reservation;

    ChangeTransactionTariff: Csms, TariffAndCost;
    ClearTariffs: Csms, TariffAndCost;
    CostUpdated: Csms, TariffAndCost;
    GetTariffs: Csms, TariffAndCost;
    SetDefaultTariff: Csms, TariffAndCost;

    MeterValues: Station, MeterValues;

    ClearChargingProfile: Csms, SmartCharging;
    ClearedChargingLimit: Station, SmartCharging;
    GetChargingProfiles: Csms, SmartCharging;
    GetCompositeSchedule: Csms, SmartCharging;
    NotifyChargingLimit: Station, SmartCharging;
    NotifyEVChargingNeeds: Station, SmartCharging;
    NotifyEVChargingSchedule: Station, SmartCharging;
    NotifyPriorityCharging: Station, SmartCharging;
    PullDynamicScheduleUpdate: Station, SmartCharging;
    ReportChargingProfiles: Station, SmartCharging;
    SetChargingProfile: Csms, SmartCharging;
    UpdateDynamicSchedule: Csms, SmartCharging;
    UsePriorityCharging: Csms, SmartCharging;

    FirmwareStatusNotification: Station, FirmwareManagement;
    PublishFirmware: Csms, FirmwareManagement;
    PublishFirmwareStatusNotification: Station, FirmwareManagement;
    UnpublishFirmware: Csms, FirmwareManagement;
    UpdateFirmware: Csms, FirmwareManagement;

    DeleteCertificate: Csms, CertificateManagement;
    Get15118EVCertificate: Station, CertificateManagement;
    GetCertificateChainStatus: Station, CertificateManagement;
    GetCertificateStatus: Station, CertificateManagement;
    GetInstalledCertificateIds: Csms, CertificateManagement;
    InstallCertificate: Csms, CertificateManagement;

    AdjustPeriodicEventStream: Csms, Diagnostics;
    ClearVariableMonitoring: Csms, Diagnostics;
    ClosePeriodicEventStream: Station, Diagnostics;
    CustomerInformation: Csms, Diagnostics;
    GetLog: Csms, Diagnostics;
    GetMonitoringReport: Csms, Diagnostics;
    GetPeriodicEventStream: Csms, Diagnostics;
    LogStatusNotification: Station, Diagnostics;
    NotifyCustomerInformation: Station, Diagnostics;
    NotifyEvent: Station, Diagnostics;
    NotifyMonitoringReport: Station, Diagnostics;
    NotifyPeriodicEventStream: Station, Diagnostics, Send;
    OpenPeriodicEventStream: Station, Diagnostics;
    SetMonitoringBase: Csms, Diagnostics;
    SetMonitoringLevel: Csms, Diagnostics;
    SetVariableMonitoring: Csms, Diagnostics;

    ClearDisplayMessage: Csms, DisplayMessage;
    GetDisplayMessages: Csms, DisplayMessage;
    NotifyDisplayMessages: Station, DisplayMessage;
    SetDisplayMessage: Csms, DisplayMessage;

    DataTransfer: Both, DataTransfer;

    AFRRSignal: Csms, BidirectionalPowerTransfer;
    NotifyAllowedEnergyTransfer: Csms, BidirectionalPowerTransfer;

    ClearDERControl: Csms, DerControl;
    GetDERControl: Csms, DerControl;
    NotifyDERAlarm: Station, DerControl;
    NotifyDERStartStop: Station, DerControl;
    ReportDERControl: Station, DerControl;
    SetDERControl: Csms, DerControl;

    BatterySwap: Station, BatterySwapping;
    RequestBatterySwap: Csms, BatterySwapping;
}

#[cfg(test)]
mod tests;
