"""Finding the quiz blocks of a page: the no-JavaScript check and the resume codes both need
them. Pages whose quizzes are not in `body` name their fields in `quiz_fields`."""


def quiz_children(page):
    """Every quiz block of a (specific) page, in the order of its quiz fields."""
    for field in getattr(page, "quiz_fields", ("body",)):
        for child in getattr(page, field, None) or []:
            if child.block_type == "quiz":
                yield child


def find_quiz(page, block_id):
    """The quiz block with this id (or the first quiz when the page does not pass block ids
    to its templates)."""
    for child in quiz_children(page):
        if child.id == block_id or block_id == "quiz":
            return child
    return None
