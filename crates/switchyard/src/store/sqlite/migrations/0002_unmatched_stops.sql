-- Schema version 2: stops the system could not tie to a transaction.
--
-- A StopTransaction naming a transaction id the system does not know (an unknown id, or -1
-- from a station that never learnt its id, errata v4 §3.18) is confirmed to the station but
-- never attached to a transaction by guesswork: a stop carries no connector, so a guess could
-- bill the wrong session. It is kept here, once per replay key, for operators to reconcile.
CREATE TABLE unmatched_stops (
    id                  INTEGER NOT NULL PRIMARY KEY,
    station_id          TEXT    NOT NULL,
    ocpp_transaction_id TEXT    NOT NULL,
    id_tag              TEXT,
    stopped_at          INTEGER NOT NULL,
    meter_stop_wh       REAL    NOT NULL,
    reason              TEXT    NOT NULL,
    received_at         INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX unmatched_stops_replay
    ON unmatched_stops (station_id, ocpp_transaction_id, stopped_at, meter_stop_wh);
