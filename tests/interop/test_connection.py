"""The WebSocket handshake: security profile 1 (Basic auth), unknown stations, subprotocols."""

import asyncio

import pytest
import websockets
from ocpp.v16 import call

from interop_support import connected, new_station_id, open_ws, run

PASSWORD = "0123456789abcdefABCD"  # 20 characters: a 1.6 AuthorizationKey's size


async def refused_status(api, station_id, **kw) -> int:
    """The HTTP status with which the server refuses the handshake."""
    with pytest.raises(websockets.InvalidStatus) as refused:
        ws = await open_ws(api, station_id, **kw)
        await ws.close()
    return refused.value.response.status_code


def test_basic_auth(api):
    station_id = new_station_id("auth")
    api.register_station(station_id, password=PASSWORD)

    async def scenario():
        async with connected(api, station_id, password=PASSWORD) as cp:
            await cp.send(call.Heartbeat())
            assert api.station(station_id)["connected"] is True

        assert await refused_status(api, station_id, password=PASSWORD + "x") == 401
        assert await refused_status(api, station_id, password="") == 401
        assert await refused_status(api, station_id) == 401, "no credentials at all"
        # A00.FR.207: the user name must be the station id.
        other = new_station_id("other")
        assert await refused_status(api, station_id, password=PASSWORD, user=other) == 401

    run(scenario())

    # A cleared password lets the station in without Basic auth (profile 0).
    api.register_station(station_id, password=None)

    async def without_password():
        async with connected(api, station_id) as cp:
            await cp.send(call.Heartbeat())

    run(without_password())


def test_unregistered_station_is_refused(api):
    async def scenario():
        assert await refused_status(api, new_station_id("unknown")) == 404

    run(scenario())


@pytest.mark.parametrize(
    "offered",
    [["ocpp1.6"], ["ocpp1.5", "ocpp1.6"], ["ocpp1.6", "ocpp2.0.1"]],
    ids=["only-1.6", "1.6-second", "1.6-first"],
)
def test_subprotocol_negotiation(api, offered):
    station_id = new_station_id("proto")
    api.register_station(station_id)

    async def scenario():
        ws = await open_ws(api, station_id, subprotocols=offered)
        try:
            assert ws.subprotocol == "ocpp1.6"
        finally:
            await ws.close()
        async with connected(api, station_id) as cp:
            assert cp.recorder.ws.subprotocol == "ocpp1.6"
            await cp.send(call.Heartbeat())
            assert api.station(station_id)["protocol"] == "ocpp1.6"

    run(scenario())


def test_no_supported_subprotocol(api):
    """J16 §3.2: the handshake completes without a subprotocol, then the server closes."""
    station_id = new_station_id("noproto")
    api.register_station(station_id)

    async def scenario():
        ws = await open_ws(api, station_id, subprotocols=["ocpp1.2", "chat"])
        try:
            assert ws.subprotocol is None
            with pytest.raises(websockets.ConnectionClosed):
                await asyncio.wait_for(ws.recv(), 5)
        finally:
            await ws.close()

    run(scenario())
