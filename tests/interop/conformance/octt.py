"""The station side of the conformance suite: what the OCTT plays against a CSMS.

`OcttStation` is an OCPP 2.0.1 station built on the `ocpp` library (every frame either way is
checked against the official schemas). It answers every CSMS request of the Core profile with
a reply the test can choose (`station.replies[action]`), keeps every frame, and has one short
method per message a station sends. `Tx` numbers the TransactionEvents of one transaction.
`station()` registers, connects and boots one; `scenario` turns an `async def test(api)` into a
test pytest can run. Stations follow the OCTT's general preconditions (Part 6 §3.1):
TxStartPoint EVConnected,Authorized; TxStopPoint EVConnected; AuthorizeRemoteStart false.
"""

import asyncio
import base64
import functools
import os
import uuid
from contextlib import asynccontextmanager
from typing import Any, Callable, Optional, Union

import pytest
import websockets
from ocpp.routing import on
from ocpp.v201 import ChargePoint, call, call_result

from interop_support import (
    Api,
    RecordingConnection,
    aeventually,
    new_station_id,
    new_tag,
    now_iso,
    open_ws,
    q,
    run,
)

SUBPROTOCOL = "ocpp2.0.1"
TOKEN_TYPE = "ISO14443"  # C-30: RFID ISO14443 tokens are required of every CSMS.
PASSWORD = "conformance-pass-0123"  # 21 characters: within BasicAuthPassword's 16..40
# The interval the harness gives the server, when it says (tests/interop.rs).
HEARTBEAT_INTERVAL = int(os.environ.get("SWITCHYARD_HEARTBEAT_INTERVAL", "0")) or None


# --- what the station answers ---------------------------------------------------------------


def _variables_result(get_variable_data, **_):
    return {
        "get_variable_result": [
            {
                "attribute_status": "Accepted",
                "attribute_value": "60",
                "component": d["component"],
                "variable": d["variable"],
            }
            for d in get_variable_data
        ]
    }


def _set_result(set_variable_data, **_):
    return {
        "set_variable_result": [
            {"attribute_status": "Accepted", "component": d["component"], "variable": d["variable"]}
            for d in set_variable_data
        ]
    }


# Every request a CSMS may send in the Core profile, with the answer the station gives unless
# the test sets another one: a payload (snake_case) or a function of the request's fields.
DEFAULT_REPLIES: dict = {
    "RequestStartTransaction": {"status": "Accepted"},
    "RequestStopTransaction": {"status": "Accepted"},
    "Reset": {"status": "Accepted"},
    "UnlockConnector": {"status": "Unlocked"},
    "ChangeAvailability": {"status": "Accepted"},
    "GetVariables": _variables_result,
    "SetVariables": _set_result,
    "GetBaseReport": {"status": "Accepted"},
    "TriggerMessage": {"status": "Accepted"},
    "ClearCache": {"status": "Accepted"},
    "DataTransfer": {"status": "UnknownVendorId"},
    "SetNetworkProfile": {"status": "Accepted"},
    "GetTransactionStatus": {"messages_in_queue": False},
    "UpdateFirmware": {"status": "Accepted"},
    "GetLog": {"status": "Accepted", "filename": "octt.log"},
    "CustomerInformation": {"status": "Accepted"},
    "GetInstalledCertificateIds": {"status": "NotFound"},
    "DeleteCertificate": {"status": "Accepted"},
    "InstallCertificate": {"status": "Accepted"},
}

Reply = Union[dict, Callable[..., dict]]


def _handler(action: str):
    """An @on handler for `action` that answers what the station was told to.

    The library finds handlers by the name the function had when decorated, so it gets its
    final name (the attribute it is set as) first.
    """

    async def handle(self, **fields):
        reply: Reply = self.replies.get(action, DEFAULT_REPLIES[action])
        payload = reply(**fields) if callable(reply) else reply
        return getattr(call_result, action)(**payload)

    handle.__name__ = handle.__qualname__ = f"on_{action}"
    return on(action)(handle)


def _energy(wh: float, context: str, signed: bool = False) -> list:
    sample: dict = {
        "value": wh,
        "context": context,
        "measurand": "Energy.Active.Import.Register",
        "unit_of_measure": {"unit": "Wh"},
    }
    if signed:
        # Opaque to the CSMS (Part 5: it must receive a signed value, not read it).
        blob = base64.b64encode(f"OCMF|{{\"RD\":[{{\"RV\":{wh}}}]}}".encode()).decode()
        sample["signed_meter_value"] = {
            "signed_meter_data": blob,
            "signing_method": "ECDSA-secp256r1-SHA256",
            "encoding_method": "OCMF",
            "public_key": base64.b64encode(b"octt-public-key").decode(),
        }
    return [{"timestamp": now_iso(), "sampled_value": [sample]}]


class OcttStation(ChargePoint):
    """A 2.0.1 station as the OCTT plays it: two EVSEs with one connector each."""

    def __init__(self, station_id: str, connection: RecordingConnection):
        super().__init__(station_id, connection, response_timeout=20)
        self.recorder = connection
        # action → the answer to give instead of DEFAULT_REPLIES[action]
        self.replies: dict = {}
        self._event_seq = 0

    # What the server sent us.

    def calls(self, action: str) -> list:
        """Payloads (as sent, camelCase) of the server's CALLs with this action, oldest first."""
        return [
            f[3]
            for f in self.recorder.received
            if isinstance(f, list) and len(f) == 4 and f[0] == 2 and f[2] == action
        ]

    def last(self, action: str) -> dict:
        sent = self.calls(action)
        assert sent, f"the server sent no {action}"
        return sent[-1]

    def call_errors_sent(self) -> list:
        return [f for f in self.recorder.sent if isinstance(f, list) and f and f[0] == 4]

    async def wait_for_call(self, action: str, count: int = 1) -> dict:
        """The `count`-th CALL of `action`, once it arrived (for requests made in a task)."""

        def arrived():
            sent = self.calls(action)
            assert len(sent) >= count, f"no {action} yet"
            return sent[count - 1]

        return await aeventually(arrived, timeout=10)

    # What the station sends. Each raises if the server answers with a CALLERROR or with a
    # payload that breaks the schema.

    async def send(self, request):
        return await self.call(request, suppress=False)

    async def boot(self, reason: str = "PowerUp", **kw):
        return await self.send(
            call.BootNotification(
                charging_station={
                    "model": "OCTT-Core",
                    "vendor_name": "SwitchyardConformance",
                    "serial_number": "SN-" + self.id[-12:],
                    "firmware_version": "1.0.0",
                },
                reason=reason,
                **kw,
            )
        )

    async def heartbeat(self, **kw):
        return await self.send(call.Heartbeat(**kw))

    async def status(self, evse_id: int, status: str, connector_id: int = 1):
        return await self.send(
            call.StatusNotification(
                timestamp=now_iso(),
                connector_status=status,
                evse_id=evse_id,
                connector_id=connector_id,
            )
        )

    async def authorize(self, tag: str) -> dict:
        """The idTokenInfo the CSMS answers for `tag`."""
        result = await self.send(call.Authorize(id_token=id_token(tag)))
        return result.id_token_info

    async def meter_values(self, evse_id: int, wh: float, context: str, signed=False):
        return await self.send(
            call.MeterValues(evse_id=evse_id, meter_value=_energy(wh, context, signed))
        )

    async def notify_event(self, component: dict, variable: str, value: str, **kw):
        """One NotifyEvent (a Delta report unless told otherwise)."""
        self._event_seq += 1
        datum = {
            "event_id": self._event_seq,
            "timestamp": now_iso(),
            "trigger": kw.pop("trigger", "Delta"),
            "actual_value": value,
            "event_notification_type": kw.pop("notification", "HardWiredNotification"),
            "component": component,
            "variable": {"name": variable},
            **kw,
        }
        return await self.send(
            call.NotifyEvent(generated_at=now_iso(), seq_no=0, event_data=[datum])
        )

    async def firmware_status(self, *statuses: str, request_id: Optional[int] = None):
        for status in statuses:
            await self.send(call.FirmwareStatusNotification(status=status, request_id=request_id))

    async def log_status(self, *statuses: str, request_id: Optional[int] = None):
        for status in statuses:
            await self.send(call.LogStatusNotification(status=status, request_id=request_id))

    async def security_event(self, kind: str):
        return await self.send(call.SecurityEventNotification(type=kind, timestamp=now_iso()))

    def transaction(self, evse_id: int = 1, connector_id: int = 1) -> "Tx":
        return Tx(self, evse_id, connector_id)


for _action in DEFAULT_REPLIES:
    setattr(OcttStation, f"on_{_action}", _handler(_action))


def id_token(tag: str, kind: str = TOKEN_TYPE) -> dict:
    return {"id_token": tag, "type": kind}


class Tx:
    """One transaction as the station reports it: TransactionEvents numbered from seqNo 0."""

    def __init__(self, station: OcttStation, evse_id: int, connector_id: int):
        self.station = station
        self.evse_id = evse_id
        self.connector_id = connector_id
        self.id = f"tx-{uuid.uuid4().hex[:16]}"
        self.seq_no = 0
        self.evse_sent = False

    async def event(
        self,
        kind: str,
        trigger: str,
        *,
        tag: Optional[str] = None,
        charging_state: Optional[str] = None,
        stopped_reason: Optional[str] = None,
        remote_start_id: Optional[int] = None,
        meter: Optional[float] = None,
        context: Optional[str] = None,
        signed: bool = False,
        evse: Optional[bool] = None,
        **extra,
    ):
        """Send one TransactionEvent; the EVSE goes with the first one unless `evse` says."""
        info: dict = {"transaction_id": self.id}
        if charging_state:
            info["charging_state"] = charging_state
        if stopped_reason:
            info["stopped_reason"] = stopped_reason
        if remote_start_id is not None:
            info["remote_start_id"] = remote_start_id
        if evse is None:
            evse = not self.evse_sent
        if evse:
            extra["evse"] = {"id": self.evse_id, "connector_id": self.connector_id}
            self.evse_sent = True
        if tag is not None:
            extra["id_token"] = id_token(tag)
        if meter is not None:
            default_context = {
                "Started": "Transaction.Begin",
                "Ended": "Transaction.End",
            }.get(kind, "Sample.Periodic")
            extra["meter_value"] = _energy(meter, context or default_context, signed)
        request = call.TransactionEvent(
            event_type=kind,
            timestamp=now_iso(),
            trigger_reason=trigger,
            seq_no=self.seq_no,
            transaction_info=info,
            **extra,
        )
        self.seq_no += 1
        return await self.station.send(request)

    async def started(self, trigger: str, **kw):
        return await self.event("Started", trigger, **kw)

    async def updated(self, trigger: str, **kw):
        return await self.event("Updated", trigger, **kw)

    async def ended(self, trigger: str, stopped_reason: Optional[str] = None, **kw):
        return await self.event("Ended", trigger, stopped_reason=stopped_reason, **kw)


# --- common flows ---------------------------------------------------------------------------


async def _serve(station: ChargePoint) -> None:
    try:
        await station.start()
    except websockets.ConnectionClosed:
        pass


@asynccontextmanager
async def connect(
    api: Api,
    station_id: str,
    *,
    boot: Optional[str] = "Accepted",
    password: Optional[str] = None,
    allowed_call_errors: int = 0,
):
    """A connected station; booted (expecting `boot` as the answer) unless `boot` is None.

    On the way out it checks that the station answered none of the server's CALLs with a
    CALLERROR: each one passed the library's schema validation.
    """
    ws = await open_ws(api, station_id, password=password, subprotocols=(SUBPROTOCOL,))
    assert ws.subprotocol == SUBPROTOCOL, f"negotiated {ws.subprotocol!r}"
    station = OcttStation(station_id, RecordingConnection(ws))
    serving = asyncio.create_task(_serve(station))
    try:
        if boot is not None:
            result = await station.boot()
            assert result.status == boot, result
            assert result.interval > 0
        yield station
        errors = station.call_errors_sent()
        assert len(errors) <= allowed_call_errors, f"CALLERRORs to the server's CALLs: {errors}"
    finally:
        serving.cancel()
        await ws.close()
        try:
            await serving
        except asyncio.CancelledError:
            pass


@asynccontextmanager
async def station(api: Api, label: str, *, boot: Optional[str] = "Accepted", **fields):
    """A freshly registered station (`fields` as for PUT /stations), connected and booted."""
    station_id = new_station_id(label)
    api.register_station(station_id, **fields)
    async with connect(api, station_id, boot=boot, password=fields.get("password")) as cs:
        yield cs


def tag(api: Api, status: str = "Accepted", **fields) -> str:
    """A fresh id token the CSMS knows with this status."""
    return api.register_tag(new_tag(), status, **fields)


async def charging(cs: OcttStation, token: str, evse_id: int = 1) -> Tx:
    """The OCTT's usual "before" state: authorized, plugged in and charging on `evse_id`."""
    info = await cs.authorize(token)
    assert info["status"] == "Accepted", info
    tx = cs.transaction(evse_id)
    started = await tx.started("Authorized", tag=token, charging_state="EVConnected", meter=1000)
    assert started.id_token_info["status"] == "Accepted", started
    await cs.status(evse_id, "Occupied")
    await tx.updated("ChargingStateChanged", charging_state="Charging")
    return tx


async def command(api: Api, cs: OcttStation, name: str, body: Any) -> dict:
    """An operator command through the API; the 200 body (`status`, `response`)."""
    return (await api.command(cs.id, name, body)).expect(200)


async def raw_call(api: Api, cs: OcttStation, action: str, payload: dict) -> dict:
    """A CALL sent as is through the raw endpoint; the station's answer payload."""
    return (await api.raw_call(cs.id, action, payload)).expect(200)["result"]


def stored(api: Api, cs: OcttStation, tx: Tx) -> dict:
    """The API's record of `tx`, with its meter values."""
    [record] = [t for t in api.transactions(cs.id) if t["ocpp_transaction_id"] == tx.id]
    return api.transaction(record["id"])


def connector_status(api: Api, station_id: str, evse_id: int, connector_id: int = 1) -> str:
    listed = api.get(f"/api/v1/stations/{q(station_id)}").expect(200)["connectors"]
    return {(c["evse_id"], c["connector_id"]): c["status"] for c in listed}[(evse_id, connector_id)]


def scenario(test: Callable) -> Callable:
    """`async def test_x(api)` → a pytest test running it with the suite's time limit."""

    @functools.wraps(test)
    def run_it(api):
        run(test(api), timeout=30)

    return run_it


def pending(reason: str):
    """A case the server cannot pass yet for want of a feature (skipped, with the reason)."""
    return pytest.mark.skip(reason=f"pending: {reason}")


def server_bug(reason: str):
    """A case the server fails: it must keep failing until fixed (strict xfail)."""
    return pytest.mark.xfail(strict=True, reason=f"server bug: {reason}")
