"""StreamField blocks of the events app: the programme of a session first, report blocks below."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ProgrammeItemBlock(blocks.StructBlock):
    """One slot of a session's programme: a time, what happens and who speaks."""

    time = blocks.TimeBlock(label=_("Time"), required=False, format="%H:%M")
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speaker = blocks.CharBlock(label=_("Speaker"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=120)
    organisation = blocks.CharBlock(label=_("Organisation"), required=False, max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=1000)

    class Meta:
        icon = "time"
        template = "blocks/programme_item_block.html"
        label = _("Programme item")
        description = _("A time slot of the session: a talk, breakfast, the swarm session.")
        preview_value = {
            "time": "07:30",
            "title": "Inkopen bij de gemeente",
            "speaker": "Pim Kroes",
            "role": "inkoopadviseur",
            "organisation": "gemeente Doetinchem",
            "description": "Hoe een gemeente inkoopt en waar zp'ers kunnen aanhaken.",
        }


class ProgrammeBlock(blocks.StreamBlock):
    """The programme of a session, in order of time."""

    item = ProgrammeItemBlock()

    class Meta:
        template = "blocks/programme_block.html"
