from django.urls import path

from .reports import session_report, session_report_thanks
from .views import resume_code

# Included once, inside i18n_patterns: French paths carry no prefix, English ones "/en/".
app_name = "lessons"
urlpatterns = [
    path("progression/code/", resume_code, name="resume_code"),
    path("compte-rendu-de-seance/", session_report, name="session_report"),
    path("compte-rendu-de-seance/merci/", session_report_thanks, name="session_report_thanks"),
]
