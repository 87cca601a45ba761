//! Sans-IO OCPP-J.
//!
//! Bytes in, values out: no sockets, no runtime, no clock. Time is always an argument. The
//! server and the simulator put this crate behind their own I/O, and tests drive it directly.
//!
//! - [`rpc`]: OCPP-J framing (CALL / CALLRESULT / CALLERROR), the CALLERROR codes with each
//!   version's spelling, and typed payload decoding that classifies schema errors.
//! - [`Endpoint`]: message-id correlation for one connection: one outstanding outgoing CALL
//!   with a queue behind it, call timeouts, late answers dropped.
//! - [`v16`]: the OCPP 1.6 messages.
//! - [`v201`]: the OCPP 2.0.1 messages.
//! - [`v21`]: the OCPP 2.1 messages.
//! - [`quirk`]: tolerated deviations, reported rather than silently normalised.
//! - [`wire`]: the wire spelling of an enum variant, for adapters.

#[macro_use]
mod catalogue;
pub mod endpoint;
pub mod quirk;
pub mod rpc;
#[cfg(test)]
mod sample_checks;
pub mod strings;
pub mod time;
pub mod v16;
pub mod v201;
pub mod v21;
mod version;
pub mod wire;

pub use endpoint::{CallId, Endpoint, EndpointConfig, Event as EndpointEvent, Reply};
pub use quirk::Quirk;
pub use strings::CiString;
pub use time::Timestamp;
pub use version::Version;
