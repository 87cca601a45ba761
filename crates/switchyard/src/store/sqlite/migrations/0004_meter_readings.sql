-- Schema version 4: one row per meter reading instead of one per sampled value.
--
-- A MeterValues from a 1.6 station carries ~10 sampled values per timestamp; stored one row
-- each (two indexes), a message cost ~20 B-tree inserts and the writer could not keep up.
-- Now a reading (one station, connector and timestamp) is one row, and its sampled values are
-- a JSON array in `samples`, each an object with one-letter keys:
--   v  the value, a number            t  the value as text, when it is not a finite number
--   m  measurand (always present)     u  unit (kWh stored as Wh, kW as W)
--   p  phase     l  location          c  context
-- Absent keys (or null) mean the station did not send them. Query them with json_each, e.g.
--   SELECT r.timestamp, s.value ->> 'v' FROM meter_readings r, json_each(r.samples) s
--    WHERE s.value ->> 'm' = 'Energy.Active.Import.Register';
--
-- Replays: a reading already stored for (timestamp, station, connector) is not stored again;
-- a later message with samples the stored reading lacks (another measurand, phase, location
-- or context) adds them to it. transaction_id is NULL when the reading could not be filed
-- under a transaction; connector_id is -1 for the transactionData of a StopTransaction naming
-- a transaction the system does not know.
CREATE TABLE meter_readings (
    id             INTEGER PRIMARY KEY,
    transaction_id INTEGER REFERENCES transactions (id),
    station_id     TEXT    NOT NULL,
    connector_id   INTEGER NOT NULL,
    timestamp      INTEGER NOT NULL,
    received_at    INTEGER NOT NULL,
    samples        TEXT    NOT NULL
) STRICT;

-- Led by time, like 0003: new readings land at the index's right edge.
CREATE UNIQUE INDEX meter_readings_dedup ON meter_readings (timestamp, station_id, connector_id);
CREATE INDEX meter_readings_transaction
    ON meter_readings (transaction_id, timestamp)
    WHERE transaction_id IS NOT NULL;

INSERT INTO meter_readings (transaction_id, station_id, connector_id, timestamp, received_at,
                            samples)
SELECT max(transaction_id), station_id, connector_id, timestamp, min(received_at),
       json_group_array(json_object('v', value_num, 't', value_text, 'm', measurand,
                                    'u', unit, 'p', nullif(phase, ''),
                                    'l', nullif(location, ''), 'c', nullif(context, '')))
  FROM (SELECT * FROM meter_values ORDER BY timestamp, station_id, connector_id, id)
 GROUP BY timestamp, station_id, connector_id;

DROP TABLE meter_values;
