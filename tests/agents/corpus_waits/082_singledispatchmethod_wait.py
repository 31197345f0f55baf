# A functools.singledispatchmethod handler that waits: functools' _method
# wrapper, which calls the handler, runs on the VM.
import functools


class Renderer:
    @functools.singledispatchmethod
    def render(self, item):
        return "?"

    @render.register
    def _(self, item: str):
        return llm(f"Summarize: {item}").upper()


print(Renderer().render("The outage lasted 14 minutes"))
