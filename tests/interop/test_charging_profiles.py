"""Smart charging through the API with `ocpp` library stations (1.6 and 2.0.1), which validate
every CALL against the official schemas: profiles put while offline and while connected,
a station's Rejected kept as `rejected`, a TxProfile carrying the station's own transaction
id, DELETE as ClearChargingProfile, get-composite-schedule, and remote start with a profile."""

import asyncio

from ocpp.routing import on
from ocpp.v16 import call_result as result16
from ocpp.v201 import ChargePoint as ChargePoint201
from ocpp.v201 import call as call201
from ocpp.v201 import call_result as result201

from interop_support import (
    InteropStation,
    RecordingConnection,
    aeventually,
    connected,
    new_station_id,
    new_tag,
    now_iso,
    open_ws,
    q,
    run,
)

#: The station answers Rejected to a profile with this id.
REFUSED_ID = 66


def profile_body(**changes):
    body = {
        "stack_level": 1,
        "purpose": "TxDefaultProfile",
        "kind": "Absolute",
        "valid_from": "2026-01-01T00:00:00Z",
        "valid_to": "2036-01-01T00:00:00Z",
        "schedule": {
            "start_schedule": "2026-01-01T00:00:00Z",
            "duration": 86400,
            "charging_rate_unit": "A",
            "min_charging_rate": 6.0,
            "periods": [
                {"start_period": 0, "limit": 16.0, "number_phases": 3},
                {"start_period": 3600, "limit": 10.5},
            ],
        },
    }
    body.update(changes)
    return body


def profiles_path(station_id, profile_id=None):
    path = f"/api/v1/stations/{q(station_id)}/charging-profiles"
    return path if profile_id is None else f"{path}/{profile_id}"


def calls(recorder, action):
    return [
        f[3]
        for f in recorder.received
        if isinstance(f, list) and len(f) == 4 and f[0] == 2 and f[2] == action
    ]


def set_201(recorder, profile_id):
    """The last SetChargingProfile of this profile id. The after-boot follow-up runs beside
    the test and may send a profile just put once more (the same profile: harmless)."""
    sent = [c for c in calls(recorder, "SetChargingProfile") if c["chargingProfile"]["id"] == profile_id]
    assert sent, f"no SetChargingProfile of profile {profile_id}"
    return sent[-1]


class Station16(InteropStation):
    """The interop station, with the Smart Charging profile."""

    @on("SetChargingProfile")
    async def on_set_charging_profile(self, connector_id, cs_charging_profiles, **kwargs):
        refused = cs_charging_profiles["charging_profile_id"] == REFUSED_ID
        return result16.SetChargingProfile(status="Rejected" if refused else "Accepted")

    @on("ClearChargingProfile")
    async def on_clear_charging_profile(self, **kwargs):
        return result16.ClearChargingProfile(status="Accepted")

    @on("GetCompositeSchedule")
    async def on_get_composite_schedule(self, connector_id, duration, **kwargs):
        return result16.GetCompositeSchedule(
            status="Accepted",
            connector_id=connector_id,
            schedule_start=now_iso(),
            charging_schedule={
                "duration": duration,
                "charging_rate_unit": kwargs.get("charging_rate_unit", "A"),
                "charging_schedule_period": [{"start_period": 0, "limit": 16.0}],
            },
        )


def test_1_6_profiles(api):
    station_id = new_station_id("sc16")
    api.register_station(station_id)
    tag = api.register_tag(new_tag())

    # Offline: kept as pending, nobody answered.
    transaction = {}
    offline = api.put(
        profiles_path(station_id, 9), profile_body(connector_id=1, stack_level=4)
    ).expect(200)
    assert offline["status"] is None and offline["response"] is None
    assert offline["profile"]["state"] == "pending"

    async def scenario():
        async with connected(api, station_id, cls=Station16) as cp:
            await cp.status(1, "Available")
            await cp.status(2, "Available")

            # Put while it was offline: sent after its boot, and accepted.
            def boot_sent():
                ids = [p["csChargingProfiles"]["chargingProfileId"]
                       for p in calls(cp.recorder, "SetChargingProfile")]
                assert ids == [9], ids
                kept = api.get(profiles_path(station_id, "")[:-1]).expect(200)
                assert [(p["id"], p["state"]) for p in kept] == [(9, "accepted")], kept

            await aeventually(boot_sent, timeout=20)

            put = (
                await api.arequest(
                    "PUT", profiles_path(station_id, 1), profile_body(connector_id=1)
                )
            ).expect(200)
            assert put["status"] == "Accepted", put
            assert put["response"] == {"status": "Accepted"}
            assert put["profile"]["state"] == "accepted"
            sent = calls(cp.recorder, "SetChargingProfile")[-1]
            assert sent["connectorId"] == 1
            assert sent["csChargingProfiles"] == {
                "chargingProfileId": 1,
                "stackLevel": 1,
                "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Absolute",
                "validFrom": "2026-01-01T00:00:00.000Z",
                "validTo": "2036-01-01T00:00:00.000Z",
                "chargingSchedule": {
                    "duration": 86400,
                    "startSchedule": "2026-01-01T00:00:00.000Z",
                    "chargingRateUnit": "A",
                    "minChargingRate": 6.0,
                    "chargingSchedulePeriod": [
                        {"startPeriod": 0, "limit": 16.0, "numberPhases": 3},
                        {"startPeriod": 3600, "limit": 10.5},
                    ],
                },
            }

            # The station maximum on connector 0.
            put = (
                await api.arequest(
                    "PUT",
                    profiles_path(station_id, 2),
                    profile_body(connector_id=0, purpose="ChargePointMaxProfile", kind="Relative",
                                 schedule={"charging_rate_unit": "W",
                                           "periods": [{"start_period": 0, "limit": 22000}]}),
                )
            ).expect(200)
            assert put["status"] == "Accepted", put
            sent = calls(cp.recorder, "SetChargingProfile")[-1]
            assert sent["connectorId"] == 0
            assert sent["csChargingProfiles"]["chargingProfilePurpose"] == "ChargePointMaxProfile"

            # Rejected by the station: a 200, kept as rejected.
            put = (
                await api.arequest(
                    "PUT", profiles_path(station_id, REFUSED_ID),
                    profile_body(connector_id=1, stack_level=5),
                )
            ).expect(200)
            assert put["status"] == "Rejected"
            assert put["profile"]["state"] == "rejected"
            assert put["profile"]["last_status"] == "Rejected"

            # A TxProfile for a running transaction: the station gets its own id.
            started = await cp.start_transaction(1, tag)
            transaction["ocpp"] = started.transaction_id
            [tx] = [t for t in api.transactions(station_id, active="true")]
            put = (
                await api.arequest(
                    "PUT", profiles_path(station_id, 3),
                    profile_body(connector_id=1, purpose="TxProfile", kind="Relative",
                                 transaction_id=tx["id"], valid_from=None, valid_to=None,
                                 schedule={"charging_rate_unit": "A",
                                           "periods": [{"start_period": 0, "limit": 8}]}),
                )
            ).expect(200)
            assert put["status"] == "Accepted", put
            sent = calls(cp.recorder, "SetChargingProfile")[-1]
            assert sent["csChargingProfiles"]["transactionId"] == started.transaction_id
            assert sent["csChargingProfiles"]["chargingProfilePurpose"] == "TxProfile"

            composite = (
                await api.command(station_id, "get-composite-schedule",
                                  {"connector_id": 1, "duration": 600, "charging_rate_unit": "A"})
            ).expect(200)
            assert composite["status"] == "Accepted"
            assert composite["response"]["chargingSchedule"]["duration"] == 600
            assert calls(cp.recorder, "GetCompositeSchedule") == [
                {"connectorId": 1, "duration": 600, "chargingRateUnit": "A"}
            ]

            deleted = (await api.arequest("DELETE", profiles_path(station_id, 1))).expect(200)
            assert deleted["status"] == "Accepted" and deleted["profile"] is None
            assert calls(cp.recorder, "ClearChargingProfile") == [{"id": 1}]

            # By criteria (TC_067): the station maximum goes, the kept copy with it.
            cleared = (
                await api.arequest(
                    "DELETE",
                    profiles_path(station_id) + "?purpose=ChargePointMaxProfile&connector_id=0",
                )
            ).expect(200)
            assert cleared["status"] == "Accepted" and cleared["forgotten"] == [2]
            assert calls(cp.recorder, "ClearChargingProfile")[-1] == {
                "connectorId": 0, "chargingProfilePurpose": "ChargePointMaxProfile"
            }

            start = (
                await api.command(station_id, "remote-start", {
                    "connector_id": 2, "id_tag": tag,
                    "charging_profile": {
                        "stack_level": 0, "purpose": "TxProfile", "kind": "Relative",
                        "schedule": {"charging_rate_unit": "A",
                                     "periods": [{"start_period": 0, "limit": 13.5}]},
                    },
                })
            ).expect(200)
            assert start["status"] == "Accepted", start
            [remote] = calls(cp.recorder, "RemoteStartTransaction")
            assert remote["connectorId"] == 2
            profile = remote["chargingProfile"]
            assert profile["chargingProfilePurpose"] == "TxProfile"
            assert "transactionId" not in profile
            assert profile["chargingProfileId"] == REFUSED_ID + 1, "after the kept ids"
            assert profile["chargingSchedule"]["chargingSchedulePeriod"] == [
                {"startPeriod": 0, "limit": 13.5}
            ]
            await cp.take(cp.started)

    run(scenario())

    kept = {p["id"]: p for p in api.get(profiles_path(station_id)).expect(200)}
    assert sorted(kept) == [3, 9, REFUSED_ID]
    assert kept[9]["state"] == "accepted"
    assert kept[3]["state"] == "accepted" and kept[3]["transaction_id"] is not None
    assert kept[REFUSED_ID]["state"] == "rejected"

    # After the next boot the station gets every kept profile again, except the one it
    # rejected: the one put while it was offline, and the TxProfile of its still running
    # transaction (with the station's transaction id).
    async def rebooted():
        async with connected(api, station_id, cls=Station16) as cp:
            def resent():
                sent = calls(cp.recorder, "SetChargingProfile")
                ids = sorted(p["csChargingProfiles"]["chargingProfileId"] for p in sent)
                assert ids == [3, 9], ids
                return sent

            sent = await aeventually(resent, timeout=20)
            [tx] = [p for p in sent if p["csChargingProfiles"]["chargingProfileId"] == 3]
            assert tx["csChargingProfiles"]["transactionId"] == transaction["ocpp"]

    run(rebooted())
    kept = {p["id"]: p["state"] for p in api.get(profiles_path(station_id)).expect(200)}
    assert kept == {3: "accepted", 9: "accepted", REFUSED_ID: "rejected"}


class Station201(ChargePoint201):
    """A 2.0.1 station with smart charging (K01, K05, K08, K10)."""

    def __init__(self, station_id, connection):
        super().__init__(station_id, connection)
        self.recorder = connection

    @on("SetChargingProfile")
    async def on_set_charging_profile(self, evse_id, charging_profile, **kwargs):
        refused = charging_profile["id"] == REFUSED_ID
        return result201.SetChargingProfile(status="Rejected" if refused else "Accepted")

    @on("ClearChargingProfile")
    async def on_clear_charging_profile(self, **kwargs):
        return result201.ClearChargingProfile(status="Accepted")

    @on("GetCompositeSchedule")
    async def on_get_composite_schedule(self, duration, evse_id, **kwargs):
        return result201.GetCompositeSchedule(
            status="Accepted",
            schedule={
                "evse_id": evse_id,
                "duration": duration,
                "schedule_start": now_iso(),
                "charging_rate_unit": kwargs.get("charging_rate_unit", "W"),
                "charging_schedule_period": [{"start_period": 0, "limit": 7400.0}],
            },
        )

    @on("RequestStartTransaction")
    async def on_request_start(self, id_token, remote_start_id, **kwargs):
        return result201.RequestStartTransaction(status="Accepted")

    # What the system reads of its own accord after a boot.
    @on("GetBaseReport")
    async def on_get_base_report(self, request_id, report_base, **kwargs):
        return result201.GetBaseReport(status="NotSupported")

    @on("GetVariables")
    async def on_get_variables(self, get_variable_data, **kwargs):
        return result201.GetVariables(
            get_variable_result=[
                {
                    "attribute_status": "UnknownComponent",
                    "component": d["component"],
                    "variable": d["variable"],
                }
                for d in get_variable_data
            ]
        )

    @on("GetChargingProfiles")
    async def on_get_charging_profiles(self, request_id, charging_profile, **kwargs):
        return result201.GetChargingProfiles(status="NoProfiles")


def test_2_0_1_profiles(api):
    station_id = new_station_id("sc201")
    api.register_station(station_id)
    tag = api.register_tag(new_tag())
    tx_id = f"tx-{station_id[-8:]}"

    async def scenario():
        ws = await open_ws(api, station_id, subprotocols=("ocpp2.0.1",))
        assert ws.subprotocol == "ocpp2.0.1"
        cp = Station201(station_id, RecordingConnection(ws))
        serving = asyncio.create_task(cp.start())
        try:
            boot = await cp.call(call201.BootNotification(
                charging_station={"model": "Interop", "vendor_name": "Switchyard"},
                reason="PowerUp"))
            assert boot.status == "Accepted"

            put = (
                await api.arequest("PUT", profiles_path(station_id, 1),
                                   profile_body(evse_id=1, kind="Recurring",
                                                recurrency_kind="Daily"))
            ).expect(200)
            assert put["status"] == "Accepted", put
            sent = set_201(cp.recorder, 1)
            assert sent["evseId"] == 1
            profile = sent["chargingProfile"]
            assert profile["id"] == 1
            assert profile["chargingProfileKind"] == "Recurring"
            assert profile["recurrencyKind"] == "Daily"
            [schedule] = profile["chargingSchedule"]
            assert schedule["id"] == 1
            assert schedule["chargingSchedulePeriod"][0] == {
                "startPeriod": 0, "limit": 16.0, "numberPhases": 3
            }

            # The station maximum, by its 2.x name, on EVSE 0; a single-phase period.
            put = (
                await api.arequest(
                    "PUT", profiles_path(station_id, 2),
                    profile_body(evse_id=0, purpose="ChargingStationMaxProfile",
                                 schedule={"start_schedule": "2026-01-01T00:00:00Z",
                                           "charging_rate_unit": "W",
                                           "periods": [{"start_period": 0, "limit": 7400,
                                                        "number_phases": 1,
                                                        "phase_to_use": 2}]}),
                )
            ).expect(200)
            assert put["status"] == "Accepted", put
            sent = set_201(cp.recorder, 2)
            assert sent["evseId"] == 0
            assert sent["chargingProfile"]["chargingProfilePurpose"] == "ChargingStationMaxProfile"
            assert sent["chargingProfile"]["chargingSchedule"][0]["chargingSchedulePeriod"][0][
                "phaseToUse"] == 2

            put = (
                await api.arequest("PUT", profiles_path(station_id, REFUSED_ID),
                                   profile_body(evse_id=1, stack_level=7))
            ).expect(200)
            assert put["status"] == "Rejected"
            assert put["profile"]["state"] == "rejected"

            # A running transaction, then a TxProfile for it (K01.FR.03: with its id).
            await cp.call(call201.TransactionEvent(
                event_type="Started", timestamp=now_iso(), trigger_reason="Authorized",
                seq_no=0, transaction_info={"transaction_id": tx_id},
                id_token={"id_token": tag, "type": "ISO14443"},
                evse={"id": 1, "connector_id": 1}))
            [tx] = api.transactions(station_id, active="true")
            put = (
                await api.arequest(
                    "PUT", profiles_path(station_id, 3),
                    profile_body(evse_id=1, purpose="TxProfile", transaction_id=tx["id"],
                                 stack_level=2),
                )
            ).expect(200)
            assert put["status"] == "Accepted", put
            sent = set_201(cp.recorder, 3)
            assert sent["chargingProfile"]["transactionId"] == tx_id

            composite = (
                await api.command(station_id, "get-composite-schedule",
                                  {"evse_id": 1, "duration": 900, "charging_rate_unit": "W"})
            ).expect(200)
            assert composite["status"] == "Accepted"
            assert composite["response"]["schedule"]["duration"] == 900
            assert calls(cp.recorder, "GetCompositeSchedule") == [
                {"duration": 900, "chargingRateUnit": "W", "evseId": 1}
            ]

            deleted = (await api.arequest("DELETE", profiles_path(station_id, 2))).expect(200)
            assert deleted["status"] == "Accepted"
            assert calls(cp.recorder, "ClearChargingProfile") == [{"chargingProfileId": 2}]

            start = (
                await api.command(station_id, "remote-start", {
                    "evse_id": 2, "id_tag": tag,
                    "charging_profile": {
                        "id": 40, "stack_level": 0, "purpose": "TxProfile", "kind": "Relative",
                        "schedule": {"charging_rate_unit": "A",
                                     "periods": [{"start_period": 0, "limit": 10}]},
                    },
                })
            ).expect(200)
            assert start["status"] == "Accepted"
            [request] = calls(cp.recorder, "RequestStartTransaction")
            assert request["evseId"] == 2
            assert request["chargingProfile"]["id"] == 40
            assert request["chargingProfile"]["chargingProfilePurpose"] == "TxProfile"
            assert "transactionId" not in request["chargingProfile"]

            # K09 (TC_K_29..36): what the station holds, by criteria.
            asked = (
                await api.command(station_id, "get-charging-profiles",
                                  {"evse_id": 1, "purpose": "TxDefaultProfile", "stack_level": 1,
                                   "charging_limit_sources": ["CSO"]})
            ).expect(200)
            assert asked["status"] == "NoProfiles"
            [request] = calls(cp.recorder, "GetChargingProfiles")
            assert isinstance(request["requestId"], int)
            assert request["evseId"] == 1
            assert request["chargingProfile"] == {
                "chargingProfilePurpose": "TxDefaultProfile", "stackLevel": 1,
                "chargingLimitSource": ["CSO"],
            }
            # K10 by criteria (TC_K_06/TC_K_08), also when nothing matches.
            cleared = (
                await api.arequest(
                    "DELETE",
                    profiles_path(station_id) + "?purpose=TxDefaultProfile&stack_level=9&evse_id=1",
                )
            ).expect(200)
            assert cleared["forgotten"] == []
            assert calls(cp.recorder, "ClearChargingProfile")[-1] == {"chargingProfileCriteria": {
                "evseId": 1, "chargingProfilePurpose": "TxDefaultProfile", "stackLevel": 9}}

            errors = [f for f in cp.recorder.sent if isinstance(f, list) and f and f[0] == 4]
            assert not errors, f"the station refused the server's CALLs: {errors}"
        finally:
            serving.cancel()
            await ws.close()

    run(scenario())

    kept = {p["id"]: p["state"] for p in api.get(profiles_path(station_id)).expect(200)}
    assert kept == {1: "accepted", 3: "accepted", REFUSED_ID: "rejected"}
