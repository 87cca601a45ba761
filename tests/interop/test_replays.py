"""Transaction messages sent again, as stations do after a lost answer or an outage.

The `ocpp` library gives every CALL a fresh message id, so each replay here is a new CALL with
identical content: S16 §3.7 says to process it "as any other", and the server must not count it
twice (OCPP-RULES.md §7.6: StartTransaction is idempotent on its content; StopTransaction and
MeterValues for a closed transaction are confirmed).
"""

from ocpp.v16 import call

from interop_support import (
    connected,
    new_station_id,
    new_tag,
    now_iso,
    run,
)


def test_replayed_transaction_messages_count_once(api):
    station_id = new_station_id("replay")
    api.register_station(station_id)
    tag = api.register_tag(new_tag())

    start = call.StartTransaction(
        connector_id=1, id_tag=tag, meter_start=2000, timestamp=now_iso(-900)
    )

    sampled_at = now_iso(-600)

    def meter_values(transaction_id):
        return call.MeterValues(
            connector_id=1,
            transaction_id=transaction_id,
            meter_value=[
                {
                    "timestamp": sampled_at,
                    "sampled_value": [
                        {
                            "value": "2300",
                            "measurand": "Energy.Active.Import.Register",
                            "unit": "Wh",
                            "context": "Sample.Periodic",
                        },
                        {"value": "11000", "measurand": "Power.Active.Import", "unit": "W"},
                    ],
                }
            ],
        )

    stop_at = now_iso(-300)

    def stop(transaction_id):
        return call.StopTransaction(
            meter_stop=2600,
            timestamp=stop_at,
            transaction_id=transaction_id,
            id_tag=tag,
            reason="Local",
        )

    async def scenario():
        async with connected(api, station_id) as cp:
            first = await cp.send(start)
            again = await cp.send(start)
            assert first.transaction_id > 0
            assert again.transaction_id == first.transaction_id
            assert again.id_tag_info["status"] == first.id_tag_info["status"] == "Accepted"
            ids = [f[1] for f in cp.recorder.sent if f[0] == 2 and f[2] == "StartTransaction"]
            assert len(set(ids)) == 2, "the library sent the replay under a new message id"

            tid = first.transaction_id
            await cp.send(meter_values(tid))
            await cp.send(meter_values(tid))
            await cp.send(stop(tid))
            # Replayed after the stop: still confirmed, still counted once.
            await cp.send(stop(tid))
            await cp.send(meter_values(tid))

        # The station reconnects (a reboot that lost the answers) and replays everything.
        async with connected(api, station_id) as cp:
            replayed = await cp.send(start)
            assert replayed.transaction_id == tid
            await cp.send(meter_values(tid))
            await cp.send(stop(tid))
        return tid

    tid = run(scenario())

    listed = api.transactions(station_id)
    assert len(listed) == 1, f"one transaction, not {len(listed)}: {listed}"
    [transaction] = listed
    assert transaction["ocpp_transaction_id"] == str(tid)
    assert transaction["meter_start_wh"] == 2000
    assert transaction["meter_stop_wh"] == 2600
    assert transaction["energy_wh"] == 600
    assert transaction["stop_reason"] == "Local"

    detail = api.transaction(transaction["id"])
    values = detail["meter_values"]
    assert len(values) == 1, f"the meter value is stored once: {values}"
    assert sorted(sv["measurand"] for sv in values[0]["sampled_value"]) == [
        "Energy.Active.Import.Register",
        "Power.Active.Import",
    ]

