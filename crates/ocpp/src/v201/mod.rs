//! OCPP 2.0.1 messages: every action of every functional block, in both directions.
//!
//! Each action has a `…Request` and a `…Response` type, written from the official JSON
//! schemas (OCPP 2.0.1 Part 3): property names, enum spellings, `maxLength`s
//! ([`CiString`](crate::CiString); identifier strings compare case-insensitively as in 1.6)
//! and required/optional exactly as there. Schema definitions become types of the same name
//! without the `Type`/`EnumType` suffix (`IdTokenType` is [`IdToken`], `EVSEType` is
//! [`Evse`]); where that would make two names equal, the enum is a `…Kind`
//! ([`IdTokenKind`], [`VpnKind`]). Optional properties are `Option`s, or `Vec`s for optional
//! arrays, and an empty one is left out when written, never sent as `null` or `[]` (P4-201
//! §4.1.5). Arrays keep their `minItems`/`maxItems` in the docs only, as in [`crate::v16`].
//! Unknown properties are accepted and reported by [`crate::rpc::decode`]; `customData`,
//! which every object may carry, is a known property ([`CustomData`]).
//!
//! Modules follow the functional blocks of Part 2 (A Security … P DataTransfer); everything
//! is re-exported here. [`Action`] names the actions, and [`Request`] ties each request type
//! to its action and response type.
//!
//! Numbers: `integer` is `i32`, except what cannot be negative: EVSE and connector ids,
//! `seqNo`, `stackLevel`, phase counts, durations and intervals in seconds, retry counts,
//! severities and anything the schema gives `minimum: 0`. Those are `u32`, so a negative value
//! is refused as a bad value, as 1.6's `connectorId` is; the state-of-charge percentages
//! (`minimum: 0`, `maximum: 100`) are a [`Percent`]. `number` (a decimal) is `f64`. Ids the
//! schemas make strings (`transactionId`, 36 characters) stay strings.

mod authorization;
mod availability;
mod data_transfer;
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
mod tariff_cost;
mod transactions;
mod types;
mod validate;

pub use crate::catalogue::Sender;
pub use authorization::*;
pub use availability::*;
pub use data_transfer::*;
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
pub use tariff_cost::*;
pub use transactions::*;
pub use types::*;
pub use validate::{validate_request, validate_response};

/// The functional block of OCPP 2.0.1 Part 2 an action's use cases belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FunctionalBlock {
    /// A.
    Security,
    /// B.
    Provisioning,
    /// C.
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
    /// N.
    Diagnostics,
    /// O.
    DisplayMessage,
    /// P.
    DataTransfer,
}

catalogue! {
    "2.0.1", block: FunctionalBlock;
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

    CostUpdated: Csms, TariffAndCost;

    MeterValues: Station, MeterValues;

    ClearChargingProfile: Csms, SmartCharging;
    ClearedChargingLimit: Station, SmartCharging;
    GetChargingProfiles: Csms, SmartCharging;
    GetCompositeSchedule: Csms, SmartCharging;
    NotifyChargingLimit: Station, SmartCharging;
    NotifyEVChargingNeeds: Station, SmartCharging;
    NotifyEVChargingSchedule: Station, SmartCharging;
    ReportChargingProfiles: Station, SmartCharging;
    SetChargingProfile: Csms, SmartCharging;

    FirmwareStatusNotification: Station, FirmwareManagement;
    PublishFirmware: Csms, FirmwareManagement;
    PublishFirmwareStatusNotification: Station, FirmwareManagement;
    UnpublishFirmware: Csms, FirmwareManagement;
    UpdateFirmware: Csms, FirmwareManagement;

    DeleteCertificate: Csms, CertificateManagement;
    Get15118EVCertificate: Station, CertificateManagement;
    GetCertificateStatus: Station, CertificateManagement;
    GetInstalledCertificateIds: Csms, CertificateManagement;
    InstallCertificate: Csms, CertificateManagement;

    ClearVariableMonitoring: Csms, Diagnostics;
    CustomerInformation: Csms, Diagnostics;
    GetLog: Csms, Diagnostics;
    GetMonitoringReport: Csms, Diagnostics;
    LogStatusNotification: Station, Diagnostics;
    NotifyCustomerInformation: Station, Diagnostics;
    NotifyEvent: Station, Diagnostics;
    NotifyMonitoringReport: Station, Diagnostics;
    SetMonitoringBase: Csms, Diagnostics;
    SetMonitoringLevel: Csms, Diagnostics;
    SetVariableMonitoring: Csms, Diagnostics;

    ClearDisplayMessage: Csms, DisplayMessage;
    GetDisplayMessages: Csms, DisplayMessage;
    NotifyDisplayMessages: Station, DisplayMessage;
    SetDisplayMessage: Csms, DisplayMessage;

    DataTransfer: Both, DataTransfer;
}

#[cfg(test)]
mod tests;
