"""The kit's post texts, one per social network."""

NETWORKS = [
    ("facebook", "Facebook", 63206),
    ("instagram", "Instagram", 2200),
    ("linkedin", "LinkedIn", 3000),
    ("mastodon", "Mastodon", 500),
]


def post_texts(campaign, links, plain):
    """One text per network, each with that network's own short link; a network without one
    gets the campaign's plain address (counted as a direct visit), never another channel's."""
    posts = []
    for key, label, limit in NETWORKS:
        link = links.get(key) or plain
        if key == "instagram":
            text = (
                f"{campaign.headline}\n\n{campaign.key_message}\n\n"
                f"{campaign.cta_label} : lien en bio."
            )
        elif key == "mastodon":
            text = f"{campaign.headline}\n\n{campaign.cta_label} : {link}"
        else:
            text = f"{campaign.headline}\n\n{campaign.key_message}\n\n{campaign.cta_label} : {link}"
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        posts.append(
            {
                "network": key,
                "label": label,
                "text": text,
                "count": len(text),
                "limit": limit,
                "link": link,
            }
        )
    return posts
