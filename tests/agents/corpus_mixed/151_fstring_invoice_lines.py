# Render 90 invoice lines with f-string format specs in hot helpers
# (widths, signs, thousands separators, percentages, !r conversions), joined
# with "".join of generators; every 15th line waits for the model's note.
import json

invoices = export("invoices")


def money(x, width=10):
    return f"{x:>{width},.2f}"


def pct(rate):
    return f"{rate:.0%}"


def line(i, inv):
    net = float(inv["net"]) * (1 + i % 4) / 3
    rate = float(inv["vat_rate"])
    gross = net * (1 + rate)
    memo = llm(f"Classify: invoice line {i} for {inv['customer']}") if i % 15 == 0 else "-"
    return f"{i:03d}|{inv['number']:<8}|{money(net)}|{pct(rate):>4}|{money(gross, 12)}|{memo!r:>11}|{gross - net:+.3f}"


def block(start, count):
    return "\n".join(line(i, invoices[i % len(invoices)]) for i in range(start, start + count))


rendered = [block(k, 9) for k in range(0, 90, 9)]
print(rendered[0])
print(rendered[-1].splitlines()[-1])
widths = {len(r.splitlines()[0]) for r in rendered}
print("widths:", sorted(widths))
totals = {}
for chunk in rendered:
    for row in chunk.splitlines():
        cells = row.split("|")
        totals[cells[1].strip()] = totals.get(cells[1].strip(), 0.0) + float(cells[4].replace(",", ""))
print(json.dumps({k: f"{v:,.2f}" for k, v in sorted(totals.items())}))
memos = "".join(f"[{r.split('|')[5].strip()}]" for chunk in rendered for r in chunk.splitlines() if "'-'" not in r)
print("memos:", memos)
print(f"{'total':>12}: {sum(totals.values()):>14,.2f} {len(totals):#x} {3.14159:e} {-7:=+6d}")
