"""Our own minimal H5P content type (`H5P.CapQuiz 1.0`) and a builder for .h5p packages
using it: the tests and the demo need a real package, and none can be downloaded here."""

import io
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

SCAM_QUIZ = {
    "question": "Un SMS vous demande de payer une amende de 35 € en cliquant sur un lien. "
    "Que faites-vous ?",
    "answers": [
        {
            "text": "Je clique sur le lien et je paie vite pour éviter une majoration.",
            "correct": False,
            "feedback": "C'est une arnaque classique : l'administration n'envoie pas de lien "
            "de paiement par SMS.",
        },
        {
            "text": "Je réponds au SMS pour demander des précisions.",
            "correct": False,
            "feedback": "Répondre confirme que votre numéro est actif : les escrocs vous "
            "relanceront.",
        },
        {
            "text": "Je ne clique pas, je vérifie sur le site officiel de l'ANTAI et je "
            "signale le SMS au 33700.",
            "correct": True,
            "feedback": "Le 33700 est le numéro officiel de signalement des SMS frauduleux.",
        },
    ],
    "submitLabel": "Valider",
    "correctText": "Bonne réponse !",
    "wrongText": "Ce n'est pas la bonne réponse. Réessayez.",
    "noAnswerText": "Choisissez une réponse avant de valider.",
}

SCAM_QUIZ_TITLE = "Arnaque au SMS : l'amende à payer"


def package_files(title=SCAM_QUIZ_TITLE, content=None):
    """{name inside the .h5p: bytes} for a CapQuiz package."""
    library = json.loads((HERE / "library.json").read_text(encoding="utf-8"))
    folder = f"{library['machineName']}-{library['majorVersion']}.{library['minorVersion']}"
    dependency = {k: library[k] for k in ("machineName", "majorVersion", "minorVersion")}
    h5p_json = {
        "title": title,
        "language": "fr",
        "mainLibrary": library["machineName"],
        "embedTypes": ["div"],
        "license": "CC BY-SA",
        "licenseVersion": "4.0",
        "authors": [{"name": "Cap Numérique", "role": "Author"}],
        "preloadedDependencies": [dependency],
    }
    files = {
        "h5p.json": json.dumps(h5p_json, ensure_ascii=False, indent=2).encode(),
        "content/content.json": json.dumps(
            content or SCAM_QUIZ, ensure_ascii=False, indent=2
        ).encode(),
    }
    assets = [f["path"] for f in library["preloadedJs"] + library["preloadedCss"]]
    for name in ["library.json", "semantics.json", *assets]:
        files[f"{folder}/{name}"] = (HERE / name).read_bytes()
    return files


def build_zip(files):
    """A reproducible zip of {name: bytes}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def build_package(**kwargs):
    """The bytes of a valid .h5p package (the scam quiz by default)."""
    return build_zip(package_files(**kwargs))
