# Plugins register themselves in a class-level registry; the registry and
# the instances' classes must be the same objects before and after each wait.
class Plugin:
    registry = {}
    created = 0

    def __init_subclass__(cls, name, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[name] = cls

    def __init__(self):
        Plugin.created += 1


class Summarizer(Plugin, name="summarize"):
    def run(self, text):
        return llm(f"Summarize: {text}")


class Classifier(Plugin, name="classify"):
    def run(self, text):
        return llm(f"Classify: {text}")


plugins = [Plugin.registry[name]() for name in ("classify", "summarize", "classify")]
for plugin in plugins:
    result = plugin.run("The export API ships in June")
    print(type(plugin).__name__, isinstance(plugin, Plugin), type(plugin) is Plugin.registry["classify"], result)
print(sorted(Plugin.registry), Plugin.created, Summarizer.__mro__[1] is Plugin)
