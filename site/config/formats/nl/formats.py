# Django's Dutch formats, plus the weekday the agenda needs.
WEEKDAY_DATE_FORMAT = "l j F Y"  # woensdag 10 februari 2027
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"  # woensdag 10 februari 2027, 09:00
