# Turn the model's free-text answers into enums: an IntEnum whose
# _missing_ accepts names in any case, a Flag of notification channels,
# and a member method that waits for approval, used in a match.
import enum


class Priority(enum.IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 4

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.name == value.strip().upper():
                    return member
        return None

    def confirm(self, ticket):
        if self < Priority.HIGH:
            return True
        return approval(f"Page the on-call team for ticket {ticket}") == "approved"


class Channel(enum.Flag):
    EMAIL = enum.auto()
    CHAT = enum.auto()
    PAGER = enum.auto()


for row in export("tickets")[:4]:
    score = int(llm(f"Give a score for the urgency of: {row['subject']}"))
    priority = Priority(min(4, 1 + score // 25))
    channels = Channel.EMAIL
    match priority:
        case Priority.URGENT | Priority.HIGH if priority.confirm(row["id"]):
            channels |= Channel.PAGER | Channel.CHAT
        case Priority.NORMAL:
            channels |= Channel.CHAT
    print(row["id"], priority.name, int(priority) * 10, sorted(c.name for c in Channel if c in channels))

print(Priority("urgent"), Priority(" low "), Priority(2) + 1)
try:
    Priority("someday")
except ValueError as error:
    print("ValueError:", error)
print([p.name for p in sorted(Priority, reverse=True)], Channel.EMAIL in (Channel.EMAIL | Channel.PAGER))
