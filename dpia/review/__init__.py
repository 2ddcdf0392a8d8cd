"""Assessments over time and across organisations: pure comparisons between questionnaires.

Sits between rules and context: it reads models and asks dpia.rules for levels, findings and
verdicts, and never decides them differently.
"""
