-- Schema version 11: the OCPP security profile a station must connect with (0..3); NULL:
-- not set, the password alone decides, as before.
ALTER TABLE stations ADD COLUMN security_profile INTEGER
    CHECK (security_profile IS NULL OR security_profile BETWEEN 0 AND 3);
