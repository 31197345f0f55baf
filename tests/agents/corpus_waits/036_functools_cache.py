# Label each team once: functools.cache memoizes a function that waits for
# the model's label.
import functools


@functools.cache
def team_label(team):
    return llm(f"Classify: work of the {team} team").upper()


for user in ["ana", "ben", "dev", "cho"]:
    team = lookup_user(user)["team"]
    print(user, team, team_label(team))
print("cached teams:", team_label.cache_info().currsize)
print("labels:", sorted({team_label(lookup_user(u)["team"]) for u in ["ana", "dev"]}))
