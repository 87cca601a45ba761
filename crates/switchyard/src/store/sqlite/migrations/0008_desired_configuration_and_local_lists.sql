-- Schema version 8: what the operator wants of a station's configuration, and what each
-- station acknowledged of its local authorization list.
--   desired_configuration  one row per desired key (1.6 key or 2.x Component.Variable);
--                          last_result is the station's answer to the last attempt to set it.
--   local_lists            the last version the station accepted and its last answer.
--   local_list_entries     the entries it then holds, each as a fingerprint of its idTagInfo
--                          (domain/local_list.rs), to send only what changed.
CREATE TABLE desired_configuration (
    station_id  TEXT    NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    key         TEXT    NOT NULL COLLATE NOCASE,
    value       TEXT    NOT NULL,
    last_result TEXT,
    applied_at  INTEGER,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (station_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE local_lists (
    station_id  TEXT    NOT NULL PRIMARY KEY REFERENCES stations (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    last_result TEXT,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE local_list_entries (
    station_id  TEXT NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    id_tag      TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (station_id, id_tag)
) STRICT, WITHOUT ROWID;
