//! The HTTP API v1 (`/shared/API.md`): stations, id tags, transactions, the message journal,
//! commands to stations, live events; plus `/health`, `/metrics` and the OpenAPI document.
//!
//! One router, [`router`]. Everything under `/api/v1` sits behind the bearer-token layer,
//! including its JSON 404 fallback; errors of every handler are one [`ApiError`].

mod campaigns;
mod charging_profiles;
mod command_bodies;
mod commands;
mod configuration;
mod diagnostics;
mod error;
mod events;
mod files;
mod firmware;
mod id_tags;
mod journal;
mod json;
mod local_list;
mod no_downgrade;
mod openapi;
mod reservations;
mod stations;
#[cfg(test)]
mod tests;
mod transactions;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use subtle::ConstantTimeEq;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) use commands::command_error;
pub use error::{ApiError, ErrorBody, InternalCause};

use crate::app::App;
use json::AppJson;

/// The largest request body accepted (larger ones are 400).
pub const BODY_LIMIT: usize = 1024 * 1024;

/// The whole HTTP API, ready to serve (or to merge with the OCPP WebSocket routes).
pub fn router(app: App) -> Router {
    let (v1, v1_document) = v1_routes().split_for_parts();
    let (root, root_document) = root_routes().split_for_parts();
    let document = root_document.nest("/api/v1", v1_document);
    let v1 = v1
        .fallback(unknown_route)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(app.clone(), require_token));
    root.nest("/api/v1", v1)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(Extension(openapi::OpenApiJson::new(&document)))
        .layer(middleware::from_fn(log_internal_errors))
        .with_state(app)
}

/// The OpenAPI document that [`router`] serves at `/api/v1/openapi.json`, without a server
/// (for `switchyard openapi` and client generators).
pub fn openapi() -> utoipa::openapi::OpenApi {
    root_routes()
        .into_openapi()
        .nest("/api/v1", v1_routes().into_openapi())
}

/// Everything under `/api/v1`, relative to it.
fn v1_routes() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(stations::list_stations))
        .routes(routes!(
            stations::put_station,
            stations::get_station,
            stations::delete_station
        ))
        .routes(routes!(journal::list_messages))
        .routes(routes!(configuration::list_variables))
        .routes(routes!(configuration::get_configuration))
        .routes(routes!(
            configuration::put_desired,
            configuration::delete_desired
        ))
        .routes(routes!(local_list::get_local_list))
        .routes(routes!(local_list::sync_local_list))
        .routes(routes!(commands::run_command))
        .routes(routes!(commands::raw_call))
        .routes(routes!(id_tags::list_id_tags))
        .routes(routes!(
            id_tags::put_id_tag,
            id_tags::get_id_tag,
            id_tags::delete_id_tag
        ))
        .routes(routes!(transactions::list_transactions))
        .routes(routes!(transactions::get_transaction))
        .routes(routes!(transactions::list_unmatched_stops))
        .routes(routes!(events::events))
        .routes(routes!(
            reservations::create_reservation,
            reservations::list_reservations
        ))
        .routes(routes!(
            reservations::get_reservation,
            reservations::cancel_reservation
        ))
        .routes(routes!(openapi::openapi_json))
        .routes(routes!(
            charging_profiles::list_profiles,
            charging_profiles::clear_profiles
        ))
        .routes(routes!(
            charging_profiles::put_profile,
            charging_profiles::delete_profile
        ))
        .routes(routes!(firmware::upload_firmware, firmware::list_firmware))
        .routes(routes!(firmware::update_firmware))
        .routes(routes!(firmware::station_firmware))
        .routes(routes!(
            campaigns::create_campaign,
            campaigns::list_campaigns
        ))
        .routes(routes!(campaigns::get_campaign))
        .routes(routes!(diagnostics::get_diagnostics))
        .routes(routes!(diagnostics::list_diagnostics))
        .routes(routes!(diagnostics::download_diagnostics))
}

/// The routes outside `/api/v1`, and the document's info, security and tags.
fn root_routes() -> OpenApiRouter<App> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(health))
        .routes(routes!(metrics))
        .merge(files::routes())
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok`.
    status: &'static str,
}

#[utoipa::path(
    get, path = "/health", tag = "operations", security(()),
    responses((status = 200, description = "The server is up", body = Health))
)]
async fn health() -> AppJson<Health> {
    AppJson(Health { status: "ok" })
}

#[utoipa::path(
    get, path = "/metrics", tag = "operations", security((), ("bearer" = [])),
    responses(
        (status = 200, description = "Prometheus text format", content_type = "text/plain; version=0.0.4", body = String),
        (status = 401, description = "`--metrics-token` is set and was not given as the bearer token", body = ErrorBody),
    )
)]
async fn metrics(State(app): State<App>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(token) = &app.config.metrics_token
        && !bearer_matches(&headers, token)
    {
        return Err(ApiError::Unauthorized);
    }
    Ok((
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        app.metrics.render(),
    )
        .into_response())
}

/// Every `/api/v1` request needs `Authorization: Bearer <app.api_token>`.
async fn require_token(State(app): State<App>, request: Request, next: Next) -> Response {
    if bearer_matches(request.headers(), &app.api_token) {
        next.run(request).await
    } else {
        ApiError::Unauthorized.into_response()
    }
}

/// Whether the request carries `Authorization: Bearer <expected>` (scheme case-insensitive,
/// token compared in constant time). An empty expected token matches nothing.
fn bearer_matches(headers: &HeaderMap, expected: &str) -> bool {
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let Some((scheme, token)) = value.trim().split_once(' ') else {
        return false;
    };
    !expected.is_empty()
        && scheme.eq_ignore_ascii_case("bearer")
        && bool::from(token.trim().as_bytes().ct_eq(expected.as_bytes()))
}

async fn unknown_route(request: Request) -> ApiError {
    ApiError::not_found(format!("no such resource: {}", request.uri().path()))
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Logs the cause of every 500 once, with the request it belongs to; the client never sees it.
async fn log_internal_errors(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if let Some(InternalCause(cause)) = response.extensions().get::<InternalCause>() {
        tracing::error!(%method, %path, %cause, "internal error");
    }
    response
}
