"""pledgebook.evaluate"""
