-- Schema version 1. Times are INTEGER unix milliseconds (UTC).

CREATE TABLE stations (
    id               TEXT    NOT NULL PRIMARY KEY,
    password_hash    TEXT,
    site_id          TEXT,
    description      TEXT,
    boot_policy      TEXT    NOT NULL DEFAULT 'Accepted',
    protocol         TEXT,
    boot_status      TEXT,
    vendor           TEXT,
    model            TEXT,
    serial_number    TEXT,
    firmware_version TEXT,
    last_seen        INTEGER
) STRICT;

-- Connector 0 (the whole station) is kept like any other; the API layer hides it.
CREATE TABLE connectors (
    station_id        TEXT    NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    evse_id           INTEGER NOT NULL,
    connector_id      INTEGER NOT NULL,
    status            TEXT    NOT NULL,
    error_code        TEXT,
    info              TEXT,
    vendor_error_code TEXT,
    station_time      INTEGER,
    updated_at        INTEGER NOT NULL,
    PRIMARY KEY (station_id, connector_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE id_tags (
    id_tag        TEXT NOT NULL PRIMARY KEY,
    status        TEXT NOT NULL,
    expiry_date   INTEGER,
    parent_id_tag TEXT
) STRICT;

-- Billing data: no foreign key to stations, so deleting a station never touches it.
-- AUTOINCREMENT: ids are never reused, even after rows are deleted.
CREATE TABLE transactions (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    ocpp_transaction_id TEXT    NOT NULL,
    station_id          TEXT    NOT NULL,
    evse_id             INTEGER NOT NULL,
    connector_id        INTEGER NOT NULL,
    id_tag              TEXT    NOT NULL,
    started_at          INTEGER NOT NULL,
    start_received_at   INTEGER NOT NULL,
    meter_start_wh      REAL    NOT NULL,
    stopped_at          INTEGER,
    stop_received_at    INTEGER,
    meter_stop_wh       REAL,
    stop_reason         TEXT,
    stop_id_tag         TEXT,
    reservation_id      INTEGER,
    remote_start_id     INTEGER
) STRICT;

-- A replayed StartTransaction is recognised by its content (OCPP-RULES.md §7.6).
CREATE UNIQUE INDEX transactions_replay_key
    ON transactions (station_id, connector_id, id_tag, started_at, meter_start_wh);
-- StopTransaction and MeterValues name the station's own transaction id.
CREATE INDEX transactions_ocpp_id ON transactions (station_id, ocpp_transaction_id);
-- Listings: newest first, all stations or one.
CREATE INDEX transactions_newest ON transactions (started_at DESC, id DESC);
CREATE INDEX transactions_station_newest ON transactions (station_id, started_at DESC, id DESC);
-- The active transactions of a station or connector.
CREATE INDEX transactions_active
    ON transactions (station_id, connector_id, started_at)
    WHERE stopped_at IS NULL;

-- One row per sampled value. transaction_id is NULL when the readings could not be filed
-- under a transaction (nothing is dropped). connector_id is -1 for the transactionData of a
-- StopTransaction naming a transaction the system does not know (its connector is unknown).
-- Absent phase/location/context are stored as '' so the deduplication key compares them.
CREATE TABLE meter_values (
    id             INTEGER PRIMARY KEY,
    transaction_id INTEGER REFERENCES transactions (id),
    station_id     TEXT    NOT NULL,
    connector_id   INTEGER NOT NULL,
    timestamp      INTEGER NOT NULL,
    received_at    INTEGER NOT NULL,
    value_num      REAL,
    value_text     TEXT,
    measurand      TEXT    NOT NULL,
    unit           TEXT,
    phase          TEXT    NOT NULL DEFAULT '',
    location       TEXT    NOT NULL DEFAULT '',
    context        TEXT    NOT NULL DEFAULT '',
    CHECK ((value_num IS NULL) <> (value_text IS NULL))
) STRICT;

-- Replays resend MeterValues: a sample already stored is not stored again.
CREATE UNIQUE INDEX meter_values_dedup
    ON meter_values (station_id, connector_id, timestamp, measurand, phase, location, context);
CREATE INDEX meter_values_transaction
    ON meter_values (transaction_id, timestamp, id)
    WHERE transaction_id IS NOT NULL;

-- Raw frames for diagnostics, trimmed to the last N per station.
CREATE TABLE journal (
    seq        INTEGER PRIMARY KEY,
    station_id TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    direction  TEXT    NOT NULL,
    frame      TEXT    NOT NULL
) STRICT;

CREATE INDEX journal_station ON journal (station_id, seq);
