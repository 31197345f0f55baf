# Convert 60 payment rows to EUR in a hot helper that fails in several ways
# (unknown currency KeyError, zero quantity, missing attribute on a __slots__
# record, unbound fallback rate); each handler counts the error, and every
# tenth failure asks the model how to label it.
import json

RATES = {"EUR": 1.0, "USD": 0.92, "GBP": 1.17}
ROWS = [("EUR", 120, 3), ("USD", 75, 0), ("CHF", 40, 2), ("GBP", 18, 1), ("USD", 9, 4), ("JPY", 900, 3)]


class Payment:
    __slots__ = ("currency", "amount", "parts")

    def __init__(self, currency, amount, parts):
        self.currency = currency
        self.amount = amount
        self.parts = parts


def per_part(p):
    return round(RATES[p.currency] * p.amount / p.parts, 2)


def fallback_rate(currency):
    if currency == "CHF":
        rate = 1.04
    return rate


errors = {}
labels = []
converted = []
for i in range(60):
    p = Payment(*ROWS[i % len(ROWS)])
    try:
        converted.append(per_part(p))
    except KeyError as error:
        kind = "unknown"
        try:
            converted.append(round(fallback_rate(error.args[0]) * p.amount / p.parts, 2))
        except UnboundLocalError as inner:
            kind = f"unbound after {type(inner.__context__).__name__}"
    except ZeroDivisionError as error:
        kind = str(error)
    else:
        continue
    finally:
        try:
            p.note = "seen"
        except AttributeError:
            errors["slots"] = errors.get("slots", 0) + 1
    errors[kind] = errors.get(kind, 0) + 1
    if sum(errors.values()) % 10 == 0:
        labels.append(llm(f"Classify: payment error {kind} on row {i}"))

print(json.dumps(errors, sort_keys=True))
print("labels:", labels)
print("converted:", len(converted), round(sum(converted), 2), converted[:7])
