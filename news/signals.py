from django.dispatch import receiver
from wagtail.signals import page_published

from news.models import NewsPage
from news.tasks import prepare_lead_image_renditions


@receiver(page_published, sender=NewsPage)
def prepare_renditions_on_publish(sender, instance, **kwargs):
    if instance.lead_image_id:
        prepare_lead_image_renditions.enqueue(instance.lead_image_id)
