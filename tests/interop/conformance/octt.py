"""The station side of the conformance suite: what the OCTT plays against a CSMS.

`OcttStation` is an OCPP 2.0.1 station built on the `ocpp` library (every frame either way is
checked against the official schemas). It answers every CSMS request of the Core profile with
a reply the test can choose (`station.replies[action]`), keeps every frame, and has one short
method per message a station sends. `Tx` numbers the TransactionEvents of one transaction.
`station()` registers, connects and boots one. What it shares with the 1.6 station (octt16.py):
recording, the reply handlers, `scenario`, `command`, `raw_call`, ... is in harness.py.
Stations follow the OCTT's general preconditions (Part 6 §3.1):
TxStartPoint EVConnected,Authorized; TxStopPoint EVConnected; AuthorizeRemoteStart false.
"""

import base64
import os
import uuid
from contextlib import asynccontextmanager
from typing import Optional

from ocpp.v201 import ChargePoint, call, call_result

from conformance import harness
from conformance.harness import (  # noqa: F401 - the tests take these from here
    Recorded,
    command,
    connector_status,
    pending,
    raw_call,
    register,
    scenario,
    server_bug,
    tag,
)
from interop_support import Api, RecordingConnection, now_iso

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
    "SendLocalList": {"status": "Accepted"},
    "GetLocalListVersion": {"version_number": 0},
    # Reservation (block H).
    "ReserveNow": {"status": "Accepted"},
    "CancelReservation": {"status": "Accepted"},
}

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


class OcttStation(Recorded, ChargePoint):
    """A 2.0.1 station as the OCTT plays it: two EVSEs with one connector each."""

    def __init__(self, station_id: str, connection: RecordingConnection):
        super().__init__(station_id, connection, response_timeout=20)
        self.recorder = connection
        # action → the answer to give instead of DEFAULT_REPLIES[action]
        self.replies: dict = {}
        self._event_seq = 0

    # What the station sends. Each raises if the server answers with a CALLERROR or with a
    # payload that breaks the schema (Recorded.send).

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


harness.install_replies(OcttStation, call_result, DEFAULT_REPLIES)


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


@asynccontextmanager
async def connect(api: Api, station_id: str, **kw):
    """A connected 2.0.1 station, booted Accepted unless told otherwise (harness.connect)."""
    async with harness.connect(
        api, station_id, cls=OcttStation, subprotocol=SUBPROTOCOL, **kw
    ) as cs:
        yield cs


@asynccontextmanager
async def station(api: Api, label: str, *, boot: Optional[str] = "Accepted", **fields):
    """A freshly registered station (`fields` as for PUT /stations), connected and booted."""
    station_id = register(api, label, **fields)
    async with connect(api, station_id, boot=boot, password=fields.get("password")) as cs:
        yield cs


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


def stored(api: Api, cs: OcttStation, tx: Tx) -> dict:
    """The API's record of `tx`, with its meter values."""
    [record] = [t for t in api.transactions(cs.id) if t["ocpp_transaction_id"] == tx.id]
    return api.transaction(record["id"])
