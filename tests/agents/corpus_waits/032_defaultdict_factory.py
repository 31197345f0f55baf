# Assign tickets to teams: a defaultdict's factory asks the model to plan
# the work of a team seen for the first time.
import collections


def new_team():
    plan = llm("Make a plan: triage for a new team")
    return {"plan": plan.splitlines()[0], "tickets": []}


teams = collections.defaultdict(new_team)
for ticket, team in [(7, "auth"), (9, "billing"), (11, "auth")]:
    teams[team]["tickets"].append(ticket)
for team, info in sorted(teams.items()):
    print(team, info["tickets"], info["plan"])
