"""Every existing place gets its standard identifier and page slug before they become unique."""

import uuid

from django.db import migrations, models
from django.utils.text import slugify


def fill_identifiers(apps, schema_editor):
    Place = apps.get_model("content", "Place")
    taken = set()
    for place in Place.objects.order_by("pk"):
        base = slugify(f"{place.nom} {place.commune}")[:100] or "lieu"
        slug, n = base, 2
        while (place.locale_id, slug) in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add((place.locale_id, slug))
        place.slug = slug
        place.identifiant = place.identifiant or str(uuid.uuid4())
        place.save(update_fields=["slug", "identifiant"])


class Migration(migrations.Migration):
    dependencies = [("content", "0006_place_directory")]

    operations = [
        migrations.RunPython(fill_identifiers, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="place",
            constraint=models.UniqueConstraint(
                fields=("identifiant", "locale"), name="place_unique_identifiant_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="place",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="place_unique_slug_per_locale"
            ),
        ),
    ]
