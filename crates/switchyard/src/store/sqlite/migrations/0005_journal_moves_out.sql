-- Schema version 5: the message journal moves to a database file of its own.
--
-- Two frames per message made every group commit of billing data (and so every acknowledgement)
-- carry twice as many rows; the journal now lives in NAME.journal.db beside this file, written
-- by its own thread (see journal.rs). Frames are diagnostics, trimmed to the last N per station
-- anyway: those in this file are not carried over.
DROP TABLE journal;
