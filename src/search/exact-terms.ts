/**
 * lunr expands every query term through its trie of terms, for wildcards and edit distances. Ours
 * are exact: a term is either in the index or not. Walking the trie compares each letter with every
 * edge of a node, and the root has one per Chinese character the knowledge holds: a quarter of
 * each search. An exact term is looked up instead; anything else still walks the trie.
 */
import lunr from 'lunr';
import type { TrieNode } from './serialized.ts';

/** The one term a query's trie spells (lunr.TokenSet.fromString of a plain term), or null. */
function plainTerm(q: TrieNode): string | null {
  let term = '';
  let node = q;
  for (;;) {
    const labels = Object.keys(node.edges);
    if (labels.length === 0) return node.final ? term : null;
    const label = labels[0] as string;
    if (labels.length > 1 || label === '*' || node.final) return null;
    term += label;
    node = node.edges[label] as TrieNode;
  }
}

/** Make `index` look exact terms up in its postings, leaving its results as they were. */
export function lookUpExactTerms(index: lunr.Index): lunr.Index {
  const held = index as lunr.Index & { tokenSet: lunr.TokenSet; invertedIndex: Record<string, unknown> };
  const trie = held.tokenSet;
  const terms = held.invertedIndex;
  const exact: lunr.TokenSet = Object.create(trie);
  exact.intersect = (q: lunr.TokenSet) => {
    const term = plainTerm(q as lunr.TokenSet & TrieNode);
    if (term === null) return trie.intersect(q);
    // What the trie would give: the term's own one-path trie when the index holds it, else nothing.
    return Object.hasOwn(terms, term) ? q : new lunr.TokenSet();
  };
  held.tokenSet = exact;
  return index;
}
