//! `/api/v1/stations`: register, update, list, show and delete charging stations.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath, present};
use crate::app::App;
use crate::domain::{
    BootPolicy, ConnectorRecord, SecurityProfile, StationId, StationPatch, StationRecord,
};

/// Passwords: 8 to 64 characters, each printable ASCII other than space (0x21–0x7E).
/// OCPP's security profiles ask for 16–40 (1.6 `AuthorizationKey`, 2.0.1
/// `BasicAuthPassword`); the wider range also fits stations configured by hand before.
const PASSWORD_LENGTH: std::ops::RangeInclusive<usize> = 8..=64;

/// A registered charging station. The password is never returned.
#[derive(Debug, Serialize, ToSchema)]
pub struct Station {
    pub id: String,
    /// Always `true`: only registered stations are listed.
    pub registered: bool,
    /// Whether the station has a WebSocket connection to this server now.
    pub connected: bool,
    /// The subprotocol of its last connection: `ocpp1.6`, `ocpp2.0.1` or `ocpp2.1`.
    #[schema(required = true)]
    pub protocol: Option<String>,
    /// The answer to its last BootNotification.
    #[schema(required = true)]
    pub boot_status: Option<BootStatusName>,
    /// Extension: what the station's BootNotification is answered with.
    pub boot_policy: BootPolicyName,
    #[schema(required = true)]
    pub vendor: Option<String>,
    #[schema(required = true)]
    pub model: Option<String>,
    #[schema(required = true)]
    pub serial_number: Option<String>,
    #[schema(required = true)]
    pub firmware_version: Option<String>,
    #[schema(required = true)]
    pub site_id: Option<String>,
    #[schema(required = true)]
    pub description: Option<String>,
    #[schema(required = true)]
    pub last_seen: Option<DateTime<Utc>>,
    /// Connector 0 (the whole station) is not listed.
    pub connectors: Vec<Connector>,
    /// Extension: the OCPP security profile (0–3) the station must connect with; `null`
    /// when not set (the password alone decides, over ws:// or wss://).
    #[schema(required = true, minimum = 0, maximum = 3)]
    pub security_profile: Option<u8>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Connector {
    /// For OCPP 1.6, equal to `connector_id`.
    pub evse_id: u32,
    pub connector_id: u32,
    /// As the station reported it (`Available`, `Charging`, `Faulted`, …).
    pub status: String,
    #[schema(required = true)]
    pub error_code: Option<String>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum BootPolicyName {
    Accepted,
    Pending,
    Rejected,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub enum BootStatusName {
    Accepted,
    Pending,
    Rejected,
}

/// Register a station, or change its registration. A field left out stays as it is; `null`
/// clears it. Unknown fields are refused (400), so a misspelt `password` is not lost.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutStation {
    /// The HTTP Basic auth password the station must present (security profiles 1 and 2):
    /// 8 to 64 printable ASCII characters without spaces (OCPP itself asks for 16 to 40).
    /// Stored only as an argon2id hash, never returned. `null` removes it: the station then
    /// connects without Basic auth (security profile 0).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, required = false, min_length = 8, max_length = 64)]
    pub password: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, required = false)]
    pub site_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, required = false)]
    pub description: Option<Option<String>>,
    /// Extension: what the station's BootNotification is answered with (default `Accepted`;
    /// `null` restores the default). `Pending` keeps it from charging until changed back.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<BootPolicyName>, required = false)]
    pub boot_policy: Option<Option<BootPolicyName>>,
    /// Extension: the OCPP security profile the station must connect with, and no other
    /// (A00.FR.001/002): 0 plain ws://; 1 ws:// with Basic auth; 2 wss:// with Basic auth;
    /// 3 wss:// with a client certificate whose CN is the station id. 1 and 2 need a
    /// password. `null` (the default) restores today's rule: the password alone decides.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<u8>, required = false, minimum = 0, maximum = 3)]
    pub security_profile: Option<Option<u8>>,
}

#[utoipa::path(
    put, path = "/stations/{id}", tag = "stations",
    params(("id" = String, Path, description = "Station id: 1–48 characters, no `:`, no control characters")),
    request_body = PutStation,
    responses(
        (status = 200, description = "The station after the change", body = Station),
        (status = 400, description = "Invalid station id, body, password or security profile", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn put_station(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
    AppJson(body): AppJson<PutStation>,
) -> Result<AppJson<Station>, ApiError> {
    let id = StationId::new(id)
        .map_err(|e| ApiError::bad_request(format!("invalid station id: {e}")))?;
    let security_profile = match body.security_profile {
        None => None,
        Some(None) => Some(None),
        Some(Some(number)) => Some(Some(
            SecurityProfile::try_from(number).map_err(|e| ApiError::bad_request(e.to_string()))?,
        )),
    };
    let password_hash = match body.password {
        None => None,
        Some(None) => Some(None),
        Some(Some(password)) => {
            check_password(&password)?;
            let hash = tokio::task::spawn_blocking(move || crate::auth::hash_password(&password))
                .await
                .map_err(|e| ApiError::Internal(format!("password hashing task: {e}")))?
                .map_err(|e| ApiError::Internal(e.to_string()))?;
            Some(Some(hash))
        }
    };
    let patch = StationPatch {
        password_hash,
        site_id: body.site_id,
        description: body.description,
        boot_policy: body
            .boot_policy
            .map(|policy| policy.map(BootPolicy::from).unwrap_or_default()),
        security_profile,
    };
    check_profile_has_password(&app, &id, &patch).await?;
    let record = app.store.put_station(&id, patch).await?;
    Ok(AppJson(station_json(&app, record)))
}

#[utoipa::path(
    get, path = "/stations", tag = "stations",
    responses(
        (status = 200, description = "Every registered station", body = Vec<Station>),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn list_stations(State(app): State<App>) -> Result<AppJson<Vec<Station>>, ApiError> {
    let records = app.store.stations().await?;
    Ok(AppJson(
        records.into_iter().map(|r| station_json(&app, r)).collect(),
    ))
}

#[utoipa::path(
    get, path = "/stations/{id}", tag = "stations",
    params(("id" = String, Path, description = "Station id")),
    responses(
        (status = 200, description = "The station", body = Station),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
    )
)]
pub async fn get_station(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<Station>, ApiError> {
    let record = registered(&app, &id).await?;
    Ok(AppJson(station_json(&app, record)))
}

#[utoipa::path(
    delete, path = "/stations/{id}", tag = "stations",
    params(("id" = String, Path, description = "Station id")),
    responses(
        (status = 204, description = "Deleted; a connected station was disconnected first"),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
    )
)]
pub async fn delete_station(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, ApiError> {
    let record = registered(&app, &id).await?;
    if app.registry.is_connected(&record.id) {
        app.registry
            .close(&record.id, 1000, "station deleted")
            .await;
    }
    if !app.store.delete_station(&record.id).await? {
        return Err(not_registered(&id));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// The registered station with this path id, or 404 (an id that is not even valid cannot be
/// registered, so it is unknown too).
pub(super) async fn registered(app: &App, id: &str) -> Result<StationRecord, ApiError> {
    let Ok(station_id) = StationId::new(id) else {
        return Err(not_registered(id));
    };
    app.store
        .station(&station_id)
        .await?
        .ok_or_else(|| not_registered(id))
}

pub(super) fn not_registered(id: &str) -> ApiError {
    ApiError::not_found(format!("station {id} is not registered"))
}

/// Profiles 1 and 2 are Basic auth: a station registered with one and no password could
/// never get in, so that registration is refused rather than stored.
async fn check_profile_has_password(
    app: &App,
    id: &StationId,
    patch: &StationPatch,
) -> Result<(), ApiError> {
    if patch.password_hash.is_none() && patch.security_profile.is_none() {
        return Ok(());
    }
    let stored = app.store.station(id).await?;
    let profile = match patch.security_profile {
        Some(profile) => profile,
        None => stored.as_ref().and_then(|s| s.security_profile),
    };
    let has_password = match &patch.password_hash {
        Some(hash) => hash.is_some(),
        None => stored.is_some_and(|s| s.password_hash.is_some()),
    };
    match profile {
        Some(SecurityProfile::BasicAuth | SecurityProfile::TlsBasicAuth) if !has_password => {
            Err(ApiError::bad_request(
                "security profiles 1 and 2 use Basic auth: the station needs a password",
            ))
        }
        _ => Ok(()),
    }
}

fn check_password(password: &str) -> Result<(), ApiError> {
    let length = password.chars().count();
    if !PASSWORD_LENGTH.contains(&length) {
        return Err(ApiError::bad_request(format!(
            "a password has {} to {} characters, this one has {length}",
            PASSWORD_LENGTH.start(),
            PASSWORD_LENGTH.end()
        )));
    }
    if !password.chars().all(|c| c.is_ascii_graphic()) {
        return Err(ApiError::bad_request(
            "a password consists of printable ASCII characters other than space",
        ));
    }
    Ok(())
}

pub(super) fn station_json(app: &App, record: StationRecord) -> Station {
    Station {
        connected: app.registry.is_connected(&record.id),
        id: record.id.to_string(),
        registered: true,
        protocol: record.protocol,
        boot_status: record.boot_status.map(BootStatusName::from),
        boot_policy: record.boot_policy.into(),
        vendor: record.vendor,
        model: record.model,
        serial_number: record.serial_number,
        firmware_version: record.firmware_version,
        site_id: record.site_id,
        description: record.description,
        last_seen: record.last_seen,
        connectors: record
            .connectors
            .into_iter()
            .filter(|c| c.connector_id != 0 && c.evse_id != 0)
            .map(connector_json)
            .collect(),
        security_profile: record.security_profile.map(SecurityProfile::number),
    }
}

fn connector_json(record: ConnectorRecord) -> Connector {
    Connector {
        evse_id: record.evse_id,
        connector_id: record.connector_id,
        status: record.status,
        error_code: record.error_code,
        updated_at: record.updated_at,
    }
}

impl From<BootPolicyName> for BootPolicy {
    fn from(name: BootPolicyName) -> BootPolicy {
        match name {
            BootPolicyName::Accepted => BootPolicy::Accepted,
            BootPolicyName::Pending => BootPolicy::Pending,
            BootPolicyName::Rejected => BootPolicy::Rejected,
        }
    }
}

impl From<BootPolicy> for BootPolicyName {
    fn from(policy: BootPolicy) -> BootPolicyName {
        match policy {
            BootPolicy::Accepted => BootPolicyName::Accepted,
            BootPolicy::Pending => BootPolicyName::Pending,
            BootPolicy::Rejected => BootPolicyName::Rejected,
        }
    }
}

impl From<crate::domain::BootStatus> for BootStatusName {
    fn from(status: crate::domain::BootStatus) -> BootStatusName {
        use crate::domain::BootStatus;
        match status {
            BootStatus::Accepted => BootStatusName::Accepted,
            BootStatus::Pending => BootStatusName::Pending,
            BootStatus::Rejected => BootStatusName::Rejected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_body_distinguishes_absent_from_null() {
        let body: PutStation = serde_json::from_str(r#"{"site_id": null}"#).unwrap();
        assert_eq!(body.site_id, Some(None));
        assert_eq!(body.description, None);
        assert_eq!(body.password, None);
        let body: PutStation =
            serde_json::from_str(r#"{"description": "x", "boot_policy": "Pending"}"#).unwrap();
        assert_eq!(body.description, Some(Some("x".into())));
        assert_eq!(body.boot_policy, Some(Some(BootPolicyName::Pending)));
        assert!(serde_json::from_str::<PutStation>(r#"{"pasword": "x"}"#).is_err());
        assert!(serde_json::from_str::<PutStation>(r#"{"boot_policy": "Maybe"}"#).is_err());
    }

    #[test]
    fn password_rules() {
        assert!(check_password("12345678").is_ok());
        assert!(check_password(&"x".repeat(64)).is_ok());
        assert!(check_password("1234567").is_err());
        assert!(check_password(&"x".repeat(65)).is_err());
        assert!(check_password("has a space").is_err());
        assert!(check_password("pässwörter").is_err());
    }
}
