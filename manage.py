#!/usr/bin/env python
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # `site` shadows the standard-library module of that name, so site/ is a plain folder that goes
    # first on the import path instead of being a package.
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
