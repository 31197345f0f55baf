"""The sandbox corpus: escape attempts and ordinary scripts, checked natively now and under the sandbox later."""
