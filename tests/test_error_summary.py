"""The one error summary every public form shows after a failed submit (content_tags)."""

from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation


class SampleForm(forms.Form):
    name = forms.CharField(label="Nom")
    phone = forms.CharField(label="Téléphone")

    def clean(self):
        raise ValidationError("Indiquez un moyen de vous joindre.")


def render(source, **context):
    return Template("{% load content_tags %}" + source).render(Context(context))


def test_a_form_summary_counts_links_and_labels_each_error():
    form = SampleForm(data={})
    html = render("{% error_summary 'Le formulaire contient des erreurs' form=form %}", form=form)
    assert '<div class="error-summary" role="alert" tabindex="-1" autofocus>' in html
    assert '<h2 class="error-summary__title">Le formulaire contient des erreurs</h2>' in html
    assert "<p>Il y a 3 erreurs à corriger :</p>" in html
    assert '<li><a href="#id_name">Nom : Champ requis.</a></li>' in html
    assert '<li><a href="#id_phone">Téléphone : Champ requis.</a></li>' in html
    # An error of the whole form has no field to go to.
    assert "<li>Indiquez un moyen de vous joindre.</li>" in html


def test_one_error_is_counted_in_the_singular_and_in_english():
    errors = [{"href": "#code", "text": "Ce code n'est pas reconnu."}]
    html = render("{% error_summary 'Titre' errors=errors heading=3 %}", errors=errors)
    assert "<p>Il y a 1 erreur à corriger :</p>" in html and "<h3 " in html
    assert '<li><a href="#code">Ce code n&#x27;est pas reconnu.</a></li>' in html
    with translation.override("en"):
        html = render("{% error_summary 'Title' errors=errors %}", errors=errors)
    assert "<p>There is 1 error to fix:</p>" in html


def test_a_form_can_point_its_links_elsewhere_and_leave_labels_out():
    form = SampleForm(data={"phone": "03"})
    form.error_anchors = {"name": "nom-saisi"}
    html = render("{% error_summary 'Titre' form=form labels=False %}", form=form)
    assert '<li><a href="#nom-saisi">Champ requis.</a></li>' in html


def test_the_quiz_summary_is_hidden_until_quiz_js_shows_it_and_has_no_count():
    errors = [{"href": "#q1", "text": "Choisissez", "hidden": True}]
    html = render(
        "{% error_summary 'Il manque une réponse' errors=errors quiz=True hidden=True %}",
        errors=errors,
    )
    assert 'tabindex="-1" data-quiz-errors hidden>' in html and "autofocus" not in html
    assert '<li hidden><a href="#q1">Choisissez</a></li>' in html and "<p>" not in html
