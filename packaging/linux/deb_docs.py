"""Write the .deb's /usr/share/doc files: `copyright` (DEP-5, from LICENSE) and `changelog.gz`
(Debian's format, from the <release> entries of the AppStream metainfo: one history to keep).

    python packaging/linux/deb_docs.py DOC_DIR
"""

from __future__ import annotations

import gzip
import sys
import textwrap
import tomllib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
METAINFO = ROOT / "resources" / "com.agentsgt.desktop.metainfo.xml"
MAINTAINER = "AgentsGT Desktop team <desktop@agentsgt.com>"


def releases(metainfo: Path = METAINFO) -> list[tuple[str, str, str]]:
    """(version, ISO date, description text) of each release, newest first as written."""
    found = []
    for release in ET.parse(metainfo).getroot().iterfind("releases/release"):
        paragraphs = [
            " ".join("".join(node.itertext()).split()) for node in release.iterfind("description/*")
        ]
        found.append((release.get("version", ""), release.get("date", ""), " ".join(paragraphs)))
    return found


def changelog(name: str, entries: list[tuple[str, str, str]]) -> str:
    """The entries as a Debian changelog."""
    blocks = []
    for version, date, text in entries:
        when = datetime.fromisoformat(date).replace(tzinfo=UTC)
        body = textwrap.fill(text or "New release.", width=76, initial_indent="  * ",
                             subsequent_indent="    ")  # fmt: skip
        blocks.append(
            f"{name} ({version}) stable; urgency=medium\n\n{body}\n\n"
            f" -- {MAINTAINER}  {when.strftime('%a, %d %b %Y %H:%M:%S +0000')}\n"
        )
    return "\n".join(blocks)


def copyright_file(name: str, license_text: str) -> str:
    """A machine-readable debian/copyright for the whole package under the MIT license."""
    body = "\n".join(f" {line}" if line.strip() else " ." for line in license_text.splitlines())
    holder = next(line for line in license_text.splitlines() if line.startswith("Copyright"))
    holder = holder.removeprefix("Copyright (c)").strip()
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {name}\nSource: https://agentsgt.com\n\n"
        f"Files: *\nCopyright: {holder}\nLicense: MIT\n\nLicense: MIT\n{body}\n"
    )


def main(argv: list[str]) -> int:
    doc = Path(argv[1])
    doc.mkdir(parents=True, exist_ok=True)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entries = releases()
    if not entries or entries[0][0] != project["version"]:
        print(f"the newest release in {METAINFO.name} is not {project['version']}", file=sys.stderr)
        return 1
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    (doc / "copyright").write_text(copyright_file(project["name"], license_text), encoding="utf-8")
    # mtime=0: the same input gives the same bytes (a reproducible package).
    with gzip.GzipFile(doc / "changelog.gz", "wb", compresslevel=9, mtime=0) as out:
        out.write(changelog(project["name"], entries).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
