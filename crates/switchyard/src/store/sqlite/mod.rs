//! SQLite store (placeholder: being written).
