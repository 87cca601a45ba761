"""OCPP 1.6 Smart Charging profile: SetChargingProfile, GetCompositeSchedule,
ClearChargingProfile and a remote start with a profile (OCTT 1.6 test case document §3).
Written against API.md "Operating features" (Charging profiles)."""

import urllib.parse

from conformance.octt16 import (
    charging,
    command,
    operator,
    scenario,
    started,
    station,
    stored,
    tag,
)
from interop_support import now_iso, parse_time


def _path(cs, profile_id=None) -> str:
    path = f"/api/v1/stations/{urllib.parse.quote(cs.id, safe='')}/charging-profiles"
    return path if profile_id is None else f"{path}/{profile_id}"


def _schedule(limit=16.0, **fields) -> dict:
    return {"charging_rate_unit": "A", "periods": [{"start_period": 0, "limit": limit}], **fields}


async def _put(api, cs, profile_id, body) -> dict:
    """PUT a profile: SetChargingProfile carries it; the station's answer comes back."""
    reply = await api.arequest("PUT", _path(cs, profile_id), body)
    assert reply.status in (200, 201), reply
    sent = cs.last("SetChargingProfile")["csChargingProfiles"]
    assert sent["chargingProfileId"] == profile_id
    assert sent["stackLevel"] == body["stack_level"]
    assert sent["chargingProfilePurpose"] == body["purpose"]
    assert sent["chargingProfileKind"] == body["kind"]
    return reply.body


def _kept(api, cs) -> dict:
    """GET .../charging-profiles as profile id → profile."""
    listed = api.get(_path(cs)).expect(200)
    return {p.get("id", p.get("profile_id")): p for p in listed}


@scenario
async def test_tc_056_csms(api):
    """A TxDefaultProfile: SetChargingProfile on the chosen connector with purpose
    TxDefaultProfile, kind Absolute, validFrom and validTo, the chosen stackLevel; Accepted,
    and the API keeps it."""
    valid_from, valid_to = now_iso(), now_iso(86400)
    async with station(api, "056") as cs:
        body = {
            "connector_id": 1,
            "stack_level": 2,
            "purpose": "TxDefaultProfile",
            "kind": "Absolute",
            "valid_from": valid_from,
            "valid_to": valid_to,
            "schedule": _schedule(start_schedule=valid_from, duration=3600),
        }
        assert (await _put(api, cs, 561, body))["status"] == "Accepted"
        request = cs.last("SetChargingProfile")
        assert request["connectorId"] == 1
        sent = request["csChargingProfiles"]
        assert parse_time(sent["validFrom"]) == parse_time(valid_from)
        assert parse_time(sent["validTo"]) == parse_time(valid_to)
        assert "transactionId" not in sent
        schedule = sent["chargingSchedule"]
        assert schedule["chargingRateUnit"] == "A"
        assert schedule["chargingSchedulePeriod"] == [{"startPeriod": 0, "limit": 16.0}]
        assert 561 in _kept(api, cs)


@scenario
async def test_tc_057_csms(api):
    """A TxProfile for the running transaction: SetChargingProfile on its connector carries
    the station's transactionId, no recurrencyKind and (Relative) no startSchedule;
    Accepted."""
    token = tag(api)
    async with station(api, "057") as cs:
        session = await charging(cs, token)
        record = stored(api, cs, session.transaction_id)
        body = {
            "connector_id": 1,
            "stack_level": 1,
            "purpose": "TxProfile",
            "kind": "Relative",
            "transaction_id": record["id"],
            "schedule": _schedule(limit=10.0),
        }
        assert (await _put(api, cs, 571, body))["status"] == "Accepted"
        request = cs.last("SetChargingProfile")
        assert request["connectorId"] == 1
        sent = request["csChargingProfiles"]
        assert sent["transactionId"] == session.transaction_id
        # A Relative TxProfile: no recurrencyKind, no startSchedule.
        assert "recurrencyKind" not in sent
        assert "startSchedule" not in sent["chargingSchedule"]


@scenario
async def test_tc_066_csms(api):
    """get-composite-schedule: GetCompositeSchedule with the chosen connector, duration and
    chargingRateUnit; the station's Accepted schedule reaches the operator."""
    async with station(api, "066") as cs:
        reply = await command(
            api,
            cs,
            "get-composite-schedule",
            {"connector_id": 1, "duration": 300, "charging_rate_unit": "W"},
        )
        assert reply["status"] == "Accepted"
        assert cs.last("GetCompositeSchedule") == {
            "connectorId": 1,
            "duration": 300,
            "chargingRateUnit": "W",
        }
        assert reply["response"]["chargingSchedule"]["duration"] == 300


@scenario
async def test_tc_067_csms(api):
    """Clear charging profiles while charging: three profiles set (a ChargePointMaxProfile on
    connector 0 without a transactionId, a TxDefaultProfile, a TxProfile for the running
    transaction), each Accepted; then cleared by id (DELETE, which the API then no longer
    keeps), by criteria, and all the rest at once (DELETE on the collection, with and without
    criteria, which forgets the kept profiles that match); each Accepted."""
    token = tag(api)
    async with station(api, "067") as cs:
        session = await charging(cs, token)
        transaction_id = stored(api, cs, session.transaction_id)["id"]
        profiles = {
            671: {"connector_id": 0, "stack_level": 1, "purpose": "ChargePointMaxProfile"},
            672: {"connector_id": 1, "stack_level": 2, "purpose": "TxDefaultProfile"},
            673: {
                "connector_id": 1,
                "stack_level": 3,
                "purpose": "TxProfile",
                "transaction_id": transaction_id,
            },
        }
        for profile_id, fields in profiles.items():
            body = {**fields, "kind": "Relative", "schedule": _schedule()}
            assert (await _put(api, cs, profile_id, body))["status"] == "Accepted"
        [max_profile, default, tx_profile] = cs.calls("SetChargingProfile")
        assert max_profile["connectorId"] == 0
        assert "transactionId" not in max_profile["csChargingProfiles"]
        assert tx_profile["csChargingProfiles"]["transactionId"] == session.transaction_id

        cleared = (await api.arequest("DELETE", _path(cs, 671))).expect(200)
        assert cleared["status"] == "Accepted"
        assert cs.last("ClearChargingProfile") == {"id": 671}
        assert 671 not in _kept(api, cs)

        criteria = "?connector_id=1&purpose=TxDefaultProfile&stack_level=2"
        cleared = (await api.arequest("DELETE", _path(cs) + criteria)).expect(200)
        assert cleared["status"] == "Accepted" and cleared["forgotten"] == [672]
        assert cs.last("ClearChargingProfile") == {
            "connectorId": 1,
            "chargingProfilePurpose": "TxDefaultProfile",
            "stackLevel": 2,
        }

        everything = (await api.arequest("DELETE", _path(cs))).expect(200)
        assert everything["status"] == "Accepted" and everything["forgotten"] == [673]
        assert cs.last("ClearChargingProfile") == {}
        assert len(cs.calls("ClearChargingProfile")) == 3
        assert _kept(api, cs) == {}


@scenario
async def test_tc_059_csms(api):
    """Remote start with a charging profile: RemoteStartTransaction carries a TxProfile
    chargingProfile without a transactionId (errata 3.41); the start that follows is
    Accepted."""
    token = tag(api)
    async with station(api, "059") as cs:
        await cs.status(1, "Preparing")
        profile = {
            "id": 591,
            "stack_level": 0,
            "purpose": "TxProfile",
            "kind": "Relative",
            "schedule": _schedule(limit=12.0),
        }
        request = await operator(
            api, cs, "RemoteStartTransaction", "remote-start",
            {"connector_id": 1, "id_tag": token, "charging_profile": profile},
        )
        sent = cs.last("RemoteStartTransaction")
        assert sent["idTag"] == token and sent["connectorId"] == 1
        carried = sent["chargingProfile"]
        assert carried["chargingProfilePurpose"] == "TxProfile"
        assert carried["chargingProfileKind"] == "Relative"
        assert "transactionId" not in carried
        assert carried["chargingSchedule"]["chargingSchedulePeriod"] == [
            {"startPeriod": 0, "limit": 12.0}
        ]
        assert (await request).expect(200)["status"] == "Accepted"
        await started(cs, 1, token)
        await cs.status(1, "Charging")
