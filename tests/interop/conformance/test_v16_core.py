"""OCPP 1.6 Core profile: boot, charging sessions, remote control, configuration, authorization,
offline behaviour and DataTransfer (OCTT 1.6 test case document §3, Core)."""


from conformance.octt16 import (
    HEARTBEAT_INTERVAL,
    charging,
    command,
    configuration,
    connect,
    connector_status,
    operator,
    scenario,
    started,
    station,
    stopped,
    stored,
    tag,
)
from interop_support import assert_recent, now_iso, same_instant


def _no_transaction(api, cs):
    assert api.transactions(cs.id) == [], "no transaction was recorded"


# --- booting --------------------------------------------------------------------------------


@scenario
async def test_tc_001_csms(api):
    """Cold boot: BootNotification Accepted with the heartbeat interval and the current time;
    StatusNotification of connector 0 and of each connector answered; Heartbeat answered with
    the current time. The API shows the station booted, its details and connectors."""
    async with station(api, "001", boot=None) as cs:
        boot = await cs.boot()
        assert boot.status == "Accepted"
        assert boot.interval == (HEARTBEAT_INTERVAL or boot.interval) and boot.interval > 0
        assert_recent(boot.current_time)
        await cs.statuses("Available")
        assert_recent((await cs.heartbeat()).current_time)
        shown = api.station(cs.id)
        assert shown["connected"] is True and shown["protocol"] == "ocpp1.6"
        assert shown["boot_status"] == "Accepted"
        assert (shown["vendor"], shown["model"]) == ("SwitchyardOCTT", "OCTT-16")
        assert [(c["connector_id"], c["status"]) for c in shown["connectors"]] == [
            (1, "Available"),
            (2, "Available"),
        ]


# --- regular charging sessions --------------------------------------------------------------


async def _local_stop(api, cs, session, reason=None):
    """The driver presents the tag again: Authorize Accepted, StopTransaction taken, the
    connector Finishing then Available."""
    assert (await cs.authorize(session.id_tag))["status"] == "Accepted"
    await cs.status(session.connector_id, "Finishing")
    stop = await cs.stop_transaction(session.transaction_id, reason, id_tag=session.id_tag)
    assert stop.id_tag_info is None or stop.id_tag_info["status"] == "Accepted"
    await cs.status(session.connector_id, "Available")
    return await stopped(api, cs, session.transaction_id)


@scenario
async def test_tc_003_csms(api):
    """Plug-in first: Preparing, then Authorize and StartTransaction both Accepted, Charging;
    the stop is taken. The API shows the transaction with its meter readings."""
    token = tag(api)
    async with station(api, "003") as cs:
        await cs.status(1, "Preparing")
        assert (await cs.authorize(token))["status"] == "Accepted"
        session = await started(cs, 1, token, meter_start=1000)
        await cs.status(1, "Charging")
        assert connector_status(api, cs.id, 1) == "Charging"
        record = await _local_stop(api, cs, session, "Local")
    assert record["id_tag"] == token and record["connector_id"] == 1
    assert (record["meter_start_wh"], record["meter_stop_wh"], record["energy_wh"]) == (
        1000,
        1500,
        500,
    )
    assert record["stop_reason"] == "Local"


@scenario
async def test_tc_004_1_csms(api):
    """Identification first: Authorize Accepted before the cable, then Preparing,
    StartTransaction Accepted, Charging; a stop without a reason is stored as Local."""
    token = tag(api)
    async with station(api, "0041") as cs:
        session = await charging(cs, token)
        record = await _local_stop(api, cs, session)
    assert record["id_tag"] == token and record["stop_reason"] == "Local"


@scenario
async def test_tc_004_2_csms(api):
    """Identification first, but no cable within ConnectionTimeOut: Preparing goes back to
    Available and no transaction exists."""
    token = tag(api)
    async with station(api, "0042") as cs:
        assert (await cs.authorize(token))["status"] == "Accepted"
        await cs.status(1, "Preparing")
        await cs.status(1, "Available")
        assert connector_status(api, cs.id, 1) == "Available"
        _no_transaction(api, cs)


@scenario
async def test_tc_005_1_csms(api):
    """The EV unplugs (StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect
    true): SuspendedEV, StopTransaction reason EVDisconnected, Finishing, Available."""
    token = tag(api)
    async with station(api, "0051") as cs:
        session = await charging(cs, token)
        await cs.status(1, "SuspendedEV")
        await cs.stop_transaction(session.transaction_id, "EVDisconnected")
        await cs.status(1, "Finishing")
        await cs.status(1, "Available")
        record = await stopped(api, cs, session.transaction_id)
        assert connector_status(api, cs.id, 1) == "Available"
    assert record["stop_reason"] == "EVDisconnected"


@scenario
async def test_tc_007_csms(api):
    """A tag from the station's authorization cache: StartTransaction without an Authorize
    first is Accepted."""
    token = tag(api)
    async with station(api, "007") as cs:
        await cs.status(1, "Preparing")
        session = await started(cs, 1, token)
        await cs.status(1, "Charging")
    assert stored(api, cs, session.transaction_id)["id_tag"] == token


@scenario
async def test_tc_061_csms(api):
    """Clear the authorization cache: the CSMS sends ClearCache; the Accepted answer comes
    back to the operator."""
    async with station(api, "061") as cs:
        reply = await command(api, cs, "clear-cache", {})
        assert reply["status"] == "Accepted"
        assert cs.last("ClearCache") == {}


# --- remote start and stop ------------------------------------------------------------------


def _start_request(cs, token, connector_id=1):
    request = cs.last("RemoteStartTransaction")
    assert request["idTag"] == token
    assert request.get("connectorId") == connector_id
    assert "chargingProfile" not in request
    return request


async def _remote_start(api, cs, token, before_start=None):
    """remote-start on connector 1, the station starting the transaction while the operator
    waits for it: the station's Authorize of the tag is Accepted (`before_start` runs after
    it), then its StartTransaction; the API's answer and the session."""
    request = await operator(
        api, cs, "RemoteStartTransaction", "remote-start",
        {"connector_id": 1, "id_tag": token}, "wait_start_s=10",
    )
    _start_request(cs, token)
    assert (await cs.authorize(token))["status"] == "Accepted"
    if before_start:
        await before_start()
    session = await started(cs, 1, token)
    await cs.status(1, "Charging")
    reply = (await request).expect(200)
    assert reply["status"] == "Accepted" and isinstance(reply["remote_start_id"], int)
    assert reply["transaction_id"] == stored(api, cs, session.transaction_id)["id"]
    return reply, session


@scenario
async def test_tc_010_csms(api):
    """Cable first, then RemoteStartTransaction with the tag and connector; the station's
    Authorize and StartTransaction are Accepted, and the transaction is the one the
    operator's request led to."""
    token = tag(api)
    async with station(api, "010") as cs:
        await cs.status(1, "Preparing")
        await _remote_start(api, cs, token)


@scenario
async def test_tc_011_1_csms(api):
    """Remote start first: the same, the cable (Preparing) after the Authorize."""
    token = tag(api)
    async with station(api, "0111") as cs:

        async def plug_in():
            await cs.status(1, "Preparing")

        await _remote_start(api, cs, token, plug_in)


@scenario
async def test_tc_011_2_csms(api):
    """Remote start, but no cable within ConnectionTimeOut: the Authorize is Accepted,
    Preparing goes back to Available; the request was Accepted and no transaction exists."""
    token = tag(api)
    async with station(api, "0112") as cs:
        reply = await command(api, cs, "remote-start", {"connector_id": 1, "id_tag": token})
        assert reply["status"] == "Accepted"
        _start_request(cs, token)
        assert (await cs.authorize(token))["status"] == "Accepted"
        await cs.status(1, "Preparing")
        await cs.status(1, "Available")
        assert connector_status(api, cs.id, 1) == "Available"
        _no_transaction(api, cs)


@scenario
async def test_tc_012_csms(api):
    """Remote stop: RemoteStopTransaction with the running transactionId; the StopTransaction
    with reason Remote is taken and shown."""
    token = tag(api)
    async with station(api, "012") as cs:
        session = await charging(cs, token)
        record = stored(api, cs, session.transaction_id)
        reply = await command(api, cs, "remote-stop", {"transaction_id": record["id"]})
        assert reply["status"] == "Accepted"
        assert cs.last("RemoteStopTransaction") == {"transactionId": session.transaction_id}
        await cs.status(1, "Finishing")
        await cs.stop_transaction(session.transaction_id, "Remote")
        await cs.status(1, "Available")
        record = await stopped(api, cs, session.transaction_id)
    assert record["stop_reason"] == "Remote"


@scenario
async def test_tc_026_csms(api):
    """RemoteStartTransaction answered Rejected: the operator gets Rejected (a 200), and no
    transaction appears."""
    token = tag(api)
    async with station(api, "026") as cs:
        cs.replies["RemoteStartTransaction"] = {"status": "Rejected"}
        reply = await command(api, cs, "remote-start", {"connector_id": 1, "id_tag": token})
        assert reply["status"] == "Rejected"
        _start_request(cs, token)
        _no_transaction(api, cs)


@scenario
async def test_tc_028_csms(api):
    """RemoteStopTransaction answered Rejected (the station knows no such transaction): the
    operator gets Rejected and the transaction stays active."""
    token = tag(api)
    async with station(api, "028") as cs:
        session = await charging(cs, token)
        record = stored(api, cs, session.transaction_id)
        cs.replies["RemoteStopTransaction"] = {"status": "Rejected"}
        reply = await command(api, cs, "remote-stop", {"transaction_id": record["id"]})
        assert reply["status"] == "Rejected"
        assert cs.last("RemoteStopTransaction") == {"transactionId": session.transaction_id}
        assert stored(api, cs, session.transaction_id)["stopped_at"] is None


# --- reset ----------------------------------------------------------------------------------


async def _reset(api, label, kind):
    """Reset of the given type; the station reboots: a new connection whose BootNotification
    is Accepted and whose connectors come back Available."""
    async with station(api, label) as cs:
        reply = await command(api, cs, "reset", {"type": kind})
        assert reply["status"] == "Accepted"
        assert cs.last("Reset") == {"type": kind}
    async with connect(api, cs.id) as rebooted:
        await rebooted.statuses("Available")
        shown = api.station(cs.id)
        assert shown["connected"] is True and shown["boot_status"] == "Accepted"


@scenario
async def test_tc_013_csms(api):
    """Hard reset: Reset type Hard, then the re-boot is Accepted."""
    await _reset(api, "013", "Hard")


@scenario
async def test_tc_014_csms(api):
    """Soft reset: Reset type Soft, then the re-boot is Accepted."""
    await _reset(api, "014", "Soft")


# --- unlock connector -----------------------------------------------------------------------


async def _unlock(api, label, connector_id, answer):
    async with station(api, label) as cs:
        cs.replies["UnlockConnector"] = {"status": answer}
        reply = await command(api, cs, "unlock-connector", {"connector_id": connector_id})
        assert reply["status"] == answer
        assert cs.last("UnlockConnector") == {"connectorId": connector_id}


@scenario
async def test_tc_017_1_csms(api):
    """Unlock without a session (detachable cable): UnlockConnector, answered Unlocked."""
    await _unlock(api, "0171", 1, "Unlocked")


@scenario
async def test_tc_017_2_csms(api):
    """Unlock a fixed cable: the NotSupported answer reaches the operator."""
    await _unlock(api, "0172", 1, "NotSupported")


@scenario
async def test_tc_030_csms(api):
    """Unlock fails: the UnlockFailed answer reaches the operator."""
    await _unlock(api, "030", 1, "UnlockFailed")


@scenario
async def test_tc_031_csms(api):
    """Unlock a connector the station does not have (NumberOfConnectors + 1): NotSupported."""
    await _unlock(api, "031", 3, "NotSupported")


@scenario
async def test_tc_018_1_csms(api):
    """Unlock during a session: Unlocked, then StopTransaction reason UnlockCommand is taken
    and the transaction shown stopped with that reason."""
    token = tag(api)
    async with station(api, "0181") as cs:
        session = await charging(cs, token)
        reply = await command(api, cs, "unlock-connector", {"connector_id": 1})
        assert reply["status"] == "Unlocked"
        await cs.status(1, "Finishing")
        await cs.stop_transaction(session.transaction_id, "UnlockCommand")
        await cs.status(1, "Available")
        record = await stopped(api, cs, session.transaction_id)
    assert record["stop_reason"] == "UnlockCommand"


# --- configuration --------------------------------------------------------------------------


@scenario
async def test_tc_019_1_csms(api):
    """GetConfiguration without keys: the whole configuration comes back; the API shows every
    key with its value and whether it is read-only."""
    async with station(api, "0191") as cs:
        reply = await command(api, cs, "get-configuration", {})
        assert reply["status"] == "Accepted"
        assert cs.last("GetConfiguration").get("key", []) == []
        shown = configuration(api, cs.id)
        for key, entry in cs.configuration.items():
            assert shown[key]["value"] == entry.value, key
            assert shown[key]["readonly"] is entry.readonly, key


@scenario
async def test_tc_019_2_csms(api):
    """GetConfiguration of one key (SupportedFeatureProfiles): only that key is asked for and
    the API shows its value, read-only."""
    async with station(api, "0192") as cs:
        reply = await command(
            api, cs, "get-configuration", {"keys": ["SupportedFeatureProfiles"]}
        )
        assert reply["status"] == "Accepted"
        assert cs.last("GetConfiguration") == {"key": ["SupportedFeatureProfiles"]}
        [entry] = reply["response"]["configurationKey"]
        assert entry["key"] == "SupportedFeatureProfiles"
        shown = configuration(api, cs.id)["SupportedFeatureProfiles"]
        assert shown["value"] == cs.configuration["SupportedFeatureProfiles"].value
        assert shown["readonly"] is True


@scenario
async def test_tc_021_csms(api):
    """ChangeConfiguration MeterValueSampleInterval=60: Accepted, and the API shows 60."""
    async with station(api, "021") as cs:
        reply = await command(
            api, cs, "change-configuration", {"key": "MeterValueSampleInterval", "value": "60"}
        )
        assert reply["status"] == "Accepted"
        assert cs.last("ChangeConfiguration") == {"key": "MeterValueSampleInterval", "value": "60"}
        assert cs.configuration["MeterValueSampleInterval"].value == "60"
        assert configuration(api, cs.id)["MeterValueSampleInterval"]["value"] == "60"


@scenario
async def test_tc_040_1_csms(api):
    """ChangeConfiguration of a key the station does not know: NotSupported reaches the
    operator, and the API shows no such key."""
    async with station(api, "0401") as cs:
        reply = await command(
            api, cs, "change-configuration", {"key": "OcttUnknownKey", "value": "1"}
        )
        assert reply["status"] == "NotSupported"
        assert "OcttUnknownKey" not in configuration(api, cs.id)


@scenario
async def test_tc_040_2_csms(api):
    """ChangeConfiguration MeterValueSampleInterval=-1, which the station rejects: Rejected
    reaches the operator, and the API never shows -1."""
    async with station(api, "0402") as cs:
        await command(api, cs, "get-configuration", {"keys": ["MeterValueSampleInterval"]})
        cs.replies["ChangeConfiguration"] = {"status": "Rejected"}
        reply = await command(
            api, cs, "change-configuration", {"key": "MeterValueSampleInterval", "value": "-1"}
        )
        assert reply["status"] == "Rejected"
        assert cs.last("ChangeConfiguration") == {"key": "MeterValueSampleInterval", "value": "-1"}
        assert configuration(api, cs.id)["MeterValueSampleInterval"]["value"] == "0"


# --- authorization --------------------------------------------------------------------------


@scenario
async def test_tc_023_1_csms(api):
    """Authorize with a tag the CSMS does not know: Invalid."""
    async with station(api, "0231") as cs:
        assert (await cs.authorize("OCTT-UNKNOWN-023"))["status"] == "Invalid"


@scenario
async def test_tc_023_2_csms(api):
    """Authorize with an expired tag: Expired (an Accepted tag whose expiry date passed, and
    one the operator marked Expired)."""
    past = tag(api, expiry_date=now_iso(-3600))
    marked = tag(api, "Expired")
    async with station(api, "0232") as cs:
        assert (await cs.authorize(past))["status"] == "Expired"
        assert (await cs.authorize(marked))["status"] == "Expired"


@scenario
async def test_tc_023_3_csms(api):
    """Authorize with a blocked tag: Blocked."""
    blocked = tag(api, "Blocked")
    async with station(api, "0233") as cs:
        assert (await cs.authorize(blocked))["status"] == "Blocked"


# --- faults ---------------------------------------------------------------------------------


@scenario
async def test_tc_024_csms(api):
    """The connector cannot lock: StatusNotification Faulted / ConnectorLockFailure is taken
    and shown."""
    async with station(api, "024") as cs:
        await cs.status(1, "Preparing")
        await cs.status(1, "Faulted", "ConnectorLockFailure")
        [connector] = [c for c in api.station(cs.id)["connectors"] if c["connector_id"] == 1]
        assert (connector["status"], connector["error_code"]) == (
            "Faulted",
            "ConnectorLockFailure",
        )


# --- power loss and offline -----------------------------------------------------------------


@scenario
async def test_tc_032_1_csms(api):
    """Power failure during a session, the station set to stop transactions: after the
    re-boot (Accepted) and the Finishing/Available statuses, the StopTransaction with reason
    PowerLoss for the old transaction is taken."""
    token = tag(api)
    async with station(api, "0321") as cs:
        session = await charging(cs, token)
    async with connect(api, cs.id) as rebooted:
        await rebooted.status(0, "Available")
        await rebooted.status(1, "Finishing")
        await rebooted.status(2, "Available")
        await rebooted.stop_transaction(session.transaction_id, "PowerLoss", timestamp=now_iso(-5))
        await rebooted.status(1, "Available")
        record = await stopped(api, rebooted, session.transaction_id)
    assert record["stop_reason"] == "PowerLoss"


async def _offline(api, label):
    """A station that was offline: it connects and boots; its connectors are reported."""
    async with station(api, label) as cs:
        pass
    return connect(api, cs.id)


@scenario
async def test_tc_037_1_csms(api):
    """A transaction started offline with a valid tag: the StartTransaction queued while
    offline arrives after reconnect with its past timestamp and is Accepted; the API keeps
    the station's start time."""
    token = tag(api)
    began = now_iso(-120)
    async with await _offline(api, "0371") as cs:
        await cs.statuses("Available")
        await cs.status(1, "Charging")
        session = await started(cs, 1, token, timestamp=began)
    assert same_instant(stored(api, cs, session.transaction_id)["started_at"], began)


@scenario
async def test_tc_037_3_csms(api):
    """A transaction started offline with an invalid tag (StopTransactionOnInvalidId true):
    the replayed StartTransaction is answered Invalid; the station then stops it with reason
    DeAuthorized, which is taken."""
    async with await _offline(api, "0373") as cs:
        await cs.statuses("Available")
        result = await cs.start_transaction(1, "OCTT-INVALID-0373", timestamp=now_iso(-60))
        assert result.id_tag_info["status"] == "Invalid"
        await cs.status(1, "Finishing")
        await cs.stop_transaction(result.transaction_id, "DeAuthorized")
        await cs.status(1, "Available")
        record = await stopped(api, cs, result.transaction_id)
    assert record["stop_reason"] == "DeAuthorized"


@scenario
async def test_tc_039_csms(api):
    """A whole transaction made offline: StartTransaction then StopTransaction (reason Local),
    both with past timestamps, replayed in order after reconnect; both are taken and the API
    shows the station's times."""
    token = tag(api)
    began, ended = now_iso(-600), now_iso(-300)
    async with await _offline(api, "039") as cs:
        await cs.statuses("Available")
        session = await started(cs, 1, token, timestamp=began, meter_start=2000)
        await cs.stop_transaction(session.transaction_id, "Local", timestamp=ended, meter_stop=2600)
        record = await stopped(api, cs, session.transaction_id)
    assert same_instant(record["started_at"], began)
    assert same_instant(record["stopped_at"], ended)
    assert record["stop_reason"] == "Local" and record["energy_wh"] == 600


# --- data transfer --------------------------------------------------------------------------


@scenario
async def test_tc_064_csms(api):
    """DataTransfer from the station with a vendor the CSMS does not know: answered Rejected,
    UnknownMessageId or UnknownVendorId."""
    async with station(api, "064") as cs:
        result = await cs.data_transfer("org.openchargealliance.octt", "OcttMessage", "data")
        assert result.status in ("Rejected", "UnknownMessageId", "UnknownVendorId")

