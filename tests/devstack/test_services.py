"""devstack.services: the emulators as installed, with the committed patches applied."""

from __future__ import annotations

import subprocess

from devstack import services

COMPILE = (
    "const q = require('@zeit/cosmosdb-query').default;"
    "process.stdout.write(q(process.argv[1]).code);"
)


def _compiled(sql: str) -> str:
    services.install()
    return subprocess.run(["node", "-e", COMPILE, sql], cwd=services.STACK, check=True,
                          capture_output=True, text=True).stdout


def test_the_emulator_query_compiler_appends_rows_in_place() -> None:
    code = _compiled("SELECT TOP 25 c.id FROM c WHERE c.status = @s ORDER BY c.callDate DESC")

    assert "$.push({" in code
    assert "[...$" not in code


def test_joins_append_in_place_too() -> None:
    code = _compiled("SELECT VALUE t FROM c JOIN t IN c.tags")

    assert code.count("$.push(") == 2
    assert "[...$" not in code

