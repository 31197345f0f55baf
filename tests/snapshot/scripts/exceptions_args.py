import json


class StepFailed(Exception):
    def __init__(self, step, reason):
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


class ToolError(Exception):
    pass


def parse(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ToolError("bad json") from err


try:
    parse("{oops")
except ToolError as err:
    try:
        raise StepFailed("parse", "invalid") 
    except StepFailed as failed:
        answer = wait("retry")
        print(failed.step, failed.reason, failed.args, answer)
        print(repr(failed.__context__), repr(failed.__context__.__cause__))
        failed.add_note("asked a human")
        kept = failed

print(kept.__notes__, type(kept.__context__.__cause__).__name__, kept.__context__.__cause__.pos)
raise RuntimeError("giving up") from kept
