"""Every e-mail out of the request (docs/background-tasks.md « E-mail »).

`EMAIL_BACKEND` is `QueuedEmailBackend`: whoever sends (our notifications, Wagtail's
moderation and comment notifications, the admin password reset, Django's error mails to
ADMINS), each message is written as one `content.tasks.deliver_email` task, which the worker
hands to the real backend (`EMAIL_DELIVERY_BACKEND`, SMTP by default) and retries when the
mail server refuses or is away. Nothing else needs to know.

The message goes straight to the real backend, as if this backend were not there, when
- the task backend runs tasks in the request (the embedded default, the tests): queueing
  would only run the same delivery at once, minus the caller's error;
- the caller is itself one of our tasks (`content.background.retried_task`), already out of
  the request with its own retries: queueing again would hide its failure from it (a
  reminder is marked sent only once the mail server took it).
"""

import base64
import logging
from email import message_from_bytes
from email.message import Message
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from content import background

logger = logging.getLogger("capnum.mail")


def delivery_connection(**kwargs):
    """A connection of the real backend (`EMAIL_DELIVERY_BACKEND`)."""
    path = settings.EMAIL_DELIVERY_BACKEND
    if path == f"{__name__}.QueuedEmailBackend":
        raise ImproperlyConfigured("EMAIL_DELIVERY_BACKEND cannot be the queue itself.")
    return get_connection(path, **kwargs)


class QueuedEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.options = kwargs  # username/password given by a caller, for the real backend
        self.direct = None  # the real backend's connection while open() holds one

    @staticmethod
    def queues():
        return background.queue_in_database() and not background.in_task()

    def open(self):
        # Wagtail opens one connection for a batch of notifications: when sending directly,
        # keep the real one open for that batch, as it would.
        if self.direct is None and not self.queues():
            self.direct = delivery_connection(fail_silently=self.fail_silently, **self.options)
            return self.direct.open()
        return False

    def close(self):
        if self.direct is not None:
            try:
                self.direct.close()
            finally:
                self.direct = None

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        if not self.queues():
            connection = self.direct or delivery_connection(
                fail_silently=self.fail_silently, **self.options
            )
            return connection.send_messages(email_messages)
        from content.tasks import deliver_email

        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                deliver_email.enqueue(serialise(message))
            except Exception:
                # The database backend already falls back to sending in-process when its
                # table cannot be written; this is what remains (a message that cannot be
                # serialised, a task backend refusing it).
                if not self.fail_silently:
                    raise
                logger.exception("Could not queue the e-mail %r", str(message.subject))
                continue
            queued += 1
        return queued


def deliver(data):
    """Send one serialised message through the real backend; errors raise."""
    return delivery_connection(fail_silently=False).send_messages([deserialise(data)])


# -- a message as JSON (the task's argument) and back -------------------------------------


def _text_or_bytes(content):
    if isinstance(content, bytes):
        return {"base64": base64.b64encode(content).decode("ascii")}
    return {"text": str(content)}


def _restore(value):
    return base64.b64decode(value["base64"]) if "base64" in value else value["text"]


class _ParsedPart(MIMEBase):
    """A MIME part read back from bytes; Django attaches MIMEBase instances as they are."""

    def __init__(self, policy=None):
        Message.__init__(self, **({"policy": policy} if policy else {}))


def serialise(message):
    """Everything Django's EmailMessage/EmailMultiAlternatives sends, as JSON-able data.
    Attachments' bytes (and attached MIME parts) are base64."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachments.append({"mime": base64.b64encode(attachment.as_bytes()).decode("ascii")})
        else:
            filename, content, mimetype = attachment
            attachments.append(
                {"filename": filename, "mimetype": mimetype, **_text_or_bytes(content)}
            )
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email) if message.from_email else None,
        "to": [str(a) for a in message.to],
        "cc": [str(a) for a in message.cc],
        "bcc": [str(a) for a in message.bcc],
        "reply_to": [str(a) for a in message.reply_to],
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "alternative_subtype": getattr(message, "alternative_subtype", "alternative"),
        "encoding": str(message.encoding) if message.encoding else None,
        "alternatives": [
            {"mimetype": mimetype, **_text_or_bytes(content)}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def deserialise(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    message.alternative_subtype = data["alternative_subtype"]
    message.encoding = data["encoding"]
    for alternative in data["alternatives"]:
        message.attach_alternative(_restore(alternative), alternative["mimetype"])
    for attachment in data["attachments"]:
        if "mime" in attachment:
            part = message_from_bytes(base64.b64decode(attachment["mime"]), _class=_ParsedPart)
            message.attach(part)
        else:
            message.attach(attachment["filename"], _restore(attachment), attachment["mimetype"])
    return message
