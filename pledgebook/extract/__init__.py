"""pledgebook.extract"""
