# Settings with lazy values: __getattr__ asks the model for a missing
# setting, a property setter waits for approval before a change, and the
# script uses getattr() with a default, hasattr() and vars().
class Settings:
    def __init__(self, owner, **known):
        self.owner = owner
        self.values = dict(known)
        self.denied = []

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self.values:
            self.values[name] = llm(f"Classify: the {name.replace('_', ' ')} setting for {self.owner}")
        return self.values[name]

    @property
    def region(self):
        return self.values.get("region", "eu")

    @region.setter
    def region(self, value):
        decision = approval(f"Move {self.owner} to the {value} region")
        if decision == "approved":
            self.values["region"] = value
        else:
            self.denied.append(value)


settings = Settings("Acme", tier="gold")
print(settings.tier, settings.alert_level, settings.alert_level)
settings.region = "us"
settings.region = "production us-east"
print(settings.region, settings.denied)
print(getattr(settings, "backup_policy", "none"), getattr(settings, "_secret", "hidden"))
print(hasattr(settings, "retention"), hasattr(settings, "_token"))
print(sorted(vars(settings)), sorted(settings.values))
