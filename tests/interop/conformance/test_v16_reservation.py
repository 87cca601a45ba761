"""OCPP 1.6 Reservation profile: ReserveNow and CancelReservation (OCTT 1.6 test case document
§3). Written against API.md "Operating features" (Reservations)."""

import urllib.parse

from conformance.octt16 import (
    command,
    connector_status,
    scenario,
    started,
    station,
    stored,
    tag,
)
from interop_support import aeventually, now_iso, parse_time


async def _reserve(api, cs, id_tag, connector_id=1, expires_in=600, **fields) -> dict:
    """POST /api/v1/reservations: 201; ReserveNow carries the connector, the tag (and parent
    tag), the expiry date and the reservation's id as reservationId. The body."""
    expires_at = now_iso(expires_in)
    body = {
        "station_id": cs.id,
        "connector_id": connector_id,
        "id_tag": id_tag,
        "expires_at": expires_at,
        **fields,
    }
    created = (await api.arequest("POST", "/api/v1/reservations", body)).expect(201)
    reservation = created["reservation"]
    request = cs.last("ReserveNow")
    assert request["reservationId"] == reservation["id"]
    assert request["connectorId"] == connector_id
    assert request["idTag"] == id_tag
    assert request.get("parentIdTag") == fields.get("parent_id_tag")
    assert parse_time(request["expiryDate"]) == parse_time(expires_at)
    assert reservation["station_id"] == cs.id and reservation["connector_id"] == connector_id
    return created


def _reservation(api, cs, reservation_id) -> dict:
    query = urllib.parse.urlencode({"station_id": cs.id})
    [found] = [
        r for r in api.get(f"/api/v1/reservations?{query}").expect(200) if r["id"] == reservation_id
    ]
    return found


async def _shows(api, cs, reservation_id, status) -> dict:
    def check():
        found = _reservation(api, cs, reservation_id)
        assert found["status"] == status, found
        return found

    return await aeventually(check, timeout=10)


@scenario
async def test_tc_046_csms(api):
    """Reserve connector 1 for a tag (Accepted, the connector Reserved); the tag is
    authorized and its StartTransaction with the reservationId is Accepted; the reservation
    shows used, by that transaction."""
    token = tag(api)
    async with station(api, "046") as cs:
        created = await _reserve(api, cs, token)
        assert created["status"] == "Accepted"
        assert created["reservation"]["status"] == "active"
        reservation_id = created["reservation"]["id"]
        await cs.status(1, "Reserved")
        assert (await cs.authorize(token))["status"] == "Accepted"
        await cs.status(1, "Preparing")
        session = await started(cs, 1, token, reservation_id=reservation_id)
        await cs.status(1, "Charging")
        used = await _shows(api, cs, reservation_id, "used")
        assert used["transaction_id"] == stored(api, cs, session.transaction_id)["id"]


@scenario
async def test_tc_047_csms(api):
    """A reservation that runs out: Reserved, then Available at the expiry date; the
    reservation shows expired."""
    token = tag(api)
    async with station(api, "047") as cs:
        created = await _reserve(api, cs, token, expires_in=2)
        assert created["status"] == "Accepted"
        await cs.status(1, "Reserved")
        await _shows(api, cs, created["reservation"]["id"], "expired")
        await cs.status(1, "Available")


async def _refused(api, label, answer, before=None):
    """ReserveNow answered `answer`: it reaches the operator (201) and the reservation is
    recorded with that answer as its status, never active."""
    token = tag(api)
    async with station(api, label) as cs:
        if before:
            await before(cs)
        cs.replies["ReserveNow"] = {"status": answer}
        created = await _reserve(api, cs, token)
        assert created["status"] == answer
        assert created["reservation"]["status"] == answer.lower()
        assert _reservation(api, cs, created["reservation"]["id"])["status"] == answer.lower()


@scenario
async def test_tc_048_1_csms(api):
    """The connector is Faulted: ReserveNow answered Faulted."""

    async def faulted(cs):
        await cs.status(1, "Faulted", "GroundFailure")

    await _refused(api, "0481", "Faulted", faulted)


@scenario
async def test_tc_048_2_csms(api):
    """The connector is Preparing: ReserveNow answered Occupied."""

    async def preparing(cs):
        await cs.status(1, "Preparing")

    await _refused(api, "0482", "Occupied", preparing)


@scenario
async def test_tc_048_3_csms(api):
    """ChangeAvailability Inoperative first (the connector Unavailable); ReserveNow then
    answered Unavailable."""

    async def inoperative(cs):
        reply = await command(
            api, cs, "change-availability", {"connector_id": 1, "type": "Inoperative"}
        )
        assert reply["status"] == "Accepted"
        assert cs.last("ChangeAvailability") == {"connectorId": 1, "type": "Inoperative"}
        await cs.status(1, "Unavailable")

    await _refused(api, "0483", "Unavailable", inoperative)


@scenario
async def test_tc_048_4_csms(api):
    """ReserveNow answered Rejected (the station is configured not to accept reservations)."""
    await _refused(api, "0484", "Rejected")


@scenario
async def test_tc_049_csms(api):
    """Reserve the whole charge point (connectorId 0, ReserveConnectorZeroSupported true):
    Accepted, and the station's Reserved status is taken."""
    token = tag(api)
    async with station(api, "049") as cs:
        created = await _reserve(api, cs, token, connector_id=0)
        assert created["status"] == "Accepted"
        assert created["reservation"]["status"] == "active"
        await cs.status(1, "Reserved")
        assert connector_status(api, cs.id, 1) == "Reserved"


@scenario
async def test_tc_051_csms(api):
    """Cancel a reservation: CancelReservation with the reservationId ReserveNow had;
    Accepted, Reserved goes back to Available; the reservation shows cancelled."""
    token = tag(api)
    async with station(api, "051") as cs:
        created = await _reserve(api, cs, token)
        reservation_id = created["reservation"]["id"]
        await cs.status(1, "Reserved")
        cancelled = (await api.arequest("DELETE", f"/api/v1/reservations/{reservation_id}")).expect(
            200
        )
        assert cancelled["status"] == "Accepted"
        assert cs.last("CancelReservation") == {"reservationId": reservation_id}
        await cs.status(1, "Available")
        await _shows(api, cs, reservation_id, "cancelled")


@scenario
async def test_tc_052_csms(api):
    """CancelReservation the station does not match (Rejected): the answer reaches the
    operator."""
    token = tag(api)
    async with station(api, "052") as cs:
        created = await _reserve(api, cs, token)
        reservation_id = created["reservation"]["id"]
        cs.replies["CancelReservation"] = {"status": "Rejected"}
        cancelled = (await api.arequest("DELETE", f"/api/v1/reservations/{reservation_id}")).expect(
            200
        )
        assert cancelled["status"] == "Rejected"
        assert cs.last("CancelReservation") == {"reservationId": reservation_id}


@scenario
async def test_tc_053_csms(api):
    """A reservation with a parentIdTag: ReserveNow carries it; another tag of the same
    group is presented, its Authorize is Accepted with that parentIdTag, and its
    StartTransaction with the reservationId is Accepted."""
    parent = tag(api)
    reserved = tag(api, parent_id_tag=parent)
    other = tag(api, parent_id_tag=parent)
    async with station(api, "053") as cs:
        created = await _reserve(api, cs, reserved, parent_id_tag=parent)
        assert created["status"] == "Accepted"
        await cs.status(1, "Reserved")
        info = await cs.authorize(other)
        assert info["status"] == "Accepted" and info["parent_id_tag"] == parent
        await cs.status(1, "Preparing")
        result = await cs.start_transaction(
            1, other, reservation_id=created["reservation"]["id"]
        )
        assert result.id_tag_info["status"] == "Accepted"
        assert result.id_tag_info["parent_id_tag"] == parent
