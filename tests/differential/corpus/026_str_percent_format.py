print("%s is %d years" % ("Ann", 30))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e|%g" % (3.14159, 2.71828, 1.5, 12345.678, 0.0001))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%r %s %a" % ("q", "q", "é"))
print("%c%c" % (72, "i"))
print("100%% done" % ())
print("%(name)s has %(count)d items" % {"name": "cart", "count": 3})
print("%*d|%-*d|" % (6, 7, 6, 7))
print("%.*f" % (2, 1.23456))
print("%s" % [1, 2], "%s" % (1,), "%s %s" % (None, True))
print(b"%d bytes %s" % (5, b"raw"))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % ("a", "b"))
except TypeError as e:
    print("TypeError:", e)
rows = [("widget", 3, 2.5), ("gadget", 10, 0.99)]
for name, qty, price in rows:
    print("%-10s%4d%8.2f" % (name, qty, qty * price))
print("%i %u" % (3, 4), "%3s|%-3s|" % ("a", "b"))
