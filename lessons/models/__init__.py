from .guides import Cost, ExplainerIndexPage, ExplainerPage, GuideIndexPage, ToolGuidePage
from .learning_index import LearningIndexPage
from .paths import LearningPathPage, LessonPage, LessonStreamBlock, Level
from .reports import SessionReport
from .school import ParentsVersionPage, SchoolIndexPage, SchoolModulePage

__all__ = [
    "Cost",
    "ExplainerIndexPage",
    "ExplainerPage",
    "GuideIndexPage",
    "LearningIndexPage",
    "LearningPathPage",
    "LessonPage",
    "LessonStreamBlock",
    "Level",
    "ParentsVersionPage",
    "SchoolIndexPage",
    "SchoolModulePage",
    "SessionReport",
    "ToolGuidePage",
]
