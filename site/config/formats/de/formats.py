# Django's German formats, plus the weekday the agenda needs.
WEEKDAY_DATE_FORMAT = "l, j. F Y"  # Mittwoch, 10. Februar 2027
WEEKDAY_DATETIME_FORMAT = "l, j. F Y, H:i"  # Mittwoch, 10. Februar 2027, 09:00
