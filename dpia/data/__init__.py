"""Reference data that changes with the law, as dated tables with sources.

Every row says where it comes from and the date it reflects; the documents print that date.
This package imports nothing from the rest of dpia, so every stage may read it.
"""
