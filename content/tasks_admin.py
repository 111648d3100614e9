"""« Tâches en échec »: the background tasks nothing will try again (docs/background-tasks.md),
for administrators, with their error, and a button that puts one back in the queue."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content import background

# What each task does, in the administrators' words; other tasks (Wagtail's) show their name.
LABELS = {
    "campaigns.tasks.send_registration_email": gettext_lazy("Courriel à une personne inscrite"),
    "campaigns.tasks.send_event_reminders": gettext_lazy("Rappels de la veille (événements)"),
    "campaigns.tasks.generate_campaign_kit": gettext_lazy("Kit de campagne"),
    "content.tasks.send_review_digests": gettext_lazy("Récapitulatifs hebdomadaires"),
    "content.tasks.send_review_digest": gettext_lazy("Récapitulatif d’une organisation"),
    "content.tasks.purge_frontend_cache": gettext_lazy("Purge du cache du serveur mandataire"),
}
EMAIL_TASK = "content.tasks.deliver_email"


def label(row):
    if row.task_path == EMAIL_TASK:
        # Which e-mail (a notification, a password reset, an error report): its subject.
        args = row.args_kwargs.get("args") or [{}]
        subject = args[0].get("subject", "") if isinstance(args[0], dict) else ""
        return _("Courriel : %(subject)s") % {"subject": subject}
    return LABELS.get(row.task_path, row.task_name)


def failed_tasks_view(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    queued = background.queue_in_database()
    if request.method == "POST" and queued:
        if background.relaunch(request.POST.get("task", "")):
            messages.success(request, _("Tâche remise dans la file d’attente."))
        else:
            messages.warning(request, _("Cette tâche n’était plus en échec."))
        return redirect("capnum_failed_tasks")
    rows = background.failed_tasks() if queued else []
    for row in rows:
        row.label = label(row)
    return TemplateResponse(
        request,
        "content/admin/failed_tasks.html",
        {
            "rows": rows,
            "queued": queued,
            "attempts": background.max_attempts(),
            "header_title": _("Tâches en échec"),
            "header_icon": "warning",
        },
    )
