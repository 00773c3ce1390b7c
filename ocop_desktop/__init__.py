"""OCOP field evaluation: offline-first desktop application."""

__version__ = "0.1.0"
