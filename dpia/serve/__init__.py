"""Stage 9: `dpia serve`, a guided questionnaire in the browser, on this machine only.

Route groups: `pages` (start page, new questionnaires), `edit` (the form, saving),
`preview` (documents as HTML and PDF). `security` guards every request, `saving` writes the
file without losing comments, `form` reads the questions from the model. Findings, verdicts
and documents come from the stages before it; nothing is decided here.
"""
