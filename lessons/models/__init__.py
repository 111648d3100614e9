from .paths import LearningIndexPage, LearningPathPage, LessonPage, LessonStreamBlock, Level
from .reports import SessionReport

__all__ = [
    "LearningIndexPage",
    "LearningPathPage",
    "LessonPage",
    "LessonStreamBlock",
    "Level",
    "SessionReport",
]
