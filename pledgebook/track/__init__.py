"""pledgebook.track: what became of each pledge (docs/tracking.md). Services over the stored
ledger and threads that the CLI (and the web API) call: status, evidence and compliance scores
on threads, statements and dossiers (``status``), analysts' review of extractions (``review``,
``export``), compliance reports (``report``), suggested evidence (``suggest``) and the
decisions on it (``decisions``)."""
