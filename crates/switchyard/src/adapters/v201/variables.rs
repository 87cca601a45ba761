//! The 2.0.1 device model ↔ the domain's variables (NotifyReport, GetVariables answers).

use ocpp::CiString;
use ocpp::v201;

use crate::domain::{
    Attribute, AttributeKind, Characteristics, Mutability, ReportedVariable, VariableKey,
};

pub(super) fn key(component: &v201::Component, variable: &v201::Variable) -> VariableKey {
    VariableKey {
        component: Some(component.name.as_str().to_owned()),
        component_instance: component.instance.as_ref().map(|i| i.as_str().to_owned()),
        evse_id: component.evse.as_ref().map(|e| e.id),
        connector_id: component.evse.as_ref().and_then(|e| e.connector_id),
        variable: variable.name.as_str().to_owned(),
        variable_instance: variable.instance.as_ref().map(|i| i.as_str().to_owned()),
    }
}

fn kind(attribute: Option<v201::Attribute>) -> AttributeKind {
    match attribute {
        None | Some(v201::Attribute::Actual) => AttributeKind::Actual,
        Some(v201::Attribute::Target) => AttributeKind::Target,
        Some(v201::Attribute::MinSet) => AttributeKind::MinSet,
        Some(v201::Attribute::MaxSet) => AttributeKind::MaxSet,
    }
}

fn mutability(m: v201::Mutability) -> Mutability {
    match m {
        v201::Mutability::ReadOnly => Mutability::ReadOnly,
        v201::Mutability::WriteOnly => Mutability::WriteOnly,
        v201::Mutability::ReadWrite => Mutability::ReadWrite,
    }
}

/// The variables of a NotifyReport.
pub(super) fn reported(report: v201::NotifyReportRequest) -> Vec<ReportedVariable> {
    report
        .report_data
        .into_iter()
        .map(|data| ReportedVariable {
            key: key(&data.component, &data.variable),
            attributes: data
                .variable_attribute
                .into_iter()
                .map(|a| Attribute {
                    kind: kind(a.kind),
                    value: a.value.map(CiString::into_inner),
                    mutability: a.mutability.map(mutability),
                    persistent: a.persistent,
                    constant: a.constant,
                })
                .collect(),
            characteristics: data.variable_characteristics.map(|c| Characteristics {
                unit: c.unit.map(CiString::into_inner),
                data_type: super::label(&c.data_type).to_owned(),
                min_limit: c.min_limit,
                max_limit: c.max_limit,
                values_list: c.values_list.map(CiString::into_inner),
                supports_monitoring: c.supports_monitoring,
            }),
        })
        .collect()
}

/// The values a GetVariables answer reports (only those the station accepted to read).
pub(super) fn read(payload: &serde_json::value::RawValue) -> Vec<ReportedVariable> {
    let Ok(response) = serde_json::from_str::<v201::GetVariablesResponse>(payload.get()) else {
        return Vec::new();
    };
    response
        .get_variable_result
        .into_iter()
        .filter(|r| r.attribute_status == v201::GetVariableStatus::Accepted)
        .map(|r| ReportedVariable {
            key: key(&r.component, &r.variable),
            attributes: vec![Attribute {
                kind: kind(r.attribute_type),
                ..Attribute::actual(r.attribute_value.map(CiString::into_inner))
            }],
            characteristics: None,
        })
        .collect()
}

/// What a SetVariables sets: each variable's key and value. Only Actual values count: a
/// Target, MinSet or MaxSet is not what the variable now is.
pub(super) fn set(request: v201::SetVariablesRequest) -> Vec<(VariableKey, String)> {
    request
        .set_variable_data
        .into_iter()
        .filter(|d| kind(d.attribute_type) == AttributeKind::Actual)
        .map(|d| {
            (
                key(&d.component, &d.variable),
                d.attribute_value.into_inner(),
            )
        })
        .collect()
}

/// Each Actual result of a SetVariables answer: the variable and its `attributeStatus`.
pub(super) fn set_results(payload: &serde_json::value::RawValue) -> Vec<(VariableKey, String)> {
    let Ok(response) = serde_json::from_str::<v201::SetVariablesResponse>(payload.get()) else {
        return Vec::new();
    };
    response
        .set_variable_result
        .into_iter()
        .filter(|r| kind(r.attribute_type) == AttributeKind::Actual)
        .map(|r| {
            (
                key(&r.component, &r.variable),
                super::label(&r.attribute_status).to_owned(),
            )
        })
        .collect()
}
