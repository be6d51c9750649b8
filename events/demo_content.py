"""The part of the events demo that data cannot say: sign-ups, so that one upcoming session is nearly
full. The agenda, the sessions and the report are data: ``events/fixtures/demo/*.yaml``.
"""

from events.models import EventPage, Registration

# Dutch slug of the session -> confirmed sign-ups (Winterswijk has 40 seats).
SEATS_TAKEN = {"ontbijtsessie-ondernemers-winterswijk": 38, "zwermsessie-organisaties-groenlo": 12}

DEMO_NAMES = [
    "Anne Jansen", "Bram de Vries", "Carla Wolters", "Dirk Hendriks", "Eva Kuipers", "Frank Lammers",
    "Gerda Bosman", "Hans Wiggers", "Inge Rouwhorst", "Joost Tenbült",
]  # fmt: skip


def fill_seats(event, count):
    """Demo sign-ups (example.org addresses, no mail); none when the session has any already."""
    if Registration.objects.filter(event=event).exists():
        return
    roles = [choice for choice, _label in Registration.Role.choices]
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"{DEMO_NAMES[index % len(DEMO_NAMES)]} ({index + 1})",
            email=f"deelnemer{index + 1}@example.org",
            role=roles[index % len(roles)],
            consent_text="[demo] Toestemming voor de demo-inhoud.",
            language="nl",
            status=Registration.Status.CONFIRMED,
        )
        for index in range(count)
    )


def load(command):
    for slug, count in SEATS_TAKEN.items():
        fill_seats(EventPage.objects.get(slug=slug, locale__language_code="nl"), count)
