# fractions.sys and Fraction's method globals.
import fractions
fractions.Fraction.from_float.__func__.__globals__["sys"].modules["os"].mkdir(SENTINEL)
