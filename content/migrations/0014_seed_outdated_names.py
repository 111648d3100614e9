from django.db import migrations

# Real renamings only, each checked: the list is the editors' to extend.
SEED = [
    ("Pôle emploi", "France Travail", "janvier 2024"),
    ("Twitter", "X", "juillet 2023"),
    ("Google My Business", "Google Business Profile", "novembre 2021"),
    ("Hadopi", "Arcom", "janvier 2022"),
]


def seed(apps, schema_editor):
    OutdatedName = apps.get_model("content", "OutdatedName")
    for old_name, new_name, since in SEED:
        OutdatedName.objects.get_or_create(
            old_name=old_name, defaults={"new_name": new_name, "since": since}
        )


class Migration(migrations.Migration):
    dependencies = [("content", "0013_outdated_name")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
