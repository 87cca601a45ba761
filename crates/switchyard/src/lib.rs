//! Switchyard, an OCPP central system.
//!
//! The flow (see ARCHITECTURE.md): a station's WebSocket enters at [`gateway`], frames go
//! through the sans-IO [`ocpp::Endpoint`] and the per-station [`session`], whose version
//! adapter ([`adapters`]) speaks the [`domain`] vocabulary; durable writes go to the
//! [`store`]; operators reach stations through [`api`] and the [`registry`]; [`operations`]
//! and [`automation`] run the operating features (desired configuration, local lists).

pub mod adapters;
pub mod api;
pub mod app;
pub mod auth;
pub mod automation;
pub mod commands;
pub mod config;
pub mod domain;
pub mod events;
pub mod gateway;
pub mod metrics;
pub mod operations;
pub mod registry;
pub mod server;
pub mod session;
pub mod store;
