from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django_tasks import TaskResultStatus

from network.onboarding import OnboardingError, command_key, onboard_network, resemblances


class Command(BaseCommand):
    help = (
        "Onboard a network in one step: draft page in the directory, group with edit rights on that "
        "page only, collection, user account and a mail with a link to set a password. Running it "
        "again with the same name changes nothing, but resends the mail if the account has not set its "
        "password yet. The command finds its own earlier run by what it recorded, never an entry made "
        "otherwise (by hand or from a listing request) that carries the same name: for that name it "
        "makes a new, separate entry and says which existing ones look alike."
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
                key=command_key(name),
                contact_person=options["contact"],
                website=options["website"],
                short_description=options["description"],
                language=options["language"],
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        if result.created:
            self.stdout.write(f"{name}: created {', '.join(result.created)}")
            if "page" in result.created:
                alike = resemblances(name, options["website"], email, exclude_page=result.page)
                if alike:
                    self.stdout.write(
                        f"Note: a new, separate entry; it resembles {'; '.join(map(str, alike))}"
                    )
        elif result.mail_resent:
            self.stdout.write(
                f"{name}: already onboarded; {result.user.email} has not set a password yet, "
                "so the set-password mail goes out again"
            )
        else:
            self.stdout.write(f"{name}: already onboarded, nothing changed")
        if result.mail_queued:
            # The mail is enqueued when onboarding commits; report after that, also when a caller
            # (a test, a script) wraps this command in its own transaction.
            transaction.on_commit(lambda: self.report_mail(result))

    def report_mail(self, result):
        """Say what happened to the mail: sent, failed, or waiting in the queue for the worker."""
        email = result.user.email
        task = result.mail_task
        status = task.status if task is not None else None
        if status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"Mail with a set-password link sent to {email}")
        elif status == TaskResultStatus.FAILED:
            error = task.errors[-1].traceback.strip().splitlines()[-1] if task.errors else ""
            self.stderr.write(
                f"Sending the mail with a set-password link to {email} failed: {error}\n"
                "Run this command again to resend it."
            )
        else:
            self.stdout.write(
                f"Mail with a set-password link to {email} is queued; "
                "the task worker (manage.py db_worker) sends it"
            )
