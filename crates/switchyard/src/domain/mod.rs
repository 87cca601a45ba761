//! The version-neutral vocabulary: what the store, the API and the events speak.
//!
//! Version adapters translate 1.6 / 2.0.1 / 2.1 payloads into these types and back; nothing
//! here knows a wire format.

pub mod auth;
mod charging;
mod device_model;
pub mod firmware;
mod ids;
pub mod local_list;
mod records;
mod reservation;
mod security;

pub use charging::*;
pub use device_model::*;
pub use ids::{StationId, StationIdError};
pub use records::*;
pub use reservation::*;
pub use security::{SecurityProfile, UnknownSecurityProfile};

use chrono::{DateTime, Utc};

/// A wall-clock instant. Server time is the truth for records; station time is kept beside it.
pub type Time = DateTime<Utc>;

/// RFC 3339 in UTC with a `Z` (fractions only where there are any), as the API shows times.
pub fn format_time(t: Time) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}
