"""Stage 3: pure functions that judge a questionnaire."""
