//! OCPP 1.6 messages (placeholder until the catalogue lands).
