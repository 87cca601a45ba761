"""Core, functional block M: certificate management on the station.

There are no certificate commands yet, so the operator sends GetInstalledCertificateIds,
DeleteCertificate and InstallCertificate through the raw call; under test is that the CSMS
delivers them as given (schema-valid) and brings back the station's answers.
"""

from conformance.octt import raw_call, scenario, station

HASH_DATA = {
    "hashAlgorithm": "SHA256",
    "issuerNameHash": "a" * 64,
    "issuerKeyHash": "b" * 64,
    "serialNumber": "0c7f3e",
}
PEM = "-----BEGIN CERTIFICATE-----\nMIIBOCTTroot\n-----END CERTIFICATE-----"


def _installed(*types) -> dict:
    """A GetInstalledCertificateIds answer listing one certificate of each type."""
    return {
        "status": "Accepted",
        "certificate_hash_data_chain": [
            {
                "certificate_type": kind,
                "certificate_hash_data": {
                    "hash_algorithm": HASH_DATA["hashAlgorithm"],
                    "issuer_name_hash": HASH_DATA["issuerNameHash"],
                    "issuer_key_hash": HASH_DATA["issuerKeyHash"],
                    "serial_number": HASH_DATA["serialNumber"],
                },
            }
            for kind in types
        ],
    }


async def _get_ids(api, cs, types, reply) -> dict:
    cs.replies["GetInstalledCertificateIds"] = reply
    payload = {"certificateType": types} if types else {}
    result = await raw_call(api, cs, "GetInstalledCertificateIds", payload)
    assert cs.last("GetInstalledCertificateIds") == payload
    return result


@scenario
async def test_tc_m_13_csms(api):
    """GetInstalledCertificateIds for ManufacturerRootCertificate: the station's list comes
    back to the operator."""
    async with station(api, "m13") as cs:
        result = await _get_ids(
            api, cs, ["ManufacturerRootCertificate"], _installed("ManufacturerRootCertificate")
        )
        assert result["status"] == "Accepted"
        assert result["certificateHashDataChain"][0]["certificateHashData"] == HASH_DATA


@scenario
async def test_tc_m_18_csms(api):
    """GetInstalledCertificateIds with certificateType omitted: every type comes back."""
    types = ("V2GRootCertificate", "MORootCertificate", "CSMSRootCertificate",
             "ManufacturerRootCertificate")
    async with station(api, "m18") as cs:
        result = await _get_ids(api, cs, None, _installed(*types))
        assert [c["certificateType"] for c in result["certificateHashDataChain"]] == list(types)


@scenario
async def test_tc_m_19_csms(api):
    """GetInstalledCertificateIds for ManufacturerRootCertificate, none installed:
    NotFound reaches the operator."""
    async with station(api, "m19") as cs:
        result = await _get_ids(api, cs, ["ManufacturerRootCertificate"], {"status": "NotFound"})
        assert result == {"status": "NotFound"}


async def _delete(api, label, answer):
    """The installed CSMSRootCertificate is looked up, then deleted by its hash data."""
    async with station(api, label) as cs:
        listed = await _get_ids(
            api, cs, ["CSMSRootCertificate"], _installed("CSMSRootCertificate")
        )
        hash_data = listed["certificateHashDataChain"][0]["certificateHashData"]
        cs.replies["DeleteCertificate"] = {"status": answer}
        result = await raw_call(
            api, cs, "DeleteCertificate", {"certificateHashData": hash_data}
        )
        assert result["status"] == answer
        assert cs.last("DeleteCertificate") == {"certificateHashData": HASH_DATA}


@scenario
async def test_tc_m_20_csms(api):
    """DeleteCertificate with the hash data the station returned: Accepted."""
    await _delete(api, "m20", "Accepted")


@scenario
async def test_tc_m_21_csms(api):
    """DeleteCertificate that fails at the station: Failed reaches the operator."""
    await _delete(api, "m21", "Failed")


async def _install(api, label, kind, answer):
    async with station(api, label) as cs:
        cs.replies["InstallCertificate"] = {"status": answer}
        payload = {"certificateType": kind, "certificate": PEM}
        result = await raw_call(api, cs, "InstallCertificate", payload)
        assert result["status"] == answer
        assert cs.last("InstallCertificate") == payload


@scenario
async def test_tc_m_01_csms(api):
    """InstallCertificate of a CSMSRootCertificate: Accepted."""
    await _install(api, "m01", "CSMSRootCertificate", "Accepted")


@scenario
async def test_tc_m_02_csms(api):
    """InstallCertificate of a ManufacturerRootCertificate: Accepted."""
    await _install(api, "m02", "ManufacturerRootCertificate", "Accepted")


@scenario
async def test_tc_m_05_csms(api):
    """InstallCertificate the station refuses: Rejected reaches the operator."""
    await _install(api, "m05", "CSMSRootCertificate", "Rejected")
