from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the error may come from the database or a setting.
    return HttpResponseServerError(loader.get_template("500.html").render())


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes's answer to a locked-out login (AXES_LOCKOUT_CALLABLE): a French page, 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "axes/lockout.html",
        {"limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
