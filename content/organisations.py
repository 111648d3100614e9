"""Organisations own their content: who sees and edits what in the admin.

An organisation's editors are the members of its Wagtail group (`Organisation.editors_group`).
Each domain app says how its records reach an organisation (a lookup path such as
"organisation" or "occurrence__event__organiser"); this module turns that into querysets,
a Wagtail permission policy (buttons and instance checks) and a viewset mixin (listings,
exports, admin search and every per-object view). The coordination holds
`content.manage_all_organisations` and sees everything, like superusers.
"""

import functools

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy

ALL_ORGANISATIONS = "content.manage_all_organisations"
VIEW_INDICATORS = "content.view_indicators"
# Group names, in French: they show in the admin.
COORDINATION_GROUP = "Coordination"


def sees_every_organisation(user):
    return bool(user.is_active and (user.is_superuser or user.has_perm(ALL_ORGANISATIONS)))


def organisation_ids(user):
    """Ids of the organisations `user` edits for (every language copy), cached on the user
    object for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_capnum_organisation_ids", None)
    if cached is None:
        from content.models import Organisation

        cached = frozenset(
            Organisation.objects.filter(editors_group__user=user).values_list("pk", flat=True)
        )
        user._capnum_organisation_ids = cached
    return cached


def user_organisations(user):
    from content.models import Organisation

    if sees_every_organisation(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=organisation_ids(user))


def scope(queryset, user, path):
    """`queryset` cut down to what `user`'s organisations own through `path`."""
    if sees_every_organisation(user):
        return queryset
    scoped = queryset.filter(**{f"{path}__in": organisation_ids(user)})
    # A many-to-many path (places shared by two organisations) would repeat rows.
    return scoped.distinct() if _crosses_many(queryset.model, path) else scoped


def _crosses_many(model, path):
    for name in path.split("__"):
        if name == "pk":
            return False
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return True
        if not field.is_relation:
            return False
        model = field.related_model
    return False


def owns(user, instance, path):
    if sees_every_organisation(user):
        return True
    model = type(instance)
    return scope(model._default_manager.filter(pk=instance.pk), user, path).exists()


class OrganisationPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (can this user change reports at all?) narrowed to the records of
    the user's organisations."""

    def __init__(self, model, path, auth_model=None):
        super().__init__(model, auth_model=auth_model)
        self.organisation_path = path

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and owns(
            user, instance, self.organisation_path
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and owns(
            user, instance, self.organisation_path
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        return scope(instances, user, self.organisation_path)


def _scoped_view(view, viewset):
    """Refuse a per-object view (edit, delete, inspect, history, usage, copy...) for an
    object outside the user's organisations: a 404, so its existence is not revealed."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            allowed = scope(
                viewset.model._default_manager.all(), request.user, viewset.organisation_path
            )
            if not allowed.filter(pk=unquote(str(pk))).exists():
                raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _with_user_in_form(view_class):
    """Wagtail gives `for_user` to its own admin forms only; scoped choices need it always."""

    class View(view_class):
        def get_form_kwargs(self):
            kwargs = super().get_form_kwargs()
            kwargs.setdefault("for_user", self.request.user)
            return kwargs

    View.__name__ = view_class.__name__
    return View


class OrganisationScopedViewSetMixin:
    """For a ModelViewSet or SnippetViewSet: `organisation_path` says how a record reaches its
    organisation. Listings, exports and admin search show only the user's organisations'
    records; every per-object URL refuses the others."""

    organisation_path = "organisation"
    # Form fields whose choices are cut to the user's organisations: name -> lookup path
    # from the field's model to its organisation ("pk" for an Organisation field).
    organisation_choice_fields = {}

    def scoped_queryset(self, request, queryset=None):
        if queryset is None:
            queryset = self.model._default_manager.all()
        return scope(queryset, request.user, self.organisation_path)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        viewset = self

        class ScopedIndexView(self.index_view_class):
            # Listing, its search, filters and exports all start from this queryset.
            def get_base_queryset(self):
                return viewset.scoped_queryset(self.request, super().get_base_queryset())

        self.index_view_class = ScopedIndexView
        if self.organisation_choice_fields:
            self.add_view_class = _with_user_in_form(self.add_view_class)
            self.edit_view_class = _with_user_in_form(self.edit_view_class)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "<" in str(pattern.pattern) and hasattr(pattern, "callback"):
                pattern.callback = _scoped_view(pattern.callback, self)
        return patterns

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        fields = self.organisation_choice_fields
        if not fields:
            return form_class

        # Wagtail hands `for_user` to every form it builds; plain model forms do not take it.
        takes_user = WagtailAdminModelForm in form_class.__mro__

        class ScopedForm(form_class):
            def __init__(self, *args, for_user=None, **kwargs):
                if takes_user:
                    kwargs["for_user"] = for_user
                super().__init__(*args, **kwargs)
                if for_user is None:
                    return
                for name, path in fields.items():
                    if name in self.fields:
                        field = self.fields[name]
                        field.queryset = scope(field.queryset, for_user, path)

        ScopedForm.__name__ = form_class.__name__
        return ScopedForm


class OrganisationPagePermissionTester(PagePermissionTester):
    """For pages that name their organisation (events: `organiser`). Editors who may add
    pages here (« add » on the agenda) edit their organisation's pages, including those a
    colleague created; never another organisation's."""

    def __init__(self, user, page, path):
        super().__init__(user, page)
        self.organisation_path = path

    def _belongs(self):
        organisation_id = getattr(self.page, f"{self.organisation_path}_id", None)
        return organisation_id is not None and organisation_id in organisation_ids(self.user)

    def can_edit(self):
        scoped = (
            self.user.is_active
            and not sees_every_organisation(self.user)
            and "change" not in self.permissions
            and not self.page_is_root
        )
        if scoped:
            if "add" in self.permissions and self._belongs():
                return True
            if getattr(self.page, f"{self.organisation_path}_id", None):
                # Another organisation's page, even one this user created: refused.
                return False
        return super().can_edit()


class OrganisationPageMixin:
    """Page mixin: `organisation_field` names the ForeignKey to content.Organisation."""

    organisation_field = "organiser"

    def permissions_for_user(self, user):
        return OrganisationPagePermissionTester(user, self, self.organisation_field)


def permission_required(permission):
    """Decorator for admin views: refuse (403) users without `permission`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def organisation_page_form(base_form_class, field="organiser"):
    """A page form whose organisation choices are the editor's own organisations (required
    for them, so no page escapes every organisation); the coordination chooses any."""

    class OrganisationPageForm(base_form_class):
        def __init__(self, *args, for_user=None, **kwargs):
            super().__init__(*args, for_user=for_user, **kwargs)
            if for_user is None or field not in self.fields:
                return
            if not sees_every_organisation(for_user):
                choice = self.fields[field]
                choice.queryset = choice.queryset.filter(pk__in=organisation_ids(for_user))
                choice.required = True
                if not self.instance.pk and choice.queryset.count() == 1:
                    self.initial.setdefault(field, choice.queryset.first().pk)

    return OrganisationPageForm


def editors_group_name(organisation):
    """« Rédaction – CRIAC »: French, short, one per organisation."""
    return f"Rédaction – {organisation.acronym or organisation.name}"[:150]
