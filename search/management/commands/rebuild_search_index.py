"""Full rebuild of the search index with a progress bar.

Same work as Wagtail's `update_index` (reset each index through the backend's rebuilder,
then add every indexed model's objects in chunks), but it counts the objects first so it can
show a progress bar, and it prints the total and the elapsed time. On a terminal the bar is
redrawn in place; otherwise (cron, CI logs) a plain line is printed every 10 %.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

BAR_WIDTH = 30


class Progress:
    def __init__(self, stdout, total, tty):
        self.stdout, self.total, self.tty = stdout, max(total, 0), tty
        self.done = 0
        self.last_step = -1
        self.started = time.monotonic()

    def advance(self, count, label):
        self.done += count
        ratio = self.done / self.total if self.total else 1.0
        elapsed = time.monotonic() - self.started
        if self.tty:
            filled = int(BAR_WIDTH * ratio)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stdout.write(
                f"\r[{bar}] {ratio:4.0%} {self.done}/{self.total} {elapsed:5.1f}s {label[:40]:<40}",
                ending="",
            )
            self.stdout.flush()
            return
        step = int(ratio * 10)  # one plain line per 10 %
        if step > self.last_step:
            self.last_step = step
            self.stdout.write(f"{ratio:4.0%} {self.done}/{self.total} {elapsed:.1f}s {label}")

    def close(self):
        if self.tty:
            self.stdout.write("")


class Command(BaseCommand):
    help = "Rebuild the search index (all indexed models) with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="A WAGTAILSEARCH_BACKENDS name (default: all).")
        parser.add_argument(
            "--chunk-size", type=int, default=500, help="Objects indexed per batch (500)."
        )

    def handle(self, *args, **options):
        chunk_size = options["chunk_size"]
        if chunk_size < 1:
            raise CommandError("--chunk-size must be at least 1.")
        names = list(settings.WAGTAILSEARCH_BACKENDS)
        if options["backend"]:
            if options["backend"] not in names:
                raise CommandError(f"Unknown search backend {options['backend']!r}: {names}.")
            names = [options["backend"]]
        tty = self.stdout.isatty()
        for name in names:
            self.rebuild(name, chunk_size, tty)

    def rebuild(self, name, chunk_size, tty):
        backend = get_search_backend(name)
        started = time.monotonic()
        if not backend.rebuilder_class:
            self.stdout.write(f"{name}: nothing to rebuild for this backend.")
            return
        indexes = {}
        for model in get_indexed_models():
            index = backend.get_index_for_model(model)
            indexes.setdefault(index.get_key(), (index, []))[1].append(model)
        plan = [
            (index, [(m, m.get_indexed_objects().order_by("pk")) for m in models])
            for index, models in indexes.values()
        ]
        total = sum(qs.count() for _index, models in plan for _m, qs in models)
        self.stdout.write(f"{name}: rebuilding the search index ({total} objects)")
        progress = Progress(self.stdout, total, tty)
        indexed = 0
        for index, models in plan:
            rebuilder = backend.rebuilder_class(index)
            index = rebuilder.start()
            for model, _qs in models:
                index.add_model(model)
            for model, queryset in models:
                label = model._meta.label
                for chunk in self.chunks(queryset, chunk_size):
                    index.add_items(model, chunk)
                    indexed += len(chunk)
                    progress.advance(len(chunk), label)
            rebuilder.finish()
        progress.close()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"{name}: {indexed} objects indexed in {elapsed:.1f}s")
        )

    @staticmethod
    def chunks(queryset, size):
        # Keyset pagination (pk > last): no OFFSET rescans, and rows added meanwhile
        # neither shift nor repeat a chunk.
        last = None
        while True:
            page = queryset if last is None else queryset.filter(pk__gt=last)
            items = list(page[:size])
            if not items:
                return
            yield items
            last = items[-1].pk
