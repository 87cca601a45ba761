//! OCPP security profiles (OCPP-RULES.md §7.2): how a station must connect.

use serde::{Deserialize, Serialize};

/// The one profile a station is registered with. A00.FR.001/002: a station connects with one
/// profile at a time, and one that connects with another is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum SecurityProfile {
    /// 0: plain ws://, no authentication asked for.
    Unsecured,
    /// 1: plain ws:// with HTTP Basic auth.
    BasicAuth,
    /// 2: wss:// (TLS, server certificate) with HTTP Basic auth.
    TlsBasicAuth,
    /// 3: wss:// with a client certificate (mutual TLS).
    TlsClientCertificate,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("a security profile is 0, 1, 2 or 3, not {0}")]
pub struct UnknownSecurityProfile(pub u8);

impl SecurityProfile {
    pub fn number(self) -> u8 {
        match self {
            SecurityProfile::Unsecured => 0,
            SecurityProfile::BasicAuth => 1,
            SecurityProfile::TlsBasicAuth => 2,
            SecurityProfile::TlsClientCertificate => 3,
        }
    }

    /// Whether the profile runs over TLS (2 and 3).
    pub fn needs_tls(self) -> bool {
        self >= SecurityProfile::TlsBasicAuth
    }
}

impl TryFrom<u8> for SecurityProfile {
    type Error = UnknownSecurityProfile;

    fn try_from(number: u8) -> Result<SecurityProfile, UnknownSecurityProfile> {
        match number {
            0 => Ok(SecurityProfile::Unsecured),
            1 => Ok(SecurityProfile::BasicAuth),
            2 => Ok(SecurityProfile::TlsBasicAuth),
            3 => Ok(SecurityProfile::TlsClientCertificate),
            other => Err(UnknownSecurityProfile(other)),
        }
    }
}

impl From<SecurityProfile> for u8 {
    fn from(profile: SecurityProfile) -> u8 {
        profile.number()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for number in 0..=3u8 {
            let profile = SecurityProfile::try_from(number).unwrap();
            assert_eq!(profile.number(), number);
            assert_eq!(profile.needs_tls(), number >= 2);
        }
        assert_eq!(SecurityProfile::try_from(4), Err(UnknownSecurityProfile(4)));
    }
}
