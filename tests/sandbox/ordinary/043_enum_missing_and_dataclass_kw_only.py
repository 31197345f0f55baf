from dataclasses import dataclass, field, KW_ONLY
from enum import Enum

class Level(Enum):
    LOW = "low"
    HIGH = "high"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None

@dataclass(slots=True)
class Alert:
    message: str
    _: KW_ONLY
    level: Level = Level.LOW
    tags: list = field(default_factory=list)

print(Level("HIGH"), Level("low"))
try:
    Level("medium")
except ValueError as e:
    print(type(e).__name__, e)
a = Alert("disk", level=Level("High"), tags=["ops"])
print(a, hasattr(a, "__dict__"))
