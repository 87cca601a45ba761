"""Core, functional block E: transactions (start and stop options, status, sequence numbers)."""

from conformance.octt import charging, command, scenario, station, stored, tag


def _accepted(response):
    assert response.id_token_info is not None, "an idToken is answered with idTokenInfo"
    assert response.id_token_info["status"] == "Accepted", response.id_token_info


# --- starting -------------------------------------------------------------------------------


@scenario
async def test_tc_e_03_csms(api):
    """Cable first: the transaction starts on CablePluggedIn without a token; the token's
    Authorize and the Updated event carrying it are Accepted; the API shows the token."""
    token = tag(api)
    async with station(api, "e03") as cs:
        await cs.status(1, "Occupied")
        tx = cs.transaction()
        started = await tx.started("CablePluggedIn", charging_state="EVConnected", meter=100)
        assert started.id_token_info is None
        assert (await cs.authorize(token))["status"] == "Accepted"
        _accepted(await tx.updated("Authorized", tag=token, charging_state="Charging"))
        await tx.ended("EVCommunicationLost", "EVDisconnected", meter=900)
    record = stored(api, cs, tx)
    assert record["id_tag"] == token and record["energy_wh"] == 800


@scenario
async def test_tc_e_04_csms(api):
    """Authorization first: Authorize, the Started event with the token and the cable's
    Updated event are all answered; the transaction is stored with the token."""
    token = tag(api)
    async with station(api, "e04") as cs:
        tx = await charging(cs, token)
        await tx.ended("EVCommunicationLost", "EVDisconnected", meter=1500)
    record = stored(api, cs, tx)
    assert record["id_tag"] == token and record["energy_wh"] == 500


@scenario
async def test_tc_e_38_csms(api):
    """Authorized and plugged in, but the EV is not ready (SuspendedEV): the events are
    answered and the token Accepted."""
    token = tag(api)
    async with station(api, "e38") as cs:
        assert (await cs.authorize(token))["status"] == "Accepted"
        tx = cs.transaction()
        _accepted(await tx.started("Authorized", tag=token, charging_state="EVConnected"))
        await cs.status(1, "Occupied")
        await tx.updated("ChargingStateChanged", charging_state="SuspendedEV")
        await tx.updated("ChargingStateChanged", charging_state="Charging")


async def _start_option(api, label, trigger, charging_state, authorize_first=True, **kw):
    """A transaction started by the station at one TxStartPoint: Authorize (when the start
    point comes after it) and the Started event carrying the token are Accepted."""
    token = tag(api)
    async with station(api, label) as cs:
        if authorize_first:
            assert (await cs.authorize(token))["status"] == "Accepted"
        await cs.status(1, "Occupied")
        tx = cs.transaction()
        _accepted(
            await tx.started(trigger, tag=token, charging_state=charging_state, meter=0, **kw)
        )
    return stored(api, cs, tx)


@scenario
async def test_tc_e_09_csms(api):
    """TxStartPoint EVConnected: Started on CablePluggedIn, the token in the same event."""
    record = await _start_option(api, "e09", "CablePluggedIn", "EVConnected", False)
    assert record["evse_id"] == 1 and record["stopped_at"] is None


@scenario
async def test_tc_e_10_csms(api):
    """TxStartPoint Authorized (local): Authorize Accepted, Started (Authorized) Accepted."""
    await _start_option(api, "e10", "Authorized", "EVConnected")


@scenario
async def test_tc_e_11_csms(api):
    """TxStartPoint DataSigned: the Started event (SignedDataReceived) carries a signed meter
    value, which the CSMS takes without needing to read it."""
    record = await _start_option(
        api, "e11", "SignedDataReceived", "EVConnected", signed=True
    )
    assert record["meter_start_wh"] == 0


@scenario
async def test_tc_e_01_csms(api):
    """TxStartPoint PowerPathClosed: Started when charging begins (ChargingStateChanged)."""
    await _start_option(api, "e01", "ChargingStateChanged", "Charging")


@scenario
async def test_tc_e_02_csms(api):
    """TxStartPoint EnergyTransfer: Started when energy flows (ChargingStateChanged)."""
    await _start_option(api, "e02", "ChargingStateChanged", "Charging")


@scenario
async def test_tc_e_12_csms(api):
    """TxStartPoint ParkingBayOccupied: Started on EVDetected before any token or cable; the
    later Authorized event is Accepted."""
    token = tag(api)
    async with station(api, "e12") as cs:
        tx = cs.transaction()
        assert (await tx.started("EVDetected")).id_token_info is None
        assert (await cs.authorize(token))["status"] == "Accepted"
        _accepted(await tx.updated("Authorized", tag=token))
        await cs.status(1, "Occupied")
        await tx.updated("CablePluggedIn", charging_state="Charging")


# --- stopping -------------------------------------------------------------------------------


async def _stop(api, label, stop, reason):
    """Charging, then `stop(cs, tx, token)` ends it; the API shows it stopped with `reason`."""
    token = tag(api)
    async with station(api, label) as cs:
        tx = await charging(cs, token)
        await stop(cs, tx, token)
    record = stored(api, cs, tx)
    assert record["stopped_at"] is not None
    assert record["stop_reason"] == reason
    return record


@scenario
async def test_tc_e_14_csms(api):
    """TxStopPoint EVConnected, cable unplugged at the station: Ended (EVDisconnected) taken,
    the connector goes back to Available."""

    async def unplug(cs, tx, token):
        await tx.ended("EVCommunicationLost", "EVDisconnected", meter=1800)
        await cs.status(1, "Available")

    record = await _stop(api, "e14", unplug, "EVDisconnected")
    assert record["energy_wh"] == 800


@scenario
async def test_tc_e_20_csms(api):
    """The EV side unplugs (IEC 61851-1): charging suspends, then Ended (EVDisconnected)."""

    async def unplug(cs, tx, token):
        await tx.updated("ChargingStateChanged", charging_state="SuspendedEV")
        await tx.ended("EVCommunicationLost", "EVDisconnected", charging_state="Idle")
        await cs.status(1, "Available")

    await _stop(api, "e20", unplug, "EVDisconnected")


@scenario
async def test_tc_e_15_csms(api):
    """Stopped locally with the same token: its Authorize and the StopAuthorized event are
    Accepted, the unplug ends the transaction (Local)."""

    async def present_token(cs, tx, token):
        assert (await cs.authorize(token))["status"] == "Accepted"
        _accepted(await tx.updated("StopAuthorized", tag=token, charging_state="EVConnected"))
        await tx.ended("EVCommunicationLost", "Local", meter=1400)

    await _stop(api, "e15", present_token, "Local")


@scenario
async def test_tc_e_21_csms(api):
    """Remote stop: the operator's remote-stop sends RequestStopTransaction with the
    station's transactionId; the RemoteStop/Remote events are taken."""

    async def remote(cs, tx, token):
        [record] = api.transactions(cs.id, active="true")
        reply = await command(api, cs, "remote-stop", {"transaction_id": record["id"]})
        assert reply["status"] == "Accepted"
        assert cs.last("RequestStopTransaction") == {"transactionId": tx.id}
        await tx.updated("RemoteStop", charging_state="EVConnected")
        await tx.ended("EVCommunicationLost", "Remote", meter=1600)

    await _stop(api, "e21", remote, "Remote")


@scenario
async def test_tc_e_16_csms(api):
    """The token turns out invalid at start: the Started event answers Invalid (or Unknown),
    and the station's DeAuthorized end is taken."""
    token = tag(api, "Invalid")
    async with station(api, "e16") as cs:
        await cs.status(1, "Occupied")
        tx = cs.transaction()
        started = await tx.started("Authorized", tag=token, charging_state="EVConnected")
        assert started.id_token_info["status"] in ("Invalid", "Unknown")
        await tx.ended("Deauthorized", "DeAuthorized")
    assert stored(api, cs, tx)["stop_reason"] == "DeAuthorized"


@scenario
async def test_tc_e_17_csms(api):
    """Deauthorized, then the EV side disconnects: the Invalid answer, the suspended state
    and the EVDisconnected end are all taken."""
    token = tag(api, "Blocked")
    async with station(api, "e17") as cs:
        await cs.status(1, "Occupied")
        tx = cs.transaction()
        assert (await tx.started("CablePluggedIn", charging_state="EVConnected")).id_token_info is None
        updated = await tx.updated("Authorized", tag=token)
        assert updated.id_token_info["status"] in ("Blocked", "Invalid", "Unknown")
        await tx.updated("Deauthorized", charging_state="SuspendedEVSE")
        await tx.ended("EVCommunicationLost", "EVDisconnected")
    assert stored(api, cs, tx)["stop_reason"] == "EVDisconnected"


@scenario
async def test_tc_e_39_csms(api):
    """Authorized but no cable within EVConnectionTimeOut: Ended (EVConnectTimeout, Timeout)
    is taken."""
    token = tag(api)
    async with station(api, "e39") as cs:
        assert (await cs.authorize(token))["status"] == "Accepted"
        tx = cs.transaction()
        _accepted(await tx.started("Authorized", tag=token))
        await tx.ended("EVConnectTimeout", "Timeout")
    assert stored(api, cs, tx)["stop_reason"] == "Timeout"


async def _stop_authorized_ended(cs, tx, token):
    """TxStopPoint PowerPathClosed / EnergyTransfer: presenting the token ends it at once."""
    assert (await cs.authorize(token))["status"] == "Accepted"
    _accepted(await tx.ended("StopAuthorized", "Local", tag=token, charging_state="EVConnected", meter=1700))


@scenario
async def test_tc_e_07_csms(api):
    """TxStopPoint PowerPathClosed, stopped locally: Ended (StopAuthorized, Local) with the
    token is Accepted."""
    await _stop(api, "e07", _stop_authorized_ended, "Local")


@scenario
async def test_tc_e_08_csms(api):
    """TxStopPoint EnergyTransfer, stopped by the token: Ended (StopAuthorized) Accepted."""
    await _stop(api, "e08", _stop_authorized_ended, "Local")


@scenario
async def test_tc_e_22_csms(api):
    """TxStopPoint EnergyTransfer, the EV suspends: Ended (ChargingStateChanged,
    StoppedByEV) is taken."""

    async def ev_stops(cs, tx, token):
        await tx.ended("ChargingStateChanged", "StoppedByEV", charging_state="SuspendedEV")

    await _stop(api, "e22", ev_stops, "StoppedByEV")


@scenario
async def test_tc_e_19_csms(api):
    """TxStopPoint ParkingBayOccupied: the EV leaves the bay, Ended (EVDeparted) is taken."""

    async def departs(cs, tx, token):
        await tx.updated("EVCommunicationLost", charging_state="Idle")
        await cs.status(1, "Available")
        await tx.ended("EVDeparted", "EVDisconnected", meter=1900)

    await _stop(api, "e19", departs, "EVDisconnected")


@scenario
async def test_tc_e_26_csms(api):
    """The EV-side cable comes out and back in (TxStopPoint not EVConnected): the
    transaction is suspended, not ended, and resumes."""
    token = tag(api)
    async with station(api, "e26") as cs:
        tx = await charging(cs, token)
        await tx.updated("EVCommunicationLost", charging_state="Idle")
        await cs.status(1, "Available")
        await cs.status(1, "Occupied")
        await tx.updated("CablePluggedIn", charging_state="Charging")
    record = stored(api, cs, tx)
    assert record["stopped_at"] is None


# --- GetTransactionStatus (C-16), through the get-transaction-status command ----------------


async def _transaction_status(api, label, *, with_id, ongoing, queued):
    """GetTransactionStatus (the operator names the system's transaction id); the station's
    answer reaches the operator, and the queued messages it then delivers are taken."""
    token = tag(api)
    async with station(api, label) as cs:
        tx = await charging(cs, token)
        reply = {"messages_in_queue": queued}
        if with_id:
            reply["ongoing_indicator"] = ongoing
        cs.replies["GetTransactionStatus"] = reply
        payload = {"transactionId": tx.id} if with_id else {}
        body = {"transaction_id": stored(api, cs, tx)["id"]} if with_id else {}
        result = (await command(api, cs, "get-transaction-status", body))["response"]
        assert result["messagesInQueue"] is queued
        assert cs.last("GetTransactionStatus") == payload
        if queued:
            await tx.updated("MeterValuePeriodic", meter=1200, offline=True)
        if not ongoing:
            # It ended while the station was offline: the Ended event was still queued.
            await tx.ended("StopAuthorized", "Local", meter=1300, offline=True)
    return stored(api, cs, tx)


@scenario
async def test_tc_e_29_csms(api):
    """GetTransactionStatus(transactionId) of an ongoing transaction with queued messages."""
    await _transaction_status(api, "e29", with_id=True, ongoing=True, queued=True)


@scenario
async def test_tc_e_30_csms(api):
    """GetTransactionStatus(transactionId) of an ongoing transaction, nothing queued."""
    await _transaction_status(api, "e30", with_id=True, ongoing=True, queued=False)


@scenario
async def test_tc_e_31_csms(api):
    """GetTransactionStatus(transactionId) of an ended transaction whose Ended event is still
    queued; the event delivered afterwards ends it in the API."""
    record = await _transaction_status(api, "e31", with_id=True, ongoing=False, queued=True)
    assert record["stop_reason"] == "Local"


@scenario
async def test_tc_e_33_csms(api):
    """GetTransactionStatus without transactionId, messages queued."""
    await _transaction_status(api, "e33", with_id=False, ongoing=True, queued=True)


@scenario
async def test_tc_e_34_csms(api):
    """GetTransactionStatus without transactionId, nothing queued."""
    await _transaction_status(api, "e34", with_id=False, ongoing=True, queued=False)


@scenario
async def test_tc_e_53_csms(api):
    """Every transaction starts again at seqNo 0: two transactions in a row, each Started
    with seqNo 0, are both accepted and stored apart."""
    async with station(api, "e53") as cs:
        first = await charging(cs, tag(api))
        await first.ended("EVCommunicationLost", "EVDisconnected", meter=1100)
        second = await charging(cs, tag(api))
        await second.ended("EVCommunicationLost", "EVDisconnected", meter=1200)
    assert stored(api, cs, first)["energy_wh"] == 100
    assert stored(api, cs, second)["energy_wh"] == 200
