"""Editorial roles: a group per organisation, the coordination, the moderation workflow and the
demo accounts. Idempotent: run it after `load_demo` (make setup) and whenever an organisation
is added; it never removes a permission an administrator granted by hand."""

import json
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from content.models import Organisation
from content.organisations import COORDINATION_GROUP, editors_group_name

DATA = Path(__file__).resolve().parents[2] / "data" / "organisation_roles.json"
WORKFLOW_NAME = "Relecture par la coordination"
TASK_NAME = "Validation par la coordination"
# Wagtail's migrations create these English defaults; they become ours.
WAGTAIL_MODERATORS, WAGTAIL_EDITORS, WAGTAIL_WORKFLOW = (
    "Moderators",
    "Editors",
    "Moderators approval",
)

COORDINATION_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
# Organisations write and submit; the coordination publishes.
EDITOR_PAGE_PERMISSIONS = ["add", "change", "lock", "unlock"]
EDITOR_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "content.view_organisation",
    "content.change_organisation",
    "content.add_place",
    "content.change_place",
    "content.view_place",
    "lessons.add_sessionreport",
    "lessons.change_sessionreport",
    "lessons.delete_sessionreport",
    "lessons.view_sessionreport",
    "campaigns.view_registration",
    "campaigns.change_registration",
]
COORDINATION_APPS = ["content", "lessons", "campaigns", "search"]
COLLECTION_PERMISSIONS = {
    "coordination": [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    "editor": ["add_image", "choose_image", "add_document", "choose_document"],
}


def permissions(*names):
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def grant_pages(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )


def grant_collection(group, codenames):
    root = Collection.get_first_root_node()
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(codename=codename),
        )


class Command(BaseCommand):
    help = (
        "Create the coordination group, one editors' group per organisation with its page "
        "sections, the moderation workflow in French, and (with --demo-users) one account per role."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Create the demo accounts (passwords printed once).",
        )

    @transaction.atomic
    def handle(self, *args, demo_users=False, **options):
        roles = json.loads(DATA.read_text(encoding="utf-8"))
        coordination = self.coordination_group()
        workflow = self.workflow(coordination)
        editors = {}
        for organisation in Organisation.objects.filter(locale__language_code="fr"):
            editors[organisation.slug] = self.editors_group(organisation, roles)
        self.stdout.write(
            f"Groups: « {coordination.name} » and {len(editors)} organisation groups; "
            f"workflow « {workflow.name} »."
        )
        if demo_users:
            self.demo_users(roles.get("demo_users", []), coordination, editors)

    def coordination_group(self):
        group = Group.objects.filter(name=COORDINATION_GROUP).first()
        if group is None:
            group = Group.objects.filter(name=WAGTAIL_MODERATORS).first() or Group()
            group.name = COORDINATION_GROUP
            group.save()
        group.permissions.add(
            *permissions("wagtailadmin.access_admin"),
            *Permission.objects.filter(content_type__app_label__in=COORDINATION_APPS),
        )
        # The tree's root, so every language's home page is covered.
        grant_pages(group, Page.get_first_root_node(), COORDINATION_PAGE_PERMISSIONS)
        grant_collection(group, COLLECTION_PERMISSIONS["coordination"])
        # Wagtail's default « Editors » group edits the whole tree: it would bypass the
        # organisations. Removed while nobody is in it.
        Group.objects.filter(name=WAGTAIL_EDITORS, user__isnull=True).delete()
        return group

    def workflow(self, coordination):
        workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
        if workflow is None:
            workflow = Workflow.objects.filter(name=WAGTAIL_WORKFLOW).first() or Workflow()
            workflow.name = WORKFLOW_NAME
            workflow.active = True
            workflow.save()
        task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = GroupApprovalTask.objects.filter(name=WAGTAIL_WORKFLOW).first()
            task = task or GroupApprovalTask()
            task.name = TASK_NAME
            task.active = True
            task.save()
        task.groups.set([coordination])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        root = Page.get_first_root_node()
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
        return workflow

    def editors_group(self, organisation, roles):
        group = organisation.editors_group
        if group is None:
            group, _created = Group.objects.get_or_create(name=editors_group_name(organisation))
            Organisation.objects.filter(translation_key=organisation.translation_key).update(
                editors_group=group
            )
        group.permissions.add(*permissions(*EDITOR_MODEL_PERMISSIONS))
        grant_collection(group, COLLECTION_PERMISSIONS["editor"])
        config = roles.get("organisations", {}).get(organisation.slug, {})
        sections = [self.page_at(path) for path in config.get("sections", [])]
        sections = [page for page in sections if page is not None]
        if sections:
            organisation.sections.add(*sections)
        for page in organisation.sections.all():
            grant_pages(group, page, EDITOR_PAGE_PERMISSIONS)
        # Every organisation may announce its events in the shared agenda; it edits its own
        # (campaigns.EventPage's permission tester), never another's.
        for agenda in self.pages_of_type(roles.get("shared_sections", [])):
            grant_pages(group, agenda, ["add"])
        return group

    def page_at(self, path):
        """A page by its URL path under the French home page, e.g. "agenda/"."""
        home = Page.objects.filter(depth=2, locale__language_code="fr").first()
        if home is None:
            return None
        url_path = home.url_path + path.strip("/") + "/"
        return Page.objects.filter(url_path=url_path).first()

    def pages_of_type(self, paths):
        return [page for page in (self.page_at(path) for path in paths) if page]

    def demo_users(self, accounts, coordination, editors):
        User = get_user_model()
        created = []
        for account in accounts:
            if User.objects.filter(username=account["username"]).exists():
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=account["username"],
                email=account["email"],
                first_name=account.get("first_name", ""),
                last_name=account.get("last_name", ""),
                password=password,
            )
            group = (
                coordination if account["role"] == "coordination" else editors.get(account["role"])
            )
            if group is not None:
                user.groups.add(group)
            created.append((account, password))
        if created:
            self.stdout.write(self.style.SUCCESS("Demo accounts created (passwords shown once):"))
            for account, password in created:
                self.stdout.write(
                    f"  {account['label']}: login {account['username']}  password {password}"
                )
        else:
            self.stdout.write(
                "Demo accounts already exist; their passwords are not shown again "
                "(reset one with: python manage.py changepassword LOGIN)."
            )
