from django.urls import path

from . import views

urlpatterns = [
    path("<uuid:uuid>/player/", views.player, name="h5p_player"),
    path("<uuid:uuid>/event/", views.event, name="h5p_event"),
]
