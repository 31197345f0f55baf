# versions: 3.11-3.12
# dataclasses._create_fn execs the body it is given.
import dataclasses
fn = dataclasses._create_fn("f", [], ["__import__('os').mkdir(p)"], globals={"p": SENTINEL})
fn()
