# An agent emits deprecation and data warnings while waiting, recording them with catch_warnings.
import warnings


class DataQualityWarning(UserWarning):
    pass


def check_invoice(inv):
    if float(inv["net"]) < 50:
        warnings.warn(f"{inv['number']} is below the minimum", DataQualityWarning, stacklevel=2)
    if inv["vat_rate"] not in ("0.19", "0.07"):
        warnings.warn(f"{inv['number']} has unusual VAT {inv['vat_rate']}", DataQualityWarning)
    return float(inv["net"]) * (1 + float(inv["vat_rate"]))


def old_api(table):
    warnings.warn("old_api is deprecated, use export()", DeprecationWarning, stacklevel=2)
    return export(table)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    invoices = old_api("invoices")
    totals = {}
    for inv in invoices:
        totals[inv["number"]] = round(check_invoice(inv), 2)
        if inv["customer"] == "Globex":
            note = approval(f"Check invoice {inv['number']}")
            warnings.warn(f"Globex invoice reviewed: {note}", RuntimeWarning)

print("totals:", totals)
print("caught:", len(caught))
for w in caught:
    print(f"  {w.category.__name__}: {w.message} (line {w.lineno})")

with warnings.catch_warnings(record=True) as second:
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("always", DataQualityWarning)
    rows = old_api("invoices")
    summary = llm("Summarize: invoices checked twice")
    check_invoice(rows[3])
print("second:", [(w.category.__name__, str(w.message)) for w in second], summary)

with warnings.catch_warnings():
    warnings.simplefilter("error", DataQualityWarning)
    try:
        decision = approval("Strict mode for invoice INV-004")
        check_invoice(rows[3])
    except DataQualityWarning as e:
        print("escalated:", type(e).__name__, e, decision)

print("filters restored:", warnings.filters[0][0] != "error" or warnings.filters[0][2] is not DataQualityWarning)
