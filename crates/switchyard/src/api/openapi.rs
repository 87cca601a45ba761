//! The OpenAPI 3.1 description, generated from the handlers' `#[utoipa::path]` attributes and
//! types; served at `GET /api/v1/openapi.json`.

use axum::Extension;
use axum::body::Bytes;
use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::command_bodies::CommandName;
use super::error::{ErrorBody, ErrorDetail};

const DESCRIPTION: &str = "\
The HTTP API of Switchyard, an OCPP central system. JSON in, JSON out; field names are \
snake_case; timestamps are RFC 3339 in UTC.

Every `/api/v1/*` request needs `Authorization: Bearer TOKEN` (401 otherwise, and nothing \
changes). `/health` needs no token; `/metrics` needs one only if the server was started with \
`--metrics-token`.

Errors are `{\"error\": {\"code\", \"message\"}}`. Checks are made in this order: 404 (unknown \
station, command, transaction) → 409/422 (decided from the system's records) → 503 (station \
not connected) → 400 (invalid request). Request bodies are limited to 1 MiB; malformed JSON, a \
wrong `Content-Type`, unknown body fields and invalid query values are 400.";

#[derive(OpenApi)]
#[openapi(
    info(title = "Switchyard HTTP API", description = DESCRIPTION),
    security(("bearer" = [])),
    modifiers(&BearerAuth),
    components(schemas(ErrorBody, ErrorDetail, CommandName)),
    tags(
        (name = "stations", description = "Charging stations: registration, state, message journal"),
        (name = "id-tags", description = "Authorization tokens (RFID cards, app tokens)"),
        (name = "configuration", description = "What stations report of their configuration (2.x device model, 1.6 keys), and the values the operator wants them to have"),
        (name = "local-list", description = "Local authorization lists, kept in step with the id tags"),
        (name = "transactions", description = "Charging sessions and their meter values"),
        (name = "commands", description = "Commands to a connected station, version-neutral"),
        (name = "events", description = "Live events (Server-Sent Events)"),
        (name = "operations", description = "Health, metrics and this document"),
        (name = "reservations", description = "Reservations of a station, EVSE or connector for an id tag"),
        (name = "smart-charging", description = "Charging profiles kept per station and sent to it (1.6 Smart Charging, 2.0.1 block K)"),
        (name = "firmware", description = "Firmware images, updates and campaigns; stations download from /files/firmware without a token"),
        (name = "diagnostics", description = "Diagnostics and logs; stations upload to /files/diagnostics without a token"),
    )
)]
pub struct ApiDoc;

/// The `bearer` security scheme that the document's `security` refers to.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description =
            Some("The API token (`--api-token`, or generated at first start)".into());
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The finished document, serialized once.
#[derive(Clone)]
pub struct OpenApiJson(Bytes);

impl OpenApiJson {
    pub fn new(document: &utoipa::openapi::OpenApi) -> OpenApiJson {
        // Serializing a tree of plain data cannot fail.
        let text = document
            .to_pretty_json()
            .unwrap_or_else(|_| "{}".to_owned());
        OpenApiJson(Bytes::from(text))
    }
}

#[utoipa::path(
    get, path = "/openapi.json", tag = "operations",
    responses(
        (status = 200, description = "This document (OpenAPI 3.1)", content_type = "application/json", body = Object),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn openapi_json(Extension(document): Extension<OpenApiJson>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], document.0)
}
