"""Firmware updates and diagnostics uploads with `ocpp` library stations, 1.6 and 2.0.1.

The stations really fetch the image from the URL the server hands them (no token: stations
cannot send one) and check its sha256, report their progress with FirmwareStatusNotification,
and really upload diagnostics to the server's upload URL: multipart POST (what chargers do)
and raw PUT to the URL plus the file name.
"""

import asyncio
import hashlib
import json
import os
import urllib.request
import uuid

from ocpp.routing import after, on
from ocpp.v16 import call as call16
from ocpp.v16 import call_result as result16
from ocpp.v16.enums import Action
from ocpp.v201 import ChargePoint as ChargePoint201
from ocpp.v201 import call as call201
from ocpp.v201 import call_result as result201

from interop_support import (
    InteropStation,
    RecordingConnection,
    aeventually,
    connected,
    new_station_id,
    open_ws,
    q,
    run,
)

FIRMWARE_STEPS = ("Downloading", "Downloaded", "Installing", "Installed")


def upload_firmware(api, filename: str, content: bytes) -> dict:
    """POST /api/v1/firmware with the image as the raw body."""
    request = urllib.request.Request(
        f"{api.base}/api/v1/firmware?filename={q(filename)}",
        data=content,
        method="POST",
        headers={
            "Authorization": f"Bearer {api.token}",
            "Content-Type": "application/octet-stream",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.status == 201, reply.status
        return json.loads(reply.read())


def fetch(url: str) -> bytes:
    """What a station does: a plain GET, no Authorization header."""
    with urllib.request.urlopen(url, timeout=30) as reply:
        assert int(reply.headers["Content-Length"]) > 0
        return reply.read()


def post_multipart(url: str, filename: str, content: bytes) -> int:
    boundary = "----" + uuid.uuid4().hex
    body = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + content + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        return reply.status


def put_file(url: str, content: bytes) -> int:
    request = urllib.request.Request(url, data=content, method="PUT")
    with urllib.request.urlopen(request, timeout=30) as reply:
        return reply.status


def download(api, path: str) -> bytes:
    request = urllib.request.Request(
        api.base + path, headers={"Authorization": f"Bearer {api.token}"}
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        return reply.read()


class FirmwareStation16(InteropStation):
    """A 1.6 station that downloads, verifies and "installs" firmware and uploads logs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.downloaded: asyncio.Queue = asyncio.Queue()
        self.uploads = 0
        self.diagnostics = b""

    @on(Action.update_firmware)
    async def on_update_firmware(self, location, retrieve_date, **kwargs):
        return result16.UpdateFirmware()

    @after(Action.update_firmware)
    async def after_update_firmware(self, location, retrieve_date, **kwargs):
        asyncio.create_task(self._install(location))

    async def _install(self, location):
        await self.send(call16.FirmwareStatusNotification(status="Downloading"))
        image = await asyncio.to_thread(fetch, location)
        await self.downloaded.put(image)
        for status in FIRMWARE_STEPS[1:]:
            await self.send(call16.FirmwareStatusNotification(status=status))

    @on(Action.get_diagnostics)
    async def on_get_diagnostics(self, location, **kwargs):
        self.uploads += 1
        return result16.GetDiagnostics(file_name=f"diag-{self.uploads}.log")

    @after(Action.get_diagnostics)
    async def after_get_diagnostics(self, location, **kwargs):
        asyncio.create_task(self._upload(location, self.uploads))

    async def _upload(self, location, n):
        await self.send(call16.DiagnosticsStatusNotification(status="Uploading"))
        content = f"diagnostics of {self.id}, upload {n}\n".encode() * 50
        # The first upload as a multipart form, the second as a PUT.
        if n == 1:
            status = await asyncio.to_thread(post_multipart, location, f"diag-{n}.log", content)
        else:
            status = await asyncio.to_thread(put_file, f"{location}/diag-{n}.log", content)
        assert status == 200, status
        self.diagnostics = content
        await self.send(call16.DiagnosticsStatusNotification(status="Uploaded"))


def firmware_statuses(api, station_id):
    return api.get(f"/api/v1/stations/{q(station_id)}/firmware").expect(200)


def test_1_6_firmware_update_and_diagnostics(api):
    station_id = new_station_id("fw16")
    api.register_station(station_id)
    image = os.urandom(200_000)
    firmware = upload_firmware(api, "station-fw-2.0.bin", image)
    assert firmware["sha256"] == hashlib.sha256(image).hexdigest()
    assert firmware["size"] == len(image)

    async def scenario():
        async with connected(api, station_id, cls=FirmwareStation16) as cp:
            answer = (
                await api.command(
                    station_id, "update-firmware", {"firmware_id": firmware["id"], "retries": 2}
                )
            ).expect(200)
            assert answer["status"] == "Accepted"
            assert answer["response"] == {}
            fetched = await asyncio.wait_for(cp.downloaded.get(), 30)
            assert hashlib.sha256(fetched).hexdigest() == firmware["sha256"]

            def installed():
                state = firmware_statuses(api, station_id)
                assert state["status"] == "Installed", state
                return state

            state = await aeventually(installed, timeout=15)
            assert [h["status"] for h in state["history"]] == list(FIRMWARE_STEPS)
            assert all(h["request_id"] is None for h in state["history"])

            for n in (1, 2):
                answer = (await api.command(station_id, "get-diagnostics", {})).expect(200)
                assert answer["response"] == {"fileName": f"diag-{n}.log"}
                diagnostics_id = answer["diagnostics_id"]

                def uploaded():
                    listed = api.get(f"/api/v1/diagnostics?station_id={q(station_id)}").expect(200)
                    [entry] = [d for d in listed if d["id"] == diagnostics_id]
                    assert entry["status"] == "Uploaded" and entry["size"], entry
                    return entry

                entry = await aeventually(uploaded, timeout=15)
                assert entry["filename"] == f"diag-{n}.log"
                assert entry["station_id"] == station_id
                assert entry["size"] == len(cp.diagnostics)
                content = await asyncio.to_thread(
                    download, api, f"/api/v1/diagnostics/{diagnostics_id}/file"
                )
                assert content == cp.diagnostics

    run(scenario())


class FirmwareStation201(ChargePoint201):
    def __init__(self, station_id, connection):
        super().__init__(station_id, connection)
        self.downloaded: asyncio.Queue = asyncio.Queue()
        self.diagnostics = b""

    @on("UpdateFirmware")
    async def on_update_firmware(self, request_id, firmware, **kwargs):
        return result201.UpdateFirmware(status="Accepted")

    @after("UpdateFirmware")
    async def after_update_firmware(self, request_id, firmware, **kwargs):
        asyncio.create_task(self._install(request_id, firmware["location"]))

    async def _install(self, request_id, location):
        await self.call(
            call201.FirmwareStatusNotification(status="Downloading", request_id=request_id)
        )
        image = await asyncio.to_thread(fetch, location)
        await self.downloaded.put(image)
        for status in FIRMWARE_STEPS[1:]:
            await self.call(
                call201.FirmwareStatusNotification(status=status, request_id=request_id)
            )

    @on("GetLog")
    async def on_get_log(self, log, log_type, request_id, **kwargs):
        assert log_type == "DiagnosticsLog"
        return result201.GetLog(status="Accepted", filename="log-201.txt")

    @after("GetLog")
    async def after_get_log(self, log, log_type, request_id, **kwargs):
        asyncio.create_task(self._upload(request_id, log["remote_location"]))

    async def _upload(self, request_id, location):
        await self.call(call201.LogStatusNotification(status="Uploading", request_id=request_id))
        content = b"2.0.1 diagnostics log\n" * 100
        status = await asyncio.to_thread(post_multipart, location, "log-201.txt", content)
        assert status == 200, status
        self.diagnostics = content
        await self.call(call201.LogStatusNotification(status="Uploaded", request_id=request_id))


def test_2_0_1_firmware_update_and_log(api):
    station_id = new_station_id("fw201")
    api.register_station(station_id)
    image = os.urandom(50_000)
    firmware = upload_firmware(api, "fw-201.bin", image)

    async def scenario():
        ws = await open_ws(api, station_id, subprotocols=("ocpp2.0.1",))
        assert ws.subprotocol == "ocpp2.0.1", ws.subprotocol
        cp = FirmwareStation201(station_id, RecordingConnection(ws))
        serving = asyncio.create_task(cp.start())
        try:
            boot = await cp.call(
                call201.BootNotification(
                    charging_station={"model": "Interop", "vendor_name": "Switchyard"},
                    reason="PowerUp",
                )
            )
            assert boot.status == "Accepted"
            answer = (
                await api.command(station_id, "update-firmware", {"firmware_id": firmware["id"]})
            ).expect(200)
            assert answer["status"] == "Accepted"
            request_id = answer["request_id"]
            fetched = await asyncio.wait_for(cp.downloaded.get(), 30)
            assert hashlib.sha256(fetched).hexdigest() == firmware["sha256"]

            def installed():
                state = firmware_statuses(api, station_id)
                assert state["status"] == "Installed", state
                return state

            state = await aeventually(installed, timeout=15)
            assert [h["status"] for h in state["history"]] == list(FIRMWARE_STEPS)
            assert all(h["request_id"] == request_id for h in state["history"])

            answer = (await api.command(station_id, "get-diagnostics", {})).expect(200)
            assert answer["status"] == "Accepted"
            diagnostics_id = answer["diagnostics_id"]

            def uploaded():
                [entry] = [
                    d
                    for d in api.get("/api/v1/diagnostics").expect(200)
                    if d["id"] == diagnostics_id
                ]
                assert entry["status"] == "Uploaded" and entry["size"], entry
                return entry

            entry = await aeventually(uploaded, timeout=15)
            assert entry["filename"] == "log-201.txt"
            content = await asyncio.to_thread(
                download, api, f"/api/v1/diagnostics/{diagnostics_id}/file"
            )
            assert content == cp.diagnostics
        finally:
            serving.cancel()
            await ws.close()

    run(scenario())
