"""English pages and admin accounts read dates the British way (« 21 January 2027 », 24-hour
clock: the events happen in France), never Django's American default (« Jan. 21, 2027 »,
« 01/21/2027 »). Dates are typed as in France, day first: the admin's date fields accept
the French formats (capnum.formats.fr), so an English-speaking editor's « 21/01/2027 14h00 »
means the same day as a French editor's."""

from capnum.formats.fr.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
