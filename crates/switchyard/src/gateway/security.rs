//! Which stations a connection may speak for: the security profile rules of OCPP-RULES.md
//! §7.2, decided before the WebSocket upgrade. Sans-IO: the gateway hands in what it knows.

use axum::http::StatusCode;

use super::tls::ClientSubject;
use crate::domain::{SecurityProfile, StationId};

/// How the connection reached us.
#[derive(Clone, Copy, Debug)]
pub enum Transport<'a> {
    /// ws:// on the plain listener.
    Plain,
    /// wss:// on the TLS listener, with the client certificate's subject if one was shown
    /// (by then verified against the client CA).
    Tls { client: Option<&'a ClientSubject> },
}

/// What is left to check after the transport passed: the Basic auth password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Password {
    /// A password must be set and presented (profiles 1 and 2).
    Required,
    /// Checked if the station has one (no profile set, or profile 0): as before profiles.
    IfSet,
    /// Not asked for: the client certificate authenticates (profile 3).
    NotAsked,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub status: StatusCode,
    pub message: &'static str,
}

fn refuse(message: &'static str) -> Refusal {
    Refusal {
        status: StatusCode::FORBIDDEN,
        message,
    }
}

/// Whether `station`, registered with `profile`, may connect over `transport`, and what is
/// then asked of its password. `organization`: the O a client certificate must carry.
pub fn admit(
    station: &StationId,
    profile: Option<SecurityProfile>,
    transport: Transport<'_>,
    organization: Option<&str>,
) -> Result<Password, Refusal> {
    let client = match transport {
        Transport::Plain => None,
        Transport::Tls { client } => client,
    };
    // A certificate speaks for one station only, whatever the profile (A00.FR.407).
    //
    // A00.FR.405 says CN is the station's serial number, and the security whitepaper
    // recommends using that serial number as the station identity in the URL. The identity
    // is what the CSMS knows before the station has said anything (a BootNotification's
    // serialNumber is the station's own claim), so CN is compared with the station id.
    // A00.FR.404 (O is the operator's name) is checked when the operator has configured
    // that name (--tls-client-organization); without it the CA alone vouches for O.
    if let Some(subject) = client {
        if subject.common_name.as_deref() != Some(station.as_str()) {
            return Err(refuse("the client certificate is not this station's (CN)"));
        }
        if let Some(expected) = organization
            && subject.organization.as_deref() != Some(expected)
        {
            return Err(refuse(
                "the client certificate is not from this operator (O)",
            ));
        }
    }
    let tls = matches!(transport, Transport::Tls { .. });
    // A00.FR.001/002: a station registered with a profile connects with that one only, so a
    // profile-2/3 station is never let in over plain ws:// (no downgrade), nor a 0/1 one
    // over TLS.
    match profile {
        None => Ok(Password::IfSet),
        Some(SecurityProfile::Unsecured) if !tls => Ok(Password::IfSet),
        Some(SecurityProfile::BasicAuth) if !tls => Ok(Password::Required),
        Some(SecurityProfile::Unsecured | SecurityProfile::BasicAuth) => Err(refuse(
            "the station is registered with security profile 0 or 1: connect over ws://",
        )),
        Some(SecurityProfile::TlsBasicAuth) if tls => Ok(Password::Required),
        Some(SecurityProfile::TlsClientCertificate) if client.is_some() => Ok(Password::NotAsked),
        Some(SecurityProfile::TlsClientCertificate) if tls => Err(refuse(
            "the station is registered with security profile 3: present a client certificate",
        )),
        Some(SecurityProfile::TlsBasicAuth | SecurityProfile::TlsClientCertificate) => Err(refuse(
            "the station is registered with security profile 2 or 3: connect over wss://",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> StationId {
        StationId::new(s.to_owned()).unwrap()
    }

    fn subject(cn: &str, o: &str) -> ClientSubject {
        ClientSubject {
            common_name: Some(cn.into()),
            organization: Some(o.into()),
        }
    }

    const PLAIN: Transport<'static> = Transport::Plain;
    const TLS: Transport<'static> = Transport::Tls { client: None };

    #[test]
    fn without_a_profile_the_password_decides_on_either_transport() {
        assert_eq!(admit(&id("CP"), None, PLAIN, None), Ok(Password::IfSet));
        assert_eq!(admit(&id("CP"), None, TLS, None), Ok(Password::IfSet));
    }

    #[test]
    fn each_profile_has_its_transport() {
        use SecurityProfile::*;
        let cp = id("CP");
        let good = subject("CP", "Op");
        let mtls = Transport::Tls {
            client: Some(&good),
        };
        assert_eq!(
            admit(&cp, Some(Unsecured), PLAIN, None),
            Ok(Password::IfSet)
        );
        assert!(admit(&cp, Some(Unsecured), TLS, None).is_err());
        assert_eq!(
            admit(&cp, Some(BasicAuth), PLAIN, None),
            Ok(Password::Required)
        );
        assert!(admit(&cp, Some(BasicAuth), TLS, None).is_err());
        // No downgrade: profile 2 and 3 never over plain ws://.
        assert!(admit(&cp, Some(TlsBasicAuth), PLAIN, None).is_err());
        assert_eq!(
            admit(&cp, Some(TlsBasicAuth), TLS, None),
            Ok(Password::Required)
        );
        assert!(admit(&cp, Some(TlsClientCertificate), PLAIN, None).is_err());
        assert!(admit(&cp, Some(TlsClientCertificate), TLS, None).is_err());
        assert_eq!(
            admit(&cp, Some(TlsClientCertificate), mtls, None),
            Ok(Password::NotAsked)
        );
    }

    #[test]
    fn a_certificate_speaks_for_its_own_station_and_operator() {
        let other = subject("CP-2", "Op");
        let refused = admit(
            &id("CP-1"),
            Some(SecurityProfile::TlsClientCertificate),
            Transport::Tls {
                client: Some(&other),
            },
            None,
        );
        assert_eq!(refused.unwrap_err().status, StatusCode::FORBIDDEN);
        // Even a station without a profile cannot borrow another's certificate.
        assert!(
            admit(
                &id("CP-1"),
                None,
                Transport::Tls {
                    client: Some(&other)
                },
                None
            )
            .is_err()
        );
        let good = subject("CP-1", "Op");
        let mtls = Transport::Tls {
            client: Some(&good),
        };
        let profile = Some(SecurityProfile::TlsClientCertificate);
        assert!(admit(&id("CP-1"), profile, mtls, Some("Op")).is_ok());
        assert!(admit(&id("CP-1"), profile, mtls, Some("Other")).is_err());
    }
}
