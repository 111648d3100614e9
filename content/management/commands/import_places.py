from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.places.importer import MAX_BYTES, import_file, too_big


class Command(BaseCommand):
    help = (
        "Import places from a file of the national « lieux de médiation numérique » standard "
        "(v1.0.2, CSV or JSON). Places are matched on the standard's `id`; one refused line and "
        "nothing changes. --dry-run checks and reports without saving."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV or JSON file of the standard")
        parser.add_argument("--dry-run", action="store_true", help="check only, save nothing")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        size = path.stat().st_size
        if size > MAX_BYTES:  # refused before reading it
            raise CommandError(too_big(size))
        data = path.read_bytes()
        report = import_file(data, name=path.name, dry_run=options["dry_run"])
        lines = report.lines()
        if not report.ok:
            for line in lines[1:]:
                self.stderr.write(line)
            raise CommandError(lines[0])
        for line in lines:
            self.stdout.write(self.style.SUCCESS(line))
