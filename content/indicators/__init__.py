"""The territory's indicators: figures that several apps hold, put together.

Domain apps never import each other, so each one contributes through Wagtail hooks:
- « capnum_indicators »: `provider(filters) -> list[Figure]` (aggregate queries only: a fixed
  number of queries whatever the number of records);
- « capnum_activities »: `provider(filters) -> iterable of Activity`, one line per action for
  the national activity-report export (Coop de la médiation numérique).
The « Bilan » dashboard, the yearly report and the public « Nos résultats » page read only
these hooks (content/indicators/views.py).
"""

import datetime
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

FIGURES_HOOK = "capnum_indicators"
ACTIVITIES_HOOK = "capnum_activities"
# Public figures: a count under this is folded into « autres » (and hidden if still under it),
# so no published number can point at a person.
DEFAULT_SMALL_COUNT = 5


def small_count_threshold():
    return getattr(settings, "OPEN_DATA_MIN_COUNT", DEFAULT_SMALL_COUNT)


@dataclass
class Filters:
    start: datetime.date
    end: datetime.date
    commune: str = ""
    organisation: object = None  # content.Organisation or None

    @classmethod
    def for_year(cls, year, **kwargs):
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), **kwargs)

    def datetimes(self):
        """[start, end) as aware datetimes, for DateTimeField lookups."""
        start = timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))
        end = timezone.make_aware(
            datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min)
        )
        return start, end


@dataclass
class Row:
    label: str
    value: int | None
    key: str = ""


@dataclass
class Figure:
    key: str  # stable identifier: anchors, CSV and JSON
    title: str
    unit: str  # what the numbers count: « participants », « élèves »...
    rows: list[Row] = field(default_factory=list)
    source: str = ""  # where the numbers come from, in plain words
    note: str = ""
    public: bool = True  # shown on « Nos résultats »
    order: int = 100
    # Counts of people or of their actions: small ones are grouped when published. False for
    # counts that can point at no one (places of the directory, which are public anyway).
    people: bool = True
    threshold: int = 0  # set on a published copy: values under it are grouped or withheld

    @property
    def total(self):
        return sum(row.value or 0 for row in self.rows)

    def chart(self, width=360, label_width=230):
        """Geometry of a horizontal bar chart (an SVG drawn by the template, no script)."""
        peak = max([1, *(row.value or 0 for row in self.rows)])
        bars = []
        for i, row in enumerate(self.rows):
            length = round(width * (row.value or 0) / peak)
            bars.append(
                {
                    "label": row.label,
                    "value": row.value,
                    "y": 30 * i + 4,
                    "text_y": 30 * i + 20,
                    "width": length,
                    "value_x": label_width + length + 8,
                }
            )
        return {"height": 30 * max(1, len(self.rows)) + 8, "bars": bars, "x": label_width}

    @property
    def withheld(self):
        """A published copy with a value withheld: its total would give it away."""
        return any(row.value is None for row in self.rows)

    def grouped(self, threshold=None):
        """A copy safe to publish: rows under the threshold folded into one « Autres » row
        (a lone small row keeps its label), withheld (None) when still under it. Zeros stay:
        they point at no one."""
        threshold = small_count_threshold() if threshold is None else threshold
        if not self.people:
            return Figure(**{**self.__dict__, "rows": list(self.rows), "threshold": threshold})
        kept = [row for row in self.rows if (row.value or 0) >= threshold or row.value == 0]
        small = [row for row in self.rows if 0 < (row.value or 0) < threshold]
        rows = list(kept)
        if small:
            folded = sum(row.value for row in small)
            value = folded if folded >= threshold else None
            if len(small) == 1:
                rows.append(Row(small[0].label, None, key=small[0].key))
            else:
                rows.append(Row(_("Autres"), value, key="autres"))
        return Figure(**{**self.__dict__, "rows": rows, "threshold": threshold})


@dataclass
class Activity:
    """One action, in the categories of the Coop de la médiation numérique's activity
    report: collective or individual, thematics, duration, participants."""

    date: datetime.date
    structure: str
    commune: str
    kind: str  # « Collectif » or « Individuel »
    thematics: list[str]
    duration_minutes: int
    participants: int
    title: str = ""
    source: str = ""


def figures(filters, public=False):
    collected = []
    for provider in hooks.get_hooks(FIGURES_HOOK):
        collected.extend(provider(filters))
    collected.sort(key=lambda figure: (figure.order, figure.key))
    if public:
        collected = [figure.grouped() for figure in collected if figure.public]
    return collected


def activities(filters):
    collected = []
    for provider in hooks.get_hooks(ACTIVITIES_HOOK):
        collected.extend(provider(filters))
    collected.sort(key=lambda activity: (activity.date, activity.structure, activity.title))
    return collected


@functools.cache
def coop_thematics():
    """Our theme slugs and school topics mapped to the Coop's thematics (a data file)."""
    path = Path(__file__).resolve().parent.parent / "data" / "coop_thematiques.json"
    return json.loads(path.read_text(encoding="utf-8"))
