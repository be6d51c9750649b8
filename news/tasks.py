from django_tasks import task
from wagtail.images import get_image_model


@task()
def prepare_lead_image_renditions(image_id):
    """Make the renditions that news lists, pages and shares use, once, outside any visitor's request."""
    from news.models import LEAD_IMAGE_SPECS

    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        image.get_renditions(*LEAD_IMAGE_SPECS)
