"""pledgebook.store"""
