from statistics import NormalDist, correlation, linear_regression
from decimal import Decimal, localcontext, InvalidOperation, DivisionByZero

nd = NormalDist(mu=100, sigma=15)
print(round(nd.cdf(130), 6), round(nd.inv_cdf(0.5), 6), nd.mean, nd.stdev)
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(round(correlation(x, y), 6), [round(v, 6) for v in linear_regression(x, y)])
with localcontext() as ctx:
    ctx.traps[DivisionByZero] = True
    try:
        Decimal(1) / Decimal(0)
    except DivisionByZero:
        print("division by zero trapped")
    try:
        Decimal("abc")
    except InvalidOperation:
        print("invalid decimal")
