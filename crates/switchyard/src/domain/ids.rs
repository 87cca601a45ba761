use std::fmt;

/// A charging station's identity: the last path segment of its WebSocket URL.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StationId(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StationIdError {
    #[error("a station id must not be empty")]
    Empty,
    #[error("a station id has at most 48 characters")]
    TooLong,
    #[error("a station id must not contain ':' or control characters")]
    BadCharacter,
}

impl StationId {
    /// Station ids double as Basic-auth user names (P4-201 §3.1.1): at most 48 characters,
    /// no `:`, no control characters.
    pub fn new(id: impl Into<String>) -> Result<StationId, StationIdError> {
        let id = id.into();
        if id.is_empty() {
            return Err(StationIdError::Empty);
        }
        if id.chars().count() > 48 {
            return Err(StationIdError::TooLong);
        }
        if id.chars().any(|c| c == ':' || c.is_control()) {
            return Err(StationIdError::BadCharacter);
        }
        Ok(StationId(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for StationId {
    type Error = StationIdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        StationId::new(value)
    }
}

impl From<StationId> for String {
    fn from(id: StationId) -> String {
        id.0
    }
}

impl fmt::Display for StationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for StationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates() {
        assert!(StationId::new("CP-1").is_ok());
        assert!(StationId::new("RDAM 123").is_ok());
        assert_eq!(StationId::new(""), Err(StationIdError::Empty));
        assert_eq!(StationId::new("a:b"), Err(StationIdError::BadCharacter));
        assert_eq!(StationId::new("x".repeat(49)), Err(StationIdError::TooLong));
    }
}
