"""Stage 6: PDF output. Importing this package is cheap; WeasyPrint is loaded by
dpia.pdf.weasy only when a PDF is written."""
