//! The station's configuration store: the OCPP 1.6 Core keys (§9.1) with the values and
//! read-only flags a typical AC charger ships with.

use ocpp::CiString;
use ocpp::v16::{ConfigurationStatus, KeyValue};

/// How a key's value is checked on ChangeConfiguration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Integer,
    Boolean,
    /// A comma-separated list (CSL); any text is accepted.
    List,
}

#[derive(Debug, Clone)]
struct Entry {
    key: &'static str,
    value: String,
    readonly: bool,
    kind: Kind,
}

/// Every key is known up front; unknown keys are `NotSupported`, as a real charger answers.
#[derive(Debug, Clone)]
pub struct ConfigStore {
    entries: Vec<Entry>,
}

pub const HEARTBEAT_INTERVAL: &str = "HeartbeatInterval";
pub const METER_VALUE_SAMPLE_INTERVAL: &str = "MeterValueSampleInterval";
pub const METER_VALUES_SAMPLED_DATA: &str = "MeterValuesSampledData";
pub const AUTHORIZE_REMOTE_TX_REQUESTS: &str = "AuthorizeRemoteTxRequests";
pub const LOCAL_AUTH_LIST_MAX_LENGTH: &str = "LocalAuthListMaxLength";
pub const SEND_LOCAL_LIST_MAX_LENGTH: &str = "SendLocalListMaxLength";

impl ConfigStore {
    pub fn new(connectors: u32, meter_interval_s: u64) -> ConfigStore {
        use Kind::{Boolean as B, Integer as I, List as L};
        let entries = [
            ("AllowOfflineTxForUnknownId", "false", false, B),
            ("AuthorizationCacheEnabled", "true", false, B),
            (AUTHORIZE_REMOTE_TX_REQUESTS, "true", false, B),
            ("ClockAlignedDataInterval", "0", false, I),
            ("ConnectionTimeOut", "60", false, I),
            ("ConnectorPhaseRotation", "0.RST", false, L),
            ("GetConfigurationMaxKeys", "50", true, I),
            (HEARTBEAT_INTERVAL, "300", false, I),
            ("LocalAuthListEnabled", "true", false, B),
            (LOCAL_AUTH_LIST_MAX_LENGTH, "1000", true, I),
            ("LocalAuthorizeOffline", "true", false, B),
            ("LocalPreAuthorize", "false", false, B),
            (
                "MeterValuesAlignedData",
                "Energy.Active.Import.Register",
                false,
                L,
            ),
            (
                METER_VALUES_SAMPLED_DATA,
                "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC",
                false,
                L,
            ),
            (METER_VALUE_SAMPLE_INTERVAL, "60", false, I),
            ("NumberOfConnectors", "1", true, I),
            ("ResetRetries", "3", false, I),
            ("StopTransactionOnEVSideDisconnect", "true", false, B),
            ("StopTransactionOnInvalidId", "true", false, B),
            ("StopTxnAlignedData", "", false, L),
            (
                "StopTxnSampledData",
                "Energy.Active.Import.Register",
                false,
                L,
            ),
            (SEND_LOCAL_LIST_MAX_LENGTH, "100", true, I),
            (
                "SupportedFeatureProfiles",
                "Core,LocalAuthListManagement,RemoteTrigger",
                true,
                L,
            ),
            ("TransactionMessageAttempts", "3", false, I),
            ("TransactionMessageRetryInterval", "30", false, I),
            ("UnlockConnectorOnEVSideDisconnect", "true", false, B),
            ("WebSocketPingInterval", "0", false, I),
        ];
        let mut store = ConfigStore {
            entries: entries
                .into_iter()
                .map(|(key, value, readonly, kind)| Entry {
                    key,
                    value: value.to_owned(),
                    readonly,
                    kind,
                })
                .collect(),
        };
        store.set_internal("NumberOfConnectors", connectors.to_string());
        store.set_internal(METER_VALUE_SAMPLE_INTERVAL, meter_interval_s.to_string());
        store
    }

    /// OCPP keys are case-insensitive (CiString).
    fn find(&self, key: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.key.eq_ignore_ascii_case(key))
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.find(key).map(|e| e.value.as_str())
    }

    pub fn get_u64(&self, key: &str) -> Option<u64> {
        self.get(key).and_then(|v| v.parse().ok())
    }

    pub fn get_bool(&self, key: &str) -> bool {
        self.get(key) == Some("true")
    }

    /// Set by the station itself (the boot interval, the sample interval from the command
    /// line), bypassing the read-only flag.
    pub fn set_internal(&mut self, key: &str, value: String) {
        if let Some(e) = self
            .entries
            .iter_mut()
            .find(|e| e.key.eq_ignore_ascii_case(key))
        {
            e.value = value;
        }
    }

    /// ChangeConfiguration: `Rejected` for read-only keys and values of the wrong type.
    pub fn change(&mut self, key: &str, value: &str) -> ConfigurationStatus {
        let Some(entry) = self
            .entries
            .iter_mut()
            .find(|e| e.key.eq_ignore_ascii_case(key))
        else {
            return ConfigurationStatus::NotSupported;
        };
        let valid = match entry.kind {
            Kind::Integer => value.parse::<u64>().is_ok(),
            Kind::Boolean => value == "true" || value == "false",
            Kind::List => true,
        };
        if entry.readonly || !valid {
            return ConfigurationStatus::Rejected;
        }
        entry.value = value.to_owned();
        ConfigurationStatus::Accepted
    }

    /// GetConfiguration: every key when `keys` is empty, else the known ones and the unknown.
    pub fn list(&self, keys: &[CiString<50>]) -> (Vec<KeyValue>, Vec<CiString<50>>) {
        let entry = |e: &Entry| KeyValue {
            key: CiString::new(e.key).unwrap_or_default(),
            readonly: e.readonly,
            value: Some(CiString::new(e.value.clone()).unwrap_or_default()),
        };
        if keys.is_empty() {
            return (self.entries.iter().map(entry).collect(), Vec::new());
        }
        let mut known = Vec::new();
        let mut unknown = Vec::new();
        for key in keys {
            match self.find(key) {
                Some(e) => known.push(entry(e)),
                None => unknown.push(key.clone()),
            }
        }
        (known, unknown)
    }
}
