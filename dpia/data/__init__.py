"""Reference data that changes with the law: dated tables with their sources.

Tables here import nothing from the pipeline, so every stage may read them. Each says when it
was last checked (`AS_OF`) and where it comes from (`SOURCE`); documents print both.
"""
