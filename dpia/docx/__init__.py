"""Word (.docx) documents made from the typed contexts with python-docx.

`render.render_docx` is the entry point; `embedded` reads the questionnaire back out of a
.docx with the standard library only, so `dpia extract` does not need python-docx.
"""
