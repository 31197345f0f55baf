# Build an expense report: an expense's __str__ waits for the reimbursement
# approval, and the report formats each expense in an f-string.
class Expense:
    def __init__(self, item, amount):
        self.item = item
        self.amount = amount

    def __str__(self):
        decision = approval(f"Reimburse {self.amount} EUR for {self.item}")
        return f"{self.item} ({self.amount} EUR, {decision})"


expenses = [Expense("train ticket", 89), Expense("wire transfer fee", 25)]
lines = []
for number, expense in enumerate(expenses, 1):
    lines.append(f"{number}. {expense}")
print("\n".join(lines))
print("items:", len(lines))
