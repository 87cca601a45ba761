"""Local Authorization List Management (2.0.1 functional block D, D01/D02): the CSMS keeps the
station's list in step with the id tags (API.md "Operating features", Local authorization list):
SendLocalList Full, then Differential updates; GetLocalListVersion is the
`get-local-list-version` command."""

import urllib.parse

from conformance.octt import command, raw_call, scenario, station, tag
from interop_support import aeventually

LIST_VARIABLES = {
    ("LocalAuthListCtrlr", "Enabled"): "true",
    # The server is shared by the whole run and the list carries every tag of every test: room
    # for all of them, so that the Full update is one message.
    ("LocalAuthListCtrlr", "ItemsPerMessage"): "1000",
}


def _read_enabled(get_variable_data, **_):
    """GetVariables as a station with a local list answers it."""
    return {
        "get_variable_result": [
            {
                "attribute_status": "Accepted",
                "attribute_value": LIST_VARIABLES.get(
                    (d["component"]["name"], d["variable"]["name"]), "60"
                ),
                "component": d["component"],
                "variable": d["variable"],
            }
            for d in get_variable_data
        ]
    }


def _path(cs) -> str:
    return f"/api/v1/stations/{urllib.parse.quote(cs.id, safe='')}/local-list"


async def _full(api, cs) -> dict:
    """The CSMS learns that the station has a local list, and sends it Full (forced through the
    API); the SendLocalList the station got."""
    cs.replies["GetVariables"] = _read_enabled
    keys = ["LocalAuthListCtrlr.Enabled", "LocalAuthListCtrlr.ItemsPerMessage"]
    await command(api, cs, "get-configuration", {"keys": keys})
    before = len(cs.calls("SendLocalList"))
    reply = (await api.arequest("POST", _path(cs) + "/sync", {})).expect(200)
    assert reply["status"] == "Accepted", reply
    sent = cs.calls("SendLocalList")[before:]
    # The system may also send a Full of its own once it reads that the list is enabled, and
    # that one may arrive after `before` was taken: the forced one is the last Full.
    fulls = [request for request in sent if request["updateType"] == "Full"]
    assert fulls, sent
    return fulls[-1]


def _tokens(request: dict) -> dict:
    return {e["idToken"]["idToken"]: e for e in request.get("localAuthorizationList", [])}


@scenario
async def test_tc_d_01_csms(api):
    """SendLocalList Full: versionNumber above 0, a list that is not empty, every entry with
    its idTokenInfo; the API then shows the list in step."""
    accepted = tag(api)
    blocked = tag(api, "Blocked")
    async with station(api, "d01") as cs:
        full = await _full(api, cs)
        assert full["updateType"] == "Full"
        assert full["versionNumber"] > 0
        entries = _tokens(full)
        assert entries[accepted]["idTokenInfo"]["status"] == "Accepted"
        assert entries[blocked]["idTokenInfo"]["status"] == "Blocked"
        assert entries[accepted]["idToken"]["type"] == "ISO14443"
        assert all("idTokenInfo" in e for e in entries.values())

        def shown():
            shown = api.get(_path(cs)).expect(200)
            assert shown["in_sync"] is True and shown["version"] == full["versionNumber"], shown

        await aeventually(shown)


@scenario
async def test_tc_d_02_csms(api):
    """A new id token reaches the station as a Differential update with a higher
    versionNumber and the token's idTokenInfo."""
    async with station(api, "d02") as cs:
        full = await _full(api, cs)
        before = len(cs.calls("SendLocalList"))
        added = tag(api)
        update = await cs.wait_for_call("SendLocalList", before + 1)
        assert update["updateType"] == "Differential"
        assert update["versionNumber"] > full["versionNumber"]
        assert _tokens(update)[added]["idTokenInfo"]["status"] == "Accepted"


@scenario
async def test_tc_d_03_csms(api):
    """A deleted id token is removed with a Differential update whose entry has no
    idTokenInfo."""
    removed = tag(api)
    async with station(api, "d03") as cs:
        full = await _full(api, cs)
        assert removed in _tokens(full)
        before = len(cs.calls("SendLocalList"))
        api.request("DELETE", f"/api/v1/id-tags/{urllib.parse.quote(removed)}").expect(204)

        def removal_sent():
            for update in cs.calls("SendLocalList")[before:]:
                entry = _tokens(update).get(removed)
                if entry is not None:
                    return update, entry
            raise AssertionError("no update names the deleted token yet")

        update, entry = await aeventually(removal_sent)
        assert update["updateType"] == "Differential"
        assert update["versionNumber"] > full["versionNumber"]
        assert "idTokenInfo" not in entry


@scenario
async def test_tc_d_04_csms(api):
    """SendLocalList Full with an empty list (the station's list emptied). The system's own
    Full updates carry every tag, so the operator sends this one as a raw call."""
    async with station(api, "d04") as cs:
        answer = await raw_call(
            api, cs, "SendLocalList", {"versionNumber": 1, "updateType": "Full"}
        )
        assert answer == {"status": "Accepted"}
        sent = cs.last("SendLocalList")
        assert sent["updateType"] == "Full"
        assert not sent.get("localAuthorizationList")


@scenario
async def test_tc_d_08_csms(api):
    """GetLocalListVersion: the station's versionNumber comes back to the operator."""
    async with station(api, "d08") as cs:
        cs.replies["GetLocalListVersion"] = {"version_number": 5}
        reply = await command(api, cs, "get-local-list-version", {})
        assert reply == {"status": "Accepted", "response": {"versionNumber": 5}}


@scenario
async def test_tc_d_09_csms(api):
    """GetLocalListVersion of a station without a list: versionNumber 0."""
    async with station(api, "d09") as cs:
        reply = await command(api, cs, "get-local-list-version", {})
        assert reply["response"] == {"versionNumber": 0}
