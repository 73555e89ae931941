"""The JSON Schema of a claim record, generated from the model (never written by hand).

Editors with yaml-language-server read it through the first line of each claim
file (``# yaml-language-server: $schema=schema.json``) and check fields as people type.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .files import replace
from .model import LIST_FIELDS, REQUIRED_TO_PUBLISH, Claim, RatingScale
from .routes import CLAIM_SCHEMA_ID

if TYPE_CHECKING:
    from .settings import Settings

SCHEMA_COMMENT = "# yaml-language-server: $schema=schema.json"


def claim_schema(scale: RatingScale) -> dict[str, Any]:
    schema = Claim.model_json_schema(mode="validation")
    properties = schema["properties"]
    properties["rating"] = {
        "description": properties["rating"].get("description", ""),
        "enum": scale.ids,
        # editors show these beside each id (yaml-language-server, VS Code)
        "enumDescriptions": [f"{scale[rating].label}: {scale[rating].meaning}" for rating in scale.ids],
        "markdownEnumDescriptions": [f"**{scale[rating].label}**: {scale[rating].meaning}" for rating in scale.ids],
    }
    properties["title"]["maxLength"] = next(m.max_length for m in Claim.model_fields["title"].metadata if hasattr(m, "max_length"))
    for name in LIST_FIELDS:  # 'sources:' with no value is an empty list (the scaffold writes it so)
        if name in properties and properties[name].get("type") == "array":
            properties[name]["type"] = ["array", "null"]
    for date in _dates(schema):
        date["pattern"] = "^\\d{4}-\\d{2}-\\d{2}$"
    # a published claim (status absent means published) needs what publishing needs, and a source
    schema["if"] = {"properties": {"status": {"const": "published"}}}
    schema["then"] = {"required": list(REQUIRED_TO_PUBLISH),
                      "properties": {"sources": {"type": "array", "minItems": 1},
                                     **{name: {"not": {"type": "null"}} for name in REQUIRED_TO_PUBLISH if name != "sources"}}}
    provenance = properties["provenance"]
    properties["provenance"] = {
        "description": provenance.get("description", ""),
        "anyOf": [{"const": "manual"}, {"$ref": "#/$defs/Provenance"}],
    }
    schema["$defs"]["Provenance"]["required"] = []  # 'method' is implied by the mapping form
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CLAIM_SCHEMA_ID,
        **schema,
        "title": "Claim record",
    }


def _dates(node: Any) -> list[dict[str, Any]]:
    """Every schema of a full date in ``node`` (format: date)."""
    if isinstance(node, dict):
        found = [node] if node.get("format") == "date" else []
        return found + [d for value in node.values() for d in _dates(value)]
    if isinstance(node, list):
        return [d for value in node for d in _dates(value)]
    return []


def schema_text(scale: RatingScale) -> str:
    return json.dumps(claim_schema(scale), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schema(settings: Settings) -> str:
    """Write schema.json in the claims folder (beside the files that name it); its path as shown."""
    path = settings.claims_dir / "schema.json"
    replace(path, schema_text(settings.scale))
    return settings.shown(path)
