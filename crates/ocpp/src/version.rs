use std::fmt;

/// An OCPP-J protocol version, as negotiated by WebSocket subprotocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Version {
    V16,
    V201,
    V21,
}

impl Version {
    /// Versions this crate can speak today, in the server's order of preference.
    pub const SUPPORTED: &'static [Version] = &[Version::V16, Version::V201];

    /// The WebSocket subprotocol token (J16 Table 1, P4-201 Table 1, P4-21 §3.1.2).
    pub const fn subprotocol(self) -> &'static str {
        match self {
            Version::V16 => "ocpp1.6",
            Version::V201 => "ocpp2.0.1",
            Version::V21 => "ocpp2.1",
        }
    }

    pub fn from_subprotocol(token: &str) -> Option<Version> {
        match token.trim() {
            "ocpp1.6" => Some(Version::V16),
            "ocpp2.0.1" => Some(Version::V201),
            "ocpp2.1" => Some(Version::V21),
            _ => None,
        }
    }

    pub fn is_supported(self) -> bool {
        Self::SUPPORTED.contains(&self)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.subprotocol())
    }
}
