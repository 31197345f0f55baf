# Tool clients wrapped by proxies: a __getattr__ proxy that counts and logs
# calls to the wrapped client's methods, a __getattribute__ guard that asks
# for approval before risky methods, and a lazy proxy that builds its
# target (waiting) on first attribute access.
import json


class ApiClient:
    def __init__(self, name):
        self.name = name

    def summarize(self, text):
        return llm(f"Summarize: {text}")

    def pages(self, *urls):
        return {u.rsplit("/", 1)[-1]: len(fetch_page(u).splitlines()) for u in urls}

    def delete_table(self, table):
        return f"deleted {table}"


class CountingProxy:
    def __init__(self, target):
        self._target = target
        self._calls = {}

    def __getattr__(self, attr):
        value = getattr(self._target, attr)
        if not callable(value):
            return value

        def wrapper(*args, **kwargs):
            self._calls[attr] = self._calls.get(attr, 0) + 1
            return value(*args, **kwargs)

        return wrapper


class Guard(CountingProxy):
    def __getattribute__(self, attr):
        if attr.startswith("delete"):
            verdict = approval(f"Allow {attr} on {object.__getattribute__(self, '_target').name}")
            if verdict != "approved":
                raise PermissionError(f"{attr}: {verdict}")
        return super().__getattribute__(attr)


class Lazy:
    def __init__(self, factory):
        self.__dict__["_factory"] = factory
        self.__dict__["_obj"] = None

    def __getattr__(self, attr):
        if self._obj is None:
            self.__dict__["_obj"] = self._factory()
        return getattr(self._obj, attr)


client = Guard(ApiClient("crm"))
lazy_config = Lazy(lambda: type("Config", (), {"rows": export("customers"), "mode": "eu"})())
print(client.name, client.summarize("The new export API ships with CSV and JSON formats"))
print(client.pages("https://shop.example/faq", "https://docs.example/auth"))
try:
    client.delete_table("customers")
except PermissionError as exc:
    print("guard:", exc)
print("lazy built?", lazy_config._obj is not None)
print(lazy_config.mode, [c["name"] for c in lazy_config.rows if c["country"] == "US"])
print("lazy built?", lazy_config._obj is not None)
print(client.summarize("Uploads failed between 10:05 and 10:19 UTC"))
print(json.dumps(client._calls, sort_keys=True))
