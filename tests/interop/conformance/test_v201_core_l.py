"""Core, functional block L: secure firmware update.

There is no `update-firmware` command for 2.0.1 stations yet, so the operator sends
UpdateFirmware through the raw call; what is under test is that the CSMS delivers it as given
and takes every FirmwareStatusNotification, SecurityEventNotification and the BootNotification
after the installation.
"""

import itertools

from conformance.octt import charging, raw_call, scenario, station, stored, tag
from interop_support import now_iso

_request_ids = itertools.count(100)

SIGNING_CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBOCTTsigning\n-----END CERTIFICATE-----"
SIGNATURE = "c2lnbmF0dXJlLW9mLXRoZS1maXJtd2FyZQ=="


def update_firmware(**firmware) -> dict:
    return {
        "requestId": next(_request_ids),
        "retries": 1,
        "retryInterval": 5,
        "firmware": {
            "location": "https://firmware.example.com/octt-1.1.0.bin",
            "retrieveDateTime": now_iso(),
            "signingCertificate": SIGNING_CERTIFICATE,
            "signature": SIGNATURE,
            **firmware,
        },
    }


async def _update(api, cs, answer="Accepted", **firmware) -> int:
    """UpdateFirmware through the raw call, delivered exactly as given; its requestId."""
    cs.replies["UpdateFirmware"] = {"status": answer}
    request = update_firmware(**firmware)
    result = await raw_call(api, cs, "UpdateFirmware", request)
    assert result["status"] == answer
    assert cs.last("UpdateFirmware") == request
    return request["requestId"]


INSTALLED = ("Downloading", "Downloaded", "SignatureVerified", "Installing", "Installed")


async def _installs(api, label, statuses=INSTALLED, **firmware):
    async with station(api, label) as cs:
        request_id = await _update(api, cs, **firmware)
        await cs.firmware_status(*statuses, request_id=request_id)
        assert (await cs.boot(reason="FirmwareUpdate")).status == "Accepted"


@scenario
async def test_tc_l_01_csms(api):
    """UpdateFirmware with signingCertificate and signature; the whole status sequence up to
    Installed, then the reboot's BootNotification is Accepted."""
    await _installs(api, "l01")


@scenario
async def test_tc_l_02_csms(api):
    """UpdateFirmware with an installDateTime in the future: InstallScheduled and the rest of
    the sequence are taken, then the reboot."""
    statuses = ("Downloading", "Downloaded", "SignatureVerified", "InstallScheduled",
                "Installing", "Installed")
    await _installs(api, "l02", statuses, installDateTime=now_iso(3600))


@scenario
async def test_tc_l_03_csms(api):
    """UpdateFirmware with a retrieveDateTime in the future: DownloadScheduled first."""
    await _installs(api, "l03", ("DownloadScheduled",) + INSTALLED, retrieveDateTime=now_iso(3600))


async def _refused(api, label, answer, security_event=None, statuses=()):
    async with station(api, label) as cs:
        request_id = await _update(api, cs, answer)
        await cs.firmware_status(*statuses, request_id=request_id)
        if security_event:
            await cs.security_event(security_event)
        await cs.heartbeat()


@scenario
async def test_tc_l_04_csms(api):
    """The signing certificate is revoked: the RevokedCertificate answer reaches the
    operator."""
    await _refused(api, "l04", "RevokedCertificate")


@scenario
async def test_tc_l_05_csms(api):
    """The signing certificate is invalid: InvalidCertificate, plus the security event
    InvalidFirmwareSigningCertificate, are taken."""
    await _refused(api, "l05", "InvalidCertificate", "InvalidFirmwareSigningCertificate")


@scenario
async def test_tc_l_06_csms(api):
    """The signature does not verify: InvalidSignature status and security event taken."""
    await _refused(
        api, "l06", "Accepted", "InvalidFirmwareSignature",
        ("Downloading", "Downloaded", "InvalidSignature"),
    )


@scenario
async def test_tc_l_07_csms(api):
    """The download fails: DownloadFailed is taken."""
    await _refused(api, "l07", "Accepted", statuses=("Downloading", "DownloadFailed"))


@scenario
async def test_tc_l_08_csms(api):
    """Verification after download fails: InstallVerificationFailed is taken."""
    await _refused(
        api, "l08", "Accepted",
        statuses=("Downloading", "Downloaded", "SignatureVerified", "InstallVerificationFailed"),
    )


@scenario
async def test_tc_l_09_csms(api):
    """Installation fails: InstallationFailed taken, the reboot's boot Accepted."""
    statuses = ("Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallationFailed")
    await _installs(api, "l09", statuses)


async def _second_update(api, label, answer):
    """A second UpdateFirmware while one is downloading: the station cancels the first
    (AcceptedCanceled) or cannot (Rejected); the answers and notifications are taken."""
    async with station(api, label) as cs:
        first = await _update(api, cs)
        await cs.firmware_status("Downloading", request_id=first)
        second = await _update(api, cs, answer)
        if answer == "AcceptedCanceled":
            await cs.firmware_status(*INSTALLED, request_id=second)
        else:
            await cs.firmware_status(*INSTALLED[1:], request_id=first)
        assert (await cs.boot(reason="FirmwareUpdate")).status == "Accepted"


@scenario
async def test_tc_l_10_csms(api):
    """A new UpdateFirmware cancels the running one (AcceptedCanceled); the new one installs."""
    await _second_update(api, "l10", "AcceptedCanceled")


@scenario
async def test_tc_l_11_csms(api):
    """The station cannot cancel the running update (Rejected); the first one installs."""
    await _second_update(api, "l11", "Rejected")


@scenario
async def test_tc_l_13_csms(api):
    """UpdateFirmware while charging (AllowNewSessionsPendingFirmwareUpdate false): the
    station downloads, waits for the transaction to end, installs and reboots; every
    message is taken and the transaction is stored ended."""
    async with station(api, "l13") as cs:
        tx = await charging(cs, tag(api))
        request_id = await _update(api, cs)
        await cs.firmware_status("Downloading", "Downloaded", "SignatureVerified",
                                 "InstallScheduled", request_id=request_id)
        await tx.ended("EVCommunicationLost", "EVDisconnected", meter=1500)
        await cs.status(1, "Unavailable")
        await cs.firmware_status("Installing", "Installed", request_id=request_id)
        assert (await cs.boot(reason="FirmwareUpdate")).status == "Accepted"
    assert stored(api, cs, tx)["energy_wh"] == 500
