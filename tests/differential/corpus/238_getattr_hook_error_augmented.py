# A __getattr__ hook's AttributeError: no context of the failed lookup, and
# the name and object PyObject_GetAttr gives it (CPython's suggestions read them).
class Lazy:
    known = 1

    def __getattr__(self, key):
        if key.startswith("x"):
            raise AttributeError(f"no {key}")
        return key.upper()

lazy = Lazy()
for i in range(30):
    try:
        lazy.xyz
    except AttributeError as e:
        augmented = (str(e), e.name, e.obj is lazy, e.__context__)
print(augmented, lazy.abc)
