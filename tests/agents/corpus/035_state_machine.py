# An onboarding state machine: states are an Enum, transitions are matched,
# and some transitions wait for a human or the model.
from enum import Enum, auto


class State(Enum):
    START = auto()
    PROFILE = auto()
    CONTRACT = auto()
    WELCOME = auto()
    DONE = auto()
    ABORTED = auto()


customer = {"name": "Vandelay", "tier": "bronze"}
state = State.START
trail = []
while state not in (State.DONE, State.ABORTED):
    trail.append(state.name)
    match state:
        case State.START:
            state = State.PROFILE
        case State.PROFILE:
            profile = llm(f"Return JSON profile for {customer['name']}")
            customer["profile_chars"] = len(profile)
            state = State.CONTRACT
        case State.CONTRACT:
            decision = approval(f"Sign the {customer['tier']} contract with {customer['name']}")
            state = State.WELCOME if decision == "approved" else State.ABORTED
        case State.WELCOME:
            send_email("art@vandelay.example", f"Welcome {customer['name']}")
            state = State.DONE

print(" -> ".join(trail), "->", state.name)
print(customer)
print([s.value for s in State], State["DONE"] is State.DONE, State(3))
