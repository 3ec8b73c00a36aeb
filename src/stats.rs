//! Graph statistics: counts per entity type and predicate, degree, PageRank and connected
//! components of the entity graph (dates left out: a shared date does not connect two
//! events), written to `entity_stats` so SQL can use them.

use petgraph::visit::EdgeRef;
use rusqlite::{params, Connection};

use crate::view::{self, ViewOptions};

/// PageRank damping factor (the usual 0.85).
pub const DAMPING: f64 = 0.85;

/// Measures of one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityStat {
    pub entity_id: String,
    pub name: String,
    pub etype: String,
    /// Number of collapsed edges (subject, predicate, object) touching it.
    pub degree: u32,
    pub pagerank: f64,
    /// 1 = the largest connected component (ties: the one with the smallest entity id).
    pub component: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub articles: u64,
    pub entities: u64,
    /// Rows of the `facts` view.
    pub facts: u64,
    /// Collapsed edges between entities.
    pub edges: u64,
    /// Entities without any fact, also none with a date (counted here, left out of exports).
    pub isolated: u64,
    /// Date nodes and the edges to them, which exports draw and these measures leave out.
    pub date_nodes: u64,
    pub date_edges: u64,
    /// (type, count), by type.
    pub entities_by_type: Vec<(String, u64)>,
    /// (predicate, facts), most frequent first.
    pub facts_by_predicate: Vec<(String, u64)>,
    pub components: u32,
    /// Sizes of components, largest first.
    pub component_sizes: Vec<u32>,
    /// Every entity, by id.
    pub per_entity: Vec<EntityStat>,
}

impl Stats {
    /// The `n` entities with the highest degree (ties by id).
    pub fn top_degree(&self, n: usize) -> Vec<&EntityStat> {
        let mut v: Vec<&EntityStat> = self.per_entity.iter().collect();
        v.sort_by(|a, b| {
            b.degree
                .cmp(&a.degree)
                .then_with(|| a.entity_id.cmp(&b.entity_id))
        });
        v.truncate(n);
        v
    }

    /// The `n` entities with the highest PageRank (ties by id).
    pub fn top_pagerank(&self, n: usize) -> Vec<&EntityStat> {
        let mut v: Vec<&EntityStat> = self.per_entity.iter().collect();
        v.sort_by(|a, b| {
            b.pagerank
                .total_cmp(&a.pagerank)
                .then_with(|| a.entity_id.cmp(&b.entity_id))
        });
        v.truncate(n);
        v
    }
}

/// PageRank by power iteration in O(V + E) per round. `edges` are directed (u → v) over
/// nodes 0..n; dangling nodes spread their rank evenly. Stops when the L1 change is below
/// `tol` or after `max_iter` rounds. The result sums to 1 (empty graph: empty vector).
pub fn pagerank(
    n: usize,
    edges: &[(usize, usize)],
    damping: f64,
    tol: f64,
    max_iter: usize,
) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let mut out_deg = vec![0u32; n];
    for &(u, _) in edges {
        out_deg[u] += 1;
    }
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut next = vec![0.0; n];
    for _ in 0..max_iter {
        let dangling: f64 = (0..n).filter(|&i| out_deg[i] == 0).map(|i| rank[i]).sum();
        let base = (1.0 - damping) * uniform + damping * dangling * uniform;
        next.iter_mut().for_each(|x| *x = base);
        for &(u, v) in edges {
            next[v] += damping * rank[u] / out_deg[u] as f64;
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < tol {
            break;
        }
    }
    rank
}

/// Connected components of an undirected graph over nodes 0..n, numbered from 1 by size
/// (largest first; ties: smallest node first). Returns (component of each node, sizes).
pub fn components(n: usize, edges: &[(usize, usize)]) -> (Vec<u32>, Vec<u32>) {
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(u, v) in edges {
        adj[u].push(v);
        adj[v].push(u);
    }
    // Label by discovery (node order), then renumber by size.
    let mut raw = vec![usize::MAX; n];
    let mut sizes: Vec<(u32, usize)> = Vec::new(); // (size, first node)
    for start in 0..n {
        if raw[start] != usize::MAX {
            continue;
        }
        let c = sizes.len();
        raw[start] = c;
        let mut stack = vec![start];
        let mut size = 0u32;
        while let Some(u) = stack.pop() {
            size += 1;
            for &v in &adj[u] {
                if raw[v] == usize::MAX {
                    raw[v] = c;
                    stack.push(v);
                }
            }
        }
        sizes.push((size, start));
    }
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by(|&a, &b| {
        sizes[b]
            .0
            .cmp(&sizes[a].0)
            .then(sizes[a].1.cmp(&sizes[b].1))
    });
    let mut number = vec![0u32; sizes.len()];
    for (rank, &c) in order.iter().enumerate() {
        number[c] = rank as u32 + 1;
    }
    let comp = raw.iter().map(|&c| number[c]).collect();
    let ordered_sizes = order.iter().map(|&c| sizes[c].0).collect();
    (comp, ordered_sizes)
}

fn count_rows(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<(String, u64)>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
    })?;
    rows.collect()
}

/// Computes all statistics over the whole entity graph.
pub fn compute(conn: &Connection) -> anyhow::Result<Stats> {
    let opts = ViewOptions {
        exclude_types: vec!["DATE".to_string()],
        isolated: true,
        ..ViewOptions::default()
    };
    let v = view::build(conn, &opts)?;
    let g = &v.graph;
    let n = g.node_count();
    let mut directed: Vec<(usize, usize)> = Vec::with_capacity(g.edge_count() * 2);
    let mut undirected: Vec<(usize, usize)> = Vec::with_capacity(g.edge_count());
    let mut degree = vec![0u32; n];
    for e in g.edge_references() {
        let (s, t) = (e.source().index(), e.target().index());
        undirected.push((s, t));
        directed.push((s, t));
        if e.weight().symmetric {
            directed.push((t, s));
        }
        degree[s] += 1;
        if t != s {
            degree[t] += 1;
        }
    }
    let rank = pagerank(n, &directed, DAMPING, 1e-10, 200);
    let (comp, sizes) = components(n, &undirected);
    let per_entity = g
        .node_indices()
        .map(|i| {
            let node = &g[i];
            EntityStat {
                entity_id: node.id.clone(),
                name: node.name.clone(),
                etype: node.etype.clone(),
                degree: degree[i.index()],
                pagerank: rank[i.index()],
                component: comp[i.index()],
            }
        })
        .collect();

    let one = |sql: &str| {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|c| c as u64)
    };
    Ok(Stats {
        articles: one("SELECT COUNT(*) FROM article")?,
        entities: one("SELECT COUNT(*) FROM entity")?,
        facts: one("SELECT COUNT(*) FROM facts")?,
        edges: g.edge_count() as u64,
        isolated: one("SELECT COUNT(*) FROM entity")?
            - one("SELECT COUNT(*) FROM (SELECT subject_id FROM facts UNION SELECT object_id FROM facts WHERE object_id IS NOT NULL)")?,
        date_nodes: one("SELECT COUNT(DISTINCT object) FROM facts WHERE object_id IS NULL")?,
        date_edges: one("SELECT COUNT(*) FROM (SELECT DISTINCT subject_id, predicate, object FROM facts WHERE object_id IS NULL)")?,
        entities_by_type: count_rows(
            conn,
            "SELECT type, COUNT(*) FROM entity GROUP BY type ORDER BY type",
        )?,
        facts_by_predicate: count_rows(
            conn,
            "SELECT predicate, COUNT(*) AS c FROM facts GROUP BY predicate ORDER BY c DESC, predicate",
        )?,
        components: sizes.len() as u32,
        component_sizes: sizes,
        per_entity,
    })
}

/// Replaces the contents of `entity_stats` with `stats.per_entity`, in one transaction.
pub fn write_entity_stats(conn: &Connection, stats: &Stats) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    tx.execute("DELETE FROM entity_stats", [])?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO entity_stats (entity_id, degree, pagerank, component) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for s in &stats.per_entity {
            insert.execute(params![s.entity_id, s.degree, s.pagerank, s.component])?;
        }
    }
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagerank_of_a_star_favours_the_centre() {
        // 1, 2, 3 all point at 0; 0 is dangling.
        let r = pagerank(4, &[(1, 0), (2, 0), (3, 0)], DAMPING, 1e-12, 500);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(r[0] > r[1] && (r[1] - r[2]).abs() < 1e-12);
    }

    #[test]
    fn pagerank_of_a_cycle_is_uniform() {
        let r = pagerank(3, &[(0, 1), (1, 2), (2, 0)], DAMPING, 1e-12, 500);
        for x in r {
            assert!((x - 1.0 / 3.0).abs() < 1e-9);
        }
    }

    #[test]
    fn components_numbered_largest_first() {
        let (c, sizes) = components(6, &[(4, 5), (1, 2), (2, 3)]);
        assert_eq!(sizes, vec![3, 2, 1]);
        assert_eq!(c, vec![3, 1, 1, 1, 2, 2]);
    }
}
