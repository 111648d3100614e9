"""Demo campaigns (Safer Internet Day 2026, Cybermois 2026, day against school bullying) with
their kits, and one active scam alert. Idempotent."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page

from content.demo import get_home, get_or_create_page, terms
from content.models import Audience, Organisation, Theme

from .models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPartner,
    ScamAlertIndexPage,
    ScamAlertPage,
    ShortLink,
)

CHANNELS = ["flyer", "affiche", "facebook", "newsletter", "magazine"]


def master_visual(title, colours):
    """A master visual drawn with Pillow (stripes and circles in the campaign's colours)."""
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = Image.new("RGB", (1800, 1800), colours[0])
    draw = ImageDraw.Draw(image)
    for i, x in enumerate(range(-400, 2200, 260)):
        draw.ellipse(
            (x, 300 + (i % 3) * 250, x + 520, 820 + (i % 3) * 250), fill=colours[i % 2 + 1]
        )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    slug = title.lower().replace(" ", "-")[:40]
    return Image_.objects.create(title=title, file=ImageFile(buffer, name=f"{slug}.png"))


def figure(value, label, source, url=""):
    return ("figure", {"value": value, "label": label, "source": source, "source_url": url})


def links(prefix):
    return [ShortLink(channel=c, code=f"{prefix}-{c[:3]}") for c in CHANNELS]


def partners(*slugs):
    return [CampaignPartner(organisation=o) for o in Organisation.objects.filter(slug__in=slugs)]


def page_by_path(url_path_end):
    return Page.objects.filter(url_path__endswith=url_path_end).first()


def load():
    home = get_home()
    alerts = get_or_create_page(
        home,
        ScamAlertIndexPage,
        "alertes-arnaques",
        title="Alertes arnaques",
        show_in_menus=False,
        intro="Les vagues d'arnaques en cours dans le Boulonnais et ailleurs : comment les "
        "reconnaître, que faire, qui prévenir.",
    )
    get_or_create_page(
        alerts,
        ScamAlertPage,
        "faux-sms-ameli",
        title="Faux SMS de l'Assurance Maladie (Ameli)",
        summary="Un SMS vous demande de commander votre nouvelle carte Vitale ou de payer des "
        "frais : c'est une arnaque.",
        looks_like="<p>Un SMS « Ameli » ou « Assurance Maladie » annonce que votre carte Vitale "
        "expire, qu'un remboursement vous attend ou que des frais sont à régler. Il contient un "
        "lien vers un faux site qui imite celui d'ameli.fr et demande vos coordonnées "
        "bancaires.</p>",
        what_to_do="<ul><li>Ne cliquez pas sur le lien et ne répondez pas.</li><li>L'Assurance "
        "Maladie ne demande jamais vos coordonnées bancaires par SMS.</li><li>Si vous avez donné "
        "vos coordonnées bancaires : appelez tout de suite votre banque pour faire opposition."
        "</li><li>Transférez le SMS au 33700, puis supprimez-le.</li></ul>",
        expires_at=timezone.now() + datetime.timedelta(days=60),
        lesson=page_by_path("/habitants/"),
    )

    index = get_or_create_page(
        home,
        CampaignIndexPage,
        "campagnes",
        title="Campagnes de sensibilisation",
        show_in_menus=True,
        summary="Les campagnes de prévention du numérique du Boulonnais et leurs kits de "
        "communication.",
        intro="Chaque campagne a sa page, son kit prêt à publier (visuels, affiche, flyer, textes) "
        "et ses liens courts par canal. Les chiffres sont comptés sans cookie ni donnée "
        "personnelle.",
    )
    communicants = page_by_path("/communicants/")
    habitants = page_by_path("/habitants/")
    enseignants = page_by_path("/enseignants/")
    why = [
        (
            "paragraph",
            "<p>Dans le Boulonnais, l'illectronisme touche plus de monde qu'ailleurs : "
            "les arnaques en ligne visent d'abord celles et ceux qui doutent de leurs usages.</p>",
        ),
        figure(
            "17,9 %",
            "des habitants du secteur de Boulogne-sur-Mer touchés par "
            "l'illectronisme, contre 15 % en France",
            "INSEE, 2021, cité par le plan d'action Digi-Inclusion de Boulogne-sur-Mer",
        ),
    ]
    created = 0
    specs = [
        {
            "slug": "safer-internet-day-2026",
            "title": "Safer Internet Day 2026",
            "start_date": datetime.date(2026, 2, 2),
            "end_date": datetime.date(2026, 2, 13),
            "theme_slug": "arnaques",
            "audiences": ("parents", "jeunes", "enseignants"),
            "key_message": "Un internet plus sûr, ça s'apprend en famille : "
            "parlons-en le 10 février.",
            "cta_label": "Venez aux animations au collège",
            "kit_headline": "10 février : un internet plus sûr, ensemble",
            "partners": ("bellidee", "cab"),
            "prefix": "sid26",
            "colours": ((11, 58, 79), (0, 90, 122), (255, 209, 102)),
            "linked": (enseignants, habitants),
            "cta_page": enseignants,
        },
        {
            "slug": "cybermois-2026",
            "title": "Cybermois 2026",
            "start_date": datetime.date(2026, 10, 1),
            "end_date": datetime.date(2026, 10, 31),
            "theme_slug": "mots-de-passe",
            "audiences": ("habitants", "seniors", "entrepreneurs"),
            "key_message": "Un mot de passe solide et différent pour chaque compte : "
            "le bon réflexe du Cybermois.",
            "cta_label": "Faites le point avec un médiateur numérique",
            "kit_headline": "Cybermois : un compte, un mot de passe",
            "partners": ("criac", "france-services-ccds", "cab"),
            "prefix": "cyb26",
            "colours": ((27, 46, 92), (31, 95, 168), (233, 246, 236)),
            "linked": (habitants,),
            "cta_page": habitants,
        },
        {
            "slug": "non-au-harcelement-2026",
            "title": "Non au harcèlement 2026",
            "start_date": datetime.date(2026, 11, 5),
            "end_date": datetime.date(2026, 11, 30),
            "theme_slug": "cyberharcelement",
            "audiences": ("jeunes", "parents", "enseignants"),
            "key_message": "Le cyberharcèlement n'est pas un jeu : on en parle, on le signale, "
            "on appelle le 3018.",
            "cta_label": "Appelez le 3018, gratuit et anonyme",
            "kit_headline": "Harcèlement : tous concernés, parlons-en",
            "partners": ("bellidee", "bdco"),
            "prefix": "harc26",
            "colours": ((91, 58, 135), (179, 18, 75), (255, 245, 220)),
            "linked": (enseignants, communicants),
            "cta_page": enseignants,
            "show_banner": True,
        },
    ]
    for spec in specs:
        if CampaignPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        theme = Theme.objects.filter(slug=spec.pop("theme_slug")).first()
        audience_slugs = spec.pop("audiences")
        visual = master_visual(f"Visuel {spec['title']}", spec.pop("colours"))
        linked = [("page", p) for p in spec.pop("linked") if p is not None]
        page = get_or_create_page(
            index,
            CampaignPage,
            spec.pop("slug"),
            theme=theme,
            audiences=terms(Audience, *audience_slugs),
            partners=partners(*spec.pop("partners")),
            short_links=links(spec.pop("prefix")),
            why_it_matters=why,
            linked_pages=linked,
            kit_visual=visual,
            summary=spec["key_message"],
            **spec,
        )
        created += 1
        del page
    return f"{created} campagne(s), 1 alerte arnaque"
