"""The campaign kit: social images, print PDFs, post texts and a ZIP, from one master visual
(images.py, printed.py, posts.py); here, what generates it and says when it is stale."""

import hashlib
import io
import zipfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image, ImageDraw

from .images import ACCENT, INK, SOCIAL_SIZES, social_image, validate_master_visual
from .posts import post_texts
from .printed import print_pdf


def channel_links(campaign):
    """{channel: short URL} for the channels the campaign has a short link for (the first one
    when a channel has several)."""
    links = {}
    for link in campaign.short_links.all():
        links.setdefault(link.channel, link.short_url)
    return links


def plain_link(campaign):
    return campaign.full_url or ""


# The sizes each network uses. A network with its own short link gets its own images; the
# others share one set carrying the campaign's plain address.
SOCIAL_CHANNELS = {
    "facebook": ["carre", "paysage"],
    "instagram": ["carre", "story"],
    "linkedin": ["paysage"],
}


def kit_signature(campaign):
    links = channel_links(campaign)
    parts = [
        str(campaign.kit_visual.file.name if campaign.kit_visual_id else ""),
        campaign.headline,
        campaign.cta_label,
        campaign.key_message,
        repr(sorted(links.items())),
        plain_link(campaign),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def placeholder_visual():
    """A plain visual in the site's colours when no master visual is chosen."""
    image = Image.new("RGB", (1600, 1600), INK)
    draw = ImageDraw.Draw(image)
    for i in range(0, 1600, 200):
        draw.ellipse((i - 300, i - 300, i + 300, i + 300), outline=ACCENT, width=18)
    return image


def load_visual(campaign):
    if not campaign.kit_visual_id:
        return placeholder_visual()
    with campaign.kit_visual.open_file() as handle:
        validate_master_visual(handle)
        image = Image.open(handle)
        image.load()
    return image


def kit_path(campaign_id, name):
    return f"campaign-kits/{campaign_id}/{name}"


def generate_kit(campaign):
    from ..models import CampaignKit

    visual = load_visual(campaign)
    links = channel_links(campaign)
    plain = plain_link(campaign)
    slug = campaign.slug
    files = {}
    channels = {}

    def add(name, data, channel, link):
        files[name] = data
        channels[name] = {"channel": channel, "link": link}

    def png(size, link):
        image = social_image(
            visual, SOCIAL_SIZES[size], campaign.headline, campaign.cta_label, link
        )
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=True)
        return buffer.getvalue()

    def size_name(key):
        width, height = SOCIAL_SIZES[key]
        return f"{key}-{width}x{height}"

    for channel, sizes in SOCIAL_CHANNELS.items():
        if channel in links:
            for key in sizes:
                add(
                    f"{slug}-{channel}-{size_name(key)}.png",
                    png(key, links[channel]),
                    channel,
                    links[channel],
                )
    if any(channel not in links for channel in SOCIAL_CHANNELS):
        for key in SOCIAL_SIZES:
            add(f"{slug}-{size_name(key)}.png", png(key, plain), "", plain)
    from reportlab.lib.pagesizes import A4, A5

    for channel, page_size, name in [("affiche", A4, "affiche-A4"), ("flyer", A5, "flyer-A5")]:
        link = links.get(channel, plain)
        pdf = print_pdf(
            page_size, visual, campaign.headline, campaign.cta_label, link, campaign.title
        )
        add(f"{slug}-{name}.pdf", pdf, channel if channel in links else "", link)
    posts = post_texts(campaign, links, plain)
    files[f"{slug}-textes.txt"] = "\n\n".join(
        f"== {p['label']} ({p['count']} / {p['limit']} caractères) ==\n{p['text']}" for p in posts
    ).encode()
    zip_buffer = io.BytesIO()
    with zipfile.ZipFile(zip_buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    files[f"{slug}-kit.zip"] = zip_buffer.getvalue()

    entries = []
    for name, data in files.items():
        path = kit_path(campaign.pk, name)
        if default_storage.exists(path):
            default_storage.delete(path)
        default_storage.save(path, ContentFile(data))
        entries.append({"name": name, "size": len(data), **channels.get(name, {})})
    kit, _created = CampaignKit.objects.update_or_create(
        campaign=campaign,
        defaults={
            "signature": kit_signature(campaign),
            "generated_at": timezone.now(),
            "files": entries,
            "posts": posts,
        },
    )
    return kit


def kit_is_stale(campaign):
    from ..models import CampaignKit

    kit = CampaignKit.objects.filter(campaign=campaign).first()
    return kit is None or kit.signature != kit_signature(campaign)
