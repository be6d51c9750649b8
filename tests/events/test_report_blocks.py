"""Validation of the session report blocks: required parts and allowed statuses."""

import pytest
from django.core.exceptions import ValidationError

from events.blocks import (
    FollowUpActionBlock,
    KeyFigureBlock,
    OutcomeBlock,
    ReportStreamBlock,
    SpeakerTalkBlock,
    ThemeTableBlock,
)


def clean(block, raw):
    return block.clean(block.to_python(raw))


def error_fields(excinfo):
    return set(excinfo.value.block_errors)


OUTCOME = {"kind": "idea", "text": "Samen inschrijven", "proposer": "", "status": "open", "owner": ""}


def test_valid_outcome_passes():
    value = clean(OutcomeBlock(), OUTCOME)
    assert value["text"] == "Samen inschrijven"


@pytest.mark.parametrize("field", ["text", "kind", "status"])
def test_outcome_requires_its_parts(field):
    with pytest.raises(ValidationError) as excinfo:
        clean(OutcomeBlock(), {**OUTCOME, field: ""})
    assert error_fields(excinfo) == {field}


@pytest.mark.parametrize(("field", "value"), [("status", "postponed"), ("kind", "complaint")])
def test_outcome_rejects_unknown_statuses_and_kinds(field, value):
    with pytest.raises(ValidationError) as excinfo:
        clean(OutcomeBlock(), {**OUTCOME, field: value})
    assert error_fields(excinfo) == {field}


@pytest.mark.parametrize("status", ["in_progress", "done"])
def test_outcome_in_follow_up_needs_an_owner(status):
    with pytest.raises(ValidationError) as excinfo:
        clean(OutcomeBlock(), {**OUTCOME, "status": status})
    assert error_fields(excinfo) == {"owner"}
    assert clean(OutcomeBlock(), {**OUTCOME, "status": status, "owner": "Pr8werk"})["owner"] == "Pr8werk"


def test_theme_table_needs_a_theme_and_at_least_one_outcome():
    block = ThemeTableBlock()
    with pytest.raises(ValidationError) as excinfo:
        clean(block, {"theme": "", "outcomes": [OUTCOME]})
    assert "theme" in error_fields(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        clean(block, {"theme": "Inkoop", "outcomes": []})
    assert "outcomes" in error_fields(excinfo)
    assert clean(block, {"theme": "Inkoop", "outcomes": [OUTCOME]})["theme"] == "Inkoop"


def test_theme_table_reports_the_bad_outcome_inside_the_list():
    with pytest.raises(ValidationError) as excinfo:
        clean(ThemeTableBlock(), {"theme": "Inkoop", "outcomes": [OUTCOME, {**OUTCOME, "status": "later"}]})
    assert error_fields(excinfo) == {"outcomes"}


def test_theme_table_rejects_negative_participants():
    with pytest.raises(ValidationError) as excinfo:
        clean(ThemeTableBlock(), {"theme": "Inkoop", "participants": -3, "outcomes": [OUTCOME]})
    assert error_fields(excinfo) == {"participants"}


def test_speaker_talk_needs_speaker_and_summary():
    with pytest.raises(ValidationError) as excinfo:
        clean(SpeakerTalkBlock(), {"speaker": "", "summary": "", "key_points": []})
    assert error_fields(excinfo) == {"speaker", "summary"}


def test_typed_key_figure_needs_label_and_value():
    with pytest.raises(ValidationError) as excinfo:
        clean(KeyFigureBlock(), {"figure": "typed", "label": "", "value": ""})
    assert error_fields(excinfo) == {"label", "value"}
    assert clean(KeyFigureBlock(), {"figure": "typed", "label": "Deelnemers", "value": "110+"})


def test_counted_key_figure_refuses_a_typed_value():
    """A derived figure cannot be overruled by hand, so it never contradicts the report."""
    with pytest.raises(ValidationError) as excinfo:
        clean(KeyFigureBlock(), {"figure": "outcomes", "label": "", "value": "12"})
    assert error_fields(excinfo) == {"value"}
    assert clean(KeyFigureBlock(), {"figure": "outcomes", "label": "", "value": ""})


def test_key_figure_rejects_unknown_figures():
    with pytest.raises(ValidationError) as excinfo:
        clean(KeyFigureBlock(), {"figure": "visitors", "label": "", "value": ""})
    assert error_fields(excinfo) == {"figure"}


def test_follow_up_action_needs_action_owner_and_known_status():
    with pytest.raises(ValidationError) as excinfo:
        clean(FollowUpActionBlock(), {"action": "", "owner": "", "status": "someday"})
    assert error_fields(excinfo) == {"action", "owner", "status"}


def test_every_report_block_has_icon_template_preview_text_and_help():
    """The editor's block picker shows each report block with a description and help text."""
    own = {"speaker_talk", "theme_table", "key_figures", "follow_up", "gallery", "document"}
    for name, block in ReportStreamBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template, name
        if name in own:
            assert block.meta.description, name
            assert block.meta.help_text, name
    for name in ("speaker_talk", "theme_table", "key_figures", "follow_up"):
        block = ReportStreamBlock().child_blocks[name]
        assert block.get_preview_value(), name
