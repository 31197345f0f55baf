# Register command handlers as their classes are defined: __init_subclass__
# waits for an approval before adding a handler to the registry.
class Handler:
    registry = {}

    def __init_subclass__(cls, command, **kwargs):
        super().__init_subclass__(**kwargs)
        if approval(f"Register {cls.__name__} for the command {command}") == "approved":
            Handler.registry[command] = cls


class Restart(Handler, command="restart"):
    def run(self, service):
        return f"restarting {service}"


class DropTables(Handler, command="drop"):
    def run(self, service):
        return f"dropping the tables of {service}"


for command in ["restart", "drop"]:
    handler = Handler.registry.get(command)
    print(command, "->", handler().run("search") if handler else "not registered")
