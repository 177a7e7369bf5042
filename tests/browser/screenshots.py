"""Save screenshots of every page type at phone and desktop widths, to look at them.

    python3 tests/browser/screenshots.py [--out screenshots] [--site site]

Builds nothing: point it at a built site (default: site/).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from browser.site import PAGE_TYPES, chromium, serve  # noqa: E402

WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as url, chromium() as browser:
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in PAGE_TYPES.items():
                page.goto(url + path, wait_until="networkidle")
                target = args.out / f"{width_name}-{name.replace(' ', '-')}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            context.close()


if __name__ == "__main__":
    main()
