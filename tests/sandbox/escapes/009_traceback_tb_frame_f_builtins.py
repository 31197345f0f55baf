# The script's own frame from a traceback gives the host's builtins.
try:
    raise ValueError("x")
except ValueError as e:
    opener = e.__traceback__.tb_frame.f_builtins["open"]
opener(SENTINEL, "w").close()
