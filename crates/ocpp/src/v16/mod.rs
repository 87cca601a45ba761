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

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Implement [`Request`] for request types: `Request => Response, Action;`.
macro_rules! requests {
    ($($request:ident => $response:ident, $action:ident;)*) => {
        $(
            impl $crate::v16::Request for $request {
                const ACTION: $crate::v16::Action = $crate::v16::Action::$action;
                type Response = $response;
            }
        )*
    };
}

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

/// A request message, tied to its action and to the type of its response.
pub trait Request: Serialize + DeserializeOwned + fmt::Debug + Clone + Send + 'static {
    const ACTION: Action;
    type Response: Serialize + DeserializeOwned + fmt::Debug + Clone + Send + 'static;
}

/// Who may send an action's request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sender {
    /// The charge point (a station-initiated action).
    Station,
    /// The central system.
    Csms,
    /// Either side (DataTransfer).
    Both,
}

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

macro_rules! actions {
    ($($action:ident: $sender:ident, $profile:ident;)*) => {
        /// An OCPP 1.6J action. The variant name is the action's exact name on the wire.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $($action,)*
        }

        impl Action {
            /// Every action, grouped by profile as in the specification.
            pub const ALL: [Action; actions!(@count $($action)*)] = [$(Action::$action,)*];

            /// The action's name as sent in a CALL.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Action::$action => stringify!($action),)*
                }
            }

            /// Read an action name exactly (case-sensitive, no trimming).
            pub fn parse(name: &str) -> Option<Action> {
                match name {
                    $(stringify!($action) => Some(Action::$action),)*
                    _ => None,
                }
            }

            /// Who may send this action's request.
            pub const fn sender(self) -> Sender {
                match self {
                    $(Action::$action => Sender::$sender,)*
                }
            }

            pub const fn profile(self) -> Profile {
                match self {
                    $(Action::$action => Profile::$profile,)*
                }
            }
        }
    };
    (@count) => { 0 };
    (@count $head:ident $($tail:ident)*) => { 1 + actions!(@count $($tail)*) };
}

actions! {
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

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests;
