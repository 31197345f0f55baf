# expect-error: __main__.ValidationError
# Import payouts: rows are validated in a dataclass __post_init__ that waits
# for the model's check; errors are collected with add_note, then the import
# fails with a chained ValidationError once the error budget is spent.
from dataclasses import dataclass, field, InitVar
from decimal import Decimal, InvalidOperation


class ValidationError(Exception):
    pass


@dataclass(kw_only=True)
class Payout:
    order_id: int
    raw_amount: InitVar[str]
    amount: Decimal = field(init=False)
    status: str

    def __post_init__(self, raw_amount):
        try:
            self.amount = Decimal(raw_amount)
        except InvalidOperation as exc:
            raise ValidationError(f"order {self.order_id}: bad amount {raw_amount!r}") from exc
        if self.status != "paid":
            check = llm(f"Answer yes or no: can order {self.order_id} with status {self.status} be paid out?")
            if check == "no":
                raise ValidationError(f"order {self.order_id}: status {self.status}")


rows = export("orders")
rows.insert(3, {"id": 999, "amount": "12,50", "status": "paid"})
good, errors = [], []
for row in rows:
    try:
        good.append(Payout(order_id=row["id"], raw_amount=row["amount"], status=row["status"]))
    except ValidationError as exc:
        exc.add_note(f"row {len(good) + len(errors)}")
        errors.append(exc)
print([p.order_id for p in good])
for exc in errors:
    print(type(exc).__name__, exc, exc.__notes__, type(exc.__cause__).__name__ if exc.__cause__ else None)
total = sum((p.amount for p in good), Decimal(0))
print(f"payable {total:,.2f} over {len(good)}")
decision = approval(f"Pay out {total} EUR")
if len(errors) > 2 or decision != "approved":
    try:
        raise ExceptionGroup("payout import", errors)
    except ExceptionGroup as group:
        first, rest = group.split(lambda e: "bad amount" in str(e))
        print(len(first.exceptions) if first else 0, len(rest.exceptions) if rest else 0)
        raise ValidationError(f"{len(errors)} rows rejected, decision {decision}") from group
print("all paid")
