"""A station's whole day, as the `ocpp` library's ChargePoint speaks it, checked through the API."""

import os

from ocpp.v16 import call

from interop_support import (
    InteropStation,
    assert_recent,
    connected,
    eventually,
    new_station_id,
    new_tag,
    now_iso,
    parse_time,
    run,
    same_instant,
)


def sampled(value, measurand, unit, **extra):
    return {"value": value, "measurand": measurand, "unit": unit, **extra}


def find_sample(meter_values, **match):
    """The one sampled value (across all meter values) whose fields equal `match`."""
    found = [
        sv
        for mv in meter_values
        for sv in mv["sampled_value"]
        if all(sv.get(k) == v for k, v in match.items())
    ]
    assert len(found) == 1, f"expected one sampled value matching {match}, got {found}"
    return found[0]


def test_full_lifecycle(api):
    station_id = new_station_id("life")
    api.register_station(station_id, description="interop lifecycle")
    good = api.register_tag(new_tag(), "Accepted", expiry_date=now_iso(86_400))
    expired = api.register_tag(new_tag(), "Accepted", expiry_date="2020-01-01T00:00:00Z")
    expired_status = api.register_tag(new_tag(), "Expired")
    blocked = api.register_tag(new_tag(), "Blocked")
    invalid = api.register_tag(new_tag(), "Invalid")
    unknown = new_tag()

    start1_at = now_iso(-600)
    mv_at = now_iso(-300)
    stop1_at = now_iso(-120)

    async def scenario():
        async with connected(api, station_id, boot=False) as cp:
            boot = await cp.boot()
            assert boot.status == "Accepted"
            assert isinstance(boot.interval, int) and boot.interval > 0
            expected = os.environ.get("SWITCHYARD_HEARTBEAT_INTERVAL")
            if expected:
                assert boot.interval == int(expected)
            assert_recent(boot.current_time)

            for connector in (0, 1, 2):
                await cp.status(connector, "Available")

            async def authorize(tag):
                return (await cp.send(call.Authorize(id_tag=tag))).id_tag_info

            info = await authorize(good)
            assert info["status"] == "Accepted"
            stored = api.get(f"/api/v1/id-tags/{good}").expect(200)["expiry_date"]
            drift = parse_time(info["expiry_date"]) - parse_time(stored)
            assert abs(drift.total_seconds()) < 1, (info, stored)
            assert (await authorize(unknown))["status"] == "Invalid"
            assert (await authorize(expired))["status"] == "Expired"
            assert (await authorize(expired_status))["status"] == "Expired"
            assert (await authorize(blocked))["status"] == "Blocked"
            assert (await authorize(invalid))["status"] == "Invalid"

            # Transaction 1: connector 1, periodic meter values, stopped with a reason and
            # transactionData.
            await cp.status(1, "Preparing")
            t1 = await cp.start_transaction(1, good, meter_start=1000, timestamp=start1_at)
            assert isinstance(t1.transaction_id, int) and t1.transaction_id > 0
            assert t1.id_tag_info["status"] == "Accepted"
            await cp.status(1, "Charging")

            await cp.send(
                call.MeterValues(
                    connector_id=1,
                    transaction_id=t1.transaction_id,
                    meter_value=[
                        {
                            "timestamp": mv_at,
                            "sampled_value": [
                                sampled(
                                    "1500",
                                    "Energy.Active.Import.Register",
                                    "Wh",
                                    context="Sample.Periodic",
                                    location="Outlet",
                                ),
                                sampled("7200", "Power.Active.Import", "W"),
                                sampled("230.4", "Voltage", "V", phase="L1-N"),
                                sampled("42", "SoC", "Percent", location="EV"),
                            ],
                        },
                        {
                            "timestamp": now_iso(-240),
                            "sampled_value": [
                                sampled("1.75", "Energy.Active.Import.Register", "kWh"),
                            ],
                        },
                    ],
                )
            )
            stop1 = await cp.stop_transaction(
                t1.transaction_id,
                id_tag=good,
                meter_stop=4500,
                timestamp=stop1_at,
                reason="EVDisconnected",
                transaction_data=[
                    {
                        "timestamp": stop1_at,
                        "sampled_value": [
                            sampled(
                                "4.5",
                                "Energy.Active.Import.Register",
                                "kWh",
                                context="Transaction.End",
                            )
                        ],
                    }
                ],
            )
            # idTagInfo is optional in StopTransaction.conf; when given it is about our tag.
            if stop1.id_tag_info is not None:
                assert stop1.id_tag_info["status"] == "Accepted"
            await cp.status(1, "Finishing")

            # Transaction 2: connector 2, stopped without a reason (means Local) and without
            # an idTag.
            t2 = await cp.start_transaction(2, good, meter_start=20_000)
            assert t2.transaction_id > 0 and t2.transaction_id != t1.transaction_id
            await cp.status(2, "Charging")

            # While it runs, the API lists it as active.
            active = api.transactions(station_id, active="true")
            assert [t["ocpp_transaction_id"] for t in active] == [str(t2.transaction_id)]

            await cp.stop_transaction(t2.transaction_id, meter_stop=20_250)
            await cp.status(2, "Available")

            station = api.station(station_id)
            assert station["connected"] is True
            assert station["protocol"] == "ocpp1.6"
            assert station["boot_status"] == "Accepted"
            assert station["vendor"] == "SwitchyardInterop"
            assert station["model"] == "PyOCPP-2C"
            assert station["serial_number"] == "SN-" + station_id[-12:]
            assert station["firmware_version"] == "1.2.3"
            assert station["description"] == "interop lifecycle"
            assert_recent(station["last_seen"])
            connectors = {c["connector_id"]: c for c in station["connectors"]}
            assert sorted(connectors) == [1, 2], "connector 0 is not listed"
            assert connectors[1]["status"] == "Finishing"
            assert connectors[2]["status"] == "Available"
            for number, connector in connectors.items():
                assert connector["evse_id"] == number
                assert connector["error_code"] == "NoError"
                assert_recent(connector["updated_at"])
            return t1, t2

    t1, t2 = run(scenario())

    listed = api.transactions(station_id)
    assert [t["ocpp_transaction_id"] for t in listed] == [
        str(t2.transaction_id),
        str(t1.transaction_id),
    ], "newest first"
    assert api.transactions(station_id, active="true") == []
    assert len(api.transactions(station_id, active="false")) == 2

    first = api.transaction(listed[1]["id"])
    assert first["station_id"] == station_id
    assert first["connector_id"] == 1 and first["evse_id"] == 1
    assert first["id_tag"] == good
    assert same_instant(first["started_at"], start1_at)
    assert same_instant(first["stopped_at"], stop1_at)
    assert first["meter_start_wh"] == 1000
    assert first["meter_stop_wh"] == 4500
    assert first["energy_wh"] == 3500
    assert first["stop_reason"] == "EVDisconnected"

    values = first["meter_values"]
    times = [parse_time(mv["timestamp"]) for mv in values]
    assert times == sorted(times), "meter values oldest first"
    energy = find_sample(values, measurand="Energy.Active.Import.Register", context="Sample.Periodic")
    assert energy["value"] == 1500 and energy["unit"] == "Wh"
    assert energy["location"] == "Outlet"
    kwh = find_sample(values, measurand="Energy.Active.Import.Register", value=1750)
    assert kwh["unit"] == "Wh", "kWh is stored in Wh"
    power = find_sample(values, measurand="Power.Active.Import")
    assert power["value"] == 7200 and power["unit"] == "W"
    voltage = find_sample(values, measurand="Voltage")
    assert voltage["value"] == 230.4 and voltage["unit"] == "V" and voltage["phase"] == "L1-N"
    soc = find_sample(values, measurand="SoC")
    assert soc["value"] == 42 and soc["unit"] == "Percent" and soc["location"] == "EV"
    end = find_sample(values, context="Transaction.End")
    assert end["value"] == 4500 and end["unit"] == "Wh", "transactionData is kept, in Wh"

    second = api.transaction(listed[0]["id"])
    assert second["connector_id"] == 2
    assert second["meter_start_wh"] == 20_000 and second["meter_stop_wh"] == 20_250
    assert second["energy_wh"] == 250
    assert second["stop_reason"] == "Local", "no reason means Local"
    assert second["meter_values"] == []

    # Disconnected now: the API says so (not necessarily at once).
    def offline():
        assert api.station(station_id)["connected"] is False

    eventually(offline)


def test_heartbeat_returns_current_time(api):
    station_id = new_station_id("hb")
    api.register_station(station_id)

    async def scenario():
        async with connected(api, station_id) as cp:
            for _ in range(2):
                result = await cp.send(call.Heartbeat())
                assert_recent(result.current_time, within_s=5)
            return result

    run(scenario())
    assert_recent(api.station(station_id)["last_seen"])


def test_station_connects_without_boot(api):
    """J16 §5.4: a reconnecting station need not boot again; it is served all the same."""
    station_id = new_station_id("noboot")
    api.register_station(station_id)
    tag = api.register_tag(new_tag())

    async def scenario():
        async with connected(api, station_id) as cp:
            pass
        async with connected(api, station_id, boot=False, cls=InteropStation) as cp:
            await cp.send(call.Heartbeat())
            assert (await cp.send(call.Authorize(id_tag=tag))).id_tag_info["status"] == "Accepted"
            await cp.status(1, "Available")
            started = await cp.start_transaction(1, tag)
            await cp.stop_transaction(started.transaction_id)
            return started

    started = run(scenario())
    [listed] = api.transactions(station_id)
    assert listed["ocpp_transaction_id"] == str(started.transaction_id)


def test_every_station_message_is_confirmed(api):
    """Each action a 1.6 station (Security extension included) sends gets a schema-valid
    CALLRESULT, not a CALLERROR: the library raises on either failure."""
    station_id = new_station_id("msgs")
    api.register_station(station_id)
    tag = api.register_tag(new_tag())
    csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBszCCARwCAQAwczELMAkGA1UEBhMCTkwx\n-----END CERTIFICATE REQUEST-----\n"

    async def scenario():
        async with connected(api, station_id) as cp:
            # The main meter, outside any transaction (Errata v4 §3.16: no transactionId).
            await cp.send(
                call.MeterValues(
                    connector_id=0,
                    meter_value=[
                        {
                            "timestamp": now_iso(),
                            "sampled_value": [
                                {"value": "123456", "context": "Sample.Clock"},
                                {"value": "49.98", "measurand": "Frequency"},
                            ],
                        }
                    ],
                )
            )
            transfer = await cp.send(
                call.DataTransfer(vendor_id="com.example.unknown", message_id="m", data="d")
            )
            assert transfer.status in ("Accepted", "Rejected", "UnknownMessageId", "UnknownVendorId")
            await cp.send(call.FirmwareStatusNotification(status="Idle"))
            await cp.send(call.DiagnosticsStatusNotification(status="Idle"))
            await cp.send(
                call.SecurityEventNotification(
                    type="StartupOfTheDevice", timestamp=now_iso(), tech_info=None
                )
            )
            await cp.send(call.LogStatusNotification(status="Uploaded", request_id=7))
            await cp.send(call.SignedFirmwareStatusNotification(status="Installed", request_id=8))
            signed = await cp.send(call.SignCertificate(csr=csr))
            assert signed.status in ("Accepted", "Rejected")

            # S16 §4.8: StartTransaction always carries a transactionId, whatever the tag.
            unknown = await cp.start_transaction(1, new_tag())
            assert unknown.transaction_id > 0
            assert unknown.id_tag_info["status"] == "Invalid"
            await cp.stop_transaction(unknown.transaction_id, reason="DeAuthorized")
            known = await cp.start_transaction(2, tag)
            assert known.id_tag_info["status"] == "Accepted"
            await cp.stop_transaction(known.transaction_id, id_tag=tag, reason="Local")
            return unknown

    unknown = run(scenario())
    [deauthorized] = [
        t
        for t in api.transactions(station_id)
        if t["ocpp_transaction_id"] == str(unknown.transaction_id)
    ]
    assert deauthorized["stop_reason"] == "DeAuthorized"
