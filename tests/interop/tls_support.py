"""wss:// for the security-profile cases (2: TLS + Basic auth, 3: mutual TLS).

tests/interop.rs starts the server's TLS listener with certificates it makes for the run and
says where through the environment: SWITCHYARD_TLS_URL (https://HOST:PORT), SWITCHYARD_TLS_CA
(the CA that issued the server certificates and the client ones) and SWITCHYARD_TLS_CLIENTS
(a directory with client-ID.pem / client-ID.key, CN = ID, for the stations listed in
interop.rs's CLIENT_CERTIFICATES).
"""

import os
import ssl
import urllib.parse
import warnings
from typing import Optional

from websockets.asyncio.client import connect as ws_connect

from interop_support import basic_auth


def _env(name: str) -> str:
    try:
        return os.environ[name]
    except KeyError:
        raise RuntimeError(
            f"{name} is not set: run these tests through `cargo test --test interop`, which "
            "starts the TLS listener"
        ) from None


def wss_url(station_id: str) -> str:
    netloc = urllib.parse.urlsplit(_env("SWITCHYARD_TLS_URL")).netloc
    return f"wss://{netloc}/ocpp/{urllib.parse.quote(station_id, safe='')}"


def context(
    client: Optional[str] = None,
    *,
    maximum: Optional[ssl.TLSVersion] = None,
    ciphers: Optional[str] = None,
) -> ssl.SSLContext:
    """A station's TLS context: trusts the test CA; `client` presents that station's
    certificate; `maximum` caps the version; `ciphers` (OpenSSL names) limits TLS 1.2."""
    ctx = ssl.create_default_context(cafile=_env("SWITCHYARD_TLS_CA"))
    if client is not None:
        folder = _env("SWITCHYARD_TLS_CLIENTS")
        ctx.load_cert_chain(
            os.path.join(folder, f"client-{client}.pem"),
            os.path.join(folder, f"client-{client}.key"),
        )
    if maximum is not None:
        if maximum < ssl.TLSVersion.TLSv1_2:
            # OpenSSL 3 refuses TLS 1.0/1.1 itself at its default security level; level 0
            # lets the old ClientHello go out, so it is the server that refuses it.
            ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
        with warnings.catch_warnings():
            # Python deprecates TLS 1.0/1.1, which is what these cases play.
            warnings.simplefilter("ignore", DeprecationWarning)
            if maximum < ssl.TLSVersion.TLSv1_2:
                ctx.minimum_version = ssl.TLSVersion.TLSv1
            ctx.maximum_version = maximum
    if ciphers is not None:
        ctx.set_ciphers(ciphers)
    return ctx


async def open_wss(
    station_id: str,
    *,
    password: Optional[str] = None,
    client: Optional[str] = None,
    subprotocols=("ocpp1.6",),
    ssl_context: Optional[ssl.SSLContext] = None,
):
    """A WebSocket over TLS to the server, as a station of profile 2 or 3 opens it."""
    headers = basic_auth(station_id, password) if password is not None else None
    return await ws_connect(
        wss_url(station_id),
        ssl=ssl_context or context(client),
        subprotocols=list(subprotocols),
        additional_headers=headers,
        open_timeout=10,
        ping_interval=None,
    )
