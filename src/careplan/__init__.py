"""Careplan: co-authored care plans and personal budgets for drug and alcohol services."""

__version__ = "0.1.0"
