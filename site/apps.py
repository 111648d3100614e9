from django.apps import AppConfig


class CapnumConfig(AppConfig):
    name = "capnum"
    verbose_name = "Cap Numérique"

    def ready(self):
        from . import admin_dates

        admin_dates.register()
