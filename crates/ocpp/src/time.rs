//! Timestamps as stations send them.
//!
//! We always emit RFC 3339 UTC with milliseconds (`2026-01-02T03:04:05.000Z`). We accept what
//! the field sees: RFC 3339, the unambiguous variants jiff reads (`+0100`, comma fractions,
//! no seconds), and timestamps without any zone, taken as UTC. The last two are noted as
//! quirks.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::quirk::{self, Quirk};

/// Prefix of the serde error for an unreadable timestamp (a `PropertyConstraintViolation`).
pub(crate) const BAD_TIMESTAMP: &str = "invalid date-time:";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    pub fn from_unix_millis(ms: i64) -> Option<Timestamp> {
        Utc.timestamp_millis_opt(ms).single().map(Timestamp)
    }

    pub fn unix_millis(self) -> i64 {
        self.0.timestamp_millis()
    }

    /// Parse leniently, noting a quirk for anything that is not plain RFC 3339.
    pub fn parse(text: &str) -> Option<Timestamp> {
        if let Ok(t) = DateTime::parse_from_rfc3339(text) {
            return Some(Timestamp(t.with_timezone(&Utc)));
        }
        if let Ok(t) = jiff::Timestamp::from_str(text) {
            quirk::note(Quirk::NonStandardTimestamp);
            return from_jiff(t);
        }
        if let Ok(civil) = jiff::civil::DateTime::from_str(text) {
            let t = civil.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp();
            quirk::note(Quirk::TimestampWithoutZone);
            return from_jiff(t);
        }
        None
    }
}

fn from_jiff(t: jiff::Timestamp) -> Option<Timestamp> {
    let nanos = t.as_nanosecond();
    let secs = i64::try_from(nanos.div_euclid(1_000_000_000)).ok()?;
    let sub = u32::try_from(nanos.rem_euclid(1_000_000_000)).ok()?;
    Utc.timestamp_opt(secs, sub).single().map(Timestamp)
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(t: DateTime<Utc>) -> Self {
        Timestamp(t)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::Millis, true))
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("{BAD_TIMESTAMP} not an ISO 8601 date-time"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quirk::collect;

    fn parse(text: &str) -> (Option<String>, Vec<Quirk>) {
        let (t, q) = collect(|| Timestamp::parse(text));
        (t.map(|t| t.to_string()), q)
    }

    #[test]
    fn rfc3339_is_clean() {
        assert_eq!(
            parse("2026-11-21T18:00:00Z"),
            (Some("2026-11-21T18:00:00.000Z".into()), vec![])
        );
        assert_eq!(
            parse("2026-11-21T19:00:00.123+01:00"),
            (Some("2026-11-21T18:00:00.123Z".into()), vec![])
        );
    }

    #[test]
    fn variants_are_noted() {
        assert_eq!(
            parse("2026-11-21T19:00:00+0100"),
            (
                Some("2026-11-21T18:00:00.000Z".into()),
                vec![Quirk::NonStandardTimestamp]
            )
        );
    }

    #[test]
    fn missing_zone_is_utc() {
        assert_eq!(
            parse("2026-11-21T18:00:00"),
            (
                Some("2026-11-21T18:00:00.000Z".into()),
                vec![Quirk::TimestampWithoutZone]
            )
        );
        assert_eq!(
            parse("2026-11-21T18:00:00.500"),
            (
                Some("2026-11-21T18:00:00.500Z".into()),
                vec![Quirk::TimestampWithoutZone]
            )
        );
    }

    #[test]
    fn garbage_is_refused() {
        assert_eq!(parse("yesterday").0, None);
        assert_eq!(parse("").0, None);
        let err = serde_json::from_str::<Timestamp>("\"nope\"").unwrap_err();
        assert!(err.to_string().starts_with(BAD_TIMESTAMP));
        assert!(serde_json::from_str::<Timestamp>("12").is_err());
    }
}
