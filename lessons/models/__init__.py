from .guides import Cost, ExplainerIndexPage, ExplainerPage, GuideIndexPage, ToolGuidePage
from .paths import LearningIndexPage, LearningPathPage, LessonPage, LessonStreamBlock, Level

__all__ = ["LearningIndexPage", "LearningPathPage", "LessonPage", "LessonStreamBlock", "Level"]
__all__ += ["Cost", "ExplainerIndexPage", "ExplainerPage", "GuideIndexPage", "ToolGuidePage"]
