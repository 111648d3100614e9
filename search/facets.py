"""Search facets (type, level, audience, theme, organisation) introspected from the page
types of the hits, counted in one query whatever their number (docs/search.md,
docs/queries.md)."""

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from content import text_language


@dataclass
class FacetDef:
    key: str
    label: str
    candidates: tuple  # field names a page type may use


FACETS = [
    FacetDef("niveau", _("Niveau"), ("level",)),
    FacetDef("public", _("Public"), ("audiences", "audience")),
    FacetDef("theme", _("Thème"), ("themes", "theme")),
    FacetDef("organisation", _("Organisation"), ("organisations", "organisation")),
]


def model_field(model, candidates):
    for name in candidates:
        try:
            return model._meta.get_field(name)
        except Exception:
            continue
    return None


class TermLabel(str):
    """A related term's name that is not in the page's language: `lang` for the element that
    shows it (WCAG 3.1.2: an English results page listing a French audience's name)."""

    lang = ""


def _label_in_language(label, lang):
    if lang and lang != text_language.current_language():
        label = TermLabel(label)
        label.lang = lang
    return label


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    key: str
    label: str
    options: list = field(default_factory=list)


def _models_for(hit_types):
    out = {}
    for ct_id in hit_types:
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is not None:
            out[ct_id] = model
    return out


def _field_part(model, fld, condition, key):
    """One SELECT of the facet UNION: (page id, facet key, value, label) for one field of
    one model; a choice field's label is looked up in Python (`_facet_row`)."""
    from django.db.models import CharField, Value
    from django.db.models.functions import Cast

    name = fld.name
    text = CharField()
    lang = Value("", output_field=text)
    if fld.is_relation:
        related = fld.related_model
        slug = "slug" if model_field(related, ("slug",)) else "pk"
        label = "name" if model_field(related, ("name",)) else slug
        value, label_expr = Cast(f"{name}__{slug}", text), Cast(f"{name}__{label}", text)
        if model_field(related, ("locale",)) is not None:
            lang = Cast(f"{name}__locale__language_code", text)
    else:
        value, label_expr = Cast(name, text), Value("", output_field=text)
    return (
        model.objects.filter(condition)
        .order_by()
        .annotate(
            facet_part=Value(key, output_field=text),
            facet_value=value,
            facet_label=label_expr,
            facet_lang=lang,
        )
        .values_list("pk", "facet_part", "facet_value", "facet_label", "facet_lang")
    )


def _facet_row(fld, value, label):
    """(value, label) as the facet shows it, or None for an empty value."""
    if value is None or value == "":
        return None
    if fld.is_relation:
        return str(value), str(label)
    choices = {str(k): v for k, v in fld.flatchoices} if fld.choices else {}
    return str(value), str(choices.get(str(value), value))


def _inherited_facet_source(model):
    """The page type a model takes its facets from, when it declares
    `search_facets_from_parent` (a lesson takes its path's level and audiences), or None."""
    label = getattr(model, "search_facets_from_parent", None)
    return get_model(label) if label else None


def _parent_pk():
    """The parent page's id, for a queryset of pages: a page's tree path is its parent's plus
    one step."""
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Length, Substr

    return Subquery(
        Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        ).values("pk")[:1]
    )


_PARENT_PART = "parent"


def facet_rows_in_bulk(models, ids_by_type):
    """{facet key: [(value, label, page id, aliased)]} for every facet and page type in ONE
    query (a UNION), whatever the number of types and hits. A type that takes facets from
    its parent (`search_facets_from_parent`: a lesson, its path's level and audiences) adds
    to it the parents of its hits (a subquery) and the child → parent pairs.
    `search_facet_aliases` maps a model's own values onto another type's (an event's
    « niveau-1 » is a path's level 1), so one level is one option. Also returns the
    audiences of each hit from its own `audiences` field, for the result labels:
    {page id: [names in name order]}."""
    from django.db.models import CharField, Q, Value
    from django.db.models.functions import Cast

    own = {}  # (model, facet key) -> field, for the hits' types and the types they inherit from
    inherited = {}  # (child model, facet key) -> source model
    for model in models.values():
        source = _inherited_facet_source(model)
        for facet_def in FACETS:
            fld = model_field(model, facet_def.candidates)
            if fld is not None:
                own[(model, facet_def.key)] = fld
            elif source is not None and model_field(source, facet_def.candidates) is not None:
                inherited[(model, facet_def.key)] = source
                own[(source, facet_def.key)] = model_field(source, facet_def.candidates)
    ids_of = {models[ct]: set(ids) for ct, ids in ids_by_type.items() if ct in models}
    child_ids = {pk for model, _key in inherited for pk in ids_of[model]}
    text = CharField()
    parts, fields = [], {}
    if child_ids:
        parts.append(
            Page.objects.filter(pk__in=child_ids)
            .order_by()
            .annotate(
                facet_part=Value(_PARENT_PART, output_field=text),
                facet_value=Cast(_parent_pk(), text),
                facet_label=Value("", output_field=text),
                facet_lang=Value("", output_field=text),
            )
            .values_list("pk", "facet_part", "facet_value", "facet_label", "facet_lang")
        )
        parents = Page.objects.filter(pk__in=child_ids).order_by().values(parent_pk=_parent_pk())
    for (model, key), fld in own.items():
        condition = Q(pk__in=ids_of.get(model, ()))
        if child_ids and any(src is model and k == key for (_m, k), src in inherited.items()):
            condition |= Q(pk__in=parents)
        name = f"{model._meta.label_lower}|{key}"
        parts.append(_field_part(model, fld, condition, name))
        fields[name] = (model, key, fld)
    if not fields:
        return {}, {}
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    rows = list(union.order_by("facet_label", "facet_value"))
    children_of = {}  # parent id -> child ids
    for pk, part, value, _label, _lang in rows:
        if part == _PARENT_PART and value is not None:
            children_of.setdefault(int(value), set()).add(pk)
    by_facet, audiences = {}, {}
    for pk, part, value, label, lang in rows:
        if part == _PARENT_PART:
            continue
        model, key, fld = fields[part]
        row = _facet_row(fld, value, label)
        if row is None:
            continue
        value, label = row[0], _label_in_language(row[1], lang)
        aliases = getattr(model, "search_facet_aliases", {}).get(fld.name, {})
        aliased = value in {str(v) for v in aliases}
        if aliased:
            value = str({str(k): v for k, v in aliases.items()}[value])
        if pk in ids_of.get(model, ()):
            by_facet.setdefault(key, []).append((value, label, pk, aliased))
            if fld.name == "audiences":
                audiences.setdefault(pk, []).append(label)
        for child in children_of.get(pk, ()):
            for (child_model, child_key), source in inherited.items():
                if source is model and child_key == key and child in ids_of[child_model]:
                    by_facet.setdefault(key, []).append((value, label, child, aliased))
    return by_facet, audiences


def compute_facets(hits, selected, extra_types=(), audiences_out=None):
    """Facets over all hits, and the ids kept by the selected values. Unknown values
    (not offered by any facet) are dropped and reported. `extra_types` are type options
    for results that are not pages (places): choosing only those keeps no page. The
    audiences read on the way ({page id: names}) go into `audiences_out` when given, for the
    result labels."""
    type_counts = Counter(ct for _pk, ct in hits)
    models = _models_for(type_counts)
    ids_by_type = {}
    for pk, ct in hits:
        ids_by_type.setdefault(ct, []).append(pk)

    facets, keep, ignored = [], None, []
    type_facet = Facet("type", str(_("Type de contenu")))
    for ct, count in type_counts.most_common():
        model = models.get(ct)
        if model is None:
            continue
        value = model._meta.label_lower
        type_facet.options.append(
            FacetOption(value, str(model._meta.verbose_name).capitalize(), count)
        )
    type_facet.options.extend(extra_types)
    facets.append(type_facet)

    per_facet_ids = {}
    rows_by_facet, own_audiences = facet_rows_in_bulk(models, ids_by_type)
    if audiences_out is not None:
        audiences_out.update(own_audiences)
    for facet_def in FACETS:
        values = {}
        for value, label, pk, aliased in rows_by_facet.get(facet_def.key, ()):
            entry = values.setdefault(value, [label, set(), aliased])
            if entry[2] and not aliased:  # the label of the type that owns the value
                entry[0], entry[2] = label, False
            entry[1].add(pk)
        if not values:
            continue
        facet = Facet(facet_def.key, str(facet_def.label))
        ordered = sorted(values.items(), key=lambda kv: (-len(kv[1][1]), kv[1][0]))
        for value, (label, pks, _aliased) in ordered:
            facet.options.append(FacetOption(value, label, len(pks)))
            per_facet_ids[(facet_def.key, value)] = pks
        facets.append(facet)

    type_ids = {m._meta.label_lower: set(ids_by_type[ct]) for ct, m in models.items()}
    for facet in facets:
        chosen = selected.get(facet.key, [])
        offered = {o.value for o in facet.options}
        matched = set()
        any_valid = False
        for value in chosen:
            if value not in offered:
                ignored.append(value)
                continue
            any_valid = True
            matched |= (
                type_ids.get(value, set())
                if facet.key == "type"
                else per_facet_ids.get((facet.key, value), set())
            )
        for option in facet.options:
            option.selected = option.value in chosen
        if any_valid:
            keep = matched if keep is None else keep & matched
    for key, values in selected.items():
        if key not in {f.key for f in facets}:
            ignored.extend(values)
    return facets, keep, ignored


def get_model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None
