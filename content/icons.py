"""Our own action pictograms, drawn for the site on a 24×24 grid in the style of the audience
pictograms (content/templates/content/includes/pictogram.html): 2 px strokes, round ends, no
fill, in the text colour (`.icon` in static/css/base.css sets the stroke, so the markup carries
only the shapes). Decorative: always beside a visible text that says the action, hidden from
assistive technology. Rendered inline by `{% icon "name" %}` (content_tags); docs/notes/
issue-15-pictograms.md says why inline rather than a sprite file."""

ICONS = {
    # A magnifying glass: search.
    "search": '<circle cx="10.5" cy="10.5" r="6"/><path d="M15 15l5.5 5.5"/>',
    # An arrow to the right: go on to the next lesson, start a path.
    "next": '<path d="M4 12h15M13 6l6 6-6 6"/>',
    # A tick in a circle: « J'ai terminé ».
    "done": '<circle cx="12" cy="12" r="9"/><path d="M8 12.5l2.8 2.8L16 10"/>',
    # A printer with its sheet: print a lesson, a kit, an attestation.
    "print": '<path d="M7 9V3.5h10V9M7 17H4v-7h16v7h-3"/><path d="M7 14h10v6.5H7z"/>',
    # A calendar page with a plus: register for a date.
    "register": (
        '<rect x="3.5" y="5" width="17" height="15" rx="1.5"/>'
        '<path d="M3.5 10h17M8 3v4M16 3v4M12 12.5v5M9.5 15h5"/>'
    ),
    # A map pin: find a place of help (the door « lieu » is the same drawing).
    "place": (
        '<path d="M12 21s-6.5-5.8-6.5-11a6.5 6.5 0 0 1 13 0c0 5.2-6.5 11-6.5 11z"/>'
        '<circle cx="12" cy="10" r="2.5"/>'
    ),
    # A telephone handset: call for help.
    "phone": (
        '<path d="M6.5 3.5l3 .5 1.2 4-2 1.5a11 11 0 0 0 5.8 5.8l1.5-2 4 1.2.5 3'
        'c0 1.2-1 2-2.2 2A15.5 15.5 0 0 1 4.5 5.7c0-1.2.8-2.2 2-2.2z"/>'
    ),
    # An arrow down into a tray: download a kit or a document.
    "download": '<path d="M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5M4 16v4h16v-4"/>',
    # A key: the resume code that brings progress back.
    "code": '<circle cx="8" cy="15" r="4"/><path d="M11 12l8.5-8.5M16 7l2.5 2.5M14 9l2 2"/>',
}
