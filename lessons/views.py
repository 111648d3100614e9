import json

from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .progress import make_resume_code


@never_cache
@require_GET
def resume_code(request):
    """Sign the progress the browser sends (lesson ids and quiz scores only) as a resume code."""
    try:
        progress = json.loads(request.GET.get("p", ""))
    except ValueError:
        return HttpResponseBadRequest("invalid progress")
    return JsonResponse({"code": make_resume_code(progress)})
