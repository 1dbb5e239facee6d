"""spaCy's greedy dependency parsing, stepped over all of a batch's sentences at once with numpy.

Why: as with the NER (ner_decode.py), spaCy 3.8's parser walks its arc-eager transitions in
compiled code that takes and drops the interpreter lock inside the validity tests of its 106
actions at each step; the parser runs on every candidate sentence, so its loop is a large share
of extraction's CPU time.

The decoding here is spaCy's own, over the same numbers. The scores are ``StepScorer``'s
(ner_decode.py: the model's layers and ``predict_states``' sums, maxout and product) over the
eight tokens ``StateC.set_context_tokens`` gives a parser state: the buffer's first two, the
stack's top three, the most recent left child of the buffer's first and of the stack's top and
the most recent right child of the stack's top (``_state.pxd``: ``L``/``R`` count back from the
last arc added, past removed ones). The transitions and their validity are ``arc_eager.pyx``'s:
SHIFT (push; after an unshift, from the re-buffer), REDUCE (pop, or unshift a headless word when
the stack holds more), LEFT-ARC (a head from the buffer to the stack's top, replacing any earlier
head, then pop), RIGHT-ARC (the stack's top heads the buffer's first, push) and BREAK (the next
word opens a sentence), with preset sentence starts honoured; the action is the first of the
highest valid scores (``arg_max_if_valid``). Then, as ``Parser.set_annotations``: each word's
head and label (no head: the root label), children, edges and sentence starts
(``set_children_from_heads``, through ``Doc.from_array``), and the component's postprocesses
(``nonproj.deprojectivize``: labels "x||y" of the projectivised training trees).

Where any of that does not hold (another model shape or feature count, unseen classes, a
``subtok`` label, a beam, docs with heads or labels already set, a state the decoding here
cannot follow) the component's own ``pipe`` parses the batch. tests/extract/test_parse_decode.py
compares the two.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc

from pledgebook.extract.ner_decode import BatchDecoder, StepScorer

_MOVES = {"S": 0, "D": 1, "L": 2, "R": 3, "B": 4}  # SHIFT, REDUCE, LEFT, RIGHT, BREAK


class Unreproduced(Exception):
    """A state this decoding does not follow as spaCy would: the batch goes to spaCy."""


class GreedyParser(BatchDecoder):
    """A spaCy ``DependencyParser`` whose ``pipe`` decodes in numpy (see the module's text)."""

    def __init__(self, component) -> None:
        self.component = component
        moves = component.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self._moves = [_MOVES[n.split("-", 1)[0]] for n in names]
        strings = component.vocab.strings
        self._labels = [strings[n.split("-", 1)[1]] if "-" in n else 0 for n in names]
        # which actions are valid, by the set of valid moves (a bit each, as ``_States.context`` gives it)
        self._allowed = numpy.array([[bool(code >> m & 1) for m in self._moves] for code in range(32)])
        self._root = numpy.uint64(moves.root_label)

    @classmethod
    def wrap(cls, component):
        """``component`` with this decoding when its model is the one it reproduces, else itself."""
        try:
            model, moves = component.model, component.moves
            lower, upper = model.layers[1], model.layers[2]
            fits = (len(model.layers) == 3 and model.attrs.get("has_upper") and not model.attrs.get("unseen_classes")
                    and component.cfg.get("beam_width") == 1 and not component.cfg.get("learn_tokens")
                    and lower.name == "precomputable_affine" and lower.get_dim("nF") == 8
                    and lower.get_dim("nP") >= 2 and upper.name == "linear" and type(moves).__name__ == "ArcEager")
            names = [moves.get_class_name(i) for i in range(moves.n_moves)]
            fits = fits and all(n.split("-", 1)[0] in _MOVES and n.split("-", 1)[-1] != "subtok" for n in names)
        except (AttributeError, KeyError, ValueError, IndexError):
            return component
        return cls(component) if fits else component

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        preset = any(doc.to_array([HEAD, DEP]).any() for doc in docs if len(doc))
        if preset or not any(len(doc) for doc in docs):
            return list(self.component.pipe(docs, batch_size=len(docs)))
        try:
            heads, labels = self._decode(docs)
        except Unreproduced:
            return list(self.component.pipe(docs, batch_size=len(docs)))
        offset = 0
        for doc in docs:
            n = len(doc)
            if n:
                head = heads[offset : offset + n]
                rel = numpy.where(head >= 0, head - numpy.arange(offset, offset + n), 0)
                dep = numpy.where(head >= 0, labels[offset : offset + n], self._root)
                doc.from_array([HEAD, DEP], numpy.stack((rel.astype(numpy.int64).view(numpy.uint64), dep), axis=1))
            for hook in self.component.postprocesses:
                hook(doc)
            offset += n
        return docs

    def _decode(self, docs: list[Doc]) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The batch's heads (batch index, -1: none) and labels, by greedy decoding: each step
        scores all unfinished states at once; the states themselves are small Python lists
        (a parse has few of them in flight on average, for which a loop costs less than numpy's
        per-call overhead)."""
        scorer = StepScorer(self.component.model, docs)
        state = _States(docs)
        allowed = self._allowed
        while state.live:
            tokens, codes = state.context()
            scores = scorer(numpy.array(tokens).reshape(-1, 8))
            guess = numpy.where(allowed[codes], scores, -numpy.inf).argmax(axis=1).tolist()
            state.advance(guess, codes, self._moves, self._labels)
        return numpy.array(state.heads[:-1]), numpy.array(state.labels[:-1], dtype=numpy.uint64)


SHIFT, REDUCE, LEFT, RIGHT, BREAK = range(5)


class _States:
    """Arc-eager states of a batch of docs: token indices are the batch's (each doc's tokens
    after the previous docs'); each per-token list has one more entry, for index -1 (no
    token), which keeps its empty value. A state is [stack, re-buffer, next word never yet
    shifted, end of its doc]."""

    def __init__(self, docs: list[Doc]) -> None:
        preset: list[int] = []
        self.live: list[list] = []
        for doc in docs:
            if len(doc):
                self.live.append([[], [], len(preset), len(preset) + len(doc)])
                preset.extend(doc.to_array("SENT_START").astype(numpy.int64).tolist())
        preset.append(0)
        self.starts = [v == 1 for v in preset]  # (BREAK adds starts)
        self.cannot_start = [v == -1 for v in preset]
        n = len(preset)
        self.heads, self.labels, self.unshiftable = [-1] * n, [0] * n, [False] * n
        # each head's most recent left and right child, and each child's sibling added before it
        self.last_left, self.last_right, self.before = [-1] * n, [-1] * n, [-1] * n
        self._context: list[tuple[int, int, int, int]] = []

    def context(self) -> tuple[list[int], list[int]]:
        """The live states' feature tokens (8 each, flat: ``set_context_tokens``) and which
        moves are valid for each (bits 1 SHIFT, 2 REDUCE, 4 LEFT, 8 RIGHT, 16 BREAK:
        ``arc_eager.pyx``'s ``is_valid``)."""
        tokens: list[int] = []
        codes: list[int] = []
        context = self._context = []
        starts, cannot, unshiftable = self.starts, self.cannot_start, self.unshiftable
        last_left, last_right = self.last_left, self.last_right
        for stack, rebuffer, nxt, end in self.live:
            depth, waiting = len(stack), len(rebuffer)
            s0 = stack[-1] if depth else -1
            if waiting:
                b0 = rebuffer[-1]
                b1 = rebuffer[-2] if waiting > 1 else (nxt if nxt < end else -1)
            else:
                b0, b1 = (nxt if nxt < end else -1), (nxt + 1 if nxt + 1 < end else -1)
            tokens += (b0, b1, s0, stack[-2] if depth > 1 else -1, stack[-3] if depth > 2 else -1,
                       last_left[b0], last_left[s0], last_right[s0])
            length = end - nxt + waiting
            code = 0
            if not depth or (length >= 2 and not starts[b0] and not unshiftable[b0]):
                code = 1
            if depth:
                if length == 0 or not (depth == 1 and cannot[b0]):
                    code |= 2
                if length and not starts[b0]:
                    code |= 12
            if length >= 2 and b1 == b0 + 1 and not starts[b1] and not cannot[b1]:
                code |= 16
            codes.append(code)
            context.append((s0, b0, b1, depth))
        return tokens, codes

    def advance(self, guesses: list[int], codes: list[int], moves: list[int], labels: list[int]) -> None:
        """Take each live state's action (``arc_eager.pyx``'s ``transition``s), then drop the
        states that are final."""
        still = []
        for state, guess, code, (s0, b0, b1, depth) in zip(self.live, guesses, codes, self._context, strict=True):
            stack, rebuffer = state[0], state[1]
            move = moves[guess]
            if not code >> move & 1:  # all invalid: the first, invalid, was the largest of -inf
                raise Unreproduced("no valid action")  # (spaCy forces the state final)
            if move == SHIFT or move == RIGHT:
                if move == RIGHT:
                    self._add_arc(s0, b0, labels[guess])
                if rebuffer:
                    rebuffer.pop()
                else:
                    state[2] += 1
                stack.append(b0)
            elif move == REDUCE:
                stack.pop()
                if self.heads[s0] < 0 and depth > 1:
                    self.unshiftable[s0] = True
                    rebuffer.append(s0)
            elif move == LEFT:
                self._add_arc(b0, s0, labels[guess])
                self.unshiftable[b0] = False
                stack.pop()
            else:
                self.starts[b1] = True
            if stack or rebuffer or state[2] < state[3]:
                still.append(state)
        self.live = still

    def _add_arc(self, head: int, child: int, label: int) -> None:
        """``StateC.add_arc``: an earlier head's arc removed, then the new one added last."""
        old = self.heads[child]
        if old >= 0:
            last = self.last_left if old > child else self.last_right
            if last[old] != child:
                raise Unreproduced("an arc removed from the middle of its head's children")
            last[old] = self.before[child]
        last = self.last_left if head > child else self.last_right
        self.before[child], last[head] = last[head], child
        self.heads[child], self.labels[child] = head, label
