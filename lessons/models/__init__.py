from .explainers import ExplainerIndexPage, ExplainerPage
from .learning_index import LearningIndexPage
from .paths import LearningPathPage, LessonPage, LessonStreamBlock, Level
from .reports import SessionReport
from .school import ParentsVersionPage, SchoolIndexPage, SchoolModulePage
from .tool_guides import Cost, GuideIndexPage, ToolGuidePage

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
