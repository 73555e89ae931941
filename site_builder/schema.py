"""The JSON Schema of a claim record, generated from the model (never written by hand).

Editors with yaml-language-server read it through the first line of each claim
file (``# yaml-language-server: $schema=schema.json``) and check fields as people type.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .files import replace
from .model import Claim, RatingScale
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
    }
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


def schema_text(scale: RatingScale) -> str:
    return json.dumps(claim_schema(scale), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schema(settings: Settings) -> str:
    """Write schema.json in the claims folder (beside the files that name it); its path as shown."""
    path = settings.claims_dir / "schema.json"
    replace(path, schema_text(settings.scale))
    return settings.shown(path)
