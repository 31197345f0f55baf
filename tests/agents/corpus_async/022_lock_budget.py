# Several buyers spend from one shared budget under an asyncio.Lock; a
# purchase over the limit needs approval, waited on inside the locked block
# of a task.
import asyncio


class Budget:
    def __init__(self, total):
        self.total = total
        self.spent = 0
        self.lock = asyncio.Lock()
        self.ledger = []

    @property
    def left(self):
        return self.total - self.spent

    async def spend(self, who, amount):
        quote = await ask_model(f"Give a score for buying {amount} EUR of supplies for {who}")
        async with self.lock:
            if amount > self.left:
                return who, "over budget"
            if amount > 200:
                if approval(f"{who} spends {amount} EUR of the budget") != "approved":
                    return who, "rejected"
            self.spent += amount
            self.ledger.append((who, amount, int(quote)))
            return who, "bought"


async def main():
    budget = Budget(1000)
    purchases = [("ana", 120), ("ben", 450), ("cho", 300), ("dev", 90)]
    outcomes = await asyncio.gather(*(budget.spend(w, a) for w, a in purchases))
    print(dict(outcomes))
    print(sorted(budget.ledger), "left:", budget.left)


asyncio.run(main())
