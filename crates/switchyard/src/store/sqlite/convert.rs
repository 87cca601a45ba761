//! Conversions between domain values and SQLite columns.
//!
//! Times are INTEGER unix milliseconds (UTC); enums are their names as TEXT; ids are INTEGER.
//! Reading a value this build cannot understand is a conversion error, not a panic.

use chrono::DateTime;
use rusqlite::Row;
use rusqlite::types::Type;

use crate::domain::{BootPolicy, BootStatus, SecurityProfile, StationId, TagStatus, Time};

pub(crate) fn millis(time: Time) -> i64 {
    time.timestamp_millis()
}

pub(crate) fn opt_millis(time: Option<Time>) -> Option<i64> {
    time.map(millis)
}

fn conversion_error(index: usize, ty: Type, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, ty, message.into())
}

pub(crate) fn time_at(row: &Row<'_>, index: usize) -> rusqlite::Result<Time> {
    let ms: i64 = row.get(index)?;
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| conversion_error(index, Type::Integer, format!("time out of range: {ms}")))
}

pub(crate) fn opt_time_at(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<Time>> {
    match row.get::<_, Option<i64>>(index)? {
        None => Ok(None),
        Some(_) => time_at(row, index).map(Some),
    }
}

pub(crate) fn u32_at(row: &Row<'_>, index: usize) -> rusqlite::Result<u32> {
    let value: i64 = row.get(index)?;
    u32::try_from(value).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(index, value))
}

pub(crate) fn station_id_at(row: &Row<'_>, index: usize) -> rusqlite::Result<StationId> {
    let text: String = row.get(index)?;
    StationId::new(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

pub(crate) fn tag_status_at(row: &Row<'_>, index: usize) -> rusqlite::Result<TagStatus> {
    let text: String = row.get(index)?;
    TagStatus::parse(&text)
        .ok_or_else(|| conversion_error(index, Type::Text, format!("unknown tag status {text:?}")))
}

pub(crate) fn boot_status_at(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<BootStatus>> {
    match row.get::<_, Option<String>>(index)? {
        None => Ok(None),
        Some(text) => BootStatus::parse(&text).map(Some).ok_or_else(|| {
            conversion_error(index, Type::Text, format!("unknown boot status {text:?}"))
        }),
    }
}

pub(crate) fn boot_policy_str(policy: BootPolicy) -> &'static str {
    match policy {
        BootPolicy::Accepted => "Accepted",
        BootPolicy::Pending => "Pending",
        BootPolicy::Rejected => "Rejected",
    }
}

pub(crate) fn boot_policy_at(row: &Row<'_>, index: usize) -> rusqlite::Result<BootPolicy> {
    let text: String = row.get(index)?;
    match text.as_str() {
        "Accepted" => Ok(BootPolicy::Accepted),
        "Pending" => Ok(BootPolicy::Pending),
        "Rejected" => Ok(BootPolicy::Rejected),
        _ => Err(conversion_error(
            index,
            Type::Text,
            format!("unknown boot policy {text:?}"),
        )),
    }
}

pub(crate) fn security_profile_at(
    row: &Row<'_>,
    index: usize,
) -> rusqlite::Result<Option<SecurityProfile>> {
    let Some(number) = row.get::<_, Option<u8>>(index)? else {
        return Ok(None);
    };
    SecurityProfile::try_from(number)
        .map(Some)
        .map_err(|e| conversion_error(index, Type::Integer, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn time_round_trips_at_millisecond_precision() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let t = Utc.timestamp_millis_opt(1_767_225_600_123).unwrap();
        let back = conn
            .query_row("SELECT ?1", [millis(t)], |row| time_at(row, 0))
            .unwrap();
        assert_eq!(back, t);
        let none = conn
            .query_row("SELECT NULL", [], |row| opt_time_at(row, 0))
            .unwrap();
        assert_eq!(none, None);
    }

    #[test]
    fn bad_values_are_errors() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        assert!(
            conn.query_row("SELECT -1", [], |row| u32_at(row, 0))
                .is_err()
        );
        assert!(
            conn.query_row("SELECT 'Maybe'", [], |row| tag_status_at(row, 0))
                .is_err()
        );
        assert!(
            conn.query_row("SELECT ''", [], |row| station_id_at(row, 0))
                .is_err()
        );
        assert!(
            conn.query_row("SELECT 'x'", [], |row| boot_policy_at(row, 0))
                .is_err()
        );
    }
}
