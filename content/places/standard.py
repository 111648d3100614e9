"""The national « lieux de médiation numérique » standard, version pinned below.

data/standard-mediation-num-v1.0.2.table-schema.json is the standard's own schema (a Frictionless
Table Schema, Licence Ouverte etalab-2.0), shipped unchanged. The JSON Schema used to validate
JSON files and our own export is derived from it here, field by field (type, required, pattern,
maxLength), so the two can never disagree.
"""

import datetime
import functools
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from content.models.place_standard import split_values

VERSION = "1.0.2"
TABLE_SCHEMA = (
    Path(__file__).parent / "data" / f"standard-mediation-num-v{VERSION}.table-schema.json"
)
# The standard's separator inside a multi-valued cell; the model stores ";" (see places.py).
SEPARATOR = "|"
# Fields whose cells may hold several values.
MULTI_VALUED = {
    "typologie",
    "courriels",
    "site_web",
    "itinerance",
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "dispositif_programmes_nationaux",
    "formations_labels",
    "modalites_acces",
    "modalites_accompagnement",
}
# The standard requires a SIRET or RNA; the national map uses this value when it is unknown.
UNKNOWN_PIVOT = "00000000000000"
# `id` in the files is `identifiant` in the model (Django's `id` is the primary key).
MODEL_FIELD = {"id": "identifiant"}
LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence version 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
}


@functools.cache
def table_schema():
    return json.loads(TABLE_SCHEMA.read_text(encoding="utf-8"))


def fields():
    return [f["name"] for f in table_schema()["fields"]]


def required_fields():
    return [f["name"] for f in table_schema()["fields"] if f.get("constraints", {}).get("required")]


@functools.cache
def record_schema():
    """JSON Schema (draft 2020-12) of one place, derived from the table schema."""
    properties = {}
    for spec in table_schema()["fields"]:
        constraints = spec.get("constraints", {})
        prop = {"title": spec.get("title", spec["name"])}
        if spec["type"] == "number":
            prop["type"] = "number"
        else:
            prop["type"] = "string"
            if spec["type"] == "date":
                prop["format"] = "date"
                prop["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
        if "pattern" in constraints:
            prop["pattern"] = constraints["pattern"]
        if "maxLength" in constraints:
            prop["maxLength"] = constraints["maxLength"]
        if constraints.get("required") and prop["type"] == "string":
            prop["minLength"] = 1
        properties[spec["name"]] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": table_schema()["title"],
        "type": "object",
        "properties": properties,
        "required": required_fields(),
        "additionalProperties": False,
    }


@functools.cache
def file_schema():
    """A JSON file of the standard: an array of places."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{table_schema()['title']} (v{VERSION})",
        "type": "array",
        "items": record_schema(),
    }


def number_text(value):
    """50.726400 -> "50.7264": the shortest exact writing, the same in CSV and JSON."""
    text = format(Decimal(value).normalize(), "f")
    return text


def place_to_record(place):
    """One place as the standard's record: only non-empty fields, multi-valued cells joined
    with "|", coordinates as numbers, `date_maj` the last day the facts were checked."""
    record = {}
    for name in fields():
        if name == "date_maj":
            record[name] = place.checked_on.isoformat()
            continue
        if name == "pivot":
            record[name] = place.pivot or UNKNOWN_PIVOT
            continue
        value = getattr(place, MODEL_FIELD.get(name, name))
        if value is None or value == "":
            continue
        if name in ("latitude", "longitude"):
            record[name] = float(number_text(value))
        elif name in MULTI_VALUED:
            parts = split_values(value)
            if parts:
                record[name] = SEPARATOR.join(parts)
        else:
            record[name] = str(value)
    return record


def record_to_cells(record):
    """A record as CSV cells in the schema's column order (empty cell for a missing field)."""
    cells = []
    for name in fields():
        value = record.get(name, "")
        if isinstance(value, float):
            value = number_text(Decimal(str(value)))
        cells.append(str(value))
    return cells


class FieldValueError(ValueError):
    """A value that cannot be converted to the model's type."""

    def __init__(self, field_name, reason):
        super().__init__(reason)
        self.field_name = field_name
        self.reason = reason


def record_to_model_values(record):
    """Model field values from a (schema-valid) record. Only fields present in the record are
    returned, so an import never blanks a local field the file does not carry."""
    values = {}
    for name, raw in record.items():
        if name not in fields():
            continue
        text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
        text = text.strip()
        if name in ("latitude", "longitude"):
            if text == "":
                values[name] = None
                continue
            try:
                values[name] = Decimal(text).quantize(Decimal("0.000001"))
            except InvalidOperation as error:
                raise FieldValueError(name, "nombre attendu") from error
        elif name == "date_maj":
            try:
                values[name] = datetime.date.fromisoformat(text)
            except ValueError as error:
                raise FieldValueError(name, "date attendue au format AAAA-MM-JJ") from error
        elif name == "pivot":
            values[name] = "" if text == UNKNOWN_PIVOT else text
        elif name in MULTI_VALUED:
            values[name] = ";".join(part.strip() for part in text.split(SEPARATOR) if part.strip())
        else:
            values[MODEL_FIELD.get(name, name)] = text
    return values
