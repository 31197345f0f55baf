"""Differential tests: corpus scripts run natively and on the VM, compared."""
