print("{} and {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Bo", age=7))
print("{0[0]} {0[1]} {1[k]}".format(["p", "q"], {"k": "v"}))
class Pt:
    x = 3
    y = 4
print("{0.x},{0.y}".format(Pt()))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:+d} {:,} {:x}".format(3.14159, 5, 1234567, 255))
print("{!r} {!s} {!a}".format("s", "s", "ü"))
print("{:{w}.{p}f}".format(2.71828, w=10, p=3))
print("{{}} {}".format("braces"))
data = {"a": 1, "b": 2}
print("{a}-{b}".format(**data))
print("{0}{0}{0}".format("ab"))
print(str.format("{}", 42), "{:%}".format(0.5))
try:
    "{} {}".format("one")
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
print("{:*^20}".format(" title "))
from string import Template
t = Template("$who likes ${what}s")
print(t.substitute(who="tim", what="kung pao"))
print(t.safe_substitute(who="ann"))
print("{:.3}".format("abcdef"), "{:5}|".format(3), "{:<5}|".format(3))
print(format(12, "04d"), format("x", ">3"), format(3.5))
print("%s-%s" % ("a", "b") + "{}".format("c") + f"{'d'}")
