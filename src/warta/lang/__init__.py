"""Language data, one subpackage per language: word classes as plain data files."""
