"""Install, start, check and stop the emulators. Used by `python -m devstack`, make and tests."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
STACK = Path(os.environ.get("DEVSTACK_DIR", REPO / ".stack"))

# The well-known development credentials of both emulators (public, not secrets).
AZURITE_CONNECTION = "UseDevelopmentStorage=true"
COSMOS_KEY = ("C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/"
              "Jw==")


class StackError(Exception):
    """A service cannot be installed or started; the message says what to do."""


@dataclass(frozen=True)
class Service:
    name: str
    ports: tuple[int, ...]

    @property
    def pidfile(self) -> Path:
        return STACK / "run" / f"{self.name}.pid"

    @property
    def logfile(self) -> Path:
        return STACK / "logs" / f"{self.name}.log"

    def command(self) -> list[str]:
        modules = STACK / "node_modules"
        if self.name == "azurite":
            blob, queue, table = self.ports
            return ["node", str(modules / "azurite" / "dist" / "src" / "azurite.js"),
                    "--location", str(STACK / "azurite"), "--silent", "--skipApiVersionCheck",
                    "--loose", "--disableTelemetry", "--blobHost", "127.0.0.1", "--blobPort",
                    str(blob), "--queueHost", "127.0.0.1", "--queuePort", str(queue),
                    "--tableHost", "127.0.0.1", "--tablePort", str(table)]
        return ["node", str(modules / "@vercel" / "cosmosdb-server" / "lib" / "cli.js"),
                "--host", "127.0.0.1", "-p", str(self.ports[0])]


AZURITE = Service("azurite", (int(os.environ.get("AZURITE_BLOB_PORT", "10000")),
                              int(os.environ.get("AZURITE_QUEUE_PORT", "10001")),
                              int(os.environ.get("AZURITE_TABLE_PORT", "10002"))))
COSMOS = Service("cosmos", (int(os.environ.get("COSMOS_EMULATOR_PORT", "8081")),))
SERVICES = (AZURITE, COSMOS)


def cosmos_endpoint() -> str:
    return f"https://127.0.0.1:{COSMOS.ports[0]}/"


def storage_connection() -> str:
    blob, queue, table = AZURITE.ports
    if (blob, queue, table) == (10000, 10001, 10002):
        return AZURITE_CONNECTION
    account = "devstoreaccount1"
    key = ("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/"
           "KBHBeksoGMGw==")
    return (f"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={key};"
            f"BlobEndpoint=http://127.0.0.1:{blob}/{account};"
            f"QueueEndpoint=http://127.0.0.1:{queue}/{account};"
            f"TableEndpoint=http://127.0.0.1:{table}/{account};")


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.3)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _pid(service: Service) -> int | None:
    try:
        pid = int(service.pidfile.read_text())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def install() -> None:
    """npm ci into .stack from the committed lock file, then the committed patches (patch-package,
    run by npm as the postinstall step); skipped when neither changed.

    The one patch (patches/@zeit+cosmosdb-query+*.patch) mends the Cosmos DB emulator's query
    compiler, which copied its accumulator for every document it scanned (`[...acc, doc]` in a
    reduce): every query was quadratic in the container's size (8 s at 30,000 documents, no
    answer at 100,000). It appends in place instead; the queries' answers are unchanged.
    """
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise StackError("node and npm are needed for the emulators (apt-get install nodejs npm)")
    patches = sorted((HERE / "patches").glob("*.patch"))
    stamp = STACK / "node_modules" / ".devstack-lock-sha256"
    inputs = [HERE / "package-lock.json", *patches]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in inputs)).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    STACK.mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "package.json", STACK / "package.json")
    shutil.copy(HERE / "package-lock.json", STACK / "package-lock.json")
    shutil.rmtree(STACK / "patches", ignore_errors=True)
    shutil.copytree(HERE / "patches", STACK / "patches")
    print("devstack: installing Azurite and the Cosmos DB emulator from npm ...", flush=True)
    result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                            cwd=STACK, capture_output=True, text=True)
    if result.returncode != 0:
        raise StackError(f"npm ci failed:\n{result.stderr[-2000:]}")
    stamp.write_text(digest)


def speaks(service: Service) -> bool:
    """Whether what listens on the service's first port answers like that emulator."""
    import ssl
    import urllib.error
    import urllib.request

    if service.name == "azurite":
        url, context = f"http://127.0.0.1:{service.ports[0]}/devstoreaccount1?comp=list", None
    else:
        url = f"https://127.0.0.1:{service.ports[0]}/"
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    try:
        with urllib.request.urlopen(url, timeout=2, context=context) as resp:
            headers, body = resp.headers, resp.read(2000)
    except urllib.error.HTTPError as err:
        headers, body = err.headers, err.read(2000)
    except (OSError, ValueError):
        return False
    if service.name == "azurite":
        return "x-ms-request-id" in {k.lower() for k in headers}
    return b"_self" in body or b"DatabaseAccount" in body or b"databaseAccount" in body


def start(service: Service, timeout: float = 30) -> bool:
    """Start `service` unless it is already up. Returns True when this call started it.

    An emulator already listening on the ports (ours, or another checkout's) is reused and left
    running; anything else on those ports is an error with a clear message.
    """
    if all(port_open(p) for p in service.ports) and (_pid(service) or speaks(service)):
        return False
    busy = [p for p in service.ports if port_open(p)]
    if busy:
        raise StackError(f"{service.name}: port(s) {busy} are in use by another process; stop it, "
                         f"or choose other ports (AZURITE_*_PORT / COSMOS_EMULATOR_PORT)")
    for d in (service.pidfile.parent, service.logfile.parent, STACK / "azurite"):
        d.mkdir(parents=True, exist_ok=True)
    with service.logfile.open("ab") as log:
        proc = subprocess.Popen(service.command(), stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    service.pidfile.write_text(str(proc.pid))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise StackError(f"{service.name} exited with {proc.returncode}; see {service.logfile}")
        if all(port_open(p) for p in service.ports):
            return True
        time.sleep(0.1)
    raise StackError(f"{service.name} did not listen on {service.ports} within {timeout}s")


def stop(service: Service) -> bool:
    pid = _pid(service)
    if pid is None:
        service.pidfile.unlink(missing_ok=True)
        return False
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _pid(service):
        time.sleep(0.1)
    if _pid(service):
        os.killpg(pid, signal.SIGKILL)
    service.pidfile.unlink(missing_ok=True)
    return True


def up(services: tuple[Service, ...] = SERVICES) -> list[Service]:
    install()
    return [s for s in services if start(s)]


def down(services: tuple[Service, ...] = SERVICES) -> None:
    for s in services:
        stop(s)


def status() -> dict[str, str]:
    out = {}
    for s in SERVICES:
        pid = _pid(s)
        listening = all(port_open(p) for p in s.ports)
        out[s.name] = (f"running (pid {pid}, ports {s.ports})" if pid and listening else
                       "ports in use by another process" if listening else "stopped")
    return out
