# breakpoint() imports and calls whatever PYTHONBREAKPOINT names.
import uuid
uuid.os.environ["PYTHONBREAKPOINT"] = "os.mkdir"
breakpoint(SENTINEL)
