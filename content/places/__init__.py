"""The public directory of digital-inclusion places: opening hours, the territory's communes,
filters, the national standard's files (import and export), the embed and the admin views.
The models live in content.models (Place, PlaceDirectoryPage)."""
