from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def reindex_path_lessons(sender, instance, **kwargs):
    """A lesson's index entry holds its path's level and audiences (LessonPage.path_taxonomy):
    publishing the path refreshes its lessons' entries."""
    from wagtail.search import index

    from lessons.models import LessonPage

    for lesson in LessonPage.objects.child_of(instance).live():
        index.insert_or_update_object(lesson)


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = _("Apprendre")

    def ready(self):
        from wagtail.signals import page_published

        from lessons.models import LearningPathPage

        page_published.connect(
            reindex_path_lessons, sender=LearningPathPage, dispatch_uid="lessons_path_reindex"
        )
