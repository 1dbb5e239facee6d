"""spaCy's greedy NER decoding, stepped over all of a batch's sentences at once with numpy.

Why: spaCy 3.8's NER walks its transitions in compiled code that, built with Cython 3, takes
and drops the interpreter lock inside each of its 74 actions' validity tests at each token
(``StateC.B_``): on the Intel machine of session 14 over 60% of the NER's CPU time went to
those lock round trips, and the NER (run on the sentences that hold a statement with an
unexplained proper noun, ner.py) was 10-15% of extraction's CPU time.

The decoding here is spaCy's own, over the same numbers: the model's layers compute the token
vectors and each token's precomputed hidden features as in ``Parser.predict`` (the same calls);
each step sums a state's three features (the next token, the open entity's first token, the
token before the next: ``StateC.set_context_tokens``) in spaCy's order, adds the bias, takes
the maxout, scores the actions with the same BLIS product (thinc's ``NumpyOps.gemm``, which
``predict_states`` calls through ``cblas``), and takes the best valid action
(``arg_max_if_valid``: the first of the highest). The validity tests are ``ner.pyx``'s
``Begin``/``In``/``Last``/``Unit``/``Out`` for documents with no preset entities. Where any of
that does not hold (another model shape, unseen classes, preset entities, a beam) the
component's own ``pipe`` runs (``GreedyNer.pipe`` hands the batch over).
tests/extract/test_ner_decode.py compares the two on sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.tokens import Doc, Span

_MOVES = {"B": 0, "I": 1, "L": 2, "U": 3, "O": 4}


class BatchDecoder:
    """A pipeline component that annotates its documents a batch at a time (``_annotate``): the
    batching spaCy's ``pipe`` and ``__call__`` do, shared by the NER and the parser decoders."""

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate(batch)
                batch = []
        if batch:
            yield from self._annotate(batch)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self._annotate([doc])))


class GreedyNer(BatchDecoder):
    """A spaCy ``EntityRecognizer`` whose ``pipe`` decodes in numpy (see the module's text)."""

    def __init__(self, component) -> None:
        self.component = component
        moves = component.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self._kind = numpy.array([_MOVES[n.split("-", 1)[0]] for n in names])
        strings = component.vocab.strings
        self._label = numpy.array([strings[n.split("-", 1)[1]] if "-" in n and n.split("-", 1)[1] else 0
                                   for n in names], dtype=numpy.uint64)

    @classmethod
    def wrap(cls, component):
        """``component`` with this decoding when its model is the one it reproduces, else itself."""
        try:
            model = component.model
            lower, upper = model.layers[1], model.layers[2]
            fits = (len(model.layers) == 3 and model.attrs.get("has_upper") and not model.attrs.get("unseen_classes")
                    and component.cfg.get("beam_width") == 1 and not getattr(component, "postprocesses", [])
                    and lower.name == "precomputable_affine" and lower.get_dim("nF") == 3
                    and lower.get_dim("nP") >= 2 and upper.name == "linear"
                    and type(component.moves).__name__ == "BiluoPushDown")
            names = [component.moves.get_class_name(i) for i in range(component.moves.n_moves)]
            fits = fits and all(n == "O" or n.split("-", 1)[0] in "BILU" for n in names)
        except (AttributeError, KeyError, ValueError, IndexError):
            return component
        return cls(component) if fits else component

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        if any(t.ent_iob != 0 for doc in docs for t in doc):  # preset entities: spaCy's own rules
            return list(self.component.pipe(docs, batch_size=len(docs)))
        if not any(len(doc) for doc in docs):
            for doc in docs:
                doc.set_ents([], default="outside")
            return docs
        for doc, ents in zip(docs, self._decode(docs), strict=True):
            doc.set_ents([Span(doc, s, e, label=int(label)) for s, e, label in ents], default="outside")
        return docs

    def _decode(self, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        """Each doc's entities as (start, end, label), by greedy decoding."""
        scorer = StepScorer(self.component.model, docs)
        lengths = numpy.array([len(d) for d in docs])
        offsets = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))
        total = int(lengths.sum())
        # per token of the batch: does the next token open a sentence; is the token a space
        next_starts = numpy.zeros(total + 1, dtype=bool)
        spaces = numpy.zeros(total, dtype=bool)
        for doc, off in zip(docs, offsets, strict=True):
            if len(doc):
                starts = doc.to_array("SENT_START").astype(numpy.int64) == 1
                next_starts[off : off + len(doc) - 1] = starts[1:]
                spaces[off : off + len(doc)] = doc.to_array("IS_SPACE").astype(bool)
        kind, label = self._kind, self._label
        is_b, is_i, is_l, is_u, is_o = (kind == k for k in range(5))
        labelled = label != 0
        live = numpy.flatnonzero(lengths > 0)  # the unfinished states, in order
        pos = offsets.copy()  # each state's next token (batch index)
        end = offsets + lengths
        open_start = numpy.full(len(docs), -1)  # the open entity's first token (batch index), -1 if none
        open_label = numpy.zeros(len(docs), dtype=numpy.uint64)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        while live.size:
            p, start = pos[live], open_start[live]
            is_open = start >= 0
            before = numpy.where(is_open, p - 1, -1)
            scores = scorer(numpy.stack((p, start, before), axis=1))
            last = p == end[live] - 1
            cont = ~last & ~next_starts[p]  # an entity may go on past this token
            space = spaces[p]
            same = labelled[None, :] & (label[None, :] == open_label[live][:, None])
            closed = ~is_open[:, None]
            valid = ((is_b & labelled)[None, :] & closed & (cont & ~space)[:, None]) \
                | (is_i[None, :] & same & is_open[:, None] & cont[:, None]) \
                | (is_l[None, :] & same & is_open[:, None]) \
                | ((is_u & labelled)[None, :] & closed & ~space[:, None]) \
                | (is_o[None, :] & closed)
            guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
            if not valid[numpy.arange(len(live)), guess].all():
                raise ValueError("no valid NER action")  # (spaCy raises too: it cannot happen)
            self._advance(live, guess, p, docs, offsets, open_start, open_label, found)
            pos[live] += 1
            live = live[pos[live] < end[live]]
        return found

    def _advance(self, live, guess, p, docs, offsets, open_start, open_label, found) -> None:
        """Take each state's action: open, close or set an entity (Begin, Last, Unit)."""
        kinds = self._kind[guess]
        for j in numpy.flatnonzero(kinds != 4):
            k, state, here = kinds[j], live[j], p[j]
            if k == 0:  # Begin
                open_start[state], open_label[state] = here, self._label[guess[j]]
            elif k == 2:  # Last
                off = offsets[state]
                found[state].append((int(open_start[state] - off), int(here - off + 1), int(open_label[state])))
                open_start[state] = -1
            elif k == 3:  # Unit
                off = offsets[state]
                found[state].append((int(here - off), int(here - off + 1), int(self._label[guess[j]])))


class StepScorer:
    """The action scores of a greedy transition model (spaCy's parser or NER: tok2vec, a
    ``precomputable_affine`` lower layer with maxout, a ``linear`` upper layer) for a batch of
    states, computed as spaCy's ``predict_states`` computes them: each state's feature tokens'
    precomputed hidden rows summed in feature order (-1, no token: the padding row), the bias
    added, the maxout, then the upper layer's product on BLIS (``cblas``, as ``greedy_parse``
    calls it; ``NumpyOps.gemm``) and its bias."""

    def __init__(self, model, docs: list[Doc]) -> None:
        from thinc.api import NumpyOps

        tok2vec, lower, upper = model.layers
        cached = lower.predict(tok2vec.predict(docs))  # (tokens + 1, nF, nO, nP): row 0 is the padding
        rows, self.n_f, self.n_o, self.n_p = cached.shape
        self.cached = cached.reshape(rows * self.n_f, self.n_o * self.n_p)  # row (token + 1) * nF + feature
        self.features = numpy.arange(self.n_f)
        self.bias = lower.get_param("b").reshape(self.n_o * self.n_p)
        self.w_up, self.b_up = upper.get_param("W"), upper.get_param("b")
        self.blis = NumpyOps()

    def __call__(self, tokens: numpy.ndarray):
        """Scores (states, classes) of states whose feature tokens are ``tokens`` (states, nF):
        indices into the batch's tokens, -1 for none."""
        picked = self.cached.take(((tokens + 1) * self.n_f + self.features).ravel(), axis=0)
        # summed over the features (a reduction over a middle axis adds them one after another,
        # in order: saxpy's sums, bit for bit), then the bias
        unmaxed = picked.reshape(len(tokens), self.n_f, -1).sum(axis=1)
        unmaxed += self.bias
        pieces = unmaxed.reshape(len(tokens), self.n_o, self.n_p)
        hidden = pieces[:, :, 0]  # the maxout: the largest piece (as Vec.arg_max's value)
        for p in range(1, self.n_p):
            hidden = numpy.maximum(hidden, pieces[:, :, p])
        scores = self.blis.gemm(numpy.ascontiguousarray(hidden), self.w_up, trans2=True)
        scores += self.b_up
        return scores
