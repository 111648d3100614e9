"""Dates the way people in France type them, in every admin form: « 21/01/2027 14h00 »,
« 21/01/2027 à 14 h », « 21/01/2027 14:00 ». Django's French formats cover the last one only;
what no format matches is refused with a message, never guessed."""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d"]

_TIMES = ["%H:%M:%S", "%H:%M", "%Hh%M", "%H h %M", "%Hh %M", "%H h%M", "%Hh", "%H h"]
DATETIME_INPUT_FORMATS = [
    f"{day}{separator}{time}"
    for day in ("%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y")
    for separator in (" ", " à ", ", ", " - ")
    for time in _TIMES
] + ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
