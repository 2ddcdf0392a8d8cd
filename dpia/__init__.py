"""dpia: bilingual DPIA and companion documents from one questionnaire."""

import logging

__version__ = "0.1.0"

# A library only adds a NullHandler; the CLI decides what is shown.
logging.getLogger(__name__).addHandler(logging.NullHandler())
