"""Core, functional block N: logs and customer information.

No 2.0.1 command covers GetLog or CustomerInformation yet, so the operator sends them through
the raw call; under test is that the CSMS delivers them as given and takes the
LogStatusNotification / NotifyCustomerInformation messages that follow.
"""

import itertools

from ocpp.v201 import call

from conformance.octt import TOKEN_TYPE, raw_call, scenario, station, tag
from interop_support import now_iso

_request_ids = itertools.count(200)


def get_log(log_type: str) -> dict:
    return {
        "logType": log_type,
        "requestId": next(_request_ids),
        "log": {"remoteLocation": "https://logs.example.com/upload"},
    }


async def _get_log(api, cs, log_type, answer="Accepted") -> dict:
    cs.replies["GetLog"] = {"status": answer, "filename": "octt.log"}
    request = get_log(log_type)
    result = await raw_call(api, cs, "GetLog", request)
    assert result["status"] == answer
    assert cs.last("GetLog") == request
    return request


async def _log_uploaded(api, label, log_type):
    async with station(api, label) as cs:
        request = await _get_log(api, cs, log_type)
        await cs.log_status("Uploading", "Uploaded", request_id=request["requestId"])


@scenario
async def test_tc_n_25_csms(api):
    """GetLog DiagnosticsLog accepted; Uploading and Uploaded notifications taken."""
    await _log_uploaded(api, "n25", "DiagnosticsLog")


@scenario
async def test_tc_n_34_csms(api):
    """GetLog the station rejects: Rejected reaches the operator."""
    async with station(api, "n34") as cs:
        await _get_log(api, cs, "DiagnosticsLog", "Rejected")


@scenario
async def test_tc_n_35_csms(api):
    """GetLog SecurityLog accepted; Uploading and Uploaded taken."""
    await _log_uploaded(api, "n35", "SecurityLog")


@scenario
async def test_tc_n_36_csms(api):
    """A second GetLog during an upload: the station cancels the first (AcceptedCanceled)
    and uploads the second; every notification is taken."""
    async with station(api, "n36") as cs:
        first = await _get_log(api, cs, "DiagnosticsLog")
        await cs.log_status("Uploading", request_id=first["requestId"])
        second = await _get_log(api, cs, "DiagnosticsLog", "AcceptedCanceled")
        await cs.log_status("Uploading", "Uploaded", request_id=second["requestId"])


async def _customer_information(api, label, *, report, clear, answer="Accepted", data=None,
                                 identifier=None):
    """CustomerInformation for a token (or a customerIdentifier) through the raw call; then
    the station's NotifyCustomerInformation parts, if it has something to tell."""
    async with station(api, label) as cs:
        cs.replies["CustomerInformation"] = {"status": answer}
        request = {"requestId": next(_request_ids), "report": report, "clear": clear}
        if identifier:
            request["customerIdentifier"] = identifier
        else:
            request["idToken"] = {"idToken": tag(api), "type": TOKEN_TYPE}
        result = await raw_call(api, cs, "CustomerInformation", request)
        assert result["status"] == answer
        assert cs.last("CustomerInformation") == request
        parts = data or []
        for seq_no, text in enumerate(parts):
            await cs.send(
                call.NotifyCustomerInformation(
                    data=text,
                    seq_no=seq_no,
                    generated_at=now_iso(),
                    request_id=request["requestId"],
                    tbc=seq_no + 1 < len(parts),
                )
            )


@scenario
async def test_tc_n_27_csms(api):
    """Report on a token's customer data, which exists: the data arrives in two parts."""
    await _customer_information(
        api, "n27", report=True, clear=False, data=["transactions: 3", "cards: 1"]
    )


@scenario
async def test_tc_n_28_csms(api):
    """Report on a token without data: one NotifyCustomerInformation saying so."""
    await _customer_information(api, "n28", report=True, clear=False, data=["No data found"])


@scenario
async def test_tc_n_29_csms(api):
    """CustomerInformation the station rejects: Rejected reaches the operator."""
    await _customer_information(api, "n29", report=True, clear=False, answer="Rejected")


@scenario
async def test_tc_n_30_csms(api):
    """Clear and report, data present: the report of what was cleared is taken."""
    await _customer_information(
        api, "n30", report=True, clear=True, data=["cleared: transactions: 3"]
    )


@scenario
async def test_tc_n_31_csms(api):
    """Clear and report, no data: the empty report is taken."""
    await _customer_information(api, "n31", report=True, clear=True, data=["No data found"])


@scenario
async def test_tc_n_32_csms(api):
    """Clear without report (report false): the station's confirmation is taken."""
    await _customer_information(api, "n32", report=False, clear=True, data=["Cleared"])


@scenario
async def test_tc_n_62_csms(api):
    """Clear and report by customerIdentifier "OpenChargeAlliance" (C-14)."""
    await _customer_information(
        api, "n62", report=True, clear=True, identifier="OpenChargeAlliance",
        data=["No data found"],
    )
