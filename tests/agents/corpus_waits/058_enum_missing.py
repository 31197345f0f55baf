# Map free-text statuses onto an Enum: Status(value) calls the script's
# _missing_ hook for unknown values, and the hook asks the model.
import enum


class Status(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"

    @classmethod
    def _missing_(cls, value):
        answer = llm(f"Answer yes or no: does {value!r} mean the ticket is closed?")
        return cls.CLOSED if answer == "yes" else cls.OPEN


for text in ["open", "resolved", "wontfix"]:
    print(f"{text!r} -> {Status(text).name}")
