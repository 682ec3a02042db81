#!/usr/bin/python3
"""The NetworkX peer of bench/network_bench.cc: the same steps on the same edge list.

    /usr/bin/python3 bench/networkx_peer.py EDGES_CSV SOURCES_TXT

EDGES_CSV is kembar's merged edge list (header source,target,kind,start_year; node
indices), SOURCES_TXT the shared betweenness sample (one index per line), both written
by `network_bench prepare`. One pass, each step timed: load (read the file, parse,
build the graph), connected components, degrees and the top 10, clustering
(transitivity and average local), betweenness from the given sources to every node.
Prints one JSON line with the seconds per step and the answers.

Runs with Debian's python3-networkx (2.8), i.e. /usr/bin/python3.
"""
import csv
import json
import sys
import time

import networkx as nx


def main(edges_path, sources_path):
    with open(sources_path) as f:
        sources = [int(line) for line in f if line.strip()]
    t0 = time.perf_counter()
    g = nx.Graph()
    with open(edges_path, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        assert header[:2] == ["source", "target"], header
        g.add_edges_from((int(r[0]), int(r[1])) for r in rows)
    t1 = time.perf_counter()
    comps = list(nx.connected_components(g))
    components, largest = len(comps), max(len(c) for c in comps)
    t2 = time.perf_counter()
    degree = dict(g.degree())
    top_degree = sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    t3 = time.perf_counter()
    transitivity = nx.transitivity(g)
    average_clustering = nx.average_clustering(g)
    t4 = time.perf_counter()
    # Sources x all targets, unnormalised; NetworkX halves undirected sums as igraph does.
    betweenness = nx.betweenness_centrality_subset(g, sources, list(g), normalized=False)
    t5 = time.perf_counter()
    top_betweenness = sorted(betweenness.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    print(json.dumps({
        "tool": "networkx " + nx.__version__,
        "load_s": t1 - t0, "components_s": t2 - t1, "degree_s": t3 - t2,
        "clustering_s": t4 - t3, "betweenness_s": t5 - t4, "total_s": t5 - t0,
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "sources": len(sources),
        "components": components, "largest_component": largest,
        "top_degree": [[n, d] for n, d in top_degree],
        "transitivity": transitivity, "average_clustering": average_clustering,
        "top_betweenness": [[n, b] for n, b in top_betweenness],
    }))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
