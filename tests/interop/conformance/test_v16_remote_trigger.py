"""OCPP 1.6 Remote Trigger profile: TriggerMessage (OCTT 1.6 test case document §3)."""

from conformance.octt16 import CONNECTORS, command, scenario, station
from interop_support import assert_recent


async def _trigger(api, cs, message, connector_id=None):
    """trigger-message: the TriggerMessage the CSMS sends, answered Accepted."""
    body = {"message": message}
    if connector_id is not None:
        body["evse_id"] = connector_id
    reply = await command(api, cs, "trigger-message", body)
    assert reply["status"] == "Accepted"
    request = cs.last("TriggerMessage")
    assert request["requestedMessage"] == message
    assert request.get("connectorId") == connector_id


@scenario
async def test_tc_054_csms(api):
    """TriggerMessage for MeterValues (with a connector), Heartbeat, StatusNotification,
    DiagnosticsStatusNotification and FirmwareStatusNotification: each request is answered
    Accepted and each triggered message is answered by the CSMS."""
    async with station(api, "054") as cs:
        await _trigger(api, cs, "MeterValues", 1)
        await cs.meter_values(1, 1234, sample={"context": "Trigger"})

        await _trigger(api, cs, "Heartbeat")
        assert_recent((await cs.heartbeat()).current_time)

        await _trigger(api, cs, "StatusNotification", 1)
        await cs.status(1, "Available")

        await _trigger(api, cs, "DiagnosticsStatusNotification")
        await cs.diagnostics_status("Idle")

        await _trigger(api, cs, "FirmwareStatusNotification")
        await cs.firmware_status("Idle")
        assert len(cs.calls("TriggerMessage")) == 5

        # A station without firmware status may answer NotImplemented: the operator sees it.
        cs.replies["TriggerMessage"] = {"status": "NotImplemented"}
        reply = await command(
            api, cs, "trigger-message", {"message": "FirmwareStatusNotification"}
        )
        assert reply["status"] == "NotImplemented"


@scenario
async def test_tc_055_csms(api):
    """TriggerMessage MeterValues for connector NumberOfConnectors + 1: the station answers
    Rejected, which reaches the operator."""
    async with station(api, "055") as cs:
        cs.replies["TriggerMessage"] = {"status": "Rejected"}
        reply = await command(
            api, cs, "trigger-message", {"message": "MeterValues", "evse_id": CONNECTORS + 1}
        )
        assert reply["status"] == "Rejected"
        assert cs.last("TriggerMessage") == {
            "requestedMessage": "MeterValues",
            "connectorId": CONNECTORS + 1,
        }
