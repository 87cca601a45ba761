//! Length-limited strings (`CiString20Type` … `CiString500Type` in 1.6, `string` with
//! `maxLength` in 2.x).

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize};

/// Prefix of the serde error raised for a string over its limit; [`crate::rpc`] maps it to
/// `PropertyConstraintViolation`.
pub(crate) const TOO_LONG: &str = "string too long:";

/// A string of at most `N` characters, checked when built and when deserialized.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(transparent)]
pub struct CiString<const N: usize>(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("string of {len} characters is longer than the limit of {max}")]
pub struct TooLong {
    pub len: usize,
    pub max: usize,
}

impl<const N: usize> CiString<N> {
    pub fn new(value: impl Into<String>) -> Result<Self, TooLong> {
        let value = value.into();
        let len = value.chars().count();
        if len > N {
            return Err(TooLong { len, max: N });
        }
        Ok(CiString(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl<const N: usize> Deref for CiString<N> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<const N: usize> fmt::Debug for CiString<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl<const N: usize> fmt::Display for CiString<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<const N: usize> TryFrom<String> for CiString<N> {
    type Error = TooLong;
    fn try_from(value: String) -> Result<Self, TooLong> {
        Self::new(value)
    }
}

impl<const N: usize> TryFrom<&str> for CiString<N> {
    type Error = TooLong;
    fn try_from(value: &str) -> Result<Self, TooLong> {
        Self::new(value)
    }
}

impl<'de, const N: usize> Deserialize<'de> for CiString<N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        // The message names only the limits, never the value: it may end up in a CALLERROR.
        CiString::new(value).map_err(|e| serde::de::Error::custom(format!("{TOO_LONG} {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        assert!(CiString::<3>::new("äöü").is_ok());
        assert_eq!(CiString::<2>::new("äöü"), Err(TooLong { len: 3, max: 2 }));
    }

    #[test]
    fn deserialize_checks_the_limit() {
        let ok: CiString<5> = serde_json::from_str("\"abcde\"").unwrap();
        assert_eq!(ok.as_str(), "abcde");
        let err = serde_json::from_str::<CiString<4>>("\"abcde\"").unwrap_err();
        assert!(err.to_string().starts_with(TOO_LONG));
        assert!(!err.to_string().contains("abcde"));
    }
}

/// A name a station sent where the schema lists the allowed ones, kept as sent: real meters
/// report measurands the specifications do not list (`Temperature` in 2.0.1, vendor names),
/// and refusing the whole MeterValues or TransactionEvent for one such sample would lose the
/// energy readings beside it. Reading one notes [`Quirk::UnlistedName`](crate::Quirk).
/// At most 50 characters (the longest listed names are 31).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct UnlistedName(CiString<50>);

impl UnlistedName {
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl<'de> Deserialize<'de> for UnlistedName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = CiString::<50>::deserialize(deserializer)?;
        crate::quirk::note(crate::Quirk::UnlistedName);
        Ok(UnlistedName(name))
    }
}

/// Read an optional enum that has an untagged fallback variant (an [`UnlistedName`]) from a
/// string first, so that a value of the wrong JSON type stays a type error rather than "no
/// variant matched".
pub(crate) fn text_first<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    match Option::<Text<'de>>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Text(text)) => {
            T::deserialize(serde::de::value::CowStrDeserializer::new(text)).map(Some)
        }
    }
}

/// A JSON string, borrowed from the input where it has no escapes (every sampled value has a
/// measurand: no allocation for the common case).
struct Text<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(std::borrow::Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(std::borrow::Cow::Owned(text.to_owned())))
            }
            fn visit_string<E>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(std::borrow::Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}
