"""Core, functional block F: remote control (remote start, unlock, TriggerMessage)."""

import asyncio

from conformance.octt import charging, command, scenario, station, stored, tag


def _check_start_request(cs, token, evse_id=1) -> int:
    """The RequestStartTransaction the CSMS sent: the operator's token (typed Central, the
    type our operators hand out) on the EVSE asked for; its remoteStartId."""
    request = cs.last("RequestStartTransaction")
    assert request["idToken"] == {"idToken": token, "type": "Central"}
    assert request["evseId"] == evse_id
    assert isinstance(request["remoteStartId"], int)
    return request["remoteStartId"]


async def _remote_start(api, cs, token) -> int:
    reply = await command(api, cs, "remote-start", {"evse_id": 1, "id_tag": token})
    assert reply["status"] == "Accepted"
    remote_start_id = _check_start_request(cs, token)
    assert reply["remote_start_id"] == remote_start_id
    return remote_start_id


@scenario
async def test_tc_f_01_csms(api):
    """Cable first, then a remote start: RequestStartTransaction with the token; the
    RemoteStart Updated event with the token and remoteStartId is Accepted."""
    token = tag(api)
    async with station(api, "f01") as cs:
        await cs.status(1, "Occupied")
        tx = cs.transaction()
        await tx.started("CablePluggedIn", charging_state="EVConnected", meter=0)
        remote_start_id = await _remote_start(api, cs, token)
        updated = await tx.updated(
            "RemoteStart", tag=token, remote_start_id=remote_start_id, charging_state="Charging"
        )
        assert updated.id_token_info["status"] == "Accepted"
    assert stored(api, cs, tx)["id_tag"] == token


@scenario
async def test_tc_f_02_csms(api):
    """Remote start first with AuthorizeRemoteStart true: the station authorizes the token
    (Accepted), then the Started event (RemoteStart) is Accepted."""
    token = tag(api)
    async with station(api, "f02") as cs:
        remote_start_id = await _remote_start(api, cs, token)
        assert (await cs.authorize(token))["status"] == "Accepted"
        tx = cs.transaction()
        started = await tx.started("RemoteStart", tag=token, remote_start_id=remote_start_id)
        assert started.id_token_info["status"] == "Accepted"
        await cs.status(1, "Occupied")
        await tx.updated("CablePluggedIn", charging_state="Charging")


@scenario
async def test_tc_f_03_csms(api):
    """Remote start first, AuthorizeRemoteStart false: the Started event (RemoteStart, with
    remoteStartId) is Accepted and is the transaction the operator's request led to."""
    token = tag(api)
    async with station(api, "f03") as cs:
        # The operator waits for the start, so the request runs while the station acts.
        request = asyncio.create_task(
            api.command(cs.id, "remote-start", {"evse_id": 1, "id_tag": token}, "wait_start_s=10")
        )
        await cs.wait_for_call("RequestStartTransaction")
        remote_start_id = _check_start_request(cs, token)
        tx = cs.transaction()
        started = await tx.started("RemoteStart", tag=token, remote_start_id=remote_start_id)
        assert started.id_token_info["status"] == "Accepted"
        reply = (await request).expect(200)
        assert reply["status"] == "Accepted"
    assert reply["transaction_id"] == stored(api, cs, tx)["id"]


@scenario
async def test_tc_f_04_csms(api):
    """Remote start, but no cable arrives in time: the station ends the transaction
    (EVConnectTimeout, Timeout) and the CSMS takes it."""
    token = tag(api)
    async with station(api, "f04") as cs:
        remote_start_id = await _remote_start(api, cs, token)
        tx = cs.transaction()
        started = await tx.started("RemoteStart", tag=token, remote_start_id=remote_start_id)
        assert started.id_token_info["status"] == "Accepted"
        await tx.ended("EVConnectTimeout", "Timeout")
    assert stored(api, cs, tx)["stop_reason"] == "Timeout"


@scenario
async def test_tc_f_06_csms(api):
    """UnlockConnector (C-11) with evseId and connectorId of an idle connector: Unlocked."""
    async with station(api, "f06") as cs:
        reply = await command(api, cs, "unlock-connector", {"evse_id": 1, "connector_id": 1})
        assert reply["status"] == "Unlocked"
        assert cs.last("UnlockConnector") == {"evseId": 1, "connectorId": 1}


async def _trigger(api, cs, message, evse_id=None, answer="Accepted") -> dict:
    """TriggerMessage from the operator; checks the request and returns the reply."""
    body = {"message": message}
    if evse_id is not None:
        body["evse_id"] = evse_id
    cs.replies["TriggerMessage"] = {"status": answer}
    reply = await command(api, cs, "trigger-message", body)
    assert reply["status"] == answer
    request = cs.last("TriggerMessage")
    assert request["requestedMessage"] == message
    if evse_id is None:
        assert "evse" not in request
    else:
        assert request["evse"] == {"id": evse_id}
    return reply


@scenario
async def test_tc_f_11_csms(api):
    """TriggerMessage MeterValues for one EVSE (evse.id); the triggered MeterValues taken."""
    async with station(api, "f11") as cs:
        await _trigger(api, cs, "MeterValues", evse_id=1)
        await cs.meter_values(1, 500, "Trigger")


@scenario
async def test_tc_f_12_csms(api):
    """TriggerMessage MeterValues for all EVSEs (no evse); one MeterValues per EVSE taken."""
    async with station(api, "f12") as cs:
        await _trigger(api, cs, "MeterValues")
        for evse in (1, 2):
            await cs.meter_values(evse, 500, "Trigger")


@scenario
async def test_tc_f_13_csms(api):
    """TriggerMessage TransactionEvent for one EVSE; the Trigger Updated event is taken."""
    async with station(api, "f13") as cs:
        tx = await charging(cs, tag(api))
        await _trigger(api, cs, "TransactionEvent", evse_id=1)
        await tx.updated("Trigger", meter=1100, context="Trigger")
    assert len(stored(api, cs, tx)["meter_values"]) == 2


@scenario
async def test_tc_f_14_csms(api):
    """TriggerMessage TransactionEvent for all EVSEs; both transactions' events are taken."""
    async with station(api, "f14") as cs:
        txs = [await charging(cs, tag(api), evse) for evse in (1, 2)]
        await _trigger(api, cs, "TransactionEvent")
        for tx in txs:
            await tx.updated("Trigger", meter=1100, context="Trigger")


@scenario
async def test_tc_f_15_csms(api):
    """TriggerMessage LogStatusNotification while idle; the Idle notification is taken."""
    async with station(api, "f15") as cs:
        await _trigger(api, cs, "LogStatusNotification")
        await cs.log_status("Idle")


@scenario
async def test_tc_f_18_csms(api):
    """TriggerMessage FirmwareStatusNotification while idle; the Idle notification is taken."""
    async with station(api, "f18") as cs:
        await _trigger(api, cs, "FirmwareStatusNotification")
        await cs.firmware_status("Idle")


@scenario
async def test_tc_f_20_csms(api):
    """TriggerMessage Heartbeat; the Heartbeat is answered with the current time."""
    async with station(api, "f20") as cs:
        await _trigger(api, cs, "Heartbeat")
        await cs.heartbeat()


async def _trigger_status(api, label, status):
    async with station(api, label) as cs:
        await cs.status(1, status)
        await _trigger(api, cs, "StatusNotification", evse_id=1)
        await cs.status(1, status)
        assert api.station(cs.id)["connectors"][0]["status"] == status


@scenario
async def test_tc_f_23_csms(api):
    """TriggerMessage StatusNotification for one EVSE (Available); the answer is taken."""
    await _trigger_status(api, "f23", "Available")


@scenario
async def test_tc_f_24_csms(api):
    """TriggerMessage StatusNotification for one EVSE (Occupied); the answer is taken."""
    await _trigger_status(api, "f24", "Occupied")


@scenario
async def test_tc_f_27_csms(api):
    """A TriggerMessage the station does not implement: NotImplemented reaches the operator,
    and the station goes on as before."""
    async with station(api, "f27") as cs:
        await _trigger(api, cs, "MeterValues", evse_id=1, answer="NotImplemented")
        await cs.heartbeat()
        assert api.station(cs.id)["connected"] is True
