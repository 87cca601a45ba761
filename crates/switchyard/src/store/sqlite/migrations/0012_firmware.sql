-- Schema version 12: firmware management and diagnostics (API.md "Firmware", "Diagnostics
-- and logs"), for every OCPP version at once. Files themselves live under the data directory, named by their
-- unguessable token; these tables hold what is known of them.
CREATE TABLE firmware_files (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    filename    TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT    NOT NULL,
    token       TEXT    NOT NULL UNIQUE,
    uploaded_at INTEGER NOT NULL
) STRICT;

-- Every UpdateFirmware sent; the id is the 2.x requestId.
CREATE TABLE firmware_requests (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id   TEXT    NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    location     TEXT    NOT NULL,
    firmware_id  INTEGER REFERENCES firmware_files (id) ON DELETE SET NULL,
    campaign_id  INTEGER,
    requested_at INTEGER NOT NULL
) STRICT;

-- FirmwareStatusNotifications, as received (request_id: 2.x only).
CREATE TABLE firmware_statuses (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id  TEXT    NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL,
    request_id  INTEGER,
    received_at INTEGER NOT NULL
) STRICT;
CREATE INDEX firmware_statuses_by_station ON firmware_statuses (station_id, id);

-- GetDiagnostics / GetLog requests and the files uploaded for them; the id is the 2.x
-- requestId. token is NULL when the operator named another location.
CREATE TABLE diagnostics (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id   TEXT    NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    token        TEXT    UNIQUE,
    location     TEXT    NOT NULL,
    requested_at INTEGER NOT NULL,
    filename     TEXT,
    size         INTEGER,
    received_at  INTEGER,
    status       TEXT    NOT NULL
) STRICT;
CREATE INDEX diagnostics_by_station ON diagnostics (station_id, id);

CREATE TABLE firmware_campaigns (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    firmware_id    INTEGER NOT NULL REFERENCES firmware_files (id),
    max_concurrent INTEGER NOT NULL,
    start_at       INTEGER NOT NULL,
    created_at     INTEGER NOT NULL
) STRICT;

-- No foreign key to stations: a station deleted mid-campaign stays listed as it was.
--   state  pending | in_progress | done
CREATE TABLE firmware_campaign_stations (
    campaign_id     INTEGER NOT NULL REFERENCES firmware_campaigns (id) ON DELETE CASCADE,
    station_id      TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    state           TEXT    NOT NULL,
    request_id      INTEGER,
    answer          TEXT,
    firmware_status TEXT,
    sent_at         INTEGER,
    finished_at     INTEGER,
    PRIMARY KEY (campaign_id, station_id)
) STRICT;
CREATE INDEX firmware_campaign_stations_by_station
    ON firmware_campaign_stations (station_id, state);
