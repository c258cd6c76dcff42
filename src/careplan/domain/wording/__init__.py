"""The words Careplan says, defined once: statuses, dates, money, units, whose words, failures.

The app, the command line and the printed agreement all take their words from here, so a status
reads the same on screen, on paper and in the history. (When translation comes, this is the one
place it starts from.) Like the rest of ``domain``, nothing here knows Qt, SQL or files.
"""
