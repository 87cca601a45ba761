"""Shared pieces of the interop tests: the HTTP API client, the station, helpers.

The stations are written with the third-party `ocpp` library (mobilityhouse). It validates
every frame it sends and receives against the official OCA JSON schemas: a CALLRESULT of ours
that breaks a schema makes `ChargePoint.call` raise, and a CALL of ours that breaks one is
answered with a CALLERROR (which the HTTP API turns into a 502). The HTTP API is spoken with
the standard library only.
"""

import asyncio
import base64
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Optional

import websockets
from websockets.asyncio.client import connect as ws_connect
from ocpp.routing import after, on
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v16.enums import Action

# Seconds a whole scenario may take before it counts as hung.
SCENARIO_TIMEOUT = 120


# --- time and ids ---------------------------------------------------------------------------


def now_iso(offset_s: float = 0.0) -> str:
    """An RFC 3339 UTC timestamp with milliseconds, as stations send them."""
    t = datetime.now(timezone.utc) + timedelta(seconds=offset_s)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime:
    """Parse an RFC 3339 timestamp; fails the test if it is not one, or has no zone."""
    assert isinstance(text, str), f"not a timestamp string: {text!r}"
    parsed = datetime.fromisoformat(text)
    assert parsed.tzinfo is not None, f"timestamp without a time zone: {text!r}"
    return parsed


def assert_recent(text: str, within_s: float = 60.0) -> None:
    delta = abs((parse_time(text) - datetime.now(timezone.utc)).total_seconds())
    assert delta <= within_s, f"{text} is {delta:.1f}s away from now"


def same_instant(a: str, b: str) -> bool:
    return parse_time(a) == parse_time(b)


def new_station_id(label: str) -> str:
    """A station id no other test (or run against the same server) uses."""
    return f"IT-{label}-{uuid.uuid4().hex[:12]}"


def new_tag() -> str:
    """A fresh id tag: 1.6 idTags are at most 20 characters."""
    return f"T{uuid.uuid4().hex[:15].upper()}"


def run(coro, timeout: float = SCENARIO_TIMEOUT):
    """Run one async scenario, failing it instead of hanging."""
    return asyncio.run(asyncio.wait_for(coro, timeout))


# --- HTTP API -------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    body: Any
    headers: dict

    def expect(self, status: int) -> Any:
        assert self.status == status, (
            f"expected HTTP {status}, got {self.status}: {self.body!r}"
        )
        return self.body


class Api:
    """The Switchyard HTTP API v1, with urllib only."""

    def __init__(self, base_url: str, token: str):
        self.base = base_url.rstrip("/")
        self.token = token

    @classmethod
    def from_env(cls) -> "Api":
        try:
            return cls(os.environ["SWITCHYARD_URL"], os.environ["SWITCHYARD_TOKEN"])
        except KeyError as missing:
            raise RuntimeError(
                f"{missing} is not set: run these tests through `cargo test --test interop`, "
                "or set SWITCHYARD_URL and SWITCHYARD_TOKEN for a running server"
            ) from None

    @property
    def ws_base(self) -> str:
        parts = urllib.parse.urlsplit(self.base)
        scheme = "wss" if parts.scheme == "https" else "ws"
        return f"{scheme}://{parts.netloc}"

    def station_url(self, station_id: str) -> str:
        return f"{self.ws_base}/ocpp/{urllib.parse.quote(station_id, safe='')}"

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        token: Optional[str] = "default",
        timeout: float = 60.0,
    ) -> Response:
        data = None
        headers = {"Accept": "application/json"}
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token == "default":
            token = self.token
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(
            self.base + path, data=data, method=method, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                status, raw, reply_headers = reply.status, reply.read(), reply.headers
        except urllib.error.HTTPError as error:
            status, raw, reply_headers = error.code, error.read(), error.headers
        text = raw.decode("utf-8") if raw else ""
        try:
            parsed = json.loads(text) if text else None
        except json.JSONDecodeError:
            parsed = text
        return Response(status, parsed, dict(reply_headers.items()))

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def put(self, path: str, body: Any, **kw) -> Response:
        return self.request("PUT", path, body, **kw)

    def post(self, path: str, body: Any = None, **kw) -> Response:
        return self.request("POST", path, {} if body is None else body, **kw)

    def delete(self, path: str, **kw) -> Response:
        return self.request("DELETE", path, **kw)

    async def arequest(self, method: str, path: str, body: Any = None, **kw) -> Response:
        """The same, off the event loop: the station has to answer while we wait."""
        return await asyncio.to_thread(self.request, method, path, body, **kw)

    # Shorthands for what almost every test does.

    def register_station(self, station_id: str, **fields) -> dict:
        body = self.put(f"/api/v1/stations/{q(station_id)}", fields).expect(200)
        assert body["id"] == station_id
        assert body["registered"] is True
        assert "password" not in body and "password_hash" not in body
        return body

    def station(self, station_id: str) -> dict:
        return self.get(f"/api/v1/stations/{q(station_id)}").expect(200)

    def register_tag(self, id_tag: str, status: str = "Accepted", **fields) -> str:
        body = self.put(f"/api/v1/id-tags/{q(id_tag)}", {"status": status, **fields}).expect(
            200
        )
        assert body["id_tag"] == id_tag and body["status"] == status
        return id_tag

    def transactions(self, station_id: str, **filters) -> list:
        query = urllib.parse.urlencode({"station_id": station_id, **filters})
        return self.get(f"/api/v1/transactions?{query}").expect(200)

    def transaction(self, transaction_id: int) -> dict:
        return self.get(f"/api/v1/transactions/{transaction_id}").expect(200)

    async def command(
        self, station_id: str, command: str, body: Any, query: str = ""
    ) -> Response:
        path = f"/api/v1/stations/{q(station_id)}/commands/{command}"
        if query:
            path += "?" + query
        return await self.arequest("POST", path, body)

    async def raw_call(self, station_id: str, action: str, payload: dict) -> Response:
        return await self.arequest(
            "POST",
            f"/api/v1/stations/{q(station_id)}/call",
            {"action": action, "payload": payload},
        )


def q(segment: str) -> str:
    return urllib.parse.quote(segment, safe="")


def eventually(check, timeout: float = 5.0, interval: float = 0.05):
    """Retry `check` (which asserts) until it passes or `timeout` runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return check()
        except AssertionError:
            if time.monotonic() >= deadline:
                raise
        time.sleep(interval)


async def aeventually(check, timeout: float = 5.0, interval: float = 0.05):
    return await asyncio.to_thread(eventually, check, timeout, interval)


# --- the station ----------------------------------------------------------------------------


class RecordingConnection:
    """Wraps the WebSocket: the ChargePoint only calls send() and recv(). Keeps every frame."""

    def __init__(self, ws):
        self.ws = ws
        self.sent: list = []
        self.received: list = []

    async def recv(self):
        frame = await self.ws.recv()
        self.received.append(_decode(frame))
        return frame

    async def send(self, frame):
        self.sent.append(_decode(frame))
        await self.ws.send(frame)


def _decode(frame):
    try:
        return json.loads(frame)
    except (TypeError, ValueError):
        return frame


@dataclass
class ConfigKey:
    value: str
    readonly: bool = False


def default_configuration() -> dict:
    return {
        "HeartbeatInterval": ConfigKey("300"),
        "MeterValueSampleInterval": ConfigKey("60"),
        "MeterValuesSampledData": ConfigKey("Energy.Active.Import.Register"),
        "NumberOfConnectors": ConfigKey("2", readonly=True),
        "AuthorizeRemoteTxRequests": ConfigKey("false"),
        "ConnectionTimeOut": ConfigKey("60"),
        "SupportedFeatureProfiles": ConfigKey(
            "Core,RemoteTrigger,FirmwareManagement", readonly=True
        ),
    }


@dataclass
class Started:
    connector_id: int
    id_tag: str
    transaction_id: int
    id_tag_info: dict = field(default_factory=dict)


class InteropStation(ChargePoint):
    """A two-connector station that answers every command of API.md and acts on them."""

    VENDOR_ID = "org.switchyard.interop"

    def __init__(self, station_id: str, connection: RecordingConnection):
        super().__init__(station_id, connection, response_timeout=20)
        self.recorder = connection
        self.configuration = default_configuration()
        self.meter_wh = 10_000
        # connector → ocpp transactionId of the running transaction
        self.running: dict = {}
        self.started: asyncio.Queue = asyncio.Queue()
        self.stopped: asyncio.Queue = asyncio.Queue()
        self.triggered: asyncio.Queue = asyncio.Queue()

    # What the station sends.

    async def send(self, request):
        """A CALL; raises on CALLERROR and on a schema-invalid CALLRESULT."""
        return await self.call(request, suppress=False)

    async def boot(self):
        return await self.send(
            call.BootNotification(
                charge_point_vendor="SwitchyardInterop",
                charge_point_model="PyOCPP-2C",
                charge_point_serial_number="SN-" + self.id[-12:],
                firmware_version="1.2.3",
            )
        )

    async def status(self, connector_id: int, status: str = "Available", **kw):
        return await self.send(
            call.StatusNotification(
                connector_id=connector_id,
                error_code=kw.pop("error_code", "NoError"),
                status=status,
                timestamp=now_iso(),
                **kw,
            )
        )

    async def start_transaction(self, connector_id: int, id_tag: str, **kw) -> Started:
        self.meter_wh += 1
        result = await self.send(
            call.StartTransaction(
                connector_id=connector_id,
                id_tag=id_tag,
                meter_start=kw.pop("meter_start", self.meter_wh),
                timestamp=kw.pop("timestamp", now_iso()),
                **kw,
            )
        )
        self.running[connector_id] = result.transaction_id
        return Started(connector_id, id_tag, result.transaction_id, result.id_tag_info)

    async def stop_transaction(self, transaction_id: int, **kw):
        self.meter_wh += 500
        result = await self.send(
            call.StopTransaction(
                meter_stop=kw.pop("meter_stop", self.meter_wh),
                timestamp=kw.pop("timestamp", now_iso()),
                transaction_id=transaction_id,
                **kw,
            )
        )
        for connector, running in list(self.running.items()):
            if running == transaction_id:
                del self.running[connector]
        return result

    # What the station is asked to do. Every handler below is reached only after the library
    # validated the CALL against its schema.

    @on(Action.remote_start_transaction)
    async def on_remote_start(self, id_tag, connector_id=None, **kwargs):
        connector = connector_id or 1
        status = "Rejected" if connector in self.running else "Accepted"
        return call_result.RemoteStartTransaction(status=status)

    @after(Action.remote_start_transaction)
    async def after_remote_start(self, id_tag, connector_id=None, **kwargs):
        connector = connector_id or 1
        if connector not in self.running:
            await self._reporting(self.started, self.start_transaction(connector, id_tag))

    @on(Action.remote_stop_transaction)
    async def on_remote_stop(self, transaction_id, **kwargs):
        known = transaction_id in self.running.values()
        return call_result.RemoteStopTransaction(status="Accepted" if known else "Rejected")

    @after(Action.remote_stop_transaction)
    async def after_remote_stop(self, transaction_id, **kwargs):
        if transaction_id in self.running.values():
            await self._reporting(
                self.stopped, self._stop_reporting(transaction_id, reason="Remote")
            )

    @on(Action.reset)
    async def on_reset(self, type, **kwargs):
        # A hard reset is refused, so the tests see that a Rejected answer is still a 200.
        return call_result.Reset(status="Accepted" if type == "Soft" else "Rejected")

    @on(Action.unlock_connector)
    async def on_unlock(self, connector_id, **kwargs):
        return call_result.UnlockConnector(
            status="Unlocked" if connector_id in (1, 2) else "NotSupported"
        )

    @on(Action.change_availability)
    async def on_change_availability(self, connector_id, type, **kwargs):
        if connector_id not in (0, 1, 2):
            return call_result.ChangeAvailability(status="Rejected")
        busy = connector_id in self.running or (connector_id == 0 and self.running)
        return call_result.ChangeAvailability(status="Scheduled" if busy else "Accepted")

    @on(Action.get_configuration)
    async def on_get_configuration(self, key=None, **kwargs):
        wanted = list(self.configuration) if not key else key
        known = [
            {"key": k, "readonly": self.configuration[k].readonly, "value": self.configuration[k].value}
            for k in wanted
            if k in self.configuration
        ]
        unknown = [k for k in wanted if k not in self.configuration]
        return call_result.GetConfiguration(
            configuration_key=known or None, unknown_key=unknown or None
        )

    @on(Action.change_configuration)
    async def on_change_configuration(self, key, value, **kwargs):
        entry = self.configuration.get(key)
        if entry is None:
            return call_result.ChangeConfiguration(status="NotSupported")
        if entry.readonly:
            return call_result.ChangeConfiguration(status="Rejected")
        entry.value = value
        return call_result.ChangeConfiguration(status="Accepted")

    @on(Action.clear_cache)
    async def on_clear_cache(self, **kwargs):
        return call_result.ClearCache(status="Accepted")

    TRIGGERABLE = ("BootNotification", "Heartbeat", "StatusNotification", "MeterValues")

    @on(Action.trigger_message)
    async def on_trigger(self, requested_message, connector_id=None, **kwargs):
        ok = requested_message in self.TRIGGERABLE
        return call_result.TriggerMessage(status="Accepted" if ok else "NotImplemented")

    @after(Action.trigger_message)
    async def after_trigger(self, requested_message, connector_id=None, **kwargs):
        if requested_message not in self.TRIGGERABLE:
            return
        await self._reporting(self.triggered, self._triggered(requested_message, connector_id))

    async def _triggered(self, requested_message, connector_id):
        if requested_message == "Heartbeat":
            result = await self.send(call.Heartbeat())
        elif requested_message == "StatusNotification":
            connector = connector_id if connector_id is not None else 0
            result = await self.status(connector, "Available")
        elif requested_message == "BootNotification":
            result = await self.boot()
        elif requested_message == "MeterValues":
            connector = connector_id if connector_id is not None else 0
            result = await self.send(
                call.MeterValues(
                    connector_id=connector,
                    meter_value=[
                        {
                            "timestamp": now_iso(),
                            "sampled_value": [
                                {"value": str(self.meter_wh), "context": "Trigger"}
                            ],
                        }
                    ],
                )
            )
        else:
            raise AssertionError(f"asked to trigger {requested_message}")
        return requested_message, result

    @on(Action.data_transfer)
    async def on_data_transfer(self, vendor_id, message_id=None, data=None, **kwargs):
        if vendor_id != self.VENDOR_ID:
            return call_result.DataTransfer(status="UnknownVendorId")
        return call_result.DataTransfer(status="Accepted", data=data)

    async def _stop_reporting(self, transaction_id: int, **kw):
        return transaction_id, await self.stop_transaction(transaction_id, **kw)

    # After-hooks run as detached tasks: their failures are handed to whoever waits.

    async def _reporting(self, queue: asyncio.Queue, work) -> None:
        """Await `work` and put its result, or the exception it raised, on `queue`."""
        try:
            result = await work
        except Exception as error:  # noqa: BLE001 - reported to the waiting test
            result = error
        await queue.put(result)

    async def take(self, queue: asyncio.Queue, timeout: float = 15.0):
        """The next item the station reported on `queue` (re-raising a failure)."""
        item = await asyncio.wait_for(queue.get(), timeout)
        if isinstance(item, BaseException):
            raise item
        return item

    # What the frames show.

    def calls_received(self, action: str) -> list:
        """Payloads of the CALLs the server sent us with this action, oldest first."""
        return [
            f[3]
            for f in self.recorder.received
            if isinstance(f, list) and len(f) == 4 and f[0] == 2 and f[2] == action
        ]

    def call_errors_sent(self) -> list:
        return [f for f in self.recorder.sent if isinstance(f, list) and f and f[0] == 4]


async def _serve(station: ChargePoint) -> None:
    try:
        await station.start()
    except websockets.ConnectionClosed:
        pass


def basic_auth(user: str, password: str) -> dict:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


async def open_ws(api: Api, station_id: str, *, password=None, user=None, subprotocols=("ocpp1.6",)):
    """A raw WebSocket to the server, as a station opens it.

    websockets >= 14 (the asyncio implementation) takes extra handshake headers as
    `additional_headers`; the legacy client called them `extra_headers`.
    """
    headers = basic_auth(user or station_id, password) if password is not None else None
    return await ws_connect(
        api.station_url(station_id),
        subprotocols=list(subprotocols) if subprotocols is not None else None,
        additional_headers=headers,
        open_timeout=10,
        # Answer the server's pings, but send none of our own: the server's keep-alive is
        # what is under test, not ours.
        ping_interval=None,
    )


@asynccontextmanager
async def connected(
    api: Api,
    station_id: str,
    *,
    cls=InteropStation,
    boot: bool = True,
    password=None,
    allowed_call_errors: int = 0,
):
    """A station connected (and by default booted) for the duration of the block.

    On the way out it checks that the station answered no CALL of the server with a CALLERROR
    beyond the expected number: every CALL the server sent, its own ones included, passed the
    library's schema validation.
    """
    ws = await open_ws(api, station_id, password=password)
    assert ws.subprotocol == "ocpp1.6", f"negotiated {ws.subprotocol!r}"
    station = cls(station_id, RecordingConnection(ws))
    serving = asyncio.create_task(_serve(station))
    try:
        if boot:
            result = await station.boot()
            assert result.status == "Accepted", result
        yield station
        errors = station.call_errors_sent()
        assert len(errors) <= allowed_call_errors, (
            f"the station answered the server's CALLs with CALLERRORs: {errors}"
        )
    finally:
        serving.cancel()
        await ws.close()
        try:
            await serving
        except asyncio.CancelledError:
            pass
