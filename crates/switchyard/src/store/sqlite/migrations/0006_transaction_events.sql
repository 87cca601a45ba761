-- Schema version 6: what OCPP 2.0.1 and 2.1 stations need of the station and billing tables.
--
-- Tables are rebuilt the way SQLite documents it (create, copy, drop, rename); `schema.rs`
-- runs migrations with foreign keys off and checks them before each commit.

-- 2.x numbers connectors within an EVSE (EVSE 1 and EVSE 2 may each have a connector 1), so a
-- connector is keyed by station, EVSE and connector. A 1.6 connector has evse_id =
-- connector_id, so every existing row keeps its key.
CREATE TABLE connectors_v6 (
    station_id        TEXT    NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    evse_id           INTEGER NOT NULL,
    connector_id      INTEGER NOT NULL,
    status            TEXT    NOT NULL,
    error_code        TEXT,
    info              TEXT,
    vendor_error_code TEXT,
    station_time      INTEGER,
    updated_at        INTEGER NOT NULL,
    PRIMARY KEY (station_id, evse_id, connector_id)
) STRICT, WITHOUT ROWID;
INSERT INTO connectors_v6 (station_id, evse_id, connector_id, status, error_code, info,
                           vendor_error_code, station_time, updated_at)
SELECT station_id, evse_id, connector_id, status, error_code, info, vendor_error_code,
       station_time, updated_at
  FROM connectors;
DROP TABLE connectors;
ALTER TABLE connectors_v6 RENAME TO connectors;

-- Transactions, now of any version:
--   protocol        the OCPP version the station reported the transaction in. A 1.6 start is
--                   recognised on replay by its content (transactions_replay_key); a 2.x
--                   transaction by the station's own transactionId (transactions_station_key).
--   meter_start_wh  NULL until known: a 2.x transaction has no meterStart, its start is its
--                   first Energy.Active.Import.Register reading.
--   id_tag          '' while a 2.x transaction has not been authorised yet (cable first).
--   meter_start_at, meter_last_wh, meter_last_at
--                   2.x: when the start reading was taken, and the latest energy register
--                   reading by the station's time (it becomes meter_stop_wh at the end; events
--                   replayed out of order cannot move it backwards).
--   last_seq_no     the highest TransactionEvent seqNo seen (2.x).
--   flag            why the billing figures are not to be trusted as they stand, or NULL:
--                   'lifetime_meter_baseline' when the first energy reading looked like a
--                   meter's lifetime register after a zero or missing baseline and was taken
--                   as the start instead (see billing.rs).
CREATE TABLE transactions_v6 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    ocpp_transaction_id TEXT    NOT NULL,
    station_id          TEXT    NOT NULL,
    evse_id             INTEGER NOT NULL,
    connector_id        INTEGER NOT NULL,
    id_tag              TEXT    NOT NULL,
    started_at          INTEGER NOT NULL,
    start_received_at   INTEGER NOT NULL,
    meter_start_wh      REAL,
    stopped_at          INTEGER,
    stop_received_at    INTEGER,
    meter_stop_wh       REAL,
    stop_reason         TEXT,
    stop_id_tag         TEXT,
    reservation_id      INTEGER,
    remote_start_id     INTEGER,
    protocol            TEXT    NOT NULL DEFAULT 'ocpp1.6',
    meter_start_at      INTEGER,
    meter_last_wh       REAL,
    meter_last_at       INTEGER,
    last_seq_no         INTEGER,
    flag                TEXT
) STRICT;
INSERT INTO transactions_v6 (id, ocpp_transaction_id, station_id, evse_id, connector_id,
                             id_tag, started_at, start_received_at, meter_start_wh, stopped_at,
                             stop_received_at, meter_stop_wh, stop_reason, stop_id_tag,
                             reservation_id, remote_start_id)
SELECT id, ocpp_transaction_id, station_id, evse_id, connector_id, id_tag, started_at,
       start_received_at, meter_start_wh, stopped_at, stop_received_at, meter_stop_wh,
       stop_reason, stop_id_tag, reservation_id, remote_start_id
  FROM transactions;
-- AUTOINCREMENT's promise (an id is never reused) must survive the copy: carry the counter.
DELETE FROM sqlite_sequence WHERE name = 'transactions_v6';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'transactions_v6', seq FROM sqlite_sequence WHERE name = 'transactions';
DROP TABLE transactions;
ALTER TABLE transactions_v6 RENAME TO transactions;

CREATE UNIQUE INDEX transactions_replay_key
    ON transactions (station_id, connector_id, id_tag, started_at, meter_start_wh)
    WHERE protocol = 'ocpp1.6';
CREATE UNIQUE INDEX transactions_station_key
    ON transactions (station_id, ocpp_transaction_id)
    WHERE protocol <> 'ocpp1.6';
CREATE INDEX transactions_ocpp_id ON transactions (station_id, ocpp_transaction_id);
CREATE INDEX transactions_newest ON transactions (started_at DESC, id DESC);
CREATE INDEX transactions_station_newest ON transactions (station_id, started_at DESC, id DESC);
-- By EVSE: 2.x meters per EVSE, and a 1.6 connector is its own EVSE.
CREATE INDEX transactions_active
    ON transactions (station_id, evse_id, started_at)
    WHERE stopped_at IS NULL;

-- Every 2.x TransactionEvent, once: (station, transactionId, seqNo) is what makes a replay a
-- replay (OCPP 2.0.1 Part 2 E01 / E07: the CSMS must answer a repeated event and not count it
-- twice). Kept for diagnosis and to find seqNo gaps.
CREATE TABLE transaction_events (
    station_id          TEXT    NOT NULL,
    ocpp_transaction_id TEXT    NOT NULL,
    seq_no              INTEGER NOT NULL,
    transaction_id      INTEGER NOT NULL REFERENCES transactions (id),
    event_type          TEXT    NOT NULL,
    trigger_reason      TEXT    NOT NULL,
    timestamp           INTEGER NOT NULL,
    offline             INTEGER NOT NULL,
    received_at         INTEGER NOT NULL,
    PRIMARY KEY (station_id, ocpp_transaction_id, seq_no)
) STRICT, WITHOUT ROWID;

-- meter_readings.connector_id is the metering point: the connector in 1.6, the EVSE in 2.x
-- (2.x meters per EVSE).
