"""OCPP 1.6 Local Auth List Management profile: GetLocalListVersion and SendLocalList (OCTT 1.6
test case document §3). GetLocalListVersion is the `get-local-list-version` command (the system
also asks for it after a boot); SendLocalList is what the system sends to keep a station's list
in step with the id tags (API.md "Operating features", Local authorization list)."""

import urllib.parse

from conformance.octt16 import (
    command,
    scenario,
    station,
    tag,
)
from interop_support import aeventually

ENABLED = {"LocalAuthListEnabled": "true"}


@scenario
async def test_tc_042_1_csms(api):
    """GetLocalListVersion to a station without a local list: listVersion -1 is taken."""
    async with station(api, "0421") as cs:
        cs.replies["GetLocalListVersion"] = {"list_version": -1}
        reply = await command(api, cs, "get-local-list-version", {})
        assert reply == {"status": "Accepted", "response": {"listVersion": -1}}
        assert cs.last("GetLocalListVersion") == {}


@scenario
async def test_tc_042_2_csms(api):
    """GetLocalListVersion to a station with an empty list: listVersion 0 is taken."""
    async with station(api, "0422") as cs:
        reply = await command(api, cs, "get-local-list-version", {})
        assert reply["response"] == {"listVersion": 0}


def _path(cs) -> str:
    return f"/api/v1/stations/{urllib.parse.quote(cs.id, safe='')}/local-list"


def _local_list(api, cs) -> dict:
    return api.get(_path(cs)).expect(200)


async def _sync(api, cs) -> tuple:
    """POST .../local-list/sync after the system read the configuration (LocalAuthListEnabled
    true): a Full SendLocalList whose every entry carries idTagInfo. The answer and the
    SendLocalList calls it brought."""
    await command(api, cs, "get-configuration", {})
    before = len(cs.calls("SendLocalList"))
    reply = (await api.arequest("POST", _path(cs) + "/sync", {})).expect(200)
    sent = cs.calls("SendLocalList")[before:]
    assert sent, "the sync sent no SendLocalList"
    assert sent[0]["updateType"] == "Full"
    assert sent[0]["listVersion"] > 0
    for request in sent:
        for entry in request.get("localAuthorizationList", []):
            assert "idTagInfo" in entry, entry
    return reply, sent


def _entries(requests) -> dict:
    return {
        entry["idTag"]: entry
        for request in requests
        for entry in request.get("localAuthorizationList", [])
    }


async def _refused_sync(api, label, answer):
    """The station answers the Full update `answer`: it reaches the operator, and the API
    shows the list out of step with that result."""
    tag(api)
    async with station(api, label, config=ENABLED) as cs:
        cs.replies["SendLocalList"] = {"status": answer}
        reply, _ = await _sync(api, cs)
        assert reply["status"] == answer

        def shown():
            shown = _local_list(api, cs)
            assert shown["last_result"] == answer and shown["in_sync"] is False, shown

        await aeventually(shown)


@scenario
async def test_tc_043_1_csms(api):
    """SendLocalList (Full) answered NotSupported: handled, the list shown not in step."""
    await _refused_sync(api, "0431", "NotSupported")


@scenario
async def test_tc_043_3_csms(api):
    """SendLocalList (Full) answered Failed: handled, the list shown not in step."""
    await _refused_sync(api, "0433", "Failed")


@scenario
async def test_tc_043_4_csms(api):
    """A Full SendLocalList: listVersion above 0, every entry with idTagInfo, the tags the
    system knows among them (with their status); Accepted, and the API shows the list in
    step at that version."""
    accepted = tag(api)
    blocked = tag(api, "Blocked")
    async with station(api, "0434", config=ENABLED) as cs:
        reply, sent = await _sync(api, cs)
        assert reply["status"] == "Accepted"
        entries = _entries(sent)
        assert entries[accepted]["idTagInfo"]["status"] == "Accepted"
        assert entries[blocked]["idTagInfo"]["status"] == "Blocked"

        def shown():
            shown = _local_list(api, cs)
            assert shown["enabled"] is True and shown["in_sync"] is True, shown
            assert shown["version"] == sent[-1]["listVersion"]
            assert shown["last_result"] == "Accepted" and shown["entries"] >= 2
            return shown

        await aeventually(shown)


@scenario
async def test_tc_043_5_csms(api):
    """After a Full update, a new id tag reaches the station as a Differential SendLocalList
    with a higher listVersion, every entry with idTagInfo."""
    async with station(api, "0435", config=ENABLED) as cs:
        _, sent = await _sync(api, cs)
        full_version = sent[-1]["listVersion"]
        before = len(cs.calls("SendLocalList"))
        added = tag(api)
        differential = await cs.wait_for_call("SendLocalList", before + 1)
        assert differential["updateType"] == "Differential"
        assert differential["listVersion"] > full_version
        entries = _entries([differential])
        assert entries[added]["idTagInfo"]["status"] == "Accepted"
        for entry in entries.values():
            assert "idTagInfo" in entry, entry
