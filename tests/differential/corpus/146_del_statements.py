x = 10
y = 20
del x
print("x" in globals(), y)
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b, c = 1, 2, 3
del a, b
print(sorted(n for n in ("a", "b", "c") if n in globals()))
items = list(range(10))
del items[0]
del items[-1]
del items[2:4]
del items[::2]
print(items)
d = {"k1": 1, "k2": 2, "k3": 3}
del d["k2"]
print(d)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
class Obj:
    cls_attr = "c"
o = Obj()
o.attr = 1
o.other = 2
del o.attr
print(vars(o), hasattr(o, "attr"))
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
del Obj.cls_attr
print(hasattr(Obj, "cls_attr"))
def local_del():
    v = "local"
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(local_del())
def del_in_loop():
    for i in range(3):
        tmp = i * 2
        del tmp
    return "tmp" in locals(), i
print(del_in_loop())
nested = {"a": {"b": [1, 2, 3]}}
del nested["a"]["b"][1]
print(nested)
matrix = [[1, 2], [3, 4]]
del matrix[0][0], matrix[1]
print(matrix)
z = 5
del (z)
print("z" in dir())
