"""Core, functional block A: security (Basic auth, BasicAuthPassword, TLS, security profiles)."""

import pytest
import websockets

from conformance.octt import PASSWORD, command, connect, pending, scenario, station
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


@pending("no TLS listener: the server has no security profile 2/3 yet")
def test_tc_a_04_csms(api):
    """TLS handshake with the CSMS's server certificate (TLS 1.2 or above, the required
    cipher suites), then Basic auth and an Accepted boot."""


@pending("no TLS listener: the server has no security profile 2/3 yet")
def test_tc_a_06_csms(api):
    """A station offering only a TLS version below 1.2 is refused at the handshake."""


@pending("no TLS listener: raising a station to security profile 2 needs one")
def test_tc_a_19_csms(api):
    """SetNetworkProfile with a higher securityProfile, NetworkConfigurationPriority and a
    reset; the station then reconnects over TLS and boots Accepted."""
