"""The site's own date formats per language (FORMAT_MODULE_PATH), on top of Django's locale formats.

Templates and mails use these names with the ``date`` filter, never a pattern of their own, so each
language reads as its readers write: "woensdag 10 februari 2027", "Mittwoch, 10. Februar 2027".
Every language in LANGUAGES defines every name (a test checks it): Django returns an unknown name
as the pattern itself.
"""
