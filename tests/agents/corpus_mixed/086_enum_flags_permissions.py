# Grant permissions as enum.Flag combinations decided by approvals, deep-copy
# the nested user records before editing, and dump them with a JSONEncoder
# subclass.
import copy
import enum
import json


class Perm(enum.Flag):
    READ = enum.auto()
    WRITE = enum.auto()
    DELETE = enum.auto()
    ADMIN = READ | WRITE | DELETE


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, enum.Flag):
            return sorted(m.name for m in Perm if m in o and m is not Perm.ADMIN)
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


users = {name: {"info": lookup_user(name), "perms": Perm.READ, "tags": {"staff"}} for name in ("ana", "ben", "dev")}
snapshot = copy.deepcopy(users)
for name, rec in users.items():
    d = approval(f"Grant write to {name}")
    if d == "approved":
        rec["perms"] |= Perm.WRITE
        rec["tags"].add("editor")
    rec["info"]["team"] = rec["info"]["team"].upper()
    print(name, d, rec["perms"], Perm.WRITE in rec["perms"], bool(rec["perms"] & Perm.DELETE))

print(snapshot["ana"]["info"]["team"], users["ana"]["info"]["team"], snapshot["ana"]["tags"])
danger = approval("Delete all customers records for ben")
if danger == "approved":
    users["ben"]["perms"] = Perm.ADMIN
print(danger, users["ben"]["perms"], Perm.ADMIN & ~Perm.DELETE, Perm(3))
print(json.dumps(users, cls=Encoder, indent=2, sort_keys=True))
print(json.dumps({"lvl": Level.HIGH, "n": [Level.LOW]}, sort_keys=True), Level.HIGH > Level.LOW)
print([p.name for p in Perm], Perm.READ | Perm.DELETE)
print(json.dumps(snapshot["dev"], cls=Encoder, separators=(",", ":"), sort_keys=True))
