from django.urls import path

from .views import resume_code

app_name = "lessons"
urlpatterns = [path("code/", resume_code, name="resume_code")]
