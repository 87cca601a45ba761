//! Samples of the `tariff_cost` module's types.

use super::*;

impl Sample for CostUpdatedRequest {
    fn full() -> Self {
        CostUpdatedRequest {
            total_cost: 16.5,
            transaction_id: fill("TransactionId"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CostUpdatedRequest {
            total_cost: 11.0,
            transaction_id: text("TransactionId"),
            custom_data: None,
        }
    }
}

impl Sample for CostUpdatedResponse {
    fn full() -> Self {
        CostUpdatedResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CostUpdatedResponse { custom_data: None }
    }
}
