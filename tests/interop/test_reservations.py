"""Reservations (API.md "Reservations") with `ocpp` library stations, 1.6 and 2.0.1.

The library validates every ReserveNow and CancelReservation the server sends against the
official schemas (an invalid one would be answered with a CALLERROR, which the API reports as
502). The station's recorded frames show exactly what it got; the API shows what the system
made of the answers and of the transaction that uses the reservation.
"""

import asyncio
import urllib.parse

from ocpp.routing import on
from ocpp.v16 import call as call16
from ocpp.v16 import call_result as result16
from ocpp.v201 import ChargePoint as ChargePoint201
from ocpp.v201 import call as call201
from ocpp.v201 import call_result as result201

from interop_support import (
    InteropStation,
    RecordingConnection,
    connected,
    new_station_id,
    new_tag,
    now_iso,
    open_ws,
    run,
    same_instant,
)
from test_v201 import serve


async def reserve(api, body, expect=201):
    return (await api.arequest("POST", "/api/v1/reservations", body)).expect(expect)


def reservation(api, reservation_id):
    return api.get(f"/api/v1/reservations/{reservation_id}").expect(200)


def listed(api, **filters):
    query = urllib.parse.urlencode(filters)
    return api.get(f"/api/v1/reservations?{query}").expect(200)


class ReservingStation16(InteropStation):
    """A 1.6 station that answers ReserveNow as told and cancels what it holds."""

    def __init__(self, station_id, connection):
        super().__init__(station_id, connection)
        self.reserve_answer = "Accepted"
        self.held = set()

    @on("ReserveNow")
    async def on_reserve_now(self, connector_id, expiry_date, id_tag, reservation_id, **kwargs):
        if self.reserve_answer == "Accepted":
            self.held.add(reservation_id)
        return result16.ReserveNow(status=self.reserve_answer)

    @on("CancelReservation")
    async def on_cancel_reservation(self, reservation_id, **kwargs):
        if reservation_id in self.held:
            self.held.discard(reservation_id)
            return result16.CancelReservation(status="Accepted")
        return result16.CancelReservation(status="Rejected")


def test_reservations_on_a_1_6_station(api):
    station_id = new_station_id("res16")
    api.register_station(station_id)
    tag = api.register_tag(new_tag())
    parent = api.register_tag(new_tag())
    expires_at = now_iso(3600)

    async def scenario():
        async with connected(api, station_id, cls=ReservingStation16) as cp:
            for connector in (0, 1, 2):
                await cp.status(connector, "Available")

            # TC_046: reserve connector 1, then a transaction that carries the reservationId.
            created = await reserve(
                api,
                {
                    "station_id": station_id,
                    "connector_id": 1,
                    "id_tag": tag,
                    "parent_id_tag": parent,
                    "expires_at": expires_at,
                },
            )
            assert created["status"] == "Accepted"
            assert created["response"] == {"status": "Accepted"}
            booked = created["reservation"]
            assert booked["status"] == "active"
            assert (booked["station_id"], booked["connector_id"]) == (station_id, 1)
            assert same_instant(booked["expires_at"], expires_at)
            [sent] = cp.calls_received("ReserveNow")
            assert sent["reservationId"] == booked["id"]
            assert (sent["connectorId"], sent["idTag"], sent["parentIdTag"]) == (1, tag, parent)
            assert same_instant(sent["expiryDate"], expires_at)

            # TC_053: another tag of the parent's group is accepted with that parent.
            sibling = api.register_tag(new_tag(), parent_id_tag=parent)
            auth = await cp.send(call16.Authorize(id_tag=sibling))
            assert auth.id_tag_info["status"] == "Accepted"
            assert auth.id_tag_info["parent_id_tag"] == parent

            await cp.status(1, "Reserved")
            await cp.status(1, "Preparing")
            at = now_iso()
            started = await cp.start_transaction(
                1, tag, reservation_id=booked["id"], timestamp=at, meter_start=100
            )
            assert started.id_tag_info["status"] == "Accepted"
            used = reservation(api, booked["id"])
            assert used["status"] == "used"
            assert used["transaction_id"] == started.transaction_id
            # A replayed start (same content, new message id) is the same transaction.
            again = await cp.start_transaction(
                1, tag, reservation_id=booked["id"], timestamp=at, meter_start=100
            )
            assert again.transaction_id == started.transaction_id
            assert reservation(api, booked["id"]) == used
            # It is used: no cancelling it any more.
            gone = await api.arequest("DELETE", f"/api/v1/reservations/{booked['id']}")
            assert gone.expect(409)["error"]["code"] == "conflict"
            await cp.stop_transaction(started.transaction_id)

            # TC_048_x: each refusal is recorded as what the station said.
            for answer in ("Faulted", "Occupied", "Unavailable", "Rejected"):
                cp.reserve_answer = answer
                refused = await reserve(
                    api,
                    {
                        "station_id": station_id,
                        "connector_id": 2,
                        "id_tag": tag,
                        "expires_at": now_iso(600),
                    },
                )
                assert refused["status"] == answer
                assert refused["reservation"]["status"] == answer.lower()

            # TC_049 and TC_051: the whole charge point, then cancelled.
            cp.reserve_answer = "Accepted"
            whole = await reserve(
                api, {"station_id": station_id, "id_tag": tag, "expires_at": now_iso(600)}
            )
            whole_id = whole["reservation"]["id"]
            assert whole["reservation"]["connector_id"] == 0
            assert cp.calls_received("ReserveNow")[-1]["connectorId"] == 0
            cancelled = (
                await api.arequest("DELETE", f"/api/v1/reservations/{whole_id}")
            ).expect(200)
            assert cancelled["status"] == "Accepted"
            assert cancelled["reservation"]["status"] == "cancelled"
            assert cp.calls_received("CancelReservation") == [{"reservationId": whole_id}]
            again = await api.arequest("DELETE", f"/api/v1/reservations/{whole_id}")
            assert again.expect(409)["error"]["code"] == "conflict"

    run(scenario())

    mine = listed(api, station_id=station_id)
    assert [r["status"] for r in mine] == [
        "cancelled",
        "rejected",
        "unavailable",
        "occupied",
        "faulted",
        "used",
    ]
    assert [r["id"] for r in listed(api, station_id=station_id, status="used")] == [mine[-1]["id"]]
    assert not listed(api, station_id=station_id, status="active")


class ReservingStation201(ChargePoint201):
    """A 2.0.1 station that answers ReserveNow as told and cancels what it holds."""

    def __init__(self, station_id, connection):
        super().__init__(station_id, connection)
        self.recorder = connection
        self.reserve_answer = "Accepted"
        self.held = set()

    @on("ReserveNow")
    async def on_reserve_now(self, id, expiry_date_time, id_token, **kwargs):
        if self.reserve_answer == "Accepted":
            self.held.add(id)
        return result201.ReserveNow(status=self.reserve_answer)

    @on("CancelReservation")
    async def on_cancel_reservation(self, reservation_id, **kwargs):
        if reservation_id in self.held:
            self.held.discard(reservation_id)
            return result201.CancelReservation(status="Accepted")
        return result201.CancelReservation(status="Rejected")

    def calls_received(self, action):
        return [
            f[3]
            for f in self.recorder.received
            if isinstance(f, list) and len(f) == 4 and f[0] == 2 and f[2] == action
        ]


def test_reservations_on_a_2_0_1_station(api):
    station_id = new_station_id("res201")
    api.register_station(station_id)
    tag = api.register_tag(new_tag())
    group = api.register_tag(new_tag())
    tx_id = f"tx-{station_id[-8:]}"
    expires_at = now_iso(3600)

    async def scenario():
        ws = await open_ws(api, station_id, subprotocols=("ocpp2.0.1",))
        assert ws.subprotocol == "ocpp2.0.1", ws.subprotocol
        cp = ReservingStation201(station_id, RecordingConnection(ws))
        serving = asyncio.create_task(serve(cp))
        try:
            boot = await cp.call(
                call201.BootNotification(
                    charging_station={"model": "Interop", "vendor_name": "Switchyard"},
                    reason="PowerUp",
                )
            )
            assert boot.status == "Accepted"

            # TC_H_01 / TC_H_19: a specific EVSE, with a group id token.
            created = await reserve(
                api,
                {
                    "station_id": station_id,
                    "evse_id": 1,
                    "id_tag": tag,
                    "parent_id_tag": group,
                    "expires_at": expires_at,
                    "id_token_type": "ISO14443",
                },
            )
            assert created["status"] == "Accepted"
            booked = created["reservation"]
            assert (booked["evse_id"], booked["connector_id"]) == (1, 0)
            assert booked["status"] == "active"
            [sent] = cp.calls_received("ReserveNow")
            assert sent["id"] == booked["id"]
            assert sent["evseId"] == 1
            assert sent["idToken"] == {"idToken": tag, "type": "ISO14443"}
            assert sent["groupIdToken"] == {"idToken": group, "type": "Central"}
            assert "connectorType" not in sent
            assert same_instant(sent["expiryDateTime"], expires_at)

            at = now_iso()
            started = call201.TransactionEvent(
                event_type="Started",
                timestamp=at,
                trigger_reason="Authorized",
                seq_no=0,
                transaction_info={"transaction_id": tx_id},
                id_token={"id_token": tag, "type": "ISO14443"},
                evse={"id": 1, "connector_id": 1},
                reservation_id=booked["id"],
            )
            answer = await cp.call(started)
            assert answer.id_token_info["status"] == "Accepted"
            [tx] = api.transactions(station_id)
            used = reservation(api, booked["id"])
            assert used["status"] == "used"
            assert used["transaction_id"] == tx["id"]
            await cp.call(started)  # replayed: nothing changes
            assert reservation(api, booked["id"]) == used

            # TC_H_08: any EVSE; the answer Occupied is kept.
            cp.reserve_answer = "Occupied"
            refused = await reserve(
                api, {"station_id": station_id, "id_tag": tag, "expires_at": now_iso(600)}
            )
            assert refused["reservation"]["status"] == "occupied"
            assert "evseId" not in cp.calls_received("ReserveNow")[-1]

            # TC_H_07 / TC_H_20: the station ends reservations itself (ReservationStatusUpdate).
            cp.reserve_answer = "Accepted"
            ended = {}
            for update in ("Expired", "Removed"):
                made = await reserve(
                    api,
                    {
                        "station_id": station_id,
                        "evse_id": 2,
                        "id_tag": tag,
                        "expires_at": now_iso(600),
                    },
                )
                ended[update] = made["reservation"]["id"]
                await cp.call(
                    call201.ReservationStatusUpdate(
                        reservation_id=ended[update], reservation_update_status=update
                    )
                )
            # Acknowledged only once stored: readable at once.
            assert reservation(api, ended["Expired"])["status"] == "expired"
            assert reservation(api, ended["Removed"])["status"] == "cancelled"

            # TC_H_15: a connector type, no EVSE; then TC_H_17: cancelled through the API.
            made = await reserve(
                api,
                {
                    "station_id": station_id,
                    "connector_type": "cType2",
                    "id_tag": tag,
                    "expires_at": now_iso(600),
                },
            )
            reservation_id = made["reservation"]["id"]
            assert made["reservation"]["connector_type"] == "cType2"
            by_type = cp.calls_received("ReserveNow")[-1]
            assert by_type["connectorType"] == "cType2" and "evseId" not in by_type
            cancelled = (
                await api.arequest("DELETE", f"/api/v1/reservations/{reservation_id}")
            ).expect(200)
            assert cancelled["status"] == "Accepted"
            assert cancelled["reservation"]["status"] == "cancelled"
            assert cp.calls_received("CancelReservation") == [{"reservationId": reservation_id}]

            # The system's own calls after boot (reports, local list) are not this test's.
            ours = {
                f[1]
                for f in cp.recorder.received
                if isinstance(f, list) and f[0] == 2 and f[2] in ("ReserveNow", "CancelReservation")
            }
            errors = [f for f in cp.recorder.sent if isinstance(f, list) and f[0] == 4 and f[1] in ours]
            assert not errors, f"the station refused reservation CALLs: {errors}"
        finally:
            serving.cancel()
            await ws.close()

    run(scenario())
    assert not listed(api, station_id=station_id, status="active")
    assert len(listed(api, station_id=station_id, status="cancelled")) == 2
