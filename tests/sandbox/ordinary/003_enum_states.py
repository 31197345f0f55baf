from enum import Enum, IntEnum, auto

class State(Enum):
    NEW = auto()
    RUNNING = auto()
    DONE = auto()

class Priority(IntEnum):
    LOW = 1
    HIGH = 3

print([s.name for s in State], State(2), State["DONE"].value)
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, sorted([Priority.HIGH, Priority.LOW]))
transitions = {State.NEW: State.RUNNING, State.RUNNING: State.DONE}
s = State.NEW
while s in transitions:
    s = transitions[s]
    print("now", s.name)
