import time

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from home.images import ALL_SPECS, generate_renditions


class Command(BaseCommand):
    help = (
        "Make the renditions the site shows for every image (or the given ids), so no page makes them "
        "while a visitor waits. Existing renditions are kept; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("image_ids", nargs="*", type=int, help="Only these images.")
        parser.add_argument(
            "--all-specs",
            action="store_true",
            help="Every size and format, also those the image's current uses do not need.",
        )

    def handle(self, *args, **options):
        images = get_image_model().objects.order_by("pk")
        if options["image_ids"]:
            images = images.filter(pk__in=options["image_ids"])
        started = time.monotonic()
        count = made = 0
        for image in images.iterator():
            specs = ALL_SPECS if options["all_specs"] else None
            try:
                before = image.renditions.count()
                generate_renditions(image, specs)
                made += image.renditions.count() - before
            except (OSError, ValueError) as error:
                self.stderr.write(f"Image {image.pk} ({image.title}): {error}")
                continue
            count += 1
        if options["verbosity"]:
            self.stdout.write(f"{count} images, {made} new renditions in {time.monotonic() - started:.1f} s")
