from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from content.blocks import check_quiz
from content.quizzes import find_quiz


# Checking answers changes nothing and stores nothing, so no CSRF token (and no cookie) is needed.
@csrf_exempt
@require_POST
def quiz_check(request, page_id):
    """Check a quiz sent without JavaScript, then show the page again with the feedback."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    block_id = request.POST.get("quiz", "")
    child = find_quiz(page, block_id)
    if child is None:
        raise Http404
    request.quiz_results = {block_id: check_quiz(child.value, request.POST)}
    request.method = "GET"  # the page renders as on a normal visit, with the results
    return page.serve(request)
