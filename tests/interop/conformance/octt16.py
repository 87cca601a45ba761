"""The OCPP 1.6 station of the conformance suite: what the OCTT for 1.6 plays against a CSMS.

`Octt16Station` is an `ocpp.v16` ChargePoint (every frame either way is checked against the
official 1.6 schemas, security extension included) with two connectors. It answers every
request a central system may send in the six feature profiles and the security extension
with a reply the test can set (`station.replies[action]`), keeps a configuration that
GetConfiguration reads and ChangeConfiguration changes, keeps every frame, and has one method
per message a charge point sends. `station()` registers, connects and boots one. The shared
pieces (recording, `scenario`, `command`, `raw_call`, ...) are in harness.py.

Stations follow the OCTT's general preconditions (test case document §1.3): Accepted, idle,
no reservations, local list, cache entries or queued messages; MinimumStatusDuration 0;
AuthorizeRemoteTxRequests false.
"""

import asyncio
import functools
import os
import urllib.error
import urllib.request
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Optional

from ocpp.v16 import ChargePoint, call, call_result

from conformance import harness
from conformance.harness import (  # noqa: F401 - the tests take these from here
    Recorded,
    command,
    connector_status,
    raw_call,
    register,
    scenario,
    server_bug,
    tag,
)
from interop_support import Api, RecordingConnection, aeventually, now_iso, q

SUBPROTOCOL = "ocpp1.6"
PASSWORD = "conformance-pass-0123"  # 21 characters: within AuthorizationKey's 16..40
CONNECTORS = 2
# The interval the harness gives the server, when it says (tests/interop.rs).
HEARTBEAT_INTERVAL = int(os.environ.get("SWITCHYARD_HEARTBEAT_INTERVAL", "0")) or None


# --- features the server does not have yet --------------------------------------------------

# What each `pending(feature)` waits for: API.md "Operating features", being built elsewhere.
FEATURES = {
    "reservations": "POST/GET/DELETE /api/v1/reservations (ReserveNow, CancelReservation)",
    "charging-profiles": "PUT/GET/DELETE /api/v1/stations/{id}/charging-profiles/{profile_id}, "
    "get-composite-schedule, remote-start with charging_profile",
    "firmware": "POST /api/v1/firmware, update-firmware, GET /api/v1/stations/{id}/firmware",
    "diagnostics": "get-diagnostics, the upload URL, GET /api/v1/diagnostics",
    "local-list": "GET /api/v1/stations/{id}/local-list, POST .../local-list/sync, "
    "the automatic SendLocalList",
    "certificate-signing": "a CA that answers SignCertificate Accepted and sends "
    "CertificateSigned",
}


def pending(feature: str):
    """A case that needs `feature` (a FEATURES key), which the server does not have yet: it is
    written in full against API.md and skipped; delete the marker once the feature lands.
    OCTT_RUN_PENDING=feature,... (or `all`) runs them anyway, to try a branch that has it."""
    wanted = os.environ.get("OCTT_RUN_PENDING", "").split(",")
    if feature in wanted or "all" in wanted:
        return lambda test: test
    return harness.pending(f"{feature}: needs {FEATURES[feature]}")


# --- what the station answers ---------------------------------------------------------------


@dataclass
class Key:
    value: str
    readonly: bool = False


def core_configuration() -> dict:
    """The configuration keys of the Core profile (OCPP 1.6 §9.1, with the R/RW the OCTT
    checks in TC_019_1) and those of the other profiles the station supports."""
    return {
        "AllowOfflineTxForUnknownId": Key("false"),
        "AuthorizationCacheEnabled": Key("true"),
        "AuthorizeRemoteTxRequests": Key("false"),
        "ClockAlignedDataInterval": Key("0"),
        "ConnectionTimeOut": Key("60"),
        "ConnectorPhaseRotation": Key("0.RST,1.RST,2.RST"),
        "GetConfigurationMaxKeys": Key("50", readonly=True),
        "HeartbeatInterval": Key("300"),
        "LocalAuthorizeOffline": Key("true"),
        "LocalPreAuthorize": Key("false"),
        "MeterValuesAlignedData": Key("Energy.Active.Import.Register"),
        "MeterValuesSampledData": Key("Energy.Active.Import.Register"),
        "MeterValueSampleInterval": Key("0"),
        "NumberOfConnectors": Key(str(CONNECTORS), readonly=True),
        "ResetRetries": Key("3"),
        "StopTransactionOnEVSideDisconnect": Key("true"),
        "StopTransactionOnInvalidId": Key("true"),
        "StopTxnAlignedData": Key(""),
        "StopTxnSampledData": Key(""),
        "SupportedFeatureProfiles": Key(
            "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,"
            "RemoteTrigger",
            readonly=True,
        ),
        "TransactionMessageAttempts": Key("3"),
        "TransactionMessageRetryInterval": Key("60"),
        "UnlockConnectorOnEVSideDisconnect": Key("true"),
        "WebSocketPingInterval": Key("0"),
        # §1.3: no local list unless a case asks for one (the CSMS keeps enabled lists in step).
        "LocalAuthListEnabled": Key("false"),
        "LocalAuthListMaxLength": Key("10000", readonly=True),
        "SendLocalListMaxLength": Key("10000", readonly=True),
        "ReserveConnectorZeroSupported": Key("true", readonly=True),
        "ChargeProfileMaxStackLevel": Key("10", readonly=True),
        "ChargingScheduleAllowedChargingRateUnit": Key("Current,Power", readonly=True),
        "ChargingScheduleMaxPeriods": Key("24", readonly=True),
        "MaxChargingProfilesInstalled": Key("10", readonly=True),
        "SecurityProfile": Key("1"),
    }


def _composite_schedule(connector_id, duration, charging_rate_unit=None, **_):
    return {
        "status": "Accepted",
        "connector_id": connector_id,
        "schedule_start": now_iso(),
        "charging_schedule": {
            "duration": duration,
            "charging_rate_unit": charging_rate_unit or "A",
            "charging_schedule_period": [{"start_period": 0, "limit": 16.0}],
        },
    }


def get_configuration(configuration: dict, key=None, **_) -> dict:
    """GetConfiguration.conf from `configuration` (OCPP 1.6 §5.8): the keys asked for, or
    all of them; the unknown ones in unknownKey."""
    wanted = key or list(configuration)
    reply: dict = {
        "configuration_key": [
            {"key": k, "readonly": configuration[k].readonly, "value": configuration[k].value}
            for k in wanted
            if k in configuration
        ]
    }
    unknown = [k for k in wanted if k not in configuration]
    if unknown:
        reply["unknown_key"] = unknown
    return reply


def change_configuration(configuration: dict, key, value, **_) -> dict:
    """ChangeConfiguration.conf (OCPP 1.6 §5.3): NotSupported for an unknown key, Rejected for
    a read-only one, else Accepted and the value changed."""
    entry = configuration.get(key)
    if entry is None:
        return {"status": "NotSupported"}
    if entry.readonly:
        return {"status": "Rejected"}
    entry.value = value
    return {"status": "Accepted"}


# Every request a central system may send a 1.6 charge point (all six profiles and the
# security extension), with the answer the station gives unless the test sets another one:
# a payload (snake_case) or a function of the request's fields. A station answers
# GetConfiguration and ChangeConfiguration from its own `configuration` (set in its `replies`).
DEFAULT_REPLIES: dict = {
    # Core
    "GetConfiguration": functools.partial(get_configuration, core_configuration()),
    "ChangeConfiguration": functools.partial(change_configuration, core_configuration()),
    "ChangeAvailability": {"status": "Accepted"},
    "ClearCache": {"status": "Accepted"},
    "DataTransfer": {"status": "UnknownVendorId"},
    "RemoteStartTransaction": {"status": "Accepted"},
    "RemoteStopTransaction": {"status": "Accepted"},
    "Reset": {"status": "Accepted"},
    "UnlockConnector": {"status": "Unlocked"},
    # Firmware Management
    "GetDiagnostics": {"file_name": "octt-diagnostics.log"},
    "UpdateFirmware": {},
    # Local Auth List Management
    "GetLocalListVersion": {"list_version": 0},
    "SendLocalList": {"status": "Accepted"},
    # Reservation
    "ReserveNow": {"status": "Accepted"},
    "CancelReservation": {"status": "Accepted"},
    # Remote Trigger
    "TriggerMessage": {"status": "Accepted"},
    # Smart Charging
    "SetChargingProfile": {"status": "Accepted"},
    "ClearChargingProfile": {"status": "Accepted"},
    "GetCompositeSchedule": _composite_schedule,
    # Security extension
    "ExtendedTriggerMessage": {"status": "Accepted"},
    "CertificateSigned": {"status": "Accepted"},
    "InstallCertificate": {"status": "Accepted"},
    "GetInstalledCertificateIds": {"status": "NotFound"},
    "DeleteCertificate": {"status": "Accepted"},
    "GetLog": {"status": "Accepted", "filename": "octt-security.log"},
    "SignedUpdateFirmware": {"status": "Accepted"},
}


class Octt16Station(Recorded, ChargePoint):
    """A 1.6 charge point as the OCTT plays it: two connectors, every profile."""

    def __init__(self, station_id: str, connection: RecordingConnection):
        super().__init__(station_id, connection, response_timeout=20)
        self.recorder = connection
        # action → the answer to give instead of DEFAULT_REPLIES[action]
        self.configuration = core_configuration()
        self.firmware_version = "1.0.0"
        self.replies: dict = {
            "GetConfiguration": functools.partial(get_configuration, self.configuration),
            "ChangeConfiguration": functools.partial(change_configuration, self.configuration),
        }
        self.meter_wh = 1000

    # What the station sends. Each raises if the server answers with a CALLERROR or with a
    # payload that breaks the schema (Recorded.send).

    async def boot(self):
        return await self.send(
            call.BootNotification(
                charge_point_vendor="SwitchyardOCTT",
                charge_point_model="OCTT-16",
                charge_point_serial_number="SN-" + self.id[-12:],
                firmware_version=self.firmware_version,
            )
        )

    async def heartbeat(self):
        return await self.send(call.Heartbeat())

    async def status(self, connector_id: int, status: str, error_code: str = "NoError", **kw):
        return await self.send(
            call.StatusNotification(
                connector_id=connector_id,
                error_code=error_code,
                status=status,
                timestamp=now_iso(),
                **kw,
            )
        )

    async def statuses(self, status: str = "Available"):
        """A StatusNotification for connector 0 (the charge point) and every connector."""
        for connector in range(CONNECTORS + 1):
            await self.status(connector, status)

    async def authorize(self, id_tag: str) -> dict:
        """The idTagInfo the central system answers for `id_tag`."""
        return (await self.send(call.Authorize(id_tag=id_tag))).id_tag_info

    async def start_transaction(self, connector_id: int, id_tag: str, **kw):
        """A StartTransaction; its StartTransaction.conf (`transaction_id`, `id_tag_info`)."""
        return await self.send(
            call.StartTransaction(
                connector_id=connector_id,
                id_tag=id_tag,
                meter_start=kw.pop("meter_start", self.meter_wh),
                timestamp=kw.pop("timestamp", now_iso()),
                **kw,
            )
        )

    async def stop_transaction(self, transaction_id: int, reason: Optional[str] = None, **kw):
        """A StopTransaction of `transaction_id`, 500 Wh after the start unless told."""
        return await self.send(
            call.StopTransaction(
                meter_stop=kw.pop("meter_stop", self.meter_wh + 500),
                timestamp=kw.pop("timestamp", now_iso()),
                transaction_id=transaction_id,
                reason=reason,
                **kw,
            )
        )

    async def meter_values(self, connector_id: int, wh: float, **kw):
        sample = {"value": str(wh), "measurand": "Energy.Active.Import.Register", "unit": "Wh"}
        sample.update(kw.pop("sample", {}))
        return await self.send(
            call.MeterValues(
                connector_id=connector_id,
                meter_value=[{"timestamp": now_iso(), "sampled_value": [sample]}],
                **kw,
            )
        )

    async def data_transfer(self, vendor_id: str, message_id=None, data=None):
        return await self.send(
            call.DataTransfer(vendor_id=vendor_id, message_id=message_id, data=data)
        )

    async def firmware_status(self, *statuses: str):
        for status in statuses:
            await self.send(call.FirmwareStatusNotification(status=status))

    async def diagnostics_status(self, *statuses: str):
        for status in statuses:
            await self.send(call.DiagnosticsStatusNotification(status=status))

    async def security_event(self, kind: str):
        # tech_info is optional in the schema but required by the library's dataclass.
        return await self.send(
            call.SecurityEventNotification(type=kind, timestamp=now_iso(), tech_info=None)
        )

    async def sign_certificate(self, csr: str):
        return await self.send(call.SignCertificate(csr=csr))

    async def log_status(self, *statuses: str, request_id: Optional[int] = None):
        for status in statuses:
            await self.send(call.LogStatusNotification(status=status, request_id=request_id))

    async def signed_firmware_status(self, *statuses: str, request_id: Optional[int] = None):
        for status in statuses:
            await self.send(
                call.SignedFirmwareStatusNotification(status=status, request_id=request_id)
            )


harness.install_replies(Octt16Station, call_result, DEFAULT_REPLIES)


# --- common flows ---------------------------------------------------------------------------


@asynccontextmanager
async def connect(api: Api, station_id: str, **kw):
    """A connected 1.6 station, booted Accepted unless told otherwise (harness.connect)."""
    async with harness.connect(
        api, station_id, cls=Octt16Station, subprotocol=SUBPROTOCOL, **kw
    ) as cs:
        yield cs


@asynccontextmanager
async def station(
    api: Api,
    label: str,
    *,
    boot: Optional[str] = "Accepted",
    config: Optional[dict] = None,
    **fields,
):
    """A freshly registered station (`fields` as for PUT /stations), connected and booted,
    every connector reported Available. `config` sets configuration values before the boot
    (what the CSMS reads from then on)."""
    station_id = register(api, label, **fields)
    async with connect(api, station_id, boot=None, password=fields.get("password")) as cs:
        for key, value in (config or {}).items():
            cs.configuration[key].value = value
        if boot is not None:
            result = await cs.boot()
            assert result.status == boot, result
            assert result.interval > 0
        if boot == "Accepted":
            await cs.statuses("Available")
        yield cs


@dataclass
class Session:
    """A transaction the station started: its connector, tag and OCPP transactionId."""

    connector_id: int
    id_tag: str
    transaction_id: int


async def started(cs: Octt16Station, connector_id: int, id_tag: str, **kw) -> Session:
    """StartTransaction answered Accepted; the transaction it got."""
    result = await cs.start_transaction(connector_id, id_tag, **kw)
    assert result.id_tag_info["status"] == "Accepted", result
    return Session(connector_id, id_tag, result.transaction_id)


async def charging(cs: Octt16Station, id_tag: str, connector_id: int = 1) -> Session:
    """The OCTT's usual "before" state: authorized, plugged in and charging."""
    assert (await cs.authorize(id_tag))["status"] == "Accepted"
    await cs.status(connector_id, "Preparing")
    session = await started(cs, connector_id, id_tag)
    await cs.status(connector_id, "Charging")
    return session


def stored(api: Api, cs: Octt16Station, transaction_id: int) -> dict:
    """The API's record of the station's transaction with this OCPP transactionId."""
    [record] = [
        t
        for t in api.transactions(cs.id)
        if t["ocpp_transaction_id"] == str(transaction_id)
    ]
    return api.transaction(record["id"])


async def stopped(api: Api, cs: Octt16Station, transaction_id: int) -> dict:
    """The record once the API shows it stopped."""

    def check():
        record = stored(api, cs, transaction_id)
        assert record["stopped_at"] is not None, record
        return record

    return await aeventually(check)


async def operator(api: Api, cs: Octt16Station, action: str, name: str, body, query: str = ""):
    """Run an operator command while the station acts on the request it brings: returns the
    task of the API request once the station got the `action` CALL (whose payload is
    `cs.last(action)`)."""
    before = len(cs.calls(action))
    request = asyncio.create_task(api.command(cs.id, name, body, query))
    arrived = asyncio.create_task(cs.wait_for_call(action, before + 1))
    await asyncio.wait({request, arrived}, return_when=asyncio.FIRST_COMPLETED)
    if not arrived.done():
        # The check polls: an API that answers as soon as the station does (no wait_start_s)
        # can be a poll ahead of it.
        await asyncio.wait({arrived}, timeout=2)
    if not arrived.done():
        # The API answered without sending anything: that answer is the failure.
        arrived.cancel()
        raise AssertionError(f"{name} sent no {action}: {request.result()}")
    arrived.result()
    return request


def configuration(api: Api, station_id: str) -> dict:
    """GET /stations/{id}/configuration as key → entry."""
    listed = api.get(f"/api/v1/stations/{q(station_id)}/configuration").expect(200)
    return {entry["key"]: entry for entry in listed}


def http_bytes(method: str, url: str, data: Optional[bytes] = None, token: Optional[str] = None):
    """A plain HTTP request with a raw body (firmware uploads, station downloads and
    uploads, which carry no JSON); the status and the body bytes."""
    headers = {"Content-Type": "application/octet-stream"} if data is not None else {}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
