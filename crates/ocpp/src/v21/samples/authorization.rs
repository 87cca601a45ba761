//! Samples of the `authorization` module's types.

use super::*;

impl Sample for AuthorizeRequest {
    fn full() -> Self {
        AuthorizeRequest {
            id_token: IdToken::full(),
            certificate: Some(fill("Certificate")),
            iso15118_certificate_hash_data: vec![OcspRequestData::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AuthorizeRequest {
            id_token: IdToken::minimal(),
            certificate: None,
            iso15118_certificate_hash_data: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for AuthorizeResponse {
    fn full() -> Self {
        AuthorizeResponse {
            id_token_info: IdTokenInfo::full(),
            certificate_status: Some(AuthorizeCertificateStatus::ContractCancelled),
            allowed_energy_transfer: vec![EnergyTransferMode::Wpt],
            tariff: Some(Tariff::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AuthorizeResponse {
            id_token_info: IdTokenInfo::minimal(),
            certificate_status: None,
            allowed_energy_transfer: Vec::new(),
            tariff: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearCacheRequest {
    fn full() -> Self {
        ClearCacheRequest {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearCacheRequest { custom_data: None }
    }
}

impl Sample for ClearCacheResponse {
    fn full() -> Self {
        ClearCacheResponse {
            status: ClearCacheStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearCacheResponse {
            status: ClearCacheStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifySettlementRequest {
    fn full() -> Self {
        NotifySettlementRequest {
            transaction_id: Some(fill("TransactionId")),
            psp_ref: fill("PspRef"),
            status: PaymentStatus::Failed,
            status_info: Some(fill("StatusInfo")),
            settlement_amount: 11.5,
            settlement_time: at(60),
            receipt_id: Some(fill("ReceiptId")),
            receipt_url: Some(fill("ReceiptUrl")),
            vat_company: Some(Address::full()),
            vat_number: Some(fill("VatNumber")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifySettlementRequest {
            transaction_id: None,
            psp_ref: text("PspRef"),
            status: PaymentStatus::Settled,
            status_info: None,
            settlement_amount: 1.0,
            settlement_time: at(0),
            receipt_id: None,
            receipt_url: None,
            vat_company: None,
            vat_number: None,
            custom_data: None,
        }
    }
}

impl Sample for Address {
    fn full() -> Self {
        Address {
            name: fill("Name"),
            address1: fill("Address1"),
            address2: Some(fill("Address2")),
            city: fill("City"),
            postal_code: Some(fill("PostalCode")),
            country: fill("Country"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Address {
            name: text("Name"),
            address1: text("Address1"),
            address2: None,
            city: text("City"),
            postal_code: None,
            country: text("Country"),
            custom_data: None,
        }
    }
}

impl Sample for NotifySettlementResponse {
    fn full() -> Self {
        NotifySettlementResponse {
            receipt_url: Some(fill("ReceiptUrl")),
            receipt_id: Some(fill("ReceiptId")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifySettlementResponse {
            receipt_url: None,
            receipt_id: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyWebPaymentStartedRequest {
    fn full() -> Self {
        NotifyWebPaymentStartedRequest {
            evse_id: 3,
            timeout: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyWebPaymentStartedRequest {
            evse_id: 1,
            timeout: 1,
            custom_data: None,
        }
    }
}

impl Sample for NotifyWebPaymentStartedResponse {
    fn full() -> Self {
        NotifyWebPaymentStartedResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyWebPaymentStartedResponse { custom_data: None }
    }
}

impl Sample for VatNumberValidationRequest {
    fn full() -> Self {
        VatNumberValidationRequest {
            vat_number: fill("VatNumber"),
            evse_id: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        VatNumberValidationRequest {
            vat_number: text("VatNumber"),
            evse_id: None,
            custom_data: None,
        }
    }
}

impl Sample for VatNumberValidationResponse {
    fn full() -> Self {
        VatNumberValidationResponse {
            company: Some(Address::full()),
            status_info: Some(StatusInfo::full()),
            vat_number: fill("VatNumber"),
            evse_id: Some(3),
            status: GenericStatus::Rejected,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        VatNumberValidationResponse {
            company: None,
            status_info: None,
            vat_number: text("VatNumber"),
            evse_id: None,
            status: GenericStatus::Accepted,
            custom_data: None,
        }
    }
}
