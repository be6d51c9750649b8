from django.dispatch import receiver
from wagtail.signals import page_published

from news.models import NewsPage
from news.tasks import prepare_news_renditions


@receiver(page_published, sender=NewsPage)
def prepare_renditions_on_publish(sender, instance, **kwargs):
    prepare_news_renditions.enqueue(instance.pk)
