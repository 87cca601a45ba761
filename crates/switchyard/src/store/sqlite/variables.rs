//! `station_variables`: what stations report of their configuration (device model variables
//! and 1.6 configuration keys), merged report by report.

use rusqlite::types::ToSql;
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

use super::convert::{millis, time_at, u32_at};
use crate::domain::{
    Attribute, Characteristics, StationId, VariableKey, VariableRecord, VariablesReport,
};

const KEY_COLUMNS: &str = "component, component_instance, evse_id, connector_id, variable, \
                           variable_instance";

/// The key as columns: absent parts are '' or 0 (see migration 7).
struct KeyColumns<'a> {
    component: &'a str,
    component_instance: &'a str,
    evse_id: u32,
    connector_id: u32,
    variable: &'a str,
    variable_instance: &'a str,
}

impl<'a> KeyColumns<'a> {
    fn of(key: &'a VariableKey) -> KeyColumns<'a> {
        KeyColumns {
            component: key.component.as_deref().unwrap_or(""),
            component_instance: key.component_instance.as_deref().unwrap_or(""),
            evse_id: key.evse_id.unwrap_or(0),
            connector_id: key.connector_id.unwrap_or(0),
            variable: &key.variable,
            variable_instance: key.variable_instance.as_deref().unwrap_or(""),
        }
    }

    /// `?1` … `?7`: the station, then [`KEY_COLUMNS`] in order.
    fn params<'s>(&'s self, station: &'s &'s str) -> [&'s dyn ToSql; 7] {
        [
            station,
            &self.component,
            &self.component_instance,
            &self.evse_id,
            &self.connector_id,
            &self.variable,
            &self.variable_instance,
        ]
    }
}

fn some_text(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

fn some_id(id: u32) -> Option<u32> {
    (id != 0).then_some(id)
}

fn json_at<T: serde::de::DeserializeOwned>(row: &Row<'_>, index: usize) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

fn variable_row(row: &Row<'_>) -> rusqlite::Result<VariableRecord> {
    Ok(VariableRecord {
        key: VariableKey {
            component: some_text(row.get(0)?),
            component_instance: some_text(row.get(1)?),
            evse_id: some_id(u32_at(row, 2)?),
            connector_id: some_id(u32_at(row, 3)?),
            variable: row.get(4)?,
            variable_instance: some_text(row.get(5)?),
        },
        attributes: json_at(row, 6)?,
        characteristics: match row.get::<_, Option<String>>(7)? {
            None => None,
            Some(_) => Some(json_at::<Characteristics>(row, 7)?),
        },
        reported_at: time_at(row, 8)?,
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// Merge a report into what is known. A station that is not registered (deleted meanwhile)
/// has nothing to update. Returns how many variables the report named.
pub(crate) fn report(conn: &Connection, report: &VariablesReport) -> rusqlite::Result<usize> {
    let station = report.station_id.as_str();
    let exists = conn
        .prepare_cached("SELECT 1 FROM stations WHERE id = ?1")?
        .query_row([station], |_| Ok(()))
        .optional()?
        .is_some();
    if !exists {
        return Ok(0);
    }
    for reported in &report.variables {
        let key = KeyColumns::of(&reported.key);
        let known = conn
            .prepare_cached(&format!(
                "SELECT {KEY_COLUMNS}, attributes, characteristics, reported_at \
                 FROM station_variables WHERE station_id = ?1 AND component = ?2 \
                 AND component_instance = ?3 AND evse_id = ?4 AND connector_id = ?5 \
                 AND variable = ?6 AND variable_instance = ?7"
            ))?
            .query_row(key.params(&station), variable_row)
            .optional()?;
        let mut record = known.unwrap_or_else(|| VariableRecord {
            key: reported.key.clone(),
            attributes: Vec::new(),
            characteristics: None,
            reported_at: report.received_at,
        });
        record.merge(reported, report.received_at);
        // Credentials are never kept, whichever message carried them.
        if reported.key.is_secret() {
            record.attributes.iter_mut().for_each(|a| a.value = None);
        }
        let attributes = to_json::<Vec<Attribute>>(&record.attributes)?;
        let characteristics = record.characteristics.as_ref().map(to_json).transpose()?;
        let reported_at = millis(record.reported_at);
        let values: [&dyn ToSql; 3] = [&attributes, &characteristics, &reported_at];
        conn.prepare_cached(&format!(
            "INSERT INTO station_variables (station_id, {KEY_COLUMNS}, attributes, \
                 characteristics, reported_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
             ON CONFLICT DO UPDATE SET attributes = excluded.attributes, \
                 characteristics = excluded.characteristics, \
                 reported_at = excluded.reported_at"
        ))?
        .execute(params_from_iter(
            key.params(&station).into_iter().chain(values),
        ))?;
    }
    Ok(report.variables.len())
}

/// Every variable known of a station: 1.6 keys first, then by component and variable.
pub(crate) fn variables(
    conn: &Connection,
    station_id: &StationId,
) -> rusqlite::Result<Vec<VariableRecord>> {
    conn.prepare_cached(&format!(
        "SELECT {KEY_COLUMNS}, attributes, characteristics, reported_at \
         FROM station_variables WHERE station_id = ?1 \
         ORDER BY component, component_instance, evse_id, connector_id, variable, \
             variable_instance"
    ))?
    .query_map([station_id.as_str()], variable_row)?
    .collect()
}
