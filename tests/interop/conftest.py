"""Fixtures for the interop tests; the pieces themselves live in interop_support.py."""

import pytest

from interop_support import Api


@pytest.fixture(scope="session")
def api() -> Api:
    try:
        client = Api.from_env()
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    health = client.get("/health", token=None)
    assert health.status == 200, f"the server at {client.base} is not healthy: {health}"
    return client
