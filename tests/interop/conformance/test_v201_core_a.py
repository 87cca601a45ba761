"""Core, functional block A: security (Basic auth, BasicAuthPassword, TLS, security profiles)."""

import asyncio
import ssl
import urllib.parse

import pytest
import websockets

import tls_support
from conformance.octt import PASSWORD, command, connect, raw_call, register, scenario, station
from interop_support import new_station_id, open_ws


async def _refused(api, station_id, **kw) -> int:
    """The HTTP status with which the CSMS refuses the WebSocket handshake."""
    with pytest.raises(websockets.InvalidStatus) as refused:
        ws = await open_ws(api, station_id, subprotocols=("ocpp2.0.1",), **kw)
        await ws.close()
    return refused.value.response.status_code


@scenario
async def test_tc_a_01_csms(api):
    """Basic auth with the station id as user and the right password: the connection is
    accepted and so is the BootNotification."""
    async with station(api, "a01", password=PASSWORD) as cs:
        assert api.station(cs.id)["connected"] is True


@scenario
async def test_tc_a_02_csms(api):
    """Basic auth whose user name is not the station id: the handshake is refused."""
    station_id = new_station_id("a02")
    api.register_station(station_id, password=PASSWORD)
    status = await _refused(api, station_id, password=PASSWORD, user=new_station_id("other"))
    assert status == 401
    assert api.station(station_id)["connected"] is False


@scenario
async def test_tc_a_03_csms(api):
    """Basic auth with a wrong password: the handshake is refused."""
    station_id = new_station_id("a03")
    api.register_station(station_id, password=PASSWORD)
    assert await _refused(api, station_id, password=PASSWORD[::-1]) == 401


async def _set_password(api, label, answer):
    """SetVariables SecurityCtrlr.BasicAuthPassword; after the station reconnects, the
    password it then uses is let in and its boot Accepted."""
    new_password = "conformance-new-pass-42"
    station_id = new_station_id(label)
    api.register_station(station_id, password=PASSWORD)
    async with connect(api, station_id, password=PASSWORD) as cs:
        cs.replies["SetVariables"] = lambda set_variable_data, **_: {
            "set_variable_result": [
                {
                    "attribute_status": answer,
                    "component": d["component"],
                    "variable": d["variable"],
                }
                for d in set_variable_data
            ]
        }
        reply = await command(
            api,
            cs,
            "change-configuration",
            {"key": "SecurityCtrlr.BasicAuthPassword", "value": new_password},
        )
        assert reply["status"] == answer
        [datum] = cs.last("SetVariables")["setVariableData"]
        assert datum["component"] == {"name": "SecurityCtrlr"}
        assert datum["variable"] == {"name": "BasicAuthPassword"}
        assert datum["attributeValue"] == new_password
    # The CSMS itself puts the accepted password in force (OCPP-RULES.md §7.2); the
    # rejected one changes nothing.
    in_use = new_password if answer == "Accepted" else PASSWORD
    async with connect(api, station_id, password=in_use):
        pass
    other = PASSWORD if answer == "Accepted" else new_password
    assert await _refused(api, station_id, password=other) == 401


@scenario
async def test_tc_a_09_csms(api):
    """New BasicAuthPassword accepted by the station: it reconnects with the new one and
    boots Accepted (the old one no longer gets in)."""
    await _set_password(api, "a09", "Accepted")


@scenario
async def test_tc_a_10_csms(api):
    """New BasicAuthPassword rejected by the station: it reconnects with the old one and
    boots Accepted."""
    await _set_password(api, "a10", "Rejected")


async def _tls_handshake(ctx: ssl.SSLContext) -> tuple:
    """(version, cipher) the CSMS's TLS listener agrees to with this client context."""
    url = urllib.parse.urlsplit(tls_support.wss_url("x"))
    _, writer = await asyncio.open_connection(url.hostname, url.port, ssl=ctx)
    try:
        tls = writer.get_extra_info("ssl_object")
        return tls.version(), tls.cipher()[0]
    finally:
        writer.close()


@scenario
async def test_tc_a_04_csms(api):
    """TLS handshake with the CSMS's server certificate (TLS 1.2 or above, the required
    cipher suites), then Basic auth and an Accepted boot."""
    station_id = register(api, "a04", password=PASSWORD, security_profile=2)
    # A00.FR.318: the two ECDHE-ECDSA suites over TLS 1.2 (the CSMS's ECDSA certificate).
    # The two TLS_RSA_WITH_AES_*_GCM suites are not offered: rustls has no key exchange
    # without forward secrecy (README, "Security profiles").
    for suite in ("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384"):
        ctx = tls_support.context(maximum=ssl.TLSVersion.TLSv1_2, ciphers=suite)
        assert await _tls_handshake(ctx) == ("TLSv1.2", suite)
    # A station with an RSA-only TLS 1.2 stack gets the CSMS's RSA certificate.
    ctx = tls_support.context(maximum=ssl.TLSVersion.TLSv1_2, ciphers="ECDHE-RSA-AES128-GCM-SHA256")
    assert await _tls_handshake(ctx) == ("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256")
    async with connect(api, station_id, password=PASSWORD, tls={}) as cs:
        assert api.station(cs.id)["connected"] is True
    # Basic auth is still asked for over TLS, and plain ws:// is closed to a profile-2
    # station (A00.FR.001/002).
    with pytest.raises(websockets.InvalidStatus) as refused:
        ws = await tls_support.open_wss(
            station_id, password=PASSWORD[::-1], subprotocols=("ocpp2.0.1",)
        )
        await ws.close()
    assert refused.value.response.status_code == 401
    assert await _refused(api, station_id, password=PASSWORD) == 403


@scenario
async def test_tc_a_06_csms(api):
    """A station offering only a TLS version below 1.2 is refused at the handshake."""
    station_id = register(api, "a06", password=PASSWORD, security_profile=2)
    for version in (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1):
        ctx = tls_support.context(maximum=version)
        with pytest.raises(ssl.SSLError) as refused:
            ws = await tls_support.open_wss(
                station_id, password=PASSWORD, subprotocols=("ocpp2.0.1",), ssl_context=ctx
            )
            await ws.close()
        # The CSMS's fatal alert (handshake_failure: an old stack sends no
        # signature_algorithms), not a local refusal to send the old ClientHello.
        assert "ALERT" in str(refused.value).upper(), refused.value
    assert api.station(station_id)["connected"] is False


@scenario
async def test_tc_a_19_csms(api):
    """SetNetworkProfile with a higher securityProfile, NetworkConfigurationPriority and a
    reset; the station then reconnects over TLS and boots Accepted."""
    station_id = register(api, "a19", password=PASSWORD)
    csms_url = tls_support.wss_url(station_id).rsplit("/", 1)[0] + "/"
    async with connect(api, station_id, password=PASSWORD) as cs:
        data = {
            "configurationSlot": 1,
            "connectionData": {
                "ocppVersion": "OCPP20",
                "ocppTransport": "JSON",
                "ocppCsmsUrl": csms_url,
                "messageTimeout": 30,
                "securityProfile": 2,
                "ocppInterface": "Wired0",
            },
        }
        assert await raw_call(api, cs, "SetNetworkProfile", data) == {"status": "Accepted"}
        assert cs.last("SetNetworkProfile") == data
        reply = await command(
            api,
            cs,
            "change-configuration",
            {"key": "OCPPCommCtrlr.NetworkConfigurationPriority", "value": "1"},
        )
        assert reply["status"] == "Accepted"
        reply = await command(api, cs, "reset", {"type": "Hard"})
        assert reply["status"] == "Accepted"
    # The station comes back over wss:// with its password (profile 2) and boots Accepted.
    async with connect(api, station_id, password=PASSWORD, tls={}) as cs:
        assert api.station(cs.id)["connected"] is True
    # The operator then pins the registration to profile 2: no way back to ws:// (A00.FR.005).
    assert api.register_station(station_id, security_profile=2)["security_profile"] == 2
    assert await _refused(api, station_id, password=PASSWORD) == 403
    async with connect(api, station_id, password=PASSWORD, tls={}):
        pass
