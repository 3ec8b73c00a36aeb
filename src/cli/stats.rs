//! `newsgraph stats`: counts, most connected entities, PageRank, components; also
//! written to the `entity_stats` table.

use std::path::Path;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::Table;
use newsgraph::stats::{self, EntityStat};
use newsgraph::terminal::line;

/// Counts per type and predicate, most connected entities, PageRank, components.
#[derive(Debug, Clone, clap::Args)]
pub struct StatsArgs {
    /// How many entities to list by degree and by PageRank.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// Do not update the entity_stats table.
    #[arg(long)]
    pub no_write: bool,
    /// Count only entities in some fact between entities (the others are mentions only).
    #[arg(long)]
    pub with_facts: bool,
}

fn counts(title: &str, rows: &[(String, u64)]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    t.set_header(vec![title, "count"]);
    for (name, n) in rows {
        t.add_row(vec![line(name).into_owned(), n.to_string()]);
    }
    t
}

fn ranking(title: &str, rows: &[&EntityStat]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    t.set_header(vec![title, "type", "degree", "pagerank", "component", "id"]);
    for s in rows {
        t.add_row(vec![
            line(&s.name).into_owned(),
            line(&s.etype).into_owned(),
            s.degree.to_string(),
            format!("{:.5}", s.pagerank),
            s.component.to_string(),
            s.entity_id.clone(),
        ]);
    }
    t
}

pub fn run(args: &StatsArgs, db: &Path) -> anyhow::Result<()> {
    anyhow::ensure!(
        db.exists(),
        "no database at {}; build it first",
        db.display()
    );
    // writing entity_stats waits for a build that holds the database; the figures are
    // computed on a read-only connection and entity_stats written on one of its own
    // (a folder that cannot be written, so no lock either: the figures are still shown)
    let lock = if args.no_write {
        Err(anyhow::anyhow!("--no-write"))
    } else {
        newsgraph::writelock::acquire(db, "stats", &|who| eprintln!("waiting: {} holds {}", line(who), db.display()))
    };
    let conn = super::open_db(db)?;
    let mut s = stats::compute(&conn)?;
    if args.with_facts {
        let kept: Vec<&EntityStat> = s.per_entity.iter().filter(|e| e.degree > 0).collect();
        let mut by_type: std::collections::BTreeMap<String, u64> = Default::default();
        for e in &kept {
            *by_type.entry(e.etype.clone()).or_default() += 1;
        }
        s.entities = kept.len() as _;
        let mut rows: Vec<(String, u64)> = by_type.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        s.entities_by_type = rows;
    }
    outln!(
        "{} articles, {} entities, {} facts, {} edges between entities",
        s.articles, s.entities, s.facts, s.edges
    );
    let largest = s.component_sizes.first().copied().unwrap_or(0);
    outln!(
        "{} connected components; the largest has {} entities",
        s.components, largest
    );
    // exports count differently: say how, so the numbers can be checked against each other
    outln!(
        "(`export` without filters draws {} nodes and {} edges: the {} entities with a fact and {} dates, these {} edges and {} to dates; the {} entities without a fact are counted here, not drawn)\n",
        s.entities - s.isolated + s.date_nodes,
        s.edges + s.date_edges,
        s.entities - s.isolated,
        s.date_nodes,
        s.edges,
        s.date_edges,
        s.isolated
    );
    outln!("{}\n", counts("entity type", &s.entities_by_type));
    outln!("{}\n", counts("predicate", &s.facts_by_predicate));
    outln!("{}\n", ranking("most connected", &s.top_degree(args.top)));
    outln!("{}", ranking("highest PageRank", &s.top_pagerank(args.top)));
    if !args.no_write {
        drop(conn);
        match lock.and_then(|_lock| newsgraph::store::open(db).and_then(|c| Ok(stats::write_entity_stats(&c, &s)?))) {
            Ok(()) => eprintln!("wrote {} rows to entity_stats", s.per_entity.len()),
            Err(e) => eprintln!("warning: entity_stats not written ({e:#}); --no-write leaves it alone"),
        }
    }
    Ok(())
}
