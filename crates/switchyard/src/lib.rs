//! Switchyard, an OCPP central system.
//!
//! The flow (see ARCHITECTURE.md): a station's WebSocket enters at [`gateway`], frames go
//! through the sans-IO [`ocpp::Endpoint`] and the per-station [`session`], whose version
//! adapter ([`adapters`]) speaks the [`domain`] vocabulary; durable writes go to the
//! [`store`]; operators reach stations through [`api`] and the [`registry`].

pub mod api;
pub mod app;
pub mod auth;
pub mod commands;
pub mod config;
pub mod domain;
pub mod events;
pub mod metrics;
pub mod registry;
pub mod store;
