//! HTTP API v1 (placeholder until the API lands).
use crate::app::App;
pub fn router(_app: App) -> axum::Router {
    axum::Router::new()
}
