"""Importing people and company profiles from spreadsheets: all valid rows or nothing."""
