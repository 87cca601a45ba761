"""OCPP 2.0.1 conformance suite: one test per CSMS test case of the OCA Core profile."""
