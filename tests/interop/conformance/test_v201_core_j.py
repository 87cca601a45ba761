"""Core, functional block J: meter values (clock-aligned and sampled, signed ones included).

Part 5: a CSMS must receive signed meter values; it need not read the signature.
"""

from conformance.octt import charging, scenario, station, stored, tag


def _readings(record) -> list:
    """(value, context) of every sampled value the API kept for a transaction."""
    return [
        (sv["value"], sv.get("context"))
        for mv in record["meter_values"]
        for sv in mv["sampled_value"]
    ]


async def _clock_aligned_idle(api, label, signed):
    async with station(api, label) as cs:
        # EVSE 0 is the station's main meter; 1 and 2 its EVSEs.
        for evse in (0, 1, 2):
            await cs.meter_values(evse, 12_345, "Sample.Clock", signed=signed)
    assert api.transactions(cs.id) == [], "meter values outside a transaction start none"


@scenario
async def test_tc_j_01_csms(api):
    """Clock-aligned MeterValues without a transaction, for the main meter and each EVSE:
    answered."""
    await _clock_aligned_idle(api, "j01", signed=False)


@scenario
async def test_tc_j_02_csms(api):
    """Clock-aligned values in a transaction's Updated events (MeterValueClock): kept with
    the transaction."""
    async with station(api, "j02") as cs:
        tx = await charging(cs, tag(api))
        await tx.updated("MeterValueClock", meter=1250, context="Sample.Clock")
    assert (1250, "Sample.Clock") in _readings(stored(api, cs, tx))


@scenario
async def test_tc_j_03_csms(api):
    """The Ended event carries the clock-aligned end reading: stored as the meter stop."""
    async with station(api, "j03") as cs:
        tx = await charging(cs, tag(api))
        await tx.ended("EVCommunicationLost", "EVDisconnected", meter=1750, context="Sample.Clock")
    record = stored(api, cs, tx)
    assert record["meter_stop_wh"] == 1750 and record["energy_wh"] == 750


@scenario
async def test_tc_j_04_csms(api):
    """Signed clock-aligned meter values, outside and inside a transaction: answered and
    kept."""
    await _clock_aligned_idle(api, "j04", signed=True)
    async with station(api, "j04tx") as cs:
        tx = await charging(cs, tag(api))
        await tx.updated("MeterValueClock", meter=1250, context="Sample.Clock", signed=True)
    assert (1250, "Sample.Clock") in _readings(stored(api, cs, tx))


@scenario
async def test_tc_j_07_csms(api):
    """The Started event (EVSE known) carries the Transaction.Begin reading: the meter
    start."""
    async with station(api, "j07") as cs:
        tx = await charging(cs, tag(api))
    record = stored(api, cs, tx)
    assert record["meter_start_wh"] == 1000 and record["evse_id"] == 1
    assert (1000, "Transaction.Begin") in _readings(record)


@scenario
async def test_tc_j_08_csms(api):
    """Started before the EVSE is known (no evse, no reading); the EVSE and the
    Transaction.Begin reading come in a later Updated event and are kept."""
    token = tag(api)
    async with station(api, "j08") as cs:
        assert (await cs.authorize(token))["status"] == "Accepted"
        tx = cs.transaction()
        started = await tx.started("Authorized", tag=token, evse=False)
        assert started.id_token_info["status"] == "Accepted"
        await cs.status(1, "Occupied")
        await tx.updated(
            "CablePluggedIn",
            evse=True,
            charging_state="Charging",
            meter=1000,
            context="Transaction.Begin",
        )
    record = stored(api, cs, tx)
    assert record["evse_id"] == 1 and record["meter_start_wh"] == 1000


@scenario
async def test_tc_j_09_csms(api):
    """Sampled values in Updated events (MeterValuePeriodic): each one kept."""
    async with station(api, "j09") as cs:
        tx = await charging(cs, tag(api))
        for wh in (1100, 1200):
            await tx.updated("MeterValuePeriodic", meter=wh)
    readings = _readings(stored(api, cs, tx))
    assert (1100, "Sample.Periodic") in readings and (1200, "Sample.Periodic") in readings


@scenario
async def test_tc_j_10_csms(api):
    """The Ended event's Transaction.End reading: meter stop and energy."""
    async with station(api, "j10") as cs:
        tx = await charging(cs, tag(api))
        await tx.ended("EVCommunicationLost", "EVDisconnected", meter=3000)
    record = stored(api, cs, tx)
    assert (record["meter_stop_wh"], record["energy_wh"]) == (3000, 2000)
    assert (3000, "Transaction.End") in _readings(record)


@scenario
async def test_tc_j_11_csms(api):
    """Signed sampled values in Started, Updated and Ended events: all taken, energy right."""
    token = tag(api)
    async with station(api, "j11") as cs:
        assert (await cs.authorize(token))["status"] == "Accepted"
        tx = cs.transaction()
        await tx.started("Authorized", tag=token, meter=1000, signed=True)
        await tx.updated("MeterValuePeriodic", meter=1400, signed=True)
        await tx.ended("EVCommunicationLost", "EVDisconnected", meter=1800, signed=True)
    assert stored(api, cs, tx)["energy_wh"] == 800
