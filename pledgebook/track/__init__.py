"""pledgebook.track: what became of each pledge (docs/tracking.md). Services the CLI (and the
API and web UI) call: status, evidence and compliance scores on threads, statements and
dossiers (``status``), analysts' review of extractions (``review``), compliance reports
(``report``) and decisions on suggested evidence (``decisions``)."""
