"""pledgebook.codebook"""
