# The site writes British English (programme, organisation): Django's English formats are American
# ("Feb. 10, 2027, 9 a.m."), so the day goes before the month, with the 24-hour clock of the region.
DATE_FORMAT = "j F Y"  # 10 February 2027
TIME_FORMAT = "H:i"  # 09:00
DATETIME_FORMAT = "j F Y, H:i"  # 10 February 2027, 09:00
SHORT_DATE_FORMAT = "d/m/Y"  # 10/02/2027
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 10/02/2027 09:00
MONTH_DAY_FORMAT = "j F"  # 10 February
WEEKDAY_DATE_FORMAT = "l j F Y"  # Wednesday 10 February 2027
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"  # Wednesday 10 February 2027, 09:00
