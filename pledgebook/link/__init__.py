"""pledgebook.link"""
