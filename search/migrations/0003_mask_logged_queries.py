"""Queries logged before masking existed: mask e-mail addresses and phone numbers in place,
merging a masked row into an existing one with the same text."""

from django.db import migrations
from django.db.models import F


def mask_existing(apps, schema_editor):
    from content.privacy import mask_personal_data
    from search.text import normalise_term

    stat_model = apps.get_model("search", "SearchTermStat")
    for stat in stat_model.objects.all().iterator():
        masked = " ".join(normalise_term(mask_personal_data(stat.query)).split())[:255]
        if masked == stat.query:
            continue
        existing = stat_model.objects.filter(query=masked, language=stat.language).first()
        if existing is None:
            stat.query = masked
            stat.save(update_fields=["query"])
            continue
        stat_model.objects.filter(pk=existing.pk).update(
            searches=F("searches") + stat.searches,
            zero_result_searches=F("zero_result_searches") + stat.zero_result_searches,
        )
        stat.delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_french_search")]

    operations = [migrations.RunPython(mask_existing, migrations.RunPython.noop)]
