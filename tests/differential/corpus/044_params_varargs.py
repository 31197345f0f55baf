def total(*nums):
    print(type(nums).__name__, nums)
    return sum(nums)
print(total(), total(1), total(1, 2, 3))
def describe(**info):
    return ", ".join(f"{k}={v}" for k, v in info.items())
print(describe(), describe(a=1, b="two"))
def both(first, *rest, **options):
    return first, rest, options
print(both(1))
print(both(1, 2, 3, flag=True))
print(both(*[1, 2], **{"x": 9}))
def forward(*args, **kwargs):
    return both(*args, **kwargs)
print(forward("f", "g", k="v"))
def kwargs_order(**kw):
    return list(kw)
print(kwargs_order(z=1, a=2, m=3))
def modify(*args):
    args = list(args)
    args.append("extra")
    return args
print(modify(1, 2))
def count_args(*args, **kwargs):
    return len(args), len(kwargs)
print(count_args(*range(5), **dict.fromkeys("abc", 0)))
def kw_copy(**kw):
    kw["added"] = True
    return kw
source = {"x": 1}
print(kw_copy(**source), source)
def star_none(*, key):
    return key
print(star_none(key="k"))
try:
    both()
except TypeError as e:
    print("TypeError:", e)
try:
    describe(1)
except TypeError as e:
    print("TypeError:", e)
