"""Core, functional block G: availability (ChangeAvailability, connector status, NotifyEvent).

Part 5: a CSMS must take connector status both as StatusNotification and as NotifyEvent
(component Connector, variable AvailabilityState), so the station reports both here.
"""

from interop_support import aeventually

from conformance.octt import (
    charging,
    command,
    connector_status,
    scenario,
    station,
    tag,
)


async def _report_status(cs, evse_id, status):
    await cs.status(evse_id, status)
    await cs.notify_event(
        {"name": "Connector", "evse": {"id": evse_id, "connector_id": 1}},
        "AvailabilityState",
        status,
    )


async def _change_availability(api, label, target, body, expected_evse, *, busy=False):
    """ChangeAvailability from the operator: checks the request's `evse` (absent for the
    whole station) and that the station's answer and new status reach the API."""
    to_status = "Available" if target == "Operative" else "Unavailable"
    from_status = "Unavailable" if target == "Operative" else "Available"
    async with station(api, label) as cs:
        await _report_status(cs, 1, from_status)
        if busy:
            tx = await charging(cs, tag(api))
            cs.replies["ChangeAvailability"] = {"status": "Scheduled"}
        reply = await command(api, cs, "change-availability", {**body, "type": target})
        assert reply["status"] == ("Scheduled" if busy else "Accepted")
        request = cs.last("ChangeAvailability")
        assert request["operationalStatus"] == target
        assert request.get("evse") == expected_evse
        if busy:
            # The change waits for the transaction's end.
            await tx.ended("EVCommunicationLost", "EVDisconnected", meter=1500)
        await _report_status(cs, 1, to_status)
        await aeventually(lambda: _shown(api, cs, to_status))


def _shown(api, cs, status):
    assert connector_status(api, cs.id, 1) == status


@scenario
async def test_tc_g_03_csms(api):
    """EVSE Operative → Inoperative: evse.id without connectorId; Unavailable is taken."""
    await _change_availability(api, "g03", "Inoperative", {"evse_id": 1}, {"id": 1})


@scenario
async def test_tc_g_04_csms(api):
    """EVSE Inoperative → Operative: evse.id without connectorId; Available is taken."""
    await _change_availability(api, "g04", "Operative", {"evse_id": 1}, {"id": 1})


@scenario
async def test_tc_g_11_csms(api):
    """EVSE made Inoperative while charging: the station answers Scheduled and turns
    Unavailable when the transaction ends."""
    await _change_availability(api, "g11", "Inoperative", {"evse_id": 1}, {"id": 1}, busy=True)


@scenario
async def test_tc_g_05_csms(api):
    """Whole station Operative → Inoperative: no evse at all."""
    await _change_availability(api, "g05", "Inoperative", {}, None)


@scenario
async def test_tc_g_06_csms(api):
    """Whole station Inoperative → Operative: no evse at all."""
    await _change_availability(api, "g06", "Operative", {}, None)


@scenario
async def test_tc_g_14_csms(api):
    """Whole station made Inoperative while charging: no evse; Scheduled."""
    await _change_availability(api, "g14", "Inoperative", {}, None, busy=True)


CONNECTOR = {"evse_id": 1, "connector_id": 1}


@scenario
async def test_tc_g_07_csms(api):
    """Connector Operative → Inoperative: evse.id and evse.connectorId."""
    await _change_availability(api, "g07", "Inoperative", CONNECTOR, {"id": 1, "connectorId": 1})


@scenario
async def test_tc_g_08_csms(api):
    """Connector Inoperative → Operative: evse.id and evse.connectorId."""
    await _change_availability(api, "g08", "Operative", CONNECTOR, {"id": 1, "connectorId": 1})


@scenario
async def test_tc_g_17_csms(api):
    """Connector made Inoperative while charging: evse.id and connectorId; Scheduled."""
    await _change_availability(
        api, "g17", "Inoperative", CONNECTOR, {"id": 1, "connectorId": 1}, busy=True
    )


@scenario
async def test_tc_g_20_csms(api):
    """The connector's lock fails: the NotifyEvent (ConnectorPlugRetentionLock Problem) and
    the Faulted status are taken."""
    async with station(api, "g20") as cs:
        await cs.notify_event(
            {"name": "ConnectorPlugRetentionLock", "evse": {"id": 1, "connector_id": 1}},
            "Problem",
            "true",
        )
        await _report_status(cs, 1, "Faulted")
        await aeventually(lambda: _shown(api, cs, "Faulted"))
