"""Core, functional block P: DataTransfer and CustomData."""

from ocpp.v201 import call

from conformance.octt import charging, id_token, scenario, station, stored, tag

VENDOR = {"vendor_id": "org.openchargealliance.octt"}


@scenario
async def test_tc_p_02_csms(api):
    """DataTransfer from the station with a vendor (and message) the CSMS does not know:
    UnknownVendorId, UnknownMessageId or Rejected."""
    async with station(api, "p02") as cs:
        result = await cs.send(call.DataTransfer(message_id="OcttTest", data="x", **VENDOR))
        assert result.status in ("UnknownVendorId", "UnknownMessageId", "Rejected")


@scenario
async def test_tc_p_03_csms(api):
    """Messages carrying customData (vendor extensions) in the payload and in nested types
    are answered as if it were not there."""
    custom = {"vendorId": "org.openchargealliance.octt", "extra": 1}
    token = tag(api)
    async with station(api, "p03", boot=None) as cs:
        booted = await cs.boot(custom_data=custom)
        assert booted.status == "Accepted"
        await cs.heartbeat(custom_data=custom)
        # Nested too: customData inside the idToken.
        authorized = await cs.send(
            call.Authorize(id_token={**id_token(token), "custom_data": custom}, custom_data=custom)
        )
        assert authorized.id_token_info["status"] == "Accepted"
        tx = await charging(cs, token)
        ended = await tx.ended(
            "EVCommunicationLost", "EVDisconnected", meter=1200, custom_data=custom
        )
        assert ended.id_token_info is None
    assert stored(api, cs, tx)["energy_wh"] == 200
