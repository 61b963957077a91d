"""Who may open the workspace: the host's keys (the default), or App Service Authentication.

`WORKSPACE_AUTH=keys` (default): the pages and the JSON API are function-level routes. The local
host opens them on loopback without a key and asks for one beyond loopback or with
`--require-keys`; Azure asks for one always.

`WORKSPACE_AUTH=platform`: for Azure behind App Service Authentication (Entra ID sign-in), which
redirects a browser to sign in before a request reaches the app, and which a browser cannot pass
a function key through. The workspace routes are then anonymous at the Functions level, and each
request must carry the signed-in user's `X-MS-CLIENT-PRINCIPAL-ID` header, which App Service
Authentication sets (and strips from what a client sends); without it, 401. Only set this where
App Service Authentication is on and requires sign-in.

The auth level is fixed when the blueprint is declared, so the setting is read at import time (app
settings are environment variables by then, in Azure and under devhost). Settings that do not
validate (an unknown mode among them) leave the routes at `keys`, the safe side, and the start-up
log names the problem.
"""

from __future__ import annotations

import azure.functions as func

from errors import ConfigurationError
from settings import get_settings

PRINCIPAL_HEADER = "x-ms-client-principal-id"
PRINCIPAL_NAME_HEADER = "x-ms-client-principal-name"


def mode() -> str:
    try:
        return get_settings().workspace_auth
    except ConfigurationError:
        return "keys"


def auth_level() -> func.AuthLevel:
    return func.AuthLevel.ANONYMOUS if mode() == "platform" else func.AuthLevel.FUNCTION


def refused(req: func.HttpRequest) -> func.HttpResponse | None:
    """A 401 when the platform mode is on and no signed-in user came with the request."""
    if mode() == "platform" and not req.headers.get(PRINCIPAL_HEADER):
        return func.HttpResponse('{"error": "sign in first (App Service Authentication)"}',
                                 status_code=401, mimetype="application/json")
    return None


def user_name(req: func.HttpRequest) -> str | None:
    """The signed-in user's name (App Service Authentication), for corrections and audit lines."""
    return req.headers.get(PRINCIPAL_NAME_HEADER) if mode() == "platform" else None
