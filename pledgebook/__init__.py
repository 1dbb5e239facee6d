"""pledgebook: a source-grounded ledger of diplomatic commitments."""

__version__ = "0.1.0"
