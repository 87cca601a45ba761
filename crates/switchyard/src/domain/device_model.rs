//! What a station reports of its configuration, for every version at once.
//!
//! OCPP 2.x describes a station as a device model: components (optionally per EVSE and
//! connector, optionally instanced) with variables, each with up to four attributes (Actual,
//! Target, MinSet, MaxSet) and characteristics. A 1.6 configuration key is the same thing
//! without a component: one variable with an Actual value and a read-only flag. Both are kept
//! as [`VariableRecord`]s, so the configuration view and the desired values work alike for
//! every station.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{StationId, Time};

/// Which variable: a 2.x component's variable, or a 1.6 configuration key (no component).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct VariableKey {
    /// `None`: a 1.6 configuration key.
    pub component: Option<String>,
    pub component_instance: Option<String>,
    pub evse_id: Option<u32>,
    pub connector_id: Option<u32>,
    pub variable: String,
    pub variable_instance: Option<String>,
}

impl VariableKey {
    /// A 1.6 configuration key.
    pub fn configuration_key(key: impl Into<String>) -> VariableKey {
        VariableKey {
            variable: key.into(),
            ..VariableKey::default()
        }
    }

    /// A station-wide 2.x variable without instances.
    pub fn component_variable(
        component: impl Into<String>,
        variable: impl Into<String>,
    ) -> VariableKey {
        VariableKey {
            component: Some(component.into()),
            variable: variable.into(),
            ..VariableKey::default()
        }
    }

    /// The key the configuration API shows: the 1.6 key, or `Component.Variable` (API.md).
    pub fn configuration_name(&self) -> String {
        match &self.component {
            None => self.variable.clone(),
            Some(component) => format!("{component}.{}", self.variable),
        }
    }

    /// Whether the value is a credential the system must never keep or show: the 1.6
    /// `AuthorizationKey` and 2.x `BasicAuthPassword` (Basic auth passwords, OCPP-RULES.md).
    pub fn is_secret(&self) -> bool {
        let name = self.variable.as_str();
        match self.component {
            None => name.eq_ignore_ascii_case("AuthorizationKey"),
            Some(_) => name.eq_ignore_ascii_case("BasicAuthPassword"),
        }
    }

    /// Whether the variable is the station's Basic auth password itself (1.6
    /// `AuthorizationKey`; 2.x `SecurityCtrlr.BasicAuthPassword`), whose accepted change
    /// replaces the password the system lets the station in with.
    pub fn is_station_password(&self) -> bool {
        let name = self.variable.as_str();
        match &self.component {
            None => name.eq_ignore_ascii_case("AuthorizationKey"),
            Some(component) => {
                component.eq_ignore_ascii_case("SecurityCtrlr")
                    && name.eq_ignore_ascii_case("BasicAuthPassword")
            }
        }
    }
}

/// Which value of a variable (2.x `AttributeEnumType`); a 1.6 key has only `Actual`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum AttributeKind {
    #[default]
    Actual,
    Target,
    MinSet,
    MaxSet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum Mutability {
    ReadOnly,
    WriteOnly,
    ReadWrite,
}

/// One attribute of a variable. Fields the station did not report are `None`; a later report
/// that leaves one out keeps what an earlier one said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Attribute {
    #[serde(rename = "type")]
    pub kind: AttributeKind,
    /// Never set for secrets ([`VariableKey::is_secret`]) or write-only variables.
    pub value: Option<String>,
    pub mutability: Option<Mutability>,
    pub persistent: Option<bool>,
    pub constant: Option<bool>,
}

impl Attribute {
    /// An Actual value as GetVariables / GetConfiguration / an accepted change report it.
    pub fn actual(value: Option<String>) -> Attribute {
        Attribute {
            value,
            ..Attribute::default()
        }
    }

    /// Take every field `newer` reports.
    fn update(&mut self, newer: &Attribute) {
        if newer.value.is_some() {
            self.value.clone_from(&newer.value);
        }
        self.mutability = newer.mutability.or(self.mutability);
        self.persistent = newer.persistent.or(self.persistent);
        self.constant = newer.constant.or(self.constant);
    }
}

/// What a variable's values may be (2.x `VariableCharacteristicsType`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Characteristics {
    pub unit: Option<String>,
    /// `string`, `decimal`, `integer`, `dateTime`, `boolean`, `OptionList`, `SequenceList` or
    /// `MemberList`.
    pub data_type: String,
    pub min_limit: Option<f64>,
    pub max_limit: Option<f64>,
    pub values_list: Option<String>,
    pub supports_monitoring: bool,
}

/// A variable as one message reported it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportedVariable {
    pub key: VariableKey,
    pub attributes: Vec<Attribute>,
    pub characteristics: Option<Characteristics>,
}

/// Variables a station reported (NotifyReport, or the answer to GetVariables,
/// GetConfiguration, an accepted SetVariables / ChangeConfiguration): merged into what is
/// known, never replacing a variable's other attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct VariablesReport {
    pub station_id: StationId,
    pub received_at: Time,
    pub variables: Vec<ReportedVariable>,
}

/// What the system knows of one variable of a station.
#[derive(Clone, Debug, PartialEq)]
pub struct VariableRecord {
    pub key: VariableKey,
    pub attributes: Vec<Attribute>,
    pub characteristics: Option<Characteristics>,
    /// When the station last reported anything of this variable.
    pub reported_at: Time,
}

impl VariableRecord {
    /// Fold a newer report of the same variable in: attributes by kind, characteristics
    /// replaced when reported.
    pub fn merge(&mut self, newer: &ReportedVariable, at: Time) {
        for attribute in &newer.attributes {
            match self
                .attributes
                .iter_mut()
                .find(|a| a.kind == attribute.kind)
            {
                Some(known) => known.update(attribute),
                None => self.attributes.push(attribute.clone()),
            }
        }
        self.attributes.sort_by_key(|a| a.kind as u8);
        if newer.characteristics.is_some() {
            self.characteristics.clone_from(&newer.characteristics);
        }
        self.reported_at = at;
    }

    pub fn attribute(&self, kind: AttributeKind) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.kind == kind)
    }
}

/// The Actual value reported for a configuration name (a 1.6 key or a 2.x
/// `Component.Variable`, case-insensitive), preferring the station-wide variable (no EVSE,
/// connector or instances) where several share the name.
pub fn configured_value<'a>(variables: &'a [VariableRecord], name: &str) -> Option<&'a str> {
    let named = || {
        variables
            .iter()
            .filter(|v| v.key.configuration_name().eq_ignore_ascii_case(name))
    };
    let station_wide = |v: &&VariableRecord| {
        v.key.evse_id.is_none()
            && v.key.connector_id.is_none()
            && v.key.component_instance.is_none()
            && v.key.variable_instance.is_none()
    };
    named()
        .find(station_wide)
        .or_else(|| named().next())
        .and_then(|v| v.attribute(AttributeKind::Actual))
        .and_then(|a| a.value.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> Time {
        chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default()
    }

    #[test]
    fn a_later_report_keeps_what_it_leaves_out() {
        let key = VariableKey::component_variable("OCPPCommCtrlr", "HeartbeatInterval");
        let mut record = VariableRecord {
            key: key.clone(),
            attributes: vec![Attribute {
                kind: AttributeKind::Actual,
                value: Some("300".into()),
                mutability: Some(Mutability::ReadWrite),
                persistent: Some(true),
                constant: Some(false),
            }],
            characteristics: Some(Characteristics {
                unit: Some("s".into()),
                data_type: "integer".into(),
                min_limit: Some(1.0),
                max_limit: None,
                values_list: None,
                supports_monitoring: false,
            }),
            reported_at: at(1),
        };
        let newer = ReportedVariable {
            key,
            attributes: vec![
                Attribute::actual(Some("60".into())),
                Attribute {
                    kind: AttributeKind::Target,
                    value: Some("30".into()),
                    ..Attribute::default()
                },
            ],
            characteristics: None,
        };
        record.merge(&newer, at(2));
        let actual = record.attribute(AttributeKind::Actual).cloned();
        assert_eq!(actual.as_ref().and_then(|a| a.value.as_deref()), Some("60"));
        assert_eq!(
            actual.and_then(|a| a.mutability),
            Some(Mutability::ReadWrite)
        );
        assert_eq!(record.attributes.len(), 2);
        assert!(record.characteristics.is_some());
        assert_eq!(record.reported_at, at(2));
    }

    #[test]
    fn names_and_secrets() {
        let key = VariableKey::configuration_key("HeartbeatInterval");
        assert_eq!(key.configuration_name(), "HeartbeatInterval");
        assert!(VariableKey::configuration_key("authorizationkey").is_secret());
        assert!(VariableKey::component_variable("SecurityCtrlr", "BasicAuthPassword").is_secret());
        // A 2.x variable called AuthorizationKey is not the 1.6 secret.
        assert!(!VariableKey::component_variable("X", "AuthorizationKey").is_secret());
        assert_eq!(
            VariableKey::component_variable("OCPPCommCtrlr", "HeartbeatInterval")
                .configuration_name(),
            "OCPPCommCtrlr.HeartbeatInterval"
        );
    }
}

/// A configuration value the operator wants a station to have (API.md, Configuration): set
/// when the station is connected and again whenever what it reports differs.
#[derive(Clone, Debug, PartialEq)]
pub struct DesiredValue {
    /// The 1.6 key or the 2.x `Component.Variable`, as the operator wrote it.
    pub key: String,
    pub value: String,
    /// The station's answer to the last attempt to set it (`Accepted`, `Rejected`,
    /// `RebootRequired`, `NotSupported`), if there was one.
    pub last_result: Option<String>,
    pub applied_at: Option<Time>,
    pub updated_at: Time,
}
