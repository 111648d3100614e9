"""Resume codes: the browser's progress, signed so it cannot be forged, and nothing else."""

import re

from django.core import signing
from django.utils.translation import gettext_lazy as _

SALT = "capnum.lessons.progress"
MAX_CODE_LENGTH = 4000


class ResumeCodeError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def clean_progress(data):
    """Keep only the fields of the progress schema (lesson ids, quiz and activity scores)."""
    if not isinstance(data, dict):
        return {"v": 1, "lessons": [], "quizzes": {}}
    lessons = [int(x) for x in data.get("lessons", []) if str(x).isdigit()][:500]
    quizzes = {}
    for key, score in (data.get("quizzes") or {}).items():
        if (
            isinstance(key, str)
            and re.fullmatch(r"[\w-]{1,80}", key)
            and isinstance(score, list)
            and len(score) == 2
            and all(isinstance(n, int) and 0 <= n <= 1000 for n in score)
        ):
            quizzes[key] = score
    return {"v": 1, "lessons": sorted(set(lessons)), "quizzes": quizzes}


def make_resume_code(progress):
    """A signed code for {"lessons": [ids], "quizzes": {key: [score, max]}}."""
    return signing.dumps(clean_progress(progress), salt=SALT, compress=True)


def read_resume_code(code):
    code = (code or "").strip()
    if not code:
        raise ResumeCodeError(_("Saisissez votre code de reprise."))
    if len(code) > MAX_CODE_LENGTH:
        raise ResumeCodeError(_("Ce code est trop long : vérifiez que vous l'avez bien copié."))
    try:
        data = signing.loads(code, salt=SALT)
    except signing.BadSignature:
        raise ResumeCodeError(
            _(
                "Ce code n'est pas reconnu : il a peut-être été mal recopié ou modifié. "
                "Vérifiez chaque caractère, ou demandez un nouveau code sur l'appareil où "
                "vous avez suivi les leçons."
            )
        ) from None
    return clean_progress(data)
