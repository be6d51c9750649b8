"""Every django-taggit tag of a news page becomes a topic in the default language (Dutch).

Pages keep what they showed: a page links the topic made from its tag, or that topic's translation
in the page's own language where one exists. The editors translate the topics afterwards
(Snippets › Topics); until then a translated page shows the tag's words as it did before.
"""

import uuid
from collections import defaultdict

from django.conf import settings
from django.db import migrations
from django.db.models import Q


def link_key(page, topic):
    # The same topic on the Dutch page and on its translations gets the same translation key, the
    # way wagtail-localize keys the child rows of a translated page.
    return uuid.uuid5(page.translation_key, str(topic.translation_key))


def tags_to_topics(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    NewsPageTag = apps.get_model("news", "NewsPageTag")
    Topic = apps.get_model("news", "Topic")
    NewsPageTopic = apps.get_model("news", "NewsPageTopic")

    tagged = list(NewsPageTag.objects.select_related("tag", "content_object").order_by("content_object_id", "pk"))
    if not tagged:
        return
    default = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() or Locale.objects.order_by("pk").first()
    )
    topics = {}
    for item in tagged:
        tag = item.tag
        if tag.pk not in topics:
            topic = Topic.objects.filter(locale=default, slug=tag.slug).first()
            if topic is None:
                topic = Topic.objects.create(
                    locale=default, name=tag.name[:100], slug=tag.slug[:100], translation_key=uuid.uuid4()
                )
            topics[tag.pk] = topic
    translations = {
        (topic.translation_key, topic.locale_id): topic
        for topic in Topic.objects.filter(translation_key__in=[topic.translation_key for topic in topics.values()])
    }

    links, seen, order = [], set(), defaultdict(int)
    for item in tagged:
        page, topic = item.content_object, topics[item.tag_id]
        if (page.pk, topic.pk) in seen:
            continue
        seen.add((page.pk, topic.pk))
        links.append(
            NewsPageTopic(
                page=page,
                topic=translations.get((topic.translation_key, page.locale_id), topic),
                locale_id=page.locale_id,
                translation_key=link_key(page, topic),
                sort_order=order[page.pk],
            )
        )
        order[page.pk] += 1
    NewsPageTopic.objects.bulk_create(links)


def topics_to_tags(apps, schema_editor):
    """Back to tags, so that undoing the migration keeps what the pages show."""
    Tag = apps.get_model("taggit", "Tag")
    NewsPageTag = apps.get_model("news", "NewsPageTag")
    NewsPageTopic = apps.get_model("news", "NewsPageTopic")

    for link in NewsPageTopic.objects.select_related("topic").order_by("page_id", "sort_order"):
        topic = link.topic
        tag = Tag.objects.filter(Q(slug=topic.slug) | Q(name=topic.name)).first()
        if tag is None:
            tag = Tag.objects.create(name=topic.name, slug=topic.slug)
        NewsPageTag.objects.get_or_create(content_object_id=link.page_id, tag=tag)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_topics"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(tags_to_topics, topics_to_tags)]
