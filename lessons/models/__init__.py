from .paths import LearningIndexPage, LearningPathPage, LessonPage, LessonStreamBlock, Level

__all__ = ["LearningIndexPage", "LearningPathPage", "LessonPage", "LessonStreamBlock", "Level"]
