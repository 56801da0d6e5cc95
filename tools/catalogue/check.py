#!/usr/bin/env python3
"""Check the ministry business-type catalogues: plugins/*/catalogue.json.

Standard library only. From the repository root:

    python3 tools/catalogue/check.py            # check, print a summary; exit 1 on problems
    python3 tools/catalogue/check.py --table    # also print the Markdown table used in plugins/CATALOGUE.md
    python3 tools/catalogue/check.py --uncertain  # also list every entry marked "certain": false, with its note

What is checked (see plugins/CATALOGUE.md for the schema):
  - every file parses, has exactly the schema keys, each of the right JSON type;
  - "schema" is 2 and the ministry id equals the folder name;
  - every text (ministry name, labels, target work, integrated-external kinds and condition) is
    translated: each `*_i18n` object has exactly the locales zh-Hans, ko, vi, pt-BR and ja-x-easy,
    each a non-empty text (kinds: as many as in Japanese); a Korean, Vietnamese or Portuguese text
    equal to the Japanese one is an untranslated copy; translated type labels are unique per
    locale across all ministries and sub-type labels per locale within their type;
  - ids are lower-case ASCII kebab-case, at most 100 characters (the core's CATALOGUE_ID limit);
  - a business-type id is unique across ALL ministries; a sub-type id is unique within its
    business type (so each (type, sub-type 1) pair is unique); a sub-type-2 id is unique within
    its sub-type; ministry ids are unique;
  - Japanese type labels are unique across all ministries (a reviewer must be able to tell two
    entries apart), sub-type labels unique within a type;
  - category is null or one of B-1 … B-5, or a slash-joined list such as "B-2/B-3";
  - industrial_physician_exempt is true on exactly one type, the 社会保険・社会福祉・介護事業 type;
  - an entry with "certain": false says why in "note";
  - integrated_external is null or names the allowed kinds in both languages, pairwise, with a
    condition in both languages;
  - the ids the example application uses exist: food-manufacturing / bread-and-confectionery and
    food-wholesale / food-and-beverage-wholesale, plus every business line of the repository's
    copies of application.example.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"
EXAMPLES = [
    ROOT / "core/domain/tests/fixtures/application.example.json",
    ROOT / "tests/tests/fixtures/application.example.json",
]

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 100
CATEGORY_RE = re.compile(r"^B-[1-5](?:/B-[1-5])*$")
EXEMPT_LABEL = "社会保険・社会福祉・介護事業"
SCHEMA = 2
# Locales whose texts live in `*_i18n` objects (ja and en have their own keys); the product's
# locales are these plus ja and en (core/i18n, plugin_api::LOCALES).
I18N_LOCALES = ["zh-Hans", "ko", "vi", "pt-BR", "ja-x-easy"]
# Locales that never write a text exactly as Japanese does (Chinese and Easy Japanese may).
NOT_JAPANESE = ["ko", "vi", "pt-BR"]
REQUIRED_PAIRS = [
    ("food-manufacturing", "bread-and-confectionery"),
    ("food-wholesale", "food-and-beverage-wholesale"),
]

STR, BOOL, INT, LIST, OBJ = "string", "boolean", "integer", "array", "object"
NULLABLE = "null"

TOP_KEYS = {"schema": INT, "ministry": OBJ, "sources": STR, "business_types": LIST}
MINISTRY_KEYS = {"id": STR, "name_ja": STR, "name_en": STR, "name_i18n": OBJ}
TYPE_KEYS = {
    "id": STR,
    "label_ja": STR,
    "label_en": STR,
    "label_i18n": OBJ,
    "category": (STR, NULLABLE),
    "industrial_physician_exempt": BOOL,
    "certain": BOOL,
    "note": (STR, NULLABLE),
    "sub_types": LIST,
}
SUB_KEYS = {
    "id": STR,
    "label_ja": STR,
    "label_en": STR,
    "label_i18n": OBJ,
    "target_work_ja": STR,
    "target_work_en": STR,
    "target_work_i18n": OBJ,
    "integrated_external": (OBJ, NULLABLE),
    "sub_types_2": LIST,
    "certain": BOOL,
    "note": (STR, NULLABLE),
}
SUB2_KEYS = {"id": STR, "label_ja": STR, "label_en": STR, "label_i18n": OBJ}
IE_KEYS = {
    "allowed_kinds_ja": LIST,
    "allowed_kinds_en": LIST,
    "allowed_kinds_i18n": OBJ,
    "condition_ja": STR,
    "condition_en": STR,
    "condition_i18n": OBJ,
}


def json_type(value: object) -> str:
    if value is None:
        return NULLABLE
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int):
        return INT
    if isinstance(value, str):
        return STR
    if isinstance(value, list):
        return LIST
    if isinstance(value, dict):
        return OBJ
    return type(value).__name__


class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def keys(self, where: str, obj: object, spec: dict) -> bool:
        """Exactly the keys of `spec`, each of an allowed type. False if `obj` is unusable."""
        if not isinstance(obj, dict):
            self.problem(where, f"expected an object, found {json_type(obj)}")
            return False
        for key in obj.keys() - spec.keys():
            self.problem(where, f"unknown key {key!r}")
        ok = True
        for key, allowed in spec.items():
            if key not in obj:
                self.problem(where, f"missing key {key!r}")
                ok = False
                continue
            allowed = allowed if isinstance(allowed, tuple) else (allowed,)
            found = json_type(obj[key])
            if found not in allowed:
                self.problem(where, f"{key!r} must be {' or '.join(allowed)}, found {found}")
                ok = False
            elif found == STR and (not obj[key].strip() or obj[key] != obj[key].strip()):
                self.problem(where, f"{key!r} is empty or has surrounding whitespace")
        return ok

    def ident(self, where: str, value: str) -> None:
        if not ID_RE.match(value):
            self.problem(where, f"id {value!r} is not lower-case ASCII kebab-case")
        if len(value) > ID_MAX:
            self.problem(where, f"id {value!r} is longer than {ID_MAX} characters")

    def translated(self, where: str, obj: dict, field: str) -> dict:
        """`<field>_i18n` holds exactly I18N_LOCALES, each a trimmed non-empty text that is not
        the Japanese text copied. Returns the usable translations by locale."""
        i18n, ja = obj.get(f"{field}_i18n"), obj.get(f"{field}_ja")
        if not isinstance(i18n, dict):
            return {}
        key = f"{field}_i18n"
        for locale in i18n.keys() - set(I18N_LOCALES):
            self.problem(where, f"{key} has unknown locale {locale!r} (expected {', '.join(I18N_LOCALES)})")
        usable = {}
        for locale in I18N_LOCALES:
            text = i18n.get(locale)
            if text is None:
                self.problem(where, f"{key} lacks {locale}")
            elif not isinstance(text, str) or not text.strip() or text != text.strip():
                self.problem(where, f"{key}.{locale} is not a trimmed non-empty text")
            elif locale in NOT_JAPANESE and text == ja:
                self.problem(where, f"{key}.{locale} is the Japanese text, not a translation")
            else:
                usable[locale] = text
        return usable

    def translated_kinds(self, where: str, ie: dict) -> None:
        """allowed_kinds_i18n: per locale, as many non-empty kinds as Japanese lists."""
        i18n, count = ie.get("allowed_kinds_i18n"), len(ie.get("allowed_kinds_ja") or [])
        if not isinstance(i18n, dict):
            return
        for locale in i18n.keys() - set(I18N_LOCALES):
            self.problem(where, f"allowed_kinds_i18n has unknown locale {locale!r}")
        for locale in I18N_LOCALES:
            kinds = i18n.get(locale)
            if not isinstance(kinds, list):
                self.problem(where, f"allowed_kinds_i18n lacks {locale} (a list)")
                continue
            if len(kinds) != count:
                self.problem(where, f"allowed_kinds_i18n.{locale} lists {len(kinds)} kinds, ja lists {count}")
            for kind in kinds:
                if not isinstance(kind, str) or not kind.strip() or kind != kind.strip():
                    self.problem(where, f"allowed_kinds_i18n.{locale} has kind {kind!r}, not a trimmed non-empty text")

    def uncertain_has_note(self, where: str, entry: dict) -> None:
        if entry.get("certain") is False and not entry.get("note"):
            self.problem(where, "certain is false but note does not say why")


def load(checker: Checker) -> list[tuple[Path, dict]]:
    files = sorted(PLUGINS.glob("*/catalogue.json"))
    if not files:
        checker.problem(str(PLUGINS), "no */catalogue.json found")
    loaded = []
    for path in files:
        rel = path.relative_to(ROOT)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            checker.problem(str(rel), f"cannot read JSON: {err}")
            continue
        loaded.append((path, data))
    return loaded


def check_catalogue(checker: Checker, path: Path, data: object, seen: dict) -> None:
    rel = str(path.relative_to(ROOT))
    if not checker.keys(rel, data, TOP_KEYS):
        if not isinstance(data, dict):
            return
    if data.get("schema") != SCHEMA:
        checker.problem(rel, f"schema must be {SCHEMA}, found {data.get('schema')!r}")
    ministry = data.get("ministry")
    if checker.keys(f"{rel} ministry", ministry, MINISTRY_KEYS):
        checker.translated(f"{rel} ministry", ministry, "name")
        mid = ministry["id"]
        checker.ident(f"{rel} ministry", mid)
        if mid != path.parent.name:
            checker.problem(rel, f"ministry id {mid!r} differs from the folder name {path.parent.name!r}")
        if mid in seen["ministries"]:
            checker.problem(rel, f"ministry id {mid!r} also used by {seen['ministries'][mid]}")
        seen["ministries"][mid] = rel
    types = data.get("business_types")
    if not isinstance(types, list):
        return
    if not types:
        checker.problem(rel, "business_types is empty")
    for i, bt in enumerate(types):
        where = f"{rel} business_types[{i}]"
        if not checker.keys(where, bt, TYPE_KEYS):
            if not isinstance(bt, dict) or not isinstance(bt.get("id"), str):
                continue
        tid = bt.get("id")
        if isinstance(tid, str):
            where = f"{rel} type {tid}"
            checker.ident(where, tid)
            if tid in seen["types"]:
                checker.problem(where, f"business-type id also used in {seen['types'][tid]}")
            seen["types"][tid] = rel
        label = bt.get("label_ja")
        if isinstance(label, str):
            if label in seen["type_labels"]:
                checker.problem(where, f"label_ja {label!r} also used by {seen['type_labels'][label]}")
            seen["type_labels"][label] = where
        for locale, text in checker.translated(where, bt, "label").items():
            other = seen["translated_type_labels"].setdefault(locale, {}).get(text)
            if other:
                checker.problem(where, f"label_i18n.{locale} {text!r} also used by {other}")
            seen["translated_type_labels"][locale][text] = where
        category = bt.get("category")
        if isinstance(category, str) and not CATEGORY_RE.match(category):
            checker.problem(where, f"category {category!r} is not B-1 … B-5 (or e.g. 'B-2/B-3')")
        if bt.get("industrial_physician_exempt") is True:
            seen["exempt"].append((where, label))
        checker.uncertain_has_note(where, bt)
        subs = bt.get("sub_types")
        if not isinstance(subs, list):
            continue
        if not subs:
            checker.problem(where, "sub_types is empty")
        sub_ids: set[str] = set()
        sub_labels: set[str] = set()
        translated_sub_labels: dict[str, set[str]] = {locale: set() for locale in I18N_LOCALES}
        for j, sub in enumerate(subs):
            swhere = f"{where} sub_types[{j}]"
            checker.keys(swhere, sub, SUB_KEYS)
            if not isinstance(sub, dict):
                continue
            sid = sub.get("id")
            if isinstance(sid, str):
                swhere = f"{where} / {sid}"
                checker.ident(swhere, sid)
                if sid in sub_ids:
                    checker.problem(swhere, "sub-type id used twice in this business type")
                sub_ids.add(sid)
                if isinstance(tid, str):
                    seen["pairs"].add((tid, sid))
            slabel = sub.get("label_ja")
            if isinstance(slabel, str):
                if slabel in sub_labels:
                    checker.problem(swhere, f"label_ja {slabel!r} used twice in this business type")
                sub_labels.add(slabel)
            for locale, text in checker.translated(swhere, sub, "label").items():
                if text in translated_sub_labels[locale]:
                    checker.problem(swhere, f"label_i18n.{locale} {text!r} used twice in this business type")
                translated_sub_labels[locale].add(text)
            checker.translated(swhere, sub, "target_work")
            checker.uncertain_has_note(swhere, sub)
            ie = sub.get("integrated_external")
            if isinstance(ie, dict) and checker.keys(f"{swhere} integrated_external", ie, IE_KEYS):
                kinds_ja, kinds_en = ie["allowed_kinds_ja"], ie["allowed_kinds_en"]
                if not kinds_ja:
                    checker.problem(swhere, "integrated_external.allowed_kinds_ja is empty")
                if len(kinds_ja) != len(kinds_en):
                    checker.problem(swhere, "integrated_external kinds differ in number between ja and en")
                for kind in kinds_ja + kinds_en:
                    if not isinstance(kind, str) or not kind.strip():
                        checker.problem(swhere, f"integrated_external kind {kind!r} is not a non-empty string")
                if len(set(kinds_ja)) != len(kinds_ja):
                    checker.problem(swhere, "integrated_external.allowed_kinds_ja repeats a kind")
                checker.translated_kinds(f"{swhere} integrated_external", ie)
                checker.translated(f"{swhere} integrated_external", ie, "condition")
            subs2 = sub.get("sub_types_2")
            if not isinstance(subs2, list):
                continue
            sub2_ids: set[str] = set()
            for k, sub2 in enumerate(subs2):
                s2where = f"{swhere} sub_types_2[{k}]"
                if not checker.keys(s2where, sub2, SUB2_KEYS):
                    continue
                checker.ident(s2where, sub2["id"])
                checker.translated(s2where, sub2, "label")
                if sub2["id"] in sub2_ids:
                    checker.problem(s2where, f"sub-type-2 id {sub2['id']!r} used twice in this sub-type")
                sub2_ids.add(sub2["id"])
                seen["sub2_count"] += 1
            if len(subs2) == 1:
                checker.problem(swhere, "a single sub_types_2 entry splits nothing; leave the list empty")


def check_examples(checker: Checker, seen: dict) -> None:
    for tid, sid in REQUIRED_PAIRS:
        if (tid, sid) not in seen["pairs"]:
            checker.problem("example ids", f"({tid}, {sid}) is not in any catalogue")
    for path in EXAMPLES:
        if not path.exists():
            continue
        rel = path.relative_to(ROOT)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            checker.problem(str(rel), f"cannot read JSON: {err}")
            continue
        for e, est in enumerate(doc.get("establishments") or []):
            for b, line in enumerate(est.get("business_lines") or []):
                pair = (line.get("business_type"), line.get("sub_type_1"))
                if pair not in seen["pairs"]:
                    checker.problem(f"{rel} establishments[{e}].business_lines[{b}]", f"{pair} is not in any catalogue")


def markdown_table(loaded: list[tuple[Path, dict]]) -> str:
    rows = ["| ministry | business type id | 事業の種類 | category | certain | sub-types (uncertain) | 細目② lists |",
            "|---|---|---|---|---|---|---|"]
    for _path, data in loaded:
        mid = data["ministry"]["id"]
        for bt in data["business_types"]:
            subs = bt["sub_types"]
            unsure = sum(1 for s in subs if not s["certain"])
            split = sum(1 for s in subs if s["sub_types_2"])
            rows.append(
                f"| {mid} | `{bt['id']}` | {bt['label_ja']} | {bt['category'] or '—'} | "
                f"{'yes' if bt['certain'] else '**no**'} | {len(subs)} ({unsure}) | {split or '—'} |"
            )
    return "\n".join(rows)


def uncertain_list(loaded: list[tuple[Path, dict]]) -> str:
    lines = []
    for _path, data in loaded:
        mid = data["ministry"]["id"]
        for bt in data["business_types"]:
            if not bt["certain"]:
                lines.append(f"- {mid} `{bt['id']}` {bt['label_ja']}: {bt['note']}")
            for sub in bt["sub_types"]:
                if not sub["certain"]:
                    lines.append(f"- {mid} `{bt['id']}` / `{sub['id']}` {sub['label_ja']}: {sub['note']}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", action="store_true", help="print the Markdown table of all business types")
    parser.add_argument("--uncertain", action="store_true", help='list every entry marked "certain": false')
    args = parser.parse_args()

    checker = Checker()
    loaded = load(checker)
    seen = {"ministries": {}, "types": {}, "type_labels": {}, "translated_type_labels": {}, "pairs": set(), "exempt": [], "sub2_count": 0}
    for path, data in loaded:
        check_catalogue(checker, path, data, seen)

    exempt = seen["exempt"]
    if len(exempt) != 1:
        checker.problem("industrial_physician_exempt", f"expected exactly one exempt type, found {len(exempt)}: {exempt}")
    for where, label in exempt:
        if label != EXEMPT_LABEL:
            checker.problem(where, f"industrial_physician_exempt is true but the type is not {EXEMPT_LABEL}")
    if not exempt and EXEMPT_LABEL in seen["type_labels"]:
        checker.problem(seen["type_labels"][EXEMPT_LABEL], "the 介護 type must have industrial_physician_exempt: true")
    check_examples(checker, seen)

    total_types = total_subs = total_unsure = 0
    print(f"{'ministry':<8} {'types':>5} {'sub-types':>9} {'sub-types-2':>11} {'uncertain':>9}  name")
    for path, data in loaded:
        if not (isinstance(data, dict) and isinstance(data.get("ministry"), dict) and isinstance(data.get("business_types"), list)):
            continue
        types = [t for t in data["business_types"] if isinstance(t, dict)]
        subs = [s for t in types for s in (t.get("sub_types") or []) if isinstance(s, dict)]
        sub2 = sum(len(s.get("sub_types_2") or []) for s in subs)
        unsure = sum(1 for t in types if t.get("certain") is False) + sum(1 for s in subs if s.get("certain") is False)
        total_types, total_subs, total_unsure = total_types + len(types), total_subs + len(subs), total_unsure + unsure
        m = data["ministry"]
        print(f"{str(m.get('id')):<8} {len(types):>5} {len(subs):>9} {sub2:>11} {unsure:>9}  {m.get('name_ja')}")
    print(f"{'total':<8} {total_types:>5} {total_subs:>9} {seen['sub2_count']:>11} {total_unsure:>9}  {len(loaded)} ministries")
    print("(uncertain = entries, types and sub-types, with \"certain\": false)")

    if args.table and not checker.problems:
        print()
        print(markdown_table(loaded))
    if args.uncertain and not checker.problems:
        print()
        print(uncertain_list(loaded))

    if checker.problems:
        print(f"\n{len(checker.problems)} problem(s):", file=sys.stderr)
        for p in checker.problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    print("\nall catalogues OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
