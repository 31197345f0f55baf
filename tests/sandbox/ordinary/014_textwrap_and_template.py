import textwrap
from string import Template, ascii_lowercase, capwords

body = "Your refund for order 1042 was approved and will reach your account within five business days."
print(textwrap.fill(body, width=30))
print(textwrap.shorten(body, width=40, placeholder=" ..."))
print(textwrap.indent("a\nb", "> "))
print(textwrap.dedent("""
    one
      two
"""))
letter = Template("Dear $name, your ticket $$${amount} is ${state}.")
print(letter.substitute(name="Ana", amount=12, state="open"))
print(letter.safe_substitute(name="Bo"))
print(capwords("hello agent world"), ascii_lowercase[:5])
