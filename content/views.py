from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from content import ratelimit
from content.blocks import check_quiz
from content.cache import uncacheable
from content.quizzes import find_quiz


# The answers travel in the query string (GET): the result URL can be reloaded, bookmarked or
# shared, and holds nothing personal. Checking stores nothing, so no CSRF token, no cookie.
@require_http_methods(["GET", "HEAD", "POST"])
@uncacheable  # one entry per combination of answers would only fill the page cache
def quiz_check(request, page_id):
    """Check a quiz sent without JavaScript, then show the page again with the feedback."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if request.method == "POST":
        # Forms of pages rendered before answers went into the URL: the same result, at a
        # URL that survives a reload (303: the browser follows with a GET).
        return HttpResponseRedirect(f"{request.path}?{request.POST.urlencode()}", status=303)
    block_id = request.GET.get("quiz", "")
    if not block_id:
        return redirect(page.get_url(request) or "/")  # a bare /quiz/<id>/ bookmark
    wait = ratelimit.hit(request, "quiz")
    if wait:
        # The answers are in this URL: the page offers to send them again later.
        return too_many_requests(
            request, wait, back_url=page.url, retry_url=request.get_full_path()
        )
    child = find_quiz(page, block_id)
    if child is None:
        raise Http404
    request.quiz_results = {block_id: check_quiz(child.value, request.GET)}
    response = page.serve(request)
    response["X-Robots-Tag"] = "noindex"  # the page's own URL is the one to index
    return response


def too_many_requests(request, wait, back_url=None, retry_url=None):
    """The French page of a refused request (rate limit), with how long to wait."""
    response = TemplateResponse(
        request,
        "429.html",
        {"minutes": max(1, round(wait / 60)), "back_url": back_url, "retry_url": retry_url},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
