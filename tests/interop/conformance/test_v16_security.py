"""OCPP 1.6 security extension (Security Whitepaper edition 2/3): Basic auth and its password,
TLS, certificates, security events, the security log and signed firmware (OCTT 1.6 test case
document §3). No API command covers certificates, GetLog or SignedUpdateFirmware for 1.6, so
those requests go through the raw call: what is tested is that the CSMS delivers them
schema-valid and takes everything the station sends back."""

import base64
import hashlib
import ssl

import pytest
import websockets

import tls_support

from conformance.octt16 import (
    PASSWORD,
    command,
    configuration,
    connect,
    pending,
    raw_call,
    register,
    scenario,
    station,
)
from interop_support import now_iso, open_ws

# A certificate is opaque to the CSMS here: it hands the PEM on as given.
PEM = (
    "-----BEGIN CERTIFICATE-----\n"
    + base64.b64encode(b"octt conformance certificate " * 8).decode()
    + "\n-----END CERTIFICATE-----\n"
)


def _hash_data(serial: str) -> dict:
    digest = hashlib.sha256(serial.encode()).hexdigest()
    return {
        "hashAlgorithm": "SHA256",
        "issuerNameHash": digest,
        "issuerKeyHash": digest[::-1],
        "serialNumber": serial,
    }


def _snake(hash_data: dict) -> dict:
    return {
        "hash_algorithm": hash_data["hashAlgorithm"],
        "issuer_name_hash": hash_data["issuerNameHash"],
        "issuer_key_hash": hash_data["issuerKeyHash"],
        "serial_number": hash_data["serialNumber"],
    }


async def _refused(api, station_id, password) -> int:
    """The HTTP status with which the CSMS refuses the WebSocket handshake."""
    with pytest.raises(websockets.InvalidStatus) as refused:
        ws = await open_ws(api, station_id, password=password)
        await ws.close()
    return refused.value.response.status_code


# --- Basic auth and TLS ---------------------------------------------------------------------


@scenario
async def test_tc_085_csms(api):
    """Basic auth with the charge point id and its AuthorizationKey: the upgrade is accepted
    and the boot Accepted (a wrong key is refused with 401)."""
    async with station(api, "085", password=PASSWORD) as cs:
        assert api.station(cs.id)["connected"] is True
    assert await _refused(api, cs.id, PASSWORD[::-1]) == 401


@scenario
async def test_tc_086_csms(api):
    """TLS 1.2 or above with a valid server certificate (security profile 2), then Basic
    auth and an Accepted boot."""
    station_id = register(api, "086", password=PASSWORD, security_profile=2)
    async with connect(api, station_id, password=PASSWORD, tls={}) as cs:
        assert api.station(cs.id)["connected"] is True
    # TLS 1.2 with an ECDHE-ECDSA suite (SW16 A00.FR.317) works as well as TLS 1.3.
    ctx = tls_support.context(
        maximum=ssl.TLSVersion.TLSv1_2, ciphers="ECDHE-ECDSA-AES128-GCM-SHA256"
    )
    async with connect(api, station_id, password=PASSWORD, tls={"ssl_context": ctx}):
        pass
    # Profile 2 is not downgraded to plain ws://, whatever the password.
    assert await _refused(api, station_id, PASSWORD) == 403


@scenario
async def test_tc_087_csms(api):
    """Mutual TLS with the charge point's client certificate (security profile 3) and an
    Accepted boot."""
    # interop.rs issues a client certificate with CN = TC087-CS (tls_support).
    station_id = "TC087-CS"
    api.register_station(station_id, security_profile=3)
    async with connect(api, station_id, tls={"client": station_id}) as cs:
        assert api.station(cs.id)["connected"] is True
    # Without the certificate, TLS alone does not let a profile-3 station in.
    with pytest.raises(websockets.InvalidStatus) as refused:
        ws = await tls_support.open_wss(station_id)
        await ws.close()
    assert refused.value.response.status_code == 403
    # Nor does its certificate let it in as another station (CN = charge point identity).
    other = register(api, "087-other", security_profile=3)
    with pytest.raises(websockets.InvalidStatus) as refused:
        ws = await tls_support.open_wss(other, client=station_id)
        await ws.close()
    assert refused.value.response.status_code == 403


@scenario
async def test_tc_073_csms(api):
    """ChangeConfiguration AuthorizationKey with a new key (hex digits, as the security
    whitepaper sets it), Accepted: the CSMS puts it in force at once, so the station
    reconnecting with it is let in and the old one no longer is. The API never shows it."""
    new_key = "0c7a73b1e2d4f60c7a73b1e2d4f6a9b8"
    station_id = register(api, "073", password=PASSWORD)
    async with connect(api, station_id, password=PASSWORD) as cs:
        cs.replies["ChangeConfiguration"] = {"status": "Accepted"}
        reply = await command(
            api, cs, "change-configuration", {"key": "AuthorizationKey", "value": new_key}
        )
        assert reply["status"] == "Accepted"
        assert cs.last("ChangeConfiguration") == {"key": "AuthorizationKey", "value": new_key}
        assert configuration(api, station_id).get("AuthorizationKey", {}).get("value") is None
    async with connect(api, station_id, password=new_key):
        pass
    assert await _refused(api, station_id, PASSWORD) == 401


# --- certificates ---------------------------------------------------------------------------


@pending("certificate-signing")
def test_tc_074_csms(api):
    """ExtendedTriggerMessage SignChargePointCertificate (no connectorId); SignCertificate
    answered Accepted; the CSMS signs the CSR and sends CertificateSigned; the station
    reconnects over mutual TLS with the new certificate. (Besides TLS, this needs what
    TC_077 needs: the CSMS answers SignCertificate Rejected today.)"""


async def _install(api, label, certificate_type):
    """InstallCertificate of `certificate_type`, Accepted; GetInstalledCertificateIds of that
    type then lists it, and the CSMS takes the list."""
    async with station(api, label) as cs:
        result = await raw_call(
            api, cs, "InstallCertificate",
            {"certificateType": certificate_type, "certificate": PEM},
        )
        assert result == {"status": "Accepted"}
        assert cs.last("InstallCertificate") == {
            "certificateType": certificate_type,
            "certificate": PEM,
        }
        installed = _hash_data(f"{label}-0001")
        cs.replies["GetInstalledCertificateIds"] = {
            "status": "Accepted",
            "certificate_hash_data": [_snake(installed)],
        }
        listed = await raw_call(
            api, cs, "GetInstalledCertificateIds", {"certificateType": certificate_type}
        )
        assert listed == {"status": "Accepted", "certificateHashData": [installed]}


@scenario
async def test_tc_075_1_csms(api):
    """Install a ManufacturerRootCertificate, then retrieve it."""
    await _install(api, "0751", "ManufacturerRootCertificate")


@scenario
async def test_tc_075_2_csms(api):
    """Install a CentralSystemRootCertificate, then retrieve it."""
    await _install(api, "0752", "CentralSystemRootCertificate")


@scenario
async def test_tc_076_csms(api):
    """Delete a certificate: GetInstalledCertificateIds, then DeleteCertificate with exactly
    the hash data the station listed; Accepted."""
    async with station(api, "076") as cs:
        installed = _hash_data("076-0001")
        cs.replies["GetInstalledCertificateIds"] = {
            "status": "Accepted",
            "certificate_hash_data": [_snake(installed)],
        }
        listed = await raw_call(
            api, cs, "GetInstalledCertificateIds",
            {"certificateType": "ManufacturerRootCertificate"},
        )
        [hash_data] = listed["certificateHashData"]
        result = await raw_call(api, cs, "DeleteCertificate", {"certificateHashData": hash_data})
        assert result == {"status": "Accepted"}
        assert cs.last("DeleteCertificate") == {"certificateHashData": installed}


@pending("certificate-signing")
@scenario
async def test_tc_077_csms(api):
    """ExtendedTriggerMessage SignChargePointCertificate; the station's SignCertificate is
    answered Accepted; the CSMS sends CertificateSigned, which the station rejects; its
    SecurityEventNotification InvalidChargePointCertificate is taken."""
    async with station(api, "077") as cs:
        triggered = await raw_call(
            api, cs, "ExtendedTriggerMessage", {"requestedMessage": "SignChargePointCertificate"}
        )
        assert triggered == {"status": "Accepted"}
        assert cs.last("ExtendedTriggerMessage") == {
            "requestedMessage": "SignChargePointCertificate"
        }
        cs.replies["CertificateSigned"] = {"status": "Rejected"}
        csr = "-----BEGIN CERTIFICATE REQUEST-----\nT0NUVA==\n-----END CERTIFICATE REQUEST-----"
        assert (await cs.sign_certificate(csr)).status == "Accepted"
        signed = await cs.wait_for_call("CertificateSigned", timeout=20)
        assert "BEGIN CERTIFICATE" in signed["certificateChain"]
        await cs.security_event("InvalidChargePointCertificate")


@scenario
async def test_tc_078_csms(api):
    """InstallCertificate of an invalid CentralSystemRootCertificate, Rejected; the station's
    SecurityEventNotification InvalidCentralSystemCertificate is taken."""
    async with station(api, "078") as cs:
        cs.replies["InstallCertificate"] = {"status": "Rejected"}
        result = await raw_call(
            api, cs, "InstallCertificate",
            {"certificateType": "CentralSystemRootCertificate", "certificate": PEM},
        )
        assert result == {"status": "Rejected"}
        await cs.security_event("InvalidCentralSystemCertificate")


# --- security log ---------------------------------------------------------------------------


@scenario
async def test_tc_079_csms(api):
    """GetLog logType SecurityLog with a remoteLocation and a requestId: Accepted with a file
    name; LogStatusNotification Uploading then Uploaded (with that requestId) are taken."""
    async with station(api, "079") as cs:
        request = {
            "logType": "SecurityLog",
            "requestId": 79,
            "log": {"remoteLocation": "ftp://octt.example/logs"},
        }
        result = await raw_call(api, cs, "GetLog", request)
        assert result == {"status": "Accepted", "filename": "octt-security.log"}
        assert cs.last("GetLog") == request
        await cs.log_status("Uploading", "Uploaded", request_id=79)


# --- signed firmware ------------------------------------------------------------------------


def _signed_firmware(request_id: int) -> dict:
    return {
        "requestId": request_id,
        "retries": 1,
        "retryInterval": 30,
        "firmware": {
            "location": "https://octt.example/firmware/1.0.1.bin",
            "retrieveDateTime": now_iso(),
            "signingCertificate": PEM,
            "signature": base64.b64encode(b"octt firmware signature").decode(),
        },
    }


async def _signed_update(api, cs, request_id):
    request = _signed_firmware(request_id)
    assert await raw_call(api, cs, "SignedUpdateFirmware", request) == {"status": "Accepted"}
    assert cs.last("SignedUpdateFirmware") == request


@scenario
async def test_tc_080_csms(api):
    """SignedUpdateFirmware; SignedFirmwareStatusNotification Downloading, Downloaded,
    SignatureVerified, Installing (connectors Unavailable meanwhile), InstallRebooting are
    taken; after the re-boot (Accepted, new firmware version shown) Installed and the
    SecurityEventNotification FirmwareUpdated are taken."""
    async with station(api, "080") as cs:
        await _signed_update(api, cs, 80)
        await cs.signed_firmware_status(
            "Downloading", "Downloaded", "SignatureVerified", request_id=80
        )
        await cs.statuses("Unavailable")
        await cs.signed_firmware_status("Installing", "InstallRebooting", request_id=80)
    async with connect(api, cs.id, boot=None) as rebooted:
        rebooted.firmware_version = "1.0.1"
        assert (await rebooted.boot()).status == "Accepted"
        await rebooted.statuses("Available")
        await rebooted.signed_firmware_status("Installed", request_id=80)
        await rebooted.security_event("FirmwareUpdated")
        shown = api.station(cs.id)
        assert shown["firmware_version"] == "1.0.1" and shown["boot_status"] == "Accepted"


@scenario
async def test_tc_081_csms(api):
    """SignedUpdateFirmware whose signature the station cannot verify: Downloading,
    Downloaded, then InvalidSignature are taken (and the security event for it); the station
    keeps its firmware."""
    async with station(api, "081") as cs:
        await _signed_update(api, cs, 81)
        await cs.signed_firmware_status("Downloading", "Downloaded", request_id=81)
        await cs.signed_firmware_status("InvalidSignature", request_id=81)
        await cs.security_event("InvalidFirmwareSignature")
        assert api.station(cs.id)["firmware_version"] == "1.0.0"
