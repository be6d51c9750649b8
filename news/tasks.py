from django_tasks import task
from wagtail.images import get_image_model

from home.images import GALLERY_SPECS


@task()
def prepare_news_renditions(page_id):
    """Make the renditions of a news page's lead image and galleries once, outside any visitor's request."""
    from news.models import LEAD_IMAGE_SPECS, NewsPage

    page = NewsPage.objects.filter(pk=page_id).first()
    if page is None:
        return
    if page.lead_image_id:
        page.lead_image.get_renditions(*LEAD_IMAGE_SPECS)
    gallery_image_ids = {
        photo["image"].pk
        for block in page.body
        if block.block_type == "gallery"
        for photo in block.value["images"]
        if photo["image"] is not None
    }
    for image in get_image_model().objects.filter(pk__in=gallery_image_ids):
        image.get_renditions(*GALLERY_SPECS)
