"""An OCPP 2.0.1 station, as the `ocpp` library's v201 ChargePoint speaks it, checked through
the API: negotiation, boot, status per EVSE, authorization, a transaction reported as
TransactionEvents (with a replay), and the version-neutral commands."""

import asyncio

import websockets
from ocpp.routing import after, on
from ocpp.v201 import ChargePoint, call, call_result

from interop_support import (
    RecordingConnection,
    aeventually,
    assert_recent,
    eventually,
    new_station_id,
    new_tag,
    now_iso,
    open_ws,
    run,
)


class Station201(ChargePoint):
    """A 2.0.1 station that accepts what the server asks and remembers it."""

    def __init__(self, station_id, connection):
        super().__init__(station_id, connection)
        self.recorder = connection
        self.received = []

    @on("RequestStartTransaction")
    async def on_request_start(self, id_token, remote_start_id, **kwargs):
        self.received.append(("RequestStartTransaction", id_token, remote_start_id, kwargs))
        return call_result.RequestStartTransaction(status="Accepted")

    @on("RequestStopTransaction")
    async def on_request_stop(self, transaction_id, **kwargs):
        self.received.append(("RequestStopTransaction", transaction_id))
        return call_result.RequestStopTransaction(status="Accepted")

    @on("Reset")
    async def on_reset(self, type, **kwargs):
        self.received.append(("Reset", type))
        return call_result.Reset(status="Accepted")

    @on("SetVariables")
    async def on_set_variables(self, set_variable_data, **kwargs):
        self.received.append(("SetVariables", set_variable_data))
        return call_result.SetVariables(
            set_variable_result=[
                {
                    "attribute_status": "Accepted",
                    "component": d["component"],
                    "variable": d["variable"],
                }
                for d in set_variable_data
            ]
        )

    @on("GetVariables")
    async def on_get_variables(self, get_variable_data, **kwargs):
        self.received.append(("GetVariables", get_variable_data))
        return call_result.GetVariables(
            get_variable_result=[
                {
                    "attribute_status": "Accepted",
                    "attribute_value": "60",
                    "component": d["component"],
                    "variable": d["variable"],
                }
                for d in get_variable_data
            ]
        )


    @on("GetBaseReport")
    async def on_get_base_report(self, request_id, report_base, **kwargs):
        self.received.append(("GetBaseReport", request_id, report_base))
        return call_result.GetBaseReport(status="Accepted")

    @after("GetBaseReport")
    async def report(self, request_id, report_base, **kwargs):
        # The report comes in two parts, as stations split large ones (tbc).
        parts = [
            [
                {
                    "component": {"name": "OCPPCommCtrlr"},
                    "variable": {"name": "HeartbeatInterval"},
                    "variable_attribute": [
                        {"type": "Actual", "value": "60", "mutability": "ReadWrite"}
                    ],
                    "variable_characteristics": {
                        "unit": "s",
                        "data_type": "integer",
                        "supports_monitoring": False,
                    },
                }
            ],
            [
                {
                    "component": {"name": "EVSE", "evse": {"id": 1}},
                    "variable": {"name": "Power"},
                    "variable_attribute": [{"value": "22000", "mutability": "ReadOnly"}],
                    "variable_characteristics": {
                        "unit": "W",
                        "data_type": "decimal",
                        "supports_monitoring": True,
                    },
                },
                {
                    "component": {"name": "SecurityCtrlr"},
                    "variable": {"name": "BasicAuthPassword"},
                    "variable_attribute": [{"value": "leaked-password", "mutability": "WriteOnly"}],
                },
            ],
        ]
        for seq_no, data in enumerate(parts):
            await self.call(
                call.NotifyReport(
                    request_id=request_id,
                    generated_at=now_iso(),
                    seq_no=seq_no,
                    report_data=data,
                    tbc=seq_no + 1 < len(parts),
                )
            )


def energy(wh, at, unit="Wh"):
    return [
        {
            "timestamp": at,
            "sampled_value": [
                {
                    "value": wh,
                    "measurand": "Energy.Active.Import.Register",
                    "unit_of_measure": {"unit": unit},
                }
            ],
        }
    ]


def event(kind, seq_no, tx_id, at, **extra):
    return call.TransactionEvent(
        event_type=kind,
        timestamp=at,
        trigger_reason=extra.pop("trigger_reason", "MeterValuePeriodic"),
        seq_no=seq_no,
        transaction_info={"transaction_id": tx_id, **extra.pop("info", {})},
        **extra,
    )


async def serve(station):
    try:
        await station.start()
    except websockets.ConnectionClosed:
        pass


def test_2_0_1_station_end_to_end(api):
    station_id = new_station_id("v201")
    api.register_station(station_id)
    tag = api.register_tag(new_tag(), "Accepted")
    tx_id = f"tx-{station_id[-8:]}"
    start_at, mid_at, end_at = now_iso(-600), now_iso(-300), now_iso(-60)

    async def scenario():
        ws = await open_ws(api, station_id, subprotocols=("ocpp2.0.1", "ocpp1.6"))
        assert ws.subprotocol == "ocpp2.0.1", ws.subprotocol
        cp = Station201(station_id, RecordingConnection(ws))
        serving = asyncio.create_task(serve(cp))
        try:
            boot = await cp.call(
                call.BootNotification(
                    charging_station={"model": "Interop", "vendor_name": "Switchyard"},
                    reason="PowerUp",
                )
            )
            assert boot.status == "Accepted"
            assert boot.interval > 0
            assert_recent(boot.current_time)
            beat = await cp.call(call.Heartbeat())
            assert_recent(beat.current_time)

            for evse, status in ((1, "Available"), (2, "Occupied")):
                await cp.call(
                    call.StatusNotification(
                        timestamp=now_iso(),
                        connector_status=status,
                        evse_id=evse,
                        connector_id=1,
                    )
                )

            auth = await cp.call(call.Authorize(id_token={"id_token": tag, "type": "ISO14443"}))
            assert auth.id_token_info["status"] == "Accepted"
            unknown = await cp.call(
                call.Authorize(id_token={"id_token": "NOBODY", "type": "ISO14443"})
            )
            assert unknown.id_token_info["status"] == "Invalid"
            # Free charging: a NoAuthorization token names no one and is not refused.
            free = await cp.call(
                call.Authorize(id_token={"id_token": "", "type": "NoAuthorization"})
            )
            assert free.id_token_info["status"] == "Accepted"

            started = await cp.call(
                event(
                    "Started",
                    0,
                    tx_id,
                    start_at,
                    trigger_reason="Authorized",
                    id_token={"id_token": tag, "type": "ISO14443"},
                    evse={"id": 1, "connector_id": 1},
                    meter_value=energy(1000, start_at),
                )
            )
            assert started.id_token_info["status"] == "Accepted"
            updated = event("Updated", 1, tx_id, mid_at, meter_value=energy(1.5, mid_at, "kWh"))
            first = await cp.call(updated)
            assert first.id_token_info is None, "idTokenInfo only answers an idToken"
            # The same event again, as an offline queue replays it: answered, not counted.
            await cp.call(updated)
            await cp.call(
                event(
                    "Ended",
                    2,
                    tx_id,
                    end_at,
                    trigger_reason="EVCommunicationLost",
                    info={"stopped_reason": "EVDisconnected"},
                    meter_value=energy(2500, end_at),
                )
            )

            # The version-neutral commands, translated for 2.0.1.
            reply = await api.command(station_id, "remote-start", {"evse_id": 1, "id_tag": tag})
            body = reply.expect(200)
            assert body["status"] == "Accepted"
            sent = [r for r in cp.received if r[0] == "RequestStartTransaction"][-1]
            assert sent[1]["type"] == "Central" and sent[1]["id_token"] == tag
            assert sent[2] == body["remote_start_id"]

            reply = await api.command(
                station_id,
                "change-configuration",
                {"key": "OCPPCommCtrlr.HeartbeatInterval", "value": "60"},
            )
            assert reply.expect(200)["status"] == "Accepted"
            reply = await api.command(
                station_id, "get-configuration", {"keys": ["OCPPCommCtrlr.HeartbeatInterval"]}
            )
            assert reply.expect(200)["status"] == "Accepted"
            # The device model: requested, reported in parts, kept.
            reply = await api.command(
                station_id, "get-base-report", {"report_base": "FullInventory"}
            )
            assert reply.expect(200)["status"] == "Accepted"
            [request] = [r for r in cp.received if r[0] == "GetBaseReport"]
            assert request[2] == "FullInventory" and isinstance(request[1], int)

            def reported():
                # `eventually` retries on AssertionError only: returning None would end the
                # wait before the NotifyReport parts are stored.
                variables = api.get(f"/api/v1/stations/{station_id}/variables").expect(200)
                assert len(variables) == 3, variables
                return variables

            variables = await aeventually(reported)
            by_name = {(v["component"], v["variable"]): v for v in variables}
            heartbeat = by_name[("OCPPCommCtrlr", "HeartbeatInterval")]
            assert heartbeat["attributes"][0]["value"] == "60"
            assert heartbeat["characteristics"]["unit"] == "s"
            power = by_name[("EVSE", "Power")]
            assert power["evse_id"] == 1
            assert power["attributes"][0] == {
                "type": "Actual",
                "value": "22000",
                "mutability": "ReadOnly",
                "persistent": None,
                "constant": None,
            }
            password = by_name[("SecurityCtrlr", "BasicAuthPassword")]
            assert password["attributes"][0]["value"] is None, "passwords are never kept"
            configuration = (
                await api.arequest("GET", f"/api/v1/stations/{station_id}/configuration")
            ).expect(200)
            lines = {c["key"]: c for c in configuration}
            assert lines["OCPPCommCtrlr.HeartbeatInterval"]["value"] == "60"
            assert lines["OCPPCommCtrlr.HeartbeatInterval"]["readonly"] is False
            assert lines["EVSE.Power"]["evse_id"] == 1

            reply = await api.command(station_id, "reset", {"type": "Soft"})
            assert reply.expect(200)["status"] == "Accepted"
            assert ("Reset", "OnIdle") in cp.received
            errors = [f for f in cp.recorder.sent if isinstance(f, list) and f and f[0] == 4]
            assert not errors, f"the station refused the server's CALLs: {errors}"
        finally:
            serving.cancel()
            await ws.close()

    run(scenario())

    station = api.station(station_id)
    assert station["protocol"] == "ocpp2.0.1"
    assert station["vendor"] == "Switchyard"
    listed = {(c["evse_id"], c["connector_id"]): c["status"] for c in station["connectors"]}
    assert listed == {(1, 1): "Available", (2, 1): "Occupied"}

    [tx] = eventually(lambda: api.transactions(station_id) or None)
    assert tx["ocpp_transaction_id"] == tx_id
    assert (tx["evse_id"], tx["connector_id"]) == (1, 1)
    assert tx["id_tag"] == tag
    assert tx["meter_start_wh"] == 1000
    assert tx["meter_stop_wh"] == 2500
    assert tx["energy_wh"] == 1500
    assert tx["stop_reason"] == "EVDisconnected"
    assert tx["flag"] is None
    detail = api.transaction(tx["id"])
    assert len(detail["meter_values"]) == 3, "the replayed update is stored once"
    assert detail["meter_values"][1]["sampled_value"][0]["value"] == 1500
