use serde::de::DeserializeOwned;

use super::ErrorCode;
use crate::quirk::{self, Quirk};
use crate::{strings, time};

/// A payload decoded into its typed message, with the quirks tolerated on the way.
#[derive(Debug)]
pub struct Decoded<T> {
    pub value: T,
    pub quirks: Vec<Quirk>,
}

/// What was wrong with a payload, mapped onto the CALLERROR codes.
///
/// The specifications do not say which schema failure gets which code (OCPP-RULES §7.3); this
/// is the mapping nearest to the codes' own definitions (J16 Table 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadErrorKind {
    /// Not JSON, or not an object where one is required.
    Syntax,
    /// A required property is missing.
    Missing,
    /// A property has the wrong JSON type.
    WrongType,
    /// A property has a value outside its constraints (enum, length, range, format).
    BadValue,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct PayloadError {
    pub kind: PayloadErrorKind,
    /// Where, in the payload's own terms (`meterValue[0].sampledValue`); never user data.
    pub message: String,
}

impl PayloadError {
    pub fn code(&self) -> ErrorCode {
        match self.kind {
            PayloadErrorKind::Syntax => ErrorCode::FormatViolation,
            PayloadErrorKind::Missing => ErrorCode::OccurrenceConstraintViolation,
            PayloadErrorKind::WrongType => ErrorCode::TypeConstraintViolation,
            PayloadErrorKind::BadValue => ErrorCode::PropertyConstraintViolation,
        }
    }
}

/// Decode `json` into `T`, accepting and reporting unknown properties and lenient values.
pub fn decode<T: DeserializeOwned>(json: &str) -> Result<Decoded<T>, PayloadError> {
    // serde would also read a struct from an array; OCPP payloads are always objects.
    if !json.trim_start().starts_with('{') {
        return Err(PayloadError {
            kind: PayloadErrorKind::Syntax,
            message: "payload is not a JSON object".into(),
        });
    }
    // Most payloads are fine: decode without tracking paths (serde_path_to_error allocates for
    // every key), and only for a bad one decode again to say where it went wrong.
    if let (Ok((value, unknown)), mut quirks) = quirk::collect(|| {
        let mut unknown = Vec::new();
        let mut de = serde_json::Deserializer::from_str(json);
        let mut on_unknown = |path: serde_ignored::Path<'_>| {
            unknown.push(Quirk::UnknownProperty(path.to_string()));
        };
        let value = T::deserialize(serde_ignored::Deserializer::new(&mut de, &mut on_unknown))?;
        de.end()?;
        Ok::<_, serde_json::Error>((value, unknown))
    }) {
        quirks.extend(unknown);
        return Ok(Decoded { value, quirks });
    }
    // The same decode, so it fails the same way; its quirks are not reported.
    let (result, _) = quirk::collect(|| {
        let mut de = serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| classify(&e, json))?;
        de.end().map_err(|_| PayloadError {
            kind: PayloadErrorKind::Syntax,
            message: "payload is not valid JSON".into(),
        })?;
        Err(PayloadError {
            kind: PayloadErrorKind::Syntax,
            message: "payload could not be decoded".into(),
        })
    });
    result
}

fn classify(err: &serde_path_to_error::Error<serde_json::Error>, json: &str) -> PayloadError {
    let inner = err.inner();
    let path = err.path().to_string();
    let at = if path == "." {
        "the payload".to_owned()
    } else {
        format!("`{path}`")
    };
    // serde_json reports a value that cannot start an enum (`{"type":1}`, `null`, `{}`) as a
    // syntax error; if the text is valid JSON, it was the property's type that was wrong.
    if inner.is_syntax()
        && path != "."
        && serde_json::from_str::<serde::de::IgnoredAny>(json).is_ok()
    {
        return PayloadError {
            kind: PayloadErrorKind::WrongType,
            message: format!("{at} has the wrong type"),
        };
    }
    if inner.is_syntax() || inner.is_eof() {
        return PayloadError {
            kind: PayloadErrorKind::Syntax,
            message: "payload is not valid JSON".into(),
        };
    }
    // serde's data errors carry their kind only in the message; read its fixed prefix, and
    // build our own description so no input value is ever echoed.
    let text = inner.to_string();
    let (kind, message) = if let Some(rest) = text.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let place = if path == "." {
            String::new()
        } else {
            format!(" in `{path}`")
        };
        (
            PayloadErrorKind::Missing,
            format!("required property `{field}` is missing{place}"),
        )
    } else if text.starts_with("invalid type") {
        if path == "." {
            (
                PayloadErrorKind::Syntax,
                "payload is not a JSON object".to_owned(),
            )
        } else {
            (
                PayloadErrorKind::WrongType,
                format!("{at} has the wrong type"),
            )
        }
    } else if text.starts_with(strings::TOO_LONG) {
        (
            PayloadErrorKind::BadValue,
            format!("{at} is longer than allowed"),
        )
    } else if text.starts_with(time::BAD_TIMESTAMP) {
        (
            PayloadErrorKind::BadValue,
            format!("{at} is not a valid date-time"),
        )
    } else if text.starts_with("unknown variant") {
        (
            PayloadErrorKind::BadValue,
            format!("{at} is not one of the allowed values"),
        )
    } else {
        (
            PayloadErrorKind::BadValue,
            format!("{at} has a value outside its constraints"),
        )
    };
    PayloadError { kind, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CiString, Timestamp};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Sample {
        id_tag: CiString<5>,
        connector_id: u32,
        #[serde(default)]
        timestamp: Option<Timestamp>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize)]
    enum Kind {
        A,
    }

    fn kind(json: &str) -> PayloadErrorKind {
        decode::<Sample>(json).unwrap_err().kind
    }

    #[test]
    fn classifies_each_failure() {
        assert_eq!(kind(r#"{"connectorId":1}"#), PayloadErrorKind::Missing);
        assert_eq!(
            kind(r#"{"idTag":"a","connectorId":"1"}"#),
            PayloadErrorKind::WrongType
        );
        assert_eq!(
            kind(r#"{"idTag":"abcdef","connectorId":1}"#),
            PayloadErrorKind::BadValue
        );
        assert_eq!(
            kind(r#"{"idTag":"a","connectorId":-1}"#),
            PayloadErrorKind::BadValue
        );
        assert_eq!(
            kind(r#"{"idTag":"a","connectorId":1,"kind":"B"}"#),
            PayloadErrorKind::BadValue
        );
        assert_eq!(
            kind(r#"{"idTag":"a","connectorId":1,"timestamp":"x"}"#),
            PayloadErrorKind::BadValue
        );
        assert_eq!(kind(r#"[1]"#), PayloadErrorKind::Syntax);
        assert_eq!(kind(r#"{"idTag":"a","#), PayloadErrorKind::Syntax);
        assert_eq!(
            kind(r#"{"idTag":"a","connectorId":1,"kind":"A""#),
            PayloadErrorKind::Syntax
        );
        assert_eq!(
            kind(r#"{"idTag":"a","connectorId":1} x"#),
            PayloadErrorKind::Syntax
        );
    }

    #[test]
    fn enum_of_the_wrong_type_is_not_a_syntax_error() {
        // serde_json calls these syntax errors; the JSON itself is fine.
        for value in ["1", "{}", "[]", "true"] {
            let json = format!(r#"{{"idTag":"a","connectorId":1,"kind":{value}}}"#);
            let err = decode::<Sample>(&json).unwrap_err();
            assert_eq!(err.kind, PayloadErrorKind::WrongType, "{value}");
            assert_eq!(err.message, "`kind` has the wrong type");
        }
    }

    #[test]
    fn missing_field_names_the_field() {
        let err = decode::<Sample>(r#"{"connectorId":1}"#).unwrap_err();
        assert_eq!(err.message, "required property `idTag` is missing");
        assert_eq!(err.code(), ErrorCode::OccurrenceConstraintViolation);
    }

    #[test]
    fn never_echoes_values() {
        let err = decode::<Sample>(r#"{"idTag":"a","connectorId":1,"kind":"EVIL"}"#).unwrap_err();
        assert!(!err.message.contains("EVIL"), "{}", err.message);
        let err = decode::<Sample>(r#"{"idTag":"a","connectorId":"EVIL"}"#).unwrap_err();
        assert!(!err.message.contains("EVIL"), "{}", err.message);
    }

    #[test]
    fn unknown_properties_and_lenient_values_are_reported() {
        let d = decode::<Sample>(
            r#"{"idTag":"a","connectorId":1,"vendorX":{"y":1},"timestamp":"2026-01-01T00:00:00"}"#,
        )
        .unwrap();
        assert_eq!(
            d.quirks,
            vec![
                Quirk::TimestampWithoutZone,
                Quirk::UnknownProperty("vendorX".into())
            ]
        );
    }
}
