//! A00.FR.005 (OCPP-RULES.md §7.2): a station's security profile is not lowered through OCPP.
//! A command that would set a station's profile below the one it is registered with is
//! refused before it is sent; lowering it is a change of the registration (the API's
//! `security_profile`), done first, out of band.

use serde_json::Value;

use super::error::ApiError;
use crate::commands::Command;
use crate::domain::SecurityProfile;

/// 422 when `command` would lower the profile below `registered`.
pub(super) fn check(
    registered: Option<SecurityProfile>,
    command: &Command,
) -> Result<(), ApiError> {
    let Some(registered) = registered else {
        return Ok(());
    };
    match requested_profile(command) {
        Some(requested) if requested < i64::from(registered.number()) => {
            Err(ApiError::Unprocessable(format!(
                "the station is registered with security profile {}; lowering it to {requested} \
                 through OCPP is not allowed (A00.FR.005): change its registration first",
                registered.number()
            )))
        }
        _ => Ok(()),
    }
}

/// The security profile a command sets, if it sets one: 1.6 `SecurityProfile`
/// (ChangeConfiguration), 2.x `SecurityCtrlr.SecurityProfile` (SetVariables) or a network
/// connection profile's `securityProfile` (SetNetworkProfile); through the commands or the
/// raw call.
fn requested_profile(command: &Command) -> Option<i64> {
    match command {
        Command::ChangeConfiguration { key, value } if is_profile_key(key) => number(value),
        Command::Raw { action, payload } => {
            let payload: Value = serde_json::from_str(payload.get()).ok()?;
            match action.as_str() {
                "ChangeConfiguration" => {
                    let key = payload.get("key")?.as_str()?;
                    is_profile_key(key)
                        .then(|| number(payload.get("value")?.as_str()?))
                        .flatten()
                }
                "SetNetworkProfile" => payload
                    .get("connectionData")?
                    .get("securityProfile")?
                    .as_i64(),
                "SetVariables" => payload
                    .get("setVariableData")?
                    .as_array()?
                    .iter()
                    .filter(|datum| {
                        name_is(datum.get("component"), "SecurityCtrlr")
                            && name_is(datum.get("variable"), "SecurityProfile")
                    })
                    .filter_map(|datum| number(datum.get("attributeValue")?.as_str()?))
                    .min(),
                _ => None,
            }
        }
        _ => None,
    }
}

fn is_profile_key(key: &str) -> bool {
    key.eq_ignore_ascii_case("SecurityProfile")
        || key.eq_ignore_ascii_case("SecurityCtrlr.SecurityProfile")
}

fn name_is(object: Option<&Value>, name: &str) -> bool {
    object
        .and_then(|o| o.get("name"))
        .and_then(Value::as_str)
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
}

fn number(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn raw(action: &str, payload: Value) -> Command {
        Command::Raw {
            action: action.into(),
            payload: serde_json::value::to_raw_value(&payload).unwrap(),
        }
    }

    fn change(key: &str, value: &str) -> Command {
        Command::ChangeConfiguration {
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn lowering_is_refused_raising_and_unrelated_commands_pass() {
        let two = Some(SecurityProfile::TlsBasicAuth);
        assert!(check(two, &change("SecurityProfile", "1")).is_err());
        assert!(check(two, &change("SecurityCtrlr.SecurityProfile", "0")).is_err());
        assert!(check(two, &change("SecurityProfile", "3")).is_ok());
        assert!(check(two, &change("HeartbeatInterval", "1")).is_ok());
        // Without a registered profile there is nothing to hold to.
        assert!(check(None, &change("SecurityProfile", "0")).is_ok());

        let network = |profile: i64| {
            raw(
                "SetNetworkProfile",
                json!({"configurationSlot": 1, "connectionData": {"securityProfile": profile}}),
            )
        };
        assert!(check(two, &network(1)).is_err());
        assert!(check(two, &network(2)).is_ok());
        let set = raw(
            "SetVariables",
            json!({"setVariableData": [
                {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}, "attributeValue": "0"},
                {"component": {"name": "SecurityCtrlr"}, "variable": {"name": "SecurityProfile"}, "attributeValue": "1"}
            ]}),
        );
        assert!(check(two, &set).is_err());
        let raw_change = raw(
            "ChangeConfiguration",
            json!({"key": "SecurityProfile", "value": "0"}),
        );
        assert!(check(two, &raw_change).is_err());
        assert!(check(two, &raw("Reset", json!({"type": "Hard"}))).is_ok());
    }
}
