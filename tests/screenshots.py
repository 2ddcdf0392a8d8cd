"""The README's screenshots of `dpia serve` (`make screenshots`): the start page, a section
with findings beside its fields, and a document preview, in Dutch, from the samples.

    python -m tests.screenshots [OUT]     # default: docs/screenshots/
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from tests.serving import SAMPLES, running
from tests.test_serve_browser import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
SIZE = {"width": 1280, "height": 800}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(tmp) / "samples"
        shutil.copytree(SAMPLES, folder)
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        with running(folder) as live:
            page = browser.new_page(viewport=SIZE)
            page.goto(live.opening_url)
            page.screenshot(path=out / "start.png")
            page.goto(f"{live.base}/edit/secondary-ai-homework.yaml?section=description")
            field = page.locator('[data-path="description.ai_system.tool_picker"]')
            expect(field.locator(".findings")).to_be_visible()
            field.evaluate("e => e.scrollIntoView({block: 'center'})")
            page.screenshot(path=out / "section.png")
            page.goto(f"{live.base}/edit/secondary-ai-homework.yaml?section=risks")
            page.locator("#doc").select_option("dpia")
            page.locator("#doc-lang").select_option("nl")
            page.get_by_role("button", name="Voorbeeld", exact=True).click()
            preview = page.locator("#preview")
            expect(page.frame_locator("#preview").locator("h1").first).to_be_visible()
            preview.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.screenshot(path=out / "preview.png")
        browser.close()
    for name in ("start", "section", "preview"):
        print(out / f"{name}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
