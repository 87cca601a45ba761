"""OCPP 1.6 Firmware Management profile: UpdateFirmware and GetDiagnostics (the latter belongs
to this profile in 1.6) (OCTT 1.6 test case document §3). Written against API.md "Operating
features" (Firmware; Diagnostics and logs)."""

import hashlib
import json
import urllib.parse

from conformance.octt16 import (
    command,
    connect,
    http_bytes,
    scenario,
    station,
)
from interop_support import aeventually, now_iso

FIRMWARE = b"OCTT firmware image 1.0.1\n" * 64
NEW_VERSION = "1.0.1"


def _upload(api, name: str) -> dict:
    """POST /api/v1/firmware: the file is stored and described (size, sha256, its URL)."""
    status, body = http_bytes(
        "POST",
        f"{api.base}/api/v1/firmware?{urllib.parse.urlencode({'filename': name})}",
        FIRMWARE,
        token=api.token,
    )
    assert status == 201, body
    firmware = json.loads(body)
    assert firmware["filename"] == name and firmware["size"] == len(FIRMWARE)
    assert firmware["sha256"] == hashlib.sha256(FIRMWARE).hexdigest()
    return firmware


async def _update(api, cs, label) -> dict:
    """update-firmware with an uploaded file: UpdateFirmware carries its URL and the
    retrieve date; the empty answer is Accepted; the station can download the file from that
    URL without a token."""
    firmware = _upload(api, f"octt-{label}.bin")
    retrieve_at = now_iso()
    reply = await command(
        api, cs, "update-firmware", {"firmware_id": firmware["id"], "retrieve_at": retrieve_at}
    )
    assert reply["status"] == "Accepted" and reply["response"] == {}
    request = cs.last("UpdateFirmware")
    assert request["location"] == firmware["url"]
    assert "retrieveDate" in request
    status, downloaded = http_bytes("GET", request["location"])
    assert status == 200 and downloaded == FIRMWARE
    return firmware


def _firmware(api, station_id) -> dict:
    return api.get(f"/api/v1/stations/{urllib.parse.quote(station_id, safe='')}/firmware").expect(
        200
    )


async def _shows(api, station_id, *statuses):
    """GET /stations/{id}/firmware: the last status, and the statuses in order in the history."""

    def check():
        shown = _firmware(api, station_id)
        assert shown["status"] == statuses[-1], shown
        history = [entry["status"] for entry in shown["history"]]
        assert history[-len(statuses):] == list(statuses), history
        return shown

    return await aeventually(check)


@scenario
async def test_tc_044_1_csms(api):
    """Download and install: UpdateFirmware; FirmwareStatusNotification Downloading,
    Downloaded, Installing, the connectors Unavailable, the re-boot (Accepted, the new
    version shown), Installed and Available are all taken; the API shows the progress."""
    async with station(api, "0441") as cs:
        await _update(api, cs, "0441")
        await cs.firmware_status("Downloading", "Downloaded")
        await cs.statuses("Unavailable")
        await cs.firmware_status("Installing")
    async with connect(api, cs.id, boot=None) as rebooted:
        rebooted.firmware_version = NEW_VERSION
        assert (await rebooted.boot()).status == "Accepted"
        await rebooted.firmware_status("Installed")
        await rebooted.statuses("Available")
        await _shows(api, cs.id, "Downloading", "Downloaded", "Installing", "Installed")
        assert api.station(cs.id)["firmware_version"] == NEW_VERSION


@scenario
async def test_tc_044_2_csms(api):
    """The download fails: Downloading, then DownloadFailed are taken and shown."""
    async with station(api, "0442") as cs:
        await _update(api, cs, "0442")
        await cs.firmware_status("Downloading", "DownloadFailed")
        await _shows(api, cs.id, "Downloading", "DownloadFailed")


@scenario
async def test_tc_044_3_csms(api):
    """The installation fails: Downloading, Downloaded, Installing, InstallationFailed are
    taken and shown; the station keeps its firmware."""
    async with station(api, "0443") as cs:
        await _update(api, cs, "0443")
        await cs.firmware_status("Downloading", "Downloaded", "Installing", "InstallationFailed")
        await _shows(api, cs.id, "Downloading", "Downloaded", "Installing", "InstallationFailed")
        assert api.station(cs.id)["firmware_version"] == "1.0.0"


# --- diagnostics ----------------------------------------------------------------------------


async def _get_diagnostics(api, cs) -> str:
    """get-diagnostics without a location: GetDiagnostics carries an upload URL on this
    server; the station's answer (its file name) comes back. The URL."""
    reply = await command(api, cs, "get-diagnostics", {})
    assert reply["response"] == {"fileName": "octt-diagnostics.log"}
    location = cs.last("GetDiagnostics")["location"]
    assert location.startswith(("http://", "https://")), location
    return location


def _diagnostics(api, station_id) -> list:
    query = urllib.parse.urlencode({"station_id": station_id})
    return api.get(f"/api/v1/diagnostics?{query}").expect(200)


@scenario
async def test_tc_045_1_csms(api):
    """GetDiagnostics; DiagnosticsStatusNotification Uploading, the upload, Uploaded are
    taken; the API lists the file with its status and size and serves it."""
    content = b"OCTT diagnostics\n" * 32
    async with station(api, "0451") as cs:
        location = await _get_diagnostics(api, cs)
        await cs.diagnostics_status("Uploading")
        status, _ = http_bytes("PUT", f"{location}/octt-diagnostics.log", content)
        assert status in (200, 201, 204), status
        await cs.diagnostics_status("Uploaded")

        def listed():
            [entry] = _diagnostics(api, cs.id)
            assert entry["status"] == "Uploaded", entry
            return entry

        entry = await aeventually(listed)
    assert entry["filename"] == "octt-diagnostics.log" and entry["size"] == len(content)
    status, served = http_bytes(
        "GET", f"{api.base}/api/v1/diagnostics/{entry['id']}/file", token=api.token
    )
    assert status == 200 and served == content


@scenario
async def test_tc_045_2_csms(api):
    """The upload fails: Uploading, then UploadFailed are taken; the request shows it."""
    async with station(api, "0452") as cs:
        await _get_diagnostics(api, cs)
        await cs.diagnostics_status("Uploading", "UploadFailed")

        def failed():
            [entry] = _diagnostics(api, cs.id)
            assert entry["status"] == "UploadFailed", entry

        await aeventually(failed)
