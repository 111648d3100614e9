"""H5P activities: an uploaded .h5p package, extracted under media/h5p/<uuid>/."""

import uuid

from django.db import models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from content.h5p.storage import delete_folder, folder_for, list_files, stage_package, swap_in
from content.h5p.validation import validate_h5p_package


class H5PActivity(TranslatableMixin, index.Indexed, models.Model):
    """An interactive exercise made with H5P, placed in pages with the H5P activity block."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    title = models.CharField(_("titre"), max_length=255)
    package = models.FileField(
        _("paquet H5P"),
        upload_to="h5p-packages/",
        validators=[validate_h5p_package],
        help_text=_(
            "Fichier .h5p exporté depuis un éditeur H5P (20 Mo au plus). Remplacer le fichier "
            "garde l'activité à sa place dans toutes les pages."
        ),
    )
    text_alternative = models.TextField(
        _("alternative textuelle"),
        help_text=_(
            "Obligatoire : le contenu et les réponses de l'activité en texte, pour les personnes "
            "qui ne peuvent pas l'utiliser (lecteur d'écran, clavier, JavaScript désactivé)."
        ),
    )
    main_library = models.CharField(_("bibliothèque principale"), max_length=255, editable=False)
    library_version = models.CharField(_("version"), max_length=20, blank=True, editable=False)
    licence = models.CharField(_("licence"), max_length=100, blank=True, editable=False)
    authors = models.JSONField(_("auteurs"), default=list, blank=True, editable=False)
    started_count = models.PositiveIntegerField(_("commencées"), default=0, editable=False)
    completed_count = models.PositiveIntegerField(_("terminées"), default=0, editable=False)

    panels = [FieldPanel("title"), FieldPanel("package"), FieldPanel("text_alternative")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("activité H5P")
        verbose_name_plural = _("activités H5P")
        ordering = ["title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._stored_package = self.package.name if self.pk else None

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        changed = self.package.name != self._stored_package or not self.pk
        with transaction.atomic():
            super().save(*args, **kwargs)
            pending = getattr(self, "_swap_pending", False)
            if self.package and not pending and (changed or not self.is_extracted()):
                self._stage_and_swap_on_commit()

    def _stage_and_swap_on_commit(self):
        """The new package is extracted beside the live files now; they change places once
        the database has committed (docs/h5p.md « Remplacer un paquet »)."""
        previous, live = self._stored_package, self.folder
        try:
            staging = self.extract()
        except Exception:
            if self.package.name != previous:  # the upload this failed save stored
                self.package.storage.delete(self.package.name)
            raise
        super().save(update_fields=["main_library", "library_version", "licence", "authors"])
        storage, current = self.package.storage, self.package.name
        self._swap_pending = True

        def swap():
            self._swap_pending = False
            swap_in(staging, live)
            if previous and previous != current:
                storage.delete(previous)  # the replaced upload

        transaction.on_commit(swap)
        self._stored_package = current

    def delete(self, *args, **kwargs):
        folder = self.folder
        result = super().delete(*args, **kwargs)
        transaction.on_commit(lambda: delete_folder(folder))
        return result

    @property
    def folder(self):
        return folder_for(self.uuid)

    @property
    def authors_display(self):
        return ", ".join(author["name"] for author in self.authors)

    def get_player_url(self):
        return reverse("h5p_player", kwargs={"uuid": self.uuid})

    def is_extracted(self):
        return bool(list_files(self.folder)[:1])

    def extract(self):
        """Extracts the package beside the activity's folder and records its manifest.
        Returns the staging folder, for `swap_in`."""
        with self.package.open("rb") as file:
            manifest, staging = stage_package(file, self.folder)
        self.main_library = manifest.main_library
        self.library_version = manifest.library_version
        self.licence = manifest.licence
        self.authors = manifest.authors
        return staging

    def copy_for_translation(self, locale, exclude_fields=None):
        """A translation is its own activity: its own folder and counters."""
        copy = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        copy.uuid = uuid.uuid4()
        copy.started_count = copy.completed_count = 0
        return copy

    def record(self, event):
        """Anonymous aggregate counters: only ever incremented, in one UPDATE."""
        fields = {"started": "started_count", "completed": "completed_count"}
        H5PActivity.objects.filter(pk=self.pk).update(**{fields[event]: F(fields[event]) + 1})
