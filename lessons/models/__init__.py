from .paths import LearningIndexPage, LearningPathPage, LessonPage, LessonStreamBlock, Level
from .school import ParentsVersionPage, SchoolIndexPage, SchoolModulePage
from .reports import SessionReport

__all__ = [
    "LearningIndexPage",
    "LearningPathPage",
    "LessonPage",
    "LessonStreamBlock",
    "Level",
    "ParentsVersionPage",
    "SchoolIndexPage",
    "SchoolModulePage",
    "SessionReport",
]
