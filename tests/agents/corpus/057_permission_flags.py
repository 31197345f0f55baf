# Grant permissions as flags: each user asks for a set of flags, and every
# flag beyond the default needs an approval.
from enum import Flag, IntEnum, auto


class Access(Flag):
    READ = auto()
    COMMENT = auto()
    WRITE = auto()
    ADMIN = auto()
    EDITOR = READ | COMMENT | WRITE


class Level(IntEnum):
    GUEST = 0
    MEMBER = 1
    OWNER = 2


DEFAULT = Access.READ
requests = {"ana": Access.EDITOR, "ben": Access.READ | Access.ADMIN, "cho": Access.COMMENT}
granted = {}
for user, wanted in requests.items():
    extra = wanted & ~DEFAULT
    have = DEFAULT
    for flag in Access:
        if flag in extra and flag is not Access.EDITOR:
            decision = approval(f"Give {user} {flag.name} access")
            if decision == "approved":
                have |= flag
    granted[user] = have
    level = Level.OWNER if Access.ADMIN in have else Level.MEMBER if Access.WRITE in have else Level.GUEST
    print(f"{user}: {have!r} level={level.name} ({int(level)})")
print(sorted(u for u, a in granted.items() if Access.WRITE in a), Level.MEMBER < Level.OWNER)
