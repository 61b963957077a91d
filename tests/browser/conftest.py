"""The workspace in a real browser: Debian's chromium driven headless by Playwright, against the
app under the local host on the emulators (Azurite, Cosmos DB).

One host serves the module. Before the tests run it has processed two calls that failed (the
product catalog was missing, a transient failure the tests replay from the pages, one alone and
one by the list's batch replay); the catalog is then in place, so every later call completes.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
SCREENSHOTS = REPO / "docs" / "screenshots"
CATALOG = ["Fleet Tracking Software", "Premium Support Plan", "Scheduling Software",
           "Patient Reminder", "Inventory Management Platform", "Analytics Dashboard",
           "Data Export Module"]
FAILED_BLOB = "replay me - brightside.mp3"
BATCH_BLOB = "batch replay - brightside.mp3"
BACKGROUND_BLOBS = ["priya-shah-northwind.mp3", "tom-becker-globex.mp3"]
"""Generated calls uploaded once the catalog is in place, processed while the tests run, so the
list and insights screenshots show more than one call."""


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("Debian's chromium is not installed (make setup installs it with apt)")
    return path


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    """Module-scoped: Playwright's sync API keeps an event loop running while it is open, which
    would break every later test that calls asyncio.run()."""
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    args = ["--no-sandbox", "--autoplay-policy=no-user-gesture-required", "--mute-audio"]
    b = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=args)
    yield b
    b.close()


@pytest.fixture(scope="module")
def workspace_host(tmp_path_factory: pytest.TempPathFactory, stack: None) -> Iterator[AppHost]:
    tmp = tmp_path_factory.mktemp("workspace")
    catalog = tmp / "catalog.txt"  # missing at first: the first call fails at extraction
    host = AppHost(tmp, PRODUCT_CATALOG_PATH=str(catalog))
    host.start()
    try:
        host.upload(FAILED_BLOB, (SAMPLES / "daniel-kim-brightside.mp3").read_bytes())
        host.upload(BATCH_BLOB, write(conversation(CALLS[1].lines), tmp / "batch.mp3")
                    .read_bytes())
        for blob in (FAILED_BLOB, BATCH_BLOB):
            failed = host.wait_call(blob, timeout=240)
            assert failed["record"]["status"] == "failed", failed
        catalog.write_text("\n".join(CATALOG) + "\n")
        for blob, script in zip(BACKGROUND_BLOBS, (CALLS[2], CALLS[3]), strict=True):
            host.upload(blob, write(conversation(script.lines), tmp / blob).read_bytes())
        yield host
    finally:
        host.stop()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    yield p
    assert not errors, f"JavaScript errors on the page: {errors}"


def screenshot(page: Page, name: str, tmp_path: Path) -> Path:
    """A PNG of the page as a person sees it; into docs/screenshots/ when UPDATE_SCREENSHOTS=1
    (the README shows those), else next to the test's other files."""
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.png"
    page.mouse.move(0, 0)  # no hover state left over from the test's clicks
    page.wait_for_timeout(300)
    page.screenshot(path=str(target), full_page=False)
    return target
