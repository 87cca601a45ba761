"""OCPP 2.0.1 Reservation, functional block H (Part 6 Ed.3: TC_H_01..TC_H_22, CSMS side).
Written against API.md "Operating features" (Reservations). Not part of the Core profile."""

import urllib.parse

from conformance.octt import TOKEN_TYPE, scenario, station, tag
from interop_support import aeventually, new_tag, now_iso, parse_time
from ocpp.v201 import call


async def _reserve(api, cs, token, status="Accepted", **fields) -> dict:
    """POST /api/v1/reservations (the token as the OCTT configures it): 201 with the station's
    answer. ReserveNow carries the reservation's id, the token and its type, the expiry and
    no connectorType unless asked. The reservation."""
    expires_at = now_iso(600)
    body = {
        "station_id": cs.id,
        "id_tag": token,
        "id_token_type": TOKEN_TYPE,
        "expires_at": expires_at,
        **fields,
    }
    created = (await api.arequest("POST", "/api/v1/reservations", body)).expect(201)
    assert created["status"] == status
    reservation = created["reservation"]
    assert reservation["status"] == ("active" if status == "Accepted" else status.lower())
    request = cs.last("ReserveNow")
    assert request["id"] == reservation["id"]
    assert request["idToken"] == {"idToken": token, "type": TOKEN_TYPE}
    assert parse_time(request["expiryDateTime"]) == parse_time(expires_at)
    assert request.get("evseId") == fields.get("evse_id")
    assert request.get("connectorType") == fields.get("connector_type")
    return reservation


async def _shows(api, cs, reservation_id, status) -> dict:
    query = urllib.parse.urlencode({"station_id": cs.id})

    def check():
        [found] = [
            r
            for r in api.get(f"/api/v1/reservations?{query}").expect(200)
            if r["id"] == reservation_id
        ]
        assert found["status"] == status, found
        return found

    return await aeventually(check, timeout=10)


async def _used_by(api, cs, token, reservation):
    """The reserved EVSE is used: Authorize Accepted, a Started TransactionEvent with the
    reservationId Accepted; the reservation shows used, by that transaction."""
    assert (await cs.authorize(token))["status"] == "Accepted"
    tx = cs.transaction(reservation["evse_id"] or 1)
    started = await tx.started(
        "Authorized", tag=token, charging_state="EVConnected", reservation_id=reservation["id"]
    )
    assert started.id_token_info["status"] == "Accepted"
    used = await _shows(api, cs, reservation["id"], "used")
    [record] = [t for t in api.transactions(cs.id) if t["ocpp_transaction_id"] == tx.id]
    assert used["transaction_id"] == record["id"]
    return started


async def _station_update(cs, reservation_id, update):
    await cs.send(
        call.ReservationStatusUpdate(
            reservation_id=reservation_id, reservation_update_status=update
        )
    )


@scenario
async def test_tc_h_01_csms(api):
    """Reserve a specific EVSE for a valid idToken (Accepted, the EVSE Reserved); the token
    starts a transaction with the reservationId."""
    token = tag(api)
    async with station(api, "h01") as cs:
        reservation = await _reserve(api, cs, token, evse_id=1)
        await cs.status(1, "Reserved")
        await _used_by(api, cs, token, reservation)


@scenario
async def test_tc_h_07_csms(api):
    """A reservation of a specific EVSE that is not used: the station ends it
    (ReservationStatusUpdate Expired), the EVSE Available again; it shows expired."""
    token = tag(api)
    async with station(api, "h07") as cs:
        reservation = await _reserve(api, cs, token, evse_id=1)
        await cs.status(1, "Reserved")
        await _station_update(cs, reservation["id"], "Expired")
        await cs.status(1, "Available")
        await _shows(api, cs, reservation["id"], "expired")


@scenario
async def test_tc_h_22_csms(api):
    """The station is configured to reject reservations: ReserveNow answered Rejected; the
    answer reaches the operator and the reservation is recorded rejected."""
    async with station(api, "h22") as cs:
        cs.replies["ReserveNow"] = {"status": "Rejected"}
        await _reserve(api, cs, tag(api), "Rejected", evse_id=1)


@scenario
async def test_tc_h_19_csms(api):
    """Reserve a specific EVSE with a groupIdToken; another token of that group uses it."""
    group = new_tag()
    reserved = tag(api, parent_id_tag=group)
    other = tag(api, parent_id_tag=group)
    async with station(api, "h19") as cs:
        reservation = await _reserve(api, cs, reserved, evse_id=1, parent_id_tag=group)
        assert cs.last("ReserveNow")["groupIdToken"]["idToken"] == group
        await cs.status(1, "Reserved")
        info = await cs.authorize(other)
        assert info["group_id_token"]["id_token"] == group
        started = await _used_by(api, cs, other, reservation)
        assert started.id_token_info["group_id_token"]["id_token"] == group


@scenario
async def test_tc_h_08_csms(api):
    """Reserve an unspecified EVSE (evseId and connectorType omitted): Accepted, then used."""
    token = tag(api)
    async with station(api, "h08") as cs:
        reservation = await _reserve(api, cs, token)
        assert reservation["evse_id"] is None
        await _used_by(api, cs, token, reservation)


@scenario
async def test_tc_h_14_csms(api):
    """As many unspecified reservations as EVSEs (two): both Accepted; a third is answered
    Occupied, and recorded so."""
    async with station(api, "h14") as cs:
        for _ in range(2):
            await _reserve(api, cs, tag(api))
        for evse in (1, 2):
            await cs.status(evse, "Reserved")
        cs.replies["ReserveNow"] = {"status": "Occupied"}
        await _reserve(api, cs, tag(api), "Occupied")


@scenario
async def test_tc_h_15_csms(api):
    """Reserve a connector of a type (connectorType given, evseId omitted): Accepted, used."""
    token = tag(api)
    async with station(api, "h15") as cs:
        reservation = await _reserve(api, cs, token, connector_type="cType2")
        assert reservation["connector_type"] == "cType2"
        await _used_by(api, cs, token, reservation)


@scenario
async def test_tc_h_17_csms(api):
    """Cancel the reservation of an EVSE: CancelReservation with its id, Accepted; the EVSE
    Available again; it shows cancelled."""
    async with station(api, "h17") as cs:
        reservation = await _reserve(api, cs, tag(api), evse_id=1)
        await cs.status(1, "Reserved")
        path = f"/api/v1/reservations/{reservation['id']}"
        cancelled = (await api.arequest("DELETE", path)).expect(200)
        assert cancelled["status"] == "Accepted"
        assert cs.last("CancelReservation") == {"reservationId": reservation["id"]}
        await cs.status(1, "Available")
        await _shows(api, cs, reservation["id"], "cancelled")


@scenario
async def test_tc_h_20_csms(api):
    """The reserved EVSE becomes Faulted and the station removes the reservation
    (ReservationStatusUpdate Removed): acknowledged, and it shows cancelled."""
    async with station(api, "h20") as cs:
        reservation = await _reserve(api, cs, tag(api), evse_id=1)
        await cs.status(1, "Reserved")
        await cs.status(1, "Faulted")
        await _station_update(cs, reservation["id"], "Removed")
        await _shows(api, cs, reservation["id"], "cancelled")
