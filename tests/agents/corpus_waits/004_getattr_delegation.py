# A lazy customer record: fields it does not hold are delegated by
# __getattr__ to the customer's row, exported on first use.
class LazyCustomer:
    def __init__(self, customer_id):
        self.customer_id = customer_id
        self._row = None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._row is None:
            for row in export("customers"):
                if row["id"] == self.customer_id:
                    self._row = row
        try:
            return self._row[name]
        except KeyError:
            raise AttributeError(f"customer has no field {name!r}") from None


customers = [LazyCustomer(2), LazyCustomer(4)]
for customer in customers:
    print(customer.customer_id, customer.name, customer.tier, customer.country)
try:
    print(customers[0].phone)
except AttributeError as err:
    print("missing:", err)
