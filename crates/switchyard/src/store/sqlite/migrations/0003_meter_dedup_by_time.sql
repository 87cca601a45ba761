-- Schema version 3: the meter-value dedup index leads with the reading's time.
--
-- Led by station id, every group commit from many stations dirtied index pages all over the
-- B-tree, and each dirty page is written whole to the WAL. New readings carry recent
-- timestamps, so led by time they land at the index's right edge: far fewer pages per commit.
-- The key is the same set of columns, so replays are still recognised.
DROP INDEX meter_values_dedup;
CREATE UNIQUE INDEX meter_values_dedup
    ON meter_values (timestamp, station_id, connector_id, measurand, phase, location, context);
