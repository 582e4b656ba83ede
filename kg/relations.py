"""Relation evidence from a spaCy ``Doc``: dependency rules between entity mentions.

Rules live in ``kg/data/relation_patterns.json`` (plus files the user adds with
``--relation-patterns``): each is a spaCy DependencyMatcher pattern whose named anchors
give the two ends and the word that labels the relation. A few rules that need to walk
a noun phrase (titles, modifiers, "X-Y" pairs, "south of", joint actions) are built in
and switched on by name in the same file. Word lists live in ``relation_lexicon.json``.

Ends that are not entity mentions are resolved by simple, explainable rules (see
:class:`Context`): appositions, relative pronouns, pronouns, definite descriptions
("the carrier") and stand-ins ("Japan's government"); every such step is recorded in
the evidence's ``attrs["resolved"]``.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy
from spacy.attrs import HEAD, IDS, POS
from spacy.matcher import DependencyMatcher, Matcher
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.schema import Evidence, Mention

RELATION_PATTERNS = "relation_patterns.json"
RELATION_LEXICON = "relation_lexicon.json"
BUILTINS = ("title-role", "envoy-role", "modifier", "hyphen-pair", "direction-of", "reciprocal", "place-kind",
            "name-country")
SUBJECTS = {"nsubj", "csubj"}
NOUNISH = {"NOUN", "PROPN", "PRON", "NUM", "X"}
# Entity types that can own, operate or contain something else.
OWNER_TYPES = {"ORG", "GPE", "NORP"}
PLACE_TYPES = {"GPE", "LOC", "FACILITY"}
VEHICLE_TYPES = {"SHIP", "AIRCRAFT", "WEAPON"}


@lru_cache(maxsize=1)
def default_lexicon() -> dict:
    """The word lists of kg/data/relation_lexicon.json."""
    from kg.nlp import data_path

    return json.loads(data_path(RELATION_LEXICON).read_text(encoding="utf-8"))


@dataclass
class Rule:
    """One DependencyMatcher rule: which anchors are the ends, which word labels it."""

    name: str
    source: str
    target: str
    verb: str
    label: str = "{verb}"
    symmetric: bool = False
    source_types: list[str] = field(default_factory=list)
    target_types: list[str] = field(default_factory=list)
    no_lists: bool = False  # skip matches inside a list ("Japan, the U.S. and South Korea" is not an apposition)
    active_only: bool = False  # skip clauses in the passive voice (their subject is the agent, not the mover)
    fallback: bool = False  # kept only when no other rule links the same two mentions in the same sentence
    no_fronted: bool = False  # skip a 'prep' anchor opening its sentence before a comma ('Across the Atlantic, X ...')
    unowned: list[str] = field(default_factory=list)  # anchors with no possessive ('its first outside Europe')
    unnamed: list[str] = field(default_factory=list)  # anchors that stand for no mention ('a Tu-134 plane' does)


# Dependencies by which a model's name inside a vehicle noun's phrase hangs on the noun ('Japan's F-35 jets').
MODEL_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})
# Dependencies by which a name written after a common noun is that noun's own name ('the destroyer JS Takanami').
NAMING_DEPS = frozenset({"appos", "compound", "nmod"})


def in_list(tok: Token) -> bool:
    """True when the token is a member of a coordination (it or its head has a conjunct)."""
    return bool(tok.conjuncts) or any(c.dep_ in {"cc", "conj"} for c in tok.head.children)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "attr", "dative", "oprd"})


def _subject_of_next_clause(conjunct: Token) -> bool:
    """A conjunct right followed by a finite verb is the subject of a clause the parser hung on it ('opposes the
    sale, and the People's Liberation Army (PLA) sent 32 aircraft'): no second object of the first clause's
    relation (checked for objects only: a subject's conjunct is always followed by the verb)."""
    nxt = max([conjunct.i] + [c.right_edge.i for c in conjunct.children if c.dep_ not in {"conj", "cc"}]) + 1
    return nxt < len(conjunct.doc) and conjunct.i > 0 and conjunct.doc[nxt].tag_ in FINITE_TAGS and \
        conjunct.doc[nxt].pos_ in {"VERB", "AUX"}


def _own_modifier(tok: Token, conjunct: Token, mods: list[Token]) -> bool:
    """True when a rule's word hanging on tok (a participle, an apposition, a possessive) is tok's alone, not its
    conjunct's: it stands between the two ("the SAF, led by X, and the RSF") or the conjunct has its own word of that
    kind ("..., and the RSF, commanded by Y"; "the Turkish Navy's TCG X and the Indonesian Navy's KRI Y"; a determiner
    for a possessive)."""
    for mod in mods:
        if min(tok.i, conjunct.i) < mod.i < max(tok.i, conjunct.i):
            return True
        if any(c.dep_ == mod.dep_ for c in conjunct.children):
            return True
        if mod.dep_ == "poss" and any(c.dep_ == "det" for c in conjunct.children):
            return True  # "Japan's Diet and the Philippine Senate": a possessive is a determiner, the conjunct has one
        if mod.dep_ == "prep" and tok.dep_ == "conj" and conjunct.i < tok.i:
            return True  # 'Scarborough Shoal and Second Thomas Shoal in the Spratlys': the parser hung it on the last
        if mod.dep_ == "acl" and _common_noun_apart(tok) and conjunct.pos_ == "PROPN":
            return True  # 'howitzers from Hanwha Aerospace and Krab howitzers made by HSW': no Hanwha made by HSW
    return False


def _own_owner(tok: Token, conjunct: Token) -> bool:
    """An apposition's conjunct with a possessive owner of its own ("Burkina Faso's leader, Captain X, and Niger's
    General Y"): the noun the apposition describes is tok's alone."""
    return tok.dep_ == "appos" and any(c.dep_ == "poss" for c in conjunct.children) and not any(
        c.dep_ == "poss" for c in tok.children)


def _common_noun_apart(tok: Token) -> bool:
    """A common noun joined to a name is a thing apart from it ('Hanwha Aerospace and Krab howitzers made by ...',
    'Fincantieri and frigates built by ...'), unless 'other' makes the name one of them ('Fiat and other brands
    owned by ...')."""
    return tok.pos_ == "NOUN" and not any(c.lower_ in {"other", "similar"} for c in tok.lefts)


def fronted(prep: Token, places: set[str]) -> bool:
    """A phrase opening its sentence and closed by a comma frames the whole clause ('Across the Atlantic, the FTC
    has been examining ...', 'For Microsoft, the ruling ...'): no argument of the verb, unless it says where ('In
    Karachi, the navy began ...')."""
    if prep.lower_ in places or any(not (t.is_space or t.is_punct) for t in prep.doc[prep.sent.start:prep.i]):
        return False
    end = prep.right_edge.i + 1
    return end < len(prep.doc) and prep.doc[end].text == ","


def detached(prep: Token, words: dict[str, set[str]]) -> bool:
    """A preposition that adds a second member to a noun ('the biggest suppliers, together with Micron'; a verb's
    'resigned together with X' still says with whom) or sets its object apart ('a separate group from the Afghan
    Taliban', 'independent of Moscow') relates nothing to its head."""
    if absolute_with(prep, words["absolute_with_words"]):
        return True
    near = [c for c in [*prep.children, *prep.head.children] if c.dep_ in {"amod", "advmod", "acomp"} and c.i < prep.i]
    if any(c.lower_ in words["member_words"] for c in near):
        return prep.head.pos_ not in {"VERB", "AUX"}
    return any(c.lower_ in words["apart_words"] for c in near)


def absolute_with(prep: Token, after: set[str]) -> bool:
    """', with X among the officials present', ', with Y looking on': a 'with' after a comma, then a word of
    relation_lexicon absolute_with_words close to the end of the sentence (at most 20 words after the object, 5
    before the end), says who was there, not with whom the verb was done."""
    if prep.lower_ != "with" or prep.i == 0 or prep.doc[prep.i - 1].text != ",":
        return False
    end = prep.sent.end
    start = prep.right_edge.i + 1
    return any(t.lower_ in after for t in prep.doc[max(start, end - 6) : min(end, start + 20)])


def is_passive(verb: Token) -> bool:
    """True when the verb's clause is in the passive voice ("was built", "is located")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _expand(value, lexicon: dict, where: str):
    """Replace "@list" references in a pattern by the lexicon's word list."""
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in lexicon or not isinstance(lexicon[value[1:]], list):
            raise ValueError(f"{where}: unknown word list {value!r}")
        return list(lexicon[value[1:]])
    if isinstance(value, dict):
        return {k: _expand(v, lexicon, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, lexicon, where) for v in value]
    return value


def load_rules(paths: Iterable[Path], lexicon: dict | None = None) -> tuple[list[tuple[Rule, list[dict]]], set[str]]:
    """Rules and enabled built-ins from JSON files; a bad file raises ValueError naming it."""
    lexicon = lexicon if lexicon is not None else default_lexicon()
    rules, builtins = [], set()
    for path in paths:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}: cannot read relation rules ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("rules", []), list):
            raise ValueError(f"{path}: relation rules must be a JSON object with a 'rules' list")
        for i, spec in enumerate(data.get("rules", [])):
            where = f"{path}: rule {spec.get('name', i) if isinstance(spec, dict) else i}"
            try:
                rule = Rule(spec["name"], spec["source"], spec["target"], spec.get("verb", spec["source"]),
                            spec.get("label", "{verb}"), bool(spec.get("symmetric", False)),
                            list(spec.get("source_types", [])), list(spec.get("target_types", [])),
                            bool(spec.get("no_lists", False)), bool(spec.get("active_only", False)),
                            bool(spec.get("fallback", False)), bool(spec.get("no_fronted", False)),
                            list(spec.get("unowned", [])), list(spec.get("unnamed", [])))
                pattern = _expand(spec["pattern"], lexicon, where)
            except (KeyError, TypeError) as exc:
                raise ValueError(f"{where}: missing or bad field {exc}") from None
            ids = {p.get("RIGHT_ID") for p in pattern}
            for anchor in (rule.source, rule.target, rule.verb):
                if not anchor.startswith("@") and anchor not in ids:
                    raise ValueError(f"{where}: anchor {anchor!r} is not in the pattern")
            rules.append((rule, pattern))
        unknown = set(data.get("builtins", [])) - set(BUILTINS)
        if unknown:
            raise ValueError(f"{path}: unknown built-in rules {sorted(unknown)} (known: {', '.join(BUILTINS)})")
        builtins.update(data.get("builtins", []))
    return rules, builtins


class SharedNodeMatcher(DependencyMatcher):
    """spaCy's DependencyMatcher, same matches in the same order, with cheaper steps.

    spaCy runs one token pattern per node of every rule (113 here, 57 distinct) through its token Matcher
    over the whole Doc, walks each matched token's ancestors to find its tree's root, then tries every
    combination of candidate tokens of every rule in every tree. Here all distinct node patterns are tested at
    once on columns of token attributes (:class:`NodeTests`, numpy), roots come from one pass over the head
    array, a rule is tried only in the trees that hold a candidate for each of its nodes (one product of a rule × node
    incidence matrix and a node × tree presence matrix finds them all, no Python loop over nodes), and candidates are
    combined node by node, dropping a partial combination as soon as one of its relations fails
    (:meth:`_tree_matches`). Node patterns the columns cannot express go through spaCy's Matcher; the
    relation operators are spaCy's.
    """

    def add(self, key, patterns, *, on_match=None) -> None:
        """As DependencyMatcher.add; the table of distinct node patterns is rebuilt on the next call."""
        super().add(key, patterns, on_match=on_match)
        self._distinct = None
        self._plans: dict[int, tuple] = {}

    def _distinct_nodes(self) -> tuple[NodeTests, Matcher, dict[int, int], list[tuple[int, dict, list[int]]],
                                       numpy.ndarray, numpy.ndarray]:
        """The node patterns, each distinct one once: column tests of those the columns can express, a Matcher with
        the others (match id → node number, after the column nodes); and per pattern of every rule, in the order
        added, (rule key, tree, node number of each of its nodes), with its rule × node incidence matrix and the
        number of distinct nodes each needs."""
        if getattr(self, "_distinct", None) is None:
            keys: dict[str, list[int]] = {}
            for key, node_patterns in self._patterns.items():
                for pattern, node_keys in zip(node_patterns, self._tokens_to_key[key], strict=True):
                    for (attrs,), node_key in zip(pattern, node_keys, strict=True):
                        keys.setdefault(json.dumps(attrs, sort_keys=True), []).append(node_key)
            tested, untested = [], []
            for attrs, node_keys in keys.items():
                tests = column_tests(json.loads(attrs))
                (tested if tests is not None else untested).append((tests, attrs, node_keys))
            node_of: dict[int, int] = {}
            matcher, ids = Matcher(self.vocab), {}
            for n, (_tests, attrs, node_keys) in enumerate(tested + untested):
                node_of.update(dict.fromkeys(node_keys, n))
                if n >= len(tested):
                    name = f"kg-node-{n}"
                    matcher.add(name, [[json.loads(attrs)]])
                    ids[self.vocab.strings[name]] = n
            rows = [(key, tree, [node_of[k] for k in node_keys]) for key in self._patterns
                    for tree, node_keys in zip(self._tree[key], self._tokens_to_key[key], strict=True)]
            incidence = numpy.zeros((len(rows), len(keys)), dtype=numpy.int64)
            for r, (_key, _tree, nodes) in enumerate(rows):
                incidence[r, nodes] = 1
            self._distinct = (NodeTests([t for t, _, _ in tested]), matcher, ids, rows, incidence,
                              incidence.sum(axis=1))
        return self._distinct

    def _candidates(self, doc: Doc, ent_types: dict[int, str] | None = None
                    ) -> Iterator[tuple[int, dict, list[list[int]]]]:
        """(rule key, tree, candidate positions per node) for every pattern and every dependency tree of the Doc
        that holds a candidate for each of its nodes: patterns in the order added, trees in the order of their first
        matched token (as spaCy lists them), positions ascending. ent_types (token → entity type) overrides the Doc's
        ENT_TYPE of those tokens in the column tests."""
        tests, matcher, ids, rows, incidence, needed = self._distinct_nodes()
        columns = doc.to_array(COLUMN_ATTRS).reshape(len(doc), len(COLUMN_ATTRS))
        if ent_types:
            at = numpy.fromiter(ent_types, dtype=numpy.int64, count=len(ent_types))
            columns[at, COLUMN_NAMES.index("ENT_TYPE")] = [get_string_id(t) for t in ent_types.values()]
        nodes, positions = tests.matches(columns)
        if matcher:
            found = sorted((ids[match_id], start) for match_id, start, _end in matcher(doc))
            nodes = numpy.concatenate([nodes, numpy.array([n for n, _ in found], dtype=numpy.int64)])
            positions = numpy.concatenate([positions, numpy.array([p for _, p in found], dtype=numpy.int64)])
        if not len(nodes):
            return
        # Rank of each tree (by its root) in the order of its first matched token.
        roots = tree_roots(doc)
        first_roots = list(dict.fromkeys(roots[numpy.unique(positions)].tolist()))
        rank = numpy.zeros(len(doc), dtype=numpy.int64)
        rank[first_roots] = numpy.arange(len(first_roots))
        trees = rank[roots[positions]]
        order = numpy.lexsort((positions, trees, nodes))
        nodes, positions, trees = nodes[order], positions[order], trees[order]
        present = numpy.zeros((incidence.shape[1], len(first_roots)), dtype=numpy.int64)
        present[nodes, trees] = 1
        pairs = numpy.nonzero(incidence @ present == needed[:, None])  # (pattern, tree), by pattern then tree
        if not len(pairs[0]):
            return
        # Each (node, tree) group's first and end index in the sorted pairs, looked up all at once.
        codes = nodes * len(first_roots) + trees
        wanted = [n * len(first_roots) + t for r, t in zip(*(p.tolist() for p in pairs), strict=True)
                  for n in rows[r][2]]
        lows = numpy.searchsorted(codes, wanted, side="left").tolist()
        highs = numpy.searchsorted(codes, wanted, side="right").tolist()
        flat = positions.tolist()
        at = 0
        for r in pairs[0].tolist():
            key, tree, pattern_nodes = rows[r]
            yield key, tree, [flat[lows[i]:highs[i]] for i in range(at, at + len(pattern_nodes))]
            at += len(pattern_nodes)

    def __call__(self, doclike: Doc | Span, ent_types: dict[int, str] | None = None) -> list[tuple[int, list[int]]]:
        """(rule key, token per node) for every match: rules in the order added, then trees, then candidates
        in itertools.product order, as spaCy's DependencyMatcher.__call__ lists them. ent_types (token index of a
        Doc → entity type) is the type the node patterns see for those tokens instead of the Doc's ENT_TYPE."""
        if isinstance(doclike, Span):
            doclike = doclike.as_doc(copy_user_data=True)
        if not isinstance(doclike, Doc):
            raise ValueError(f"expected a Doc or a Span, got {type(doclike).__name__}")
        doc = doclike
        cache: dict = {}  # (token, operator) → related tokens; "heads": the head array
        matched: list[tuple[int, list[int]]] = []
        for key, tree, candidates in self._candidates(doc, ent_types):
            if "heads" not in cache:
                cache["heads"] = head_indices(doc).tolist()
            matched.extend((key, m) for m in self._tree_matches(cache, doc, tree, candidates))
        for i, (key, _nodes) in enumerate(matched):
            on_match = self._callbacks.get(key)
            if on_match is not None:
                on_match(self, doc, i, matched)
        return matched

    def _tree_matches(self, cache: dict, doc: Doc, tree: dict, candidates: list[list[int]]) -> list[list[int]]:
        """The combinations of candidates (one per node) that satisfy every relation of the tree, in
        itertools.product order. Nodes get their token in order; a relation is checked as soon as both its nodes
        have one: one from an earlier node narrows the next node's candidates to the tokens in that relation."""
        plan = self._plans.get(id(tree))
        if plan is None:
            plan = self._plans[id(tree)] = self._plan(tree, len(candidates))
        found: list[list[int]] = []
        self._extend(cache, doc, plan, candidates, [0] * len(candidates), 0, found)
        return found

    def _extend(self, cache: dict, doc: Doc, plan: tuple, candidates: list[list[int]], chosen: list[int],
                depth: int, found: list[list[int]]) -> None:
        """_tree_matches from node `depth` on, the earlier nodes' tokens in `chosen`, each match appended to `found`
        (a plain call per node, not a generator: most trees hold no match). A method, not a closure that calls
        itself: such a closure is a reference cycle, left with everything it holds for the collector. The child
        operator (">", most rules' only one) is a test on the head array."""
        heads = cache["heads"]
        parents, into, children, out_of = plan[depth]
        pool = candidates[depth]
        for left in parents:
            parent = chosen[left]
            pool = [position for position in pool if heads[position] == parent and position != parent]
        for left, op in into:
            related = self._related(cache, doc, chosen[left], op)
            pool = [position for position in pool if position in related]
        last = depth == len(candidates) - 1
        for position in pool:
            chosen[depth] = position
            if any(heads[chosen[right]] != position or chosen[right] == position for right in children):
                continue
            if out_of and not all(chosen[right] in self._related(cache, doc, position, op) for op, right in out_of):
                continue
            if last:
                found.append(list(chosen))
            else:
                self._extend(cache, doc, plan, candidates, chosen, depth + 1, found)

    def _plan(self, tree: dict, nodes: int) -> list[tuple[list[int], list[tuple[int, str]], list[int],
                                                          list[tuple[str, int]]]]:
        """Per node of a pattern, the relations to check once that node has its token: the earlier nodes it is a
        child of, its other relations from an earlier node (left, op), the earlier nodes (or itself) that are its
        children, and its other relations to an earlier node or itself (op, right)."""
        plan: list[tuple[list[int], list[tuple[int, str]], list[int], list[tuple[str, int]]]] = [
            ([], [], [], []) for _ in range(nodes)]
        for left, edges in list(tree.items()):
            for op, right in edges:
                if left < right:
                    if op == ">":
                        plan[right][0].append(left)
                    else:
                        plan[right][1].append((left, op))
                elif op == ">":
                    plan[left][2].append(right)
                else:
                    plan[left][3].append((op, right))
        return plan

    def _related(self, cache: dict, doc: Doc, node: int, op: str) -> frozenset[int]:
        """The tokens in relation `op` (any but ">") to token `node` by spaCy's own function, computed once per
        call."""
        found = cache.get((node, op))
        if found is None:
            found = cache[node, op] = frozenset(t.i for t in self._ops[op](doc, node))
        return found


class NodeTests:
    """Column tests of many node patterns, run on a Doc's attribute array all at once.

    Every tested value of a column is looked up in one sorted table (numpy.searchsorted), giving a token ×
    test matrix; a node pattern matches where all its tests hold (numpy.logical_and.reduceat over its tests).
    """

    def __init__(self, nodes: list[list[tuple[int, str, object]]]):
        self.columns: list[tuple[int, numpy.ndarray, numpy.ndarray]] = []  # (column, sorted values, value × test)
        negate: list[bool] = []
        owner: list[int] = []  # the node of each test, in the order of the matrix's test columns
        for column in range(len(COLUMN_NAMES)):
            tests = [(n, op, numpy.atleast_1d(numpy.asarray(value, dtype=numpy.uint64)))
                     for n, node in enumerate(nodes) for c, op, value in node if c == column]
            if not tests:
                continue
            values = numpy.unique(numpy.concatenate([v for _, _, v in tests]))
            table = numpy.zeros((len(values) + 1, len(tests)), dtype=bool)  # last row: a value no test names
            for j, (_n, _op, wanted) in enumerate(tests):
                table[numpy.searchsorted(values, wanted), j] = True
            self.columns.append((column, values, table))
            negate += [op == "NOT_IN" for _, op, _ in tests]
            owner += [n for n, _, _ in tests]
        self.negate = numpy.array(negate, dtype=bool)
        self.by_node = numpy.argsort(numpy.array(owner, dtype=numpy.int64), kind="stable")  # tests grouped by node
        self.tested = numpy.unique(numpy.array(owner, dtype=numpy.int64))  # nodes with at least one test
        self.starts = numpy.searchsorted(numpy.array(owner, dtype=numpy.int64)[self.by_node], self.tested)
        self.nodes = len(nodes)

    def matches(self, columns: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(node, position) of every token that matches a node pattern, ordered by node then position."""
        held = [numpy.zeros((len(columns), 0), dtype=bool)]
        for column, values, table in self.columns:
            value = columns[:, column]
            at = numpy.minimum(numpy.searchsorted(values, value), max(len(values) - 1, 0))
            known = values[at] == value if len(values) else numpy.zeros(len(value), dtype=bool)
            held.append(table[numpy.where(known, at, len(values))])
        passed = (numpy.hstack(held) ^ self.negate)[:, self.by_node]
        node_ok = numpy.ones((self.nodes, len(columns)), dtype=bool)  # a node with no test matches every token
        if len(self.tested) and len(columns):
            node_ok[self.tested] = numpy.logical_and.reduceat(passed, self.starts, axis=1).T
        nodes, positions = numpy.nonzero(node_ok)
        return nodes.astype(numpy.int64), positions.astype(numpy.int64)


# Token attributes node patterns can test as array columns (the values spaCy's Matcher compares as well).
COLUMN_NAMES = ("ORTH", "LOWER", "NORM", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "SHAPE")
COLUMN_ATTRS = [IDS[name] for name in COLUMN_NAMES]


def column_tests(attrs: dict) -> list[tuple[int, str, object]] | None:
    """(column, "==" / "IN" / "NOT_IN", string id or array of ids) per attribute of a node pattern, or None
    when some attribute or operator is not a plain string test of a column."""
    tests = []
    for name, value in attrs.items():
        name = "ORTH" if name.upper() == "TEXT" else name.upper()
        if name not in COLUMN_NAMES:
            return None
        column = COLUMN_NAMES.index(name)
        if isinstance(value, str):
            tests.append((column, "==", get_string_id(value)))
        elif (isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN")
              and isinstance(next(iter(value.values())), list)
              and all(isinstance(v, str) for v in next(iter(value.values())))):
            op, words = next(iter(value.items()))
            tests.append((column, op, numpy.array([get_string_id(w) for w in words], dtype=numpy.uint64)))
        else:
            return None
    return tests


def head_indices(doc: Doc) -> numpy.ndarray:
    """Index of each token's syntactic head (its own index for a root), from the Doc's array of head offsets."""
    return doc.to_array([HEAD]).astype(numpy.int64).ravel() + numpy.arange(len(doc), dtype=numpy.int64)


def tree_roots(doc: Doc) -> numpy.ndarray:
    """Index of each token's dependency-tree root (the token itself when it has no head), by pointer jumping."""
    roots = head_indices(doc)
    while True:
        up = roots[roots]
        if numpy.array_equal(up, roots):
            return roots
        roots = up


def word_sets(lexicon: dict) -> dict[str, set[str]]:
    """Each word list of the lexicon as a set."""
    return {k: set(v) for k, v in lexicon.items() if isinstance(v, list)}


class RelationMatcher:
    """Applies dependency rules and built-in phrase rules to a Doc; returns Evidence between mentions."""

    def __init__(self, vocab: Vocab, paths: Iterable[Path], lexicon: dict | None = None):
        self.lexicon = lexicon if lexicon is not None else default_lexicon()
        self.words = word_sets(self.lexicon)  # built once, not per Doc
        self.matcher = SharedNodeMatcher(vocab)
        self.rules: dict[str, Rule] = {}
        self.anchors: dict[str, list[str]] = {}
        rules, self.builtins = load_rules(paths, self.lexicon)
        for rule, pattern in rules:
            try:
                self.matcher.add(rule.name, [pattern])
            except ValueError as exc:
                raise ValueError(f"relation rule {rule.name!r}: invalid pattern ({exc})") from None
            self.rules[rule.name] = rule
            self.anchors[rule.name] = [p["RIGHT_ID"] for p in pattern]

    def __call__(self, doc: Doc, mentions: list[Mention], token_mention: dict[int, int],
                 sent_index: dict[int, int] | None = None) -> list[Evidence]:
        """Evidence found in doc; sent_index (sentence start token → DocResult sentence) places each
        piece of evidence in the sentence that states it, which may differ from where its ends are named."""
        ctx = Context(doc, mentions, token_mention, self.lexicon, sent_index, self.words)
        found: dict[tuple, Evidence] = {}
        stated: set[tuple] = set()  # (source, target, sentence, anchor): one label per statement, first rule wins
        fallbacks: list[Evidence] = []
        for ev, anchor in self._matches(ctx):
            if self.rules[ev.rule].fallback:
                fallbacks.append(ev)
            elif (ev.source, ev.target, ev.sent, anchor) not in stated:
                stated.add((ev.source, ev.target, ev.sent, anchor))
                found.setdefault((ev.source, ev.target, ev.relation), ev)
        for name in BUILTINS:
            if name in self.builtins:
                for ev in BUILTIN_RULES[name](ctx):
                    found.setdefault((ev.source, ev.target, ev.relation), ev)
        linked = {(ev.sent, frozenset((ev.source, ev.target))) for ev in found.values()}
        for ev in fallbacks:
            if (ev.sent, frozenset((ev.source, ev.target))) not in linked:
                found.setdefault((ev.source, ev.target, ev.relation), ev)
        for ev in containment_chains(ctx, list(found.values())):
            found.setdefault((ev.source, ev.target, ev.relation), ev)
        return list(found.values()) + list(ctx.coreferences())

    def _matches(self, ctx: Context) -> Iterator[tuple[Evidence, int]]:
        """(evidence, anchor token index) for every match, rules in file order."""
        doc = ctx.doc
        order = {name: i for i, name in enumerate(self.rules)}
        matches = self.matcher(doc, mention_types(ctx.mentions, ctx.token_mention))
        for match_id, token_ids in sorted(matches, key=lambda m: (order[doc.vocab.strings[m[0]]], sorted(m[1]))):
            name = doc.vocab.strings[match_id]
            rule = self.rules[name]
            slot = {a: doc[i] for a, i in zip(self.anchors[name], token_ids, strict=True)}
            clause = slot.get(rule.verb)
            if rule.no_lists and any(in_list(t) for t in slot.values()):
                continue
            if rule.active_only and clause is not None and is_passive(clause):
                continue
            if any(c.dep_ == "poss" for a in rule.unowned for c in slot[a].children) or ctx.one_name(slot, rule):
                continue
            if any(ctx.resolve(slot[a]) for a in rule.unnamed):
                continue  # 'escorting a Tu-134 plane between X and Y': the object is a named thing, no dealing
            if clause is not None and ctx.apposed_to_nearer(slot.get(rule.source), clause):
                continue  # 'X, ..., and To Lam, the general secretary of ...': the apposition is the nearer name's
            if clause is not None and (ctx.names_another(clause) or ctx.noun_read_as_verb(clause)):
                continue  # 'X, the Japanese destroyer JS Y': the noun is Y's; 'the Philippine frigate Z' is no verb
            if rule.no_fronted and "prep" in slot and fronted(slot["prep"], ctx.words["location_preps"]):
                continue
            if "prep" in slot and detached(slot["prep"], ctx.words):
                continue
            sources = ctx.end_tokens(rule.source, slot, clause)
            targets = ctx.end_tokens(rule.target, slot, clause)
            if not any(ctx.resolve(t) for t in sources) or not any(ctx.resolve(t) for t in targets):
                continue  # no evidence (most matches): the label is not needed
            label = render_label(rule.label, slot, ctx.lexicon)
            if not label:
                continue
            for ev in ctx.evidence(name, label, sources, targets, clause, rule.symmetric,
                                   rule.source_types, rule.target_types):
                yield ev, clause.i if clause is not None else -1


def _class_name(noun: Token) -> str:
    """The last word of the class name a description's noun is written with ('Mogami' of 'the Mogami-class frigate',
    'Burke' of 'the Arleigh Burke-class destroyer'), else ''."""
    for c in noun.lefts:
        if c.lower_ == "class" and c.i >= 2 and c.doc[c.i - 1].text == "-" and c.doc[c.i - 2].text[:1].isupper():
            return c.doc[c.i - 2].text
    return ""


def mention_types(mentions: list[Mention], token_mention: dict[int, int]) -> dict[int, str]:
    """Token → kg's type of the mention it is part of, for the rules' ENT_TYPE tests: a name the model typed wrongly
    and kg retyped ('Paul Girard' read as ORG) is matched with kg's type. A demonym keeps the model's (NORP)."""
    return {i: mentions[idx].type for i, idx in token_mention.items() if not mentions[idx].demonym}


class Context:
    """One Doc's mentions plus the rules that turn a token into the entity it stands for."""

    def __init__(self, doc: Doc, mentions: list[Mention], token_mention: dict[int, int], lexicon: dict,
                 sent_index: dict[int, int] | None = None, words: dict[str, set[str]] | None = None):
        """`words` is word_sets(lexicon) when the caller keeps it (only read here)."""
        self.doc = doc
        self.sent_index = sent_index or {}
        self.mentions = mentions
        self.token_mention = token_mention
        self.lexicon = lexicon
        self.words = word_sets(lexicon) if words is None else words
        self._clauses: dict[int, int] = {}  # token → clause_of(token)
        self._descriptions: dict[int, int | None] = {}  # token → description(token)
        self._resolved: dict[tuple[int, int], list[tuple[int, str]]] = {}  # (token, depth) → resolve(token, depth)
        self.heads = self._mention_heads()
        self.descriptors = self._descriptors()
        # Mention tokens in document order, for windows found by bisection instead of a scan of every mention.
        self._tokens = sorted(token_mention.items())
        self._token_positions = [i for i, _ in self._tokens]

    @cached_property
    def countries(self) -> dict[str, list[int]]:
        """Each country the document names → its mentions (see :func:`country_mentions`)."""
        return country_mentions(self)

    @cached_property
    def datelines(self) -> set[int]:
        """Mentions of a dateline (Mention.dateline): where and by whom the story was filed, never a relation end."""
        return {i for i, m in enumerate(self.mentions) if m.dateline}

    @cached_property
    def mention_tokens(self) -> dict[int, set[int]]:
        """Mention index → the token indices it covers (built once, not per lookup)."""
        out: dict[int, set[int]] = {}
        for i, idx in self.token_mention.items():
            out.setdefault(idx, set()).add(i)
        return out

    @cached_property
    def dates_by_sentence(self) -> dict[int, list]:
        """Sentence start → the DATE entities in that sentence, in order (doc.ents rebuilds every span per call)."""
        out: dict[int, list] = {}
        for ent in self.doc.ents:
            if ent.label_ == "DATE":
                out.setdefault(ent.sent.start, []).append(ent)
        return out

    # --- mentions and their head words -------------------------------------------------
    def _mention_heads(self) -> dict[int, Token]:
        """Each mention's syntactic head: its first token whose head lies outside the mention."""
        spans: dict[int, list[int]] = {}
        for i, idx in sorted(self.token_mention.items()):
            spans.setdefault(idx, []).append(i)
        head_of = head_indices(self.doc).tolist()
        heads = {}
        for idx, toks in spans.items():
            inside = set(toks)
            outer = [i for i in toks if head_of[i] not in inside or head_of[i] == i]
            heads[idx] = self.doc[(outer or toks)[0]]
        return heads

    def _descriptors(self) -> dict[int, set[str]]:
        """Common nouns written beside each mention ("helicopter carrier Izumo" → carrier), and the last word and head
        of a name of two words or more ("Cold Creek Fire" → fire, "Court of Justice of the European Union" → court).
        A one-word name describes nothing by itself: a headline's "Runoff" read as a name is no "the runoff"."""
        out: dict[int, set[str]] = {}
        for idx, h in self.heads.items():
            nouns = self.description_nouns(h)
            m = self.mentions[idx]
            if m.type == "GPE" or m.demonym:  # 'the second Japan plant': a place before a noun says where, not what
                kinds = self.lexicon.get("type_nouns", {})
                nouns = [t for t in nouns if t.dep_ == "appos" or kinds.get(t.lemma_.lower()) in {"GPE", "LOC"}]
            words = {t.lemma_.lower() for t in nouns}
            if h.dep_ == "nsubj" and h.head.lemma_ == "be":  # "X is an American rock band" → band
                words.update(c.lemma_.lower() for c in h.head.children if c.dep_ == "attr" and c.pos_ == "NOUN")
            written = self.mentions[idx].text.split()
            if len(written) > 1:
                words.update((written[-1].lower(), h.lemma_.lower()))
            out[idx] = words
        return out

    @cached_property
    def _descriptor_words(self) -> set[str]:
        """Every word some mention's descriptors hold."""
        return set().union(*self.descriptors.values())

    def description_nouns(self, head: Token) -> list[Token]:
        """Common nouns in apposition with a mention's head word, either way round."""
        nouns = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i not in self.token_mention
                 and not self.names_another(c)]
        outer = head.head
        if outer.pos_ == "NOUN" and outer.i not in self.token_mention and (
                (head.dep_ == "appos" and not self._named_before(outer, head)) or (
                head.dep_ in {"compound", "nummod"} and outer.dep_ != "appos"
                and outer.lemma_.lower() in self._kind_nouns and not self._owner_of_vehicle(head, outer))):
            nouns.append(outer)  # "the carrier Izumo", "the JS Sazanami destroyer", "Dutch F-35 jets" (model as nummod)
        return nouns

    def _named_before(self, noun: Token, head: Token) -> bool:
        """Another mention stands before the noun as its model or name ('Dutch F-35 fighter jets, Polish F-16s'): the
        noun is that name's, and a name apposed to it is the next item of a list, not what the noun describes. An
        owner before the noun names no model ('the Maritime Self-Defense Force helicopter carrier Izumo')."""
        own = self.token_mention.get(head.i)
        return any(c.i < noun.i and c.dep_ in {"compound", "nummod"} and (idx := self.token_mention.get(c.i)) not in (
            None, own) and self.mentions[idx].type not in OWNER_TYPES for c in noun.children)

    @cached_property
    def _kind_nouns(self) -> set[str]:
        """Nouns that say what kind of thing a name before them is: vehicles, places and the type nouns."""
        return self.words["vehicles"] | self.words["places"] | set(self.lexicon.get("type_nouns", {}))

    def one_name(self, slot: dict[str, Token], rule: Rule) -> bool:
        """Both ends of a match are words of one mention ("King's College Hospital"): a name's inside states nothing,
        not even about the names joined to it ('... and Guy's')."""
        source, target = slot.get(rule.source), slot.get(rule.target)
        return source is not None and target is not None and (
            self.token_mention.get(source.i, -1) == self.token_mention.get(target.i, -2))

    def names_another(self, noun: Token) -> bool:
        """An apposed noun of a kind of thing (type_nouns, vehicles) that has a name of its own written after it
        ('HMAS X, the Japanese destroyer JS Y'): it describes that name, not the one it hangs on. A relation noun
        links the two ('Philip, his wife, Elisabeth')."""
        if noun.dep_ != "appos" or noun.pos_ != "NOUN":
            return False
        lemma = noun.lemma_.lower()
        return (lemma in self.words["vehicles"] or lemma in self.lexicon.get("type_nouns", {})) and any(
            c.i > noun.i and c.dep_ in NAMING_DEPS and c.i in self.token_mention for c in noun.children)

    def apposed_to_nearer(self, holder: Token | None, noun: Token) -> bool:
        """An apposition the parser hung on a person's name with another person's name written between them
        ('Dmitry Medvedev, the deputy chairman ..., and To Lam, the general secretary of ...'): it describes the
        nearer name, not this one."""
        if holder is None or noun.dep_ != "appos" or noun.head.i != holder.i or noun.i < holder.i:
            return False
        own = self.token_mention.get(holder.i)
        inner = {t.i for t in noun.subtree}
        return any(idx != own and i not in inner and self.mentions[idx].type == "PERSON"
                   for i, idx in self._tokens[bisect.bisect_right(self._token_positions, holder.i):
                                              bisect.bisect_left(self._token_positions, noun.i)]) or \
            self._name_of_phrase_before(holder, noun)

    def _name_of_phrase_before(self, holder: Token, noun: Token) -> bool:
        """A proper name closes a prepositional phrase written, with no comma, between the holder and the comma of its
        apposition ('deployed to the Indo-Pacific under Operation HORIZON, Canada's presence mission'): the apposition
        describes that nearer name."""
        doc, left = noun.doc, noun.left_edge.i
        if left < 2 or doc[left - 1].text != ",":
            return False
        near = doc[left - 2]
        return near.pos_ == "PROPN" and near.i > holder.i and self.token_mention.get(near.i, -1) != \
            self.token_mention.get(holder.i, -2) and near.dep_ == "pobj" and \
            not any(t.text == "," for t in doc[holder.i + 1 : near.i])

    def noun_read_as_verb(self, verb: Token) -> bool:
        """A vehicle noun the parser read as a verb after an adjective or article ('the Philippine frigate BRP X'), or
        between its owner's name and a vehicle's name ('the Turkish Navy frigate TCG Gediz')."""
        if verb.pos_ != "VERB" or verb.i == 0 or verb.lower_ not in self.words["vehicles"]:
            return False
        doc = verb.doc
        if doc[verb.i - 1].pos_ in {"ADJ", "DET"}:
            return True
        after = self.mention_of(doc[verb.i + 1]) if verb.i + 1 < len(doc) else None
        return (self.mention_of(doc[verb.i - 1]) is not None and after is not None
                and self.mentions[after].type in VEHICLE_TYPES)

    def _owner_of_vehicle(self, head: Token, noun: Token) -> bool:
        """An organisation or country before a vehicle noun owns it, is not it ('a Royal New Zealand Navy ship',
        'a Maersk container ship'): that noun is no description of the name. A name with a digit is a model read as an
        organisation ("Japan's H3 rocket")."""
        idx = self.mention_of(head)
        return (idx is not None and self.mentions[idx].type in OWNER_TYPES
                and not any(ch.isdigit() for ch in self.mentions[idx].text)
                and (noun.lemma_.lower() in self.words["vehicles"] or noun.lower_ in self.words["vehicles"]))

    def tokens_with(self, attr: str, values: Iterable[str]) -> list[Token]:
        """The Doc's tokens whose `attr` (ORTH, LOWER, POS, DEP, …) is one of `values`, in order: the built-in
        rules walk these instead of every token (a test on a column of ids; Token objects only for the hits)."""
        wanted = {get_string_id(v) for v in values}
        return [self.doc[i] for i, value in enumerate(self.doc.to_array(IDS[attr]).tolist()) if value in wanted]

    def mention_of(self, tok: Token) -> int | None:
        return self.token_mention.get(tok.i)

    # --- ends of a rule ----------------------------------------------------------------
    def end_tokens(self, anchor: str, slot: dict[str, Token], clause: Token | None) -> list[Token]:
        """The tokens an anchor names, with their conjuncts ("X and Y")."""
        if anchor == "@subject":
            base = self.subjects(clause) if clause is not None else []
        elif anchor == "@head":
            base = [clause.head] if clause is not None and clause.head.i != clause.i else []
        else:
            base = [slot[anchor]]
        out = []
        for tok in base:
            out.append(tok)
            if tok.pos_ == "NUM" and self.mention_of(tok) is None:
                continue  # 'two belonging to Elisa and one owned by Cinia': the 'one' is no name, nor its conjuncts
            mods = [t for t in slot.values() if t.head.i == tok.i and t.i != tok.i]
            out.extend(c for c in tok.conjuncts
                       if c.pos_ in NOUNISH and c not in out and not _own_modifier(tok, c, mods)
                       and not _own_owner(tok, c)
                       and not (tok.dep_ in OBJECT_DEPS and _subject_of_next_clause(c))
                       and not self._place_after_vehicle(tok, c))
        return out

    def _place_after_vehicle(self, tok: Token, conj: Token) -> bool:
        """A place name listed after a vehicle noun is no vehicle of that list ('Poland, which operates KAI's FA-50
        aircraft, the Philippines and Peru have been named' parses the countries as conjuncts of 'aircraft')."""
        idx = self.mention_of(conj)
        return idx is not None and self.mention_of(tok) is None and self.mentions[idx].type in {"GPE", "LOC"} \
            and (tok.lemma_.lower() in self.words["vehicles"] or tok.lower_ in self.words["vehicles"])

    def subjects(self, verb: Token, depth: int = 0) -> list[Token]:
        """The actor of a verb: its subject, or one inherited through conj, xcomp, purpose or -ing clauses."""
        if depth > 4:
            return []
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subj:
            return subj
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            return [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        head = verb.head
        if verb.dep_ == "conj" and head.pos_ in {"VERB", "AUX"}:
            return self.subjects(head, depth + 1)
        if verb.dep_ in {"xcomp", "advcl"} and head.pos_ in {"VERB", "AUX"}:
            participle = verb.tag_ in {"VBN", "VBG"}  # "Born in Leeds, Smith moved ..."
            if verb.dep_ == "advcl" and not participle and not any(c.lower_ == "to" for c in verb.children):
                return []
            objects = [c for c in head.children if c.dep_ == "dobj"]
            return objects if verb.dep_ == "xcomp" and objects else self.subjects(head, depth + 1)
        if verb.dep_ == "acl" and verb.tag_ in {"VBG", "VBN"}:  # "ships protecting X", "a firm founded in Y"
            return [head]
        if verb.dep_ == "acl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
            return [c for c in head.children if c.dep_ == "poss"]  # "X's mission to guard Y"
        return []

    def resolve(self, tok: Token, depth: int = 0) -> list[tuple[int, str]]:
        """Mentions a token stands for, each with how it was found ("" when it is the mention itself); found once per
        token and depth (the rules ask for the same ends again and again)."""
        found = self._resolved.get((tok.i, depth))
        if found is None:
            found = self._resolved[tok.i, depth] = self._resolve(tok, depth)
        return list(found)

    def _person_before_who(self, antecedent: Token) -> list[tuple[int, str]]:
        """'Mohamed Hamdan Dagalo, the commander of the RSF, who is known as ...': when the parser hangs 'who' on a
        mention that is no person, the person the words before it describe (appositions and 'of' phrases up); []
        when the antecedent is a person or no such person stands above it."""
        idx = self.mention_of(antecedent)
        if idx is None or self.mentions[idx].type == "PERSON":
            return []
        tok = antecedent
        while tok.dep_ in {"appos", "pobj", "prep", "compound"} and tok.head.i != tok.i:
            tok = tok.head
            up = self.mention_of(tok)
            if up is not None and self.mentions[up].type == "PERSON" and tok.dep_ != "pobj":
                return [(up, "")]
        return []

    def _resolve(self, tok: Token, depth: int) -> list[tuple[int, str]]:
        """resolve(), computed."""
        idx = self.mention_of(tok)
        if idx is not None:
            return [(idx, "")]
        if depth > 3:
            return []
        low = tok.lower_
        if low in self.words["relative_pronouns"] and tok.head.dep_ == "relcl":
            found = (low == "who" and self._person_before_who(tok.head.head)) or self.resolve(tok.head.head, depth + 1)
            return self._via(found, f"relative pronoun {tok.text!r}")
        if tok.lower_ in {"those", "that"} and tok.pos_ == "PRON":  # "those of Japan's air force"
            return self._via(self._of_object(tok, depth), f"pronoun {tok.text!r}")
        if tok.pos_ == "PRON":
            return self._pronoun(tok, depth)
        if tok.pos_ == "ADJ" and tok.dep_ == "pobj":  # 'of the paramilitary Rapid Support Forces': the parser made
            return [(idx, "") for c in tok.children  # the adjective the object and hung the name on it
                    if c.dep_ == "appos" and c.left_edge.i == tok.i + 1 and (idx := self.mention_of(c)) is not None]
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return []
        for c in tok.children:
            if c.dep_ == "appos" and self.mention_of(c) is not None:
                return [(self.mention_of(c), f"apposition {tok.text!r}")]
        if tok.dep_ == "appos" and self.mention_of(tok.head) is not None:
            return [(self.mention_of(tok.head), f"apposition {tok.text!r}")]
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":  # "X is a footballer who plays for Y"
            for subj in tok.head.children:
                if subj.dep_ == "nsubj" and self.mention_of(subj) is not None:
                    return [(self.mention_of(subj), f"predicate {tok.text!r}")]
        lemma = tok.lemma_.lower()
        if tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children):
            found = self.description(tok)
            if found is not None:
                return [(found, f"description 'the {lemma}'")]
        if lemma in self.words["place_kinds"]:  # "the Pudu district (of Kuala Lumpur)" is Pudu
            named = [c for c in tok.lefts if c.dep_ in {"compound", "nmod"} and self._own_name(c)]
            if named:
                return [(self.mention_of(named[-1]), f"place '{named[-1].text} {lemma}'")]
        if lemma in self.words["places"] and tok.dep_ not in {"nsubj", "nsubjpass"}:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in self.words["location_preps"] | {"of"}:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self._via(self.resolve(pobj, depth + 1), f"place '{lemma} {prep.lower_}'")
            return []
        indefinite = any(c.lower_ in {"a", "an"} for c in tok.children)
        if (lemma in self.words["proxies"] or tok.lower_ in self.words["proxies"]) and not indefinite:
            return self._stand_in(tok)
        if (model := self._model_in_phrase(tok)) is not None:
            return [(model, f"stand-in '{tok.text}'")]
        return []

    def _model_in_phrase(self, tok: Token) -> int | None:
        """The aircraft, ship or weapon model named inside a vehicle noun's phrase that stands for no owner ('escorted
        a Tu-134 transport plane', 'buy more Boeing AH-64 helicopters'): that model, though 'a Japanese ship' is none
        of Japan's in particular."""
        if tok.lemma_.lower() not in self.words["vehicles"] and tok.lower_ not in self.words["vehicles"]:
            return None
        return self._model_before(tok)

    def _model_before(self, tok: Token) -> int | None:
        """The last aircraft, ship or weapon mention among the words right inside a noun's phrase ('Tu-134' of 'a
        Tu-134 transport plane'), else None."""
        named = [i for c in tok.lefts if c.dep_ in MODEL_DEPS
                 and (i := self.mention_of(c)) is not None and self.mentions[i].type in VEHICLE_TYPES]
        return named[-1] if named else None

    def _own_name(self, tok: Token) -> bool:
        """True when tok is a place name that is not a country's ("Pudu" in "the Pudu district")."""
        idx = self.mention_of(tok)
        if idx is None:
            return False
        m = self.mentions[idx]
        return m.type in {"GPE", "LOC"} and not m.demonym and not is_country(m)

    def _of_object(self, tok: Token, depth: int) -> list[tuple[int, str]]:
        """What the "of" phrase after tok names ("those of X", "the army of X")."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return self.resolve(pobj, depth + 1)
        return []

    def _stand_in(self, tok: Token) -> list[tuple[int, str]]:
        """"Japan's government", "the government of Japan" → Japan; "F-16 fighters" → F-16 (a vehicle noun
        stands for the named type)."""
        vehicle = tok.lemma_.lower() in self.words["vehicles"] or tok.lower_ in self.words["vehicles"]
        owners = [(i, how) for i, how in self._of_object(tok, 2) if self.mentions[i].type in OWNER_TYPES]
        if owners:
            return self._via(owners[:1], f"stand-in '{tok.text} of'")
        if vehicle and not self._actor(tok) and (named := self._named_vehicle(tok)) is not None:
            return [(named, f"stand-in '{tok.text}'")]  # "operates KAI's FA-50 aircraft": the FA-50, not KAI
        mods = list(self._modifiers(tok))
        models = vehicle and any((i := self.mention_of(m)) is not None and self.mentions[i].type in VEHICLE_TYPES
                                 for m in mods)
        for mod in mods:
            idx = self.mention_of(mod)
            if idx is None or self.hyphen_participle(mod) is not None:  # 'Italian-built ships' are no Italy's
                continue
            kind = self.mentions[idx].type
            if kind in OWNER_TYPES and tok.lower_ in self.words["made_goods"] and not self._actor(tok):
                continue  # 'carry Chinese missiles': the maker, not the thing carried
            if kind == "ORG" and models:
                continue  # 'buy Lockheed Martin F-35A fighter jets': a company before a model is its maker
            if self.mentions[idx].demonym and tok.lemma_.lower() in self.words["nationality_nouns"]:
                continue  # 'the Finnish company': a company of that nationality, not the country
            if kind in OWNER_TYPES or (vehicle and kind in VEHICLE_TYPES):
                found = [idx] + [self.mention_of(c) for c in mod.conjuncts if self.mention_of(c) is not None]
                return [(i, f"stand-in '{tok.text}'") for i in dict.fromkeys(found)]
        return []

    def _named_vehicle(self, tok: Token) -> int | None:
        """The aircraft, ship or weapon named right inside a vehicle noun's phrase after an owner's possessive
        ("KAI's FA-50 light combat aircraft", "Japan's F-35 jets"), else None: the thing itself, not its owner."""
        return self._model_before(tok) if any(c.dep_ == "poss" for c in tok.lefts) else None

    def hyphen_participle(self, mod: Token) -> Token | None:
        """The participle a name is joined to by a hyphen before a noun ('flagged' in 'the Liberian-flagged tanker',
        'built' in 'Italian-built frigates'), else None."""
        joined = mod.head
        hyphen = joined.i == mod.i + 2 and self.doc[mod.i + 1].text in {"-", "\u2013"}
        return joined if hyphen and joined.pos_ in {"VERB", "ADJ"} and self.mention_of(joined) is None else None

    @staticmethod
    def _actor(tok: Token) -> bool:
        """The noun is its clause's actor: a subject or a passive's agent ('hit by Russian missiles')."""
        return tok.dep_ in SUBJECTS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")

    @staticmethod
    def _via(found: list[tuple[int, str]], how: str) -> list[tuple[int, str]]:
        return [(i, f"{how}; {h}" if h else how) for i, h in found]

    def _modifiers(self, tok: Token) -> Iterator[Token]:
        """Words modifying a noun from the left (compounds, possessives, adjectives), recursively; an adjective the
        parser made the subject of a noun is its modifier ('The Canadian frigate HMCS X sailed': 'Canadian' nsubj)."""
        for c in tok.lefts:
            if c.dep_ in {"compound", "poss", "nmod", "amod", "npadvmod"} or (
                    c.dep_ == "nsubj" and c.pos_ == "ADJ" and tok.pos_ == "NOUN"):
                yield c
                yield from self._modifiers(c)

    def _window(self, tok: Token, sentences: int | None) -> list[int]:
        """Mentions before tok in its sentence and the `sentences` before it (None: all), nearest first."""
        start = tok.sent.start if sentences is not None else 0
        for _ in range(sentences or 0):
            if start > 0:
                start = self.doc[start - 1].sent.start
        lo, hi = bisect.bisect_left(self._token_positions, start), bisect.bisect_left(self._token_positions, tok.i)
        found = {idx for _, idx in self._tokens[lo:hi]}
        return sorted(found, key=lambda idx: -self.mentions[idx].start)

    def _pronoun(self, tok: Token, depth: int) -> list[tuple[int, str]]:
        low = tok.lower_
        if low in self.words["person_pronouns"]:
            clause = self.clause_of(tok.i) if tok.dep_ != "poss" else -1
            for idx in self._person_antecedent(tok, clause):
                return [(idx, f"pronoun {tok.text!r}")]
            for idx in self._window(tok, None):  # no person nearby: the latest person who was a subject
                if self.mentions[idx].type == "PERSON" and self.heads[idx].dep_ in {"nsubj", "nsubjpass"} and (
                        self.clause_of(self.heads[idx].i) != clause):
                    return [(idx, f"pronoun {tok.text!r} (earlier subject)")]
            return []
        if low in self.words["thing_pronouns"] and tok.dep_ in {"nsubj", "nsubjpass", "poss"}:
            if tok.head.lemma_ == "be" and tok.dep_ == "nsubj" and any(
                    c.dep_ in {"ccomp", "xcomp", "csubj"} for c in tok.head.children):
                return []  # "it is likely that ..." has no referent
            return self._via(self._previous_subject(tok, depth), f"pronoun {tok.text!r}")
        if low in self.words["thing_pronouns"] and tok.dep_ in {"dobj", "pobj"}:
            return self._via(self._previous_object_antecedent(tok, depth), f"pronoun {tok.text!r} (object)")
        return []

    def _person_antecedent(self, tok: Token, clause: int) -> list[int]:
        """The person a pronoun stands for: the nearest one before it in its sentence, else the previous sentence's
        subject, else its nearest person ("Fujimori, the daughter of Alberto Fujimori, is running. She lost" is
        Fujimori). A person of the pronoun's own clause (verb index `clause`) is never "him" or "her" ("Lucia Gomez
        called him")."""
        people = [i for i in self._window(tok, 1) if self.mentions[i].type == "PERSON"
                  and self.clause_of(self.heads[i].i) != clause]
        own = [i for i in people if self.heads[i].sent.start == tok.sent.start]
        earlier = [i for i in people if i not in own]
        subjects = [i for i in earlier if self.heads[i].dep_ in {"nsubj", "nsubjpass"}]
        return (own or subjects or earlier)[:1]

    def _previous_object_antecedent(self, tok: Token, depth: int) -> list[tuple[int, str]]:
        """An object "it" is the previous sentence's subject when that is a thing acted upon (a ship, aircraft,
        weapon, law, facility: "The Byrd left Yokosuka. The Izumo escorted it.") and not this clause's subject."""
        if tok.sent.start == 0:
            return []
        previous = self.doc[tok.sent.start - 1].sent
        own = {idx for t in tok.sent if t.dep_ in {"nsubj", "nsubjpass"} and t.i < tok.i
               for idx, _how in self.resolve(t, depth + 1)}
        for subj in (t for t in previous if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ != "PRON"):
            for idx, how in self.resolve(subj, depth + 1):
                if self.mentions[idx].type in self.words["object_pronoun_types"] and idx not in own:
                    return [(idx, how)]
        return []

    def _previous_subject(self, tok: Token, depth: int) -> list[tuple[int, str]]:
        """The non-person subject of the clause before tok: same sentence first, then up to two sentences back
        ("The Izumo left Yokosuka. The ship is Japan's largest. It sailed to Guam.")."""
        if tok.dep_ == "poss" and (agent := self._agent_before(tok, depth)):
            return agent  # 'to be built by Airbus at its plant': the agent of its own clause
        sents = [tok.sent]
        while len(sents) < 3 and sents[-1].start > 0:
            sents.append(self.doc[sents[-1].start - 1].sent)
        for sent in sents:
            subjects = [t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.i < tok.i and t.pos_ != "PRON"
                        and (sent.start == tok.sent.start or not _attribution(t, self.words["attribution_verbs"]))]
            for subj in reversed(subjects):
                if self._vehicle_object_between(subj, tok):
                    return []  # "GDFS Essequibo shadowed the boat until it withdrew": 'it' is the unnamed boat
                for idx, how in self.resolve(subj, depth + 1):
                    if self.mentions[idx].type not in {"PERSON", "NORP"} and not self.mentions[idx].demonym:
                        return [(idx, how)]
                if subj.tag_ == "NN" and (sent.start == tok.sent.start or subj.head.lemma_ != "be"):
                    return []  # "The utility said it had cut power": 'it' is the utility, not named here; an earlier
                    # sentence that only describes ('The weather was calm.') is passed over
            if sent.start == tok.sent.start and any(t.dep_ in {"dobj", "poss"} and t.tag_ == "NN" and t.i < tok.i
                                                    and t.i not in self.token_mention for t in sent):
                return []  # "Police seized a tanker on suspicion that it cut a cable": the unnamed tanker; "the
                # committee's top Republican and its chairman": the committee
        return []

    def _agent_before(self, tok: Token, depth: int) -> list[tuple[int, str]]:
        """The named non-person agent ('by X') of the passive verb whose clause holds a possessive pronoun, written
        before it: the actor the pronoun's owner is ('built by Airbus at its plant in Manching'); else []."""
        clause = self.clause_of(tok.i)
        for t in self.doc[tok.sent.start : tok.i]:
            if t.dep_ == "pobj" and t.head.dep_ == "agent" and t.head.head.i == clause:
                return [(idx, how) for idx, how in self.resolve(t, depth + 1)
                        if self.mentions[idx].type not in {"PERSON", "NORP"} and not self.mentions[idx].demonym][:1]
        return []

    def _vehicle_object_between(self, subj: Token, tok: Token) -> bool:
        """An unnamed vehicle ('the boat', 'a tanker') is the direct object of a verb between a subject and a subject
        pronoun of its sentence: the nearer thing the pronoun may stand for ('its plant' stays the subject's)."""
        return tok.dep_ in {"nsubj", "nsubjpass"} and subj.sent.start == tok.sent.start and any(
            t.dep_ == "dobj" and t.i not in self.token_mention and t.lemma_.lower() in self.words["vehicles"]
            and not any(self.mention_of(c) is not None for c in t.children if c.dep_ in {"compound", "appos"})
            for t in self.doc[subj.i + 1 : tok.i])

    def description(self, tok: Token) -> int | None:
        """_description(tok), found once per token: both the rules' ends and the coreference records ask for it."""
        if tok.i not in self._descriptions:
            self._descriptions[tok.i] = self._description(tok)
        return self._descriptions[tok.i]

    def _description(self, tok: Token) -> int | None:
        """The earlier mention a definite description stands for: the nearest name it describes, close by or the only
        such name, else the one name of the noun's type close by. None when the noun introduces a name ("the carrier
        USS Vinson"), names its own thing ("the Popular Force party") or a new one ("the combined company"), or when
        two names fit ("the court" after the General Court and the Court of Justice). A name in the noun's own clause
        is never it ("BRP Cabra was struck by the Chinese vessel")."""
        if tok.i + 1 in self.token_mention or any(c.dep_ == "appos" and c.i in self.token_mention
                                                  for c in tok.children):
            return None  # "the carrier USS Vinson", "the carrier, USS Vinson,": the noun introduces a name
        if any(self._own_name_part(c) or c.lower_ in self.words["new_referent_modifiers"] for c in tok.lefts):
            return None
        if (named := self._named_by_of(tok)) is not None:
            return named  # "the port of Ust-Luga": the place named after 'of' itself
        lemma, own, clause = tok.lemma_.lower(), {t.i for t in tok.subtree}, self.clause_of(tok.i)
        left = tok.left_edge.i

        named_class = _class_name(tok)  # 'the upgraded Mogami-class frigate': one of that class, written before

        def fits(i: int) -> bool:
            head = self.heads[i].i
            return head not in own and head < left and self.clause_of(head) != clause and (
                not named_class or named_class in {t.text for t in self.heads[i].sent})

        window = [i for i in self._window(tok, 3) if not self.mentions[i].demonym and fits(i)]
        described = [i for i in self._window(tok, None) if lemma in self.descriptors.get(i, set()) and fits(i)] \
            if lemma in self._descriptor_words else []
        kind = self.lexicon.get("type_nouns", {}).get(lemma)
        # of the type the noun names, when some are: 'a U.S. aircraft carrier' describes the carrier, not the U.S.
        described = [i for i in described if self.mentions[i].type == kind] or described
        if described:
            near = self._closest(tok, described, window)
            if not self._one_name(near) or (near[0] not in window and not self._far_ok(tok, near[0], kind)):
                return None
            return near[0]
        typed = [i for i in window if self.mentions[i].type == kind]
        # its own sentence's subject first ("Shares of Alphabet Inc fell after the company said"; not the listener of
        # "Musk told Reuters TV that the company would ...")
        here = [i for i in typed if self.heads[i].sent.start == tok.sent.start]
        if here:
            return here[0] if self._in_subject(self.heads[here[0]]) else None
        return typed[0] if kind and typed and self._one_name(typed) else None

    def _named_by_of(self, tok: Token) -> int | None:
        """The mention after 'of' that a place noun of relation_lexicon of_named_places is written with ('the port of
        Ust-Luga' is Ust-Luga), else None; not when a name stands before the noun ('the Lazio region of central
        Italy' is Lazio)."""
        if tok.lemma_.lower() not in self.words["of_named_places"] or any(
                c.i in self.token_mention or c.pos_ == "PROPN" for c in tok.lefts):
            return None
        return next((self.token_mention[g.i] for c in tok.rights if c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj" and g.i in self.token_mention), None)

    def _closest(self, tok: Token, found: list[int], window: list[int]) -> list[int]:
        """The candidates of the nearest reach that has any: this and the previous sentence, else the window, else
        all ("The carrier USS Vinson stayed in Guam. The carrier ..." is the Vinson, whatever carrier came before)."""
        adjacent = set(self._window(tok, 1))
        return [i for i in found if i in adjacent] or [i for i in found if i in window] or found

    def _far_ok(self, tok: Token, found: int, kind: str | None) -> bool:
        """A name more than three sentences back is a bare description's antecedent only when clear: the noun has no
        name or people of its own before it ('the Swedish fleet', 'the Indian-Russian BrahMos missile') and its own
        sentence names nothing else of its kind before it ('In Khartoum, ... the capital'; 'Nvidia CEO Jensen Huang
        said the company'; the name itself or its initials may be there: 'ESA Director General ... said the agency')."""
        if any(c.i in self.token_mention or c.pos_ == "PROPN" for c in tok.lefts):
            return False
        initials = "".join(w[0] for w in self.mentions[found].text.split() if w[0].isupper())
        return not any(self.mentions[i].type == kind and not self.mentions[i].demonym and not self._one_name([i, found])
                       and self.mentions[i].text != initials for i in self._window(tok, 0))

    @staticmethod
    def _in_subject(tok: Token) -> bool:
        """The token is (part of) its clause's subject: 'Alphabet' in 'Shares of Alphabet fell', 'Florida' in 'Florida
        Governor Ron DeSantis said'."""
        while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                return True
            tok = tok.head
        return False

    def _own_name_part(self, tok: Token) -> bool:
        """A proper noun compounded with a description that names the thing itself ('the Popular Force party'); a
        country or people written there only says whose it is ('the U.S. ship'). A name of the noun's own type the
        parser hung on as a nominal modifier counts too ('the Type 12 anti-ship missile')."""
        idx = self.mention_of(tok)
        if tok.pos_ != "PROPN" or not (tok.dep_ == "compound" or (tok.dep_ == "nmod" and idx is not None and (
                self.mentions[idx].type == self.lexicon.get("type_nouns", {}).get(tok.head.lemma_.lower())))):
            return False
        return idx is None or not (self.mentions[idx].type in {"GPE", "NORP"} or self.mentions[idx].demonym)

    def _one_name(self, found: list[int]) -> bool:
        """The mentions all name one thing: each name's words open or end the longest one ("Tesla" in "Tesla Inc",
        "Vikings" in "Minnesota Vikings")."""
        names = sorted({tuple(_key(self.mentions[i]).removeprefix("the ").split()) for i in found}, key=len)
        return all(names[-1][: len(n)] == n or names[-1][len(names[-1]) - len(n):] == n for n in names)

    def coreferences(self) -> Iterator[Evidence]:
        """A "coreference" record for each pronoun or definite description resolved to an earlier sentence's mention.

        The graph counts the mention as present in the pronoun's sentence for co-occurrence
        ("Smith was born in Leeds. She studied in York." links Smith and York).
        """
        sent_of = {self.heads[idx].sent.start: self.mentions[idx].sent for idx in self.heads}  # sentences with a name
        pronouns = self.words["person_pronouns"] | self.words["thing_pronouns"]
        for tok in self.tokens_with("DEP", ("nsubj", "nsubjpass", "poss", "dobj", "pobj")):
            if tok.dep_ not in {"nsubj", "nsubjpass", "poss", "dobj", "pobj"} or tok.i in self.token_mention:
                continue
            sent = sent_of.get(tok.sent.start)
            if sent is None:
                continue
            if tok.lower_ in pronouns:
                found = self._pronoun(tok, 0)
            elif tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                idx = self.description(tok)
                found = [(idx, f"description 'the {tok.lemma_.lower()}'")] if idx is not None else []
            else:
                continue
            for idx, how in found[:1]:
                if self.heads[idx].sent.start != tok.sent.start:
                    yield Evidence(source=idx, target=idx, relation="coreference", sent=sent, rule="coreference",
                                   kind="coreference", attrs={"word": tok.text, "resolved": how})

    # --- clause attributes ---------------------------------------------------------------
    def clause_of(self, i: int) -> int:
        """Index of the verb whose clause holds token i (i itself when it is a verb or auxiliary; else the nearest one
        above it, else its tree's root); read
        from the head and part-of-speech columns and kept per token (the rules ask for the same ones many times)."""
        found = self._clauses.get(i)
        if found is None:
            heads, verbs = self._clause_columns
            cur = i
            while not verbs[cur] and heads[cur] != cur:
                cur = heads[cur]
            found = self._clauses[i] = cur
        return found

    @cached_property
    def _clause_columns(self) -> tuple[list[int], list[bool]]:
        """(head index, is a verb or auxiliary) per token."""
        pos = self.doc.to_array(POS).tolist()
        return head_indices(self.doc).tolist(), [p in (VERB, AUX) for p in pos]

    def flags(self, anchor: Token) -> tuple[bool, bool, str]:
        """(negated, hypothetical, date) of the clause around a verb anchor; a noun anchor (a title, an
        apposition) states its fact whatever the clause, so only its own "no" negates it."""
        if anchor.pos_ not in {"VERB", "AUX"}:
            return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in anchor.children), False, ""
        verb = anchor
        chain = [verb]
        while chain[-1].dep_ in {"xcomp", "conj"} and chain[-1].head.i != chain[-1].i and len(chain) < 5:
            chain.append(chain[-1].head)
        negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for t in [*chain, anchor]
                      for c in t.children)
        negated = negated or (verb.dep_ == "pcomp" and verb.head.lower_ == "without")
        negated = negated or (verb.dep_ == "ccomp" and verb.head.i < verb.i  # 'X denied that it had ...'
                              and verb.head.lemma_.lower() in self.words["denial_verbs"])
        negated = negated or any(c.dep_ == "attr" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                                 for c in verb.children)  # 'X is no relation of Y'
        hypothetical = any(c.dep_ == "aux" and c.lower_ in self.words["modals"] for t in chain for c in t.children)
        hypothetical = hypothetical or any(t.lemma_.lower() in self.words["hypothetical_verbs"] for t in chain[1:])
        hypothetical = hypothetical or any(  # the consequent of "if ..., X will ..."
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.words["conditional_marks"]
                                      for m in c.children) for c in verb.children)
        cur = verb
        for _ in range(4):
            if any(c.dep_ in {"mark", "aux"} and c.lower_ in self.words["conditional_marks"] and c.i < cur.i
                   and (c.dep_ == "mark" or c.i < min((s.i for s in cur.children if s.dep_ in SUBJECTS), default=0))
                   for c in cur.children):
                hypothetical = True
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return negated, hypothetical, self.date(verb)

    def date(self, verb: Token) -> str:
        """The first DATE entity whose clause is verb's clause."""
        for ent in self.dates_by_sentence.get(verb.sent.start, ()):
            if self.clause_of(ent.root.i) == verb.i:
                return ent.text
        return ""

    # --- evidence ------------------------------------------------------------------------
    def evidence(self, rule: str, label: str, sources: list[Token], targets: list[Token], anchor: Token | None,
                 symmetric: bool = False, source_types: Iterable[str] = (), target_types: Iterable[str] = (),
                 attrs: dict | None = None) -> Iterator[Evidence]:
        """Evidence for every resolved (source, target) pair that is two different, well-typed mentions."""
        src = [r for t in sources for r in self.resolve(t)]
        tgt = [r for t in targets for r in self.resolve(t)]
        if not src or not tgt:
            return
        negated, hypothetical, date = self.flags(anchor) if anchor is not None else (False, False, "")
        for s, s_how in src:
            for t, t_how in tgt:
                if not self._pair_ok(s, t, source_types, target_types):
                    continue
                extra = dict(attrs or {})
                how = [f"source: {s_how}"] * bool(s_how) + [f"target: {t_how}"] * bool(t_how)
                if how:
                    extra["resolved"] = "; ".join(how)
                pairs = [(s, t), (t, s)] if symmetric else [(s, t)]
                for a, b in pairs:
                    sent = self.sent_index.get(anchor.sent.start, self.mentions[a].sent) if anchor is not None \
                        else self.mentions[a].sent
                    yield Evidence(source=a, target=b, relation=label, sent=sent, rule=rule,
                                   negated=negated, hypothetical=hypothetical, date=date,
                                   attrs={**extra, "symmetric": True} if symmetric else extra)

    def _pair_ok(self, s: int, t: int, source_types: Iterable[str], target_types: Iterable[str]) -> bool:
        if s in self.datelines or t in self.datelines:
            return False
        ms, mt = self.mentions[s], self.mentions[t]
        if s == t or _key(ms) == _key(mt):
            return False
        if source_types and ms.type not in source_types and not (ms.demonym and "GPE" in source_types):
            return False
        return not (target_types and mt.type not in target_types and not (mt.demonym and "GPE" in target_types))


def is_country(m: Mention) -> bool:
    """True when the mention names a country or its people (kg's country table)."""
    names = country_names()
    return (m.name or m.text).lower() in names or m.text.lower() in names


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-case country names, variants and demonyms of kg's country table."""
    from kg.resolve import country_table

    variants, demonyms = country_table()
    return frozenset(variants) | frozenset(demonyms)


def _key(m: Mention) -> str:
    return (m.name or m.text).lower()


# --- labels ----------------------------------------------------------------------------
def verb_label(verb: Token) -> str:
    """The verb's lemma joined with its particle ("ramp_up") and a hyphenated prefix ("test_fire"); '' for a word in
    capitals, an acronym the parser took for a verb ('the destroyer ROKS Sejong': 'rok'), which labels nothing."""
    if verb.is_upper and len(verb.text) > 1:
        return ""
    parts = [verb.lemma_.lower()]
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].head.i == verb.i:
        parts.insert(0, doc[verb.i - 2].lower_)
    parts += [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return "_".join(parts)


def _hyphen_title_part(c: Token, at: int) -> bool:
    """A word the parser hung on the title as an adverbial noun, joined to it by a close hyphen ('secretary' of
    'secretary-general')."""
    return c.dep_ == "npadvmod" and c.i == at - 2 and not c.whitespace_


def noun_label(noun: Token, lexicon: dict) -> str:
    """A noun's lemma with the title words or plain-noun compounds right before it ("vice_president")."""
    mods = set(lexicon.get("title_modifiers", [])) | set(lexicon.get("titles", []))
    words = [noun.lemma_.lower()]
    at = noun.i  # the first word taken so far
    for c in reversed(list(noun.lefts)):
        if c.text == "-" and c.i == at - 1 and not c.whitespace_ and not noun.doc[c.i - 1].whitespace_:
            continue  # 'director-general': the hyphen joins two title words
        joined = c.i == at - 1 or (c.i == at - 2 and noun.doc[at - 1].text == "-" and not c.whitespace_)
        if c.i >= 2 and noun.doc[c.i - 1].text == "-" and noun.doc[c.i - 2].pos_ == "PROPN":
            break  # 'Perry-class frigate': the class names the ship, it is not part of the label
        if (c.dep_ in {"compound", "amod"} or _hyphen_title_part(c, at)) and joined and (
                c.lower_ in mods or (c.dep_ == "compound" and c.pos_ == "NOUN")):
            words.insert(0, c.lower_)
            at = c.i
        else:
            break
    doc, end = noun.doc, noun.i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].lower_ in mods:
        words.append(doc[end + 1].lower_)  # 'vice' + '-' + 'president', when the parser heads the title at 'vice'
        end += 2
    return past_title(words, [t for t in noun.subtree if t.i < at], lexicon)


def past_title(words: list[str], before: list[Token], lexicon: dict) -> str:
    """The title label of `words`, named former_<title> when a word of relation_lexicon past_title_markers stands
    before it ('a former Dutch prime minister', 'then-Prime Minister X'): that office is no longer held."""
    markers = lexicon.get("past_title_markers", ())
    if words[0] not in markers and any(t.lower_ in markers and t.dep_ in {"amod", "advmod", "compound"}
                                       for t in before):
        words = ["former", *words]
    return "_".join(words)


def render_label(template: str, slot: dict[str, Token], lexicon: dict) -> str:
    """Fill a label template from the matched anchors; '' when an anchor is missing."""

    def fill(m: re.Match) -> str:
        name = m.group(1)
        if name == "verb":
            return verb_label(slot["verb"]) if "verb" in slot else ""
        if name == "participle":
            return slot["verb"].lower_ if "verb" in slot else ""
        if name == "noun":
            return noun_label(slot["noun"], lexicon) if "noun" in slot else ""
        if name == "object":
            return slot["object"].lemma_.lower() if "object" in slot else ""
        return slot[name].lower_ if name in slot else ""

    label = re.sub(r"\{(\w+)\}", fill, template)
    label = re.sub(r"[^0-9a-z]+", "_", label.lower()).strip("_")
    return label if "__" not in label else ""


# --- built-in rules ------------------------------------------------------------------------
def group_of_people(m: Mention) -> bool:
    """A party, faith or people named by its members ('Democrat', 'Sunnis': kg/data/groups.json)."""
    from kg.lexicon import group

    return group(m.name or m.text) is not None


def _attribution(subj: Token, verbs: set[str]) -> bool:
    """The subject of a reporting verb placed after what it reports ('The rocket reached orbit, the agency said.'):
    the source of the sentence, not what a pronoun of the next sentence stands for."""
    verb = subj.head
    return verb.lemma_.lower() in verbs and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)


def title_role(ctx: Context) -> Iterator[Evidence]:
    """"Japanese Prime Minister Shinzo Abe" → Abe —prime_minister→ Japan (country or org named in the title).

    With a government title and no country in the phrase, the document's most-mentioned country is
    used and the evidence says so (attrs country_from = "document"); not for a company's or an EU body's titles
    ('Executive Vice-President': relation_lexicon.json corporate_title_modifiers), nor when another person of the
    document holds that title with that country written ('Qatari Prime Minister X' … 'Prime Minister Y').
    """
    titles = ctx.words["titles"]
    mods = ctx.words["title_modifiers"] | titles
    held: set[tuple[str, str]] = set()  # (title, country) a person of the document holds by an explicit owner
    holders: dict[str, list[set[str]]] = {}  # title → the name words of each person holding it by an explicit owner
    bare: list[tuple[str, Token, Token, dict]] = []
    for idx, head in ctx.heads.items():
        m = ctx.mentions[idx]
        if m.type != "PERSON":
            continue
        left = [t for t in head.subtree if t.i < head.i and t.i not in _span(ctx, idx) and t.dep_ != "det"]
        left = [t for t in left if t.dep_ not in {"punct"} or t.text == "-"]
        title_words = [t for t in left if t.lower_ in titles]
        nouns = [t for t in left if t.pos_ == "NOUN" and t.head.i == head.i and ctx.mention_of(t) is None]
        offices = [t for t in title_words if t.lower_ not in ctx.words["honorifics"]]  # 'Minister Prince': minister
        title_tok = (offices or title_words)[-1] if title_words else (nouns[-1] if nouns else None)
        while title_tok is not None and title_tok.head in nouns and title_tok.head.i > title_tok.i:
            title_tok = title_tok.head  # 'chief negotiator': the title word modifies the noun that ends the title
        label = _title_text(left, title_tok, mods, ctx) if title_tok is not None else _clean(m.title)
        if not label:
            continue
        owners = [t for t in left if ctx.mention_of(t) not in (None, idx) and t.lower_ not in mods]
        owner_types = OWNER_TYPES | ({"PERSON"} if label.split("_")[-1] in ctx.words["kin"] else set())
        owner_ids = [ctx.mention_of(t) for t in owners
                     if ctx.mentions[ctx.mention_of(t)].type in owner_types or ctx.mentions[ctx.mention_of(t)].demonym]
        attrs = {"title": label.replace("_", " ")}
        anchor = title_tok or head
        if owner_ids:
            held.add((label, _country_of(ctx, owner_ids[-1])))
            holders.setdefault(label, []).append(set(m.name.split()))
            yield from ctx.evidence("title-role", label, [head], [ctx.doc[ctx.heads[owner_ids[-1]].i]], anchor,
                                    attrs=attrs)
        elif (title_words and label.split("_")[-1] in ctx.words["government_titles"] and not _unnamed_owner(left, mods)
              and not ctx.words["corporate_title_modifiers"] & set(label.split("_"))):  # 'Executive Vice-President'
            bare.append((label, head, anchor, attrs))
    country, why = document_country(ctx) if bare else (None, "")
    heads = {head.i for _, head, _, _ in bare}
    for label, head, anchor, attrs in bare:
        if any(c.i in heads for c in head.conjuncts):
            continue  # 'a meeting between Prime Minister X and President Y': two leaders, likely of two countries
        owner, from_ = _sentence_capital_country(ctx, head.sent) or _sentence_dateline_country(ctx, head.sent) or (
            country, why)
        if owner is None or (label.removeprefix("former_"), _country_of(ctx, owner)) in held:  # 'Qatari PM X' … 'PM Y'
            continue  # 'Malaysian Prime Minister X' … 'former Prime Minister Y': the text says whose X is, not Y
        words = set(ctx.mentions[ctx.mention_of(head)].name.split())
        if words and any(words <= named or named <= words for named in holders.get(label, [])):
            continue  # 'Chinese Foreign Minister Wang Yi' … 'Foreign Minister Wang': his country is written already
        if _holds_office(ctx, label, _country_of(ctx, owner)):
            yield from ctx.evidence("title-role", label, [head], [ctx.heads[owner]], anchor,
                                    attrs={**attrs, "country_from": from_})


def envoy_role(ctx: Context) -> Iterator[Evidence]:
    """"Japanese Ambassador to the Philippines Kazuya Endo" → Endo —ambassador_to→ Philippines and —ambassador→
    Japan: an envoy's title and 'to' (titles.json envoy_heads) right before a place and a person name where the
    envoy is sent and, with a country or demonym before the title, by whom. Read on the words, not the parse, which
    hangs such names anywhere."""
    from kg import lexicon

    heads, doc = lexicon.words("titles.json", "envoy_heads"), ctx.doc
    for idx, head in ctx.heads.items():
        if ctx.mentions[idx].type != "PERSON" or not (span := _span(ctx, idx)):
            continue
        start = min(span)
        place = ctx.mention_of(doc[start - 1]) if start > 0 else None
        if place is None or ctx.mentions[place].type not in {"GPE", "LOC", "ORG"}:
            continue
        k = min(_span(ctx, place)) - 1
        k -= k >= 0 and doc[k].lower_ == "the"
        if k < 1 or doc[k].lower_ != "to" or doc[k - 1].lower_ not in heads:
            continue
        title = doc[k - 1]
        parts = [title.lower_]
        j = k - 2
        while j >= 0 and doc[j].lower_ in ctx.words["title_modifiers"]:  # 'special envoy', 'deputy ambassador'
            parts.insert(0, doc[j].lower_)
            j -= 1
        label, attrs = "_".join(parts), {"title": " ".join(parts)}
        yield from ctx.evidence("envoy-role", f"{label}_to", [head], [ctx.heads[place]], title, attrs=attrs)
        sender = ctx.mention_of(doc[j]) if j >= 0 else None
        if sender is not None and sender != place and (ctx.mentions[sender].type in OWNER_TYPES
                                                      or ctx.mentions[sender].demonym):
            yield from ctx.evidence("envoy-role", label, [head], [ctx.heads[sender]], title, attrs=attrs)


def _holds_office(ctx: Context, label: str, country: str) -> bool:
    """Whether `country` has the office a bare title names (relation_lexicon.json government_offices): a monarchy
    has no president, a presidential republic no prime minister; True for other titles."""
    offices = ctx.lexicon.get("government_offices", {})
    for office, group in offices.get("not_in", {}).items():
        if (label == office or label.endswith("_" + office)) and country in offices[group]:
            return False
    return True


def _sentence_capital_country(ctx: Context, sent: Span) -> tuple[int | None, str] | None:
    """A sentence opened by 'In <capital>,' ("In Washington, ... President X said") sets the country of its bare
    titles: the document's mention of that capital's country, or no guess when the document never names it; None
    when the sentence has no such opening."""
    from kg.lexicon import countries, key

    if len(sent) < 3 or sent[0].lower_ != "in" or (idx := ctx.mention_of(sent[1])) is None:
        return None
    m = ctx.mentions[idx]
    after = max(ctx.mention_tokens[idx]) + 1
    if after >= sent.end or ctx.doc[after].text != ",":
        return None
    place = countries().by_capital.get(key(m.name or m.text))
    if place is None:
        return None
    named = [i for i in ctx.countries.get(place.name, []) if not ctx.mentions[i].demonym]
    return (named[0], "sentence") if named else (None, "")


def _country_of(ctx: Context, idx: int) -> str:
    """The country a mention names (ctx.countries), or '' for another owner."""
    return next((name for name, idxs in ctx.countries.items() if idx in idxs), "")


def _unnamed_owner(left: list[Token], mods: set[str]) -> bool:
    """A proper noun in the title that is no mention ('ECB President ...' with 'ECB' untagged): the title names its
    owner, so the document's country is no guess for it."""
    words = {w for title in mods for w in re.split(r"[\s-]+", title)}  # 'vice' of 'vice-president'
    return any(t.pos_ == "PROPN" and t.is_alpha and t.lower_ not in words for t in left)


def _span(ctx: Context, idx: int) -> set[int]:
    return ctx.mention_tokens.get(idx, set())


def _clean(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")


def _title_text(left: list[Token], title_tok: Token, mods: set[str], ctx: Context) -> str:
    """The run of title words ending at the title noun ("Prime Minister" → prime_minister)."""
    words = [title_tok.lower_]
    pos = left.index(title_tok)
    for t in reversed(left[:pos]):
        if t.text == "-" and not t.whitespace_:
            continue  # 'vice-president': the hyphen joins two title words
        if t.lower_ in mods and (ctx.mention_of(t) is None or t.lower_ in ctx.words["title_modifiers"]):
            words.insert(0, t.lower_)
            pos = left.index(t)
        else:
            break
    return past_title(words, left[:pos], ctx.lexicon)


def country_mentions(ctx: Context) -> dict[str, list[int]]:
    """Each country the document names → its mentions in order: GPE names and demonyms only (a ship
    called "America" is not the country)."""
    from kg.resolve import country_table

    variants, demonyms = country_table()
    named: dict[str, list[int]] = defaultdict(list)
    for idx in sorted(ctx.heads):
        m = ctx.mentions[idx]
        key = (m.name or m.text).lower()
        country = demonyms.get(key) if m.demonym else variants.get(key) if m.type == "GPE" else None
        if country:
            named[country].append(idx)
    return named


def document_country(ctx: Context) -> tuple[int | None, str]:
    """The country a bare government title belongs to, and why: the country of a capital in the document's
    first dateline ("LONDON --"; no guess when the text never names that country, as in a Tokyo story that only
    says "U.S." and "Bank of Japan"), else (no capital, or a dateline of several places: "DAMASCUS/JERUSALEM",
    "UNITED NATIONS/CAIRO") the country named clearly more often than any other (1.5 times the next); no guess when
    two countries are named about equally."""

    named = {c: [i for i in idxs if not ctx.mentions[i].demonym] for c, idxs in ctx.countries.items()}
    places, several = dateline_countries(ctx)
    if len(places) == 1 and not several:  # filed from a capital: its country, or no guess when the text never names it
        return (named[places[0]][0], "dateline") if named.get(places[0]) else (None, "")
    # 'DAMASCUS/JERUSALEM': a dateline of two countries' capitals names neither as the story's; the counts decide
    counts = sorted(((len(v), c) for c, v in ctx.countries.items()), reverse=True)
    if counts and named.get(counts[0][1]) and (len(counts) == 1 or 2 * counts[0][0] >= 3 * counts[1][0]):
        return named[counts[0][1]][0], "document"
    return None, ""


def dateline_countries(ctx: Context) -> tuple[list[str], bool]:
    """The countries whose capitals the document's first dateline names ('MOSCOW/WASHINGTON' → Russia, United
    States; international seats left out: relation_lexicon.json international_seat_datelines), and whether that
    dateline names several places ('UNITED NATIONS/CAIRO' names one capital of two places)."""
    from kg.lexicon import countries, key

    if not ctx.datelines:
        return [], False
    first = ctx.mentions[min(ctx.datelines)].sent
    seats = ctx.words.get("international_seat_datelines", ())
    mine = [i for i in sorted(ctx.datelines) if ctx.mentions[i].sent == first]
    found = [countries().by_capital.get(city) for i in mine
             if (city := key(ctx.mentions[i].name or ctx.mentions[i].text)) not in seats]
    doc = ctx.doc
    several = any(toks and ((max(toks) + 1 < len(doc) and doc[max(toks) + 1].text == "/") or (
        min(toks) > 0 and doc[min(toks) - 1].text == "/")) for toks in (_span(ctx, i) for i in mine))
    return list(dict.fromkeys(place.name for place in found if place is not None)), several


def _sentence_dateline_country(ctx: Context, sent: Span) -> tuple[int | None, str] | None:
    """With a dateline of several places ('MOSCOW/WASHINGTON'), the country of one of its capitals that the title's
    sentence names by name ('President Vladimir Putin suspended Russia's participation'), or else by its capital
    ('told reporters in New Delhi that the committee, chaired by Prime Minister X'); when it names no country at all,
    the first place's, if that is a capital (the lead bureau: 'BOGOTA/STOCKHOLM'); (None, '') when it names more
    than one country, or another country too ('... stood by Japan, and Secretary of State X discussed ...' with the
    United States named; 'President X said the United States would allow sales to China'): no guess at all; None
    when the dateline names one place."""
    from kg.lexicon import countries, key

    places, several = dateline_countries(ctx)
    if not several or not places:
        return None
    here = {i for i in ctx.heads if sent.start <= ctx.heads[i].i < sent.end and not ctx.mentions[i].demonym}
    named_here = {c for c, idxs in ctx.countries.items() if here & set(idxs)}  # 'Pakistani advisers' names no owner
    if named_here - set(places) or len(named_here) > 1:
        return None, ""  # the sentence speaks of several countries: no guess, not even the document's
    inside = [c for c in places if c in named_here]
    if not inside:  # no country by name: a capital ('told reporters in New Delhi')
        capitals = {countries().by_capital[k].name for i in here
                    if (k := key(ctx.mentions[i].name or ctx.mentions[i].text)) in countries().by_capital}
        inside = [c for c in places if c in capitals]
    why = "dateline and sentence"
    lead = min(ctx.datelines)
    start = min(_span(ctx, lead), default=None)
    if not inside and not named_here and start is not None and (start == 0 or ctx.doc[start - 1].text != "/"):
        # the sentence names no country: the lead bureau's, the place written first
        first = countries().by_capital.get(key(ctx.mentions[lead].name or ""))
        inside, why = ([first.name] if first is not None and first.name in places else []), "dateline, first place"
    named = [i for i in ctx.countries.get(inside[0], ()) if not ctx.mentions[i].demonym] if len(inside) == 1 else []
    return (named[0], why) if named else None


def modifier(ctx: Context) -> Iterator[Evidence]:
    """Owners written inside a name's phrase: "the MSDF carrier Izumo" → Izumo —operated_by→ MSDF,
    "Japan's Ministry of Defense" → part_of, "Tokyo's Shinjuku district" → located_in."""
    vehicles = ctx.words["vehicles"]
    for idx, head in ctx.heads.items():
        m = ctx.mentions[idx]
        descs = ctx.description_nouns(head)
        is_vehicle = m.type in VEHICLE_TYPES or any(d.lemma_.lower() in vehicles for d in descs)
        own = _span(ctx, idx)
        for word in [head, *descs]:
            for mod in ctx._modifiers(word):
                other = ctx.mention_of(mod)
                if other is None or mod.i in own or ctx.heads[other].i != mod.i:
                    continue
                om = ctx.mentions[other]
                if om.demonym and _language_word(ctx, mod):
                    continue  # 'its French acronym AES': a language, no owner
                otype = "GPE" if om.demonym else om.type
                joined = ctx.hyphen_participle(mod)
                if joined is not None:  # "Tokyo-based Sony", "the Liberian-flagged tanker X": the participle says how
                    label = ctx.lexicon.get("hyphen_participles", {}).get(joined.lower_, "")
                    places = otype in {"GPE", "LOC"} or is_country(om)  # a country read as an ORG ('Cameroon-flagged')
                    if not label or not (places if label.endswith("_in") else otype in OWNER_TYPES):
                        continue
                elif mod.head.lower_ in {"based", "headquartered", "born"} and otype in {"GPE", "LOC"}:
                    label = f"{mod.head.lower_}_in"  # "Tokyo based Sony"
                elif is_vehicle and otype in OWNER_TYPES:  # a country before arms made them ('Russian Kalibr')
                    label = "made_in" if m.type == "WEAPON" and otype == "GPE" else "operated_by"
                elif m.type == "ORG" and otype in OWNER_TYPES and word.i == head.i:
                    if group_of_people(m):
                        continue  # 'a Maryland Democrat': a member from Maryland, no part of it
                    label = "part_of"
                elif word.i != head.i and otype in {"GPE"} and mod.dep_ != "poss":
                    label = noun_label(word, ctx.lexicon)  # "the Japanese automaker Toyota", "the Indian writer X"
                    if word.lemma_.lower() in ctx.words["counterpart_nouns"]:
                        label = _counterpart_title(ctx, idx, word)  # 'his Swedish counterpart Pal Jonson': same office
                        if not label:
                            continue
                elif m.type in PLACE_TYPES and otype in {"GPE", "LOC"} and mod.dep_ == "poss" and (
                        word.i == head.i or _place_noun(ctx, word)):
                    label = "located_in"  # 'Tokyo's Shinjuku district', 'Kaohsiung, Taiwan's second city'
                else:
                    continue
                yield from ctx.evidence("modifier", label, [head], [mod], head,
                                        attrs={"via": word.text} if word.i != head.i else None)


def _language_word(ctx: Context, mod: Token) -> bool:
    """A noun of a name's wording between a demonym and the noun it modifies, or that noun ('its French acronym AES':
    relation_lexicon.json language_nouns)."""
    nouns = ctx.words.get("language_nouns", set())
    return any(t.lemma_.lower() in nouns for t in ctx.doc[mod.i + 1 : mod.head.i + 1])


def _place_noun(ctx: Context, noun: Token) -> bool:
    """A noun that says a place is meant ('city', 'port', 'province'; relation_lexicon.json place_apposition_nouns,
    types.json place, facility and feature kind words, GPE/LOC type_nouns), not a role ('ally', 'partner')."""
    from kg import lexicon

    lemma = noun.lemma_.lower()
    if ctx.lexicon.get("type_nouns", {}).get(lemma) in {"GPE", "LOC", "FACILITY"} or lemma in ctx.words.get(
            "place_apposition_nouns", ()):
        return True
    return any(lemma in lexicon.words("types.json", "name_edges", kinds) for kinds in
               ("place_kind_words", "facility_kind_words", "feature_kind_words"))


def _counterpart_title(ctx: Context, idx: int, noun: Token) -> str:
    """The office of the titled person a counterpart is set beside, nearest before in the sentence ('Finnish
    Defence Minister Antti Hakkanen and his Swedish counterpart Pal Jonson': defence_minister); '' when none.
    Plural counterparts of titled people of several offices match them in order ('Foreign Minister A, Defence
    Minister B and their Philippine counterparts C and D': C the foreign minister), '' when the counts differ."""
    sent = ctx.heads[idx].sent
    before = sorted((i for i, h in ctx.heads.items() if i != idx and sent.start <= h.i < min(noun.i, ctx.heads[idx].i)
                     and ctx.mentions[i].type == "PERSON" and ctx.mentions[i].title), key=lambda i: ctx.heads[i].i)
    if not before:
        return ""
    offices = [_clean(ctx.mentions[i].title) for i in before]
    office = offices[-1]
    if noun.tag_ == "NNS" and len(set(offices)) > 1:
        named = sorted((i for i, h in ctx.heads.items() if ctx.mentions[i].type == "PERSON" and h.i > noun.i
                        and h.i in {t.i for t in noun.subtree}), key=lambda i: ctx.heads[i].i)
        if idx not in named or len(named) > len(offices):
            return ""
        office = offices[len(offices) - len(named) + named.index(idx)]
    return ctx.lexicon.get("counterpart_offices", {}).get(office, office)


def hyphen_pair(ctx: Context) -> Iterator[Evidence]:
    """"the Japan-U.S. alliance" → Japan —alliance→ United States (both ways)."""
    doc = ctx.doc
    for tok in ctx.tokens_with("ORTH", ("-", "–", "/")):
        if tok.text not in {"-", "–", "/"} or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        a, b = ctx.mention_of(doc[tok.i - 1]), ctx.mention_of(doc[tok.i + 1])
        if a is None or b is None or a == b:
            continue
        head_b = ctx.heads[b]
        noun = head_b.head
        if head_b.dep_ not in {"compound", "amod", "nmod"} or noun.pos_ != "NOUN" or ctx.mention_of(noun) is not None:
            continue
        if noun.lemma_.lower() not in ctx.words["relational_nouns"]:
            continue
        label = noun_label(noun, ctx.lexicon)
        yield from ctx.evidence("hyphen-pair", label, [doc[tok.i - 1]], [head_b], noun, symmetric=True)


def direction_of(ctx: Context) -> Iterator[Evidence]:
    """"Yokosuka, south of Tokyo" → Yokosuka —south_of→ Tokyo."""
    doc = ctx.doc
    for tok in ctx.tokens_with("LOWER", ctx.words["directions"]):
        if tok.lower_ not in ctx.words["directions"]:
            continue
        objs = [p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
        if not objs:
            continue
        source = tok.head if ctx.mention_of(tok.head) is not None else None
        j = tok.i - 1
        while source is None and j >= tok.sent.start and (
                doc[j].is_punct or doc[j].like_num or doc[j].lower_ in {"km", "kilometers", "miles", "mi"}):
            j -= 1
        if source is None and j >= tok.sent.start and j < tok.i - 1 and ctx.mention_of(doc[j]) is not None:
            source = doc[j]
        if source is None:
            continue
        word = re.sub(r"ern$", "", tok.lower_)
        if tok.i >= 2 and doc[tok.i - 1].text in {"-", "–"} and doc[tok.i - 2].lower_ in ctx.words["directions"]:
            word = f"{doc[tok.i - 2].lower_}_{word}"  # 'north-west of Adelaide': north_west, not west
        yield from ctx.evidence("direction-of", f"{word}_of", [source], objs, tok,
                                source_types=PLACE_TYPES | {"ORG"}, target_types=PLACE_TYPES)


def reciprocal(ctx: Context) -> Iterator[Evidence]:
    """"Japan, the U.S. and South Korea need to work together" → each pair —work_with→ (both ways)."""
    for tok in ctx.tokens_with("POS", ("VERB",)):
        if tok.pos_ != "VERB":
            continue
        together = any(c.lower_ in {"together", "jointly"} for c in tok.children)
        if not together and tok.lemma_.lower() not in ctx.words["reciprocal_verbs"]:
            continue
        subjects = ctx.end_tokens("@subject", {}, tok)
        if len(subjects) < 2:
            continue
        for i, a in enumerate(subjects):
            for b in subjects[i + 1:]:
                yield from ctx.evidence("reciprocal", f"{verb_label(tok)}_with", [a], [b], tok, symmetric=True)


def place_kind(ctx: Context) -> Iterator[Evidence]:
    """"the U.S. state of Indiana", "the Japanese island of Shikoku" → Indiana —located_in→ United States;
    "the Shinjuku district of Tokyo" → Shinjuku —located_in→ Tokyo.

    A place-kind noun ("state", "district") between two names: when the name before it is a country
    (or demonym), or the kind is an outer one ("the Paris suburb of Saint-Denis"), the name after "of" lies in
    it; otherwise the name before it is the place's own name and it lies in the one after "of".
    """
    for noun in ctx.tokens_with("POS", ("NOUN",)):
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma not in ctx.words["place_kinds"]:
            continue
        objs = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
        objs += [c for p in objs for c in p.conjuncts]
        for mod in noun.lefts:
            idx = ctx.mention_of(mod)
            if not objs or idx is None or mod.dep_ not in {"compound", "amod", "nmod", "poss"}:
                continue
            m = ctx.mentions[idx]
            country = m.demonym or m.type == "NORP" or is_country(m)
            inner, outer = (objs, [mod]) if country or lemma in ctx.words["outer_place_kinds"] else ([mod], objs)
            yield from ctx.evidence("place-kind", "located_in", inner, outer, noun,
                                    source_types=PLACE_TYPES | {"ORG"}, target_types={"GPE", "LOC"})


def is_containment(ev: Evidence, places: set[str]) -> bool:
    """located_in, based_in, or a place noun with "in" ("village_in")."""
    if ev.relation in {"located_in", "based_in", "headquartered_in"}:
        return True
    head, _, prep = ev.relation.rpartition("_")
    return prep == "in" and head.split("_")[-1] in places


def containment_chains(ctx: Context, evidence: list[Evidence]) -> Iterator[Evidence]:
    """Containment is transitive: A in B and B in C (a GPE or LOC) gives A —located_in→ C, in A→B's sentence.

    "Leeds, England" plus "a mill in Leeds" → the mill is in England (rule "located-in-chain").
    """
    places = ctx.words["places"]
    inside: dict[int, list[Evidence]] = {}
    for ev in evidence:
        if ev.kind == "pattern" and not (ev.negated or ev.hypothetical) and is_containment(ev, places):
            inside.setdefault(ev.source, []).append(ev)
    for first in [ev for evs in inside.values() for ev in evs]:
        for second in inside.get(first.target, []):
            outer = ctx.mentions[second.target]
            if second.target == first.source or outer.type not in {"GPE", "LOC"} or \
                    not ctx._pair_ok(first.source, second.target, (), ()):
                continue
            yield Evidence(source=first.source, target=second.target, relation="located_in", sent=first.sent,
                           rule="located-in-chain", date=first.date,
                           attrs={"via": ctx.mentions[first.target].text})


def name_country(ctx: Context) -> Iterator[Evidence]:
    """A state body whose own name holds its country ("Japan's Ministry of Defense", "the Japanese Defense
    Ministry", "the U.S. Navy") is part_of that country, linked to the document's nearest mention of it."""
    from kg.resolve import country_table

    variants, demonyms = country_table()
    bodies = ctx.words["state_bodies"]
    named = ctx.countries
    for idx, head in ctx.heads.items():
        m = ctx.mentions[idx]
        if m.type != "ORG" or head.lemma_.lower() not in bodies:
            continue
        country = qualifier_country(m.text, variants, demonyms)
        others = [i for i in named.get(country or "", []) if i != idx]
        if not others:
            continue
        target = min(others, key=lambda i: (abs(ctx.mentions[i].start - m.start), i))
        yield Evidence(source=idx, target=target, relation="part_of", sent=m.sent, rule="name-country",
                       attrs={"resolved": f"target: the country in the name {m.text!r}"})


def qualifier_country(text: str, variants: dict[str, str], demonyms: dict[str, str]) -> str | None:
    """The country a name opens with: a possessive ("Japan's"), a demonym ("Japanese") or a name ("U.S.")."""
    words = re.sub(r"^the\s+", "", text.replace("\u2019", "'"), flags=re.IGNORECASE).split()
    for n in range(min(3, len(words) - 1), 0, -1):
        lead = " ".join(words[:n])
        if lead.lower().endswith("'s"):
            return variants.get(lead[:-2].lower())
        found = variants.get(lead.lower()) or demonyms.get(lead.lower())
        if found:
            return found
    return None


BUILTIN_RULES = {
    "name-country": name_country,
    "title-role": title_role,
    "envoy-role": envoy_role,
    "modifier": modifier,
    "hyphen-pair": hyphen_pair,
    "direction-of": direction_of,
    "reciprocal": reciprocal,
    "place-kind": place_kind,
}
