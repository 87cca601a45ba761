//! Operating features that run on the operator's behalf: they read the store, send commands
//! to stations through the registry and record the answers (API.md, "Operating features").
//! The HTTP handlers and the after-boot follow-ups ([`crate::automation`]) both call them.

pub mod charging;
pub mod configuration;
pub mod local_list;
