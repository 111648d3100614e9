from django.apps import AppConfig


class CapnumConfig(AppConfig):
    name = "capnum"
    verbose_name = "Cap Numérique"
