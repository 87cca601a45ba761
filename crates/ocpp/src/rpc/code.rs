use crate::Version;

/// A CALLERROR code. Spelling differs by version: see [`ErrorCode::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,
    /// `FormationViolation` in 1.6 (J16E §5.2: "do not fix"), `FormatViolation` in 2.x.
    FormatViolation,
    PropertyConstraintViolation,
    /// `OccurenceConstraintViolation` in 1.6 (J16E §5.1), `OccurrenceConstraintViolation` in 2.x.
    OccurrenceConstraintViolation,
    TypeConstraintViolation,
    GenericError,
    /// 2.x only; 1.6 has no such code and ignores unknown message types instead.
    MessageTypeNotSupported,
    /// 2.x only; on 1.6 it is sent as `FormationViolation`.
    RpcFrameworkError,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 12] = [
        ErrorCode::NotImplemented,
        ErrorCode::NotSupported,
        ErrorCode::InternalError,
        ErrorCode::ProtocolError,
        ErrorCode::SecurityError,
        ErrorCode::FormatViolation,
        ErrorCode::PropertyConstraintViolation,
        ErrorCode::OccurrenceConstraintViolation,
        ErrorCode::TypeConstraintViolation,
        ErrorCode::GenericError,
        ErrorCode::MessageTypeNotSupported,
        ErrorCode::RpcFrameworkError,
    ];

    /// The exact string for `version` (J16 Table 7, P4-201 Table 8, P4-21 Table 9).
    pub fn as_str(self, version: Version) -> &'static str {
        let v16 = version == Version::V16;
        match self {
            ErrorCode::NotImplemented => "NotImplemented",
            ErrorCode::NotSupported => "NotSupported",
            ErrorCode::InternalError => "InternalError",
            ErrorCode::ProtocolError => "ProtocolError",
            ErrorCode::SecurityError => "SecurityError",
            ErrorCode::FormatViolation | ErrorCode::RpcFrameworkError if v16 => {
                "FormationViolation"
            }
            ErrorCode::FormatViolation => "FormatViolation",
            ErrorCode::PropertyConstraintViolation => "PropertyConstraintViolation",
            ErrorCode::OccurrenceConstraintViolation if v16 => "OccurenceConstraintViolation",
            ErrorCode::OccurrenceConstraintViolation => "OccurrenceConstraintViolation",
            ErrorCode::TypeConstraintViolation => "TypeConstraintViolation",
            ErrorCode::GenericError => "GenericError",
            ErrorCode::MessageTypeNotSupported if v16 => "NotSupported",
            ErrorCode::MessageTypeNotSupported => "MessageTypeNotSupported",
            ErrorCode::RpcFrameworkError => "RpcFrameworkError",
        }
    }

    /// Read a code a peer sent, in any version's spelling.
    pub fn parse(text: &str) -> Option<ErrorCode> {
        Some(match text {
            "NotImplemented" => ErrorCode::NotImplemented,
            "NotSupported" => ErrorCode::NotSupported,
            "InternalError" => ErrorCode::InternalError,
            "ProtocolError" => ErrorCode::ProtocolError,
            "SecurityError" => ErrorCode::SecurityError,
            "FormationViolation" | "FormatViolation" => ErrorCode::FormatViolation,
            "PropertyConstraintViolation" => ErrorCode::PropertyConstraintViolation,
            "OccurenceConstraintViolation" | "OccurrenceConstraintViolation" => {
                ErrorCode::OccurrenceConstraintViolation
            }
            "TypeConstraintViolation" => ErrorCode::TypeConstraintViolation,
            "GenericError" => ErrorCode::GenericError,
            "MessageTypeNotSupported" => ErrorCode::MessageTypeNotSupported,
            "RpcFrameworkError" => ErrorCode::RpcFrameworkError,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v16_keeps_the_errata_spellings() {
        assert_eq!(
            ErrorCode::FormatViolation.as_str(Version::V16),
            "FormationViolation"
        );
        assert_eq!(
            ErrorCode::OccurrenceConstraintViolation.as_str(Version::V16),
            "OccurenceConstraintViolation"
        );
        assert_eq!(
            ErrorCode::FormatViolation.as_str(Version::V201),
            "FormatViolation"
        );
        assert_eq!(
            ErrorCode::OccurrenceConstraintViolation.as_str(Version::V21),
            "OccurrenceConstraintViolation"
        );
    }

    #[test]
    fn every_spelling_parses_back() {
        for version in [Version::V16, Version::V201, Version::V21] {
            for code in ErrorCode::ALL {
                let text = code.as_str(version);
                assert!(ErrorCode::parse(text).is_some(), "{text}");
            }
        }
    }
}
