//! OCPP-J RPC framing (J16 §4, P4-201 §4, P4-21 §4).
//!
//! [`parse`] turns one WebSocket text message into a [`Frame`] or an [`RpcError`];
//! [`RpcError::call_error`] is the one place that decides which CALLERROR (if any) answers a
//! broken frame, with each version's spelling. [`decode`] turns a payload into a typed message,
//! classifying schema failures into CALLERROR codes and collecting tolerated quirks.

mod code;
mod decode;
mod error;
mod frame;

pub use code::ErrorCode;
pub use decode::{Decoded, PayloadError, PayloadErrorKind, decode};
pub use error::RpcError;
pub use frame::{Call, CallError, CallResult, Frame, MessageId, parse};

/// Largest text frame accepted (bigger ones are refused with WebSocket close 1009).
pub const MAX_FRAME_BYTES: usize = 1 << 20;
/// Largest message id (J16 §4.1.4, P4-201 §4.1.4).
pub const MAX_MESSAGE_ID_CHARS: usize = 36;
/// Longest CALLERROR description (P4-201 Table 7).
pub const MAX_DESCRIPTION_CHARS: usize = 255;
