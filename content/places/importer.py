"""Import of a « lieux de médiation numérique » file (CSV or JSON, standard v1.0.2).

All or nothing: every line is checked first (the standard's schema, then the site's own rules:
opening hours the parser reads, phone and web addresses); one refused line and nothing changes.
Places are matched on the standard's `id`, so importing the same file twice changes nothing.
"""

import contextlib
import csv
import io
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator

from content.models import Place
from content.models.place_standard import list_validator

from . import standard

MAX_BYTES = 10 * 1024 * 1024  # the whole territory's places fit in well under 1 MB
MAX_ROWS = 20_000


class ImportRefused(Exception):
    """The file as a whole cannot be read (too big, not a CSV or JSON, no header...)."""


@dataclass
class RowError:
    line: int
    field: str
    value: str
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: int = 0
    errors: list = field(default_factory=list)
    dry_run: bool = False
    refused: str = ""

    @property
    def ok(self):
        return not self.errors and not self.refused

    def lines(self):
        """The report as plain French lines (command output, admin page)."""
        if self.refused:
            return [self.refused]
        if self.errors:
            head = _(
                "%(count)s problème(s) : aucun lieu n'a été modifié. Corrigez le fichier puis "
                "importez-le de nouveau."
            ) % {"count": len(self.errors)}
            return [head] + [
                _("Ligne %(line)s, champ « %(field)s », valeur « %(value)s » : %(reason)s")
                % {"line": e.line, "field": e.field, "value": e.value, "reason": e.reason}
                for e in self.errors
            ]
        verb = _("seraient") if self.dry_run else _("ont été")
        return [
            _(
                "%(rows)s ligne(s) lue(s) : %(created)s lieu(x) %(verb)s créé(s), %(updated)s "
                "mis à jour, %(unchanged)s inchangé(s)."
            )
            % {
                "rows": self.rows,
                "created": self.created,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "verb": verb,
            }
            + (" " + _("Essai à blanc : rien n'a été enregistré.") if self.dry_run else "")
        ]


def short(value, limit=80):
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def too_big(size):
    return _("Fichier trop volumineux (%(size)s Mo) : la limite est de %(limit)s Mo.") % {
        "size": round(size / 1024 / 1024, 1),
        "limit": MAX_BYTES // 1024 // 1024,
    }


def read_records(data, name=""):
    """(line number, record) pairs from the file's bytes; ImportRefused when unreadable."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(too_big(len(data)))
    if b"\x00" in data[:4096]:
        raise ImportRefused(
            _(
                "Ce fichier n'est ni un CSV ni un JSON (c'est un fichier binaire, par exemple un "
                "tableur .xlsx ou un PDF). Enregistrez-le au format CSV UTF-8 puis réessayez."
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            _("Ce fichier n'est pas en UTF-8 : enregistrez-le au format « CSV UTF-8 ».")
        ) from error
    stripped = text.lstrip()
    if name.lower().endswith(".json") or stripped.startswith(("[", "{")):
        return read_json(stripped)
    return read_csv(text)


def read_json(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRefused(
            _("JSON illisible, ligne %(line)s : %(reason)s")
            % {"line": error.lineno, "reason": error.msg}
        ) from error
    if isinstance(data, dict):  # a data package wrapping the list
        data = data.get("lieux", data.get("data"))
    if not isinstance(data, list):
        raise ImportRefused(_("Le JSON doit être une liste de lieux."))
    if len(data) > MAX_ROWS:
        raise ImportRefused(
            _("Trop de lieux dans un seul fichier (%(max)s au plus).") % {"max": MAX_ROWS}
        )
    return [(index, record) for index, record in enumerate(data, start=1)]


def read_csv(text):
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        raise ImportRefused(_("Le fichier est vide.")) from error
    header = [h.strip() for h in header]
    missing = [f for f in standard.required_fields() if f not in header]
    if missing:
        raise ImportRefused(
            _(
                "Ce fichier n'est pas un CSV du standard des lieux de médiation numérique : la "
                "première ligne doit nommer les colonnes, et il manque %(missing)s."
            )
            % {"missing": ", ".join(missing)}
        )
    records = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(records) >= MAX_ROWS:
                raise ImportRefused(
                    _("Trop de lignes dans un seul fichier (%(max)s au plus).") % {"max": MAX_ROWS}
                )
            # Empty cells are missing values, as the Table Schema says.
            record = {h: c for h, c in zip(header, row, strict=False) if h and c.strip() != ""}
            records.append((reader.line_num, record))
    except csv.Error as error:
        raise ImportRefused(
            _("CSV illisible ligne %(line)s : %(reason)s")
            % {"line": reader.line_num, "reason": error}
        ) from error
    for _line, record in records:
        for name in ("latitude", "longitude"):
            # A cell that is no number stays a string: the schema reports « nombre attendu ».
            if name in record:
                with contextlib.suppress(ValueError):
                    record[name] = float(record[name].replace(",", "."))
    return records


def schema_reason(error):
    """A French reason for a jsonschema error."""
    if error.validator == "required":
        return _("champ obligatoire manquant")
    if error.validator == "type":
        return _("nombre attendu") if error.validator_value == "number" else _("texte attendu")
    if error.validator == "pattern":
        return _("valeur hors du format du standard")
    if error.validator == "maxLength":
        return _("trop long (%(max)s caractères au plus)") % {"max": error.validator_value}
    if error.validator == "minLength":
        return _("champ obligatoire vide")
    if error.validator == "additionalProperties":
        return _("colonne inconnue du standard")
    return error.message


def schema_errors(line, record):
    if not isinstance(record, dict):
        return [RowError(line, "—", short(record), _("un lieu doit être un objet JSON"))]
    validator = Draft202012Validator(standard.record_schema())
    errors = []
    for error in sorted(validator.iter_errors(record), key=lambda e: list(e.path)):
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else "?"
            errors.append(RowError(line, missing, "", schema_reason(error)))
        elif error.validator == "additionalProperties":
            extra = sorted(set(record) - set(standard.fields()))
            errors.extend(RowError(line, name, "", schema_reason(error)) for name in extra)
        else:
            name = error.path[0] if error.path else "—"
            errors.append(RowError(line, name, short(record.get(name)), schema_reason(error)))
    return errors


# The fields whose values come from one of the standard's lists (the model's list_validator).
LIST_VALIDATORS = {
    model_field.name: validator
    for model_field in Place._meta.concrete_fields
    for validator in model_field.validators
    if isinstance(validator, list_validator)
}


def list_errors(line, values):
    """Unknown values of the standard's lists, named one by one (the schema's pattern only
    says the cell does not match)."""
    errors = []
    for name, validator in LIST_VALIDATORS.items():
        if name not in values:
            continue
        unknown = [v for v in values[name].split(";") if v and v not in validator.allowed]
        errors.extend(RowError(line, name, v, _("valeur inconnue du standard")) for v in unknown)
    return errors


def model_errors(line, place, values):
    try:
        place.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return [
            RowError(
                line,
                "id" if name == "identifiant" else name,
                short(getattr(place, name, "")),
                " ".join(str(m) for m in messages),
            )
            for name, messages in error.message_dict.items()
            if name in values or name in standard.required_fields() or name == "horaires"
        ]
    return []


def import_records(records, locale, dry_run=False):
    report = ImportReport(rows=len(records), dry_run=dry_run)
    existing = {p.identifiant: p for p in Place.objects.filter(locale=locale)}
    seen = {}
    plans = []
    for line, record in records:
        errors = check_record(line, record, seen)
        if errors:
            report.errors.extend(errors)
            continue
        values = standard.record_to_model_values(record)
        place = existing.get(values["identifiant"]) or Place(locale=locale)
        before = snapshot(place) if place.pk else None
        for name, value in values.items():
            setattr(place, name, value)
        errors = model_errors(line, place, values)
        if errors:
            report.errors.extend(errors)
        elif before is None:
            report.created += 1
            plans.append(place)
        elif snapshot(place) != before:
            report.updated += 1
            plans.append(place)
        else:
            report.unchanged += 1
    if report.errors:
        report.created = report.updated = report.unchanged = 0
        return report
    if not dry_run:
        with transaction.atomic():
            for place in plans:
                # The file's date_maj is the day its facts were checked: keep it.
                place.save(keep_date_maj=True)
    return report


def check_record(line, record, seen):
    """Every problem of one record: the schema's, each unknown list value, a repeated id."""
    errors = schema_errors(line, record)
    if not isinstance(record, dict):
        return errors
    try:
        values = standard.record_to_model_values(record)
    except standard.FieldValueError as error:
        return dedupe(
            [
                *errors,
                RowError(line, error.field_name, short(record.get(error.field_name)), error.reason),
            ]
        )
    unknown = list_errors(line, values)
    if unknown:
        # « valeur inconnue » names the value; drop the schema's vaguer line for that field.
        named = {e.field for e in unknown}
        errors = [e for e in errors if e.field not in named] + unknown
    identifier = str(record.get("id", ""))
    if identifier and identifier in seen:
        errors.append(
            RowError(
                line,
                "id",
                identifier,
                _("identifiant déjà utilisé ligne %(line)s du fichier")
                % {"line": seen[identifier]},
            )
        )
    elif identifier:
        seen[identifier] = line
    return dedupe(errors)


def dedupe(errors):
    seen, result = set(), []
    for e in errors:
        key = (e.line, e.field, e.value, e.reason)
        if key not in seen:
            seen.add(key)
            result.append(e)
    return result


def snapshot(place):
    return {f.attname: getattr(place, f.attname) for f in Place._meta.concrete_fields}


def import_file(data, name="", locale=None, dry_run=False):
    """Read, check and (unless dry_run or any error) apply a file. Returns an ImportReport."""
    from wagtail.models import Locale

    locale = locale or Locale.get_default()
    try:
        records = read_records(data, name)
    except ImportRefused as refused:
        return ImportReport(refused=str(refused), dry_run=dry_run)
    return import_records(records, locale, dry_run=dry_run)
