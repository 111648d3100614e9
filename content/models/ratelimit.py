from django.db import models


class RateCounter(models.Model):
    """A rate-limit counter when Redis is not used or is away (content/ratelimit.py): one row
    per client, limit and time window, incremented in one UPDATE so that every worker process
    sees the same count. The key is a hash; no address is stored."""

    key = models.CharField(max_length=255, primary_key=True)
    value = models.BigIntegerField(default=0)
    expires = models.BigIntegerField(db_index=True)  # Unix time

    class Meta:
        verbose_name = "rate counter"
        default_permissions = ()

    def __str__(self):
        return self.key
