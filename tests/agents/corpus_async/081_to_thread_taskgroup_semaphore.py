# Enrich users in a TaskGroup bounded by a Semaphore: blocking lookups and
# searches run through asyncio.to_thread (one via functools.partial), the
# model writes a note, a human reviews each escalation inside the
# semaphore; then a second TaskGroup publishes the profiles, an unknown user
# fails it at once, its siblings are cancelled mid-request and log their
# cleanup, and the ExceptionGroup is split with except*.
import asyncio
import functools
from dataclasses import asdict, dataclass


@dataclass
class Profile:
    name: str
    team: str = "?"
    hits: int = 0
    note: str = ""
    escalated: str = "-"
    error: str = ""


class UnknownUser(Exception):
    pass


async def enrich(name, gate, profiles):
    async with gate:
        profile = Profile(name)
        profiles.append(profile)
        try:
            user = await asyncio.to_thread(lookup_user, name)
        except ToolError as err:
            profile.error = f"{err.code} {err.message}"
            return
        results = await asyncio.to_thread(functools.partial(search, f"{user['team']} playbook", limit=5))
        profile.team, profile.hits = (user["team"], sum(r["score"] > 0.8 for r in results))
        profile.note = await ask_model(f"Summarize: {name} works in {user['team']} with {len(results)} hits")
        if user["manager"] is None:
            profile.escalated = await request_review(f"Escalate {name} who has no manager")


async def publish(profile, cleaned):
    if profile.error:
        raise UnknownUser(f"{profile.name}: {profile.error}")
    try:
        async with open_session("directory") as api:
            return await api.post("/profiles", asdict(profile))
    except asyncio.CancelledError:
        cleaned.append(profile.name)
        effect({"unpublished": profile.name})
        raise


async def main():
    gate, profiles, cleaned = asyncio.Semaphore(2), [], []
    async with asyncio.TaskGroup() as group:
        for name in ["ana", "ben", "ghost", "cho", "dev"]:
            group.create_task(enrich(name, gate, profiles), name=f"enrich-{name}")
    profiles.sort(key=lambda p: p.name)
    for p in profiles:
        print(asdict(p))
    go = await request_review(f"Publish {len(profiles)} profiles to the directory")
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [
                group.create_task(publish(p, cleaned), name=f"publish-{p.name}") for p in profiles if go == "approved"
            ]
    except* UnknownUser as eg:
        failed = sorted(str(e) for e in eg.exceptions)
        print("unknown:", failed, "cancelled:", sorted(t.get_name() for t in tasks if t.cancelled()))
    print("cleaned:", sorted(cleaned))
    good = [p for p in profiles if not p.error]
    if approval(f"Write {len(good)} profiles locally instead") == "approved":
        rows = [{"name": p.name, "team": p.team, "hits": p.hits} for p in good]
        print("written:", await asyncio.to_thread(db_write, rows, "profiles"))


asyncio.run(main())
