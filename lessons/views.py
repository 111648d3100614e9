import json

from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .progress import make_resume_code

# 500 lessons and 500 quiz results fit well within this.
MAX_PROGRESS_LENGTH = 100_000


@never_cache
@require_GET
def resume_code(request):
    """Sign the progress the browser sends (lesson ids and quiz scores only) as a resume code."""
    raw = request.GET.get("p", "")
    if len(raw) > MAX_PROGRESS_LENGTH:
        return HttpResponseBadRequest("progress too long")
    try:
        progress = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return HttpResponseBadRequest("invalid progress")
    return JsonResponse({"code": make_resume_code(progress)})
