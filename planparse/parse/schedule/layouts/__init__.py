"""The built-in schedule layouts; importing this package registers them in ``schedule_layout``."""

from planparse.parse.schedule.layouts import field_records, month_led, month_list, month_trailed, table  # noqa: F401
