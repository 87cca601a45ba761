-- Schema version 9: reservations (1.6 Reservation profile, 2.0.1 block H; domain/reservation.rs).
--   id              the reservationId the station gets: AUTOINCREMENT, so an id is never
--                   reused, not even after its row is gone (a station may still hold it).
--   evse_id         NULL: any EVSE, or the whole station.
--   connector_id    0: the whole station (1.6) or the whole EVSE (2.x).
--   status          'pending' while the ReserveNow is out (no read shows it), then active,
--                   used, cancelled, expired, rejected, occupied, faulted or unavailable. An
--                   active one past expires_at reads expired; it is not rewritten.
--   id_token_type   2.x: the idToken's type (NULL: Central); connector_type: 2.x, the type of
--                   connector asked for.
--   transaction_id  the system's id of the transaction that used it.
CREATE TABLE reservations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id      TEXT    NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    evse_id         INTEGER,
    connector_id    INTEGER NOT NULL,
    id_tag          TEXT    NOT NULL,
    parent_id_tag   TEXT,
    id_token_type   TEXT,
    connector_type  TEXT,
    expires_at      INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    transaction_id  INTEGER REFERENCES transactions (id),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX reservations_by_station ON reservations (station_id, id);
CREATE INDEX reservations_by_status ON reservations (status, expires_at);
