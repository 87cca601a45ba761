//! What a station reports to its driver.

use std::time::Duration;

use serde::Serialize;

/// A transaction the server confirmed both ends of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompletedTransaction {
    pub station_id: String,
    /// The connector (1.6), or the EVSE's connector, always 1 (2.0.1).
    pub connector_id: u32,
    /// 2.0.1: the EVSE (the simulator's "connector" n is EVSE n).
    pub evse_id: Option<u32>,
    /// What the station calls it: the 1.6 integer as text, or the 2.0.1 transactionId (the
    /// API's `ocpp_transaction_id`).
    pub transaction_id: String,
    pub meter_start_wh: i64,
    pub meter_stop_wh: i64,
}

/// What happened, for the driver's statistics.
#[derive(Debug, Clone, PartialEq)]
pub enum StationEvent {
    /// One of our calls was answered; `error` is the CALLERROR code if it was refused.
    Reply {
        action: String,
        round_trip: Duration,
        error: Option<String>,
    },
    Timeout {
        action: String,
    },
    /// The server broke the protocol (a bad frame, an unreadable answer).
    Violation(String),
    /// A business refusal: boot not accepted, id tag not accepted.
    Refused {
        action: &'static str,
        status: String,
    },
    Booted,
    /// The server called us; answered already.
    ServerCall {
        action: String,
    },
    TransactionStarted,
    TransactionCompleted(CompletedTransaction),
    /// Reset: close the connection and connect again (then `handle_connected`).
    Reconnect,
    /// `offline` scenario: close the socket now (`handle_disconnected`), keep calling
    /// `handle_timeout` for this long, then connect again.
    GoOffline(Duration),
}
