from typing import NamedTuple, Optional
class Employee(NamedTuple):
    name: str
    dept: str
    salary: int = 50000
    manager: Optional[str] = None
    def with_raise(self, pct):
        return self._replace(salary=int(self.salary * (1 + pct / 100)))
    @property
    def label(self):
        return f"{self.name} ({self.dept})"
e = Employee("ann", "eng")
print(e, e.name, e[1], e.salary, len(e))
print(e.with_raise(10), e.label)
print(e._asdict(), Employee._fields, Employee._field_defaults)
name, dept, *rest = e
print(name, dept, rest)
print(e == ("ann", "eng", 50000, None), isinstance(e, tuple))
staff = [Employee("bob", "ops", 40000), Employee("cy", "eng", 70000), e]
print(sorted(staff, key=lambda s: s.salary)[0].name)
print(max(staff, key=lambda s: (s.dept, s.salary)).name)
by_dept = {}
for s in staff:
    by_dept.setdefault(s.dept, []).append(s.name)
print(by_dept)
print(Employee._make(["dee", "hr", 1, "ann"]))
try:
    e.name = "other"
except AttributeError as e2:
    print("AttributeError:", e2)
class Point(NamedTuple):
    x: float
    y: float
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
print(Point(1, 2) + Point(3, 4), Point(0, 0)._replace(x=9))
print(hash(Point(1, 2)) == hash((1, 2)), Point.__match_args__)
