"""Tracking what became of each pledge: services over the stored ledger and threads that the
CLI (and the web API) call."""
