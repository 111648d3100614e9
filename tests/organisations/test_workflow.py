"""Moderation through the admin, as the staff click it: a social centre's editor submits, the
coordination sends back with a comment, the editor corrects and resubmits, the coordination
approves; each step e-mails the right person in French and the history says who did what."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaigns.models import ScamAlertPage
from content.models import StandardPage

from .helpers import cast

pytestmark = pytest.mark.django_db


def page_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": "atelier-parents",
            "summary": "Une séance pour les parents.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def assert_french(message):
    for text in [message.subject, message.body, *(c for c, _type in message.alternatives)]:
        for english in ("has been", "You can", "Hello", "rejected", "approved"):
            assert english not in text, (english, text)


def workflow_action(client, page, action, **data):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def test_submit_send_back_resubmit_approve(client):
    people = cast()
    section = Page.objects.get(url_path="/accueil/enseignants/")  # Bellidée's section
    client.force_login(people.editor)
    add = reverse("wagtailadmin_pages:add", args=["content", "standardpage", section.pk])
    response = client.post(add, page_form("Séance parents", **{"action-submit": "1"}))
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = StandardPage.objects.get(slug="atelier-parents")
    assert not page.live and page.workflow_in_progress
    # The coordination is told, in French.
    assert [m.to for m in mail.outbox] == [["coordinatrice@example.org"]]
    assert "a été soumise pour validation" in mail.outbox[0].subject
    assert "Validation par la coordination" in mail.outbox[0].subject
    assert "attend votre relecture" in mail.outbox[0].body
    assert_french(mail.outbox[0])
    mail.outbox.clear()

    # Sent back with a comment: the editor gets the comment by e-mail.
    client.force_login(people.coordination)
    comment = "Merci d'ajouter l'horaire et le lieu."
    response = workflow_action(client, page, "reject", comment=comment)
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert not page.live
    assert [m.to for m in mail.outbox] == [["redactrice@example.org"]]
    assert "renvoyée pour modification" in mail.outbox[0].subject
    assert comment in mail.outbox[0].body
    assert "Coordinatrice vous renvoie la page" in mail.outbox[0].body
    assert_french(mail.outbox[0])
    mail.outbox.clear()

    # Corrected and resubmitted by the editor.
    client.force_login(people.editor)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit, page_form("Séance parents, mardi 18 h", **{"action-submit": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress and not page.live
    assert [m.to for m in mail.outbox] == [["coordinatrice@example.org"]]
    mail.outbox.clear()

    # Approved: published, and the editor hears it.
    client.force_login(people.coordination)
    workflow_action(client, page, "approve", comment="Parfait.")
    page.refresh_from_db()
    assert page.live and page.title == "Séance parents, mardi 18 h"
    assert [m.to for m in mail.outbox] == [["redactrice@example.org"]]
    assert "a été approuvée" in mail.outbox[0].subject
    assert "est approuvée" in mail.outbox[0].body
    assert_french(mail.outbox[0])

    # The history shows who did what.
    actions = list(
        page.workflow_states.order_by("created_at").values_list("requested_by__username", "status")
    )
    assert actions == [("redactrice", "approved")]
    task_states = page.workflow_states.get().task_states.order_by("started_at")
    assert [(t.status, t.finished_by.username) for t in task_states] == [
        ("rejected", "coordinatrice"),
        ("approved", "coordinatrice"),
    ]
    assert task_states.first().get_comment() == comment
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=[page.pk]))
    assert history.status_code == 200
    text = history.content.decode()
    assert "Relecture par la coordination" in text and "Coordinatrice" in text


def test_an_editor_cannot_publish_and_the_coordination_publishes_an_alert_at_once(client):
    people = cast()
    alert = ScamAlertPage.objects.live().first()
    assert not alert.permissions_for_user(people.editor).can_publish()
    # The coordination publishes an urgent alert directly: no review step in the way.
    tester = alert.permissions_for_user(people.coordination)
    assert tester.can_publish() and tester.can_edit()
    client.force_login(people.coordination)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[alert.pk]))
    assert edit.status_code == 200
    assert 'name="action-publish"' in edit.content.decode()
