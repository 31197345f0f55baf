# A host function's own frame in a traceback: json.decoder's globals, then its builtins.
import json
try:
    json.loads("{")
except ValueError as e:
    tb = e.__traceback__
while tb.tb_next is not None:
    tb = tb.tb_next
tb.tb_frame.f_globals["__builtins__"]["open"](SENTINEL, "w").close()
