"""What the 1.6 and the 2.0.1 OCTT stations share (octt16.py, octt.py).

The OCTT plays the station against the CSMS; both of ours are `ocpp` library ChargePoints
(every frame either way is checked against the official schemas) that answer each CSMS request
with a reply the test can set (`station.replies[action]`), keep every frame, and report what
the CSMS sent (`Recorded`). `connect` opens, serves and boots one; `scenario` turns an
`async def test(api)` into a pytest test; `pending` and `server_bug` mark cases the server
cannot pass yet.
"""

import asyncio
import functools
from contextlib import asynccontextmanager
from typing import Any, Callable, Optional, Union

import pytest
import websockets
from ocpp.charge_point import ChargePoint
from ocpp.routing import on

import tls_support
from interop_support import (
    Api,
    RecordingConnection,
    aeventually,
    new_station_id,
    new_tag,
    open_ws,
    q,
    run,
)

Reply = Union[dict, Callable[..., dict]]


class Recorded:
    """For a ChargePoint whose connection is a RecordingConnection (`self.recorder`): what
    the server sent, and one way to send that fails loudly."""

    recorder: RecordingConnection

    def calls(self, action: str) -> list:
        """Payloads (as sent, camelCase) of the server's CALLs with this action, oldest first."""
        return [
            f[3]
            for f in self.recorder.received
            if isinstance(f, list) and len(f) == 4 and f[0] == 2 and f[2] == action
        ]

    def last(self, action: str) -> dict:
        sent = self.calls(action)
        assert sent, f"the server sent no {action}"
        return sent[-1]

    def call_errors_sent(self) -> list:
        return [f for f in self.recorder.sent if isinstance(f, list) and f and f[0] == 4]

    async def wait_for_call(self, action: str, count: int = 1, timeout: float = 10) -> dict:
        """The `count`-th CALL of `action`, once it arrived and the station answered it (for
        requests made in a task): what the station does next comes after its answer, as on a
        real station."""

        def arrived():
            frames = [
                f
                for f in self.recorder.received
                if isinstance(f, list) and len(f) == 4 and f[0] == 2 and f[2] == action
            ]
            assert len(frames) >= count, f"no {action} yet"
            unique_id = frames[count - 1][1]
            answered = any(
                isinstance(f, list) and len(f) >= 3 and f[0] in (3, 4) and f[1] == unique_id
                for f in self.recorder.sent
            )
            assert answered, f"{action} not answered yet"
            return frames[count - 1][3]

        return await aeventually(arrived, timeout=timeout)

    async def send(self, request):
        """A CALL; raises if the server answers with a CALLERROR or a schema-invalid payload."""
        return await self.call(request, suppress=False)  # type: ignore[attr-defined]


def install_replies(cls: type, call_result: Any, defaults: dict) -> None:
    """Give `cls` an @on handler for every action in `defaults`, answering
    `self.replies.get(action, defaults[action])`: a payload (snake_case) or a function of the
    request's fields returning one.

    The library finds handlers by the name the function had when decorated, so each gets its
    final name (the attribute it is set as) first.
    """

    def handler(action: str):
        async def handle(self, **fields):
            reply: Reply = self.replies.get(action, defaults[action])
            payload = reply(**fields) if callable(reply) else reply
            return getattr(call_result, action)(**payload)

        handle.__name__ = handle.__qualname__ = f"on_{action}"
        return on(action)(handle)

    for action in defaults:
        setattr(cls, f"on_{action}", handler(action))


async def _serve(station: ChargePoint) -> None:
    try:
        await station.start()
    except websockets.ConnectionClosed:
        pass


@asynccontextmanager
async def connect(
    api: Api,
    station_id: str,
    *,
    cls: type,
    subprotocol: str,
    boot: Optional[str] = "Accepted",
    password: Optional[str] = None,
    allowed_call_errors: int = 0,
    tls: Optional[dict] = None,
):
    """A connected `cls` station; booted (expecting `boot` as the answer) unless `boot` is
    None. `cls(station_id, connection)` must have an async `boot()`. `tls`: connect over
    wss:// instead, with these `tls_support.open_wss` arguments (`{}` for profile 2).

    On the way out it checks that the station answered none of the server's CALLs with a
    CALLERROR: each one passed the library's schema validation.
    """
    if tls is None:
        ws = await open_ws(api, station_id, password=password, subprotocols=(subprotocol,))
    else:
        ws = await tls_support.open_wss(
            station_id, password=password, subprotocols=(subprotocol,), **tls
        )
    assert ws.subprotocol == subprotocol, f"negotiated {ws.subprotocol!r}"
    station = cls(station_id, RecordingConnection(ws))
    serving = asyncio.create_task(_serve(station))
    try:
        if boot is not None:
            result = await station.boot()
            assert result.status == boot, result
            assert result.interval > 0
        yield station
        errors = station.call_errors_sent()
        assert len(errors) <= allowed_call_errors, f"CALLERRORs to the server's CALLs: {errors}"
    finally:
        serving.cancel()
        await ws.close()
        try:
            await serving
        except asyncio.CancelledError:
            pass


def register(api: Api, label: str, **fields) -> str:
    """A freshly registered station id (`fields` as for PUT /stations)."""
    station_id = new_station_id(label)
    api.register_station(station_id, **fields)
    return station_id


def tag(api: Api, status: str = "Accepted", **fields) -> str:
    """A fresh id token the CSMS knows with this status."""
    return api.register_tag(new_tag(), status, **fields)


async def command(api: Api, cs: Any, name: str, body: Any, query: str = "") -> dict:
    """An operator command through the API; the 200 body (`status`, `response`)."""
    return (await api.command(cs.id, name, body, query)).expect(200)


async def raw_call(api: Api, cs: Any, action: str, payload: dict) -> dict:
    """A CALL sent as is through the raw endpoint; the station's answer payload."""
    return (await api.raw_call(cs.id, action, payload)).expect(200)["result"]


def connector_status(api: Api, station_id: str, evse_id: int, connector_id: int = 1) -> str:
    listed = api.get(f"/api/v1/stations/{q(station_id)}").expect(200)["connectors"]
    return {(c["evse_id"], c["connector_id"]): c["status"] for c in listed}[(evse_id, connector_id)]


def scenario(test: Callable) -> Callable:
    """`async def test_x(api)` → a pytest test running it with the suite's time limit."""

    @functools.wraps(test)
    def run_it(api):
        run(test(api), timeout=30)

    return run_it


def pending(reason: str):
    """A case the server cannot pass yet for want of a feature (skipped, with the reason)."""
    return pytest.mark.skip(reason=f"pending: {reason}")


def server_bug(reason: str):
    """A case the server fails: it must keep failing until fixed (strict xfail)."""
    return pytest.mark.xfail(strict=True, reason=f"server bug: {reason}")
