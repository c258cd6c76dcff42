"""Places and times: streets, hostels, surgeries, pharmacies, and the drop-in's weekdays."""

from __future__ import annotations

# fmt: off
STREETS = ("Albion Street", "Canal Road", "Victoria Terrace", "Chapel Walk", "Orchard Close",
            "Station Approach", "Mill Lane", "Cemetery Road", "Beech Grove", "Nelson Street",
            "Park View", "Quarry Hill")
HOSTELS = ("Riverside Hostel", "St Anne's House", "Foundry Lodge", "Beacon House")
SURGERIES = ("Parkside Surgery", "Market Street Medical Centre", "Hollins Health Centre",
              "Abbey Lane Practice")
PHARMACIES = ("the pharmacy on Market Street", "Northside Pharmacy", "the chemist on Canal Road")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
# fmt: on
