from django.core.management.base import BaseCommand

from campaigns.kit import generate_kit, kit_is_stale
from campaigns.models import CampaignPage


class Command(BaseCommand):
    help = "Génère le kit des campagnes publiées (seulement ceux qui ont changé, sauf --force)."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int)
        parser.add_argument("--force", action="store_true")

    def handle(self, *args, ids=(), force=False, **options):
        campaigns = CampaignPage.objects.live()
        if ids:
            campaigns = campaigns.filter(pk__in=ids)
        done = 0
        for campaign in campaigns:
            if force or kit_is_stale(campaign):
                kit = generate_kit(campaign)
                done += 1
                self.stdout.write(f"{campaign.title} : {len(kit.files)} fichiers")
        self.stdout.write(f"{done} kit(s) généré(s).")
