//! The OCPP version a simulated fleet speaks: its WebSocket subprotocol.
//!
//! 1.6 and 2.0.1 are played: the 2.0.1 messages are built beside the 1.6 ones in `station/`
//! (`v201.rs`, `v201_answer.rs`, `model.rs`), while connectors, sessions, the meter, the
//! offline queue and scenario programs are shared. 2.1 is named so that `--protocol` has its
//! final shape, and refused with a clear error until its messages exist in the protocol crate.

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Protocol {
    #[default]
    Ocpp16,
    Ocpp201,
    Ocpp21,
}

impl Protocol {
    /// The subprotocol offered in the WebSocket handshake, and required of the server's choice.
    pub fn subprotocol(self) -> &'static str {
        match self {
            Protocol::Ocpp16 => "ocpp1.6",
            Protocol::Ocpp201 => "ocpp2.0.1",
            Protocol::Ocpp21 => "ocpp2.1",
        }
    }

    /// Whether the simulator can play stations of this version yet.
    pub fn is_played(self) -> bool {
        matches!(self, Protocol::Ocpp16 | Protocol::Ocpp201)
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.subprotocol())
    }
}

impl FromStr for Protocol {
    type Err = String;
    fn from_str(text: &str) -> Result<Protocol, String> {
        match text {
            "ocpp1.6" => Ok(Protocol::Ocpp16),
            "ocpp2.0.1" => Ok(Protocol::Ocpp201),
            "ocpp2.1" => Ok(Protocol::Ocpp21),
            _ => Err(format!(
                "unknown protocol {text:?} (ocpp1.6, ocpp2.0.1, ocpp2.1)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_21_is_not_played() {
        for protocol in [Protocol::Ocpp16, Protocol::Ocpp201, Protocol::Ocpp21] {
            assert_eq!(protocol.to_string().parse::<Protocol>(), Ok(protocol));
        }
        assert!(Protocol::Ocpp16.is_played());
        assert!(Protocol::Ocpp201.is_played());
        assert!(!Protocol::Ocpp21.is_played());
        assert!("ocpp1.5".parse::<Protocol>().is_err());
    }
}
