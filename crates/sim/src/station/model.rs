//! The 2.0.1 device model: a few components and variables a typical AC charger reports,
//! for GetVariables, SetVariables and GetBaseReport. Variables that mean what a 1.6 key
//! means are kept in the [`ConfigStore`], so the shared station logic (heartbeat, sample
//! interval, remote-start authorisation) reads one value whichever protocol set it.

use ocpp::v201::{
    self, Component, GetVariableStatus, Mutability, ReportData, SetVariableStatus, Variable,
    VariableAttribute, VariableCharacteristics,
};

use super::ci;
use super::config::{
    AUTHORIZE_REMOTE_TX_REQUESTS, ConfigStore, HEARTBEAT_INTERVAL, Kind,
    METER_VALUE_SAMPLE_INTERVAL, METER_VALUES_SAMPLED_DATA, SEND_LOCAL_LIST_MAX_LENGTH,
};

/// Where a variable's value lives.
#[derive(Debug, Clone)]
enum Value {
    /// The 1.6 key of the same meaning.
    Key(&'static str),
    Own(String),
}

#[derive(Debug, Clone)]
struct Entry {
    component: &'static str,
    variable: &'static str,
    instance: Option<&'static str>,
    value: Value,
    mutability: Mutability,
    kind: Kind,
}

#[derive(Debug, Clone)]
pub struct DeviceModel {
    entries: Vec<Entry>,
}

/// A variable the station acts on when it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Changed {
    HeartbeatInterval,
    SampleInterval,
    Other,
}

impl DeviceModel {
    pub(super) fn new(station_id: &str, connectors: u32) -> DeviceModel {
        use Kind::{Boolean as B, Integer as I, List as L};
        use Mutability::{ReadOnly as RO, ReadWrite as RW};
        let key = Value::Key;
        let own = |v: &str| Value::Own(v.to_owned());
        let entries = vec![
            (
                "AuthCtrlr",
                "AuthorizeRemoteStart",
                None,
                key(AUTHORIZE_REMOTE_TX_REQUESTS),
                RW,
                B,
            ),
            ("AuthCtrlr", "Enabled", None, own("true"), RW, B),
            (
                "LocalAuthListCtrlr",
                "Enabled",
                None,
                key("LocalAuthListEnabled"),
                RW,
                B,
            ),
            (
                "LocalAuthListCtrlr",
                "ItemsPerMessage",
                None,
                key(SEND_LOCAL_LIST_MAX_LENGTH),
                RO,
                I,
            ),
            (
                "LocalAuthListCtrlr",
                "BytesPerMessage",
                None,
                own("65000"),
                RO,
                I,
            ),
            (
                "AuthCtrlr",
                "LocalAuthorizeOffline",
                None,
                key("LocalAuthorizeOffline"),
                RW,
                B,
            ),
            (
                "AuthCtrlr",
                "LocalPreAuthorize",
                None,
                key("LocalPreAuthorize"),
                RW,
                B,
            ),
            (
                "AuthCacheCtrlr",
                "Enabled",
                None,
                key("AuthorizationCacheEnabled"),
                RW,
                B,
            ),
            (
                "ChargingStation",
                "AvailabilityState",
                None,
                own("Available"),
                RO,
                L,
            ),
            (
                "DeviceDataCtrlr",
                "BytesPerMessage",
                Some("GetReport"),
                own("65000"),
                RO,
                I,
            ),
            (
                "DeviceDataCtrlr",
                "BytesPerMessage",
                Some("GetVariables"),
                own("65000"),
                RO,
                I,
            ),
            (
                "DeviceDataCtrlr",
                "BytesPerMessage",
                Some("SetVariables"),
                own("65000"),
                RO,
                I,
            ),
            (
                "DeviceDataCtrlr",
                "ItemsPerMessage",
                Some("GetReport"),
                own("50"),
                RO,
                I,
            ),
            (
                "DeviceDataCtrlr",
                "ItemsPerMessage",
                Some("GetVariables"),
                own("50"),
                RO,
                I,
            ),
            (
                "DeviceDataCtrlr",
                "ItemsPerMessage",
                Some("SetVariables"),
                own("50"),
                RO,
                I,
            ),
            ("EVSE", "Count", None, own(&connectors.to_string()), RO, I),
            (
                "OCPPCommCtrlr",
                "HeartbeatInterval",
                None,
                key(HEARTBEAT_INTERVAL),
                RW,
                I,
            ),
            (
                "OCPPCommCtrlr",
                "MessageAttempts",
                Some("TransactionEvent"),
                key("TransactionMessageAttempts"),
                RW,
                I,
            ),
            (
                "OCPPCommCtrlr",
                "MessageAttemptInterval",
                Some("TransactionEvent"),
                key("TransactionMessageRetryInterval"),
                RW,
                I,
            ),
            (
                "OCPPCommCtrlr",
                "MessageTimeout",
                Some("Default"),
                own("30"),
                RO,
                I,
            ),
            (
                "OCPPCommCtrlr",
                "WebSocketPingInterval",
                None,
                key("WebSocketPingInterval"),
                RW,
                I,
            ),
            (
                "SampledDataCtrlr",
                "TxEndedMeasurands",
                None,
                key("StopTxnSampledData"),
                RW,
                L,
            ),
            (
                "SampledDataCtrlr",
                "TxStartedMeasurands",
                None,
                own("Energy.Active.Import.Register"),
                RW,
                L,
            ),
            (
                "SampledDataCtrlr",
                "TxUpdatedInterval",
                None,
                key(METER_VALUE_SAMPLE_INTERVAL),
                RW,
                I,
            ),
            (
                "SampledDataCtrlr",
                "TxUpdatedMeasurands",
                None,
                key(METER_VALUES_SAMPLED_DATA),
                RW,
                L,
            ),
            ("SecurityCtrlr", "Identity", None, own(station_id), RO, L),
            ("SecurityCtrlr", "SecurityProfile", None, own("1"), RO, I),
            (
                "TxCtrlr",
                "EVConnectionTimeOut",
                None,
                key("ConnectionTimeOut"),
                RW,
                I,
            ),
            (
                "TxCtrlr",
                "StopTxOnEVSideDisconnect",
                None,
                key("StopTransactionOnEVSideDisconnect"),
                RW,
                B,
            ),
            (
                "TxCtrlr",
                "StopTxOnInvalidId",
                None,
                key("StopTransactionOnInvalidId"),
                RW,
                B,
            ),
            ("TxCtrlr", "TxStartPoint", None, own("Authorized"), RW, L),
            (
                "TxCtrlr",
                "TxStopPoint",
                None,
                own("Authorized,EVConnected"),
                RW,
                L,
            ),
        ];
        DeviceModel {
            entries: entries
                .into_iter()
                .map(
                    |(component, variable, instance, value, mutability, kind)| Entry {
                        component,
                        variable,
                        instance,
                        value,
                        mutability,
                        kind,
                    },
                )
                .collect(),
        }
    }

    /// The variable, or why not: UnknownComponent when no variable has that component.
    fn find(&self, component: &Component, variable: &Variable) -> Result<usize, Unknown> {
        let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        if !self
            .entries
            .iter()
            .any(|e| same(e.component, &component.name))
        {
            return Err(Unknown::Component);
        }
        self.entries
            .iter()
            .position(|e| {
                same(e.component, &component.name)
                    && same(e.variable, &variable.name)
                    && e.instance.unwrap_or_default()
                        == variable.instance.as_deref().unwrap_or_default()
            })
            .ok_or(Unknown::Variable)
    }

    fn value(entry: &Entry, store: &ConfigStore) -> String {
        match &entry.value {
            Value::Key(key) => store.get(key).unwrap_or_default().to_owned(),
            Value::Own(value) => value.clone(),
        }
    }

    /// GetVariables for one variable (only the Actual attribute exists).
    pub(super) fn get(
        &self,
        store: &ConfigStore,
        data: &v201::GetVariableData,
    ) -> (GetVariableStatus, Option<String>) {
        if data
            .attribute_type
            .is_some_and(|a| a != v201::Attribute::Actual)
        {
            return (GetVariableStatus::NotSupportedAttributeType, None);
        }
        match self.find(&data.component, &data.variable) {
            Ok(i) => (
                GetVariableStatus::Accepted,
                Some(DeviceModel::value(&self.entries[i], store)),
            ),
            Err(Unknown::Component) => (GetVariableStatus::UnknownComponent, None),
            Err(Unknown::Variable) => (GetVariableStatus::UnknownVariable, None),
        }
    }

    /// SetVariables for one variable: read-only ones and values of the wrong type are
    /// Rejected.
    pub(super) fn set(
        &mut self,
        store: &mut ConfigStore,
        data: &v201::SetVariableData,
    ) -> (SetVariableStatus, Changed) {
        if data
            .attribute_type
            .is_some_and(|a| a != v201::Attribute::Actual)
        {
            return (SetVariableStatus::NotSupportedAttributeType, Changed::Other);
        }
        let i = match self.find(&data.component, &data.variable) {
            Ok(i) => i,
            Err(Unknown::Component) => {
                return (SetVariableStatus::UnknownComponent, Changed::Other);
            }
            Err(Unknown::Variable) => return (SetVariableStatus::UnknownVariable, Changed::Other),
        };
        let value = data.attribute_value.as_str();
        let entry = &mut self.entries[i];
        let valid = match entry.kind {
            Kind::Integer => value.parse::<u64>().is_ok(),
            Kind::Boolean => value == "true" || value == "false",
            Kind::List => true,
        };
        if entry.mutability == Mutability::ReadOnly || !valid {
            return (SetVariableStatus::Rejected, Changed::Other);
        }
        let changed = match &mut entry.value {
            Value::Key(key) => {
                store.set_internal(key, value.to_owned());
                match *key {
                    HEARTBEAT_INTERVAL => Changed::HeartbeatInterval,
                    METER_VALUE_SAMPLE_INTERVAL => Changed::SampleInterval,
                    _ => Changed::Other,
                }
            }
            Value::Own(own) => {
                *own = value.to_owned();
                Changed::Other
            }
        };
        (SetVariableStatus::Accepted, changed)
    }

    /// Every variable (`configuration_only`: the writable ones) for NotifyReport.
    pub(super) fn report(&self, store: &ConfigStore, configuration_only: bool) -> Vec<ReportData> {
        self.entries
            .iter()
            .filter(|e| !configuration_only || e.mutability == Mutability::ReadWrite)
            .map(|e| ReportData {
                component: component(e.component),
                variable: variable(e.variable, e.instance),
                variable_attribute: vec![VariableAttribute {
                    kind: Some(v201::Attribute::Actual),
                    value: Some(ci(&DeviceModel::value(e, store))),
                    mutability: Some(e.mutability),
                    persistent: Some(true),
                    constant: Some(false),
                    custom_data: None,
                }],
                variable_characteristics: Some(VariableCharacteristics {
                    unit: None,
                    data_type: match e.kind {
                        Kind::Integer => v201::Data::Integer,
                        Kind::Boolean => v201::Data::Boolean,
                        Kind::List
                            if e.variable.ends_with("Measurands")
                                || e.variable.ends_with("Point") =>
                        {
                            v201::Data::MemberList
                        }
                        Kind::List => v201::Data::String,
                    },
                    min_limit: None,
                    max_limit: None,
                    values_list: None,
                    supports_monitoring: false,
                    custom_data: None,
                }),
                custom_data: None,
            })
            .collect()
    }
}

enum Unknown {
    Component,
    Variable,
}

pub(super) fn component(name: &str) -> Component {
    Component {
        evse: None,
        name: ci(name),
        instance: None,
        custom_data: None,
    }
}

pub(super) fn variable(name: &str, instance: Option<&str>) -> Variable {
    Variable {
        name: ci(name),
        instance: instance.map(ci),
        custom_data: None,
    }
}
