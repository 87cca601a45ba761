"""Core, functional block B: provisioning (boot, variables, reports, reset, network profile)."""

import pytest
from ocpp.exceptions import SecurityError
from ocpp.v201 import call

from conformance.octt import (
    HEARTBEAT_INTERVAL,
    charging,
    command,
    raw_call,
    scenario,
    station,
    stored,
    tag,
)
from interop_support import aeventually, assert_recent, now_iso, q


@scenario
async def test_tc_b_01_csms(api):
    """Cold boot: the CSMS accepts the BootNotification with a heartbeat interval and its time,
    then takes the connectors' StatusNotifications and a Heartbeat."""
    async with station(api, "b01", boot=None) as cs:
        booted = await cs.boot()
        assert booted.status == "Accepted"
        assert booted.interval > 0
        if HEARTBEAT_INTERVAL:
            assert booted.interval == HEARTBEAT_INTERVAL
        assert_recent(booted.current_time)
        for evse in (1, 2):
            await cs.status(evse, "Available")
        assert_recent((await cs.heartbeat()).current_time)
    record = api.station(cs.id)
    assert record["boot_status"] == "Accepted" and record["protocol"] == "ocpp2.0.1"


async def _boot_later_accepted(api, cs):
    """The operator accepts the station; its next BootNotification is Accepted."""
    api.register_station(cs.id, boot_policy="Accepted")
    booted = await cs.boot()
    assert booted.status == "Accepted"
    assert api.station(cs.id)["boot_status"] == "Accepted"


@scenario
async def test_tc_b_02_csms(api):
    """Boot while the CSMS holds the station Pending: answered Pending with an interval; the
    CSMS may read the station meanwhile (B02.FR.02); once the operator accepts it, the next
    BootNotification is Accepted."""
    async with station(api, "b02", boot="Pending", boot_policy="Pending") as cs:
        assert api.station(cs.id)["boot_status"] == "Pending"
        reply = await command(
            api, cs, "get-configuration", {"keys": ["OCPPCommCtrlr.HeartbeatInterval"]}
        )
        assert reply["status"] == "Accepted"
        await _boot_later_accepted(api, cs)


@scenario
async def test_tc_b_30_csms(api):
    """While Pending, and while Rejected, any message other than BootNotification is answered
    with a CALLERROR SecurityError (B02.FR.09, B03.FR.07)."""
    for policy in ("Pending", "Rejected"):
        async with station(api, "b30", boot=policy, boot_policy=policy) as cs:
            with pytest.raises(SecurityError):
                await cs.authorize(tag(api))
            with pytest.raises(SecurityError):
                await cs.status(1, "Available")


@scenario
async def test_tc_b_31_csms(api):
    """Pending, then the CSMS sends TriggerMessage(BootNotification); the station's new
    BootNotification is Accepted."""
    async with station(api, "b31", boot="Pending", boot_policy="Pending") as cs:
        api.register_station(cs.id, boot_policy="Accepted")
        reply = await command(api, cs, "trigger-message", {"message": "BootNotification"})
        assert reply["status"] == "Accepted"
        assert cs.last("TriggerMessage") == {"requestedMessage": "BootNotification"}
        booted = await cs.boot(reason="Triggered")
        assert booted.status == "Accepted"


def _actual_or_absent(datum):
    assert datum.get("attributeType", "Actual") in ("Actual", "Target", "MinSet", "MaxSet")


@scenario
async def test_tc_b_06_csms(api):
    """GetVariables with one element (attributeType absent or Actual); the answer reaches the
    operator."""
    async with station(api, "b06") as cs:
        reply = await command(
            api, cs, "get-configuration", {"keys": ["OCPPCommCtrlr.OfflineThreshold"]}
        )
        assert reply["status"] == "Accepted"
        [datum] = cs.last("GetVariables")["getVariableData"]
        assert datum["component"] == {"name": "OCPPCommCtrlr"}
        assert datum["variable"] == {"name": "OfflineThreshold"}
        _actual_or_absent(datum)
        assert reply["response"]["getVariableResult"][0]["attributeValue"] == "60"


@scenario
async def test_tc_b_07_csms(api):
    """GetVariables with several elements in one request (C-45)."""
    keys = ["OCPPCommCtrlr.OfflineThreshold", "AuthCtrlr.AuthorizeRemoteStart"]
    async with station(api, "b07") as cs:
        reply = await command(api, cs, "get-configuration", {"keys": keys})
        assert reply["status"] == "Accepted"
        data = cs.last("GetVariables")["getVariableData"]
        asked = {(d["component"]["name"], d["variable"]["name"]) for d in data}
        assert asked == {("OCPPCommCtrlr", "OfflineThreshold"), ("AuthCtrlr", "AuthorizeRemoteStart")}
        for datum in data:
            _actual_or_absent(datum)


@scenario
async def test_tc_b_09_csms(api):
    """SetVariables OCPPCommCtrlr.OfflineThreshold = "123" (one element); Accepted reaches the
    operator and the configuration view."""
    async with station(api, "b09") as cs:
        reply = await command(
            api,
            cs,
            "change-configuration",
            {"key": "OCPPCommCtrlr.OfflineThreshold", "value": "123"},
        )
        assert reply["status"] == "Accepted"
        [datum] = cs.last("SetVariables")["setVariableData"]
        assert datum["component"] == {"name": "OCPPCommCtrlr"}
        assert datum["variable"] == {"name": "OfflineThreshold"}
        assert datum["attributeValue"] == "123"
        _actual_or_absent(datum)

        def shown():
            lines = api.get(f"/api/v1/stations/{q(cs.id)}/configuration").expect(200)
            [line] = [c for c in lines if c["key"] == "OCPPCommCtrlr.OfflineThreshold"]
            assert line["value"] == "123"

        await aeventually(shown)


@scenario
async def test_tc_b_10_csms(api):
    """SetVariables with several elements in one request (C-46), through the raw call:
    `change-configuration` sets one key per request."""
    data = [
        {
            "component": {"name": "OCPPCommCtrlr"},
            "variable": {"name": "OfflineThreshold"},
            "attributeValue": "123",
        },
        {
            "component": {"name": "AuthCtrlr"},
            "variable": {"name": "AuthorizeRemoteStart"},
            "attributeValue": "false",
        },
    ]
    async with station(api, "b10") as cs:
        result = await raw_call(api, cs, "SetVariables", {"setVariableData": data})
        assert [r["attributeStatus"] for r in result["setVariableResult"]] == ["Accepted"] * 2
        assert cs.last("SetVariables")["setVariableData"] == data


async def _base_report(api, label, report_base):
    async with station(api, label) as cs:
        reply = await command(api, cs, "get-base-report", {"report_base": report_base})
        assert reply["status"] == "Accepted"
        request = cs.last("GetBaseReport")
        assert request["reportBase"] == report_base
        assert isinstance(request["requestId"], int) and request["requestId"] >= 0
        await cs.send(
            call.NotifyReport(
                request_id=request["requestId"],
                generated_at=now_iso(),
                seq_no=0,
                report_data=[
                    {
                        "component": {"name": "OCPPCommCtrlr"},
                        "variable": {"name": "OfflineThreshold"},
                        "variable_attribute": [{"type": "Actual", "value": "99"}],
                    }
                ],
            )
        )

        def kept():
            variables = api.get(f"/api/v1/stations/{q(cs.id)}/variables").expect(200)
            [v] = [v for v in variables if v["variable"] == "OfflineThreshold"]
            assert v["attributes"][0]["value"] == "99"

        await aeventually(kept)


@scenario
async def test_tc_b_12_csms(api):
    """GetBaseReport ConfigurationInventory with a requestId >= 0; the NotifyReport that
    follows is accepted and kept."""
    await _base_report(api, "b12", "ConfigurationInventory")


@scenario
async def test_tc_b_13_csms(api):
    """GetBaseReport FullInventory with a requestId >= 0; the NotifyReport is kept."""
    await _base_report(api, "b13", "FullInventory")


@scenario
async def test_tc_b_20_csms(api):
    """Reset OnIdle of an idle station; the station reboots and its BootNotification
    (RemoteReset) is Accepted."""
    async with station(api, "b20") as cs:
        reply = await command(api, cs, "reset", {"type": "Soft"})
        assert reply["status"] == "Accepted"
        assert cs.last("Reset") == {"type": "OnIdle"}
        assert (await cs.boot(reason="RemoteReset")).status == "Accepted"


async def _reset_during_transaction(api, label, kind, reset_type, answer, stopped_reason, trigger):
    async with station(api, label) as cs:
        cs.replies["Reset"] = {"status": answer}
        tx = await charging(cs, tag(api))
        reply = await command(api, cs, "reset", {"type": kind})
        assert reply["status"] == answer
        assert cs.last("Reset") == {"type": reset_type}
        ended = await tx.ended(trigger, stopped_reason, meter=1500)
        assert ended.id_token_info is None
        assert (await cs.boot(reason="RemoteReset")).status == "Accepted"
    record = stored(api, cs, tx)
    assert record["stop_reason"] == stopped_reason and record["energy_wh"] == 500


@scenario
async def test_tc_b_21_csms(api):
    """Reset OnIdle while charging: the station schedules it, ends the transaction, reboots;
    the CSMS takes the Ended event and the new BootNotification."""
    await _reset_during_transaction(
        api, "b21", "Soft", "OnIdle", "Scheduled", "Local", "StopAuthorized"
    )


@scenario
async def test_tc_b_22_csms(api):
    """Reset Immediate while charging: transaction Ended (ImmediateReset), then Accepted boot."""
    await _reset_during_transaction(
        api, "b22", "Hard", "Immediate", "Accepted", "ImmediateReset", "ResetCommand"
    )


async def _reset_evse(api, label, reset_type, busy):
    async with station(api, label) as cs:
        tx = await charging(cs, tag(api)) if busy else None
        if busy and reset_type == "OnIdle":
            cs.replies["Reset"] = {"status": "Scheduled"}
        kind = {"OnIdle": "Soft", "Immediate": "Hard"}[reset_type]
        result = await command(api, cs, "reset", {"type": kind, "evse_id": 1})
        assert result["status"] in ("Accepted", "Scheduled")
        assert cs.last("Reset") == {"type": reset_type, "evseId": 1}
        if tx:
            reason = "ImmediateReset" if reset_type == "Immediate" else "Local"
            await tx.ended("ResetCommand", reason, meter=1200)
        await cs.status(1, "Available")


@scenario
async def test_tc_b_25_csms(api):
    """Reset of one EVSE (OnIdle, evseId), no transaction: `reset` with evse_id (C-13)."""
    await _reset_evse(api, "b25", "OnIdle", busy=False)


@scenario
async def test_tc_b_26_csms(api):
    """Reset OnIdle of one charging EVSE (`reset` with evse_id); the Ended event is taken."""
    await _reset_evse(api, "b26", "OnIdle", busy=True)


@scenario
async def test_tc_b_27_csms(api):
    """Reset Immediate of one charging EVSE (`reset` with evse_id); the Ended event is taken."""
    await _reset_evse(api, "b27", "Immediate", busy=True)


NETWORK_PROFILE = {
    "configurationSlot": 1,
    "connectionData": {
        "ocppVersion": "OCPP20",
        "ocppTransport": "JSON",
        "ocppCsmsUrl": "ws://127.0.0.1:8180/ocpp",
        "messageTimeout": 30,
        "securityProfile": 1,
        "ocppInterface": "Wired0",
    },
}


@scenario
async def test_tc_b_42_csms(api):
    """SetNetworkProfile (through the raw call) Accepted, then NetworkConfigurationPriority
    set and a reset: the station comes back and boots Accepted."""
    async with station(api, "b42") as cs:
        result = await raw_call(api, cs, "SetNetworkProfile", NETWORK_PROFILE)
        assert result["status"] == "Accepted"
        assert cs.last("SetNetworkProfile") == NETWORK_PROFILE
        reply = await command(
            api,
            cs,
            "change-configuration",
            {"key": "OCPPCommCtrlr.NetworkConfigurationPriority", "value": "1,0"},
        )
        assert reply["status"] == "Accepted"
        assert (await command(api, cs, "reset", {"type": "Soft"}))["status"] == "Accepted"
        assert (await cs.boot(reason="RemoteReset")).status == "Accepted"


@scenario
async def test_tc_b_44_csms(api):
    """SetNetworkProfile (through the raw call) that the station refuses: the Rejected answer
    reaches the operator and the station stays connected and usable."""
    async with station(api, "b44") as cs:
        cs.replies["SetNetworkProfile"] = {"status": "Rejected"}
        result = await raw_call(api, cs, "SetNetworkProfile", NETWORK_PROFILE)
        assert result["status"] == "Rejected"
        await cs.heartbeat()
        assert api.station(cs.id)["connected"] is True
