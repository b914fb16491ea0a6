/**
 * A lunr index as the compiled knowledge base keeps it, compact, and back. lunr's own JSON names
 * each document again in every posting (1.6 MB for the shipped knowledge), and loading it rebuilds
 * and minimizes the trie of every term: ~45 ms of every start. Here documents and fields are
 * numbers, and the trie is kept as lunr built it, node by node, so loading builds no index.
 */
import lunr from 'lunr';

const NO_METADATA = Object.freeze({});

/** One node of lunr's term trie (lunr.TokenSet: the fields its query code reads). */
export interface TrieNode {
  final: boolean;
  edges: Record<string, TrieNode>;
}

/** A term's posting: its vocabulary index, then per field the documents holding it. */
type Posting = [index: number, ...docs: number[][]];

export interface CompactIndex {
  fields: string[];
  refs: string[];
  /** Terms and their postings, in the same order. */
  terms: string[];
  postings: Posting[];
  /** Per field vector: its field, its document, its elements (term index, weight, …). */
  vectors: [field: number, doc: number, elements: number[]][];
  /** The term trie: per node, 1 when a term ends in it, then its edges (label, node). */
  trie: (number | string)[][];
}

/** lunr's index as it holds itself in memory (what lunr.Index.load makes of its JSON). */
interface Held {
  invertedIndex: Record<string, { _index: number } & Record<string, Record<string, object> | number>>;
  fieldVectors: Record<string, lunr.Vector>;
  tokenSet: TrieNode;
  fields: string[];
  pipeline: lunr.Pipeline;
}

/** An index built with an empty search pipeline (tokens arrive ready: index.ts), kept compact. */
export function compact(index: lunr.Index): CompactIndex {
  const held = index as lunr.Index & Held;
  if (held.pipeline.toJSON().length > 0) throw new Error('a compact index keeps no search pipeline');
  const fields = held.fields;
  const refs: string[] = [];
  const refNumber = new Map<string, number>();
  const refOf = (ref: string): number => {
    let n = refNumber.get(ref);
    if (n === undefined) {
      n = refs.push(ref) - 1;
      refNumber.set(ref, n);
    }
    return n;
  };
  const terms = Object.keys(held.invertedIndex).sort();
  const postings = terms.map((term): Posting => {
    const p = held.invertedIndex[term] as Held['invertedIndex'][string];
    return [p._index, ...fields.map((f) => Object.keys(p[f] as Record<string, object>).map(refOf))];
  });
  const vectors = Object.entries(held.fieldVectors).map(([fieldRef, v]): CompactIndex['vectors'][number] => {
    const slash = fieldRef.indexOf('/');
    const { elements } = v as lunr.Vector & { elements: number[] };
    return [fields.indexOf(fieldRef.slice(0, slash)), refOf(fieldRef.slice(slash + 1)), elements];
  });
  // The trie's nodes, shared suffixes once, numbered breadth first from the root.
  const nodes: TrieNode[] = [held.tokenSet];
  const number = new Map<TrieNode, number>([[held.tokenSet, 0]]);
  const trie: CompactIndex['trie'] = [];
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k] as TrieNode;
    const row: (number | string)[] = [node.final ? 1 : 0];
    for (const [label, child] of Object.entries(node.edges)) {
      let n = number.get(child);
      if (n === undefined) {
        n = nodes.push(child) - 1;
        number.set(child, n);
      }
      row.push(label, n);
    }
    trie.push(row);
  }
  return { fields, refs, terms, postings, vectors, trie };
}

export function restore(c: CompactIndex): lunr.Index {
  const invertedIndex: Held['invertedIndex'] = Object.create(null);
  const { fields, refs, terms, postings } = c;
  for (let t = 0; t < terms.length; t++) {
    const p = postings[t] as Posting;
    const posting: Held['invertedIndex'][string] = { _index: p[0] };
    for (let f = 0; f < fields.length; f++) {
      const docs = p[f + 1] as number[];
      const byRef: Record<string, object> = Object.create(null);
      // lunr reads a document's metadata and never writes it: one empty record serves them all.
      for (let d = 0; d < docs.length; d++) byRef[refs[docs[d] as number] as string] = NO_METADATA;
      posting[fields[f] as string] = byRef;
    }
    invertedIndex[terms[t] as string] = posting;
  }
  const fieldVectors: Record<string, lunr.Vector> = {};
  for (const [f, d, elements] of c.vectors)
    fieldVectors[`${c.fields[f]}/${c.refs[d]}`] = new lunr.Vector(elements);
  const nodes = c.trie.map(() => new lunr.TokenSet() as lunr.TokenSet & TrieNode);
  for (let k = 0; k < c.trie.length; k++) {
    const row = c.trie[k] as (number | string)[];
    const node = nodes[k] as TrieNode;
    node.final = row[0] === 1;
    for (let e = 1; e < row.length; e += 2)
      node.edges[row[e] as string] = nodes[row[e + 1] as number] as TrieNode;
  }
  // lunr.Index's constructor takes what it holds; its typings still name the vectors by their old name.
  const attrs: lunr.Index.Attributes & Pick<Held, 'fieldVectors'> = {
    invertedIndex,
    fieldVectors,
    documentVectors: fieldVectors,
    tokenSet: nodes[0] as lunr.TokenSet,
    fields: c.fields,
    pipeline: new lunr.Pipeline(),
  };
  return new lunr.Index(attrs);
}
