from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from network.onboarding import OnboardingError, onboard_network


class Command(BaseCommand):
    help = (
        "Onboard a network in one step: draft page in the directory, group with edit rights on that "
        "page only, collection, user account and a mail with a link to set a password. Running it "
        "again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Name of the network, e.g. 'ONZ Achterhoek'.")
        parser.add_argument("email", help="Email address of the network's editor.")
        parser.add_argument("--contact", default="", help="Name of the editor.")
        parser.add_argument("--website", default="")
        parser.add_argument("--description", default="", help="Short description for the directory.")
        parser.add_argument(
            "--language", default="nl", choices=["nl", "en", "de"], help="Language of the mail."
        )

    def handle(self, name, email, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Not a valid email address: {email}") from error
        try:
            result = onboard_network(
                name,
                email,
                contact_person=options["contact"],
                website=options["website"],
                short_description=options["description"],
                language=options["language"],
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        if result.created:
            self.stdout.write(f"{name}: created {', '.join(result.created)}")
        else:
            self.stdout.write(f"{name}: already onboarded, nothing changed")
        if result.mail_sent:
            self.stdout.write(f"Mail with a set-password link sent to {result.user.email}")
