//! Tolerated deviations from the schemas.
//!
//! Real chargers send things the schemas forbid but whose meaning is clear: extra properties,
//! `Celcius`, timestamps without a zone. Decoding accepts them, and reports each one here so
//! the server can count it and log it once per station instead of hiding it. Lenient types
//! (see [`crate::time`] and the unit enum in [`crate::v16`]) call [`note`] while they
//! deserialize; [`collect`] gathers what one decode noted.

use std::cell::RefCell;
use std::fmt;

/// One kind of tolerated deviation. `kind()` is the stable name used in metrics and config.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Quirk {
    /// A property the schema does not define; the path says where (`meterValue[0].foo`).
    UnknownProperty(String),
    /// A timestamp without a zone offset, taken as UTC.
    TimestampWithoutZone,
    /// A timestamp outside RFC 3339 but unambiguous (`+0100` offsets, comma fractions, no seconds).
    NonStandardTimestamp,
    /// The unit `Celcius` (a misspelling found in the 1.6 schema itself), taken as `Celsius`.
    MisspelledUnit,
    /// A name outside the schema's list where the list is known to be incomplete in practice
    /// (a sampled value's measurand), kept as sent ([`crate::strings::UnlistedName`]).
    UnlistedName,
    /// MeterValues for connector 0 or without a transaction, accepted as station-level readings.
    MeterValuesWithoutTransaction,
    /// A transaction message that refers to a transaction the system does not know
    /// (including errata §3.18's `-1`), confirmed anyway.
    UnknownTransaction,
    /// A message other than BootNotification on a connection that never booted (allowed by
    /// J16 §5.4 for reconnects, counted so operators can see it).
    NoBootOnReconnect,
}

impl Quirk {
    pub fn kind(&self) -> &'static str {
        match self {
            Quirk::UnknownProperty(_) => "unknown_property",
            Quirk::TimestampWithoutZone => "timestamp_without_zone",
            Quirk::NonStandardTimestamp => "non_standard_timestamp",
            Quirk::MisspelledUnit => "misspelled_unit",
            Quirk::UnlistedName => "unlisted_name",
            Quirk::MeterValuesWithoutTransaction => "meter_values_without_transaction",
            Quirk::UnknownTransaction => "unknown_transaction",
            Quirk::NoBootOnReconnect => "no_boot_on_reconnect",
        }
    }
}

impl fmt::Display for Quirk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Quirk::UnknownProperty(path) => write!(f, "unknown property `{path}`"),
            other => f.write_str(other.kind()),
        }
    }
}

thread_local! {
    static NOTED: RefCell<Option<Vec<Quirk>>> = const { RefCell::new(None) };
}

/// Record a quirk for the decode in progress on this thread (no-op outside [`collect`]).
pub fn note(quirk: Quirk) {
    NOTED.with(|noted| {
        if let Some(list) = noted.borrow_mut().as_mut()
            && !list.contains(&quirk)
        {
            list.push(quirk);
        }
    });
}

/// Run `f` and return what it noted. Nests: an inner `collect` does not leak into the outer.
pub fn collect<T>(f: impl FnOnce() -> T) -> (T, Vec<Quirk>) {
    let outer = NOTED.with(|noted| noted.borrow_mut().replace(Vec::new()));
    let value = f();
    let inner = NOTED.with(|noted| std::mem::replace(&mut *noted.borrow_mut(), outer));
    (value, inner.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collect_gathers_and_deduplicates() {
        let ((), quirks) = collect(|| {
            note(Quirk::MisspelledUnit);
            note(Quirk::MisspelledUnit);
            note(Quirk::TimestampWithoutZone);
        });
        assert_eq!(
            quirks,
            vec![Quirk::MisspelledUnit, Quirk::TimestampWithoutZone]
        );
    }

    #[test]
    fn nested_collect_does_not_leak() {
        let (inner, outer) = collect(|| {
            note(Quirk::MisspelledUnit);
            let ((), inner) = collect(|| note(Quirk::TimestampWithoutZone));
            inner
        });
        assert_eq!(inner, vec![Quirk::TimestampWithoutZone]);
        assert_eq!(outer, vec![Quirk::MisspelledUnit]);
    }

    #[test]
    fn note_outside_collect_is_ignored() {
        note(Quirk::MisspelledUnit);
        let ((), quirks) = collect(|| ());
        assert!(quirks.is_empty());
    }
}
