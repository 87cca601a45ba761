"""Core, functional block C: authorization (Authorize, group id, master pass, cache)."""

from conformance.octt import charging, command, scenario, station, stored, tag
from interop_support import new_tag, now_iso


async def _authorize_refused(api, label, token, allowed):
    """A local start that the CSMS refuses: Authorize answered with one of `allowed`, and no
    transaction follows."""
    async with station(api, label) as cs:
        info = await cs.authorize(token)
        assert info["status"] in allowed, info
    assert api.transactions(cs.id) == []


@scenario
async def test_tc_c_02_csms(api):
    """Authorize with a token the CSMS does not know: Invalid or Unknown."""
    await _authorize_refused(api, "c02", new_tag(), ("Invalid", "Unknown"))


@scenario
async def test_tc_c_06_csms(api):
    """Authorize with a blocked token: Blocked (or Invalid)."""
    await _authorize_refused(api, "c06", tag(api, "Blocked"), ("Blocked", "Invalid"))


@scenario
async def test_tc_c_07_csms(api):
    """Authorize with a token whose validity has run out: Expired (or Invalid)."""
    token = tag(api, "Accepted", expiry_date=now_iso(-3600))
    await _authorize_refused(api, "c07", token, ("Expired", "Invalid"))


@scenario
async def test_tc_c_39_csms(api):
    """A token of a group: Authorize and the Started TransactionEvent are Accepted and carry
    the group's groupIdToken."""
    group = new_tag()
    token = tag(api, parent_id_tag=group)
    async with station(api, "c39") as cs:
        info = await cs.authorize(token)
        assert info["status"] == "Accepted"
        assert info["group_id_token"]["id_token"] == group
        tx = cs.transaction()
        started = await tx.started("Authorized", tag=token, charging_state="EVConnected")
        assert started.id_token_info["status"] == "Accepted"
        assert started.id_token_info["group_id_token"]["id_token"] == group


async def _master_pass(api, label, stop_both):
    """Two transactions run; a master pass (a token of the MasterPassGroupId group) is
    presented; the station stops one or both (stoppedReason MasterPass)."""
    master_group = new_tag()
    master = tag(api, parent_id_tag=master_group)
    async with station(api, label) as cs:
        txs = [await charging(cs, tag(api), evse) for evse in (1, 2)]
        info = await cs.authorize(master)
        assert info["status"] == "Accepted"
        assert info["group_id_token"]["id_token"] == master_group
        for tx in txs if stop_both else txs[:1]:
            ended = await tx.ended("StopAuthorized", "MasterPass", tag=master, meter=1300)
            assert ended.id_token_info["status"] == "Accepted"
    reasons = [stored(api, cs, tx)["stop_reason"] for tx in txs]
    assert reasons == (["MasterPass", "MasterPass"] if stop_both else ["MasterPass", None])


@scenario
async def test_tc_c_47_csms(api):
    """Master pass with UI, all transactions: the master token is Accepted with the master
    group, and both Ended events (MasterPass) are taken."""
    await _master_pass(api, "c47", stop_both=True)


@scenario
async def test_tc_c_48_csms(api):
    """Master pass with UI, one chosen transaction: that one ends, the other goes on."""
    await _master_pass(api, "c48", stop_both=False)


@scenario
async def test_tc_c_49_csms(api):
    """Master pass without UI: all transactions end (MasterPass)."""
    await _master_pass(api, "c49", stop_both=True)


async def _clear_cache(api, label, answer):
    async with station(api, label) as cs:
        cs.replies["ClearCache"] = {"status": answer}
        reply = await command(api, cs, "clear-cache", {})
        assert reply["status"] == answer
        assert cs.last("ClearCache") == {}


@scenario
async def test_tc_c_37_csms(api):
    """ClearCache, which the station accepts."""
    await _clear_cache(api, "c37", "Accepted")


@scenario
async def test_tc_c_38_csms(api):
    """ClearCache, which the station rejects: the answer reaches the operator."""
    await _clear_cache(api, "c38", "Rejected")


@scenario
async def test_tc_c_08_csms(api):
    """A token from the station's cache starts a transaction without Authorize: the Started
    TransactionEvent's idTokenInfo is Accepted."""
    token = tag(api)
    async with station(api, "c08") as cs:
        tx = cs.transaction()
        started = await tx.started("Authorized", tag=token, charging_state="EVConnected")
        assert started.id_token_info["status"] == "Accepted"
    assert stored(api, cs, tx)["id_tag"] == token


@scenario
async def test_tc_c_20_csms(api):
    """A cached token the CSMS now holds invalid: the Started TransactionEvent answers
    Invalid (or Unknown), and the station's DeAuthorized end is taken."""
    token = tag(api, "Invalid")
    async with station(api, "c20") as cs:
        tx = cs.transaction()
        started = await tx.started("Authorized", tag=token, charging_state="EVConnected")
        assert started.id_token_info["status"] in ("Invalid", "Unknown")
        await tx.ended("Deauthorized", "DeAuthorized")
    assert stored(api, cs, tx)["stop_reason"] == "DeAuthorized"

