//! OCPP 1.6J messages: every action of every feature profile, and the Security extension.
//!
//! Each action has a `…Request` (1.6's `.req`) and a `…Response` (`.conf`) type, written
//! from the official JSON schemas: property names, enum spellings, `maxLength`s
//! ([`CiString`](crate::CiString)) and required/optional exactly as there. Optional properties
//! are `Option`s, or `Vec`s for optional arrays, and an empty one is left out when written,
//! never sent as `null` or `[]`. Unknown properties are accepted and reported by
//! [`crate::rpc::decode`].
//!
//! Modules follow the feature profiles; everything is re-exported here. [`Action`] names the
//! actions, and [`Request`] ties each request type to its action and response type.
//!
//! Integers: ids and counts that cannot be negative are `u32` (a negative `connectorId` is
//! refused as a bad value although the schemas set no minimum); transaction, reservation,
//! profile and request ids are `i32` (errata §3.18 allows transaction id `-1`); meter
//! readings in Wh are `i64`.

mod core;
mod firmware;
mod local_auth;
mod remote_trigger;
mod reservation;
#[doc(hidden)]
pub mod samples;
mod security;
mod smart_charging;
mod types;
mod validate;

pub use self::core::*;
pub use firmware::*;
pub use local_auth::*;
pub use remote_trigger::*;
pub use reservation::*;
pub use security::*;
pub use smart_charging::*;
pub use types::*;
pub use validate::{validate_request, validate_response};

pub use crate::catalogue::Sender;

/// The feature profile an action belongs to (the Security extension counts as one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    Core,
    FirmwareManagement,
    LocalAuthListManagement,
    Reservation,
    SmartCharging,
    RemoteTrigger,
    /// "Improved security for OCPP 1.6-J".
    Security,
}

catalogue! {
    "1.6J", profile: Profile;
    Authorize: Station, Core;
    BootNotification: Station, Core;
    ChangeAvailability: Csms, Core;
    ChangeConfiguration: Csms, Core;
    ClearCache: Csms, Core;
    DataTransfer: Both, Core;
    GetConfiguration: Csms, Core;
    Heartbeat: Station, Core;
    MeterValues: Station, Core;
    RemoteStartTransaction: Csms, Core;
    RemoteStopTransaction: Csms, Core;
    Reset: Csms, Core;
    StartTransaction: Station, Core;
    StatusNotification: Station, Core;
    StopTransaction: Station, Core;
    UnlockConnector: Csms, Core;

    DiagnosticsStatusNotification: Station, FirmwareManagement;
    FirmwareStatusNotification: Station, FirmwareManagement;
    GetDiagnostics: Csms, FirmwareManagement;
    UpdateFirmware: Csms, FirmwareManagement;

    GetLocalListVersion: Csms, LocalAuthListManagement;
    SendLocalList: Csms, LocalAuthListManagement;

    CancelReservation: Csms, Reservation;
    ReserveNow: Csms, Reservation;

    ClearChargingProfile: Csms, SmartCharging;
    GetCompositeSchedule: Csms, SmartCharging;
    SetChargingProfile: Csms, SmartCharging;

    TriggerMessage: Csms, RemoteTrigger;

    CertificateSigned: Csms, Security;
    DeleteCertificate: Csms, Security;
    ExtendedTriggerMessage: Csms, Security;
    GetInstalledCertificateIds: Csms, Security;
    GetLog: Csms, Security;
    InstallCertificate: Csms, Security;
    LogStatusNotification: Station, Security;
    SecurityEventNotification: Station, Security;
    SignCertificate: Station, Security;
    SignedFirmwareStatusNotification: Station, Security;
    SignedUpdateFirmware: Csms, Security;
}

#[cfg(test)]
mod tests;
