"""pledgebook.segment"""
