-- Schema version 7: what stations report of their configuration, for every version at once
-- (domain/device_model.rs). A 2.x device model variable is keyed by component (with instance,
-- EVSE and connector) and variable (with instance); a 1.6 configuration key is a variable with
-- component ''. Absent parts are '' or 0 rather than NULL, so that the key is a primary key:
-- 2.x EVSE and connector ids start at 1. Names compare case-insensitively, as OCPP's
-- CiStrings do.
--   attributes       JSON array of the variable's attributes (Actual, Target, MinSet, MaxSet),
--                    merged report by report.
--   characteristics  JSON object, or NULL until the station reports them (NotifyReport).
CREATE TABLE station_variables (
    station_id         TEXT    NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    component          TEXT    NOT NULL COLLATE NOCASE,
    component_instance TEXT    NOT NULL COLLATE NOCASE,
    evse_id            INTEGER NOT NULL,
    connector_id       INTEGER NOT NULL,
    variable           TEXT    NOT NULL COLLATE NOCASE,
    variable_instance  TEXT    NOT NULL COLLATE NOCASE,
    attributes         TEXT    NOT NULL,
    characteristics    TEXT,
    reported_at        INTEGER NOT NULL,
    PRIMARY KEY (station_id, component, component_instance, evse_id, connector_id, variable,
                 variable_instance)
) STRICT, WITHOUT ROWID;
