"""Progress shown by the server: the H5P activities of lessons, and what a resume code holds
(the no-JavaScript resume page and attestation). The browser's own copy is shown by
static/js/progress.js; both use these lists, so they show the same thing."""

from content.models import H5PActivity


def activity_ids(lesson):
    """Row ids of the H5P activities in a lesson's body, read from its raw data (the lesson
    was loaded with its body: no query)."""
    return [
        child["value"].get("activity")
        for child in lesson.body.raw_data
        if child.get("type") == "h5p_activity" and isinstance(child.get("value"), dict)
    ]


def activities_of(lessons):
    """The H5P activities used in these lessons, in lesson order, once each: one query, none
    when no lesson has an activity."""
    ids = []
    for lesson in lessons:
        ids += [pk for pk in activity_ids(lesson) if isinstance(pk, int) and pk not in ids]
    if not ids:
        return []
    found = H5PActivity.objects.only("id", "uuid", "title").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def summary(paths, activities, progress):
    """What a resume code holds, in the site's words: for each path the lessons done (in path
    order; paths with none are left out), and the activities done with their score."""
    done = set(progress["lessons"])
    results = progress.get("activities", {})
    done_paths = []
    for learning_path in paths:
        lessons = [lesson for lesson in learning_path.lesson_list if lesson.pk in done]
        if lessons:
            done_paths.append((learning_path, lessons))
    done_activities = [
        (activity, *results[str(activity.uuid)])
        for activity in activities
        if str(activity.uuid) in results
    ]
    return {"paths": done_paths, "activities": done_activities}
