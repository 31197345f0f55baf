"""An agent that continues on the first of two searches, then needs both profile and calendar.

    cd examples/any_all
    statek-vm run agent.py                      # starts lookups 1-4; SUSPENDED on the first search
    python3 complete.py 2 "TAP 13:05, 212 EUR"   # the fallback search answers first
    statek-vm worker --until-idle               # resumes with it; SUSPENDED again, on all of 3 and 4
    python3 complete.py 3 "Ana, aisle seat"      # the profile: one of two
    statek-vm worker --until-idle               # still SUSPENDED: get_all_future needs both
    python3 complete.py 4 "free Thursday to Sunday"
    statek-vm worker --until-idle               # resumes: COMPLETED
    statek-vm show JOB_ID

``statek-vm`` is also ``python3 -m statek_vm.cli``. ``get_any_future(a, b)``
is ready when either input is, and is the first ready one's value;
``get_all_future(a, b)`` is ready when both are, and unpacks into its values
in order. ``python3 demo.py`` tells the whole story in a scratch folder.
"""

import os

from statek.future import get_all_future, get_any_future
from tools import start_lookup, wait_for_lookup

print(f"preparing in process {os.getpid()}: looking up flights, Ana's profile and her calendar")
primary = start_lookup("search", "primary: flights LIS to BER")
fallback = start_lookup("search", "fallback: flights LIS to BER")
profile = start_lookup("profile", "ana")
calendar = start_lookup("calendar", "ana")
print(
    f"lookups: primary search {primary.lookup_id}, fallback search {fallback.lookup_id}, "
    f"profile {profile.lookup_id}, calendar {calendar.lookup_id}; complete one with: python3 complete.py ID RESULT"
)

# The waited value comes first in each line: the job suspends as it formats
# it, and everything after it in the line runs in the process that resumes.
first_flight = get_any_future(wait_for_lookup(primary), wait_for_lookup(fallback))
print(f"first search result: {first_flight} (resumed in process {os.getpid()})")

profile_data, calendar_data = get_all_future(wait_for_lookup(profile), wait_for_lookup(calendar))
print(f"booking for {profile_data}, {calendar_data}: {first_flight} (resumed in process {os.getpid()})")
