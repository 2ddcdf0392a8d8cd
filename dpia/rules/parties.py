"""Who does what with the data: the roles that work for the organisation under Art. 28."""

from __future__ import annotations

from dpia.model.enums import Role

# Parties that process on the organisation's behalf and so need a processor agreement
# (Art. 28(3); a sub-processor's through the processor, Art. 28(4)). Everyone else who
# receives data does so for a task of their own.
PROCESSOR_ROLES = frozenset({Role.processor, Role.sub_processor})
