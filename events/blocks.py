"""StreamField blocks of the events app: the programme of a session first, report blocks below."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from home.blocks import (
    DocumentBlock,
    GalleryBlock,
    GalleryImageChooserBlock,  # noqa: F401 - migrations 0002 and 0003 import it from here
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
)


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


# --- Session reports ---
# Optional texts default to "" rather than None: wagtail-localize cannot extract a None text, and
# None is what a value missing from stored data becomes.
OUTCOME_KINDS = [
    ("idea", _("Idea")),
    ("plan", _("Plan")),
    ("suggestion", _("Suggestion")),
    ("question", _("Question")),
]
FOLLOW_UP_STATUSES = [
    ("open", _("Open")),
    ("in_progress", pgettext_lazy("outcome status", "In progress")),
    ("done", _("Done")),
]

# Key figures a report can count itself; everything else is typed by the editor.
DERIVED_FIGURES = [
    ("theme_tables", _("Theme tables (counted)")),
    ("outcomes", _("Outcomes (counted)")),
    ("outcomes_done", _("Outcomes followed up (counted)")),
    ("table_participants", _("Seats taken at the theme tables (counted)")),
    ("talks", _("Talks (counted)")),
    ("sessions", _("Sessions (counted from the linked events)")),
]
DERIVED_FIGURE_LABELS = dict(DERIVED_FIGURES)
TYPED_FIGURE = "typed"


class SpeakerTalkBlock(blocks.StructBlock):
    """The talk that opens a breakfast session: who spoke, and what they said."""

    speaker = blocks.CharBlock(label=_("Speaker"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), max_length=160, required=False, default="")
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=160, required=False, default="")
    session = blocks.PageChooserBlock(
        label=_("Session"),
        page_type="events.EventPage",
        required=False,
        help_text=_("The session where the talk was given, when the report covers several."),
    )
    summary = blocks.TextBlock(label=_("Summary"), max_length=2000)
    key_points = blocks.ListBlock(
        blocks.CharBlock(label=_("Key point"), max_length=300),
        label=_("Key points"),
        required=False,
        default=[],
        help_text=_("The points a reader should remember, one per line."),
    )

    class Meta:
        icon = "user"
        template = "blocks/speaker_talk_block.html"
        label = _("Speaker talk")
        description = _("A talk by a speaker from the client side, with a summary and key points.")
        help_text = _("Who spoke, in which role, and what the audience should take away.")
        preview_value = {
            "speaker": "Pim Kroes",
            "role": "Inkoopadviseur",
            "organisation": "Gemeente Doetinchem",
            "summary": "Over het inkoop- en aanbestedingsbeleid van gemeenten en de kansen voor zp'ers.",
            "key_points": ["Ook in tijden van bezuinigingen zijn er volop opdrachten."],
        }


class OutcomeBlock(blocks.StructBlock):
    """One thing a theme table came up with, and how it is followed up."""

    kind = blocks.ChoiceBlock(label=_("Kind"), choices=OUTCOME_KINDS, default="idea")
    text = blocks.TextBlock(label=_("Outcome"), max_length=1000)
    proposer = blocks.CharBlock(
        label=_("Proposed by"),
        max_length=160,
        required=False,
        default="",
        help_text=_("Optional: who came up with it."),
    )
    status = blocks.ChoiceBlock(label=_("Follow-up status"), choices=FOLLOW_UP_STATUSES, default="open")
    owner = blocks.CharBlock(
        label=pgettext_lazy("follow-up action", "Owner"),
        max_length=160,
        required=False,
        default="",
        help_text=_("Who follows it up. Required once the follow-up is in progress or done."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("status") in ("in_progress", "done") and not value.get("owner"):
            raise StructBlockValidationError(
                block_errors={"owner": ValidationError(_("Say who follows this outcome up."))}
            )
        return value

    class Meta:
        icon = "tick"
        template = "blocks/outcome_block.html"
        label = _("Outcome")
        description = _("An idea, plan, suggestion or question from a theme table.")
        help_text = _("What came out of the table, and who follows it up.")
        preview_value = {
            "kind": "suggestion",
            "text": "Plaats kleine opdrachten ook op inhuurgelderland.nl.",
            "status": "open",
        }


class ThemeTableBlock(blocks.StructBlock):
    """A theme table of a swarm session and its outcomes."""

    theme = blocks.CharBlock(label=_("Theme"), max_length=160)
    host = blocks.CharBlock(
        label=_("Host"), max_length=160, required=False, default="", help_text=_("Who led the conversation.")
    )
    participants = blocks.IntegerBlock(
        label=_("Number of participants"),
        min_value=0,
        max_value=1000,
        required=False,
        help_text=_("How many people joined this table over the whole session."),
    )
    session = blocks.PageChooserBlock(
        label=_("Session"),
        page_type="events.EventPage",
        required=False,
        help_text=_("Only when the report covers several sessions and the table was at one of them."),
    )
    summary = blocks.TextBlock(label=_("Summary"), max_length=1500, required=False, default="")
    outcomes = blocks.ListBlock(
        OutcomeBlock(),
        label=_("Outcomes"),
        min_num=1,
        help_text=_("Every outcome appears in the outcomes overview once the report is published."),
    )

    class Meta:
        icon = "group"
        template = "blocks/theme_table_block.html"
        label = _("Theme table")
        description = _("One table of the swarm session: its theme, host and outcomes.")
        help_text = _("The theme, who hosted it, how many joined, and the outcomes.")
        preview_value = {
            "theme": "Inkoop en aanbesteding voor zp'ers",
            "host": "Pim Kroes",
            "participants": 14,
            "outcomes": [
                {
                    "kind": "idea",
                    "text": "Een regionale pool van zp'ers die samen kunnen inschrijven.",
                    "status": "open",
                }
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    """A number worth showing: counted from the report, or typed when the report cannot know it."""

    figure = blocks.ChoiceBlock(
        label=_("Figure"),
        choices=[(TYPED_FIGURE, _("Typed value")), *DERIVED_FIGURES],
        default=TYPED_FIGURE,
        help_text=_("Counted figures follow the report's blocks; type a value only for other figures."),
    )
    label = blocks.CharBlock(
        label=_("Label"),
        max_length=80,
        required=False,
        default="",
        help_text=_("Leave empty for counted figures to use their standard label."),
    )
    value = blocks.CharBlock(
        label=_("Value"),
        max_length=20,
        required=False,
        default="",
        help_text=_("Only for typed figures, for example 110+."),
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("figure") == TYPED_FIGURE:
            if not value.get("label"):
                errors["label"] = ValidationError(_("A typed figure needs a label."))
            if not value.get("value"):
                errors["value"] = ValidationError(_("A typed figure needs a value."))
        elif value.get("value"):
            errors["value"] = ValidationError(
                _("This figure is counted from the report; leave the value empty.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    """A row of key figures; counted figures are filled in from the page when it renders."""

    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=8)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        counted = page.derived_figures if hasattr(page, "derived_figures") else {}
        rows = []
        for figure in value["figures"]:
            kind = figure["figure"]
            if kind == TYPED_FIGURE:
                rows.append({"label": figure["label"], "value": figure["value"]})
            else:
                label = figure["label"] or DERIVED_FIGURE_LABELS.get(kind, kind)
                rows.append({"label": _strip_counted(label), "value": counted.get(kind, 0)})
        context["rows"] = rows
        return context

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("Key figures")
        description = _("Numbers at a glance: participants, theme tables, outcomes.")
        help_text = _("Tables, outcomes and talks are counted from this report, so they never go stale.")
        preview_value = {
            "figures": [
                {"figure": TYPED_FIGURE, "label": "Deelnemers", "value": "110+"},
                {"figure": "theme_tables", "label": "", "value": ""},
                {"figure": "outcomes", "label": "", "value": ""},
            ]
        }


def _strip_counted(label):
    """The standard labels explain "(counted)" to editors; visitors only need the name."""
    text = str(label)
    return text.split(" (", 1)[0]


class FollowUpActionBlock(blocks.StructBlock):
    action = blocks.CharBlock(label=_("Action"), max_length=300)
    owner = blocks.CharBlock(label=pgettext_lazy("follow-up action", "Owner"), max_length=160)
    due_date = blocks.DateBlock(label=_("Due date"), required=False)
    status = blocks.ChoiceBlock(label=_("Status"), choices=FOLLOW_UP_STATUSES, default="open")

    class Meta:
        icon = "date"
        label = _("Follow-up action")


class FollowUpActionsBlock(blocks.StructBlock):
    """What happens next, who does it and by when."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False, default="")
    actions = blocks.ListBlock(FollowUpActionBlock(), label=_("Actions"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/follow_up_actions_block.html"
        label = _("Follow-up actions")
        description = _("The agreed next steps, with owner, due date and status.")
        help_text = _("List each next step with who does it; the status shows how far it got.")
        preview_value = {
            "heading": "Vervolg",
            "actions": [
                {
                    "action": "Zwermsessies in de netwerkorganisatie opnemen",
                    "owner": "Gemeente Oude IJsselstreek",
                    "status": "done",
                }
            ],
        }


class ReportStreamBlock(blocks.StreamBlock):
    """The body of a session report."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock(help_text=_("Running text of the report."))
    speaker_talk = SpeakerTalkBlock()
    theme_table = ThemeTableBlock()
    key_figures = KeyFiguresBlock()
    quote = QuoteBlock(help_text=_("Choose a partner quote, or write one inline with who said it."))
    follow_up = FollowUpActionsBlock()
    gallery = GalleryBlock(title_level="h3")
    document = DocumentBlock()
