"""Debian's headless Chromium driven by Playwright (never a downloaded browser), for tests and bench."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]


def chromium_path() -> str:
    """The Chromium binary: $KG_CHROMIUM, else Debian's; a clear error naming the install script if absent."""
    for candidate in (os.environ.get("KG_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                      shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise RuntimeError("no Chromium found: run `sh scripts/install-browser.sh` or set KG_CHROMIUM")


def launch(playwright):
    """Launch headless Chromium through Playwright with kg's flags (no network chatter of its own)."""
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=ARGS)


def offline_page(browser, requests: list[str], viewport: tuple[int, int] = (1280, 800)):
    """A new page whose every request except file:// loads is aborted and recorded in ``requests``.

    The page's Content-Security-Policy is bypassed so that any request it would make really is attempted
    (and caught here) rather than silently blocked, and so Playwright may evaluate its probes.
    """
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, service_workers="block",
                                  bypass_csp=True)
    page = context.new_page()

    def route(r):
        url = r.request.url
        if url.startswith("file://"):
            r.continue_()
        else:
            requests.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda req: None if req.url.startswith("file://") else requests.append(req.url))
    return page


def wait_ready(page, timeout_ms: float = 60_000) -> None:
    """Wait until the kg page says it has drawn and wired its controls (window.kgReady)."""
    page.wait_for_function("window.kgReady === true", timeout=timeout_ms)
