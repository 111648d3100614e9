"""Admin views of registrations that keep the waiting list moving: whenever an organiser frees
seats (cancels, deletes, lowers the seats or moves a registration to another date), the people
waiting are confirmed in order and told by e-mail. Over-booking is refused by the model."""

from django.utils import timezone
from wagtail.admin.views import generic

from ..models import Registration
from ..notifications import promote_and_notify


def frees_seats(before, after):
    if before.status != Registration.Status.CONFIRMED:
        return False
    return (
        after.status != Registration.Status.CONFIRMED
        or after.seats < before.seats
        or after.occurrence_id != before.occurrence_id
    )


class RegistrationEditView(generic.EditView):
    def save_instance(self):
        before = Registration.objects.get(pk=self.object.pk)
        if (
            self.object.status == Registration.Status.CANCELLED
            and before.status != Registration.Status.CANCELLED
        ):
            self.object.cancelled_at = timezone.now()
        instance = super().save_instance()
        if frees_seats(before, instance):
            promote_and_notify(before.occurrence_id)
        return instance


class RegistrationDeleteView(generic.DeleteView):
    def delete_action(self):
        occurrence_id = self.object.occurrence_id
        super().delete_action()
        promote_and_notify(occurrence_id)
