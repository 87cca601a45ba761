-- Schema version 10: the charging profiles the system keeps for each station
-- (domain/charging.rs), for every OCPP version at once, also while the station is offline or
-- after it refused one.
--   profile        JSON of the version-neutral profile (the API's shape), exactly as sent.
--   state          pending | accepted | rejected | cleared (deleted, ClearChargingProfile still
--                  to be sent after the station's next boot).
--   last_status    the station's last answer (Accepted, Rejected, NotSupported, or the code of
--                  its CALLERROR); last_response its payload as JSON text.
CREATE TABLE charging_profiles (
    station_id    TEXT    NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    profile_id    INTEGER NOT NULL,
    profile       TEXT    NOT NULL,
    state         TEXT    NOT NULL,
    last_status   TEXT,
    last_response TEXT,
    updated_at    INTEGER NOT NULL,
    answered_at   INTEGER,
    PRIMARY KEY (station_id, profile_id)
) STRICT, WITHOUT ROWID;
