# Label the authors of a change log: functools.lru_cache memoizes a lookup
# that waits for the model; it is called in list and set comprehensions
# inside f-strings, and a failed lookup is not cached.
import functools


@functools.lru_cache(maxsize=8)
def team_of(user):
    profile = lookup_user(user)
    label = llm(f"Classify: the work of the {profile['team']} team")
    return f"{profile['team']}/{label}"


changes = [
    ("ana", "pricing page"),
    ("ben", "export API"),
    ("ana", "VAT fix"),
    ("dev", "login"),
    ("ben", "docs"),
]

print(f"authors: {[team_of(user) for user, _ in changes]}")
print(f"distinct: {sorted({team_of(user) for user, _ in changes})}")
info = team_of.cache_info()
print(f"hits={info.hits} misses={info.misses} size={info.currsize}")

by_team = {}
for user, change in changes:
    by_team.setdefault(team_of(user), []).append(change)
for team, items in sorted(by_team.items()):
    print(f"{team:<20} {', '.join(items)}")

for attempt in range(2):
    try:
        team_of("eve")
    except ToolError as error:
        print(f"attempt {attempt}: {error.message} ({error.code})")
print(f"misses after failures: {team_of.cache_info().misses}")

team_of.cache_clear()
print(f"after clear: {team_of('cho')} {team_of.cache_info()}")
