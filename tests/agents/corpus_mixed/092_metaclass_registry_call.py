# Services built by a registry metaclass: __new__ records each class,
# __call__ asks for approval before building an instance and keeps one
# singleton per (class, region).
import json


class ServiceMeta(type):
    services: dict[str, type] = {}
    built: list[str] = []

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace)
        if bases:
            key = namespace.get("key", name.lower())
            cls.key = key
            mcls.services[key] = cls
        cls._instances = {}
        return cls

    def __call__(cls, region="eu", *args, **kwargs):
        if region in cls._instances:
            return cls._instances[region]
        decision = approval(f"Start service {cls.key} in {region}")
        if decision != "approved":
            raise PermissionError(f"{cls.key}@{region}: {decision}")
        instance = super().__call__(region, *args, **kwargs)
        cls._instances[region] = instance
        ServiceMeta.built.append(f"{cls.key}@{region}")
        return instance


class Service(metaclass=ServiceMeta):
    def __init__(self, region):
        self.region = region
        self.log = []

    def handle(self, payload):
        self.log.append(payload)
        return f"{self.key}@{self.region} handled {payload}"


class Billing(Service):
    key = "billing"

    def handle(self, payload):
        total = sum(float(r["amount"]) for r in export("orders") if r["status"] == payload)
        self.log.append(payload)
        return f"billing {payload}: {total:.2f}"


class Search(Service):
    pass


class Purge(Service):
    key = "production purge"


print(sorted(ServiceMeta.services), type(Billing).__name__)
billing = Billing("eu")
search_us = Search(region="us")
print(billing is Billing("eu"), search_us is Search("us"))
print(billing.handle("paid"))
print(search_us.handle("dark mode"))
try:
    Purge("eu")
except PermissionError as exc:
    print("refused:", exc)
billing_us = Billing("us")
print(billing_us.handle("refunded"))
print(json.dumps({"built": ServiceMeta.built, "logs": [billing.log, billing_us.log, search_us.log]}))
print({cls.__name__: sorted(cls._instances) for cls in ServiceMeta.services.values()})
