from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry


class NetworkPageForm(WagtailAdminPageForm):
    """A network editor may only put an image of a collection they can choose from on their page.

    The chooser already hides other collections; this also refuses a hand-made POST. The image the
    page already has stays valid, so an editor can save a page whose logo staff picked.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if "logo" in self.fields and user is not None and not user.is_superuser:
            policy = policy_registry.get_by_type(get_image_model())
            allowed = policy.instances_user_has_any_permission_for(user, ["choose"])
            self.fields["logo"].queryset = get_image_model().objects.filter(
                Q(pk__in=allowed.values("pk")) | Q(pk=self.instance.logo_id)
            )
