"""Every command of API.md "Commands to a station", answered by an `ocpp` library station.

The library validates each CALL it receives against the 1.6 schema and answers an invalid one
with a CALLERROR, which the API reports as 502. So a 200 from the API proves that our CALL was
schema-valid, and the station's recorded frames show exactly what it got.
"""

import asyncio

from ocpp.routing import on
from ocpp.v16 import call_result
from ocpp.v16.enums import Action

from interop_support import (
    InteropStation,
    assert_recent,
    connected,
    new_station_id,
    new_tag,
    q,
    run,
)


async def command(api, cp, name, body, *, status, action, sent, query=""):
    """POST a command; check the 200 answer, the CALL the station got and the raw response."""
    answer = (await api.command(cp.id, name, body, query)).expect(200)
    assert answer["status"] == status, answer
    # The CALL as the station received it (after the library accepted it).
    calls = [
        f
        for f in cp.recorder.received
        if isinstance(f, list) and f[0] == 2 and f[2] == action and f[3] == sent
    ]
    assert calls, f"the station got no {action} {sent}; it got {cp.recorder.received}"
    message_id = calls[-1][1]
    [reply] = [
        f for f in cp.recorder.sent if isinstance(f, list) and f[0] in (3, 4) and f[1] == message_id
    ]
    assert reply[0] == 3, f"the station refused our CALL: {reply}"
    assert answer["response"] == reply[2], "response is the station's raw payload"
    return answer


def test_every_command(api):
    station_id = new_station_id("cmd")
    api.register_station(station_id)
    tag = api.register_tag(new_tag())
    vendor = InteropStation.VENDOR_ID

    async def scenario():
        # One CALLERROR is expected: the raw GetLocalListVersion, for which it has no handler.
        async with connected(api, station_id, allowed_call_errors=1) as cp:
            for connector in (0, 1, 2):
                await cp.status(connector, "Available")

            # reset: Soft accepted; Hard refused by this station, still a 200.
            await command(api, cp, "reset", {"type": "Soft"},
                          status="Accepted", action="Reset", sent={"type": "Soft"})
            await command(api, cp, "reset", {"type": "Hard"},
                          status="Rejected", action="Reset", sent={"type": "Hard"})

            await command(api, cp, "unlock-connector", {"connector_id": 1},
                          status="Unlocked", action="UnlockConnector", sent={"connectorId": 1})
            await command(api, cp, "unlock-connector", {"evse_id": 2, "connector_id": 2},
                          status="Unlocked", action="UnlockConnector", sent={"connectorId": 2})

            await command(api, cp, "change-availability",
                          {"connector_id": 2, "type": "Inoperative"},
                          status="Accepted", action="ChangeAvailability",
                          sent={"connectorId": 2, "type": "Inoperative"})
            # Without a connector: the whole station, connector 0 in 1.6.
            await command(api, cp, "change-availability", {"type": "Operative"},
                          status="Accepted", action="ChangeAvailability",
                          sent={"connectorId": 0, "type": "Operative"})

            some = await command(api, cp, "get-configuration",
                                 {"keys": ["HeartbeatInterval", "NoSuchKey"]},
                                 status="Accepted", action="GetConfiguration",
                                 sent={"key": ["HeartbeatInterval", "NoSuchKey"]})
            assert some["response"] == {
                "configurationKey": [
                    {"key": "HeartbeatInterval", "readonly": False, "value": "300"}
                ],
                "unknownKey": ["NoSuchKey"],
            }
            # No keys: every key, and no empty key list on the wire.
            every = await command(api, cp, "get-configuration", {},
                                  status="Accepted", action="GetConfiguration", sent={})
            assert {k["key"] for k in every["response"]["configurationKey"]} == set(
                cp.configuration
            )

            await command(api, cp, "change-configuration",
                          {"key": "MeterValueSampleInterval", "value": "30"},
                          status="Accepted", action="ChangeConfiguration",
                          sent={"key": "MeterValueSampleInterval", "value": "30"})
            assert cp.configuration["MeterValueSampleInterval"].value == "30"
            await command(api, cp, "change-configuration",
                          {"key": "NumberOfConnectors", "value": "3"},
                          status="Rejected", action="ChangeConfiguration",
                          sent={"key": "NumberOfConnectors", "value": "3"})
            await command(api, cp, "change-configuration", {"key": "NoSuchKey", "value": "1"},
                          status="NotSupported", action="ChangeConfiguration",
                          sent={"key": "NoSuchKey", "value": "1"})

            await command(api, cp, "clear-cache", {},
                          status="Accepted", action="ClearCache", sent={})

            await command(api, cp, "trigger-message", {"message": "Heartbeat"},
                          status="Accepted", action="TriggerMessage",
                          sent={"requestedMessage": "Heartbeat"})
            message, heartbeat = await cp.take(cp.triggered)
            assert message == "Heartbeat"
            assert_recent(heartbeat.current_time)
            await command(api, cp, "trigger-message",
                          {"message": "StatusNotification", "evse_id": 1},
                          status="Accepted", action="TriggerMessage",
                          sent={"requestedMessage": "StatusNotification", "connectorId": 1})
            assert (await cp.take(cp.triggered))[0] == "StatusNotification"
            await command(api, cp, "trigger-message", {"message": "MeterValues", "evse_id": 1},
                          status="Accepted", action="TriggerMessage",
                          sent={"requestedMessage": "MeterValues", "connectorId": 1})
            assert (await cp.take(cp.triggered))[0] == "MeterValues"
            await command(api, cp, "trigger-message", {"message": "DiagnosticsStatusNotification"},
                          status="NotImplemented", action="TriggerMessage",
                          sent={"requestedMessage": "DiagnosticsStatusNotification"})

            echoed = await command(api, cp, "data-transfer",
                                   {"vendor_id": vendor, "message_id": "echo", "data": "hello"},
                                   status="Accepted", action="DataTransfer",
                                   sent={"vendorId": vendor, "messageId": "echo", "data": "hello"})
            assert echoed["response"] == {"status": "Accepted", "data": "hello"}
            await command(api, cp, "data-transfer", {"vendor_id": "com.example.other"},
                          status="UnknownVendorId", action="DataTransfer",
                          sent={"vendorId": "com.example.other"})

            # remote-start without waiting: answered as soon as the station answers.
            first = await command(api, cp, "remote-start", {"connector_id": 1, "id_tag": tag},
                                  status="Accepted", action="RemoteStartTransaction",
                                  sent={"connectorId": 1, "idTag": tag})
            assert isinstance(first["remote_start_id"], int)
            assert "transaction_id" not in first
            started1 = await cp.take(cp.started)
            assert (started1.connector_id, started1.id_tag) == (1, tag)

            # remote-start that waits for the transaction it leads to.
            second = await command(api, cp, "remote-start", {"connector_id": 2, "id_tag": tag},
                                   status="Accepted", action="RemoteStartTransaction",
                                   sent={"connectorId": 2, "idTag": tag}, query="wait_start_s=10")
            assert isinstance(second["remote_start_id"], int)
            assert second["remote_start_id"] != first["remote_start_id"]
            assert isinstance(second["transaction_id"], int), second
            started2 = await cp.take(cp.started)
            assert started2.connector_id == 2
            tx2 = api.transaction(second["transaction_id"])
            assert tx2["ocpp_transaction_id"] == str(started2.transaction_id)
            assert tx2["connector_id"] == 2 and tx2["id_tag"] == tag

            [tx1] = [t for t in api.transactions(station_id)
                     if t["ocpp_transaction_id"] == str(started1.transaction_id)]

            # remote-stop takes the system's id and sends the station's own.
            await command(api, cp, "remote-stop", {"transaction_id": tx1["id"]},
                          status="Accepted", action="RemoteStopTransaction",
                          sent={"transactionId": started1.transaction_id})
            stopped_id, _ = await cp.take(cp.stopped)
            assert stopped_id == started1.transaction_id
            stopped = api.transaction(tx1["id"])
            assert stopped["stop_reason"] == "Remote" and stopped["stopped_at"] is not None
            # Stopping it again is a conflict, decided from the system's own records.
            again = await api.command(station_id, "remote-stop", {"transaction_id": tx1["id"]})
            assert again.status == 409, again
            assert again.body["error"]["code"]

            await command(api, cp, "remote-stop", {"transaction_id": tx2["id"]},
                          status="Accepted", action="RemoteStopTransaction",
                          sent={"transactionId": started2.transaction_id})
            await cp.take(cp.stopped)

            # remote-start without a connector: matched on station and id tag.
            third = await command(api, cp, "remote-start", {"id_tag": tag},
                                  status="Accepted", action="RemoteStartTransaction",
                                  sent={"idTag": tag}, query="wait_start_s=10")
            assert isinstance(third["transaction_id"], int), third
            started3 = await cp.take(cp.started)
            tx3 = api.transaction(third["transaction_id"])
            assert tx3["ocpp_transaction_id"] == str(started3.transaction_id)
            await command(api, cp, "remote-stop", {"transaction_id": tx3["id"]},
                          status="Accepted", action="RemoteStopTransaction",
                          sent={"transactionId": started3.transaction_id})
            await cp.take(cp.stopped)

            # The raw CALL.
            raw = (await api.raw_call(station_id, "ChangeConfiguration",
                                      {"key": "HeartbeatInterval", "value": "120"})).expect(200)
            assert raw == {"result": {"status": "Accepted"}}
            assert cp.configuration["HeartbeatInterval"].value == "120"
            raw = (await api.raw_call(station_id, "GetConfiguration",
                                      {"key": ["HeartbeatInterval"]})).expect(200)
            assert raw["result"]["configurationKey"][0]["value"] == "120"

            # The station answers a CALLERROR (it has no handler for this action): 502.
            refused = await api.raw_call(station_id, "GetLocalListVersion", {})
            assert refused.status == 502, refused
            error = refused.body["error"]
            assert error["code"] == "call_error"
            assert error["ocpp_error_code"] == "NotImplemented"
            assert isinstance(error["message"], str)
            assert "details" in error

            # Invalid CALLs are refused before they reach the station.
            for action, payload in [
                ("Reset", {"type": "Medium"}),
                ("Reset", {}),
                ("ChangeConfiguration", {"key": "HeartbeatInterval", "value": 120}),
                ("NoSuchAction", {}),
            ]:
                before = len(cp.recorder.received)
                bad = await api.raw_call(station_id, action, payload)
                assert bad.status == 400, (action, payload, bad)
                assert bad.body["error"]["code"]
                assert len(cp.recorder.received) == before, "nothing was sent"

    run(scenario())

    # Three remote starts, three transactions, all stopped remotely.
    listed = api.transactions(station_id)
    assert len(listed) == 3
    assert {t["stop_reason"] for t in listed} == {"Remote"}
    # Stopping a stopped transaction is a 409 also while the station is away.
    again = api.post(
        f"/api/v1/stations/{q(station_id)}/commands/remote-stop",
        {"transaction_id": listed[0]["id"]},
    )
    assert again.status == 409, again


class SlowStation(InteropStation):
    """Answers its first ClearCache too late, and Rejected; later ones at once, Accepted."""

    slow_once = True

    @on(Action.clear_cache)
    async def on_clear_cache(self, **kwargs):
        if self.slow_once:
            self.slow_once = False
            await asyncio.sleep(1.5)
            return call_result.ClearCache(status="Rejected")
        return call_result.ClearCache(status="Accepted")


def test_timeout_and_late_answer(api):
    """504 when the station is too slow; its late answer is never taken for a later CALL's."""
    station_id = new_station_id("slow")
    api.register_station(station_id)

    async def scenario():
        async with connected(api, station_id, cls=SlowStation) as cp:
            late = await api.command(station_id, "clear-cache", {}, query="timeout_s=0.5")
            assert late.status == 504, late
            answer = (await api.command(station_id, "clear-cache", {})).expect(200)
            assert answer["status"] == "Accepted", "the late Rejected was dropped"

    run(scenario())


def test_command_errors(api):
    station_id = new_station_id("err")
    api.register_station(station_id)
    base = f"/api/v1/stations/{q(station_id)}/commands"

    # Not authenticated.
    for token in (None, "wrong-token"):
        refused = api.post(f"{base}/reset", {"type": "Soft"}, token=token)
        assert refused.status == 401, refused
        assert refused.body["error"]["code"]

    # Unknown station, unknown command: 404.
    missing = api.post(f"/api/v1/stations/{q(new_station_id('none'))}/commands/reset",
                       {"type": "Soft"})
    assert missing.status == 404, missing
    assert api.post(f"{base}/no-such-command", {}).status == 404
    assert api.post(f"{base}/remote-stop", {"transaction_id": 2_000_000_000}).status == 404

    # Registered but not connected: 503, before the body is even looked at.
    assert api.post(f"{base}/reset", {"type": "Soft"}).status == 503
    assert api.post(f"{base}/reset", {"type": "Medium"}).status == 503
    assert api.post(f"/api/v1/stations/{q(station_id)}/call",
                    {"action": "ClearCache", "payload": {}}).status == 503

    async def scenario():
        async with connected(api, station_id) as cp:
            # Bad input to a connected station: 400, and nothing is sent.
            before = len(cp.recorder.received)
            for name, body, query in [
                ("reset", {"type": "Medium"}, ""),
                ("reset", {}, ""),
                ("change-configuration", {"key": "HeartbeatInterval"}, ""),
                ("trigger-message", {"message": "NoSuchMessage"}, ""),
                ("clear-cache", {}, "timeout_s=0"),
                ("clear-cache", {}, "timeout_s=301"),
                ("clear-cache", {}, "timeout_s=soon"),
            ]:
                bad = await api.command(station_id, name, body, query)
                assert bad.status == 400, (name, body, query, bad)
            assert len(cp.recorder.received) == before
            # A fractional timeout is fine.
            ok = await api.command(station_id, "clear-cache", {}, "timeout_s=2.5")
            assert ok.expect(200)["status"] == "Accepted"

    run(scenario())
