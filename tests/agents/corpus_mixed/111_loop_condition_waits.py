# The loop condition itself asks the model and a human: keep refining a
# draft while the critic says no and the reviewer has not approved.
import json
from typing import Callable, Optional

MAX_ROUNDS = 4


def critic_says_done(draft: str) -> bool:
    return llm(f"Answer yes or no: is this draft final? {draft}") == "yes"


def refine(draft: str, round_no: int) -> str:
    return llm(f"Summarize: revision {round_no} of {draft}").removeprefix("Summary: ")


history: list[dict[str, object]] = []
draft = "Our export API ships with CSV files today"
rounds = 0
while not critic_says_done(draft) and rounds < MAX_ROUNDS:
    rounds += 1
    draft = refine(draft, rounds)
    history.append({"round": rounds, "words": len(draft.split()), "draft": draft})

gate: Callable[[str], str] = approval
decision: Optional[str] = None
attempt = 0
while (decision := gate(f"Publish draft v{rounds}" + (" to all customers" if attempt == 0 else " to subscribers"))) != "approved":
    attempt += 1
    if attempt > 2:
        break

print(json.dumps(history, indent=2))
print(f"rounds={rounds} decision={decision} attempts={attempt}")
for h in history:
    print(f"{h['round']:>2} {h['words']:>3}  {str(h['draft'])[:45]}")
