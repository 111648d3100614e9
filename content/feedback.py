"""« Cette page vous a-t-elle aidé ? » (docs/feedback.md): the public form's view and the figures
behind the admin report.

The form is a plain POST without a CSRF token: the page it sits on is cached for every
visitor, so it cannot carry a per-visitor token, and the answer is anonymous and grants nothing
(a forged cross-site post can do no more than a direct one). Rate limits and the masking of
personal data handle abuse (no honeypot field: its markup would weigh on every lesson, and a
robot's answers are capped by the limits anyway).
"""

from datetime import timedelta

from django import forms
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from content import ratelimit
from content.cache import uncacheable
from content.models.feedback import COMMENT_MAX_LENGTH, PageFeedback
from content.privacy import mask_personal_data

ANCHOR = "avis"
THANKS_PARAMETER = "avis"
THANKS_VALUE = "merci"
# The trend compares the last 30 days (today included) with the 30 before.
TREND_DAYS = 30
# Below this many answers a page's share says little: it is not ranked among the least helpful.
MIN_ANSWERS_TO_RANK = 5


class FeedbackForm(forms.Form):
    # The error summary's links: the template draws these fields by hand.
    error_anchors = {"utile": "avis-oui", "commentaire": "avis-texte"}

    utile = forms.ChoiceField(
        label=_("Cette page vous a-t-elle aidé ?"),
        choices=[("oui", _("Oui")), ("non", _("Non"))],
        error_messages={
            "required": _("Répondez avec le bouton « Oui » ou le bouton « Non »."),
            "invalid_choice": _("Répondez avec le bouton « Oui » ou le bouton « Non »."),
        },
    )
    commentaire = forms.CharField(
        label=_("Votre commentaire (facultatif)"),
        required=False,
        # Checked here, not by a maxlength attribute: the browser would cut the text silently.
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "Votre commentaire est trop long : %(limit_value)d caractères au plus "
                "(il en a %(show_value)d). Raccourcissez-le, votre texte est gardé ci-dessous."
            )
        },
    )


def feedback_page(page_id):
    """The live public page of a type that asks for feedback, or 404."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not getattr(page, "page_feedback", False):
        raise Http404
    return page


def thanks_url(page, request):
    # No #fragment: a fragment that names an element cancels `autofocus` (HTML's autofocus
    # rules), and the focused thank-you message is what a screen reader announces; autofocus
    # scrolls to it as the anchor would.
    return f"{page.get_url(request)}?{THANKS_PARAMETER}={THANKS_VALUE}"


@csrf_exempt
@uncacheable
def page_feedback(request, page_id):
    """Save one answer, then 303 to the page's thank-you state; errors and refusals show the
    page again with the form filled in (nothing typed is lost)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    page = feedback_page(page_id)
    if request.method != "POST":  # a bookmarked or reloaded form address
        return HttpResponseRedirect(f"{page.get_url(request)}#{ANCHOR}")
    data = request.POST
    # Every POST counts against a generous limit; a saved answer against the real one, claimed
    # before saving (docs/protections.md).
    wait = ratelimit.hit(request, "feedback_post")
    form = FeedbackForm(data)
    if not wait and form.is_valid():
        wait = ratelimit.hit(request, "feedback")
        if not wait:
            PageFeedback.objects.create(
                page=page,
                helpful=form.cleaned_data["utile"] == "oui",
                comment=mask_personal_data(form.cleaned_data["commentaire"].strip()),
            )
            return HttpResponseRedirect(thanks_url(page, request), status=303)
    status = 400
    if wait:
        form = FeedbackForm(initial={"commentaire": data.get("commentaire", "")})
        request.feedback_wait_minutes = max(1, round(wait / 60))
        status = 429
    request.feedback_form = form
    response = page.serve(request)
    response.status_code = status
    if wait:
        response["Retry-After"] = str(wait)
    response["X-Robots-Tag"] = "noindex"
    return response


# -- figures for the admin report ---------------------------------------------------------------


def _share(yes, total):
    return round(100 * yes / total) if total else None


def page_figures(feedback=None, today=None):
    """One dict per page with answers: totals, share of « oui » (percent), the same over the
    last TREND_DAYS days and the TREND_DAYS before, the trend in points, comments. One query."""
    today = today or timezone.localdate()
    recent_start = today - timedelta(days=TREND_DAYS - 1)
    previous_start = recent_start - timedelta(days=TREND_DAYS)
    recent = Q(created__gte=recent_start)
    previous = Q(created__gte=previous_start, created__lt=recent_start)
    yes = Q(helpful=True)
    rows = (
        (feedback if feedback is not None else PageFeedback.objects.all())
        .order_by()
        .values("page_id")
        .annotate(
            answers=Count("id"),
            yes=Count("id", filter=yes),
            recent=Count("id", filter=recent),
            recent_yes=Count("id", filter=recent & yes),
            previous=Count("id", filter=previous),
            previous_yes=Count("id", filter=previous & yes),
            comments=Count("id", filter=~Q(comment="")),
        )
    )
    figures = []
    for row in rows:
        row["share"] = _share(row["yes"], row["answers"])
        row["recent_share"] = _share(row["recent_yes"], row["recent"])
        row["previous_share"] = _share(row["previous_yes"], row["previous"])
        row["trend"] = (
            row["recent_share"] - row["previous_share"]
            if row["recent_share"] is not None and row["previous_share"] is not None
            else None
        )
        figures.append(row)
    return figures


def least_helpful(figures, limit=10):
    """Pages with enough answers, lowest share of « oui » first (more answers first on a tie)."""
    ranked = [row for row in figures if row["answers"] >= MIN_ANSWERS_TO_RANK]
    ranked.sort(key=lambda row: (row["share"], -row["answers"]))
    return ranked[:limit]
